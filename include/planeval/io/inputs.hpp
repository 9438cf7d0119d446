#pragma once
/// @file
/// @brief Actual values and references as every door (C++, the CLI, the C API, Python) takes
/// them: gathered from several sources with where each value came from, merged all or nothing,
/// and checked against the plan, so a misspelled id is rejected the same way everywhere.

#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief A cell kept as text because it did not parse (a lenient read of a table: `planeval
/// import`, `--table`, the CSV readers when given a review list); the assessment it feeds says
/// `needs_review` (`apply_review`).
struct review_item {
  std::string indicator;            ///< indicator id (empty when the row has none)
  std::string field;                ///< `target`, `result`, `baseline` or `row`
  planeval::period period;          ///< the period of the cell's column
  std::string text;                 ///< the cell as published
  errc code = errc::target_syntax;  ///< why it did not parse
  std::string message;              ///< the parser's message
  location where;                   ///< file, sheet, cell (`C7`), line
};

/// @brief Actual values and references, each with its origin (a file and line, or a position
/// such as `actuals[3]` for values given in memory).
struct input_set {
  observation_set actuals;                  ///< the actual values, in the order given
  reference_set references;                 ///< the references, in the order given
  std::vector<location> actual_origins;     ///< where each actual came from (same order)
  std::vector<location> reference_origins;  ///< where each reference came from (same order)
  std::vector<review_item> review;          ///< cells kept as text by a lenient read

  /// @brief Adds an actual value.
  /// @param o the value
  /// @param origin where it came from; when empty, `actuals[k]` (its position)
  /// @throws model_error (`model_duplicate`) at `origin` when a value with the same indicator,
  ///         period and measure is present; the message names the first one's origin.
  void add_actual(observation o, location origin = {});

  /// @brief Adds a reference value; as `add_actual` (key: indicator and period), `references[k]`
  /// when `origin` is empty.
  /// @throws model_error (`model_duplicate`) naming both origins.
  void add_reference(reference_value r, location origin = {});

  /// @brief Adds every value of `more`, all or nothing: on a duplicate this set is unchanged.
  /// @throws model_error (`model_duplicate`) naming both origins.
  void merge(const input_set& more);
};

/// @brief Merges sets in order, all or nothing.
/// @param parts the sets (for example one per file)
/// @return the union, each value with its origin
/// @throws model_error (`model_duplicate`) at the second occurrence of a value, the message
///         naming the first (file and line, or position).
input_set merge_inputs(const std::vector<input_set>& parts);

/// @brief Throws unless the plan has the indicator `id`: the one check and message of an unknown
/// id, used by the CSV readers and by `check_input_ids`.
/// @throws model_error (`model_unknown_id`) at `where` (its indicator set to `id`).
void require_indicator(const plan& p, std::string_view id, location where);

/// @brief Checks that every actual and reference names an indicator of the plan (ids are
/// compared exactly: `gpd`, `GDP` and `gdp ` are not `gdp`).
/// @throws model_error (`model_unknown_id`) at the origin of the first unknown id.
void check_input_ids(const plan& p, const input_set& in);

/// @brief Reads actuals and references files (CSV, see `read_actuals`), merges them in order and
/// checks their ids against the plan.
/// @param p the plan the values are for
/// @param actuals paths of actuals files
/// @param references paths of references files
/// @param lim limits for untrusted input
/// @param lenient keep a row whose period or value does not parse in `review` (with its cell)
///        instead of throwing
/// @throws what `load_actuals` throws; model_error (`model_duplicate`) for a value given twice,
///         naming both files and lines; (`model_unknown_id`) for an id not in the plan.
input_set load_inputs(const plan& p, const std::vector<std::string>& actuals,
                      const std::vector<std::string>& references, const limits& lim = {},
                      bool lenient = false);

/// @brief Marks the assessments fed by a reviewed cell: a result cell of the assessed period
/// (or a baseline cell, when the assessment has no data) turns the status into `needs_review`
/// with the cell and the text in the reason.
void apply_review(std::vector<assessment>& assessments, const std::vector<review_item>& review);

/// @brief The as-of date every door uses when none is given: `today`, or the last day of the
/// plan's period when that is earlier.
date default_as_of(const plan& p, const date& today);

/// @brief The period of the task areas every door reports when none is given: the plan's
/// period (areas whose dates overlap it; docs/tasks.md).
period default_task_period(const plan& p);

}  // namespace planeval
