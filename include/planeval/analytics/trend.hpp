#pragma once
/// @file
/// @brief Trend toward a target: the SDG progress method of Statistics Canada and open-sdg
/// (after Eurostat) — the ratio of observed to required compound annual growth — with its
/// no-target variant and natural-limit damping; change-rate series judged on level and
/// least-squares slope instead of CAGR.
///
/// Pure functions: thread-safe and deterministic. See docs/analytics.md for formulas and sources.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "planeval/analytics/projection.hpp"
#include "planeval/analytics/series.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief Outcome of a trend assessment.
enum class trend_status : std::uint8_t {
  achieved,              ///< the latest value already meets the target
  on_track,              ///< R ≥ 0.95
  acceleration_needed,   ///< 0.60 ≤ R < 0.95
  limited_progress,      ///< 0 ≤ R < 0.60 (no target: 0 ≤ growth < 0.5% a year)
  deterioration,         ///< R < 0 (no target: moving the wrong way)
  substantial_progress,  ///< no target: growth ≥ 1.5% a year in the right direction
  moderate_progress,     ///< no target: 0.5% ≤ growth < 1.5% a year
  insufficient_data,     ///< fewer than two points, or the base year is not before the latest
  duplicate_periods,     ///< a year appears twice
  sign_change,           ///< base and current (or target) values of different signs
  zero_value,            ///< a base value of zero: growth rates are undefined
  not_applicable,        ///< no usable target (qualitative, a reference not supplied, …)
};

/// @brief Stable name of a trend status (`achieved`, `on_track`, …).
const char* to_string(trend_status s) noexcept;
/// @brief Display label of a trend status (`进展顺利` / `on track`, …).
const char* status_label(trend_status s, language l) noexcept;

/// @brief What the target of a trend is.
struct trend_target {
  double value = 0.0;  ///< a level, or for `growth` a required annual growth in %
  int year = 0;        ///< the year it is due
  /// `level`: reach `value` by `year`; `growth` (or `cagr`): grow by `value` % a year.
  measure_kind kind = measure_kind::level;
};

/// @brief Thresholds of the statuses (defaults: the published method).
struct trend_thresholds {
  double on_track = 0.95;          ///< R at or above: on track
  double acceleration = 0.60;      ///< R at or above (below on_track): acceleration needed
  double substantial = 0.015;      ///< no target: annual growth at or above: substantial
  double moderate = 0.005;         ///< no target: annual growth at or above: moderate
  double substantial_slope = 0.5;  ///< no target, change rates: slope (points a year) …
  double moderate_slope = 0.1;     ///< … at or above which progress is moderate
};

/// @brief Options of a trend assessment.
struct trend_options {
  /// The base year (default: the first year of the series; a year without a value moves to the
  /// next year that has one, as open-sdg does).
  std::optional<int> base_year;
  /// A natural limit the indicator cannot pass (100 for a share): damps the no-target thresholds
  /// near it. Ignored when there is a target, as in open-sdg.
  std::optional<double> limit;
  /// What the values are; `growth_rate` series are judged on level and slope, never by CAGR.
  /// `automatic` counts as `level` here (the plan-level function infers it per indicator).
  series_kind kind = series_kind::automatic;
  trend_thresholds thresholds;  ///< the thresholds
};

/// @brief The assessment of a series' trend.
struct trend_result {
  trend_status status = trend_status::insufficient_data;  ///< the status
  series_kind kind = series_kind::level;                  ///< how the series was judged
  int base_year = 0;                                      ///< base year used
  int current_year = 0;                                   ///< latest year
  double base_value = 0.0;                                ///< value in the base year
  double current_value = 0.0;                             ///< value in the latest year
  std::optional<trend_target> target;                     ///< the target judged against
  std::optional<double> observed_cagr;   ///< (current/base)^(1/years) − 1, a fraction
  std::optional<double> required_cagr;   ///< (target/base)^(1/years to target) − 1, a fraction
  std::optional<double> slope;           ///< change rates: least-squares slope, points a year
  std::optional<double> required_slope;  ///< change rates: (target − base) / years to target
  /// R = observed ÷ |required|, signed so that progress in the better direction is positive.
  std::optional<double> ratio;
  /// No target: the observed growth (or slope) signed the same way.
  std::optional<double> progress;
  /// No target with a limit: the damping coefficient c in [0, 1] the thresholds were scaled by.
  std::optional<double> damping;
  std::string reason_zh;  ///< why, in Chinese
  std::string reason_en;  ///< why, in English

  /// @brief The reason in a language.
  const std::string& reason(language l) const noexcept {
    return l == language::zh ? reason_zh : reason_en;
  }
};

/// @brief Damping coefficient of the no-target thresholds near a natural limit (open-sdg):
/// with b = |base| and L = |limit|, c = 1 − (b/L)^4.44 for b ≤ L, 1 − ((2L − b)/L)^4.44 for
/// L < b < 2L, and 1 for b ≥ 2L.
/// @throws error (`errc::usage`) when the limit is 0.
double limit_damping(double base, double limit);

/// @brief Assesses the trend of an annual series.
///
/// Levels: observed CAGR from the base year to the latest, required CAGR from the base to the
/// target (or the required growth itself), R = s·d·CAGRₒ / |CAGRᵣ| with s = −1 for negative
/// values and d = +1 when higher is better, −1 when lower is better (band: toward the target).
/// Change rates: the least-squares slope against the required change per year from the base.
/// Input problems are statuses with reasons, not exceptions.
/// @param series annual points (any order)
/// @param target the target, or nullopt for the no-target variant
/// @param pol which direction is better
/// @param options base year, limit, series kind, thresholds
trend_result assess_trend(const std::vector<annual_point>& series,
                          const std::optional<trend_target>& target, polarity pol,
                          const trend_options& options = {});

/// @brief Options of the plan-level trend analysis.
struct plan_trend_options {
  trend_options trend;            ///< base year, thresholds (limit applies to every indicator)
  projection_options projection;  ///< the projection to the target year
  /// What each indicator's values are, by id; others are inferred (`infer_series_kind`).
  std::map<std::string, series_kind> series;
  /// Natural limits by indicator id (100 for shares bounded by 100 %); overrides `trend.limit`.
  std::map<std::string, double> limits;
  /// Judge the target of this period (default: each indicator's latest target).
  std::optional<period> target_period;
};

/// @brief The trend of one indicator of a plan, with its projection to the target year.
struct indicator_trend {
  std::string indicator;                        ///< indicator id
  std::string target_text;                      ///< the target as published (empty: none)
  std::optional<period> target_period;          ///< its period
  std::vector<annual_point> series;             ///< the annual series used
  trend_result trend;                           ///< the trend status
  std::optional<projection_result> projection;  ///< projection to the target year
};

/// @brief The trend of every indicator of a plan, in plan order.
///
/// Series come from `annual_series` (actuals, then the plan's observations and baseline). The
/// target of each indicator is its latest target (or the one for `target_period`): level
/// targets (`reach`, `at_least`, `at_most`, `about`; `between` at its required end) by the end
/// year of the target's period; growth (`增长8%`) and CAGR (`年均增长7%`) targets as required
/// growth. References are looked up in `references`, then the plan's. Other targets give the
/// no-target variant with the reason.
/// @throws model_error when a unit cannot be converted.
std::vector<indicator_trend> assess_trends(const plan& p, const observation_set& actuals,
                                           const reference_set& references,
                                           const plan_trend_options& options = {});

}  // namespace planeval
