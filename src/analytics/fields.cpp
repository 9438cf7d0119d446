// The field list of a pace row.
#include "planeval/analytics/fields.hpp"

#include <cmath>

namespace planeval {
namespace {

field_value number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return std::monostate{};
  return *v;
}

field_value number(double v) { return std::isfinite(v) ? field_value(v) : field_value(); }

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

std::vector<field> trend_fields(const trend_result& t, language lang) {
  auto year = [](int y) { return y == 0 ? field_value() : field_value(std::int64_t{y}); };
  return {
      {"status", std::string(to_string(t.status))},
      {"label", std::string(status_label(t.status, lang))},
      {"kind", std::string(to_string(t.kind))},
      {"base_year", year(t.base_year)},
      {"current_year", year(t.current_year)},
      {"base_value", number(t.base_value)},
      {"current_value", number(t.current_value)},
      {"observed_cagr", number(t.observed_cagr)},
      {"required_cagr", number(t.required_cagr)},
      {"slope", number(t.slope)},
      {"required_slope", number(t.required_slope)},
      {"ratio", number(t.ratio)},
      {"progress", number(t.progress)},
      {"damping", number(t.damping)},
      {"reason", t.reason(lang)},
      {"reason_zh", t.reason_zh},
      {"reason_en", t.reason_en},
  };
}

std::vector<field> projection_fields(const projection_result& p, language lang) {
  return {
      {"verdict", std::string(to_string(p.verdict))},
      {"label", std::string(status_label(p.verdict, lang))},
      {"model", std::string(to_string(p.model))},
      {"year", std::int64_t{p.year}},
      {"points", static_cast<std::int64_t>(p.points)},
      {"projected", number(p.projected)},
      {"lower", number(p.lower)},
      {"upper", number(p.upper)},
      {"confidence", p.confidence},
      {"target", number(p.target)},
      {"probability", number(p.probability)},
      {"slope", p.fit ? number(p.fit->slope) : field_value()},
      {"residual_sd", p.fit ? number(p.fit->residual_sd) : field_value()},
      {"reason", p.reason(lang)},
      {"reason_zh", p.reason_zh},
      {"reason_en", p.reason_en},
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
