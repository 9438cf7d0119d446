// Tasks evaluated as of a date (docs/tasks.md): states, blocked tasks, deliverables, roll-ups,
// the narrative and the indicator–task view.
#include "planeval/core/task_eval.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/enum_names.hpp"
#include "planeval/core/error.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

constexpr double eps = 1e-9;

constexpr detail::enum_names<task_state, task_state_count> task_state_names{
    "a task state",
    {{{task_state::not_started, "not_started", "未开始", "not started"},
      {task_state::on_track, "on_track", "正常推进", "on track"},
      {task_state::due_soon, "due_soon", "临近到期", "due soon"},
      {task_state::behind, "behind", "进度滞后", "behind"},
      {task_state::overdue, "overdue", "已逾期", "overdue"},
      {task_state::done, "done", "已完成", "done"},
      {task_state::done_late, "done_late", "逾期完成", "done late"},
      {task_state::suspended, "suspended", "暂停", "suspended"},
      {task_state::cancelled, "cancelled", "已取消", "cancelled"},
      {task_state::not_assessable, "not_assessable", "无法判断", "not assessable"}}}};

// The order states are listed in counts and narratives: done first, problems next.
constexpr std::array<task_state, task_state_count> display_order{
    task_state::done,        task_state::done_late, task_state::on_track,
    task_state::due_soon,    task_state::behind,    task_state::overdue,
    task_state::not_started, task_state::suspended, task_state::not_assessable,
    task_state::cancelled};

using text::format_share;
// a difference of shares in percentage points, two decimals
std::string points(double share) { return text::format_rounded(share * 100.0); }

// Share of the span start…due elapsed at the end of `as_of` (the as-of day counts).
double elapsed(const date& start, const date& due, const date& as_of) {
  if (as_of < start) return 0.0;
  if (as_of >= due) return 1.0;
  const double done_days = static_cast<double>((as_of - start).days() + 1);
  const double all_days = static_cast<double>((due - start).days() + 1);
  return done_days / all_days;
}

struct text2 {
  std::string zh;
  std::string en;
};

// What the state rule needs to know about a task (a leaf or a group).
struct facts {
  bool group = false;
  std::optional<task_status> effective;  // cancelled or suspended, own or inherited
  std::string inherited_from;            // ancestor id the effective status comes from
  bool all_children_cancelled = false;
  bool done = false;
  std::optional<date> completed;
  std::optional<date> start;
  std::optional<date> due;
  std::optional<double> progress;
  std::optional<date> progress_date;
  bool recorded_not_started = false;  // leaf: status not_started; group: every sub-task not_started
  std::optional<double> planned;
};

text2 progress_text(const facts& f, const date& as_of) {
  if (f.group) {
    if (!f.progress) return {"下属任务均未报告进度", "no sub-task reports progress"};
    return {"加权进度" + format_share(*f.progress),
            "weighted progress " + format_share(*f.progress)};
  }
  if (!f.progress)
    return {"截至" + to_string(as_of) + "未报告进度",
            "no progress reported by " + to_string(as_of)};
  if (f.recorded_not_started && *f.progress == 0.0) return {"尚未开始(进度0%)", "not started (0%)"};
  text2 t{"进度" + format_share(*f.progress), "progress " + format_share(*f.progress)};
  if (f.progress_date) {
    t.zh += "(" + to_string(*f.progress_date) + "报告)";
    t.en += " (reported " + to_string(*f.progress_date) + ")";
  }
  return t;
}

std::pair<task_state, text2> judge(const facts& f, const date& as_of,
                                   const task_eval_options& opt) {
  const std::string d = to_string(as_of);
  if (f.effective == task_status::cancelled) {
    if (!f.inherited_from.empty())
      return {task_state::cancelled,
              {"所属任务“" + f.inherited_from + "”已取消",
               "its parent task '" + f.inherited_from + "' is cancelled"}};
    if (f.all_children_cancelled)
      return {task_state::cancelled, {"下属任务均已取消", "every sub-task is cancelled"}};
    return {task_state::cancelled, {"已取消", "cancelled"}};
  }
  if (f.effective == task_status::suspended) {
    text2 t = f.inherited_from.empty()
                  ? text2{"已暂停", "suspended"}
                  : text2{"所属任务“" + f.inherited_from + "”已暂停",
                          "its parent task '" + f.inherited_from + "' is suspended"};
    if (f.due && as_of > *f.due) {
      t.zh += ",计划完成日期" + to_string(*f.due) + "已过";
      t.en += "; its due day " + to_string(*f.due) + " has passed";
    }
    return {task_state::suspended, t};
  }
  if (f.done) {
    if (!f.completed) {
      if (f.group) return {task_state::done, {"下属任务均已完成", "every sub-task is done"}};
      return {task_state::done, {"已完成(未记录完成日期)", "done (completion day not recorded)"}};
    }
    const std::string c = to_string(*f.completed);
    if (f.due && *f.completed > *f.due) {
      const long late = (*f.completed - *f.due).days();
      return {task_state::done_late,
              {"已于" + c + "完成,晚于计划完成日期" + to_string(*f.due) + "共" +
                   std::to_string(late) + "天",
               "done on " + c + ", " + std::to_string(late) + (late == 1 ? " day" : " days") +
                   " after the due day " + to_string(*f.due)}};
    }
    text2 t{"已于" + c + "完成", "done on " + c};
    if (f.due) {
      t.zh += "(计划完成日期" + to_string(*f.due) + ")";
      t.en += " (due " + to_string(*f.due) + ")";
    }
    return {task_state::done, t};
  }
  const text2 prog = progress_text(f, as_of);
  if (f.start && as_of < *f.start && !(f.progress && *f.progress > 0)) {
    return {task_state::not_started,
            {"计划于" + to_string(*f.start) + "开始", "starts on " + to_string(*f.start)}};
  }
  if (f.due && as_of > *f.due) {
    const long late = (as_of - *f.due).days();
    return {
        task_state::overdue,
        {"已逾期" + std::to_string(late) + "天(计划完成日期" + to_string(*f.due) + ")," + prog.zh,
         "overdue by " + std::to_string(late) + (late == 1 ? " day" : " days") + " (due " +
             to_string(*f.due) + "); " + prog.en}};
  }
  if (f.group && f.recorded_not_started)
    return {task_state::not_started, {"下属任务均未开始", "no sub-task has started"}};
  if (f.progress && f.planned && *f.progress < *f.planned - opt.behind_tolerance - eps) {
    const double gap = *f.planned - *f.progress;
    return {task_state::behind,
            {prog.zh + ",低于时序进度" + format_share(*f.planned) + "共" + points(gap) +
                 "个百分点,进度滞后",
             prog.en + " is " + text::points_en(gap * 100.0) + " behind the " +
                 format_share(*f.planned) + " of time elapsed"}};
  }
  if (f.due && (*f.due - as_of).days() <= opt.due_soon_days) {
    const long left = (*f.due - as_of).days();
    text2 t =
        left == 0
            ? text2{"今天(" + to_string(*f.due) + ")到期", "due today (" + d + ")"}
            : text2{"距计划完成日期" + to_string(*f.due) + "还有" + std::to_string(left) + "天",
                    "due in " + std::to_string(left) + (left == 1 ? " day (" : " days (") +
                        to_string(*f.due) + ")"};
    t.zh += "," + prog.zh;
    t.en += "; " + prog.en;
    return {task_state::due_soon, t};
  }
  if (f.progress && f.planned) {
    return {task_state::on_track,
            {prog.zh + ",时序进度" + format_share(*f.planned) + ",进度正常",
             prog.en + " against " + format_share(*f.planned) + " of time elapsed: on track"}};
  }
  if (!f.group && f.recorded_not_started)
    return {task_state::not_started, {"尚未开始", "not started"}};
  if (!f.planned)
    return {task_state::not_assessable,
            {prog.zh + ",未设定开始日期或计划完成日期,无法判断进度是否正常",
             prog.en + "; without a start and a due day the pace cannot be judged"}};
  return {task_state::not_assessable,
          {prog.zh + ",无法判断进度是否正常", prog.en + ", so the pace cannot be judged"}};
}

text2 counts_text(const task_counts& c, std::size_t blocked) {
  text2 t;
  const std::size_t all = c.total();
  t.zh = "下设" + std::to_string(all) + "项任务:";
  t.en = std::to_string(all) + (all == 1 ? " task below: " : " tasks below: ");
  bool first = true;
  for (const auto s : display_order) {
    if (c[s] == 0) continue;
    t.zh += (first ? "" : "、") + std::string(task_state_label(s, language::zh)) +
            std::to_string(c[s]) + "项";
    t.en += (first ? "" : ", ") + std::to_string(c[s]) + " " + task_state_label(s, language::en);
    first = false;
  }
  if (blocked > 0) {
    t.zh += "(其中受阻" + std::to_string(blocked) + "项)";
    t.en += " (" + std::to_string(blocked) + " blocked)";
  }
  return t;
}

// A deliverable judged like an anticipatory, higher-is-better indicator with the target's unit.
assessment evaluate_deliverable(const plan& p, const task& t, const deliverable& d,
                                const date& as_of, bool task_done) {
  const observation* seen =
      d.actual && d.actual->period.first_day() <= as_of ? &*d.actual : nullptr;
  const date anchor = t.due ? *t.due : (t.start ? *t.start : as_of);
  const period per = seen ? seen->period : period::year(static_cast<int>(anchor.year()));
  assessment a;
  if (!seen && d.target.is_comparison() && !d.target.has_reference()) {
    a.indicator = t.id;
    a.period = per;
    a.status = status::no_data;
    a.target_text = d.text;
    a.target_canonical = canonical(d.target, language::zh);
    a.measure = d.target.measure;
    a.value_unit = d.target.unit;
    a.reason_zh = "截至" + to_string(as_of) + "尚未记录交付量";
    a.reason_en = "no delivered quantity recorded by " + to_string(as_of);
  } else {
    plan dp;
    dp.settings = p.settings;
    dp.period = per;
    indicator ind;
    ind.id = t.id;
    ind.unit = d.target.unit;
    ind.polarity = polarity::higher;
    ind.attribute = attribute::anticipatory;
    ind.accumulation = accumulation::flow;
    ind.kind = d.target.is_comparison() ? indicator_kind::count : indicator_kind::qualitative;
    const target tg{per, d.text, d.target};
    observation_set actual;
    if (seen) {
      observation o = *seen;
      o.indicator = t.id;
      o.period = per;
      actual.add(std::move(o));
    }
    a = evaluate_target(dp, ind, tg, actual, reference_set{}, evaluation_options{});
  }
  if (!task_done) {
    a.in_progress = true;
    a.reason_zh = "截至" + to_string(as_of) + "(任务未完成)," + a.reason_zh;
    a.reason_en = "As of " + to_string(as_of) + " (task not done): " + a.reason_en;
  }
  return a;
}

struct node {
  std::vector<std::size_t> children;
  std::size_t depth = 0;
  bool done = false;
  bool all_not_started = false;  // the task's state is not_started
};

}  // namespace

PLANEVAL_ENUM_NAMES(task_state, task_state_names)

const char* task_state_label(task_state s, language l) noexcept {
  return task_state_names.label(s, l);
}

std::size_t task_counts::total() const noexcept {
  std::size_t s = 0;
  for (const auto k : n) s += k;
  return s;
}

const task_assessment* task_evaluation::find(std::string_view task_id) const noexcept {
  for (const auto& a : tasks)
    if (a.task == task_id) return &a;
  return nullptr;
}

task_evaluation evaluate_tasks(const plan& p, const date& as_of, const task_eval_options& opt) {
  if (opt.due_soon_days < 0)
    throw error(errc::usage,
                "due_soon_days must be 0 or more, not " + std::to_string(opt.due_soon_days));
  if (!std::isfinite(opt.behind_tolerance) || opt.behind_tolerance < 0 || opt.behind_tolerance > 1)
    throw error(errc::usage, "behind_tolerance must be a share from 0 to 1, not " +
                                 format_number(opt.behind_tolerance));
  if (as_of.is_special()) throw error(errc::usage, "the as-of date is not a calendar date");
  validate_tasks(p.tasks, &p.indicators);

  const auto& ts = p.tasks;
  const std::size_t n = ts.size();
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t k = 0; k < n; ++k) index.emplace(ts[k].id, k);
  std::vector<node> nodes(n);
  std::vector<task_assessment> out(n);
  for (std::size_t k = 0; k < n; ++k) {
    if (!ts[k].parent.empty()) nodes[index.at(ts[k].parent)].children.push_back(k);
    for (std::string_view a = ts[k].parent; !a.empty(); a = ts[index.at(a)].parent)
      ++nodes[k].depth;
  }
  // children before parents
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return nodes[a].depth > nodes[b].depth; });

  // pass 1: progress, done-ness, state, deliverables, leaf counts
  for (const std::size_t k : order) {
    const task& t = ts[k];
    node& nd = nodes[k];
    task_assessment& a = out[k];
    a.task = t.id;
    a.parent = t.parent;
    a.depth = nd.depth;
    a.group = !nd.children.empty();
    if (t.due) a.days_to_due = (*t.due - as_of).days();

    facts f;
    f.group = a.group;
    f.start = t.start;
    f.due = t.due;
    if (!a.group) {
      f.done = t.status == task_status::done && (!t.completed || *t.completed <= as_of);
      if (f.done) {
        f.progress = 1.0;
        f.completed = t.completed;
        f.progress_date = t.completed;
      } else if (t.status == task_status::not_started) {
        f.progress = 0.0;
        f.recorded_not_started = true;
      } else if (t.progress && t.progress->reported <= as_of) {
        f.progress = t.progress->share;
        f.progress_date = t.progress->reported;
      }
      if (t.start && t.due) f.planned = elapsed(*t.start, *t.due, as_of);
    } else {
      double w = 0;
      double sum = 0;
      double planned_sum = 0;
      bool any_progress = false;
      bool all_planned = true;
      bool all_done = true;
      bool all_not_started = true;
      bool all_completed = true;
      std::optional<date> last;
      std::size_t active = 0;
      for (const std::size_t c : nd.children) {
        const task_assessment& ca = out[c];
        for (std::size_t s = 0; s < a.rollup.leaves.n.size(); ++s)
          a.rollup.leaves.n[s] += ca.rollup.leaves.n[s];
        a.rollup.unreported += ca.rollup.unreported;
        if (ca.state == task_state::cancelled) continue;
        ++active;
        const double cw = ts[c].weight;
        w += cw;
        if (ca.progress) {
          any_progress = true;
          sum += cw * *ca.progress;
        }
        if (ca.planned)
          planned_sum += cw * *ca.planned;
        else
          all_planned = false;
        all_done = all_done && nodes[c].done;
        all_not_started = all_not_started && ca.state == task_state::not_started;
        if (ca.completed) {
          if (!last || *last < *ca.completed) last = ca.completed;
        } else {
          all_completed = false;
        }
      }
      if (active == 0) {
        f.all_children_cancelled = true;
        f.effective = task_status::cancelled;
      } else {
        if (any_progress) f.progress = sum / w;
        f.done = all_done;
        if (all_done) {
          f.progress = 1.0;
          if (t.completed && *t.completed <= as_of)
            f.completed = t.completed;
          else if (all_completed)
            f.completed = last;
        }
        f.recorded_not_started = all_not_started;
        if (t.start && t.due)
          f.planned = elapsed(*t.start, *t.due, as_of);
        else if (all_planned)
          f.planned = planned_sum / w;
      }
    }
    // a recorded cancelled or suspended status: the task's own, else (unless it is done) its
    // nearest ancestor's; cancelled dominates suspended
    for (const task_status s : {task_status::cancelled, task_status::suspended}) {
      if (f.effective) break;
      if (t.status == s) f.effective = s;
    }
    for (const task_status s : {task_status::cancelled, task_status::suspended}) {
      if (f.effective || f.done) break;
      for (std::string_view up = t.parent; !up.empty(); up = ts[index.at(up)].parent) {
        if (ts[index.at(up)].status != s) continue;
        f.effective = s;
        f.inherited_from = std::string(up);
        break;
      }
    }

    auto [state, why] = judge(f, as_of, opt);
    a.state = state;
    nd.done = is_done(state);
    a.progress = state == task_state::cancelled ? std::nullopt : f.progress;
    a.progress_date = f.progress_date;
    a.planned = f.planned;
    if (nd.done) a.completed = f.completed;
    a.reason_zh = std::move(why.zh);
    a.reason_en = std::move(why.en);
    if (!a.group) {
      a.rollup.leaves.add(state);
      a.rollup.unreported = !f.progress && state != task_state::cancelled ? 1 : 0;
    }
    a.rollup.progress = a.progress;
    a.rollup.planned = state == task_state::cancelled ? std::nullopt : a.planned;
    for (const auto& d : t.deliverables)
      a.deliverables.push_back(evaluate_deliverable(p, t, d, as_of, nd.done));
  }

  // pass 2: blocked tasks (a dependency not done), counted up the tree
  for (std::size_t k = 0; k < n; ++k) {
    task_assessment& a = out[k];
    if (is_done(a.state) || a.state == task_state::cancelled) continue;
    for (const auto& dep : ts[k].depends_on)
      if (!nodes[index.at(dep)].done) a.blocked_by.push_back(dep);
    if (a.blocked_by.empty()) continue;
    a.blocked = true;
    std::string zh;
    std::string en;
    for (const auto& dep : a.blocked_by) {
      const auto& da = out[index.at(dep)];
      zh += (zh.empty() ? "" : "、") + dep + "(" + task_state_label(da.state, language::zh) + ")";
      en += (en.empty() ? "" : ", ") + dep + " (" + task_state_label(da.state, language::en) + ")";
    }
    a.reason_zh += ";受阻:前置任务" + zh + "尚未完成";
    a.reason_en += "; blocked: " + en + " not done";
    if (a.group) continue;
    for (std::size_t up = k;;) {
      ++out[up].rollup.blocked;
      if (ts[up].parent.empty()) break;
      up = index.at(ts[up].parent);
    }
  }
  // groups end their reason with the states of the tasks below
  for (std::size_t k = 0; k < n; ++k) {
    task_assessment& a = out[k];
    if (!a.group) continue;
    const text2 c = counts_text(a.rollup.leaves, a.rollup.blocked);
    a.reason_zh += ";" + c.zh;
    a.reason_en += "; " + c.en;
    if (a.rollup.unreported > 0 && a.progress && !is_done(a.state)) {
      const std::string u = std::to_string(a.rollup.unreported);
      a.reason_zh += ";其中" + u + "项未报告进度,按0计";
      a.reason_en += "; " + u + (a.rollup.unreported == 1 ? " task" : " tasks") +
                     " without a progress report counted as 0";
    }
  }

  // areas kept by `only`: their span (own dates, else their tasks') overlaps the period
  std::vector<bool> keep(n, true);
  if (opt.only) {
    std::vector<std::optional<date>> lo(n);
    std::vector<std::optional<date>> hi(n);
    for (const std::size_t k : order) {
      lo[k] = ts[k].start;
      hi[k] = ts[k].due;
      for (const std::size_t c : nodes[k].children) {
        if (!ts[k].start && lo[c] && (!lo[k] || *lo[c] < *lo[k])) lo[k] = lo[c];
        if (!ts[k].due && hi[c] && (!hi[k] || *hi[k] < *hi[c])) hi[k] = hi[c];
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t area = k;
      while (!ts[area].parent.empty()) area = index.at(ts[area].parent);
      const bool before = hi[area] && *hi[area] < opt.only->first_day();
      const bool after = lo[area] && opt.only->last_day() < *lo[area];
      keep[k] = !before && !after;
    }
  }

  task_evaluation e;
  e.as_of = as_of;
  e.options = opt;
  double w = 0;
  double sum = 0;
  double planned_sum = 0;
  bool any_progress = false;
  bool all_planned = true;
  for (std::size_t k = 0; k < n; ++k) {
    if (!keep[k]) continue;
    const task_assessment& a = out[k];
    if (a.depth == 0) {
      for (std::size_t s = 0; s < e.overall.leaves.n.size(); ++s)
        e.overall.leaves.n[s] += a.rollup.leaves.n[s];
      e.overall.blocked += a.rollup.blocked;
      e.overall.unreported += a.rollup.unreported;
      if (a.state != task_state::cancelled) {
        const double aw = ts[k].weight;
        w += aw;
        if (a.progress) {
          any_progress = true;
          sum += aw * *a.progress;
        }
        if (a.planned)
          planned_sum += aw * *a.planned;
        else
          all_planned = false;
      }
    }
    e.tasks.push_back(out[k]);
  }
  if (w > 0) {
    if (any_progress) e.overall.progress = sum / w;
    if (all_planned) e.overall.planned = planned_sum / w;
  }
  return e;
}

std::string task_narrative(const task_evaluation& e, language lang) {
  const auto& c = e.overall.leaves;
  const std::size_t cancelled = c[task_state::cancelled];
  const std::size_t all = c.total() - cancelled;
  const bool zh = lang == language::zh;
  std::string s;
  if (zh) {
    s = "截至" + text::date_text(e.as_of, language::zh) + ",共涉及" + std::to_string(all) +
        "项任务";
    bool first = true;
    for (const auto st : display_order) {
      if (st == task_state::cancelled || c[st] == 0) continue;
      s += (first ? ",其中" : "、") + std::string(task_state_label(st, lang)) +
           std::to_string(c[st]) + "项";
      first = false;
    }
    if (cancelled > 0) s += "(另有" + std::to_string(cancelled) + "项已取消)";
    if (e.overall.blocked > 0)
      s += ";" + std::to_string(e.overall.blocked) + "项因前置任务未完成而受阻";
    if (e.overall.progress) {
      s += "。按权重计算的总体进度为" + format_share(*e.overall.progress);
      if (e.overall.planned) s += ",时序进度为" + format_share(*e.overall.planned);
      if (e.overall.unreported > 0)
        s += "(" + std::to_string(e.overall.unreported) + "项未报告进度的任务按0计)";
    }
    s += "。";
  } else {
    s = "As of " + to_string(e.as_of) + " the plan has " + std::to_string(all) +
        (all == 1 ? " task" : " tasks");
    bool first = true;
    for (const auto st : display_order) {
      if (st == task_state::cancelled || c[st] == 0) continue;
      s += (first ? ": " : ", ") + std::to_string(c[st]) + " " + task_state_label(st, lang);
      first = false;
    }
    if (cancelled > 0) s += " (and " + std::to_string(cancelled) + " cancelled)";
    if (e.overall.blocked > 0)
      s += "; " + std::to_string(e.overall.blocked) + (e.overall.blocked == 1 ? " is" : " are") +
           " blocked by a dependency not done";
    s += ".";
    if (e.overall.progress) {
      s += " Weighted progress is " + format_share(*e.overall.progress);
      if (e.overall.planned)
        s += " against " + format_share(*e.overall.planned) + " of time elapsed";
      if (e.overall.unreported > 0)
        s += " (" + std::to_string(e.overall.unreported) +
             (e.overall.unreported == 1 ? " task" : " tasks") +
             " without a progress report counted as 0)";
      s += ".";
    }
  }
  return s;
}

indicator_task_view link_indicators(const plan& p, const task_evaluation& tasks,
                                    const std::vector<assessment>& assessments) {
  validate_tasks(p.tasks, &p.indicators);
  indicator_task_view v;
  std::unordered_map<std::string_view, const assessment*> latest;
  for (const auto& a : assessments) {
    auto& slot = latest[a.indicator];
    if (!slot || !(a.period.last_day() < slot->period.last_day())) slot = &a;
  }
  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t k = 0; k < tasks.tasks.size(); ++k) by_id.emplace(tasks.tasks[k].task, k);

  for (const auto& ind : p.indicators) {
    indicator_view iv;
    iv.indicator = ind.id;
    if (const auto it = latest.find(ind.id); it != latest.end()) iv.latest = *it->second;
    double w = 0;
    double sum = 0;
    bool any = false;
    for (const auto& t : p.tasks) {
      if (std::find(t.indicators.begin(), t.indicators.end(), ind.id) == t.indicators.end())
        continue;
      const auto it = by_id.find(t.id);
      if (it == by_id.end()) continue;  // left out by `only`
      const task_assessment& a = tasks.tasks[it->second];
      iv.tasks.push_back(t.id);
      iv.states.add(a.state);
      if (a.blocked) ++iv.blocked;
      if (a.state == task_state::cancelled) continue;
      w += t.weight;
      if (a.progress) {
        any = true;
        sum += t.weight * *a.progress;
      }
    }
    if (any && w > 0) iv.progress = sum / w;
    v.indicators.push_back(std::move(iv));
  }

  // the area of every task
  std::unordered_map<std::string_view, const task*> task_by_id;
  for (const auto& t : p.tasks) task_by_id.emplace(t.id, &t);
  std::unordered_map<std::string_view, std::set<std::string_view>> linked;  // area → indicators
  for (const auto& t : p.tasks) {
    const task* area = &t;
    while (!area->parent.empty()) area = task_by_id.at(area->parent);
    for (const auto& i : t.indicators) linked[area->id].insert(i);
  }
  for (const auto& a : tasks.tasks) {
    if (a.depth != 0) continue;
    area_view av;
    av.area = a.task;
    av.tasks = a.rollup;
    const auto& ids = linked[a.task];
    for (const auto& ind : p.indicators) {
      if (ids.count(ind.id) == 0) continue;
      av.indicators.push_back(ind.id);
      if (const auto it = latest.find(ind.id); it != latest.end())
        av.attainment.add(it->second->status);
    }
    v.areas.push_back(std::move(av));
  }
  return v;
}

}  // namespace planeval
