#pragma once
/// @file
/// @brief Attainment evaluation: did a period's value meet its target, and why.
///
/// Evaluation is a pure function of (plan, observations, references, options): `const`,
/// thread-safe and deterministic. See docs/evaluation.md for the semantics.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief Outcome of assessing one indicator's target for one period.
enum class status : std::uint8_t {
  met,              ///< the value meets the target
  exceeded,         ///< beyond the better end of a target range
  not_met,          ///< the value misses the target
  undetermined,     ///< the value is a bound that neither proves nor refutes the target
  no_data,          ///< no value, or not the values the measure needs
  needs_reference,  ///< the target names a reference or quota that was not supplied
  needs_judgment,   ///< qualitative target without a recorded judgment
  no_target,        ///< no target was set
  needs_review,     ///< a target or value kept as text because it did not parse (import review)
};

/// @brief Stable name of a status (`met`, `needs_reference`, …).
const char* to_string(status s) noexcept;
/// @brief Display label of a status in a language (`完成`, `met`).
const char* status_label(status s, language l) noexcept;

/// @brief Number of statuses.
inline constexpr int status_count = static_cast<int>(status::needs_review) + 1;

/// @brief True for met and exceeded.
constexpr bool is_attained(status s) noexcept { return s == status::met || s == status::exceeded; }
/// @brief True for no_data, needs_reference, needs_judgment, no_target and needs_review.
constexpr bool is_not_assessable(status s) noexcept {
  return s == status::no_data || s == status::needs_reference || s == status::needs_judgment ||
         s == status::no_target || s == status::needs_review;
}

/// @brief The assessment of one indicator for one period.
struct assessment {
  std::string indicator;                                  ///< indicator id
  planeval::period period;                                ///< period assessed
  planeval::status status = planeval::status::no_target;  ///< the status
  std::string target_text;                                ///< target as published
  std::string target_canonical;                           ///< canonical text of the rule (zh)
  planeval::measure measure;                              ///< measure compared (level, growth, …)
  std::string actual_text;             ///< the observation's text or canonical value
  std::optional<double> actual;        ///< value compared, in `value_unit`
  std::optional<double> target_value;  ///< threshold it was compared with, in `value_unit`
  std::optional<double> gap;  ///< actual − threshold, in `gap_unit`, to the figures' decimals
  unit value_unit;            ///< unit of `actual` and `target_value`
  unit gap_unit;              ///< unit of `gap` (`个百分点` for percents)
  std::optional<double> achievement;  ///< achievement degree (1 = exactly the target)
  bool within_tolerance = false;      ///< met only thanks to a tolerance
  bool in_progress = false;           ///< the period had not ended at the as-of date
  std::string reason_zh;              ///< why, in Chinese
  std::string reason_en;              ///< why, in English
  std::string source;  ///< where the target was read (`published.csv cell E3`); empty unless
                       ///< the plan was imported from a table (`apply_sources`)

  /// @brief The reason in a language.
  const std::string& reason(language l) const noexcept {
    return l == language::zh ? reason_zh : reason_en;
  }
};

/// @brief Options of an evaluation.
struct evaluation_options {
  /// Evaluate as of this date: observations of periods starting after it are ignored and
  /// targets whose period has not ended are marked `in_progress`. Default: no cut-off.
  std::optional<date> as_of;
  /// Evaluate only targets of this period. Default: every target of every indicator.
  std::optional<period> only;
};

/// @brief Assesses every target of every indicator (indicators without a target get one
/// `no_target` assessment for the plan's period).
///
/// Values are looked up in `actuals` first, then in the plan's own observations; references
/// in `references` first, then in the plan's own.
/// @return assessments in indicator order, then target order.
/// @throws model_error when a target's unit cannot be converted to the indicator's.
std::vector<assessment> evaluate(const plan& p, const observation_set& actuals,
                                 const reference_set& references,
                                 const evaluation_options& options = {});

/// @brief Assesses the plan with only its own observations and references.
std::vector<assessment> evaluate(const plan& p, const evaluation_options& options = {});

/// @brief Assesses one target of one indicator.
assessment evaluate_target(const plan& p, const indicator& ind, const target& t,
                           const observation_set& actuals, const reference_set& references,
                           const evaluation_options& options = {});

/// @brief The assessment of an indicator without a target for a period: `no_target`, with its
/// reason (`未设定2021年目标值`, `no target set for 2021`).
assessment no_target_assessment(const indicator& ind, const period& p);

}  // namespace planeval
