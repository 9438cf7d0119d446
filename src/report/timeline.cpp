// The task timeline and the bars of task areas (progress, states).
#include <algorithm>
#include <cmath>
#include <limits>

#include "report/charts.hpp"
#include "text/wording.hpp"

namespace planeval::detail {
namespace {

using text::format_share;
using text::tr;

}  // namespace

timeline_span timeline_of(const plan& p, const task_evaluation& e, const period& shown) {
  date first = shown.first_day();
  date last = shown.last_day();
  for (const auto& ta : e.tasks) {
    const task* t = find_task(p.tasks, ta.task);
    if (!t) continue;
    if (t->start && *t->start < first) first = *t->start;
    if (t->due && *t->due > last) last = *t->due;
  }
  first = date(first.year(), first.month(), 1);
  last = last.end_of_month();
  return {first, last};
}

namespace {
constexpr double tl_left = 4.0;
constexpr double tl_right = 296.0;
double tl_x(const timeline_span& s, const date& d) {
  const double total = static_cast<double>((s.last - s.first).days() + 1);
  const double k = static_cast<double>((d - s.first).days());
  return tl_left + std::clamp(k / total, 0.0, 1.0) * (tl_right - tl_left);
}
// The right edge of a day (tasks are due by the end of their due day).
double tl_end(const timeline_span& s, const date& d) {
  return tl_x(s, d + boost::gregorian::days(1));
}
}  // namespace

void draw_timeline_axis(markup& m, const timeline_span& span, const date& as_of, language lang) {
  m.open("svg", {{"class", "timeline-axis"},
                 {"viewBox", "0 0 300 16"},
                 {"role", "img"},
                 {"aria-label", tr(lang, "时间轴", "time axis")}});
  const int months = static_cast<int>((span.last.year() - span.first.year()) * 12 +
                                      (span.last.month() - span.first.month()) + 1);
  for (date d = span.first; d <= span.last; d += boost::gregorian::months(1)) {
    const double x = tl_x(span, d);
    m.leaf("line", {{"class", "grid"},
                    {"x1", svg_number(x)},
                    {"x2", svg_number(x)},
                    {"y1", "11"},
                    {"y2", "16"}});
    const double mid = (x + tl_end(span, d.end_of_month())) / 2;
    const int mo = d.month();
    if (months <= 24) {
      const std::string t =
          lang == language::zh ? std::to_string(mo) + "月" : text::month_abbreviation(mo);
      m.element(
          "text",
          {{"class", "axis-label"}, {"x", svg_number(mid)}, {"y", "9"}, {"text-anchor", "middle"}},
          t);
    } else if (mo == 1) {
      m.element(
          "text",
          {{"class", "axis-label"}, {"x", svg_number(x + 2)}, {"y", "9"}, {"text-anchor", "start"}},
          std::to_string(static_cast<int>(d.year())));
    }
  }
  if (as_of >= span.first && as_of <= span.last) {
    const double x = tl_end(span, as_of);
    open_with_title(m, "polygon",
                    {{"class", "as-of-mark"},
                     {"points", svg_number(x - 3.5) + ",10 " + svg_number(x + 3.5) + ",10 " +
                                    svg_number(x) + ",16"}},
                    tr(lang, "截至 ", "as of ") + to_string(as_of));
    m.close();
  }
  m.close();
}

void draw_task_bar(markup& m, const task& t, const task_assessment& a, const timeline_span& span,
                   const date& as_of, language lang) {
  const mark_style st = style_of(a.state);
  const std::string label = t.title(lang) + tr(lang, ":", ": ") + task_state_label(a.state, lang);
  m.open("svg", {{"class", a.group ? "task-bar group" : "task-bar"},
                 {"data-task", t.id},
                 {"data-state", to_string(a.state)},
                 {"viewBox", "0 0 300 14"},
                 {"role", "img"},
                 {"aria-label", label}});
  m.element("title", {}, label);
  const double y = a.group ? 4.0 : 3.0;
  const double h = a.group ? 6.0 : 8.0;
  if (t.start && t.due) {
    const double x0 = tl_x(span, *t.start);
    const double x1 = tl_end(span, *t.due);
    open_with_title(
        m, "rect",
        {{"class", "plan"},
         {"x", svg_number(x0)},
         {"y", svg_number(y)},
         {"width", svg_number(std::max(x1 - x0, 1.0))},
         {"height", svg_number(h)},
         {"stroke", std::string(st.colour)}},
        tr(lang, "计划 ", "planned ") + to_string(*t.start) + " – " + to_string(*t.due));
    m.close();
    double share = a.progress.value_or(0.0);
    if (is_done(a.state)) share = 1.0;
    if (share > 0) {
      open_with_title(m, "rect",
                      {{"class", "progress"},
                       {"x", svg_number(x0)},
                       {"y", svg_number(y)},
                       {"width", svg_number(std::max((x1 - x0) * std::min(share, 1.0), 0.5))},
                       {"height", svg_number(h)},
                       {"fill", std::string(st.colour)}},
                      tr(lang, "进度 ", "progress ") + format_share(share) +
                          (a.planned ? tr(lang, "(时序进度", " (time elapsed ") +
                                           format_share(*a.planned) + tr(lang, ")", ")")
                                     : std::string()));
      m.close();
    }
  } else if (t.due) {
    draw_marker(m, shape::diamond, st.colour, tl_end(span, *t.due), 7, 4,
                tr(lang, "计划完成 ", "due ") + to_string(*t.due));
  }
  if (a.state == task_state::overdue && t.due) {
    const double x0 = tl_end(span, *t.due);
    const double x1 = tl_end(span, as_of);
    const long days = a.days_to_due ? -*a.days_to_due : 0;
    open_with_title(
        m, "rect",
        {{"class", "overrun"},
         {"x", svg_number(x0)},
         {"y", svg_number(y - 1)},
         {"width", svg_number(std::max(x1 - x0, 1.5))},
         {"height", svg_number(h + 2)}},
        tr(lang, "已逾期", "overdue by ") + std::to_string(days) + tr(lang, "天", " days"));
    m.close();
  }
  const double xa = tl_end(span, as_of);
  m.leaf("line", {{"class", "as-of"},
                  {"x1", svg_number(xa)},
                  {"x2", svg_number(xa)},
                  {"y1", "0"},
                  {"y2", "14"}});
  m.close();
}

void draw_progress_bar(markup& m, const task_rollup& r, language lang) {
  const double left = 2;
  const double right = 198;
  auto x = [&](double s) { return left + std::clamp(s, 0.0, 1.0) * (right - left); };
  std::string summary =
      tr(lang, "进度 ", "progress ") + (r.progress ? format_share(*r.progress) : "-") +
      tr(lang, ",时序进度 ", ", time elapsed ") + (r.planned ? format_share(*r.planned) : "-");
  m.open("svg", {{"class", "progress-bar"},
                 {"viewBox", "0 0 200 14"},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, summary);
  m.leaf("rect", {{"class", "track"},
                  {"x", svg_number(left)},
                  {"y", "3"},
                  {"width", svg_number(right - left)},
                  {"height", "8"}});
  if (r.progress) {
    open_with_title(m, "rect",
                    {{"class", "progress"},
                     {"x", svg_number(left)},
                     {"y", "3"},
                     {"width", svg_number(x(*r.progress) - left)},
                     {"height", "8"}},
                    tr(lang, "进度 ", "progress ") + format_share(*r.progress));
    m.close();
  }
  if (r.planned) {
    open_with_title(m, "rect",
                    {{"class", "time-tick"},
                     {"x", svg_number(x(*r.planned) - 1)},
                     {"y", "0"},
                     {"width", "2"},
                     {"height", "14"}},
                    tr(lang, "时序进度 ", "time elapsed ") + format_share(*r.planned));
    m.close();
  }
  m.close();
}

void draw_state_bar(markup& m, const task_counts& c, language lang) {
  const double left = 2;
  const double right = 198;
  const std::size_t total = c.total();
  std::string summary;
  for (int k = 0; k < task_state_count; ++k) {
    const auto s = static_cast<task_state>(k);
    if (c[s] == 0) continue;
    if (!summary.empty()) summary += tr(lang, ",", ", ");
    summary += std::string(task_state_label(s, lang)) + " " + std::to_string(c[s]);
  }
  m.open("svg", {{"class", "state-bar"},
                 {"viewBox", "0 0 200 14"},
                 {"role", "img"},
                 {"aria-label", summary.empty() ? std::string("-") : summary}});
  m.element("title", {}, summary.empty() ? std::string("-") : summary);
  m.leaf("rect", {{"class", "track"},
                  {"x", svg_number(left)},
                  {"y", "3"},
                  {"width", svg_number(right - left)},
                  {"height", "8"}});
  double x = left;
  // done first, then the states that need attention last
  static constexpr task_state order[] = {task_state::done,        task_state::done_late,
                                         task_state::on_track,    task_state::due_soon,
                                         task_state::not_started, task_state::behind,
                                         task_state::overdue,     task_state::suspended,
                                         task_state::cancelled,   task_state::not_assessable};
  for (const auto s : order) {
    if (total == 0 || c[s] == 0) continue;
    const double w = (right - left) * static_cast<double>(c[s]) / static_cast<double>(total);
    open_with_title(m, "rect",
                    {{"class", "segment"},
                     {"data-state", to_string(s)},
                     {"x", svg_number(x)},
                     {"y", "3"},
                     {"width", svg_number(w)},
                     {"height", "8"},
                     {"fill", std::string(style_of(s).colour)}},
                    std::string(task_state_label(s, lang)) + ": " + std::to_string(c[s]));
    m.close();
    x += w;
  }
  m.close();
}

}  // namespace planeval::detail
