#pragma once
/// @file
/// @brief The JSON plan file: a whole plan as canonical, UTF-8 JSON (docs/formats.md,
/// docs/schema/plan.schema.json).

#include <string>
#include <string_view>
#include <vector>

#include "planeval/core/error.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/plan.hpp"

namespace planeval {

/// @brief The value of the `format` member of every plan file.
inline constexpr const char* plan_json_format = "planeval.plan";

/// @brief The newest version of the JSON plan format this release reads and writes (the
/// `version` member). Files of this or an earlier version are read; a later version is a
/// `format_version` error. A plan without tasks is written as version 1, so that releases
/// before tasks read it; a plan with tasks as `plan_json_tasks_version`.
inline constexpr int plan_json_version = 2;

/// @brief The first version of the JSON plan format with a `tasks` member (version 2).
inline constexpr int plan_json_tasks_version = 2;

/// @brief Deepest nesting of arrays and objects a plan file may have by default (inside
/// `extensions`): `limits::max_depth`.
inline constexpr int plan_json_max_depth = 256;

/// @brief The canonical JSON text of a plan: members in a fixed order, two-space indentation,
/// numbers in their shortest exact form, a final newline. Equal plans give equal bytes. The
/// `version` is 1 for a plan without tasks and `plan_json_tasks_version` for one with tasks.
/// @throws model_error (`model_invalid`) naming the JSON pointer when the plan holds something
///         JSON cannot: a number that is not finite, a string that is not valid UTF-8,
///         `extensions` that are not the text of a JSON object.
std::string plan_to_json(const plan& p);

/// @brief Reads a plan file.
///
/// The stored rule of a target is loaded as is (after checking its fields); a target with a
/// text and no rule gets the rule its text parses to. Likewise an observation without a
/// `value` is read from its text. Members not in the format are errors, except inside the
/// plan's `extensions` object, which is kept verbatim (as compact JSON text). The plan's
/// `tasks` (format version 2 and later) are read with every field of `task`; a deliverable
/// without a `rule` gets the rule its text parses to. Locations inside a task name the task
/// (`location::task`), as do the task checks of `plan::validate`.
/// @param text the file's content (UTF-8; a BOM is skipped)
/// @param source file name used in error locations
/// @param problems when given, a problem in a member, an indicator, an observation, a
///        reference or a task is appended here and reading goes on with the next one (the faulty
///        item is left out); then the plan's model checks are collected too (`check_plan`). When
///        null, the first problem is thrown and the plan is checked with `plan::validate`.
/// @param lim limits for untrusted input: the file's size, nesting depth, length of each string,
///        items in each array or object, years of periods and dates.
/// @throws format_error (`json_syntax` with line and column, `json_encoding` naming the byte
///         offset, `limit_input_size`, `limit_depth`, `limit_text_length`, `limit_items` with the
///         JSON pointer, `json_type`,
///         `json_missing`, `json_unknown_field`, `json_duplicate` with the JSON pointer and the
///         indicator id, `format_version`, `io_format`), parse_error and model_error with the
///         JSON pointer. A syntax error is thrown even when `problems` is given.
plan plan_from_json(std::string_view text, const std::string& source = {},
                    std::vector<error>* problems = nullptr, const limits& lim = {});

}  // namespace planeval
