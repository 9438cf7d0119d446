// Rules and parse results as JSON.
#include "planeval/render/rule.hpp"

#include <nlohmann/json.hpp>

#include "planeval/core/error.hpp"
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

}  // namespace planeval
