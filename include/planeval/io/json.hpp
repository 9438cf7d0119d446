#pragma once
/// @file
/// @brief JSON texts of rules, parse results and evaluations (the machine interface).

#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/core/summary.hpp"

namespace planeval {

/// @brief A rule as a JSON object: `{"op", "measure", "value" | "low","high" | "reference",
/// "unit", "qualifier", "remark"}` plus `strict`, `base_year` and `description` where they apply.
/// @param r the rule
/// @param indent spaces per level, or -1 for one line.
std::string rule_to_json(const rule& r, int indent = -1);

/// @brief What `planeval parse-target` prints for one text: `{"text", "canonical",
/// "canonical_en", "rule"}` or `{"text", "error": {"code", "message", "column", "fragment"}}`.
/// @param text the target text
/// @param ok set to false when the text did not parse.
std::string parse_result_json(std::string_view text, bool& ok);

/// @brief An evaluation as JSON: `{"plan", "as_of", "assessments": [...], "summary": {...}}`.
/// Each assessment has `indicator`, `name`, `period`, `status`, `target`, `actual`, `gap`,
/// `reason` (in `lang`) and more; the summary has `total`, `by_status`, `by_category`,
/// `by_attribute`, `binding_not_met` and `narrative`.
std::string evaluation_to_json(const plan& p, const std::vector<assessment>& assessments,
                               const plan_summary& summary, language lang, int indent = 2);

}  // namespace planeval
