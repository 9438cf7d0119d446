#pragma once
/// @file
/// @brief Task evaluations for people and programs: JSON, an aligned text table and Markdown
/// (docs/tasks.md).

#include <iosfwd>
#include <string>

#include "planeval/core/plan.hpp"
#include "planeval/core/task_eval.hpp"

namespace planeval {

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
void write_task_evaluation_table(std::ostream& out, const plan& p, const task_evaluation& e,
                                 const indicator_task_view* view, language lang);

/// @brief Writes the same content as `write_task_evaluation_table` in Markdown.
void write_task_evaluation_markdown(std::ostream& out, const plan& p, const task_evaluation& e,
                                    const indicator_task_view* view, language lang);

}  // namespace planeval
