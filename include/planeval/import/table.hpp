#pragma once
/// @file
/// @brief Plans as published: a table of cells (io/grid.hpp) recognised and turned into a plan
/// and its actuals, every inference recorded with its reason, every cell that does not parse
/// kept as text for review (docs/importing.md).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/io/grid.hpp"
#include "planeval/io/inputs.hpp"

namespace planeval {

/// @brief One correction of an inference: set `field` of the indicator named `indicator` (its
/// inferred id or its name as published) to `value`.
///
/// Fields: `id`, `name_zh`, `name_en`, `kind`, `unit`, `polarity`, `attribute`,
/// `accumulation`, `category`.
struct import_override {
  std::string indicator;  ///< inferred id or published name
  std::string field;      ///< the field to set
  std::string value;      ///< its value, as in an indicator table
};

/// @brief How a table is imported.
struct import_options {
  grid_options cells;    ///< encoding, separator and limits of the file
  int table_index = -1;  ///< which table of a page (0-based); -1 finds the indicator table
  bool strict = false;   ///< fail at the first cell that does not parse
  std::string plan_id;   ///< plan id; empty: from the file name
  std::string title;     ///< plan title; empty: from the title rows
  std::string issuer;    ///< issuing body; empty: none
  /// the plan's period (`2018`, `2021/2025`); empty: from the title rows and the year columns.
  /// Columns that name no year (`Projected Figure`, `目标`) are read for it.
  std::optional<planeval::period> period;
  std::vector<import_override> overrides;  ///< corrections applied after inference
};

/// @brief A decision the importer made that the table does not state in so many words.
struct import_inference {
  std::string indicator;  ///< indicator id (empty for plan-wide decisions)
  std::string field;      ///< `id`, `kind`, `polarity`, `column`, … (the field decided)
  std::string value;      ///< the value chosen
  std::string reason_zh;  ///< why, in Chinese
  std::string reason_en;  ///< why, in English
  location where;         ///< the cell or column it was read from
};

/// @brief What an import gives: the plan, the results published beside its targets, and the
/// import report.
struct import_result {
  planeval::plan plan;                   ///< indicators (with baselines and targets) in order
  observation_set actuals;               ///< results and other published values
  std::vector<location> actual_origins;  ///< the cell of each actual (same order)
  /// the indicator and period of each target read, and its cell (same order)
  std::vector<std::pair<std::string, period>> target_keys;
  std::vector<location> target_origins;  ///< the cell of each target (same order as target_keys)
  std::vector<import_inference> inferences;  ///< every inference, in table order
  std::vector<review_item> review;           ///< cells kept as text
  std::vector<std::string> notes;            ///< plan-wide facts: note rows, columns not read
  std::size_t table_index = 0;               ///< the table read (0-based, in its file)
  std::size_t header_row = 0;                ///< 0-based row of the (last) header row
};

/// @brief Recognises and imports one grid.
/// @throws format_error (`table.no_header` when no header row names an indicator column,
///         `table.column`); with `strict`, the first cell's parse error located at its cell.
import_result import_grid(const grid& table, const import_options& options = {});

/// @brief Reads a file (CSV, TSV, HTML) and imports its indicator table: the one chosen with
/// `options.table_index`, else the first with a recognised header.
/// @throws the errors of `load_grids` and `import_grid`.
import_result import_table(const std::string& path, const import_options& options = {});

/// @brief Reads an overrides table (CSV with columns `indicator,field,value`; `#` lines are
/// comments).
/// @throws format_error (`csv.*`), error (`usage`) for an unknown field.
std::vector<import_override> load_import_overrides(const std::string& path);

/// @brief Sets each assessment's `source` to the cell its target was read from.
void apply_sources(std::vector<assessment>& assessments, const import_result& result);

/// @brief The import report as text lines (one inference or review item per line), for
/// `planeval import --explain`.
std::string explain(const import_result& result, language lang);

}  // namespace planeval
