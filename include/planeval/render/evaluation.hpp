#pragma once
/// @file
/// @brief An evaluation for people and programs: an aligned text table, Markdown and JSON.

#include <iosfwd>
#include <string>
#include <vector>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"

namespace planeval {

/// @brief Writes an aligned table (East Asian wide characters count two columns), one row per
/// assessment with its status, gap and reason, followed by the summary paragraph.
/// @param out the stream written to
/// @param p the plan (indicator names, `indicator::name`)
/// @param assessments the assessments, in the order shown
/// @param summary their summary (`summarize`)
/// @param lang language of headers, names, gaps and reasons
void write_evaluation_table(std::ostream& out, const plan& p,
                            const std::vector<assessment>& assessments, const plan_summary& summary,
                            language lang);

/// @brief Writes the same content as `write_evaluation_table` as a Markdown title, paragraph
/// and table.
void write_evaluation_markdown(std::ostream& out, const plan& p,
                               const std::vector<assessment>& assessments,
                               const plan_summary& summary, language lang);

/// @brief An evaluation as JSON: `{"plan", "language", "assessments": [...], "summary": {...}}`.
/// Each assessment has `indicator`, `name`, `period`, `status`, `target`, `actual`, `gap`,
/// `reason` (in `lang`) and more; the summary has `total`, `by_status`, `by_category`,
/// `by_attribute`, `binding_not_met` and `narrative`.
/// @param p the plan (indicator names, attributes, categories)
/// @param assessments the assessments, in the order listed
/// @param summary their summary (`summarize`)
/// @param lang language of names, labels, reasons and the narrative
/// @param indent spaces per level, or -1 for one line.
std::string evaluation_to_json(const plan& p, const std::vector<assessment>& assessments,
                               const plan_summary& summary, language lang, int indent = 2);

}  // namespace planeval
