#pragma once
/// @file
/// @brief Reports people read: a self-contained HTML dashboard (inline CSS and SVG, no script,
/// prints on A4), the same content in Markdown, and its core sections as a Word document, in
/// Chinese or English.
///
/// A report evaluates a plan as of a date through the public APIs — attainment and the summary
/// (`evaluate`, `summarize`), pace within the year where month or quarter values exist
/// (`assess_pace`), trends and projections where annual series exist (`assess_trends`), and tasks
/// where the plan has them (`evaluate_tasks`, `link_indicators`) — and draws the result. See
/// docs/reports.md for each section and chart.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/import/table.hpp"

namespace planeval {

/// @brief The formats a report can be written in.
enum class report_format : std::uint8_t {
  html,      ///< one self-contained HTML file with inline CSS and SVG charts
  markdown,  ///< the same content as Markdown tables and text
  docx,      ///< a Word document (binary): title, narrative, indicator table, binding not met
};

/// @brief Stable name of a report format: `html`, `markdown` or `docx`.
const char* to_string(report_format f) noexcept;

/// @brief Reads a report format from its name (`html`, `markdown`, `docx`).
/// @throws model_error (`model_enum`) listing the accepted names.
template <>
report_format from_string<report_format>(std::string_view name);

/// @brief Like `from_string<report_format>` but returns nullopt instead of throwing.
template <>
std::optional<report_format> try_from_string<report_format>(std::string_view name) noexcept;

/// @brief What a report computes, beyond the defaults.
struct report_options {
  /// Judge the targets of this period. Default: each indicator's latest target whose period has
  /// started by the as-of date (its first target when none has).
  std::optional<period> target_period;
  /// Report the task areas whose dates overlap this period. Default: the plan's period.
  std::optional<period> task_period;
  /// Pace options. Unless set here, the year is the as-of date's and each indicator is paced as
  /// of the end of its latest month or quarter that ended by the as-of date.
  pace_options pace;
  /// Trend and projection options; `target_period` defaults to `report_options::target_period`.
  plan_trend_options trend;
  /// Task options; `only` is replaced by `task_period`.
  task_eval_options tasks;
};

/// @brief Everything a report is made from.
struct report_input {
  planeval::plan plan;              ///< the plan, with its tasks (if any)
  observation_set actuals;          ///< annual, year-to-date and past values (looked up first)
  reference_set references;         ///< references and quotas (looked up first)
  std::optional<date> as_of;        ///< the as-of date; default: the last day of the plan's period
  language lang = language::zh;     ///< language of every text
  report_options options;           ///< what to compute
  std::vector<review_item> review;  ///< cells kept as text (an import, a lenient read): listed,
                                    ///< and their assessments shown as `needs_review`
  std::vector<import_inference> inferences;  ///< how an imported table was read: listed
};

/// @brief Writes a report of the plan as of a date.
///
/// Values of periods that start after the as-of date are not seen; pace uses the months and
/// quarters that ended by it, trends the years that ended by it. The pace section appears when
/// some indicator has year-to-date values, the task section when the plan has tasks, and an
/// indicator's sparkline when its annual series has two values or more. The output depends only
/// on the input: no clock, no locale, no file is read.
/// `docx` writes the bytes of a zip package (open `out` in binary mode); its entries carry the
/// as-of date as their time, so it too depends only on the input.
/// @param out the stream written to
/// @param in the plan, values, as-of date, language and options
/// @param format HTML, Markdown or Word
/// @throws model_error when the plan or its tasks break an invariant or a unit cannot be
///         converted (as `evaluate`, `assess_pace`, `assess_trends`, `evaluate_tasks`);
///         io_error (`io_write`) when the stream fails or the Word package cannot be built.
void write_report(std::ostream& out, const report_input& in, report_format format);

/// @brief The report as a string (see `write_report`; for `docx`, the package's bytes).
/// @throws the errors of `write_report`.
std::string report_to_string(const report_input& in, report_format format);

/// @brief Writes the report to a file atomically: a temporary file in the same folder is
/// written, flushed, synced and renamed over `path`, so a failure never leaves a half-written
/// report (nor removes a previous one).
/// @throws io_error (`io_open`, `io_write`) when the file cannot be written; the errors of
///         `write_report` (nothing is written then).
void save_report(const std::string& path, const report_input& in, report_format format);

}  // namespace planeval
