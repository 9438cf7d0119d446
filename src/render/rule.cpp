// Rules and parse results as JSON.
#include "planeval/render/rule.hpp"

#include "json.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

namespace planeval {
namespace {

using render::dump;
using render::json;

json rule_json(const rule& r) {
  json j;
  j["op"] = to_string(r.operation);
  j["measure"] = to_string(r.measure.kind);
  if (r.measure.base_year != 0) j["base_year"] = r.measure.base_year;
  if (r.has_reference()) {
    j["reference"] = r.reference;
  } else if (r.operation == op::between) {
    j["low"] = r.low;
    j["high"] = r.high;
  } else if (r.is_comparison()) {
    j["value"] = r.value;
  }
  if (r.strict) j["strict"] = true;
  j["unit"] = r.unit.empty() ? json(nullptr) : json(r.unit.symbol());
  if (r.qualifier.empty()) {
    j["qualifier"] = nullptr;
  } else {
    json q;
    q["flow"] = r.qualifier.flow.empty() ? json(nullptr) : json(r.qualifier.flow);
    q["cumulative"] = r.qualifier.cumulative;
    q["years"] = r.qualifier.cumulative_years;
    j["qualifier"] = q;
  }
  j["remark"] = r.remark.empty() ? json(nullptr) : json(r.remark);
  if (!r.description.empty()) j["description"] = r.description;
  if (r.year != 0) j["year"] = r.year;
  if (r.operation == op::compound) {
    json parts = json::array();
    for (const rule& part : r.parts) parts.push_back(rule_json(part));
    j["parts"] = std::move(parts);
    j["respectively"] = r.respectively;
  }
  return j;
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

}  // namespace planeval
