#pragma once
/// @file
/// @brief Excel workbooks (.xlsx) written with libxlsxwriter: the results of an evaluation, of
/// pace, trends and tasks for people who go on in a spreadsheet, and the data-entry template
/// (填报表) in which an office fills in next period's values (docs/formats.md, docs/reports.md).
///
/// Results workbooks have a sheet of rows, one per assessment, with the fields of the result's
/// field list (core/fields.hpp, analytics/fields.hpp) under headings in the chosen language:
/// numbers are written as numbers (shares with a percent format), the status cell is filled with
/// the report's colour of the status, the header row is frozen and the columns are as wide as
/// their Chinese text. A second sheet sums the results up: the counts by status (with the same
/// fills, as the legend), by category and attribute, and the narrative paragraph.
///
/// Every save is atomic: the workbook is built in a temporary file, then renamed over `path`;
/// a failure leaves `path` as it was.

#include <cstddef>
#include <string>
#include <vector>

#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/common.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/core/task_eval.hpp"
#include "planeval/io/long_table.hpp"

namespace planeval {

/// @brief Saves an evaluation: sheet `评估结果`/`Assessments` (indicator, name, period, target,
/// actual, unit, status, gap and its unit, achievement, attribute, category, reason) and sheet
/// `汇总`/`Summary` (counts by status, category and attribute; the narrative of `narrative`).
/// @param path the .xlsx file written
/// @param p the plan evaluated
/// @param assessments the assessments (`evaluate`, after `apply_review`)
/// @param summary their totals (`summarize`)
/// @param lang language of headings, names, labels and reasons
/// @throws io_error (`io_open`, `io_write`) when the workbook cannot be built or saved.
void save_evaluation_workbook(const std::string& path, const plan& p,
                              const std::vector<assessment>& assessments,
                              const plan_summary& summary, language lang);

/// @brief Saves a pace assessment (`assess_pace`): sheet `进度`/`Pace` (the fields of
/// `pace_fields`: shares as percents, the status filled) and a summary of counts by status.
/// @throws io_error (`io_open`, `io_write`).
void save_pace_workbook(const std::string& path, const plan& p,
                        const std::vector<pace_assessment>& rows, language lang);

/// @brief Saves trends (`assess_trends`): sheet `趋势`/`Trends` (target, status, base and
/// current year and value, observed and required growth, progress ratio, projection verdict and
/// value, reason) and a summary of counts by status.
/// @throws io_error (`io_open`, `io_write`).
void save_trend_workbook(const std::string& path, const plan& p,
                         const std::vector<indicator_trend>& trends, language lang);

/// @brief Saves a task evaluation (`evaluate_tasks`): sheet `任务`/`Tasks` (id, title, owner,
/// due date, state filled, progress and planned share, days to due, reason) and a summary of
/// counts by state with the narrative of `task_narrative`.
/// @throws io_error (`io_open`, `io_write`).
void save_task_workbook(const std::string& path, const plan& p, const task_evaluation& e,
                        language lang);

/// @brief Saves the data-entry template of a period: sheet `填报`/`Entry` with a title row,
/// the header `指标代码, 指标名称, 单位, 时期, 目标, 完成值, 标志, 备注` (`indicator, name, unit,
/// period, target, value, flags, note`) and one row per indicator of the plan (its target of
/// `per`, blank when it has none); only the value, flags and note cells can be edited (the
/// sheet is protected without a password), the flags cell offers the SDMX observation-status
/// codes in a drop-down; sheet `说明`/`Instructions` says how to fill it in.
/// A filled template is read back as actuals (`load_actuals`, `--actuals entry.xlsx`): rows
/// left blank are skipped, a value that does not parse is kept for review with its cell.
/// @param path the .xlsx file written
/// @param p the plan
/// @param per the period the values are for (`2022`, `2022-Q3`)
/// @param lang language of the headings and the instructions (names in that language)
/// @throws io_error (`io_open`, `io_write`).
void save_entry_template(const std::string& path, const plan& p, const period& per, language lang);

/// @brief Saves a batch evaluation of a long table (`planeval batch --format xlsx`): sheet
/// `排名`/`Ranking` (place, unit, share met as a percent, attained, judged, then the count of
/// each status that occurs), sheet `按指标`/`By indicator` (id, name, share met, counts), sheet
/// `明细`/`Observations` (unit, indicator, period, value, status filled with its colour, gap:
/// one row per observation, at most `max_rows`, the summary saying when more were left to the
/// CSV format) and sheet `汇总`/`Summary` (what was read, the counts by status as the legend).
/// Written in libxlsxwriter's constant-memory mode: memory does not grow with the rows.
/// @param path the .xlsx file written
/// @param p the plan the table was read with
/// @param table the long table (`read_long_table`)
/// @param result its evaluation (`evaluate_long_table`)
/// @param summary its counts (`summarise_long_table`)
/// @param lang language of headings, names and labels
/// @param max_rows most observation rows written (Excel holds 1,048,576 rows a sheet)
/// @throws io_error (`io_open`, `io_write`).
void save_batch_workbook(const std::string& path, const plan& p, const long_table& table,
                         const batch_result& result, const long_table_summary& summary,
                         language lang, std::size_t max_rows = 1'048'575);

}  // namespace planeval
