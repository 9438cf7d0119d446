#pragma once
/// @file
/// @brief Pace within a period (时序进度): the share of an annual target done so far against the
/// share of the year elapsed, as Chinese progress reports write it
/// ("完成年度计划12.85%,低于时序进度(16.67%)3.82个百分点").
///
/// A pure function of (plan, observations, references, options): thread-safe and deterministic.
/// See docs/analytics.md for the rules.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "planeval/analytics/series.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief Outcome of a pace check.
enum class pace_status : std::uint8_t {
  ahead,            ///< 快于预期: ahead of the elapsed share (beyond the tolerance)
  in_line,          ///< 基本符合预期: within the tolerance
  behind,           ///< 滞后: behind the elapsed share (binding: any shortfall)
  no_data,          ///< no usable year-to-date values (the reason says what is missing)
  no_target,        ///< no target for the year
  needs_reference,  ///< the target names a reference or quota that was not supplied
  not_applicable,   ///< the target has no level to pace against (qualitative, direction, CAGR …)
};

/// @brief How the share done was measured.
enum class pace_method : std::uint8_t {
  none,        ///< nothing was measured (a status other than ahead, in_line, behind)
  flow_share,  ///< flows: year-to-date total ÷ annual target, against the elapsed share
  path_share,  ///< stocks and shares: (latest − baseline) ÷ (target − baseline), same comparison
  level,       ///< change rates: the year-to-date rate against the target rate, in points
};

/// @brief How year-to-date values of flows are reported.
enum class ytd_values : std::uint8_t {
  automatic,  ///< an observation qualified `累计` (cumulative) is year to date, others per period
  per_period,  ///< every value is the sub-period's own (months or quarters add up)
  cumulative,  ///< every value is the total from the start of the year (1—n月累计)
};

/// @brief Stable name of a pace status (`ahead`, `in_line`, `behind`, …).
const char* to_string(pace_status s) noexcept;
/// @brief Display label of a pace status (`快于预期` / `ahead of schedule`, …).
const char* status_label(pace_status s, language l) noexcept;
/// @brief Stable name of a pace method (`flow_share`, `path_share`, `level`, `none`).
const char* to_string(pace_method m) noexcept;
/// @brief Stable name of a reporting mode (`automatic`, `per_period`, `cumulative`).
const char* to_string(ytd_values v) noexcept;

/// @brief Options of a pace check.
struct pace_options {
  /// The as-of date. Only sub-periods (months, quarters) that have ended by then count.
  /// Default: for each indicator, the last day of its latest observed sub-period.
  std::optional<date> as_of;
  /// The year assessed. Default: the year of `as_of`, else the latest year with a month or
  /// quarter observation.
  std::optional<int> year;
  /// How the elapsed share is counted. Chinese reports count whole months (1–2月 = 2/12).
  elapsed_basis basis = elapsed_basis::months;
  /// Tolerance in percentage points (of the target share for flows and paths, of the rate for
  /// change rates). Anticipatory indicators are `in_line` within ±tolerance; binding ones are
  /// `behind` on any shortfall and `in_line` up to +tolerance.
  double tolerance_points = 2.0;
  /// How flow values are reported (cumulative or per period).
  ytd_values values = ytd_values::automatic;
  /// What each indicator's values are, by id; others are inferred (`infer_series_kind`).
  std::map<std::string, series_kind> series;
};

/// @brief The pace of one indicator's annual target as of a date.
struct pace_assessment {
  std::string indicator;      ///< indicator id
  planeval::period period;    ///< the target's period (a year)
  std::optional<date> as_of;  ///< the as-of date used (none when nothing was observed)
  pace_status status = pace_status::no_data;  ///< the status
  pace_method method = pace_method::none;     ///< how the share done was measured
  std::string target_text;                    ///< the target as published
  std::optional<double> target_value;  ///< annual target level (or target rate), indicator's unit
  std::optional<double> baseline;      ///< the starting level of a path (path_share)
  std::optional<double> actual;        ///< year-to-date total (flows) or latest value
  std::optional<planeval::period> latest;  ///< the latest sub-period counted
  unit value_unit;                         ///< unit of target_value, baseline and actual
  double expected_share = 0.0;             ///< share of the year elapsed, 0…1
  std::optional<double> done_share;        ///< share of the target done, 0…1 (may exceed 1)
  /// done − expected in percentage points, each share rounded to 0.01 points first (so the
  /// sentence adds up); for change rates actual − target in points. Positive is better.
  std::optional<double> gap_points;
  std::string reason_zh;  ///< the sentence, in Chinese
  std::string reason_en;  ///< the sentence, in English

  /// @brief The reason in a language.
  const std::string& reason(language l) const noexcept {
    return l == language::zh ? reason_zh : reason_en;
  }
};

/// @brief Grades a gap: the rule shared by every method.
/// @param gap_points done − expected (or actual − target) in percentage points, positive better
/// @param attr binding: behind on any shortfall, in_line up to +tolerance, ahead beyond;
///        anticipatory: in_line within ±tolerance
/// @param tolerance_points the tolerance (≥ 0)
/// @return ahead, in_line or behind. The gap is compared after rounding to 0.01 points.
pace_status grade_pace(double gap_points, attribute attr, double tolerance_points) noexcept;

/// @brief Checks the pace of one indicator's target.
///
/// Year-to-date values are the month or quarter observations of the target's year (the finer
/// granularity that reaches later), from `actuals` first, then the plan's own. Flows (`acc ==
/// flow`) add up per-period values (a cumulative value stands for all sub-periods up to it);
/// stocks and shares take the latest value; change rates take the latest rate.
/// @param p the plan (tolerances, observations, references)
/// @param ind the indicator
/// @param t the target (its period should be a year)
/// @param actuals year-to-date observations
/// @param references references and quotas the target may name
/// @param options as-of date, basis, tolerance, reporting mode
/// @throws model_error when a target or reference unit cannot be converted.
pace_assessment assess_pace(const plan& p, const indicator& ind, const target& t,
                            const observation_set& actuals, const reference_set& references,
                            const pace_options& options = {});

/// @brief Checks the pace of every indicator's target for the assessed year, in plan order.
/// Indicators without a target for that year get a `no_target` assessment.
/// @throws model_error as `assess_pace`; usage error (`errc::usage`) when no year can be found.
std::vector<pace_assessment> assess_pace(const plan& p, const observation_set& actuals,
                                         const reference_set& references,
                                         const pace_options& options = {});

}  // namespace planeval
