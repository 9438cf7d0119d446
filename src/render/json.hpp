#pragma once
// Private JSON helpers of the render layer: field lists as objects, numbers that are not finite
// as null, and the one way every writer dumps (invalid UTF-8 replaced, never thrown).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "planeval/core/fields.hpp"

namespace planeval::render {

using json = nlohmann::ordered_json;

/// A field's value: none is null, the rest as they are.
json to_json(const field_value& value);

/// A field list as an object, in its order.
json to_json(const std::vector<field>& fields);

/// A number, or null when absent or not finite.
json number_or_null(const std::optional<double>& value);

/// `j` as text (`indent` < 0: one line), invalid UTF-8 replaced.
std::string dump(const json& j, int indent);

/// Appends a member to an object without looking for one of the same key (an ordered_json
/// object finds keys by a linear search, so a large object built with `j[key]` is quadratic):
/// the caller guarantees the keys are distinct (the ids of a store). `object` becomes an object
/// when null.
void append_member(json& object, std::string key, json value);

}  // namespace planeval::render
