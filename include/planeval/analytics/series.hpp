#pragma once
/// @file
/// @brief Annual series for the analytics layer: points, what their values are, and how they are
/// read from a plan's observations.

#include <cstdint>
#include <vector>

#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief One value of an annual series.
struct annual_point {
  int year = 0;        ///< calendar year
  double value = 0.0;  ///< the value, in the indicator's unit

  friend bool operator==(const annual_point& a, const annual_point& b) noexcept {
    return a.year == b.year && a.value == b.value;
  }
  friend bool operator!=(const annual_point& a, const annual_point& b) noexcept {
    return !(a == b);
  }
};

/// @brief What the values of a series are, which decides how trends and pace judge them.
enum class series_kind : std::uint8_t {
  automatic,  ///< decide from the indicator (`infer_series_kind`)
  level,      ///< levels: a stock, a period's total, a share (CAGR and paths apply)
  growth_rate,  ///< change rates (增速, 增长率, 降低率): judged on level and slope, never by CAGR
};

/// @brief Stable name of a series kind (`automatic`, `level`, `growth_rate`).
const char* to_string(series_kind k) noexcept;

/// @brief Infers what an indicator's values are from its kind and name.
///
/// `growth_rate` for indicators of kind `rate` whose Chinese name contains 增速, 增长率, 增幅,
/// 涨幅, 降低率, 下降率, 降幅 or 减量率 (or, without a Chinese name, whose English name contains
/// `growth` or `reduction rate`); `level` otherwise. The rule is a default: callers that know
/// better pass `series_kind::level` or `series_kind::growth_rate` explicitly.
series_kind infer_series_kind(const indicator& ind) noexcept;

/// @brief `k`, or `infer_series_kind(ind)` when `k` is `automatic`.
series_kind resolve_series_kind(series_kind k, const indicator& ind) noexcept;

/// @brief The annual series of an indicator, sorted by year.
///
/// Takes the year observations with a point value from `actuals`, then those of `p.observations`
/// for years not yet covered, then the indicator's baseline when it is a year not yet covered.
/// Level series take level observations (a bare percentage on an indicator whose unit is not `%`
/// is a growth figure and is left out); growth-rate series also take growth observations.
/// Values are converted to the indicator's unit; comparable figures (`10.9(可比7.0)`) are used
/// where given. Bounds, intervals, judgments and missing values are left out.
/// @param p the plan (its observations are the fallback)
/// @param ind the indicator
/// @param actuals observations that take precedence over the plan's
/// @param kind what the values are (`automatic`: `infer_series_kind`)
/// @throws model_error (`unit_incompatible`) when a value's unit cannot be converted.
std::vector<annual_point> annual_series(const plan& p, const indicator& ind,
                                        const observation_set& actuals,
                                        series_kind kind = series_kind::automatic);

}  // namespace planeval
