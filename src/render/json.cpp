// Private JSON helpers of the render layer.
#include "json.hpp"

#include <cmath>

namespace planeval::render {

json to_json(const field_value& value) {
  return std::visit(
      [](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return nullptr;
        else
          return x;
      },
      value);
}

json to_json(const std::vector<field>& fields) {
  json j = json::object();
  for (const auto& f : fields) j[std::string(f.name)] = to_json(f.value);
  return j;
}

json number_or_null(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return *value;
}

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace planeval::render

namespace planeval::render {

void append_member(json& object, std::string key, json value) {
  if (object.is_null()) object = json::object();
  auto& members = object.get_ref<json::object_t&>();
  static_cast<json::object_t::Container&>(members).emplace_back(std::move(key), std::move(value));
}

}  // namespace planeval::render
