// The JSON plan file: the canonical writer. The member order written here is the order of
// docs/formats.md and the schema.
#include <cmath>
#include <cstdint>

#include "detail/utf8.hpp"
#include "io/json_reader.hpp"
#include "planeval/io/json_plan.hpp"

namespace planeval {
namespace {

using detail::child;
using detail::json;

[[noreturn]] void unsavable(const std::string& ptr, const std::string& what) {
  location loc;
  loc.pointer = ptr;
  throw model_error(errc::model_invalid, what, loc);
}

json number(double v, const std::string& ptr) {
  if (!std::isfinite(v))
    unsavable(ptr, "a JSON plan file cannot hold the number " + format_number(v));
  // integral values read better without a fraction (6000, not 6000.0); doubles stay exact
  constexpr double exact_int = 9007199254740992.0;  // 2^53
  if (v == std::floor(v) && std::fabs(v) < exact_int) return static_cast<std::int64_t>(v);
  return v;
}

json text(const std::string& s, const std::string& ptr) {
  const auto bad = detail::find_invalid_utf8(s);
  if (bad != std::string::npos)
    unsavable(ptr, "the text is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
  return s;
}

void put_measure(json& j, const measure& m) {
  if (m.kind != measure_kind::level) j["measure"] = to_string(m.kind);
  if (m.base_year != 0) j["base_year"] = m.base_year;
}

json qualifier_json(const qualifier& q, const std::string& ptr) {
  json j = json::object();
  if (!q.flow.empty()) j["flow"] = text(q.flow, child(ptr, "flow"));
  if (q.cumulative) j["cumulative"] = true;
  if (q.cumulative_years != 0) j["years"] = q.cumulative_years;
  return j;
}

bool has_value(const rule& r) {
  if (r.has_reference()) return false;
  return r.operation == op::reach || r.operation == op::about || r.operation == op::at_least ||
         r.operation == op::at_most;
}

json rule_json(const rule& r, const std::string& ptr) {
  json j;
  j["op"] = to_string(r.operation);
  put_measure(j, r.measure);
  if (has_value(r) || r.value != 0) j["value"] = number(r.value, child(ptr, "value"));
  const bool range = r.operation == op::between && !r.has_reference();
  if (range || r.low != 0) j["low"] = number(r.low, child(ptr, "low"));
  if (range || r.high != 0) j["high"] = number(r.high, child(ptr, "high"));
  if (r.strict) j["strict"] = true;
  if (!r.reference.empty()) j["reference"] = text(r.reference, child(ptr, "reference"));
  if (!r.unit.empty()) j["unit"] = text(r.unit.symbol(), child(ptr, "unit"));
  json q = qualifier_json(r.qualifier, child(ptr, "qualifier"));
  if (!q.empty()) j["qualifier"] = std::move(q);
  if (!r.remark.empty()) j["remark"] = text(r.remark, child(ptr, "remark"));
  if (!r.description.empty()) j["description"] = text(r.description, child(ptr, "description"));
  if (r.year != 0) j["year"] = r.year;
  if (!r.parts.empty()) {
    json parts = json::array();
    for (std::size_t k = 0; k < r.parts.size(); ++k)
      parts.push_back(rule_json(r.parts[k], child(child(ptr, "parts"), k)));
    j["parts"] = std::move(parts);
  }
  if (r.respectively) j["respectively"] = true;
  return j;
}

json value_json(const observed& v, const std::string& ptr) {
  if (std::holds_alternative<missing_value>(v)) return nullptr;
  if (const auto* p = std::get_if<point_value>(&v)) return number(p->value, ptr);
  json j = json::object();
  if (const auto* b = std::get_if<bound_value>(&v)) {
    j[b->at_least ? "at_least" : "at_most"] =
        number(b->value, child(ptr, b->at_least ? "at_least" : "at_most"));
    if (b->strict) j["strict"] = true;
  } else if (const auto* i = std::get_if<interval_value>(&v)) {
    j["low"] = number(i->low, child(ptr, "low"));
    j["high"] = number(i->high, child(ptr, "high"));
  } else if (const auto* g = std::get_if<judgment_value>(&v)) {
    j["judgment"] = to_string(g->verdict);
  }
  return j;
}

// `owner` is the indicator id of a baseline (its `indicator` member is written only when it
// differs), empty for the plan's observations (always written).
json observation_json(const observation& o, const std::string& ptr, const std::string* owner) {
  json j;
  if (!owner || o.indicator != *owner) j["indicator"] = text(o.indicator, child(ptr, "indicator"));
  j["period"] = o.period.to_string();
  j["text"] = text(o.text, child(ptr, "text"));
  j["value"] = value_json(o.value, child(ptr, "value"));
  put_measure(j, o.measure);
  if (!o.unit.empty()) j["unit"] = text(o.unit.symbol(), child(ptr, "unit"));
  json q = qualifier_json(o.qualifier, child(ptr, "qualifier"));
  if (!q.empty()) j["qualifier"] = std::move(q);
  if (o.comparable) j["comparable"] = number(*o.comparable, child(ptr, "comparable"));
  if (!o.flags.empty()) j["flags"] = text(o.flags, child(ptr, "flags"));
  if (!o.note.empty()) j["note"] = text(o.note, child(ptr, "note"));
  return j;
}

json indicator_json(const indicator& ind, const std::string& ptr) {
  json j;
  j["id"] = text(ind.id, child(ptr, "id"));
  j["name_zh"] = text(ind.name_zh, child(ptr, "name_zh"));
  j["name_en"] = text(ind.name_en, child(ptr, "name_en"));
  j["kind"] = to_string(ind.kind);
  j["unit"] = text(ind.unit.symbol(), child(ptr, "unit"));
  j["polarity"] = to_string(ind.polarity);
  j["attribute"] = to_string(ind.attribute);
  j["category"] = text(ind.category, child(ptr, "category"));
  j["accumulation"] = to_string(ind.accumulation);
  if (ind.baseline)
    j["baseline"] = observation_json(*ind.baseline, child(ptr, "baseline"), &ind.id);
  json targets = json::array();
  for (std::size_t k = 0; k < ind.targets.size(); ++k) {
    const auto& t = ind.targets[k];
    const auto tp = child(child(ptr, "targets"), k);
    json tj;
    tj["period"] = t.period.to_string();
    tj["text"] = text(t.text, child(tp, "text"));
    tj["rule"] = rule_json(t.rule, child(tp, "rule"));
    targets.push_back(std::move(tj));
  }
  j["targets"] = std::move(targets);
  j["note"] = text(ind.note, child(ptr, "note"));
  return j;
}

json strings_json(const std::vector<std::string>& items, const std::string& ptr) {
  json j = json::array();
  for (std::size_t k = 0; k < items.size(); ++k) j.push_back(text(items[k], child(ptr, k)));
  return j;
}

// Members at their default are left out, except id, titles and status.
json task_json(const task& t, const std::string& ptr) {
  json j;
  j["id"] = text(t.id, child(ptr, "id"));
  if (!t.parent.empty()) j["parent"] = text(t.parent, child(ptr, "parent"));
  j["title_zh"] = text(t.title_zh, child(ptr, "title_zh"));
  j["title_en"] = text(t.title_en, child(ptr, "title_en"));
  if (!t.description.empty()) j["description"] = text(t.description, child(ptr, "description"));
  if (!t.owner.empty()) j["owner"] = text(t.owner, child(ptr, "owner"));
  if (!t.cooperating.empty())
    j["cooperating"] = strings_json(t.cooperating, child(ptr, "cooperating"));
  if (t.start) j["start"] = to_string(*t.start);
  if (t.due) j["due"] = to_string(*t.due);
  j["status"] = to_string(t.status);
  if (t.progress) {
    json pr;
    pr["share"] = number(t.progress->share, child(child(ptr, "progress"), "share"));
    pr["reported"] = to_string(t.progress->reported);
    j["progress"] = std::move(pr);
  }
  if (t.completed) j["completed"] = to_string(*t.completed);
  if (!t.deliverables.empty()) {
    json ds = json::array();
    for (std::size_t k = 0; k < t.deliverables.size(); ++k) {
      const auto& d = t.deliverables[k];
      const auto dp = child(child(ptr, "deliverables"), k);
      json dj;
      dj["text"] = text(d.text, child(dp, "text"));
      dj["rule"] = rule_json(d.target, child(dp, "rule"));
      if (d.actual) dj["actual"] = observation_json(*d.actual, child(dp, "actual"), &t.id);
      ds.push_back(std::move(dj));
    }
    j["deliverables"] = std::move(ds);
  }
  if (!t.indicators.empty()) j["indicators"] = strings_json(t.indicators, child(ptr, "indicators"));
  if (!t.depends_on.empty()) j["depends_on"] = strings_json(t.depends_on, child(ptr, "depends_on"));
  if (t.weight != 1.0) j["weight"] = number(t.weight, child(ptr, "weight"));
  if (!t.note.empty()) j["note"] = text(t.note, child(ptr, "note"));
  return j;
}

}  // namespace

std::string plan_to_json(const plan& p) {
  json j;
  j["format"] = plan_json_format;
  // a plan without tasks is written as version 1, which older releases read
  j["version"] = p.tasks.empty() ? 1 : plan_json_tasks_version;
  j["id"] = text(p.id, "/id");
  j["title_zh"] = text(p.title_zh, "/title_zh");
  j["title_en"] = text(p.title_en, "/title_en");
  j["issuer"] = text(p.issuer, "/issuer");
  j["period"] = p.period.to_string();
  if (p.published) j["published"] = to_string(*p.published);
  if (p.approved) j["approved"] = to_string(*p.approved);
  json settings;
  settings["language"] = to_string(p.settings.lang);
  const auto& t = p.settings.tolerance;
  json tol;
  tol["about_points"] = number(t.about_points, "/settings/tolerance/about_points");
  tol["about_relative"] = number(t.about_relative, "/settings/tolerance/about_relative");
  tol["sync_points"] = number(t.sync_points, "/settings/tolerance/sync_points");
  tol["sync_relative"] = number(t.sync_relative, "/settings/tolerance/sync_relative");
  tol["anticipatory_points"] =
      number(t.anticipatory_points, "/settings/tolerance/anticipatory_points");
  tol["anticipatory_relative"] =
      number(t.anticipatory_relative, "/settings/tolerance/anticipatory_relative");
  settings["tolerance"] = std::move(tol);
  j["settings"] = std::move(settings);
  json inds = json::array();
  for (std::size_t k = 0; k < p.indicators.size(); ++k)
    inds.push_back(indicator_json(p.indicators[k], child("/indicators", k)));
  j["indicators"] = std::move(inds);
  json obs = json::array();
  std::size_t k = 0;
  for (const auto& o : p.observations)
    obs.push_back(observation_json(o, child("/observations", k++), nullptr));
  j["observations"] = std::move(obs);
  json refs = json::array();
  k = 0;
  for (const auto& r : p.references) {
    const auto ptr = child("/references", k++);
    json rj;
    rj["indicator"] = text(r.indicator, child(ptr, "indicator"));
    rj["period"] = r.period.to_string();
    rj["value"] = number(r.value, child(ptr, "value"));
    if (!r.unit.empty()) rj["unit"] = text(r.unit.symbol(), child(ptr, "unit"));
    if (!r.note.empty()) rj["note"] = text(r.note, child(ptr, "note"));
    refs.push_back(std::move(rj));
  }
  j["references"] = std::move(refs);
  if (!p.tasks.empty()) {
    json tasks = json::array();
    for (std::size_t n = 0; n < p.tasks.size(); ++n)
      tasks.push_back(task_json(p.tasks[n], child("/tasks", n)));
    j["tasks"] = std::move(tasks);
  }
  if (!p.extensions.empty())
    j["extensions"] = detail::extensions_object(p.extensions, "/extensions");
  return j.dump(2, ' ', false, json::error_handler_t::strict) + "\n";
}

}  // namespace planeval
