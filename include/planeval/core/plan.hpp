#pragma once
/// @file
/// @brief A plan: metadata, settings, indicators, and the observations and references it holds.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/task.hpp"

namespace planeval {

/// @brief Tolerances for `about` (左右) and for reference targets written `基本同步`, and the
/// grace anticipatory indicators get. Percent-like values (unit `%`, growth, change in points)
/// use the `_points` field, other quantities the `_relative` share of the target.
struct tolerance_settings {
  double about_points = 0.5;           ///< `3左右` on a percent: ±0.5 percentage points
  double about_relative = 0.05;        ///< `6000左右`: ±5% of the target
  double sync_points = 0.5;            ///< `与全市目标基本同步` on a percent: ±0.5 points
  double sync_relative = 0.05;         ///< `基本同步` on other quantities: ±5%
  double anticipatory_points = 0.0;    ///< extra grace for 预期性 indicators on percents
  double anticipatory_relative = 0.0;  ///< extra grace for 预期性 indicators, share of target

  friend bool operator==(const tolerance_settings& a, const tolerance_settings& b) noexcept {
    return a.about_points == b.about_points && a.about_relative == b.about_relative &&
           a.sync_points == b.sync_points && a.sync_relative == b.sync_relative &&
           a.anticipatory_points == b.anticipatory_points &&
           a.anticipatory_relative == b.anticipatory_relative;
  }
};

/// @brief Settings of a plan.
struct plan_settings {
  tolerance_settings tolerance;  ///< tolerances, see `tolerance_settings`
  language lang = language::zh;  ///< default language of reports

  friend bool operator==(const plan_settings& a, const plan_settings& b) noexcept {
    return a.tolerance == b.tolerance && a.lang == b.lang;
  }
};

/// @brief A plan document for a period: metadata, indicators with targets, and optionally the
/// observations and references that go with it.
struct plan {
  std::string id;                     ///< short id (`changning-2021`)
  std::string title_zh;               ///< Chinese title
  std::string title_en;               ///< English title
  std::string issuer;                 ///< issuing body
  planeval::period period;            ///< period the plan covers
  std::optional<date> published;      ///< publication date
  std::optional<date> approved;       ///< approval date
  plan_settings settings;             ///< tolerances and language
  std::vector<indicator> indicators;  ///< indicators in document order
  observation_set observations;       ///< actuals stored with the plan
  reference_set references;           ///< references stored with the plan
  std::vector<task> tasks;            ///< work items: areas, tasks, sub-tasks (task.hpp)
  std::string extensions;             ///< opaque JSON object kept verbatim by the file formats

  /// @brief The indicator with this id, or null. Linear in the number of indicators.
  const indicator* find(std::string_view indicator_id) const noexcept;
  /// @brief Mutable access to the indicator with this id, or null.
  indicator* find(std::string_view indicator_id) noexcept;

  /// @brief Appends an indicator.
  /// @throws model_error (`model_duplicate`) when the id is taken, (`model_invalid`) when empty.
  void add(indicator ind);

  /// @brief Checks the invariants (`validate_plan`, core/validate.hpp): unique non-empty ids, one
  /// target per period, units convertible to the indicator's, valid flags, observations and
  /// references naming existing indicators, and the tasks' invariants (`validate_tasks`).
  /// @throws model_error at the first problem, naming the indicator or task and the field.
  void validate() const;

  friend bool operator==(const plan& a, const plan& b) noexcept;
  friend bool operator!=(const plan& a, const plan& b) noexcept { return !(a == b); }
};

}  // namespace planeval
