// Task evaluations as JSON, aligned text tables and Markdown.
#include "planeval/render/tasks.hpp"

#include <cmath>
#include <ostream>
#include <string_view>
#include <unordered_map>

#include "json.hpp"
#include "text/table.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using render::dump;
using render::json;
using text::tr;

std::string pct(const std::optional<double>& share) {
  return share ? text::format_share(*share) : "-";
}

const std::string& indicator_name(const plan& p, const std::string& id, language lang) {
  const indicator* ind = p.find(id);
  return ind ? ind->name(lang) : id;
}

json share_or_null(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return std::round(*v * 1e6) / 1e6;
}

json date_or_null(const std::optional<date>& d) {
  if (!d) return nullptr;
  return to_string(*d);
}

json rollup_json(const task_rollup& r) {
  json j;
  j["progress"] = share_or_null(r.progress);
  j["planned"] = share_or_null(r.planned);
  j["tasks"] = r.leaves.total();
  json by = json::object();
  for (int k = 0; k < task_state_count; ++k)
    by[to_string(static_cast<task_state>(k))] = r.leaves.n[static_cast<std::size_t>(k)];
  j["by_status"] = by;
  j["blocked"] = r.blocked;
  j["unreported"] = r.unreported;
  return j;
}

json status_counts_json(const status_counts& c) {
  json j = json::object();
  for (int k = 0; k < status_count; ++k)
    j[to_string(static_cast<status>(k))] = c.n[static_cast<std::size_t>(k)];
  return j;
}

const area_view* find_area(const indicator_task_view* view, const std::string& id) {
  if (!view) return nullptr;
  for (const auto& a : view->areas)
    if (a.area == id) return &a;
  return nullptr;
}

// Tasks and assessments by id, so reports stay linear in the number of tasks.
struct lookup {
  std::unordered_map<std::string_view, const task*> tasks;
  std::unordered_map<std::string_view, const task_assessment*> assessments;
  lookup(const plan& p, const task_evaluation& e) {
    for (const auto& t : p.tasks) tasks.emplace(t.id, &t);
    for (const auto& a : e.tasks) assessments.emplace(a.task, &a);
  }
  const task* task_of(const std::string& id) const {
    const auto it = tasks.find(id);
    return it == tasks.end() ? nullptr : it->second;
  }
  const task_assessment* assessment_of(const std::string& id) const {
    const auto it = assessments.find(id);
    return it == assessments.end() ? nullptr : it->second;
  }
};

}  // namespace

std::string task_evaluation_to_json(const plan& p, const task_evaluation& e,
                                    const indicator_task_view* view, language lang, int indent) {
  const lookup by_id(p, e);
  json root;
  root["plan"] = p.id;
  root["as_of"] = to_string(e.as_of);
  root["language"] = to_string(lang);
  root["options"] = {
      {"due_soon_days", e.options.due_soon_days},
      {"behind_tolerance", e.options.behind_tolerance},
      {"period", e.options.only ? json(e.options.only->to_string()) : json(nullptr)}};
  root["overall"] = rollup_json(e.overall);
  root["narrative"] = task_narrative(e, lang);

  json areas = json::array();
  for (const auto& a : e.tasks) {
    if (a.depth != 0) continue;
    const task* t = by_id.task_of(a.task);
    json j;
    j["id"] = a.task;
    j["title"] = t ? t->title(lang) : a.task;
    j["status"] = to_string(a.state);
    j["weight"] = t ? t->weight : 1.0;
    const json r = rollup_json(a.rollup);
    for (auto it = r.begin(); it != r.end(); ++it) j[it.key()] = it.value();
    if (const auto* av = find_area(view, a.task)) {
      j["indicators"] = av->indicators;
      j["attainment"] = status_counts_json(av->attainment);
    }
    areas.push_back(std::move(j));
  }
  root["areas"] = std::move(areas);

  json list = json::array();
  for (const auto& a : e.tasks) {
    const task* t = by_id.task_of(a.task);
    json j;
    j["id"] = a.task;
    j["parent"] = a.parent.empty() ? json(nullptr) : json(a.parent);
    j["depth"] = a.depth;
    j["group"] = a.group;
    j["title"] = t ? t->title(lang) : a.task;
    j["owner"] = t ? t->owner : std::string();
    j["start"] = t ? date_or_null(t->start) : json(nullptr);
    j["due"] = t ? date_or_null(t->due) : json(nullptr);
    j["recorded_status"] = t ? to_string(t->status) : "";
    j["status"] = to_string(a.state);
    j["status_label"] = task_state_label(a.state, lang);
    j["progress"] = share_or_null(a.progress);
    j["progress_date"] = date_or_null(a.progress_date);
    j["planned"] = share_or_null(a.planned);
    j["days_to_due"] = a.days_to_due ? json(*a.days_to_due) : json(nullptr);
    j["completed"] = date_or_null(a.completed);
    j["blocked"] = a.blocked;
    j["blocked_by"] = a.blocked_by;
    j["weight"] = t ? t->weight : 1.0;
    j["indicators"] = t ? t->indicators : std::vector<std::string>{};
    j["depends_on"] = t ? t->depends_on : std::vector<std::string>{};
    json ds = json::array();
    for (const auto& d : a.deliverables) {
      json dj;
      dj["target"] = d.target_text;
      dj["actual"] = d.actual_text.empty() ? json(nullptr) : json(d.actual_text);
      dj["status"] = to_string(d.status);
      dj["gap"] = share_or_null(d.gap);
      dj["unit"] = d.gap_unit.symbol();
      dj["achievement"] = share_or_null(d.achievement);
      dj["reason"] = d.reason(lang);
      ds.push_back(std::move(dj));
    }
    j["deliverables"] = std::move(ds);
    if (a.group) j["rollup"] = rollup_json(a.rollup);
    j["reason"] = a.reason(lang);
    j["reason_zh"] = a.reason_zh;
    j["reason_en"] = a.reason_en;
    list.push_back(std::move(j));
  }
  root["tasks"] = std::move(list);

  if (view) {
    json inds = json::array();
    for (const auto& iv : view->indicators) {
      json j;
      j["id"] = iv.indicator;
      j["name"] = indicator_name(p, iv.indicator, lang);
      j["status"] = iv.latest ? json(to_string(iv.latest->status)) : json(nullptr);
      j["period"] = iv.latest ? json(iv.latest->period.to_string()) : json(nullptr);
      j["reason"] = iv.latest ? json(iv.latest->reason(lang)) : json(nullptr);
      json ts = json::array();
      for (const auto& id : iv.tasks) {
        const auto* a = by_id.assessment_of(id);
        ts.push_back({{"id", id}, {"status", a ? to_string(a->state) : ""}});
      }
      j["tasks"] = std::move(ts);
      j["task_progress"] = share_or_null(iv.progress);
      j["blocked"] = iv.blocked;
      inds.push_back(std::move(j));
    }
    root["indicators"] = std::move(inds);
  }
  return dump(root, indent);
}

namespace {

struct grid : text::table {
  std::string title;
};

std::string state_cell(const task_assessment& a, language lang) {
  std::string s = task_state_label(a.state, lang);
  if (a.blocked) s += lang == language::zh ? "(受阻)" : " (blocked)";
  return s;
}

std::vector<grid> build(const plan& p, const task_evaluation& e, const indicator_task_view* view,
                        language lang) {
  const lookup by_id(p, e);
  const bool zh = lang == language::zh;
  std::vector<grid> out;
  auto n = [](std::size_t v) { return std::to_string(v); };

  grid areas;
  areas.title = zh ? "截至" + to_string(e.as_of) + "各领域任务进展"
                   : "Task areas as of " + to_string(e.as_of);
  areas.header =
      zh ? std::vector<std::string>{"#",      "领域",   "状态",     "进度",     "时序进度",
                                    "任务",   "已完成", "正常推进", "临近到期", "进度滞后",
                                    "已逾期", "未开始", "其他",     "受阻"}
         : std::vector<std::string>{"#",       "area",        "state",    "progress", "elapsed",
                                    "tasks",   "done",        "on track", "due soon", "behind",
                                    "overdue", "not started", "other",    "blocked"};
  if (view) areas.header.push_back(zh ? "指标达成" : "indicators met");
  auto counts = [&](const task_rollup& r, std::vector<std::string>& row) {
    const auto& c = r.leaves;
    row.push_back(n(c.total()));
    row.push_back(n(c.done()));
    row.push_back(n(c[task_state::on_track]));
    row.push_back(n(c[task_state::due_soon]));
    row.push_back(n(c[task_state::behind]));
    row.push_back(n(c[task_state::overdue]));
    row.push_back(n(c[task_state::not_started]));
    row.push_back(
        n(c[task_state::suspended] + c[task_state::cancelled] + c[task_state::not_assessable]));
    row.push_back(n(r.blocked));
  };
  std::size_t k = 0;
  status_counts all_attainment;
  std::size_t all_linked = 0;
  for (const auto& a : e.tasks) {
    if (a.depth != 0) continue;
    const task* t = by_id.task_of(a.task);
    std::vector<std::string> row{n(++k), t ? t->title(lang) : a.task, state_cell(a, lang),
                                 pct(a.rollup.progress), pct(a.rollup.planned)};
    counts(a.rollup, row);
    if (view) {
      const auto* av = find_area(view, a.task);
      if (av && !av->indicators.empty()) {
        row.push_back(n(av->attainment.attained()) + "/" + n(av->indicators.size()));
      } else {
        row.push_back("-");
      }
    }
    areas.rows.push_back(std::move(row));
  }
  if (view) {
    for (const auto& iv : view->indicators) {
      if (iv.tasks.empty()) continue;
      ++all_linked;
      if (iv.latest) all_attainment.add(iv.latest->status);
    }
  }
  std::vector<std::string> total{"", zh ? "合计" : "total", "", pct(e.overall.progress),
                                 pct(e.overall.planned)};
  counts(e.overall, total);
  if (view) total.push_back(all_linked ? n(all_attainment.attained()) + "/" + n(all_linked) : "-");
  areas.rows.push_back(std::move(total));
  out.push_back(std::move(areas));

  struct section {
    const char* zh;
    const char* en;
    bool (*pick)(const task_assessment&);
  };
  const section sections[] = {
      {"已逾期任务", "Overdue tasks",
       [](const task_assessment& a) { return a.state == task_state::overdue; }},
      {"进度滞后任务", "Tasks behind schedule",
       [](const task_assessment& a) { return a.state == task_state::behind; }},
      {"临近到期任务", "Tasks due soon",
       [](const task_assessment& a) { return a.state == task_state::due_soon; }},
      {"受阻任务(前置任务未完成)", "Blocked tasks (a dependency not done)",
       [](const task_assessment& a) { return a.blocked; }},
  };
  for (const auto& s : sections) {
    grid g;
    g.title = zh ? s.zh : s.en;
    g.header =
        zh ? std::vector<std::string>{"编号", "任务", "牵头单位", "计划完成",
                                      "进度", "状态", "说明"}
           : std::vector<std::string>{"id", "task", "owner", "due", "progress", "state", "reason"};
    for (const auto& a : e.tasks) {
      if (a.depth == 0 || !s.pick(a)) continue;
      const task* t = by_id.task_of(a.task);
      g.rows.push_back({a.task, t ? t->title(lang) : a.task,
                        t && !t->owner.empty() ? t->owner : "-",
                        t && t->due ? to_string(*t->due) : "-", pct(a.progress),
                        state_cell(a, lang), a.reason(lang)});
    }
    if (!g.rows.empty()) out.push_back(std::move(g));
  }

  if (view) {
    grid g;
    g.title = zh ? "指标与相关任务" : "Indicators and the tasks serving them";
    g.header = zh ? std::vector<std::string>{"指标", "达成情况", "任务进度", "相关任务"}
                  : std::vector<std::string>{"indicator", "attainment", "task progress", "tasks"};
    for (const auto& iv : view->indicators) {
      if (iv.tasks.empty()) continue;
      std::string list;
      for (const auto& id : iv.tasks) {
        const auto* a = by_id.assessment_of(id);
        list += (list.empty() ? "" : (zh ? ";" : "; ")) + id + " " +
                (a ? task_state_label(a->state, lang) : "");
      }
      g.rows.push_back({indicator_name(p, iv.indicator, lang),
                        iv.latest ? status_label(iv.latest->status, lang) : "-", pct(iv.progress),
                        list});
    }
    if (!g.rows.empty()) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

void write_task_evaluation_table(std::ostream& out, const plan& p, const task_evaluation& e,
                                 const indicator_task_view* view, language lang) {
  bool first = true;
  for (const auto& g : build(p, e, view, lang)) {
    if (!first) out << '\n';
    first = false;
    out << g.title << '\n';
    text::write_text_table(out, g);
  }
  out << '\n' << task_narrative(e, lang) << '\n';
}

void write_task_evaluation_markdown(std::ostream& out, const plan& p, const task_evaluation& e,
                                    const indicator_task_view* view, language lang) {
  out << "# " << tr(lang, "任务进展", "Task progress") << "\n\n" << task_narrative(e, lang) << '\n';
  for (const auto& g : build(p, e, view, lang)) {
    out << "\n## " << g.title << "\n\n";
    text::write_markdown_table(out, g);
  }
}

}  // namespace planeval
