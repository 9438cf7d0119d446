#pragma once
/// @file
/// @brief The report of a batch evaluation of many units (`planeval batch --format html` or
/// `markdown`): the units ranked by share met, a unit × indicator status heat map and each
/// indicator's distribution over the units (docs/reports.md, "Reports for many units").
///
/// A cell of the heat map is a unit's latest period with a row for that indicator. The HTML
/// page is self-contained (inline CSS and SVG, no script) and stays readable for hundreds of
/// units: one row of small squares per unit, names in the margin, every square with a tooltip.

#include <iosfwd>
#include <string>

#include "planeval/core/common.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/io/long_table.hpp"
#include "planeval/report/report.hpp"

namespace planeval {

/// @brief Writes the report of a batch evaluation.
/// @param out the stream written to
/// @param p the plan the table was read with
/// @param table the long table (`read_long_table`)
/// @param result its evaluation (`evaluate_long_table`)
/// @param summary its counts (`summarise_long_table`)
/// @param lang language of every text
/// @param format `html` or `markdown`
/// @throws error (`usage`) for `docx`; io_error (`io_write`) when the stream fails.
void write_batch_report(std::ostream& out, const plan& p, const long_table& table,
                        const batch_result& result, const long_table_summary& summary,
                        language lang, report_format format);

/// @brief Writes the report of a batch evaluation to a file atomically (see `write_batch_report`):
/// a failure leaves `path` as it was.
/// @throws the errors of `write_batch_report`; io_error (`io_open`, `io_write`).
void save_batch_report(const std::string& path, const plan& p, const long_table& table,
                       const batch_result& result, const long_table_summary& summary, language lang,
                       report_format format);

}  // namespace planeval
