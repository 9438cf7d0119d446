// The JSON plan file: canonical writer and a strict reader that names the JSON pointer of every
// problem. The member order written here is the order of docs/formats.md and the schema.
#include "planeval/io/json_plan.hpp"

#include <cmath>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "detail/utf8.hpp"
#include "io/file_util.hpp"
#include "planeval/core/limits.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"

namespace planeval {
namespace {

using json = nlohmann::ordered_json;

// --- JSON pointers ---------------------------------------------------------------------------

std::string escape_pointer(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string child(const std::string& ptr, std::string_view key) {
  return ptr + "/" + escape_pointer(key);
}
std::string child(const std::string& ptr, std::size_t index) {
  return ptr + "/" + std::to_string(index);
}

// --- writing ---------------------------------------------------------------------------------

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

// Parse guard: a SAX pass that rejects duplicate member names and nesting deeper than the limit,
// and tracks the JSON pointer of the value being parsed so those errors can name it. It runs
// before the DOM parse instead of as nlohmann's parser callback, whose end_object/end_array
// rescan the parent container and make long arrays of objects quadratic.
class parse_guard : public nlohmann::json_sax<json> {
 public:
  parse_guard(std::string source, const limits& lim) : source_(std::move(source)), lim_(lim) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t& s) override {
    check_length(s, "a string");
    return value();
  }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    auto& f = frames_.back();
    f.key = name;
    check_length(name, "a member name");
    if (!f.keys.insert(name).second) {
      location loc;
      loc.file = source_;
      loc.pointer = pointer();
      throw format_error(errc::json_duplicate, "member '" + name + "' is given twice", loc);
    }
    return true;
  }
  // a syntax error: stop; the DOM parse then reports it with its position
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  [[noreturn]] void fail(errc code, const std::string& message) const {
    location loc;
    loc.file = source_;
    loc.pointer = pointer();
    throw format_error(code, message, loc);
  }
  void check_length(const std::string& s, const char* what) const {
    if (s.size() > lim_.max_text_bytes)
      fail(errc::limit_text_length, std::string(what) + " of " + std::to_string(s.size()) +
                                        " bytes, more than the limit of " +
                                        std::to_string(lim_.max_text_bytes));
  }
  bool value() {
    if (!frames_.empty() && ++frames_.back().count > lim_.max_items)
      fail(errc::limit_items, std::string(frames_.back().object ? "an object" : "an array") +
                                  " with more than " + std::to_string(lim_.max_items) +
                                  " items (the limit)");
    return true;
  }
  bool open(bool object) {
    if (frames_.size() >= lim_.max_depth)
      fail(errc::limit_depth, "arrays and objects nest deeper than " +
                                  std::to_string(lim_.max_depth) + " levels (the limit)");
    frames_.push_back({object, {}, {}, 0});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }

  struct frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    std::size_t count;
  };
  std::string pointer() const {
    std::string p;
    for (const auto& f : frames_) p = f.object ? child(p, f.key) : child(p, f.count);
    return p;
  }

  std::string source_;
  limits lim_;
  std::vector<frame> frames_;
};

json parse_json(std::string_view text, const std::string& source, const limits& lim = {}) {
  parse_guard guard(source, lim);
  try {
    json::sax_parse(text.begin(), text.end(), &guard, json::input_format_t::json, true, false);
    return json::parse(text.begin(), text.end(), nullptr, true, false);
  } catch (const json::parse_error& e) {
    location loc;
    loc.file = source;
    detail::set_line_column(text, e.byte == 0 ? 0 : e.byte - 1, loc);
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    const auto colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw format_error(errc::json_syntax, what, loc);
  } catch (const json::exception& e) {
    // a number too large for a double ("number overflow parsing '1e400'"): no position is
    // given, so find the token
    location loc;
    loc.file = source;
    std::string what = e.what();
    const auto bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    const auto open = what.find('\'');
    const auto close = open == std::string::npos ? open : what.find('\'', open + 1);
    if (close != std::string::npos && close > open + 1) {
      const auto at = text.find(what.substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) detail::set_line_column(text, at, loc);
    }
    throw format_error(errc::json_syntax, what, loc);
  }
}

json rule_json(const rule& r, const std::string& ptr);
json qualifier_json(const qualifier& q, const std::string& ptr);

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
  return r.oper == op::reach || r.oper == op::about || r.oper == op::at_least ||
         r.oper == op::at_most;
}

json rule_json(const rule& r, const std::string& ptr) {
  json j;
  j["op"] = to_string(r.oper);
  put_measure(j, r.meas);
  if (has_value(r) || r.value != 0) j["value"] = number(r.value, child(ptr, "value"));
  const bool range = r.oper == op::between && !r.has_reference();
  if (range || r.low != 0) j["low"] = number(r.low, child(ptr, "low"));
  if (range || r.high != 0) j["high"] = number(r.high, child(ptr, "high"));
  if (r.strict) j["strict"] = true;
  if (!r.reference.empty()) j["reference"] = text(r.reference, child(ptr, "reference"));
  if (!r.u.empty()) j["unit"] = text(r.u.symbol(), child(ptr, "unit"));
  json q = qualifier_json(r.qual, child(ptr, "qualifier"));
  if (!q.empty()) j["qualifier"] = std::move(q);
  if (!r.remark.empty()) j["remark"] = text(r.remark, child(ptr, "remark"));
  if (!r.description.empty()) j["description"] = text(r.description, child(ptr, "description"));
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
  j["period"] = o.per.to_string();
  j["text"] = text(o.text, child(ptr, "text"));
  j["value"] = value_json(o.value, child(ptr, "value"));
  put_measure(j, o.meas);
  if (!o.u.empty()) j["unit"] = text(o.u.symbol(), child(ptr, "unit"));
  json q = qualifier_json(o.qual, child(ptr, "qualifier"));
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
  j["unit"] = text(ind.u.symbol(), child(ptr, "unit"));
  j["polarity"] = to_string(ind.pol);
  j["attribute"] = to_string(ind.attr);
  j["category"] = text(ind.category, child(ptr, "category"));
  j["accumulation"] = to_string(ind.acc);
  if (ind.baseline)
    j["baseline"] = observation_json(*ind.baseline, child(ptr, "baseline"), &ind.id);
  json targets = json::array();
  for (std::size_t k = 0; k < ind.targets.size(); ++k) {
    const auto& t = ind.targets[k];
    const auto tp = child(child(ptr, "targets"), k);
    json tj;
    tj["period"] = t.per.to_string();
    tj["text"] = text(t.text, child(tp, "text"));
    tj["rule"] = rule_json(t.r, child(tp, "rule"));
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
  j["status"] = to_string(t.st);
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

json extensions_json(const std::string& ext) {
  try {
    json j = parse_json(ext, {});
    if (!j.is_object()) unsavable("/extensions", "the plan's extensions must be a JSON object");
    return j;
  } catch (const format_error& e) {
    unsavable("/extensions", "the plan's extensions are not a JSON object: " + e.message());
  }
}

// --- reading ---------------------------------------------------------------------------------

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
  }
  return "something else";
}

// Re-raises a planeval error from a helper (period, unit, enum, date, target text) with the
// JSON pointer and indicator or task id, keeping its class, code, column and fragment.
template <class F>
auto at_pointer(const std::string& source, const std::string& ptr, const std::string& ind,
                const std::string& task, F f) -> decltype(f()) {
  auto relocate = [&](const error& e) {
    location loc = e.where();
    loc.file = source;
    if (loc.pointer.empty()) loc.pointer = ptr;
    if (loc.indicator.empty()) loc.indicator = ind;
    if (loc.task.empty()) loc.task = task;
    return loc;
  };
  try {
    return f();
  } catch (const parse_error& e) {
    throw parse_error(e.code(), e.message(), relocate(e));
  } catch (const model_error& e) {
    throw model_error(e.code(), e.message(), relocate(e));
  } catch (const format_error& e) {
    throw format_error(e.code(), e.message(), relocate(e));
  }
}

class reader {
 public:
  reader(std::string source, std::vector<error>* problems, const limits& lim)
      : source_(std::move(source)), problems_(problems), lim_(lim) {}

  plan read(const json& root);

  const limits& lim() const noexcept { return lim_; }

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
  // A view of one JSON object at a pointer, inside an indicator (or not).
  struct object_view {
    reader& r;
    const json& j;
    std::string ptr;
    std::string ind;

    location at(const std::string& key) const { return r.where(child(ptr, key), ind); }

    // Reports every member that is not in `allowed` (all of them when collecting).
    void allow(std::initializer_list<const char*> allowed) const {
      for (const auto& item : j.items()) {
        bool ok = false;
        for (const char* a : allowed) ok = ok || item.key() == a;
        if (!ok) {
          std::string list;
          for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
          r.report(format_error(errc::json_unknown_field,
                                "unknown member '" + item.key() + "' (expected: " + list + ")",
                                at(item.key())));
        }
      }
    }
    const json* get(const char* key) const {
      const auto it = j.find(key);
      return it == j.end() ? nullptr : &*it;
    }
    [[noreturn]] void wrong_type(const char* key, const json& v, const char* expected) const {
      throw format_error(errc::json_type,
                         "'" + std::string(key) + "' must be " + expected + ", not " + type_name(v),
                         at(key));
    }
    [[noreturn]] void missing(const char* key) const {
      throw format_error(errc::json_missing, "the member '" + std::string(key) + "' is required",
                         at(key));
    }
    const json& required(const char* key) const {
      const json* v = get(key);
      if (!v) missing(key);
      return *v;
    }
    std::string str(const char* key, bool is_required = false) const {
      const json* v = get(key);
      if (!v) {
        if (is_required) missing(key);
        return {};
      }
      if (!v->is_string()) wrong_type(key, *v, "a string");
      return v->get<std::string>();
    }
    double num(const char* key, double fallback = 0.0) const {
      const json* v = get(key);
      if (!v) return fallback;
      if (!v->is_number()) wrong_type(key, *v, "a number");
      return v->get<double>();
    }
    int integer(const char* key, int lo, int hi, int fallback = 0) const {
      const json* v = get(key);
      if (!v) return fallback;
      if (!v->is_number_integer()) wrong_type(key, *v, "an integer");
      const bool in_range =
          v->is_number_unsigned()
              ? (lo <= 0 || v->get<std::uint64_t>() >= static_cast<std::uint64_t>(lo)) &&
                    v->get<std::uint64_t>() <= static_cast<std::uint64_t>(hi)
              : v->get<std::int64_t>() >= lo && v->get<std::int64_t>() <= hi;
      if (!in_range)
        throw format_error(errc::json_type,
                           "'" + std::string(key) + "' must be an integer from " +
                               std::to_string(lo) + " to " + std::to_string(hi),
                           at(key));
      const auto value = v->get<std::int64_t>();
      return static_cast<int>(value);
    }
    bool boolean(const char* key) const {
      const json* v = get(key);
      if (!v) return false;
      if (!v->is_boolean()) wrong_type(key, *v, "true or false");
      return v->get<bool>();
    }
    const json* array(const char* key) const {
      const json* v = get(key);
      if (v && !v->is_array()) wrong_type(key, *v, "an array");
      return v;
    }
    object_view object(const char* key) const {
      const json& v = required(key);
      if (!v.is_object()) wrong_type(key, v, "an object");
      return {r, v, child(ptr, key), ind};
    }
    // An array of strings (`cooperating`, `indicators`, `depends_on`); empty when absent.
    std::vector<std::string> strings(const char* key) const {
      std::vector<std::string> out;
      const json* v = array(key);
      if (!v) return out;
      for (std::size_t k = 0; k < v->size(); ++k) {
        const json& item = (*v)[k];
        if (!item.is_string())
          throw format_error(
              errc::json_type,
              "the items of '" + std::string(key) + "' must be strings, not " + type_name(item),
              r.where(child(child(ptr, key), k), ind));
        out.push_back(item.get<std::string>());
      }
      return out;
    }
    // A date `YYYY-MM-DD`, or none when the member is absent.
    std::optional<date> day(const char* key, bool is_required = false) const {
      if (!get(key) && !is_required) return std::nullopt;
      const std::string s = str(key, true);
      return r.at(child(ptr, key), ind, [&] {
        const date d = parse_date(s);
        check_year_limits(static_cast<int>(d.year()), r.lim());
        return d;
      });
    }
    template <class Enum>
    Enum enumeration(const char* key, Enum fallback) const {
      const json* v = get(key);
      if (!v) return fallback;
      if (!v->is_string()) wrong_type(key, *v, "a string");
      return r.at(child(ptr, key), ind, [&] { return from_string<Enum>(v->get<std::string>()); });
    }
    period per(const char* key) const {
      const std::string s = str(key, true);
      return r.at(child(ptr, key), ind, [&] {
        const period p = period::parse(s);
        check_limits(p, r.lim());
        return p;
      });
    }
    unit u(const char* key) const {
      const std::string s = str(key);
      return r.at(child(ptr, key), ind, [&] { return unit::parse(s); });
    }
  };

  // Locations inside a task name the task (`current_task_`), others the indicator.
  location where(const std::string& ptr, const std::string& ind) const {
    location loc;
    loc.file = source_;
    loc.pointer = ptr;
    loc.indicator = ind;
    loc.task = current_task_;
    return loc;
  }
  template <class F>
  auto at(const std::string& ptr, const std::string& ind, F f) -> decltype(f()) {
    return at_pointer(source_, ptr, ind, current_task_, f);
  }
  template <class E>
  void report(const E& e) {
    if (!problems_) throw e;
    problems_->push_back(e);
  }
  // Runs `f`; when collecting, records its error and returns false instead of throwing.
  template <class F>
  bool guard(F f) {
    if (!problems_) {
      f();
      return true;
    }
    try {
      f();
      return true;
    } catch (const error& e) {
      problems_->push_back(e);
      return false;
    }
  }

  object_view as_object(const json& j, const std::string& ptr, const std::string& ind,
                        const char* what) {
    if (!j.is_object())
      throw format_error(errc::json_type,
                         std::string(what) + " must be an object, not " + type_name(j),
                         where(ptr, ind));
    return {*this, j, ptr, ind};
  }

  measure read_measure(const object_view& o) {
    measure m;
    m.kind = o.enumeration("measure", measure_kind::level);
    m.base_year = o.integer("base_year", 0, 9999);
    return m;
  }
  qualifier read_qualifier(const object_view& parent) {
    qualifier q;
    if (!parent.get("qualifier")) return q;
    const auto o = parent.object("qualifier");
    o.allow({"flow", "cumulative", "years"});
    q.flow = o.str("flow");
    q.cumulative = o.boolean("cumulative");
    q.cumulative_years = o.integer("years", 0, 1000);
    return q;
  }
  rule read_rule(const object_view& o);
  observed read_value(const object_view& parent);
  observation read_observation(const json& j, const std::string& ptr, const std::string* owner);
  indicator read_indicator(const json& j, const std::string& ptr);
  task read_task(const json& j, const std::string& ptr);
  reference_value read_reference(const json& j, const std::string& ptr);
  void read_settings(const object_view& o, plan_settings& s);

  std::string source_;
  std::vector<error>* problems_;
  limits lim_;
  std::set<std::string> failed_;
  std::set<std::string> failed_tasks_;
  // the position in the file of each indicator, observation, reference and task read
  std::vector<std::size_t> indicator_pos_, observation_pos_, reference_pos_, task_pos_;
  // the id of the task being read, named by every location inside it
  std::string current_task_;
};

rule reader::read_rule(const object_view& o) {
  o.allow({"op", "measure", "base_year", "value", "low", "high", "strict", "reference", "unit",
           "qualifier", "remark", "description"});
  rule r;
  if (!o.get("op")) o.missing("op");
  r.oper = o.enumeration("op", op::qualitative);
  r.meas = read_measure(o);
  r.value = o.num("value");
  r.low = o.num("low");
  r.high = o.num("high");
  r.strict = o.boolean("strict");
  r.reference = o.str("reference");
  r.u = o.u("unit");
  r.qual = read_qualifier(o);
  r.remark = o.str("remark");
  r.description = o.str("description");
  if (r.oper == op::between && !r.has_reference() && r.low > r.high)
    throw model_error(errc::model_invalid,
                      "a 'between' rule needs low <= high (" + format_number(r.low) + " > " +
                          format_number(r.high) + ")",
                      o.at("low"));
  return r;
}

observed reader::read_value(const object_view& parent) {
  const json& v = parent.required("value");
  if (v.is_null()) return missing_value{};
  if (v.is_number()) return point_value{v.get<double>()};
  if (!v.is_object()) parent.wrong_type("value", v, "null, a number or an object");
  const object_view o{*this, v, child(parent.ptr, "value"), parent.ind};
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

observation reader::read_observation(const json& j, const std::string& ptr,
                                     const std::string* owner) {
  const bool in_task = !current_task_.empty();
  const std::string ind = in_task ? std::string()
                          : owner ? *owner
                          : j.is_object() && j.contains("indicator") && j["indicator"].is_string()
                              ? j["indicator"].get<std::string>()
                              : std::string();
  const auto o = as_object(j, ptr, ind,
                           in_task ? "an actual"
                           : owner ? "a baseline"
                                   : "an observation");
  o.allow({"indicator", "period", "text", "value", "measure", "base_year", "unit", "qualifier",
           "comparable", "flags", "note"});
  observation ob;
  ob.indicator = owner && !o.get("indicator") ? *owner : o.str("indicator", true);
  ob.per = o.per("period");
  ob.text = o.str("text");
  if (o.get("value")) {
    ob.value = read_value(o);
  } else if (!detail::trim(ob.text).empty()) {
    // no stored value: read the text as an actuals cell is read
    const auto parsed = at(child(ptr, "text"), ind, [&] { return parse_observation(ob.text); });
    ob.value = parsed.value;
    ob.meas = parsed.meas;
    ob.u = parsed.u;
    ob.qual = parsed.qual;
    ob.comparable = parsed.comparable;
    if (parsed.approximate) ob.flags = "E";
    ob.note = parsed.remark;
  }
  if (o.get("measure") || o.get("base_year")) ob.meas = read_measure(o);
  if (o.get("unit")) ob.u = o.u("unit");
  if (o.get("qualifier")) ob.qual = read_qualifier(o);
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

indicator reader::read_indicator(const json& j, const std::string& ptr) {
  const std::string id = j.is_object() && j.contains("id") && j["id"].is_string()
                             ? j["id"].get<std::string>()
                             : std::string();
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
  ind.u = o.u("unit");
  ind.pol = o.enumeration("polarity", polarity::higher);
  ind.attr = o.enumeration("attribute", attribute::anticipatory);
  ind.category = o.str("category");
  if (const json* b = o.get("baseline"))
    ind.baseline = read_observation(*b, child(ptr, "baseline"), &ind.id);
  if (const json* ts = o.array("targets")) {
    for (std::size_t k = 0; k < ts->size(); ++k) {
      const auto tp = child(child(ptr, "targets"), k);
      const auto t = as_object((*ts)[k], tp, id, "a target");
      t.allow({"period", "text", "rule"});
      target tg;
      tg.per = t.per("period");
      tg.text = t.str("text");
      if (t.get("rule")) {
        tg.r = read_rule(t.object("rule"));
      } else if (!t.get("text")) {
        t.missing("rule");
      } else {
        tg.r = at(child(tp, "text"), id, [&] { return parse_target(tg.text); });
      }
      ind.targets.push_back(std::move(tg));
    }
  }
  if (o.get("accumulation")) {
    ind.acc = o.enumeration("accumulation", accumulation::stock);
  } else {
    qualifier q;
    if (!ind.targets.empty()) q = ind.targets.front().r.qual;
    if (q.flow.empty() && ind.baseline) q = ind.baseline->qual;
    ind.acc = default_accumulation(ind.kind, q, ind.name_zh);
  }
  ind.note = o.str("note");
  return ind;
}

reference_value reader::read_reference(const json& j, const std::string& ptr) {
  const std::string id = j.is_object() && j.contains("indicator") && j["indicator"].is_string()
                             ? j["indicator"].get<std::string>()
                             : std::string();
  const auto o = as_object(j, ptr, id, "a reference");
  o.allow({"indicator", "period", "value", "unit", "note"});
  reference_value r;
  r.indicator = o.str("indicator", true);
  r.per = o.per("period");
  if (!o.required("value").is_number()) o.wrong_type("value", *o.get("value"), "a number");
  r.value = o.num("value");
  r.u = o.u("unit");
  r.note = o.str("note");
  return r;
}

task reader::read_task(const json& j, const std::string& ptr) {
  current_task_ = j.is_object() && j.contains("id") && j["id"].is_string()
                      ? j["id"].get<std::string>()
                      : std::string();
  struct reset {
    std::string& s;
    ~reset() { s.clear(); }
  } const done{current_task_};
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
  t.st = o.enumeration("status", task_status::not_started);
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

void reader::read_settings(const object_view& o, plan_settings& s) {
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

plan reader::read(const json& root) {
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
  guard([&] { p.id = o.str("id"); });
  guard([&] { p.title_zh = o.str("title_zh"); });
  guard([&] { p.title_en = o.str("title_en"); });
  guard([&] { p.issuer = o.str("issuer"); });
  guard([&] {
    if (o.get("period")) p.per = o.per("period");
  });
  for (const char* key : {"published", "approved"}) {
    guard([&] {
      if (!o.get(key)) return;
      const std::string s = o.str(key);
      const date d = at(child("", key), "", [&] {
        const date day = parse_date(s);
        check_year_limits(static_cast<int>(day.year()), lim_);
        return day;
      });
      (std::string(key) == "published" ? p.published : p.approved) = d;
    });
  }
  guard([&] {
    if (o.get("settings")) read_settings(o.object("settings"), p.settings);
  });

  const json* inds = nullptr;
  guard([&] { inds = o.array("indicators"); });
  if (inds) {
    std::set<std::string> ids;
    for (std::size_t k = 0; k < inds->size(); ++k) {
      const auto ptr = child("/indicators", k);
      const bool ok = guard([&] {
        indicator ind = read_indicator((*inds)[k], ptr);
        if (!ids.insert(ind.id).second)
          throw model_error(errc::model_duplicate, "indicator id '" + ind.id + "' is used twice",
                            where(child(ptr, "id"), ind.id));
        p.indicators.push_back(std::move(ind));
        indicator_pos_.push_back(k);
      });
      const json& item = (*inds)[k];
      if (!ok && item.is_object() && item.contains("id") && item["id"].is_string())
        failed_.insert(item["id"].get<std::string>());
    }
  }
  const json* obs = nullptr;
  guard([&] { obs = o.array("observations"); });
  if (obs) {
    for (std::size_t k = 0; k < obs->size(); ++k) {
      const auto ptr = child("/observations", k);
      guard([&] {
        observation ob = read_observation((*obs)[k], ptr, nullptr);
        const std::string id = ob.indicator;
        at(ptr, id, [&] {
          p.observations.add(std::move(ob));
          return 0;
        });
        observation_pos_.push_back(k);
      });
    }
  }
  const json* refs = nullptr;
  guard([&] { refs = o.array("references"); });
  if (refs) {
    for (std::size_t k = 0; k < refs->size(); ++k) {
      const auto ptr = child("/references", k);
      guard([&] {
        reference_value r = read_reference((*refs)[k], ptr);
        const std::string id = r.indicator;
        at(ptr, id, [&] {
          p.references.add(std::move(r));
          return 0;
        });
        reference_pos_.push_back(k);
      });
    }
  }
  const json* tasks = nullptr;
  guard([&] {
    tasks = o.array("tasks");
    if (tasks && version < plan_json_tasks_version)
      throw format_error(errc::json_unknown_field,
                         "the member 'tasks' needs format version " +
                             std::to_string(plan_json_tasks_version) + " (the file has version " +
                             std::to_string(version) + ")",
                         o.at("tasks"));
  });
  if (tasks && version >= plan_json_tasks_version) {
    for (std::size_t k = 0; k < tasks->size(); ++k) {
      const auto ptr = child("/tasks", k);
      const bool ok = guard([&] {
        p.tasks.push_back(read_task((*tasks)[k], ptr));
        task_pos_.push_back(k);
      });
      const json& item = (*tasks)[k];
      if (!ok && item.is_object() && item.contains("id") && item["id"].is_string())
        failed_tasks_.insert(item["id"].get<std::string>());
    }
  }
  guard([&] {
    if (const json* ext = o.get("extensions")) {
      if (!ext->is_object()) o.wrong_type("extensions", *ext, "an object");
      p.extensions = ext->dump(-1, ' ', false, json::error_handler_t::strict);
    }
  });
  return p;
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
  j["period"] = p.per.to_string();
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
    rj["period"] = r.per.to_string();
    rj["value"] = number(r.value, child(ptr, "value"));
    if (!r.u.empty()) rj["unit"] = text(r.u.symbol(), child(ptr, "unit"));
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
  if (!p.extensions.empty()) j["extensions"] = extensions_json(p.extensions);
  return j.dump(2, ' ', false, json::error_handler_t::strict) + "\n";
}

plan plan_from_json(std::string_view content, const std::string& source,
                    std::vector<error>* problems, const limits& lim) {
  if (content.size() > lim.max_input_bytes) {
    location loc;
    loc.file = source;
    throw format_error(errc::limit_input_size,
                       "the input has " + std::to_string(content.size()) +
                           " bytes, more than the limit of " + std::to_string(lim.max_input_bytes),
                       loc);
  }
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  const auto bad = detail::find_invalid_utf8(content);
  if (bad != std::string_view::npos) {
    location loc;
    loc.file = source;
    detail::set_line_column(content, bad, loc);
    throw format_error(
        errc::json_encoding,
        "the file is not valid UTF-8: invalid byte at byte offset " + std::to_string(bad), loc);
  }
  const json root = parse_json(content, source, lim);
  reader r(source, problems, lim);
  plan p = r.read(root);
  if (!problems) {
    try {
      p.validate();
    } catch (const model_error& e) {
      location loc = e.where();
      loc.file = source;
      throw model_error(e.code(), e.message(), loc);
    }
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
