#pragma once
/// @file
/// @brief Tasks: the plan's work items in a tree (area → task → sub-task), with owners, dates,
/// status, progress, deliverables, linked indicators and dependencies.
///
/// The tree is a flat list: each task names its `parent` by id, and a task without a parent is
/// an **area** (a top-level work area, 任务领域). See docs/tasks.md for the model and the rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/indicator.hpp"
#include "planeval/core/observation.hpp"
#include "planeval/core/period.hpp"
#include "planeval/core/rule.hpp"

namespace planeval {

/// @brief The status a task's owner records (its evaluated state is `task_state`).
enum class task_status : std::uint8_t {
  not_started,  ///< 未开始: work has not begun
  in_progress,  ///< 推进中: work is under way
  done,         ///< 已完成: finished
  suspended,    ///< 暂停: on hold
  cancelled,    ///< 取消: dropped; left out of roll-ups
};

/// @brief Stable name of a task status (`not_started`, `in_progress`, `done`, `suspended`,
/// `cancelled`).
const char* to_string(task_status s) noexcept;
/// @brief Display label of a task status in a language (`推进中`, `in progress`).
const char* task_status_label(task_status s, language l) noexcept;

/// @brief A progress report: the share of the work done, and the day it was reported.
struct progress_report {
  double share = 0.0;  ///< share of the work done, 0–1
  date reported;       ///< the day the share was reported

  friend bool operator==(const progress_report& a, const progress_report& b) noexcept {
    return a.share == b.share && a.reported == b.reported;
  }
  friend bool operator!=(const progress_report& a, const progress_report& b) noexcept {
    return !(a == b);
  }
};

/// @brief A measurable deliverable of a task: a quantity with its target rule (`新开工39公里`,
/// `15项`, `开工4个`) and, once delivered, the actual quantity.
///
/// The target is written in the target language and judged with the attainment rules of
/// indicators, as for an anticipatory indicator whose polarity is higher-is-better (a recorded
/// `基本完成` counts as met).
struct deliverable {
  std::string text;  ///< the target as written, verbatim
  rule target;       ///< its rule (`parse_target(text)`)
  /// The delivered quantity, when recorded. `actual->text` is the text as written; the
  /// indicator field holds the task id; `actual->per` is the period it was delivered in (an
  /// actual is seen by evaluations as of a date on or after the period's first day).
  std::optional<observation> actual;

  friend bool operator==(const deliverable& a, const deliverable& b) noexcept {
    return a.text == b.text && a.target == b.target && a.actual == b.actual;
  }
  friend bool operator!=(const deliverable& a, const deliverable& b) noexcept { return !(a == b); }
};

/// @brief A work item: an area (no parent), a task or a sub-task.
///
/// A task with sub-tasks (a **group**) takes its progress and its done-ness from them; its own
/// recorded status only matters when it is `suspended` or `cancelled` (which then applies to
/// every task under it).
struct task {
  std::string id;                        ///< unique id within the plan (`t2021.5.6`)
  std::string parent;                    ///< id of the parent task; empty for an area
  std::string title_zh;                  ///< Chinese title
  std::string title_en;                  ///< English title
  std::string description;               ///< longer text (what the work item covers)
  std::string owner;                     ///< responsible department (牵头单位)
  std::vector<std::string> cooperating;  ///< cooperating departments (配合单位)
  std::optional<date> start;             ///< planned start day
  std::optional<date> due;               ///< planned completion day (the task is due by its end)
  task_status status = task_status::not_started;  ///< recorded status
  std::optional<progress_report> progress;        ///< latest recorded progress (leaf tasks only)
  std::optional<date> completed;                  ///< day the task was completed (status `done`)
  std::vector<deliverable> deliverables;          ///< measurable deliverables
  std::vector<std::string> indicators;            ///< ids of the indicators the task serves
  std::vector<std::string> depends_on;            ///< ids of tasks that must be done first
  double weight = 1.0;  ///< weight among its siblings in roll-ups (> 0; default equal)
  std::string note;     ///< choices made when transcribing the source, caveats

  /// @brief True for an area (a task without a parent).
  bool is_area() const noexcept { return parent.empty(); }
  /// @brief The title in a language, falling back to the other language, then to the id.
  const std::string& title(language l) const noexcept;

  friend bool operator==(const task& a, const task& b) noexcept;
  friend bool operator!=(const task& a, const task& b) noexcept { return !(a == b); }
};

/// @brief The task with this id, or null. Linear in the number of tasks.
const task* find_task(const std::vector<task>& tasks, std::string_view id) noexcept;

/// @brief A cycle in the dependency graph (`depends_on` edges), as the ids along it with the
/// first id repeated at the end (`t3, t5, t3`); empty when there is none.
///
/// Unknown ids are ignored. Deterministic: tasks and their dependencies are visited in list
/// order, and the first cycle found is returned. Complexity: linear in tasks plus edges.
std::vector<std::string> find_dependency_cycle(const std::vector<task>& tasks);

/// @brief Checks the tasks' invariants.
///
/// Ids unique and non-empty; parents and dependencies name existing tasks; no cycle through
/// parents or dependencies (a cycle is named: `t3 → t5 → t3`); no task depends on itself or on
/// one of its ancestors; progress shares in [0, 1] and finite; weights finite and > 0; start not
/// after due; `not_started` tasks have no progress above 0, `done` tasks none below 1; a
/// completion day only on `done` tasks; groups (tasks with sub-tasks) record no progress and are
/// `done` only when every sub-task not cancelled is; deliverable texts not empty.
/// @param tasks the tasks
/// @param indicators when given, linked indicator ids must exist among them.
/// @throws model_error (`model_invalid`, `model_duplicate`, `model_unknown_id`, `task_cycle`)
///         whose location pointer is `/tasks/<index>/<field>` (`/<item>` for list fields)
///         and whose location task is the id of the task at that index.
void validate_tasks(const std::vector<task>& tasks,
                    const std::vector<indicator>* indicators = nullptr);

/// @brief Text of a cycle as `t3 → t5 → t3`.
std::string cycle_text(const std::vector<std::string>& cycle);

}  // namespace planeval
