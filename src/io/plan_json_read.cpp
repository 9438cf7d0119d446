// The JSON plan file: the strict reader, which names the JSON pointer of every problem and,
// when asked, collects them all (reading on after a faulty item).
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "detail/utf8.hpp"
#include "io/json_reader.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/plan_file.hpp"

namespace planeval {
namespace {

using detail::child;
using detail::json;
using detail::json_object;

class plan_reader : public detail::json_reader {
 public:
  using json_reader::json_reader;

  plan read(const json& root);

  // A pointer into the plan read (`/indicators/3/…`) as a pointer into the file, whose
  // numbering differs when items before it could not be read.
  std::string file_pointer(const std::string& model_pointer) const {
    for (const auto& [name, positions] :
         {std::pair{std::string("/indicators/"), &indicator_pos_},
          std::pair{std::string("/observations/"), &observation_pos_},
          std::pair{std::string("/references/"), &reference_pos_},
          std::pair{std::string("/tasks/"), &task_pos_}}) {
      if (model_pointer.compare(0, name.size(), name) != 0) continue;
      const auto end = model_pointer.find('/', name.size());
      const auto index = std::stoul(model_pointer.substr(name.size(), end - name.size()));
      if (index >= positions->size()) return model_pointer;
      return name + std::to_string((*positions)[index]) +
             (end == std::string::npos ? "" : model_pointer.substr(end));
    }
    return model_pointer;
  }

  // True for a model error that only repeats a problem reported while reading: an observation
  // or reference of an indicator, or a task's parent, dependency or linked indicator, that
  // could not be read.
  bool follows_from_failed_item(const plan& p, const error& e) const {
    if (e.code() != errc::model_unknown_id) return false;
    if (failed_.count(e.where().indicator)) return true;
    const std::string& ptr = e.where().pointer;
    const std::string prefix = "/tasks/";
    if (ptr.compare(0, prefix.size(), prefix) != 0) return false;
    const auto slash = ptr.find('/', prefix.size());
    if (slash == std::string::npos) return false;
    const auto k = std::stoul(ptr.substr(prefix.size(), slash - prefix.size()));
    if (k >= p.tasks.size()) return false;
    const task& t = p.tasks[k];
    const std::string field = ptr.substr(slash + 1, ptr.find('/', slash + 1) - slash - 1);
    const auto item = [&](const std::vector<std::string>& v) -> std::string {
      const auto at = ptr.rfind('/');
      const auto j = std::stoul(ptr.substr(at + 1));
      return j < v.size() ? v[j] : std::string();
    };
    if (field == "parent") return failed_tasks_.count(t.parent) > 0;
    if (field == "depends_on" && ptr.size() > slash + 1 + field.size())
      return failed_tasks_.count(item(t.depends_on)) > 0;
    if (field == "indicators" && ptr.size() > slash + 1 + field.size())
      return failed_.count(item(t.indicators)) > 0;
    return false;
  }

 private:
  measure read_measure(const json_object& o) {
    measure m;
    m.kind = o.enumeration("measure", measure_kind::level);
    m.base_year = o.integer("base_year", 0, 9999);
    return m;
  }
  qualifier read_qualifier(const json_object& parent) {
    qualifier q;
    if (!parent.get("qualifier")) return q;
    const auto o = parent.object("qualifier");
    o.allow({"flow", "cumulative", "years"});
    q.flow = o.str("flow");
    q.cumulative = o.boolean("cumulative");
    q.cumulative_years = o.integer("years", 0, 1000);
    return q;
  }
  rule read_rule(const json_object& o);
  observed read_value(const json_object& parent);
  observation read_observation(const json& j, const std::string& ptr, const std::string* owner);
  indicator read_indicator(const json& j, const std::string& ptr);
  task read_task(const json& j, const std::string& ptr);
  reference_value read_reference(const json& j, const std::string& ptr);
  void read_settings(const json_object& o, plan_settings& s);

  // Reads each item of the array `key` of the plan with `read(item, pointer)`; a failed item
  // is reported and left out (when collecting), the others have their file position recorded
  // in `positions`. Returns the ids (`id_key` of each item) of the items that failed.
  template <class F>
  std::set<std::string> read_items(const json_object& o, const char* key, const char* id_key,
                                   std::vector<std::size_t>& positions, F read) {
    std::set<std::string> failed;
    const json* items = nullptr;
    sink().guard([&] { items = o.array(key); });
    if (!items) return failed;
    for (std::size_t k = 0; k < items->size(); ++k) {
      const json& item = (*items)[k];
      const bool ok = sink().guard([&] {
        read(item, child(std::string("/") + key, k));
        positions.push_back(k);
      });
      if (!ok && !id_of(item, id_key).empty()) failed.insert(id_of(item, id_key));
    }
    return failed;
  }

  std::set<std::string> failed_;
  std::set<std::string> failed_tasks_;
  // the position in the file of each indicator, observation, reference and task read
  std::vector<std::size_t> indicator_pos_, observation_pos_, reference_pos_, task_pos_;
};

rule plan_reader::read_rule(const json_object& o) {
  o.allow({"op", "measure", "base_year", "value", "low", "high", "strict", "reference", "unit",
           "qualifier", "remark", "description", "year", "parts", "respectively"});
  rule r;
  if (!o.get("op")) o.missing("op");
  r.operation = o.enumeration("op", op::qualitative);
  r.measure = read_measure(o);
  r.value = o.num("value");
  r.low = o.num("low");
  r.high = o.num("high");
  r.strict = o.boolean("strict");
  r.reference = o.str("reference");
  r.unit = o.u("unit");
  r.qualifier = read_qualifier(o);
  r.remark = o.str("remark");
  r.description = o.str("description");
  if (o.get("year")) {
    const double y = o.num("year");
    if (y != std::floor(y) || y < 1 || y > 9999)
      throw model_error(errc::model_invalid, "a rule's year must be a whole year from 1 to 9999",
                        o.at("year"));
    r.year = static_cast<int>(y);
  }
  if (r.operation == op::between && !r.has_reference() && r.low > r.high)
    throw model_error(errc::model_invalid,
                      "a 'between' rule needs low <= high (" + format_number(r.low) + " > " +
                          format_number(r.high) + ")",
                      o.at("low"));
  r.respectively = o.boolean("respectively");
  if (const json* parts = o.array("parts")) {
    for (std::size_t k = 0; k < parts->size(); ++k) {
      const std::string pp = o.ptr + "/parts/" + std::to_string(k);
      const auto part = as_object((*parts)[k], pp, o.ind, "a part of a compound rule");
      rule pr = read_rule(part);
      if (!pr.is_comparison() || pr.has_reference())
        throw model_error(errc::model_invalid,
                          "a part of a compound rule compares against a number (reach, about, "
                          "at_least, at_most or between), not '" +
                              std::string(to_string(pr.operation)) + "'",
                          part.at("op"));
      r.parts.push_back(std::move(pr));
    }
  }
  if ((r.operation == op::compound) != !r.parts.empty())
    throw model_error(errc::model_invalid,
                      r.parts.empty() ? "a compound rule needs 'parts' (two or more rules)"
                                      : "'parts' belong to a rule whose op is 'compound'",
                      o.at(r.parts.empty() ? "op" : "parts"));
  return r;
}

observed plan_reader::read_value(const json_object& parent) {
  const json& v = parent.required("value");
  if (v.is_null()) return missing_value{};
  if (v.is_number()) return point_value{v.get<double>()};
  if (!v.is_object()) parent.wrong_type("value", v, "null, a number or an object");
  const json_object o{*this, v, child(parent.ptr, "value"), parent.ind};
  o.allow({"at_least", "at_most", "strict", "low", "high", "judgment"});
  const bool least = o.get("at_least") != nullptr;
  const bool most = o.get("at_most") != nullptr;
  const bool low = o.get("low") != nullptr;
  const bool high = o.get("high") != nullptr;
  const bool judged = o.get("judgment") != nullptr;
  const int shapes = int(least) + int(most) + int(low || high) + int(judged);
  if (shapes != 1 || low != high || (o.get("strict") && !(least || most)))
    throw format_error(errc::json_type,
                       "a value object is one of {\"at_least\": x}, {\"at_most\": x} (each with "
                       "an optional \"strict\"), {\"low\": a, \"high\": b} or {\"judgment\": j}",
                       where(o.ptr, o.ind));
  if (least || most) {
    bound_value b;
    b.at_least = least;
    b.value = o.num(least ? "at_least" : "at_most");
    b.strict = o.boolean("strict");
    return b;
  }
  if (low) return interval_value{o.num("low"), o.num("high")};
  return judgment_value{o.enumeration("judgment", judgment::met)};
}

observation plan_reader::read_observation(const json& j, const std::string& ptr,
                                          const std::string* owner) {
  const bool in_task = !task_.empty();
  const std::string ind = in_task ? std::string() : owner ? *owner : id_of(j, "indicator");
  const auto o = as_object(j, ptr, ind,
                           in_task ? "an actual"
                           : owner ? "a baseline"
                                   : "an observation");
  o.allow({"indicator", "period", "text", "value", "measure", "base_year", "unit", "qualifier",
           "comparable", "flags", "note"});
  observation ob;
  ob.indicator = owner && !o.get("indicator") ? *owner : o.str("indicator", true);
  ob.period = o.per("period");
  ob.text = o.str("text");
  if (o.get("value")) {
    ob.value = read_value(o);
  } else if (!detail::trim(ob.text).empty()) {
    // no stored value: read the text as an actuals cell is read
    const auto parsed = at(child(ptr, "text"), ind, [&] {
      auto one = parse_observation(ob.text);
      check_one_quantity(one);
      return one;
    });
    ob = to_observation(ob.indicator, ob.period, ob.text, parsed);
  }
  if (o.get("measure") || o.get("base_year")) ob.measure = read_measure(o);
  if (o.get("unit")) ob.unit = o.u("unit");
  if (o.get("qualifier")) ob.qualifier = read_qualifier(o);
  if (o.get("comparable")) ob.comparable = o.num("comparable");
  const std::string flags = o.str("flags");
  at(child(ptr, "flags"), ind, [&] {
    validate_flags(flags);
    return 0;
  });
  for (const char c : flags)
    if (ob.flags.find(c) == std::string::npos) ob.flags += c;
  if (o.get("note")) ob.note = o.str("note");
  return ob;
}

indicator plan_reader::read_indicator(const json& j, const std::string& ptr) {
  const std::string id = id_of(j, "id");
  const auto o = as_object(j, ptr, id, "an indicator");
  o.allow({"id", "name_zh", "name_en", "kind", "unit", "polarity", "attribute", "category",
           "accumulation", "baseline", "targets", "note"});
  indicator ind;
  ind.id = o.str("id", true);
  if (ind.id.empty())
    throw model_error(errc::model_invalid, "an indicator needs a non-empty id", o.at("id"));
  ind.name_zh = o.str("name_zh");
  ind.name_en = o.str("name_en");
  ind.kind = o.enumeration("kind", indicator_kind::amount);
  ind.unit = o.u("unit");
  ind.polarity = o.enumeration("polarity", polarity::higher);
  ind.attribute = o.enumeration("attribute", attribute::anticipatory);
  ind.category = o.str("category");
  if (const json* b = o.get("baseline"))
    ind.baseline = read_observation(*b, child(ptr, "baseline"), &ind.id);
  if (const json* ts = o.array("targets")) {
    for (std::size_t k = 0; k < ts->size(); ++k) {
      const auto tp = child(child(ptr, "targets"), k);
      const auto t = as_object((*ts)[k], tp, id, "a target");
      t.allow({"period", "text", "rule"});
      target tg;
      tg.period = t.per("period");
      tg.text = t.str("text");
      if (t.get("rule")) {
        tg.rule = read_rule(t.object("rule"));
      } else if (!t.get("text")) {
        t.missing("rule");
      } else {
        tg.rule = at(child(tp, "text"), id, [&] { return parse_target(tg.text); });
      }
      ind.targets.push_back(std::move(tg));
    }
  }
  if (o.get("accumulation")) {
    ind.accumulation = o.enumeration("accumulation", accumulation::stock);
  } else {
    qualifier q;
    if (!ind.targets.empty()) q = ind.targets.front().rule.qualifier;
    if (q.flow.empty() && ind.baseline) q = ind.baseline->qualifier;
    ind.accumulation = default_accumulation(ind.kind, q, ind.name_zh);
  }
  ind.note = o.str("note");
  return ind;
}

reference_value plan_reader::read_reference(const json& j, const std::string& ptr) {
  const std::string id = id_of(j, "indicator");
  const auto o = as_object(j, ptr, id, "a reference");
  o.allow({"indicator", "period", "value", "unit", "note"});
  reference_value r;
  r.indicator = o.str("indicator", true);
  r.period = o.per("period");
  if (!o.required("value").is_number()) o.wrong_type("value", *o.get("value"), "a number");
  r.value = o.num("value");
  r.unit = o.u("unit");
  r.note = o.str("note");
  return r;
}

task plan_reader::read_task(const json& j, const std::string& ptr) {
  task_ = id_of(j, "id");
  struct reset {
    std::string& s;
    ~reset() { s.clear(); }
  } const done{task_};
  const auto o = as_object(j, ptr, "", "a task");
  o.allow({"id", "parent", "title_zh", "title_en", "description", "owner", "cooperating", "start",
           "due", "status", "progress", "completed", "deliverables", "indicators", "depends_on",
           "weight", "note"});
  task t;
  t.id = o.str("id", true);
  if (t.id.empty())
    throw model_error(errc::model_invalid, "a task needs a non-empty id", o.at("id"));
  t.parent = o.str("parent");
  t.title_zh = o.str("title_zh");
  t.title_en = o.str("title_en");
  t.description = o.str("description");
  t.owner = o.str("owner");
  t.cooperating = o.strings("cooperating");
  t.start = o.day("start");
  t.due = o.day("due");
  t.status = o.enumeration("status", task_status::not_started);
  if (o.get("progress")) {
    const auto pr = o.object("progress");
    pr.allow({"share", "reported"});
    if (!pr.required("share").is_number())
      pr.wrong_type("share", *pr.get("share"), "a number (a share from 0 to 1)");
    t.progress = progress_report{pr.num("share"), *pr.day("reported", true)};
  }
  t.completed = o.day("completed");
  if (const json* ds = o.array("deliverables")) {
    for (std::size_t k = 0; k < ds->size(); ++k) {
      const auto dp = child(child(ptr, "deliverables"), k);
      const auto d = as_object((*ds)[k], dp, "", "a deliverable");
      d.allow({"text", "rule", "actual"});
      deliverable dl;
      dl.text = d.str("text", true);
      if (d.get("rule"))
        dl.target = read_rule(d.object("rule"));
      else
        dl.target = at(child(dp, "text"), "", [&] { return parse_target(dl.text); });
      if (const json* a = d.get("actual"))
        dl.actual = read_observation(*a, child(dp, "actual"), &t.id);
      t.deliverables.push_back(std::move(dl));
    }
  }
  t.indicators = o.strings("indicators");
  t.depends_on = o.strings("depends_on");
  t.weight = o.num("weight", 1.0);
  t.note = o.str("note");
  return t;
}

void plan_reader::read_settings(const json_object& o, plan_settings& s) {
  o.allow({"language", "tolerance"});
  s.lang = o.enumeration("language", language::zh);
  if (o.get("tolerance")) {
    const auto t = o.object("tolerance");
    t.allow({"about_points", "about_relative", "sync_points", "sync_relative",
             "anticipatory_points", "anticipatory_relative"});
    auto& tol = s.tolerance;
    const tolerance_settings def;
    tol.about_points = t.num("about_points", def.about_points);
    tol.about_relative = t.num("about_relative", def.about_relative);
    tol.sync_points = t.num("sync_points", def.sync_points);
    tol.sync_relative = t.num("sync_relative", def.sync_relative);
    tol.anticipatory_points = t.num("anticipatory_points", def.anticipatory_points);
    tol.anticipatory_relative = t.num("anticipatory_relative", def.anticipatory_relative);
  }
}

plan plan_reader::read(const json& root) {
  const auto o = as_object(root, "", "", "a plan file");
  // the header first: when it is wrong, nothing else is worth reading
  const json& fmt = o.required("format");
  if (!fmt.is_string() || fmt.get<std::string>() != plan_json_format)
    throw format_error(
        errc::io_format,
        "not a planeval plan file: 'format' must be \"" + std::string(plan_json_format) + "\"",
        o.at("format"));
  const int version = o.integer("version", 1, std::numeric_limits<int>::max(), 0);
  if (version == 0) o.missing("version");
  if (version > plan_json_version)
    throw format_error(errc::format_version,
                       "the file has format version " + std::to_string(version) +
                           "; this release reads versions up to " +
                           std::to_string(plan_json_version),
                       o.at("version"));
  o.allow({"format", "version", "id", "title_zh", "title_en", "issuer", "period", "published",
           "approved", "settings", "indicators", "observations", "references", "tasks",
           "extensions"});

  plan p;
  auto& sink = this->sink();
  sink.guard([&] { p.id = o.str("id"); });
  sink.guard([&] { p.title_zh = o.str("title_zh"); });
  sink.guard([&] { p.title_en = o.str("title_en"); });
  sink.guard([&] { p.issuer = o.str("issuer"); });
  sink.guard([&] {
    if (o.get("period")) p.period = o.per("period");
  });
  sink.guard([&] { p.published = o.day("published"); });
  sink.guard([&] { p.approved = o.day("approved"); });
  sink.guard([&] {
    if (o.get("settings")) read_settings(o.object("settings"), p.settings);
  });

  std::map<std::string, std::size_t> first;  // indicator id -> its position in the file
  failed_ = read_items(
      o, "indicators", "id", indicator_pos_, [&](const json& item, const std::string& ptr) {
        indicator ind = read_indicator(item, ptr);
        const auto [it, fresh] = first.emplace(ind.id, indicator_pos_.size());
        if (!fresh)
          throw model_error(errc::model_duplicate,
                            "indicator id '" + ind.id + "' is used twice (first at " +
                                child("/indicators", indicator_pos_[it->second]) + ")",
                            where(child(ptr, "id"), ind.id));
        p.indicators.push_back(std::move(ind));
      });
  read_items(o, "observations", "indicator", observation_pos_,
             [&](const json& item, const std::string& ptr) {
               observation ob = read_observation(item, ptr, nullptr);
               const std::string id = ob.indicator;
               at(ptr, id, [&] { p.observations.add(std::move(ob)); });
             });
  read_items(o, "references", "indicator", reference_pos_,
             [&](const json& item, const std::string& ptr) {
               reference_value r = read_reference(item, ptr);
               const std::string id = r.indicator;
               at(ptr, id, [&] { p.references.add(std::move(r)); });
             });
  if (version < plan_json_tasks_version && o.get("tasks"))
    sink.report(format_error(errc::json_unknown_field,
                             "the member 'tasks' needs format version " +
                                 std::to_string(plan_json_tasks_version) +
                                 " (the file has version " + std::to_string(version) + ")",
                             o.at("tasks")));
  else
    failed_tasks_ = read_items(
        o, "tasks", "id", task_pos_,
        [&](const json& item, const std::string& ptr) { p.tasks.push_back(read_task(item, ptr)); });
  sink.guard([&] { p.extensions = o.extensions("extensions"); });
  return p;
}

}  // namespace

plan plan_from_json(std::string_view content, const std::string& source,
                    std::vector<error>* problems, const limits& lim) {
  const json root = detail::read_json_document(content, source, lim);
  problem_sink sink = problems ? problem_sink(*problems) : problem_sink();
  plan_reader r(source, sink, lim);
  plan p = r.read(root);
  if (!problems) {
    detail::relocated([&] { p.validate(); },
                      [&](location loc) {
                        loc.file = source;
                        return loc;
                      });
    return p;
  }
  for (auto& e : check_plan(p)) {
    // an observation of an indicator that could not be read is not a second problem
    if (r.follows_from_failed_item(p, e)) continue;
    location loc = e.where();
    loc.file = source;
    loc.pointer = r.file_pointer(loc.pointer);
    problems->push_back(error(e.code(), e.message(), loc));
  }
  return p;
}

}  // namespace planeval
