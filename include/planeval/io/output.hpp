#pragma once
/// @file
/// @brief Human-readable output of an evaluation: an aligned text table and Markdown.

#include <iosfwd>
#include <vector>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"

namespace planeval {

/// @brief Writes an aligned table (East Asian wide characters count two columns), one row per
/// assessment with its status, gap and reason, followed by the summary paragraph.
void write_table(std::ostream& out, const plan& p, const std::vector<assessment>& assessments,
                 const plan_summary& summary, language lang);

/// @brief Writes the same content as a Markdown table and paragraph.
void write_markdown(std::ostream& out, const plan& p, const std::vector<assessment>& assessments,
                    const plan_summary& summary, language lang);

}  // namespace planeval
