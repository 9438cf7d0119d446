#pragma once
// Private: how every layer puts numbers, quantities with units, periods, dates, shares, gaps,
// points and display names into words, in Chinese or English. One place, used by the core's
// reasons, the analytics' reasons, the renderers and the report.
//
// Numbers are rounded as plan reports print them: two decimals from 1 up, four below, shortest
// text (`12.85`, `5`, `0.0168`); English groups thousands (`5,907`), Chinese does not.
// Quantities: Chinese keeps the scale words of the unit (`38.16万平方米`) and writes large unscaled
// quantities with 万 or 亿 (`213000平方米` → `21.3万平方米`); English writes the full number with
// thousands separators (`381,600 m²`), `million` / `billion` from a million up, and the English
// name of every unit of the unit table (`m²`, `yuan/m²`, `persons`, `pp`); a unit outside the
// table keeps its symbol.

#include <string>
#include <string_view>

#include "planeval/core/common.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/unit.hpp"

namespace planeval::text {

/// The text of a language: `zh` or `en`.
inline const char* tr(language lang, const char* zh, const char* en) noexcept {
  return lang == language::zh ? zh : en;
}

/// The display-name rule of indicators, plans and tasks: the name in `lang`, else the name in
/// the other language, else the id.
const std::string& display_name(const std::string& zh, const std::string& en, const std::string& id,
                                language lang) noexcept;

// --- numbers -------------------------------------------------------------------------------

/// Rounded to `digits` decimals (half away from zero); never `-0`.
double round_to(double v, int digits) noexcept;

/// A number rounded to `digits` decimals, shortest text (`12.85`, `5`); not-finite as is.
std::string format_rounded(double v, int digits = 2);
/// `v` rounded as `format_rounded` does, then ` percentage point` or ` percentage points` as
/// the rounded number asks (1 point, 1.5 points).
std::string points_en(double v, int digits = 2);

/// A number of any size as reports print it: two decimals from 1 up, four below
/// (`23.7`, `0.0168`); no grouping.
std::string format_value(double v);

/// `format_value`, with thousands grouped in English (`5,907`; Chinese `5907`).
std::string format_value(double v, language lang);

/// `1234567.5` → `1,234,567.5` (digits before the point grouped by three; a sign kept).
std::string group_thousands(std::string_view plain);

// --- quantities ----------------------------------------------------------------------------

/// A quantity with its unit (see the file comment). An empty unit gives the number alone; `%`
/// gives `12.6%`; a percentage point `0.8个百分点` / `0.8 pp`.
std::string format_quantity(double v, const unit& u, language lang);

/// The unit alone as a label (`万平方米`; English: `10,000 m²`, `%`, `pp`, `persons`); empty for
/// none.
std::string unit_name(const unit& u, language lang);

/// A share 0…1 as a percentage with up to two decimals: 0.1285 → `12.85%`.
std::string format_share(double share);

/// Percentage points with a sign: `+0.8个百分点` / `+0.8 pp`, `0 pp`, `-3.82 pp`.
std::string format_points(double points, language lang);

/// A gap in its unit with a sign: percentage points as above (also for a `%` unit), others
/// `+120元/平方米` / `+120 yuan/m²`.
std::string format_gap(double gap, const unit& u, language lang);

// --- periods and dates ---------------------------------------------------------------------

/// A period: `2021年`, `2021年第3季度`, `2021年9月`, `2016—2020年`; English `2021`, `2021-Q3`,
/// `2021-09`, `2016–2020`.
std::string period_text(const period& p, language lang);

/// The English abbreviation of a month 1…12: `Jan` … `Dec`.
const char* month_abbreviation(int month) noexcept;

/// A date: `2021年9月30日` / `2021-09-30`.
std::string date_text(const date& d, language lang);

}  // namespace planeval::text
