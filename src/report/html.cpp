// The HTML report: one self-contained page (inline CSS and SVG, no script), printable on A4.
#include <algorithm>
#include <cmath>
#include <ostream>

#include "planeval/core/rule.hpp"
#include "report/charts.hpp"
#include "report/html_writer.hpp"
#include "report/model.hpp"
#include "report/parts.hpp"

namespace planeval::detail {
namespace {

constexpr std::string_view style_sheet = R"css(
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--soft:#f6f8fa;--green:#009E73;--blue:#0072B2;--verm:#D55E00;--orange:#E69F00;--sky:#56B4E9;--purple:#CC79A7}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#fff;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif}
main.report{max-width:1120px;margin:0 auto;padding:24px 28px 40px}
h1{font-size:22px;line-height:1.3;margin:4px 0 10px}
h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--ink)}
h3{font-size:14px;margin:0}
p{margin:6px 0}
.kicker{color:var(--muted);font-size:12px;letter-spacing:.04em;text-transform:uppercase;margin:0}
dl.meta{display:flex;flex-wrap:wrap;gap:4px 22px;margin:0;color:var(--muted);font-size:13px}
dl.meta div{display:flex;gap:6px}
dl.meta dt{font-weight:600;color:var(--ink)}
dl.meta dd{margin:0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(118px,1fr));gap:8px;margin:10px 0}
.kpi{border:1px solid var(--line);border-left:5px solid var(--line);border-radius:4px;padding:6px 10px;background:var(--soft)}
.kpi .value{display:block;font-size:22px;font-weight:700;line-height:1.2}
.kpi .label{display:block;font-size:12px;color:var(--muted)}
.kpi[data-tone=good]{border-left-color:var(--green)}
.kpi[data-tone=bad]{border-left-color:var(--verm)}
.kpi[data-tone=warn]{border-left-color:var(--orange)}
.kpi[data-tone=info]{border-left-color:var(--blue)}
.narrative{background:var(--soft);border-left:4px solid var(--blue);padding:8px 12px;margin:10px 0}
.overview-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start}
figure{margin:8px 0}
figcaption{font-size:12px;color:var(--muted);margin-bottom:4px}
svg{display:block;overflow:visible}
svg text{font-family:inherit;fill:var(--ink)}
.status-chart{width:100%;max-width:520px;height:auto}
.status-chart .label{font-size:12px}
.status-chart .count{font-size:12px;font-weight:700}
.bar-track,.track{fill:#eef0f2}
.callout{border:1px solid var(--line);border-left:5px solid var(--verm);border-radius:4px;padding:8px 12px}
.callout.ok{border-left-color:var(--green)}
.callout ul{margin:4px 0 0;padding-left:18px}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;font-size:12px;color:var(--muted);margin:6px 0 10px}
.legend .item{display:inline-flex;align-items:center;gap:5px}
.legend svg{display:inline-block}
.swatch{display:inline-block;width:18px;height:10px;border:1px solid #bbb}
.swatch.meets{background:#cfcfcf}.swatch.exceeded{background:#a8a8a8}
.swatch.tolerance{background:repeating-linear-gradient(45deg,#e8e8e8 0 2px,#9a9a9a 2px 3.2px)}
.indicator-row{display:grid;grid-template-columns:minmax(0,1fr) 150px 250px;gap:6px 14px;padding:10px 0;border-top:1px solid var(--line);break-inside:avoid;page-break-inside:avoid}
.ind-name{font-size:14px}
.ind-no{display:inline-block;min-width:1.8em;color:var(--muted);font-weight:400}
.tags{margin:2px 0;font-size:11px}
.tag{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 5px;margin-right:4px;color:var(--muted)}
.tag.attr-binding{border-color:var(--ink);color:var(--ink);font-weight:600}
.values{font-size:13px}
.values span{margin-right:12px;white-space:nowrap}
.values b{font-weight:600}
.reason{font-size:12px;color:var(--muted);margin:2px 0 0}
.ind-status{display:flex;flex-direction:column;align-items:flex-start;gap:4px;font-size:12px}
.badge{display:inline-flex;align-items:center;gap:5px;border:1px solid currentColor;border-radius:12px;padding:1px 8px;font-weight:600;font-size:12px;background:#fff;white-space:nowrap}
.badge svg{display:inline-block}
.badge[data-status=met],.badge[data-status=done],.badge[data-status=in_line]{color:#00704f}
.badge[data-status=exceeded],.badge[data-status=on_track],.badge[data-status=ahead]{color:#005a8c}
.badge[data-status=not_met],.badge[data-status=overdue],.badge[data-status=behind]{color:#a84300}
.badge[data-status=undetermined],.badge[data-status=due_soon]{color:#8a5d00}
.badge[data-status=needs_reference]{color:#8e3f73}
.badge[data-status=needs_review]{color:#a33a00}
.badge[data-status=needs_judgment],.badge[data-status=done_late]{color:#2f6f95}
.badge[data-status=no_data],.badge[data-status=no_target],.badge[data-status=not_started],.badge[data-status=suspended],.badge[data-status=cancelled],.badge[data-status=not_assessable],.badge[data-status=not_applicable]{color:#59636e}
.gap{font-weight:600}
.flag{font-size:11px;color:var(--muted);border:1px dashed var(--line);border-radius:3px;padding:0 4px}
.chip{font-size:11px;color:var(--muted)}
.bullet{width:100%;height:auto}
.bullet .zone-meets{fill:#cfcfcf}
.bullet .zone-exceeded{fill:#a8a8a8}
.bullet .zone-tolerance{fill:url(#pv-hatch)}
.bullet .zero{stroke:#777;stroke-width:1}
.bullet .target-tick{fill:#111}
.bullet .open-bound{stroke-width:2;stroke-dasharray:3 2}
.bullet .label,.sparkline .axis-label{font-size:9px;fill:var(--muted)}
.pace-axis .axis-label,.timeline-axis .axis-label{font-size:6.5px;fill:var(--muted)}
.bullet .target-label{fill:var(--ink)}
.bullet .no-value{font-size:10px;fill:var(--muted)}
.trend{display:flex;align-items:center;gap:8px;margin-top:2px}
.sparkline{width:150px;height:auto;flex:none}
.sparkline .series{fill:none;stroke:#333;stroke-width:1.5}
.sparkline .point{fill:#333}
.sparkline .projection{stroke-width:1.5;stroke-dasharray:3 2}
.sparkline .interval{stroke-width:3;opacity:.45}
.sparkline .target-mark{stroke:#111;stroke-width:2.5}
.trend-label{font-size:11px;color:var(--muted)}
.no-trend{font-size:11px;color:#8c959f}
table{border-collapse:collapse;width:100%;font-size:12px;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
tr{break-inside:avoid;page-break-inside:avoid}
td.num{text-align:right;white-space:nowrap}
.row-chart .row{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:10px;align-items:center;padding:2px 0;break-inside:avoid;page-break-inside:avoid}
.row-chart .row .name{font-size:12px;line-height:1.3}
.row-chart .row .name small{color:var(--muted)}
.row-chart .axis{padding:0}
.pace-bar,.pace-axis,.task-bar,.timeline-axis{width:100%;height:auto}
.pace-bar .full{stroke:#777;stroke-dasharray:2 2}
.pace-bar .time-tick,.progress-bar .time-tick{fill:#111}
.pace-axis .grid,.timeline-axis .grid{stroke:#bbb}
.timeline-axis .as-of-mark{fill:#111}
.task-row .name{display:flex;flex-wrap:wrap;align-items:center;gap:2px 6px;font-size:11.5px}
.task-row.depth-0 .name{font-weight:700}
.task-row.depth-1 .name{padding-left:12px}
.task-row.depth-2 .name{padding-left:24px}
.task-row.depth-3 .name{padding-left:36px}
.task-row .badge{font-size:10px;padding:0 6px}
.task-bar .plan{fill:#f1f3f5;stroke-width:1}
.task-bar.group .plan{fill:#e4e7eb}
.task-bar .overrun{fill:url(#pv-hatch-red);stroke:#D55E00;stroke-width:.8}
.task-bar .as-of{stroke:#111;stroke-width:1;stroke-dasharray:2 2}
.progress-bar,.state-bar{width:160px;height:auto}
.progress-bar .progress{fill:#0072B2}
.blocked{color:#a84300;font-size:11px;font-weight:600}
footer{margin-top:28px;padding-top:8px;border-top:1px solid var(--line);font-size:11px;color:var(--muted)}
@media (max-width:760px){.indicator-row{grid-template-columns:1fr}.overview-grid{grid-template-columns:1fr}}
@page{size:A4;margin:14mm 12mm}
@media print{
body{font-size:10pt}
main.report{max-width:none;padding:0}
h2{break-after:avoid;page-break-after:avoid}
.indicator-row{grid-template-columns:minmax(0,1fr) 32mm 56mm}
.overview-grid{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
section{break-before:auto}
a{color:inherit;text-decoration:none}
}
)css";

constexpr std::string_view patterns =
    R"svg(<svg class="defs" width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs><pattern id="pv-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#e8e8e8"/><line x1="0" y1="0" x2="0" y2="4" stroke="#9a9a9a" stroke-width="1.6"/></pattern><pattern id="pv-hatch-red" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fbe3d3"/><line x1="0" y1="0" x2="0" y2="4" stroke="#D55E00" stroke-width="1.6"/></pattern></defs></svg>
)svg";

void badge(markup& m, std::string_view state_name, const mark_style& st, std::string_view label) {
  m.open("span", {{"class", "badge"}, {"data-status", std::string(state_name)}});
  draw_icon(m, st);
  m.text(label);
  m.close();
}

void header(markup& m, const report_data& d) {
  const plan& p = *d.p;
  const language l = d.lang;
  m.open("header", {{"id", "report-header"}});
  m.element("p", {{"class", "kicker"}}, tr(l, "计划执行情况评估报告", "Plan evaluation report"));
  m.element("h1", {{"class", "plan-title"}}, plan_title(p, l));
  m.open("dl", {{"class", "meta"}});
  if (!p.issuer.empty()) meta_item(m, tr(l, "发布机关", "Issuer"), p.issuer);
  meta_item(m, tr(l, "计划期", "Period"), period_text(p.period, l));
  meta_item(m, tr(l, "截至", "As of"), date_text(d.as_of, l));
  meta_item(m, tr(l, "指标", "Indicators"), std::to_string(p.indicators.size()));
  if (d.tasks)
    meta_item(m, tr(l, "任务", "Tasks"), std::to_string(d.tasks->overall.leaves.total()));
  m.close();
  m.close();
}

void overview(markup& m, const report_data& d) {
  const language l = d.lang;
  const plan_summary& s = d.summary;
  m.open("section", {{"id", "overview"}});
  m.element("h2", {}, tr(l, "总体情况", "Overview"));
  m.open("div", {{"class", "kpis"}});
  kpi(m, "indicators", "info", std::to_string(s.indicators), tr(l, "项指标", "indicators"));
  kpi(m, "attained", "good", std::to_string(s.by_status.attained()),
      tr(l, "完成目标(含超额)", "met or exceeded"));
  kpi(m, "not_met", s.by_status[status::not_met] ? "bad" : "good",
      std::to_string(s.by_status[status::not_met]), tr(l, "未完成", "not met"));
  const std::size_t open_count = s.by_status.open();
  kpi(m, "not_assessed", open_count ? "warn" : "good", std::to_string(open_count),
      tr(l, "待确定或无法评估", "undetermined or not assessable"));
  kpi(m, "binding_not_met", s.binding_not_met.empty() ? "good" : "bad",
      std::to_string(s.binding_not_met.size()), tr(l, "约束性指标未完成", "binding, not met"));
  if (d.pace_measured > 0) {
    const auto behind =
        static_cast<std::size_t>(std::count_if(d.pace.begin(), d.pace.end(), [](const auto& a) {
          return a.status == pace_status::behind;
        }));
    kpi(m, "pace_behind", behind ? "warn" : "good",
        std::to_string(behind) + "/" + std::to_string(d.pace_measured),
        tr(l, "时序进度滞后", "behind the time share"));
  }
  if (d.tasks) {
    const auto& o = d.tasks->overall;
    kpi(m, "tasks_overdue", o.leaves[task_state::overdue] ? "bad" : "good",
        std::to_string(o.leaves[task_state::overdue]), tr(l, "项任务逾期", "tasks overdue"));
    kpi(m, "tasks_progress", "info", o.progress ? format_share(*o.progress) : "-",
        std::string(tr(l, "任务总体进度(时序 ", "task progress (time ")) +
            (o.planned ? format_share(*o.planned) : "-") + ")");
  }
  m.close();
  m.element("p", {{"class", "narrative"}, {"id", "summary-narrative"}}, d.narrative);
  m.open("div", {{"class", "overview-grid"}});
  m.open("figure", {{"class", "chart"}, {"id", "status-overview"}});
  m.element("figcaption", {}, tr(l, "各状态指标数", "Indicators by status"));
  draw_status_chart(m, s, l);
  m.close();
  const bool ok = s.binding_not_met.empty();
  m.open("div", {{"id", "binding-callout"},
                 {"class", ok ? "callout ok" : "callout"},
                 {"data-count", std::to_string(s.binding_not_met.size())}});
  m.element("h3", {}, tr(l, "约束性指标", "Binding indicators"));
  if (ok) {
    m.element("p", {}, binding_none_text(d));
  } else {
    m.element("p", {}, binding_misses_intro(l));
    m.open("ul");
    for (const auto& miss : binding_misses(d)) {
      m.open("li", {{"data-indicator", miss.id}});
      m.element("a", {{"href", "#indicator-" + miss.id}}, miss.name);
      if (!miss.gap.empty()) m.text(" (" + miss.gap + ")");
      m.close();
    }
    m.close();
  }
  m.close();
  m.close();
  m.close();
}

void legend(markup& m, language l) {
  m.open("div", {{"class", "legend"}, {"id", "bullet-legend"}});
  auto item = [&](const char* cls, const char* text) {
    m.open("span", {{"class", "item"}});
    m.element("span", {{"class", std::string("swatch ") + cls}}, "");
    m.text(text);
    m.close();
  };
  item("meets", tr(l, "达标区间", "meets the target"));
  item("exceeded", tr(l, "超额区间", "beyond a range"));
  item("tolerance", tr(l, "容差带", "tolerance band"));
  m.open("span", {{"class", "item"}});
  m.open("svg",
         {{"viewBox", "0 0 12 12"}, {"width", "8"}, {"height", "12"}, {"aria-hidden", "true"}});
  m.leaf("rect", {{"x", "3"}, {"y", "0"}, {"width", "2.5"}, {"height", "12"}, {"fill", "#111"}});
  m.close();
  m.text(tr(l, "目标值", "target"));
  m.close();
  m.open("span", {{"class", "item"}});
  draw_icon(m, {"#444444", shape::hollow_diamond});
  m.text(tr(l, "基期值", "baseline"));
  m.close();
  for (const status s : {status::met, status::exceeded, status::not_met, status::undetermined}) {
    m.open("span", {{"class", "item"}});
    draw_icon(m, style_of(s));
    m.text(std::string(tr(l, "完成值:", "actual: ")) + status_label(s, l));
    m.close();
  }
  m.close();
}

void indicator_rows(markup& m, const report_data& d) {
  const language l = d.lang;
  m.open("section", {{"id", "indicators"}});
  m.element("h2", {}, tr(l, "指标完成情况", "Indicators"));
  legend(m, l);
  m.open("div", {{"class", "indicator-list"}});
  for (const auto& row : d.rows) {
    const indicator& ind = *row.ind;
    const assessment& a = *row.a;
    m.open("article", {{"class", "indicator-row"},
                       {"id", "indicator-" + ind.id},
                       {"data-indicator", ind.id},
                       {"data-status", to_string(a.status)},
                       {"data-attribute", to_string(ind.attribute)}});
    m.open("div", {{"class", "ind-main"}});
    m.open("h3", {{"class", "ind-name"}});
    m.element("span", {{"class", "ind-no"}}, std::to_string(row.number));
    m.text(ind.name(l));
    m.close();
    m.open("p", {{"class", "tags"}});
    m.element("span", {{"class", std::string("tag attr-") + to_string(ind.attribute)}},
              attribute_text(ind.attribute, l));
    if (!ind.category.empty()) m.element("span", {{"class", "tag"}}, ind.category);
    if (!ind.unit.empty()) m.element("span", {{"class", "tag unit"}}, unit_name(ind.unit, l));
    m.element("span", {{"class", "tag"}}, a.period.to_string());
    m.close();
    m.open("p", {{"class", "values"}});
    m.open("span", {{"class", "v-target"}});
    m.text(tr(l, "目标 ", "target "));
    m.element("b", {}, target_text(row, l));
    m.close();
    m.open("span", {{"class", "v-actual"}});
    m.text(tr(l, "完成值 ", "actual "));
    m.element("b", {}, a.actual_text.empty() ? std::string("-") : a.actual_text);
    m.close();
    if (ind.baseline) {
      m.open("span", {{"class", "v-baseline"}});
      m.text(std::string(tr(l, "基期", "baseline ")) + ind.baseline->period.to_string() + " ");
      m.element("b", {}, baseline_text(ind, l));
      m.close();
    }
    m.close();
    m.element("p", {{"class", "reason"}}, a.reason(l));
    m.close();

    m.open("div", {{"class", "ind-status"}});
    badge(m, to_string(a.status), style_of(a.status), status_label(a.status, l));
    if (a.gap) m.element("span", {{"class", "gap"}}, format_gap(*a.gap, a.gap_unit, l));
    if (a.within_tolerance)
      m.element("span", {{"class", "flag tolerance"}}, tr(l, "容差内", "within tolerance"));
    if (a.in_progress) m.element("span", {{"class", "flag interim"}}, tr(l, "期中", "interim"));
    if (row.pace) {
      m.open("span", {{"class", "chip pace-chip"}, {"data-status", to_string(row.pace->status)}});
      m.text(tr(l, "时序进度:", "pace: "));
      badge(m, to_string(row.pace->status), style_of(row.pace->status),
            status_label(row.pace->status, l));
      m.close();
    }
    if (row.tasks) {
      std::string t =
          std::string(tr(l, "相关任务 ", "tasks ")) + std::to_string(row.tasks->tasks.size());
      if (row.tasks->progress)
        t += tr(l, " · 进度 ", " · progress ") + format_share(*row.tasks->progress);
      m.element("span", {{"class", "chip task-chip"}}, t);
    }
    m.close();

    m.open("div", {{"class", "ind-charts"}});
    draw_bullet(m, *d.p, row, l);
    m.open("div", {{"class", "trend"}});
    if (row.trend) {
      draw_sparkline(m, ind, *row.trend, l);
      std::string t = status_label(row.trend->trend.status, l);
      if (row.trend->projection)
        t += std::string(" · ") + status_label(row.trend->projection->verdict, l);
      m.element("span", {{"class", "trend-label"}}, t);
    } else {
      m.element("span", {{"class", "no-trend"}}, tr(l, "无年度序列", "no annual series"));
    }
    m.close();
    m.close();
    m.close();
  }
  m.close();
  m.close();
}

// The cells kept as text (each with its cell and why), and how an imported table was read.
void review_section(markup& m, const report_data& d) {
  const language l = d.lang;
  const bool cells = d.review && !d.review->empty();
  const bool inferred = d.inferences && !d.inferences->empty();
  if (!cells && !inferred) return;
  m.open("section", {{"id", "review"}});
  m.element("h2", {}, tr(l, "待核对与导入说明", "Cells to review and how the table was read"));
  if (cells) {
    m.element("p", {},
              tr(l, "以下单元格未能读取,按文字保留;相关指标的状态为“待核对”。",
                 "These cells could not be read and were kept as text; the indicators they feed "
                 "show 'needs review'."));
    m.open("table", {{"class", "review"}, {"data-count", std::to_string(d.review->size())}});
    m.open("tr");
    for (const char* h : {tr(l, "位置", "cell"), tr(l, "指标", "indicator"), tr(l, "内容", "field"),
                          tr(l, "原文", "text"), tr(l, "原因", "why")})
      m.element("th", {}, h);
    m.close();
    for (const auto& r : *d.review) {
      const indicator* ind = r.indicator.empty() ? nullptr : d.p->find(r.indicator);
      m.open("tr", {{"data-code", to_string(r.code)}});
      m.element("td", {}, r.where.to_string());
      m.element("td", {}, ind ? ind->name(l) : r.indicator);
      m.element("td", {}, r.field);
      m.element("td", {}, r.text);
      m.element("td", {}, std::string("[") + to_string(r.code) + "] " + r.message);
      m.close();
    }
    m.close();
  }
  if (inferred) {
    m.open("details", {{"id", "inferences"}, {"data-count", std::to_string(d.inferences->size())}});
    m.element("summary", {},
              tr(l, "导入时的推断(", "Inferences made on import (") +
                  std::to_string(d.inferences->size()) + tr(l, "项)", ")"));
    m.open("ul");
    for (const auto& i : *d.inferences)
      m.element("li", {{"data-field", i.field}},
                (i.indicator.empty() ? std::string() : i.indicator + " ") + i.field + " = " +
                    i.value + ": " + (l == language::zh ? i.reason_zh : i.reason_en) +
                    (i.where.cell.empty() ? std::string() : " [" + i.where.cell + "]"));
    m.close();
    m.close();
  }
  m.close();
}

void pace_section(markup& m, const report_data& d) {
  if (d.pace_measured == 0) return;
  const language l = d.lang;
  m.open("section", {{"id", "pace"}});
  m.element("h2", {}, tr(l, "时序进度", "Pace within the year"));
  m.element("p", {{"class", "note"}},
            tr(l,
               "年内数据:已完成的年度目标份额与已过去的时间份额(时序进度)对比;"
               "增速类指标以年内累计增速与目标增速对比。",
               "Year-to-date values: the share of the annual target done against the share of the "
               "year elapsed; growth rates compare the year-to-date rate with the target rate."));
  std::vector<const pace_assessment*> shares;
  double max_share = 1.0;
  for (const auto& a : d.pace) {
    if (!pace_measured(a) || !a.done_share) continue;
    shares.push_back(&a);
    max_share = std::max(max_share, std::min(*a.done_share, 1.5));
  }
  max_share = std::ceil(max_share * 4.0) / 4.0;
  if (!shares.empty()) {
    m.open("figure", {{"id", "pace-chart"}, {"class", "chart row-chart pace-chart"}});
    m.element("figcaption", {},
              tr(l, "完成份额(色条)与时序进度(黑线)",
                 "Share done (bar) against the time share (black tick)"));
    m.open("div", {{"class", "row axis"}});
    m.element("span", {}, "");
    draw_pace_axis(m, max_share, l);
    m.close();
    for (const auto* a : shares) {
      const indicator* ind = d.p->find(a->indicator);
      if (!ind) continue;
      m.open("div", {{"class", "row pace-row"},
                     {"data-indicator", ind->id},
                     {"data-status", to_string(a->status)}});
      m.open("div", {{"class", "name"}});
      m.text(ind->name(l));
      m.element("small", {},
                " " + format_share(*a->done_share) + " / " + format_share(a->expected_share));
      m.close();
      draw_pace_bar(m, *ind, *a, max_share, l);
      m.close();
    }
    m.close();
  }
  m.open("table", {{"id", "pace-table"}, {"class", "pace-table"}});
  m.open("thead");
  m.open("tr");
  for (const char* h :
       {tr(l, "指标", "indicator"), tr(l, "截至", "as of"), tr(l, "累计/最新值", "value"),
        tr(l, "完成份额", "done"), tr(l, "时序进度", "elapsed"), tr(l, "差距", "gap"),
        tr(l, "状态", "status"), tr(l, "说明", "reason")})
    m.element("th", {}, h);
  m.close();
  m.close();
  m.open("tbody");
  for (const auto& a : d.pace) {
    if (!pace_measured(a)) continue;
    const indicator* ind = d.p->find(a.indicator);
    m.open("tr", {{"data-indicator", a.indicator}, {"data-status", to_string(a.status)}});
    m.element("td", {}, ind ? ind->name(l) : a.indicator);
    m.element("td", {{"class", "num"}}, a.as_of ? to_string(*a.as_of) : "-");
    m.element("td", {{"class", "num"}},
              a.actual ? format_quantity(*a.actual, a.value_unit, l) : "-");
    m.element("td", {{"class", "num"}}, a.done_share ? format_share(*a.done_share) : "-");
    m.element("td", {{"class", "num"}}, format_share(a.expected_share));
    m.element("td", {{"class", "num"}}, a.gap_points ? format_points(*a.gap_points, l) : "-");
    m.open("td");
    badge(m, to_string(a.status), style_of(a.status), status_label(a.status, l));
    m.close();
    m.element("td", {}, a.reason(l));
    m.close();
  }
  m.close();
  m.close();
  m.close();
}

void task_section(markup& m, const report_data& d) {
  if (!d.tasks) return;
  const language l = d.lang;
  const plan& p = *d.p;
  const task_evaluation& e = *d.tasks;
  m.open("section", {{"id", "tasks"}});
  m.element("h2", {}, tr(l, "主要任务", "Tasks"));
  m.element("p", {{"class", "narrative"}, {"id", "task-narrative"}}, d.task_narrative);

  // roll-up per area
  m.open("table", {{"id", "area-rollup"}, {"class", "area-rollup"}});
  m.open("thead");
  m.open("tr");
  for (const char* h : {tr(l, "任务领域", "area"), tr(l, "进度与时序进度", "progress vs time"),
                        tr(l, "任务状态", "task states"), tr(l, "已完成", "done"),
                        tr(l, "需关注", "attention"), tr(l, "相关指标完成", "indicators met")})
    m.element("th", {}, h);
  m.close();
  m.close();
  m.open("tbody");
  for (const auto& ta : e.tasks) {
    if (ta.depth != 0) continue;
    const task* t = find_task(p.tasks, ta.task);
    if (!t) continue;
    const task_rollup& r = ta.rollup;
    m.open("tr", {{"data-area", ta.task}, {"data-state", to_string(ta.state)}});
    m.open("td");
    m.text(t->title(l) + " ");
    badge(m, to_string(ta.state), style_of(ta.state), task_state_label(ta.state, l));
    m.close();
    m.open("td");
    draw_progress_bar(m, r, l);
    m.element("span", {{"class", "chip"}},
              (r.progress ? format_share(*r.progress) : "-") + " / " +
                  (r.planned ? format_share(*r.planned) : "-"));
    m.close();
    m.open("td");
    draw_state_bar(m, r.leaves, l);
    m.close();
    m.element("td", {{"class", "num"}},
              std::to_string(r.leaves.done()) + "/" + std::to_string(r.leaves.total()));
    const std::size_t attention = r.leaves[task_state::overdue] + r.leaves[task_state::behind];
    m.open("td", {{"class", "num"}});
    m.text(std::to_string(attention));
    if (r.blocked)
      m.element("span", {{"class", "blocked"}},
                std::string(tr(l, " 受阻", " blocked ")) + std::to_string(r.blocked));
    m.close();
    std::string ind_text = "-";
    if (d.view)
      for (const auto& av : d.view->areas)
        if (av.area == ta.task && !av.indicators.empty())
          ind_text =
              std::to_string(av.attainment.attained()) + "/" + std::to_string(av.indicators.size());
    m.element("td", {{"class", "num"}}, ind_text);
    m.close();
  }
  m.close();
  m.close();

  // timeline
  const timeline_span span = timeline_of(p, e, e.options.only ? *e.options.only : p.period);
  m.open("figure", {{"id", "task-timeline"}, {"class", "chart row-chart task-timeline"}});
  m.element(
      "figcaption", {},
      tr(l, "任务时间线:计划起止(框)、进度(填充)、逾期(红色斜纹)、截至日期(虚线)",
         "Task timeline: planned start to due (frame), progress (fill), overdue (red hatching), "
         "as-of date (dashed line)"));
  m.open("div", {{"class", "row axis"}});
  m.element("span", {}, "");
  draw_timeline_axis(m, span, d.as_of, l);
  m.close();
  for (const auto& ta : e.tasks) {
    const task* t = find_task(p.tasks, ta.task);
    if (!t) continue;
    m.open("div",
           {{"class", "row task-row depth-" + std::to_string(std::min<std::size_t>(ta.depth, 3))},
            {"data-task", ta.task},
            {"data-state", to_string(ta.state)}});
    m.open("div", {{"class", "name"}});
    m.element("span", {{"class", "title"}}, t->title(l));
    badge(m, to_string(ta.state), style_of(ta.state), task_state_label(ta.state, l));
    if (ta.blocked) m.element("span", {{"class", "blocked"}}, tr(l, "受阻", "blocked"));
    m.close();
    draw_task_bar(m, *t, ta, span, d.as_of, l);
    m.close();
  }
  m.close();
  m.close();
}

}  // namespace

void kpi(markup& m, std::string_view id, std::string_view tone, const std::string& value,
         const std::string& label) {
  m.open("div",
         {{"class", "kpi"}, {"data-kpi", std::string(id)}, {"data-tone", std::string(tone)}});
  m.element("span", {{"class", "value"}}, value);
  m.element("span", {{"class", "label"}}, label);
  m.close();
}

void meta_item(markup& m, const std::string& term, const std::string& value) {
  m.open("div");
  m.element("dt", {}, term);
  m.element("dd", {}, value);
  m.close();
}

void open_report_page(markup& m, language l, const std::string& title,
                      std::string_view extra_style) {
  m.raw("<!DOCTYPE html>\n");
  m.open("html", {{"lang", l == language::zh ? "zh-CN" : "en"}});
  m.open("head");
  m.leaf("meta", {{"charset", "utf-8"}});
  m.leaf("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  m.leaf("meta", {{"name", "generator"}, {"content", "planeval"}});
  m.element("title", {}, title);
  m.open("style");
  m.raw(style_sheet);
  m.raw(extra_style);
  m.close();
  m.close();
  m.open("body");
}

void write_report_html(std::ostream& out, const report_data& d) {
  const language l = d.lang;
  const plan& p = *d.p;
  markup m;
  open_report_page(m, l, plan_title(p, l) + " — " + tr(l, "评估报告", "evaluation report"), {});
  m.raw(patterns);
  m.open("main", {{"class", "report"},
                  {"data-plan", p.id},
                  {"data-lang", to_string(l)},
                  {"data-as-of", to_string(d.as_of)}});
  header(m, d);
  overview(m, d);
  indicator_rows(m, d);
  review_section(m, d);
  pace_section(m, d);
  task_section(m, d);
  m.open("footer", {{"id", "report-footer"}});
  m.element(
      "p", {},
      tr(l,
         "由 planeval 生成。状态、原因与进度的算法见 planeval "
         "文档(evaluation.md、analytics.md、tasks.md)。鼠标悬停于图形可查看数值。",
         "Generated by planeval. Statuses, reasons and pace follow the rules in the planeval "
         "documentation (evaluation.md, analytics.md, tasks.md). Hover over a mark to see its "
         "value."));
  m.close();
  m.close();
  m.close();
  m.close();
  out << m.finish();
}

}  // namespace planeval::detail
