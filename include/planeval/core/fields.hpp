#pragma once
/// @file
/// @brief The one field list of each result: the names, order and values that the JSON output,
/// Python's `to_dict` / `to_dataframe` and the C API's field accessor all follow.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "planeval/core/common.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/indicator.hpp"

namespace planeval {

/// @brief The value of a field: none (JSON `null`, Python `None`), a boolean, a whole number
/// (years, counts), a number or a text. Numbers that are not finite are none.
using field_value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

/// @brief One named field of a result.
struct field {
  std::string_view name;  ///< the key (a static string)
  field_value value;      ///< the value
};

/// @brief The fields of an assessment, in order: `indicator`, `name`, `period`, `status`,
/// `status_label`, `target`, `target_canonical`, `measure`, `actual`, `actual_text`,
/// `target_value`, `gap`, `gap_unit`, `unit` (of `actual` and `target_value`), `achievement`,
/// `within_tolerance`, `in_progress`, `attribute`, `category`, `reason` (in `lang`),
/// `reason_zh`, `reason_en`.
/// @param a the assessment
/// @param ind its indicator, or null (then `name`, `attribute` and `category` are empty)
/// @param lang language of `name`, `status_label` and `reason`
/// @return the fields, always the same names in the same order
std::vector<field> assessment_fields(const assessment& a, const indicator* ind, language lang);

/// @brief The names of `assessment_fields`, in order.
const std::vector<std::string_view>& assessment_field_names();

}  // namespace planeval
