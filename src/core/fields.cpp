// The field list of an assessment: one place for the names, order and values of every door.
#include "planeval/core/fields.hpp"

#include <cmath>
#include <optional>

namespace planeval {
namespace {

field_value number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return std::monostate{};
  return *v;
}

}  // namespace

std::vector<field> assessment_fields(const assessment& a, const indicator* ind, language lang) {
  const std::string none;
  return {
      {"indicator", a.indicator},
      {"name", ind ? ind->name(lang) : a.indicator},
      {"period", a.period.to_string()},
      {"status", std::string(to_string(a.status))},
      {"status_label", std::string(status_label(a.status, lang))},
      {"target", a.target_text},
      {"target_canonical", a.target_canonical},
      {"measure", std::string(to_string(a.measure.kind))},
      {"actual", number(a.actual)},
      {"actual_text", a.actual_text},
      {"target_value", number(a.target_value)},
      {"gap", number(a.gap)},
      {"gap_unit", a.gap_unit.symbol()},
      {"unit", a.value_unit.symbol()},
      {"achievement", number(a.achievement)},
      {"within_tolerance", a.within_tolerance},
      {"in_progress", a.in_progress},
      {"attribute", ind ? std::string(to_string(ind->attribute)) : none},
      {"category", ind ? ind->category : none},
      {"reason", a.reason(lang)},
      {"reason_zh", a.reason_zh},
      {"reason_en", a.reason_en},
      {"source", a.source.empty() ? field_value{} : field_value{a.source}},
  };
}

const std::vector<std::string_view>& assessment_field_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& f : assessment_fields(assessment{}, nullptr, language::zh))
      out.push_back(f.name);
    return out;
  }();
  return names;
}

}  // namespace planeval
