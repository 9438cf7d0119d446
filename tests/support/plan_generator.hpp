#pragma once
// Random plans for round-trip tests: every field of the model set to awkward but valid values
// (texts with markup characters, CJK and emoji, blank edges; numbers of every magnitude; every
// op, measure, value kind and enumeration; task trees with every status, progress, deliverables
// and dependencies). Deterministic for a given seed.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "planeval/core/plan.hpp"

namespace planeval::test {

class plan_generator {
 public:
  explicit plan_generator(std::uint32_t seed) : rng_(seed) {}

  plan next() {
    plan p;
    p.id = chance(0.9) ? "plan-" + std::to_string(pick(0, 9999)) : text();
    p.title_zh = text();
    p.title_en = text();
    p.issuer = text();
    p.period = some_period();
    if (chance(0.5)) p.published = some_date();
    if (chance(0.5)) p.approved = some_date();
    p.settings.lang = chance(0.5) ? language::zh : language::en;
    if (chance(0.5)) {
      auto& t = p.settings.tolerance;
      t.about_points = number();
      t.about_relative = number();
      t.sync_points = number();
      t.sync_relative = number();
      t.anticipatory_points = number();
      t.anticipatory_relative = number();
    }
    const int n = pick(0, 6);
    for (int k = 0; k < n; ++k) p.indicators.push_back(some_indicator(k));
    if (!p.indicators.empty()) {
      const int m = pick(0, 8);
      for (int k = 0; k < m; ++k) {
        const auto& ind = p.indicators[static_cast<std::size_t>(pick(0, n - 1))];
        observation o = some_observation(ind);
        if (!p.observations.find(o.indicator, o.period, o.measure.kind)) p.observations.add(o);
      }
      const int r = pick(0, 4);
      for (int k = 0; k < r; ++k) {
        const auto& ind = p.indicators[static_cast<std::size_t>(pick(0, n - 1))];
        reference_value ref;
        ref.indicator = ind.id;
        ref.period = some_period();
        ref.value = number();
        ref.unit = chance(0.5) ? unit() : ind.unit;
        ref.note = text();
        if (!p.references.find(ref.indicator, ref.period)) p.references.add(ref);
      }
    }
    if (chance(0.6)) p.tasks = some_tasks(p.indicators);
    if (chance(0.3)) p.extensions = extensions();
    return p;
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T>
  const T& one_of(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(pick(0, static_cast<int>(v.size()) - 1))];
  }

  std::string text() {
    static const std::vector<std::string> pieces = {
        "a",     "GDP",  "增速", "全区生产总值", " ",    "x y",    "<tag>", "&amp;",
        "\"q\"", "'",    "\\",   "\n",           "\t",   "é",      "🙂",  "100%",
        "5-10",  "]]>",  "{\"}", "/*",           "~1",   "  lead", "end  ", "-",
        "0",     "null", "\r\n", "市下达",       "左右", "©",      "a\x7f", "tab\tin"};
    std::string s;
    const int n = pick(0, 4);
    for (int k = 0; k < n; ++k) s += one_of(pieces);
    return s;
  }

  double number() {
    switch (pick(0, 7)) {
      case 0: return 0.0;
      case 1: return pick(-10000, 10000);
      case 2: return pick(-100000, 100000) / 100.0;
      case 3: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng_);
      case 4:
        return std::ldexp(std::uniform_real_distribution<double>(0.5, 1)(rng_), pick(-60, 60));
      case 5: return 0.017;
      case 6: return -0.0;
      default: return 1e20 * pick(1, 9);
    }
  }

  int year() { return pick(1990, 2035); }

  period some_period() {
    switch (pick(0, 5)) {
      case 0: return period::quarter(year(), pick(1, 4));
      case 1: return period::month(year(), pick(1, 12));
      case 2: {
        const int y = year();
        return period::span(y, y + pick(1, 5));
      }
      default: return period::year(year());
    }
  }

  date some_date() {
    return date(static_cast<unsigned short>(year()), static_cast<unsigned short>(pick(1, 12)),
                static_cast<unsigned short>(pick(1, 28)));
  }

  planeval::unit unit() {
    static const std::vector<std::string> symbols = {"",   "%",       "万平方米", "元/平方米",
                                                     "家", "人",      "亿元",     "个百分点",
                                                     "岁", "件/万人", "widgets",  "‰"};
    return planeval::unit::parse(one_of(symbols));
  }

  qualifier some_qualifier() {
    qualifier q;
    if (chance(0.6)) return q;
    static const std::vector<std::string> flows = {"", "新开工", "开工", "竣工", "新增", "新建"};
    q.flow = one_of(flows);
    q.cumulative = chance(0.5);
    q.cumulative_years = chance(0.5) ? 0 : pick(1, 10);
    return q;
  }

  measure some_measure() {
    measure m;
    m.kind = static_cast<measure_kind>(pick(0, 4));
    if (m.kind == measure_kind::change_since || chance(0.1)) m.base_year = year();
    return m;
  }

  rule some_rule(const planeval::unit& indicator_unit) {
    rule r;
    r.operation = static_cast<op>(pick(0, 9));
    r.measure = chance(0.5) ? measure{} : some_measure();
    if (r.operation == op::between) {
      r.low = number();
      r.high = number();
      if (r.low > r.high) std::swap(r.low, r.high);
    } else if (chance(0.8)) {
      r.value = number();
    }
    if (r.operation != op::between && chance(0.1)) r.low = number();  // fields that do not apply
    r.strict = chance(0.2);
    if (chance(0.2)) r.reference = chance(0.5) ? "全市目标" : text();
    switch (pick(0, 2)) {
      case 0: break;
      case 1: r.unit = indicator_unit; break;
      default: r.unit = planeval::unit::percent();
    }
    r.qualifier = some_qualifier();
    if (chance(0.2)) r.remark = text();
    if (chance(0.2)) r.description = text();
    if (chance(0.05)) {  // a compound: numeric parts without references
      r.operation = op::compound;
      r.reference.clear();
      r.respectively = chance(0.5);
      const int n = pick(1, 3);
      for (int k = 0; k < n; ++k) {
        rule part = some_rule(indicator_unit);
        const op numeric[] = {op::reach, op::at_least, op::at_most, op::between, op::about};
        part.operation = numeric[pick(0, 4)];
        if (part.low > part.high) std::swap(part.low, part.high);
        part.reference.clear();
        part.parts.clear();
        part.respectively = false;
        r.parts.push_back(std::move(part));
      }
    }
    return r;
  }

  observed some_value() {
    switch (pick(0, 4)) {
      case 0: return missing_value{};
      case 1: return point_value{number()};
      case 2: return bound_value{number(), chance(0.5), chance(0.3)};
      case 3: {
        double a = number();
        double b = number();
        if (a > b) std::swap(a, b);
        return interval_value{a, b};
      }
      default: return judgment_value{static_cast<judgment>(pick(0, 3))};
    }
  }

  std::string flags() {
    std::string all = "ABDEFGIKMNOPQSUV";
    std::shuffle(all.begin(), all.end(), rng_);
    return all.substr(0, static_cast<std::size_t>(chance(0.6) ? 0 : pick(1, 3)));
  }

  observation some_observation(const indicator& ind) {
    observation o;
    o.indicator = ind.id;
    o.period = some_period();
    o.value = some_value();
    o.measure = chance(0.6) ? measure{} : some_measure();
    switch (pick(0, 2)) {
      case 0: break;
      case 1: o.unit = ind.unit; break;
      default: o.unit = planeval::unit::percent();
    }
    o.qualifier = some_qualifier();
    if (chance(0.2)) o.comparable = number();
    o.flags = flags();
    o.text = text();
    o.note = text();
    return o;
  }

  indicator some_indicator(int k) {
    indicator ind;
    ind.id = "ind" + std::to_string(k) + (chance(0.3) ? "/增速~" : "");
    ind.name_zh = text();
    ind.name_en = text();
    ind.kind = static_cast<indicator_kind>(pick(0, 5));
    ind.unit = unit();
    ind.polarity = static_cast<polarity>(pick(0, 2));
    ind.attribute = static_cast<attribute>(pick(0, 1));
    ind.category = text();
    ind.accumulation = static_cast<accumulation>(pick(0, 2));
    if (chance(0.6)) {
      ind.baseline = some_observation(ind);
      if (chance(0.1)) ind.baseline->indicator = chance(0.5) ? "" : "other";
    }
    std::set<period> used;
    const int n = pick(0, 3);
    for (int t = 0; t < n; ++t) {
      target tg;
      tg.period = some_period();
      if (!used.insert(tg.period).second) continue;
      tg.text = text();
      tg.rule = some_rule(ind.unit);
      ind.targets.push_back(tg);
    }
    ind.note = text();
    return ind;
  }

  // A valid task list: parents and dependencies point to earlier tasks (no cycle), never to an
  // ancestor; groups record no progress and are never done; statuses and progress agree.
  std::vector<task> some_tasks(const std::vector<indicator>& indicators) {
    std::vector<task> ts;
    const int n = pick(1, 8);
    for (int k = 0; k < n; ++k) {
      task t;
      t.id = "t" + std::to_string(k) + (chance(0.2) ? "/任务~" + text() : "");
      if (k > 0 && chance(0.6)) t.parent = ts[static_cast<std::size_t>(pick(0, k - 1))].id;
      t.title_zh = text();
      t.title_en = text();
      if (chance(0.5)) t.description = text();
      if (chance(0.5)) t.owner = text();
      const int c = chance(0.6) ? 0 : pick(1, 3);
      for (int j = 0; j < c; ++j) t.cooperating.push_back(text());
      if (chance(0.7)) t.start = some_date();
      if (chance(0.7)) t.due = some_date();
      if (t.start && t.due && *t.due < *t.start) std::swap(t.start, t.due);
      if (chance(0.3)) t.weight = chance(0.5) ? pick(1, 9) / 4.0 : std::ldexp(1.0, pick(-40, 40));
      const int d = chance(0.5) ? 0 : pick(1, 3);
      for (int j = 0; j < d; ++j) {
        deliverable dl;
        dl.text = "d" + text();
        dl.target = some_rule(unit());
        if (chance(0.5)) {
          indicator owner;
          owner.id = t.id;
          dl.actual = some_observation(owner);
          if (chance(0.1)) dl.actual->indicator = chance(0.5) ? "" : "other";
        }
        t.deliverables.push_back(dl);
      }
      if (!indicators.empty()) {
        std::set<std::string> linked;
        const int m = chance(0.5) ? 0 : pick(1, 3);
        for (int j = 0; j < m; ++j) {
          const auto& id =
              indicators[static_cast<std::size_t>(pick(0, static_cast<int>(indicators.size()) - 1))]
                  .id;
          if (linked.insert(id).second) t.indicators.push_back(id);
        }
      }
      // dependencies on earlier tasks that are not ancestors
      std::set<std::string> ancestors;
      for (std::string a = t.parent; !a.empty();) {
        ancestors.insert(a);
        for (const auto& other : ts)
          if (other.id == a) a = other.parent;
      }
      const int deps = k == 0 || chance(0.6) ? 0 : pick(1, 2);
      for (int j = 0; j < deps; ++j) {
        const auto& dep = ts[static_cast<std::size_t>(pick(0, k - 1))].id;
        if (!ancestors.count(dep) &&
            std::find(t.depends_on.begin(), t.depends_on.end(), dep) == t.depends_on.end())
          t.depends_on.push_back(dep);
      }
      if (chance(0.3)) t.note = text();
      ts.push_back(t);
    }
    // statuses and progress, now that groups are known
    for (auto& t : ts) {
      const bool group = std::any_of(ts.begin(), ts.end(),
                                     [&](const task& other) { return other.parent == t.id; });
      t.status = static_cast<task_status>(pick(0, 4));
      if (group && t.status == task_status::done) t.status = task_status::in_progress;
      if (!group && chance(0.6)) {
        double share = t.status == task_status::not_started ? 0.0
                       : t.status == task_status::done      ? 1.0
                       : chance(0.5)                        ? pick(0, 100) / 100.0
                                     : std::uniform_real_distribution<double>(0, 1)(rng_);
        t.progress = progress_report{share, some_date()};
      }
      if (t.status == task_status::done && chance(0.6)) t.completed = some_date();
    }
    return ts;
  }

  std::string extensions() {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["source"] = text();
    if (chance(0.5)) j["n"] = {1, 2.5, nullptr, true, "中文", -7};
    if (chance(0.5)) j["nested"] = {{"z", {{"a", 1}}}, {"b", nlohmann::ordered_json::array()}};
    if (chance(0.3)) j["big"] = 12345678901234567ULL;
    return j.dump(-1, ' ', false);
  }

  std::mt19937 rng_;
};

}  // namespace planeval::test
