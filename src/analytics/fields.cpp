// The field list of a pace row.
#include "planeval/analytics/fields.hpp"

#include <cmath>

namespace planeval {
namespace {

field_value number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return std::monostate{};
  return *v;
}

field_value text_or_none(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}

}  // namespace

std::vector<field> pace_fields(const pace_assessment& a, const std::string& name, language lang) {
  return {
      {"indicator", a.indicator},
      {"name", name},
      {"period", a.period.to_string()},
      {"as_of", a.as_of ? field_value(to_string(*a.as_of)) : field_value()},
      {"status", std::string(to_string(a.status))},
      {"label", std::string(status_label(a.status, lang))},
      {"method", std::string(to_string(a.method))},
      {"target", text_or_none(a.target_text)},
      {"target_value", number(a.target_value)},
      {"baseline", number(a.baseline)},
      {"actual", number(a.actual)},
      {"latest", a.latest ? field_value(a.latest->to_string()) : field_value()},
      {"unit", text_or_none(a.value_unit.symbol())},
      {"expected_share", a.expected_share},
      {"done_share", number(a.done_share)},
      {"gap_points", number(a.gap_points)},
      {"reason", a.reason(lang)},
  };
}

const std::vector<std::string_view>& pace_field_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& f : pace_fields(pace_assessment{}, {}, language::zh)) out.push_back(f.name);
    return out;
  }();
  return names;
}

}  // namespace planeval
