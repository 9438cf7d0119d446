#pragma once
// Private helpers of the analytics layer: numbers and periods as reasons print them.

#include <string>

#include "planeval/core/period.hpp"
#include "planeval/core/unit.hpp"

namespace planeval::detail {

/// Rounded to `digits` decimals (half away from zero).
double round_to(double v, int digits) noexcept;

/// A number as plan reports print it: rounded to two decimals, shortest text (`12.85`, `5`).
std::string num(double v);

/// A number rounded to `digits` decimals, shortest text.
std::string num(double v, int digits);

/// A value of any size: two decimals from 1 up, four below (`23.7`, `0.0168`).
std::string value_text(double v);

/// A share as a percentage with up to two decimals: 0.1285 → `12.85%`.
std::string pct(double share);

/// `2021年`, `2021年第3季度`, `2021年9月`, `2016—2020年`.
std::string period_zh(const period& p);

/// The unit after a number in Chinese: the symbol (`万平方米`, `%`), nothing for none.
std::string unit_zh(const unit& u);

/// The unit after a number in English: `%`, ` 万平方米`, nothing for none.
std::string unit_en(const unit& u);

}  // namespace planeval::detail
