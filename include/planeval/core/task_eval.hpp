#pragma once
/// @file
/// @brief Tasks evaluated as of a date: each task's state (on track, behind, overdue, done…),
/// blocked tasks, deliverables judged like indicators, roll-ups to areas and to the plan, and
/// the indicator–task view.
///
/// `evaluate_tasks` is a pure function of (plan, as-of date, options): `const`, thread-safe and
/// deterministic. See docs/tasks.md for the rules.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/plan.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/core/task.hpp"

namespace planeval {

/// @brief The state of a task as of a date. Exactly one applies, tested in this order:
/// cancelled, suspended, done / done_late, not_started (before the start day), overdue,
/// behind, due_soon, on_track, not_started (no dates), not_assessable.
enum class task_state : std::uint8_t {
  not_started,     ///< 未开始: before its start day, nothing is due yet
  on_track,        ///< 正常推进: progress keeps pace with the time elapsed
  due_soon,        ///< 临近到期: not done, due within the window (`due_soon_days`)
  behind,          ///< 进度滞后: progress below the share of time elapsed beyond the tolerance
  overdue,         ///< 已逾期: not done after its due day
  done,            ///< 已完成: done on or before its due day (or it has none)
  done_late,       ///< 逾期完成: done after its due day
  suspended,       ///< 暂停: on hold (itself or an ancestor)
  cancelled,       ///< 取消: dropped (itself or an ancestor); left out of roll-ups
  not_assessable,  ///< 无法判断: no dates or no progress report to judge the pace by
};

/// @brief Number of task states.
inline constexpr int task_state_count = static_cast<int>(task_state::not_assessable) + 1;

/// @brief Stable name of a task state (`on_track`, `done_late`, …).
const char* to_string(task_state s) noexcept;
/// @brief Display label of a task state in a language (`进度滞后`, `behind`).
const char* task_state_label(task_state s, language l) noexcept;

/// @brief True for done and done_late.
constexpr bool is_done(task_state s) noexcept {
  return s == task_state::done || s == task_state::done_late;
}

/// @brief Options of a task evaluation.
struct task_eval_options {
  /// A task not done is `due_soon` when its due day is at most this many days after the as-of
  /// date (0: only on the due day itself). Default 14.
  int due_soon_days = 14;
  /// A task is `behind` when its progress is below the share of its start–due span elapsed by
  /// more than this share (0.1 = 10 percentage points). Default 0.1.
  double behind_tolerance = 0.1;
  /// When set, only the areas whose start–due span (their own, else their tasks') overlaps this
  /// period are reported and rolled up to the plan; areas without any dates are always kept.
  std::optional<period> only;
};

/// @brief Counts of tasks per state.
struct task_counts {
  std::array<std::size_t, task_state_count> n{};  ///< count per state, indexed by the enum

  /// @brief Count of one state.
  std::size_t operator[](task_state s) const noexcept { return n[static_cast<std::size_t>(s)]; }
  /// @brief Adds one task in state `s`.
  void add(task_state s) noexcept { ++n[static_cast<std::size_t>(s)]; }
  /// @brief Sum over all states.
  std::size_t total() const noexcept;
  /// @brief done + done_late.
  std::size_t done() const noexcept {
    return (*this)[task_state::done] + (*this)[task_state::done_late];
  }

  friend bool operator==(const task_counts& a, const task_counts& b) noexcept { return a.n == b.n; }
};

/// @brief Progress and states rolled up over a task's subtree (or the plan).
struct task_rollup {
  /// Weighted progress (0–1) of the tasks not cancelled; tasks without a progress report count
  /// as 0. Unknown when no task below reports any progress.
  std::optional<double> progress;
  /// Weighted share of the work planned to be done by the as-of date (linear over each start–due
  /// span); unknown when a task below lacks dates.
  std::optional<double> planned;
  task_counts leaves;          ///< states of the leaf tasks (tasks without sub-tasks) below
  std::size_t blocked = 0;     ///< leaves blocked by a dependency not done
  std::size_t unreported = 0;  ///< leaves in progress without a progress report (counted as 0)
};

/// @brief The evaluation of one task as of a date.
struct task_assessment {
  std::string task;       ///< task id
  std::string parent;     ///< parent id (empty for an area)
  std::size_t depth = 0;  ///< 0 for an area, 1 for its tasks, 2 for sub-tasks …
  bool group = false;     ///< true when the task has sub-tasks
  task_state state = task_state::not_assessable;  ///< the state
  std::optional<double> progress;     ///< progress as of the date (rolled up for groups)
  std::optional<date> progress_date;  ///< day of the progress report used (leaves)
  std::optional<double> planned;      ///< share of the start–due span elapsed (groups: rolled up)
  std::optional<long> days_to_due;    ///< due day − as-of date in days (negative when past)
  std::optional<date> completed;      ///< completion day when done (groups: the last sub-task's)
  bool blocked = false;               ///< a dependency is not done (tasks not done or cancelled)
  std::vector<std::string> blocked_by;   ///< the dependencies not done, in list order
  std::vector<assessment> deliverables;  ///< one per deliverable; `indicator` is the task id
  task_rollup rollup;                    ///< the subtree (a leaf counts itself)
  std::string reason_zh;                 ///< why, in Chinese
  std::string reason_en;                 ///< why, in English

  /// @brief The reason in a language.
  const std::string& reason(language l) const noexcept {
    return l == language::zh ? reason_zh : reason_en;
  }
};

/// @brief Every task evaluated as of a date, and the plan roll-up.
struct task_evaluation {
  date as_of;                          ///< the as-of date
  task_eval_options options;           ///< the options used
  std::vector<task_assessment> tasks;  ///< in plan order (without areas left out by `only`)
  task_rollup overall;                 ///< roll-up over the areas kept, weighted by area weight

  /// @brief The assessment of a task, or null. Linear in the number of tasks.
  const task_assessment* find(std::string_view task_id) const noexcept;
};

/// @brief Evaluates the plan's tasks as of the end of `as_of`.
///
/// Progress reports dated after `as_of`, completions after it and deliverable actuals of later
/// periods are not seen; recorded `suspended` and `cancelled` statuses apply on any date.
/// Complexity: linear in tasks, dependencies and deliverables.
/// @throws model_error when the tasks break an invariant (`validate_tasks`), and `usage` when
///         `due_soon_days` is negative or `behind_tolerance` is not in [0, 1].
task_evaluation evaluate_tasks(const plan& p, const date& as_of,
                               const task_eval_options& options = {});

/// @brief A paragraph in the register of progress reports: "截至2021年9月30日,共59项任务,
/// 已完成12项(其中逾期完成1项),…,总体进度58.3%,时序进度75%。".
std::string task_narrative(const task_evaluation& e, language lang);

/// @brief One indicator and the tasks that serve it.
struct indicator_view {
  std::string indicator;             ///< indicator id
  std::optional<assessment> latest;  ///< its assessment of the latest period given, if any
  std::vector<std::string> tasks;    ///< ids of the tasks linked to it, in plan order
  task_counts states;                ///< states of those tasks
  std::size_t blocked = 0;           ///< how many of them are blocked
  std::optional<double> progress;    ///< their weighted progress (not cancelled)
};

/// @brief One area: its indicators' attainment next to its tasks' progress.
struct area_view {
  std::string area;                     ///< area id
  task_rollup tasks;                    ///< the area's roll-up
  std::vector<std::string> indicators;  ///< indicators linked in the area, in plan order
  status_counts attainment;             ///< statuses of those indicators' latest assessments
};

/// @brief The indicator–task view of a plan.
struct indicator_task_view {
  std::vector<indicator_view> indicators;  ///< every indicator of the plan, in plan order
  std::vector<area_view> areas;            ///< every area of the evaluation, in plan order
};

/// @brief Links indicators and tasks: for each indicator the tasks that serve it and their
/// states, for each area its indicators' attainment.
/// @param p the plan
/// @param tasks its task evaluation (`evaluate_tasks`)
/// @param assessments its indicator assessments (`evaluate`); for each indicator the one of the
///        latest period is used.
/// @return every indicator with its tasks, and every area of the evaluation with its indicators.
/// @throws model_error when the plan's tasks break an invariant (`validate_tasks`).
indicator_task_view link_indicators(const plan& p, const task_evaluation& tasks,
                                    const std::vector<assessment>& assessments);

}  // namespace planeval
