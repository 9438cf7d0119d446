#include "planeval/io/json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "planeval/core/error.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/parse.hpp"

namespace planeval {
namespace {

using json = nlohmann::ordered_json;

json rule_json(const rule& r) {
  json j;
  j["op"] = to_string(r.oper);
  j["measure"] = to_string(r.meas.kind);
  if (r.meas.base_year != 0) j["base_year"] = r.meas.base_year;
  if (r.has_reference()) {
    j["reference"] = r.reference;
  } else if (r.oper == op::between) {
    j["low"] = r.low;
    j["high"] = r.high;
  } else if (r.is_comparison()) {
    j["value"] = r.value;
  }
  if (r.strict) j["strict"] = true;
  j["unit"] = r.u.empty() ? json(nullptr) : json(r.u.symbol());
  if (r.qual.empty()) {
    j["qualifier"] = nullptr;
  } else {
    json q;
    q["flow"] = r.qual.flow.empty() ? json(nullptr) : json(r.qual.flow);
    q["cumulative"] = r.qual.cumulative;
    q["years"] = r.qual.cumulative_years;
    j["qualifier"] = q;
  }
  j["remark"] = r.remark.empty() ? json(nullptr) : json(r.remark);
  if (!r.description.empty()) j["description"] = r.description;
  return j;
}

json field_json(field_value v) {
  return std::visit(
      [](auto&& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return nullptr;
        else
          return std::move(x);
      },
      std::move(v));
}

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string rule_to_json(const rule& r, int indent) { return dump(rule_json(r), indent); }

std::string parse_result_json(std::string_view text, bool& ok) {
  json j;
  j["text"] = std::string(text);
  try {
    const rule r = parse_target(text);
    j["canonical"] = canonical(r, language::zh);
    j["canonical_en"] = canonical(r, language::en);
    j["rule"] = rule_json(r);
    ok = true;
  } catch (const error& e) {
    json err;
    err["code"] = to_string(e.code());
    err["message"] = e.message();
    err["column"] = e.where().column;
    err["fragment"] = e.where().fragment;
    j["error"] = err;
    ok = false;
  }
  return dump(j, -1);
}

std::string evaluation_to_json(const plan& p, const std::vector<assessment>& assessments,
                               const plan_summary& summary, language lang, int indent) {
  json root;
  root["plan"] = p.id;
  root["language"] = to_string(lang);
  json list = json::array();
  for (const auto& a : assessments) {
    json j = json::object();
    for (auto& f : assessment_fields(a, p.find(a.indicator), lang))
      j[std::string(f.name)] = field_json(std::move(f.value));
    list.push_back(std::move(j));
  }
  root["assessments"] = std::move(list);

  auto counts = [](const status_counts& c) {
    json j = json::object();
    for (int k = 0; k < status_count; ++k)
      j[to_string(static_cast<status>(k))] = c.n[static_cast<std::size_t>(k)];
    return j;
  };
  json s;
  s["total"] = summary.total;
  s["indicators"] = summary.indicators;
  s["period"] = summary.period_label;
  s["by_status"] = counts(summary.by_status);
  json cats = json::object();
  for (const auto& [name, c] : summary.by_category) cats[name] = counts(c);
  s["by_category"] = cats;
  s["by_attribute"] = {{"binding", counts(summary.binding)},
                       {"anticipatory", counts(summary.anticipatory)}};
  s["binding_not_met"] = summary.binding_not_met;
  s["not_met"] = summary.not_met;
  s["narrative"] = narrative(p, summary, lang);
  s["narrative_zh"] = narrative(p, summary, language::zh);
  s["narrative_en"] = narrative(p, summary, language::en);
  root["summary"] = std::move(s);
  return dump(root, indent);
}

}  // namespace planeval
