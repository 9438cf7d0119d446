#pragma once
/// @file
/// @brief Long tables of many units (`unit,indicator,period,value[,flags]`) read in a stream
/// straight into a `batch_store`, and their batch evaluation.
///
/// The file is read twice, a line at a time: the first pass collects the unit ids and periods,
/// the second fills the store. Memory is the store (8 bytes per unit × indicator × period, plus
/// one bit to find repeated cells) and the ids; no object is made per row. A value is a number
/// (read with `std::from_chars`) or any observation text of the target language (`95以上`,
/// `8%左右`, `增长6.5%`, `新开工108`, `达标`): those are kept in a side table and judged by the
/// per-indicator evaluator, so that every status is the one `evaluate` gives.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/batch.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief How a long table is read.
struct long_table_options {
  /// Fail at the first bad row (`--strict`) instead of counting it and going on.
  bool strict = false;
  /// Bad rows whose error is kept (with its location) in `long_table::problems`; the others
  /// are only counted.
  std::size_t max_problems = 100;
  /// Limits of the format, each a `limit.*` error naming the line when passed; there is no
  /// limit on the number of rows. The bytes of one line (`limit.text_length`):
  std::size_t max_line_bytes = 64 * 1024;
  std::size_t max_units = 1'000'000;   ///< distinct units (`limit.items`)
  std::size_t max_periods = 1'000;     ///< distinct periods (`limit.items`)
  std::size_t max_texts = 10'000'000;  ///< values kept as texts in the side table (`limit.items`)
  /// Told how far reading has come, after each block of about 1 MiB: the bytes read of both
  /// passes and their total (twice the file's size), for a progress bar. Empty: not told.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

/// @brief A bad row of a long table: its error, located at its line and column.
struct long_table_problem {
  errc code = errc::usage;  ///< the error's code
  std::string message;      ///< the error's message
  location where;           ///< file, line, column (and indicator when known)
};

/// @brief An observation that is not a plain number, kept beside the store.
struct long_table_text {
  std::size_t offset = 0;  ///< the cell's offset in the store (`batch_store::offset`)
  observation value;       ///< the observation the text gives
};

/// @brief What reading a long table gives.
struct long_table {
  batch_store store;                         ///< numbers by unit × indicator × period (NaN: none)
  std::vector<long_table_text> texts;        ///< cells that are observation texts, by offset
  std::vector<bool> present;                 ///< per store cell: the table has a row for it
  std::size_t rows = 0;                      ///< data rows read
  std::size_t bad_rows = 0;                  ///< rows not read (see `problems`)
  std::vector<long_table_problem> problems;  ///< the first `max_problems` bad rows

  /// @brief The text of the cell at a store offset, or null when its value is a number (or
  /// missing); any store layout.
  const long_table_text* text_at(std::size_t offset) const noexcept;
};

/// @brief Reads a long table: a header naming the columns `unit`, `indicator`, `period`,
/// `value` and optionally `flags` and `note` (any order; `地区`, `区县`, `区域` for unit and the
/// Chinese names of the other tables, e.g. `指标`, `年份`, `完成值`, are accepted), then one row
/// per observation. Indicators are the plan's, in its order; units in order of first
/// appearance; periods sorted.
/// @throws io_error when the file cannot be read; format_error (`csv.header`) for the header;
///         `limit.*` errors; with `strict`, the first bad row's error (`model.unknown_id`,
///         `model.duplicate`, `period.syntax`, `observation.*`, `csv.syntax`, `model.invalid`
///         for bad flags) at its line and column.
long_table read_long_table(const std::string& path, const plan& p,
                           const long_table_options& options = {});

/// @brief Counts of a long table's evaluation over the cells the table has a row for.
struct long_table_summary {
  std::size_t observations = 0;             ///< cells with a row
  status_counts by_status;                  ///< counts per status
  std::vector<status_counts> by_unit;       ///< per unit, in store order
  std::vector<status_counts> by_indicator;  ///< per indicator, in store order
};

/// @brief The counts of `result` (from `evaluate_long_table`) over the table's rows.
long_table_summary summarise_long_table(const long_table& table, const batch_result& result);

/// @brief One unit's own target for an indicator, as a text of the target language, before it
/// is read (`compile_unit_targets`).
struct unit_target_text {
  std::string unit;       ///< the unit's id
  std::string indicator;  ///< the indicator's id
  std::string period;     ///< the period the target is for; empty: the period judged
  std::string text;       ///< the target (`95以上`, `增长6.5%左右`, `完成市下达指标`)
  location where;         ///< where the text was read (file, line, column), for errors
};

/// @brief A unit's own target, read.
struct long_unit_target {
  std::size_t unit = 0;       ///< index in the observations' store
  std::size_t indicator = 0;  ///< index in the store (the plan's order)
  target value;  ///< the period judged, the text and its rule (`op::unparsed` when kept for review)
  location where;           ///< where its text was read
  bool in_kernels = false;  ///< judged by the kernels (set by `set_long_unit_targets`)
};

/// @brief The units' own targets of a batch: each replaces the plan's target of that indicator
/// for that unit.
struct long_unit_targets {
  std::vector<long_unit_target> items;       ///< sorted by indicator, then unit
  std::size_t rows = 0;                      ///< rows read
  std::size_t unused_rows = 0;               ///< rows of a unit without observations, or of
                                             ///< another period than the one judged
  std::size_t bad_rows = 0;                  ///< rows not read (see `problems`)
  std::vector<long_table_problem> problems;  ///< the first `max_problems` bad rows
  /// @brief The target of (unit, indicator), or null when the unit has none of its own.
  const long_unit_target* find(std::size_t unit, std::size_t indicator) const noexcept;
};

/// @brief Reads units' own targets for a batch: each text is parsed by the target language; a
/// text that does not parse is kept as an `op::unparsed` target (the unit's cells are then
/// `needs_review`) and counted as a bad row, or thrown with `strict`.
/// @param rows the targets given
/// @param p the plan
/// @param store the observations' store (units are matched by id; a unit it does not have is
///        not used)
/// @param judged the period whose target is judged: a row for another period is not used
/// @param options `strict`, `max_problems`
/// @throws with `strict`, the first bad row's error (`model.unknown_id`, `model.duplicate`,
///         `period.syntax`, `target.*`) at its location.
long_unit_targets compile_unit_targets(const std::vector<unit_target_text>& rows, const plan& p,
                                       const batch_store& store, const period& judged,
                                       const long_table_options& options = {});

/// @brief Reads a CSV of units' own targets: a header naming `unit`, `indicator`, `target` and
/// optionally `period` and `note` (Chinese names as in the other tables: `地区`, `指标`, `目标`,
/// `年份`), then one row per unit and indicator (`compile_unit_targets`).
/// @throws io_error, format_error (`csv.*`, `limit.*`) for the file; the errors of
///         `compile_unit_targets` with `strict`.
long_unit_targets read_long_unit_targets(const std::string& path, const plan& p,
                                         const batch_store& store, const period& judged,
                                         const long_table_options& options = {});

/// @brief Gives the kernels the units' targets they can judge: those of the plan target's form
/// (the same comparison on the same measure, unit and qualifier, with a number) become the
/// unit's threshold or range (`batch_targets::set_value`, `set_range`) and are marked
/// `in_kernels`; `evaluate_long_table` judges the others by the per-indicator evaluator.
/// Returns the number given to the kernels.
std::size_t set_long_unit_targets(batch_targets& targets, long_unit_targets& unit_targets);

/// @brief Evaluates a long table: `evaluate_batch` on the store, then each side-table text by
/// `evaluate_target` on that unit's series, so that statuses and gaps are those of `evaluate`.
/// @param table the long table
/// @param p the plan it was read with
/// @param targets compiled for `table.store`
/// @param target_period the target judged (as given to `batch_targets`)
/// @param options threads
/// @param references each unit's reference values (a long table read with `read_long_table`),
///        for the cells the per-indicator evaluator judges; give them to the kernels with
///        `set_long_references`
/// @param unit_targets the units' own targets (after `set_long_unit_targets`), or null
batch_result evaluate_long_table(const long_table& table, const plan& p,
                                 const batch_targets& targets, std::optional<period> target_period,
                                 const batch_options& options = {},
                                 const long_table* references = nullptr,
                                 const long_unit_targets* unit_targets = nullptr);

/// @brief The assessment of one cell of a long table's batch, with its reasons in Chinese and
/// English, as `evaluate` gives it (the batch computes statuses and gaps; this gives the reason of
/// any cell on demand): the unit's series judged by the per-indicator evaluator against the
/// target the batch judged it by.
/// @param table the long table
/// @param p the plan it was read with
/// @param target_period as given to `batch_targets` and `evaluate_long_table`
/// @param unit index of the unit in the store
/// @param indicator_index index of the indicator in the store
/// @param period_index index of the period in the store
/// @param references each unit's reference values (as given to `evaluate_long_table`), or null
/// @param unit_targets the units' own targets (as given to `evaluate_long_table`), or null
/// @throws error (`usage`) for a cell outside the table.
assessment explain_long_cell(const long_table& table, const plan& p,
                             std::optional<period> target_period, std::size_t unit,
                             std::size_t indicator_index, std::size_t period_index,
                             const long_table* references = nullptr,
                             const long_unit_targets* unit_targets = nullptr);

/// @brief Gives each unit of `observations` the reference values of a long table of references
/// (`unit,indicator,period,value`, read with `read_long_table`): for each indicator whose target
/// names a reference, the unit's value for `judged` (the period whose target is judged), else its
/// only value. Units are matched by id; a reference of a unit that has no observations is not
/// used. Returns the number of values set.
std::size_t set_long_references(batch_targets& targets, const long_table& observations,
                                const long_table& references, const period& judged);

/// @brief What `evaluate_array` read, kept for a report, a workbook or the reason of a cell.
struct array_batch_inputs {
  long_table table;                               ///< the table (its store a view of the values)
  std::optional<long_table> references;           ///< the references as a table, when given
  std::optional<long_unit_targets> unit_targets;  ///< the units' own targets, when given
};

/// @brief Evaluates values laid out (units, indicators, periods) in C order (NaN: missing), as
/// numpy and C callers hold them: laid out once for the kernels, each indicator's target (the
/// plan period's, else its first) judging every period, the rules the kernels defer judged by
/// `evaluate_target`.
/// @param p the plan
/// @param values units × indicators × periods doubles in C order
/// @param units the unit ids
/// @param indicators ids of the plan's indicators
/// @param periods the periods
/// @param references each unit's reference values, (units, indicators) in C order, NaN where
///        none; or null
/// @param options threads
/// @param unit_targets units' own targets (`compile_unit_targets`, strict), or null
/// @param kept when not null, receives what was read (the table, its store a view of `values`,
///        which must then outlive it; the references; the units' targets), for a report, a
///        workbook or the reason of a cell (`explain_long_cell`)
/// @param reuse when not null, a previous result whose buffers are taken (moved from) and
///        reused: no allocation or first touch of memory when the shape is unchanged (the form
///        for repeated evaluation)
/// @return the result in the layout of `values` (`batch_result::offset`)
/// @throws model_error (`model_unknown_id`, `model_duplicate`) for the ids, error (`usage`);
///         the errors of `compile_unit_targets` for `unit_targets`.
batch_result evaluate_array(const plan& p, const double* values, std::vector<std::string> units,
                            std::vector<std::string> indicators, std::vector<period> periods,
                            const double* references, const batch_options& options = {},
                            const std::vector<unit_target_text>* unit_targets = nullptr,
                            std::optional<array_batch_inputs>* kept = nullptr,
                            batch_result* reuse = nullptr);

}  // namespace planeval
