#pragma once
/// @file
/// @brief Tasks in CSV, and task evaluations as JSON, an aligned text table and Markdown
/// (docs/tasks.md).

#include <iosfwd>
#include <string>
#include <vector>

#include "planeval/core/limits.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/task.hpp"
#include "planeval/core/task_eval.hpp"

namespace planeval {

/// @brief Reads a task table. Columns (only `id` is required; any order):
/// `id,parent,title_zh,title_en,owner,start,due,status,progress,progress_date,deliverable,
/// indicators,depends_on,weight` and the optional `cooperating,description,completed,actual,
/// note`.
///
/// Multi-valued cells (`cooperating`, `deliverable`, `actual`, `indicators`, `depends_on`) separate
/// their items with `;`. `actual` lists the delivered quantities in the order of `deliverable`
/// (an empty item: none yet); each is stored with the period of the year of `completed`, else
/// `progress_date`, else `due`, else `start`. Dates are `YYYY-MM-DD`; `progress` is a share
/// (`0.6`) or a percentage (`60%`) and needs a `progress_date`; `status` is a stable name
/// (`in_progress`) or a Chinese label (`推进中`); a blank status is `done` when `completed` is
/// given, else read from the progress (blank or 0: `not_started`, 1: `done`, otherwise
/// `in_progress`); a blank weight is 1. The tasks are then checked (`validate_tasks`).
/// @param in the CSV text
/// @param source file name used in error locations
/// @param known when given, linked indicator ids must exist in this plan.
/// @param lim limits for untrusted input (size, cell length, rows, years of dates)
/// @throws format_error, parse_error, model_error (including `task_cycle`) with file, line and
///         column; an error with a `limit_*` code when the input exceeds `lim`.
std::vector<task> read_tasks(std::istream& in, const std::string& source,
                             const plan* known = nullptr, const limits& lim = {});

/// @brief Opens and reads a task table. @throws io_error when the file cannot be read.
std::vector<task> load_tasks(const std::string& path, const plan* known = nullptr,
                             const limits& lim = {});

/// @brief Writes tasks as a task table with every column; `read_tasks` reads it back to equal
/// tasks when each actual's period is the one `read_tasks` derives.
/// @throws model_error (`model_invalid`) when an item of a multi-valued cell contains `;`.
void write_tasks(std::ostream& out, const std::vector<task>& tasks);

/// @brief A task evaluation as JSON: `{"plan", "as_of", "options", "overall", "narrative",
/// "areas": [...], "tasks": [...], "indicators": [...]}`. Each task has `id`, `status` (its
/// state), `recorded_status`, `progress`, `planned`, `blocked`, `reason` (in `lang`),
/// deliverables and more; each area its roll-up and, with a view, its indicators' attainment.
/// @param p the plan
/// @param e its task evaluation
/// @param view the indicator–task view (`link_indicators`), or null to leave it out
/// @param lang language of titles and reasons
/// @param indent spaces per level, or -1 for one line.
std::string task_evaluation_to_json(const plan& p, const task_evaluation& e,
                                    const indicator_task_view* view, language lang, int indent = 2);

/// @brief Writes an aligned text report: every area with its roll-up (progress, time elapsed,
/// states of its tasks, and with a view its indicators' attainment), then the overdue, behind,
/// due-soon and blocked tasks, the indicators served by tasks (with a view), and the
/// narrative paragraph.
void write_task_table(std::ostream& out, const plan& p, const task_evaluation& e,
                      const indicator_task_view* view, language lang);

/// @brief Writes the same content as `write_task_table` in Markdown.
void write_task_markdown(std::ostream& out, const plan& p, const task_evaluation& e,
                         const indicator_task_view* view, language lang);

}  // namespace planeval
