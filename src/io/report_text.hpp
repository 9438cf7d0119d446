#pragma once
// Private: numbers and units as the reports print them, per language.
//
// Chinese keeps the scale words of the unit (`38.16万平方米`) and writes large unscaled
// quantities with 万 or 亿 (`213000平方米` → `21.3万平方米`); English writes the full number with
// thousands separators (`381,600 m²`), `million` / `billion` from a million up, and English unit
// names where one is known (`m²`, `km`, `yuan`, `persons per 100 million yuan`).

#include <string>
#include <string_view>

#include "planeval/core/common.hpp"
#include "planeval/core/unit.hpp"

namespace planeval::detail {

/// `1234567.5` → `1,234,567.5` (digits before the point grouped by three; a sign kept).
std::string group_thousands(std::string_view plain);

/// A number rounded as reports print it (two decimals from 1 up, four below); English groups
/// thousands (`5,907`), Chinese does not (`5907`).
std::string format_plain(double v, language lang);

/// A quantity with its unit in a language (see the file comment). An empty unit gives the
/// number alone; `%` gives `12.6%`; a percentage point `0.8个百分点` / `0.8 pp`.
std::string format_quantity(double v, const unit& u, language lang);

/// The unit alone as a label (`万平方米`; English: `10,000 m²`, `%`, `pp`); empty for none.
std::string unit_label(const unit& u, language lang);

/// A share 0…1 as a percentage with up to two decimals: 0.1285 → `12.85%`.
std::string format_share(double share);

/// Percentage points with a sign: `+0.8个百分点` / `+0.8 pp`, `0 pp`, `-3.82 pp`.
std::string format_points(double points, language lang);

/// A gap in its unit with a sign: percentage points as above, others `+120元/平方米` /
/// `+120 yuan/m²`.
std::string format_gap(double gap, const unit& u, language lang);

}  // namespace planeval::detail
