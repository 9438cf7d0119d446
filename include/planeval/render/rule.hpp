#pragma once
/// @file
/// @brief Rules and parse results as JSON (the machine interface; evaluations:
/// planeval/render/evaluation.hpp).

#include <string>
#include <string_view>

#include "planeval/core/rule.hpp"

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

}  // namespace planeval
