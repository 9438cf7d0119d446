#pragma once
/// @file
/// @brief Task tables in CSV (docs/tasks.md); task evaluations are rendered by
/// planeval/render/tasks.hpp.

#include <iosfwd>
#include <string>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/task.hpp"

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

/// @brief A report on one task's progress, as the progress columns of a task table give it
/// (texts, blank for none): one row of a table of many units' progress.
struct task_update {
  std::string task;      ///< the task's id
  std::string status;    ///< stable name (`in_progress`) or label (`推进中`); blank: inferred
  std::string progress;  ///< share (`0.6`) or percentage (`60%`); needs `progress_date`
  std::string progress_date;  ///< `YYYY-MM-DD`
  std::string completed;      ///< `YYYY-MM-DD`
  location where;             ///< where the row was read, for errors
};

/// @brief The tasks with the updates applied (each replaces that task's status, progress and
/// completion day, read as `read_tasks` reads those columns, the status inferred from the
/// progress when blank), then checked (`validate_tasks`).
/// @throws model_error (`model_unknown_id`) for a task the plan does not have, (`model_invalid`)
///         for a progress without its day; the errors of the cells' readers and of
///         `validate_tasks`, each at the update's location.
std::vector<task> apply_task_updates(std::vector<task> tasks,
                                     const std::vector<task_update>& updates);

/// @brief Writes tasks as a task table with every column; `read_tasks` reads it back to equal
/// tasks when each actual's period is the one `read_tasks` derives.
/// @throws model_error (`model_invalid`) when an item of a multi-valued cell contains `;`.
void write_tasks(std::ostream& out, const std::vector<task>& tasks);

}  // namespace planeval
