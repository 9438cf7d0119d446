// The Markdown report: the content of the HTML report as tables and text.
#include <algorithm>
#include <ostream>

#include "report/charts.hpp"
#include "report/parts.hpp"
#include "text/table.hpp"

namespace planeval::detail {
namespace {

void table_head(std::ostream& out, std::initializer_list<std::string> heads,
                std::initializer_list<bool> numeric) {
  out << '|';
  for (const auto& h : heads) out << ' ' << text::markdown_cell(h) << " |";
  out << "\n|";
  auto it = numeric.begin();
  for (std::size_t k = 0; k < heads.size(); ++k) {
    const bool num = it != numeric.end() && *it;
    if (it != numeric.end()) ++it;
    out << (num ? "---:|" : "---|");
  }
  out << '\n';
}

void table_row(std::ostream& out, std::initializer_list<std::string> cells) {
  out << '|';
  for (const auto& c : cells) out << ' ' << text::markdown_cell(c) << " |";
  out << '\n';
}

const char* pace_symbol(pace_status s) {
  switch (s) {
    case pace_status::ahead: return "▲";
    case pace_status::in_line: return "●";
    case pace_status::behind: return "▼";
    default: return "○";
  }
}

const char* task_symbol(task_state s) {
  switch (s) {
    case task_state::done: return "■";
    case task_state::done_late: return "▲";
    case task_state::on_track: return "●";
    case task_state::due_soon: return "◆";
    case task_state::behind: return "▼";
    case task_state::overdue: return "✖";
    case task_state::not_started: return "○";
    case task_state::not_assessable: return "◇";
    case task_state::suspended:
    case task_state::cancelled: return "–";
  }
  return "○";
}

std::string share_or_dash(const std::optional<double>& s) { return s ? format_share(*s) : "-"; }

}  // namespace

void write_report_markdown(std::ostream& out, const report_data& d) {
  const language l = d.lang;
  const plan& p = *d.p;
  const plan_summary& s = d.summary;

  out << "# " << plan_title(p, l) << "\n\n" << report_byline(d) << "\n\n";

  // overview
  out << "## " << tr(l, "总体情况", "Overview") << "\n\n";
  const std::size_t open_count = s.by_status.open();
  out << "- " << tr(l, "指标:", "indicators: ") << s.indicators << '\n'
      << "- " << tr(l, "完成目标(含超额):", "met or exceeded: ") << s.by_status.attained() << '\n'
      << "- " << tr(l, "未完成:", "not met: ") << s.by_status[status::not_met] << '\n'
      << "- " << tr(l, "待确定或无法评估:", "undetermined or not assessable: ") << open_count
      << '\n'
      << "- " << tr(l, "约束性指标未完成:", "binding, not met: ") << s.binding_not_met.size()
      << '\n';
  if (d.pace_measured > 0) {
    const auto behind = std::count_if(d.pace.begin(), d.pace.end(), [](const auto& a) {
      return a.status == pace_status::behind;
    });
    out << "- " << tr(l, "时序进度滞后:", "behind the time share: ") << behind << '/'
        << d.pace_measured << '\n';
  }
  if (d.tasks) {
    const auto& o = d.tasks->overall;
    out << "- " << tr(l, "任务逾期:", "tasks overdue: ") << o.leaves[task_state::overdue] << '\n'
        << "- " << tr(l, "任务总体进度:", "task progress: ") << share_or_dash(o.progress)
        << tr(l, "(时序进度 ", " (time elapsed ") << share_or_dash(o.planned) << ")\n";
  }
  out << '\n' << d.narrative << "\n\n";
  table_head(out, {tr(l, "状态", "status"), tr(l, "指标数", "indicators")}, {false, true});
  for (int k = 0; k < status_count; ++k) {
    const auto st = static_cast<status>(k);
    table_row(out, {std::string(status_symbol(st)) + " " + status_label(st, l),
                    std::to_string(s.by_status[st])});
  }
  out << '\n';
  if (s.binding_not_met.empty()) {
    out << "**" << tr(l, "约束性指标:", "Binding indicators: ") << "** "
        << tr(l, "没有未完成的。", "none missed its target.") << "\n\n";
  } else {
    out << "**" << tr(l, "约束性指标未完成:", "Binding indicators not met:") << "**\n\n";
    for (const auto& m : binding_misses(d))
      out << "- " << m.name << (m.gap.empty() ? std::string() : " (" + m.gap + ")") << '\n';
    out << '\n';
  }

  // indicators
  out << "## " << tr(l, "指标完成情况", "Indicators") << "\n\n";
  table_head(out,
             {"#", tr(l, "指标", "indicator"), tr(l, "属性", "attribute"), tr(l, "目标", "target"),
              tr(l, "完成值", "actual"), tr(l, "基期", "baseline"), tr(l, "状态", "status"),
              tr(l, "差距", "gap"), tr(l, "时序进度", "pace"), tr(l, "趋势", "trend"),
              tr(l, "说明", "reason")},
             {true});
  for (const auto& row : d.rows) {
    const assessment& a = *row.a;
    std::string trend = "-";
    if (row.trend) {
      trend = status_label(row.trend->trend.status, l);
      if (row.trend->projection)
        trend += std::string(" · ") + status_label(row.trend->projection->verdict, l);
    }
    std::string pace = "-";
    if (row.pace) {
      pace = std::string(pace_symbol(row.pace->status)) + " " + status_label(row.pace->status, l);
      if (row.pace->gap_points) pace += " " + format_points(*row.pace->gap_points, l);
    }
    std::string base = "-";
    if (row.ind->baseline)
      base = row.ind->baseline->period.to_string() + ": " + baseline_text(*row.ind, l);
    table_row(out, {std::to_string(row.number), row.ind->name(l),
                    attribute_text(row.ind->attribute, l), target_text(row, l), a.actual_text, base,
                    status_text(a, l), gap_text(a, l), pace, trend, a.reason(l)});
  }
  out << '\n';

  // trends
  if (d.sparklines > 0) {
    out << "### " << tr(l, "年度趋势与预测", "Annual trends and projections") << "\n\n";
    table_head(out,
               {tr(l, "指标", "indicator"), tr(l, "年度数值", "annual values"),
                tr(l, "趋势", "trend"), tr(l, "预测", "projection"), tr(l, "说明", "reason")},
               {});
    for (const auto& row : d.rows) {
      if (!row.trend) continue;
      const indicator_trend& t = *row.trend;
      std::string series;
      for (const auto& pnt : t.series) {
        if (!series.empty()) series += ", ";
        series += std::to_string(pnt.year) + ": " + format_quantity(pnt.value, row.ind->unit, l);
      }
      std::string proj = "-";
      if (t.projection && t.projection->projected) {
        const auto& pr = *t.projection;
        proj = std::to_string(pr.year) + ": " + format_quantity(*pr.projected, row.ind->unit, l);
        if (pr.lower && pr.upper)
          proj += " [" + format_quantity(*pr.lower, row.ind->unit, l) + ", " +
                  format_quantity(*pr.upper, row.ind->unit, l) + "]";
        proj += std::string(" · ") + status_label(pr.verdict, l);
      }
      table_row(out, {row.ind->name(l), series, status_label(t.trend.status, l), proj,
                      t.trend.reason(l)});
    }
    out << '\n';
  }

  // cells kept for review, how an imported table was read
  if (d.review && !d.review->empty()) {
    out << "## " << tr(l, "待核对单元格", "Cells to review") << "\n\n";
    table_head(out,
               {tr(l, "位置", "cell"), tr(l, "指标", "indicator"), tr(l, "内容", "field"),
                tr(l, "原文", "text"), tr(l, "原因", "why")},
               {});
    for (const auto& r : *d.review) {
      const indicator* ind = r.indicator.empty() ? nullptr : d.p->find(r.indicator);
      table_row(out, {r.where.to_string(), ind ? ind->name(l) : r.indicator, r.field, r.text,
                      std::string("[") + to_string(r.code) + "] " + r.message});
    }
    out << '\n';
  }
  if (d.inferences && !d.inferences->empty()) {
    out << "## " << tr(l, "导入时的推断", "Inferences made on import") << "\n\n";
    for (const auto& i : *d.inferences)
      out << "- " << (i.indicator.empty() ? std::string() : i.indicator + " ") << i.field << " = "
          << i.value << ": " << (l == language::zh ? i.reason_zh : i.reason_en)
          << (i.where.cell.empty() ? std::string() : " [" + i.where.cell + "]") << '\n';
    out << '\n';
  }

  // pace
  if (d.pace_measured > 0) {
    out << "## " << tr(l, "时序进度", "Pace within the year") << "\n\n";
    table_head(out,
               {tr(l, "指标", "indicator"), tr(l, "截至", "as of"), tr(l, "累计/最新值", "value"),
                tr(l, "完成份额", "done"), tr(l, "时序进度", "elapsed"), tr(l, "差距", "gap"),
                tr(l, "状态", "status"), tr(l, "说明", "reason")},
               {false, false, true, true, true, true});
    for (const auto& a : d.pace) {
      if (!pace_measured(a)) continue;
      const indicator* ind = p.find(a.indicator);
      table_row(
          out, {ind ? ind->name(l) : a.indicator, a.as_of ? to_string(*a.as_of) : "-",
                a.actual ? format_quantity(*a.actual, a.value_unit, l) : "-",
                share_or_dash(a.done_share), format_share(a.expected_share),
                a.gap_points ? format_points(*a.gap_points, l) : "-",
                std::string(pace_symbol(a.status)) + " " + status_label(a.status, l), a.reason(l)});
    }
    out << '\n';
  }

  // tasks
  if (d.tasks) {
    const task_evaluation& e = *d.tasks;
    out << "## " << tr(l, "主要任务", "Tasks") << "\n\n" << d.task_narrative << "\n\n";
    out << "### " << tr(l, "任务领域", "Task areas") << "\n\n";
    table_head(out,
               {tr(l, "任务领域", "area"), tr(l, "状态", "state"), tr(l, "进度", "progress"),
                tr(l, "时序进度", "elapsed"), tr(l, "任务", "tasks"), tr(l, "已完成", "done"),
                tr(l, "逾期", "overdue"), tr(l, "滞后", "behind"), tr(l, "受阻", "blocked"),
                tr(l, "相关指标完成", "indicators met")},
               {false, false, true, true, true, true, true, true, true, true});
    for (const auto& ta : e.tasks) {
      if (ta.depth != 0) continue;
      const task* t = find_task(p.tasks, ta.task);
      if (!t) continue;
      const task_rollup& r = ta.rollup;
      std::string ind_text = "-";
      if (d.view)
        for (const auto& av : d.view->areas)
          if (av.area == ta.task && !av.indicators.empty())
            ind_text = std::to_string(av.attainment.attained()) + "/" +
                       std::to_string(av.indicators.size());
      table_row(
          out,
          {t->title(l), std::string(task_symbol(ta.state)) + " " + task_state_label(ta.state, l),
           share_or_dash(r.progress), share_or_dash(r.planned), std::to_string(r.leaves.total()),
           std::to_string(r.leaves.done()), std::to_string(r.leaves[task_state::overdue]),
           std::to_string(r.leaves[task_state::behind]), std::to_string(r.blocked), ind_text});
    }
    out << '\n';
    out << "### " << tr(l, "任务清单", "Task list") << "\n\n";
    table_head(out,
               {"id", tr(l, "任务", "task"), tr(l, "负责单位", "owner"), tr(l, "开始", "start"),
                tr(l, "截止", "due"), tr(l, "进度", "progress"), tr(l, "状态", "state"),
                tr(l, "说明", "reason")},
               {false, false, false, false, false, true});
    for (const auto& ta : e.tasks) {
      const task* t = find_task(p.tasks, ta.task);
      if (!t) continue;
      std::string title;
      for (std::size_t k = 0; k < ta.depth; ++k) title += "· ";
      title += ta.depth == 0 ? "**" + t->title(l) + "**" : t->title(l);
      std::string state = std::string(task_symbol(ta.state)) + " " + task_state_label(ta.state, l);
      if (ta.blocked) state += tr(l, "(受阻)", " (blocked)");
      table_row(out, {t->id, title, t->owner, t->start ? to_string(*t->start) : "-",
                      t->due ? to_string(*t->due) : "-", share_or_dash(ta.progress), state,
                      ta.reason(l)});
    }
    out << '\n';
  }
}

}  // namespace planeval::detail
