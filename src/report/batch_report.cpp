// The report of a batch evaluation of many units (report/batch_report.hpp): the ranking, a unit
// × indicator status heat map and each indicator's distribution, as HTML (inline SVG) or
// Markdown. The Markdown begins with the batch summary of render/batch.hpp (counts, ranking).
#include "planeval/report/batch_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "detail/utf8.hpp"
#include "io/file_util.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/render/batch.hpp"
#include "report/charts.hpp"
#include "report/parts.hpp"
#include "text/table.hpp"

namespace planeval {
namespace {

using detail::markup;
using detail::svg_number;
using text::tr;

constexpr std::string_view batch_style = R"css(
.heat-map{max-width:100%;height:auto}
.heat-map .unit-label,.heat-map .col-label{font-size:10px;fill:var(--muted)}
.heat-map .cell{stroke:#fff;stroke-width:1}
.heat-scroll{overflow-x:auto}
.indicator-key{columns:2;font-size:12px;color:var(--muted);margin:6px 0 0;padding-left:22px}
.distribution{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:4px 14px;padding:8px 0;border-top:1px solid var(--line);break-inside:avoid;page-break-inside:avoid}
.distribution .target{font-size:12px;color:var(--muted);margin:0}
.share-bar,.value-strip{width:100%;height:auto}
.value-strip .axis{stroke:#bbb}
.value-strip .dot{opacity:.8}
.value-strip .threshold{stroke:#111;stroke-width:1.5;stroke-dasharray:3 2}
.value-strip .axis-label{font-size:9px;fill:var(--muted)}
.rank-bar{width:120px;height:10px;display:inline-block;vertical-align:middle;margin-right:6px}
table.ranking td{padding:2px 6px}
table.ranking td.share{white-space:nowrap}
tr.ellipsis td{text-align:center;color:var(--muted)}
details summary{cursor:pointer;color:var(--blue);font-size:13px;margin:4px 0}
)css";

// What the report reads of the batch, computed once.
struct batch_view {
  const plan& p;
  const long_table& t;
  const batch_result& r;
  const long_table_summary& s;
  language lang;
  std::vector<unit_rank> ranking;
  // per indicator × unit: the latest period with a row, or npos
  std::vector<std::size_t> latest;
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  batch_view(const plan& plan_, const long_table& table, const batch_result& result,
             const long_table_summary& summary, language l)
      : p(plan_), t(table), r(result), s(summary), lang(l), ranking(rank_units(summary)) {
    const batch_store& st = t.store;
    latest.assign(st.indicators() * st.units(), none);
    for (std::size_t i = 0; i < st.indicators(); ++i)
      for (std::size_t u = 0; u < st.units(); ++u)
        for (std::size_t k = st.periods(); k-- > 0;)
          if (t.present[st.offset(u, i, k)]) {
            latest[i * st.units() + u] = k;
            break;
          }
  }
  std::size_t period_of(std::size_t u, std::size_t i) const {
    return latest[i * t.store.units() + u];
  }
  status status_at(std::size_t u, std::size_t i, std::size_t k) const {
    return static_cast<status>(r.codes[t.store.offset(u, i, k)]);
  }
  // The value of a cell as written: the text of a side-table cell, else the number.
  std::string value_text(std::size_t u, std::size_t i, std::size_t k) const {
    if (const long_table_text* text = t.text_at(t.store.offset(u, i, k))) return text->value.text;
    const double v = t.store.get(u, i, k);
    return std::isnan(v) ? std::string("-") : format_number(v);
  }
  // The target judged: the plan period's, else the first (as `batch_targets` chooses).
  const target* target_of(const indicator& ind) const {
    const target* tg = ind.find_target(p.period);
    if (!tg && !ind.targets.empty()) tg = &ind.targets.front();
    return tg;
  }
  std::string target_text(const indicator& ind) const {
    const target* tg = target_of(ind);
    if (!tg) return tr(lang, "无目标", "no target");
    if (lang == language::zh || tg->rule.operation == op::unparsed) return tg->text;
    return canonical(tg->rule, language::en);
  }
  std::string name(std::size_t i) const { return p.indicators[i].name(lang); }
  std::string unit_name(std::size_t u) const { return t.store.unit_ids()[u]; }
};

// The overall share of judged cells attained.
double overall_share(const long_table_summary& s, std::size_t& judged) {
  judged = s.by_status.attained() + s.by_status[status::not_met];
  return judged ? static_cast<double>(s.by_status.attained()) / static_cast<double>(judged) : 0.0;
}

// --- HTML -------------------------------------------------------------------------------------

void html_header(markup& m, const batch_view& v) {
  const language l = v.lang;
  const batch_store& st = v.t.store;
  m.open("header");
  m.element("p", {{"class", "kicker"}}, tr(l, "多地区批量评估报告", "Batch evaluation report"));
  m.element("h1", {}, detail::plan_title(v.p, l));
  m.open("dl", {{"class", "meta"}});
  const auto meta = [&](const char* zh, const char* en, const std::string& value) {
    detail::meta_item(m, tr(l, zh, en), value);
  };

  meta("地区", "Units", std::to_string(st.units()));
  meta("指标", "Indicators", std::to_string(st.indicators()));
  const auto& periods = st.period_list();
  meta("时期", "Periods",
       periods.size() == 1 ? periods.front().to_string()
                           : periods.front().to_string() + " – " + periods.back().to_string());
  meta("观测值", "Observations", std::to_string(v.s.observations));
  meta("未能读取的行", "Rows not read", std::to_string(v.t.bad_rows));
  m.close();
  m.close();
}

void html_overview(markup& m, const batch_view& v) {
  const language l = v.lang;
  m.open("section", {{"id", "overview"}});
  m.element("h2", {}, tr(l, "总览", "Overview"));
  std::size_t judged = 0;
  const double share = overall_share(v.s, judged);
  m.open("div", {{"class", "kpis"}});
  const auto kpi = [&](const char* id, const char* tone, const std::string& value, const char* zh,
                       const char* en) { detail::kpi(m, id, tone, value, tr(l, zh, en)); };

  kpi("units", "info", std::to_string(v.t.store.units()), "地区", "units");
  kpi("observations", "info", std::to_string(v.s.observations), "观测值", "observations");
  kpi("share_met", "good", text::format_share(share), "已评判中完成的比例",
      "of those judged attained");
  kpi("not_met", "bad", std::to_string(v.s.by_status[status::not_met]), "未完成", "not met");
  m.close();
  m.open("div", {{"class", "legend"}, {"id", "status-legend"}});
  for (int k = 0; k < status_count; ++k) {
    const auto st = static_cast<status>(k);
    if (v.s.by_status[st] == 0) continue;
    m.open("span", {{"class", "item"}, {"data-status", to_string(st)}});
    m.element(
        "span",
        {{"class", "swatch"}, {"style", "background:" + std::string(detail::style_of(st).colour)}},
        "");
    m.text(std::string(status_label(st, l)) + " " + std::to_string(v.s.by_status[st]));
    m.close();
  }
  m.close();
  m.close();
}

// The rows of the ranking table from `first` to `last` (places, 1-based).
void ranking_rows(markup& m, const batch_view& v, std::size_t first, std::size_t last) {
  for (std::size_t place = first; place <= last; ++place) {
    const unit_rank& x = v.ranking[place - 1];
    const status_counts& c = v.s.by_unit[x.unit];
    m.open("tr", {{"data-unit", v.unit_name(x.unit)}, {"data-share", svg_number(x.share)}});
    m.element("td", {{"class", "num"}}, std::to_string(place));
    m.element("td", {}, v.unit_name(x.unit));
    m.open("td", {{"class", "share"}});
    m.open("svg", {{"class", "rank-bar"}, {"viewBox", "0 0 120 10"}, {"aria-hidden", "true"}});
    m.leaf("rect",
           {{"class", "bar-track"}, {"x", "0"}, {"y", "0"}, {"width", "120"}, {"height", "10"}});
    m.leaf("rect", {{"x", "0"},
                    {"y", "0"},
                    {"width", svg_number(120.0 * x.share)},
                    {"height", "10"},
                    {"fill", std::string(detail::style_of(status::met).colour)}});
    m.close();
    m.text(x.judged ? text::format_share(x.share) : std::string("-"));
    m.close();
    m.element("td", {{"class", "num"}},
              std::to_string(x.attained) + "/" + std::to_string(x.judged));
    m.element("td", {{"class", "num"}}, std::to_string(c[status::not_met]));
    m.element("td", {{"class", "num"}}, std::to_string(c.total() - x.judged));
    m.close();
  }
}

void ranking_table(markup& m, const batch_view& v, const char* id, std::size_t first,
                   std::size_t last, bool gap_after_top = false) {
  const language l = v.lang;
  m.open("table", {{"id", id}, {"class", "ranking"}});
  m.open("thead");
  m.open("tr");
  for (const char* h : {tr(l, "名次", "#"), tr(l, "地区", "Unit"), tr(l, "完成比例", "Share met"),
                        tr(l, "完成/评判", "Met/judged"), tr(l, "未完成", "Not met"),
                        tr(l, "未评判", "Not judged")})
    m.element("th", {}, h);
  m.close();
  m.close();
  m.open("tbody");
  if (!gap_after_top) {
    ranking_rows(m, v, first, last);
  } else {  // the first and last ten
    ranking_rows(m, v, 1, 10);
    m.open("tr", {{"class", "ellipsis"}});
    m.element("td", {{"colspan", "6"}}, "…");
    m.close();
    ranking_rows(m, v, v.ranking.size() - 9, v.ranking.size());
  }
  m.close();
  m.close();
}

// The ranking: every unit when there are 30 or fewer; else the first and last ten, with the
// whole ranking in a closed <details> (no script: the page stays self-contained).
void html_ranking(markup& m, const batch_view& v) {
  const language l = v.lang;
  const std::size_t n = v.ranking.size();
  m.open("section", {{"id", "ranking-section"}});
  m.element("h2", {}, tr(l, "地区排名(按完成比例)", "Units ranked by share met"));
  m.element("p", {},
            tr(l, "完成比例 = 完成(含超额完成)÷ 已评判(完成、超额完成、未完成)。",
               "Share met = attained (met and exceeded) ÷ judged (met, exceeded, not met)."));
  if (n <= 30) {
    ranking_table(m, v, "ranking", 1, n);
  } else {
    ranking_table(m, v, "ranking-extremes", 1, n, true);
    m.open("details", {{"id", "ranking-all"}});
    m.element("summary", {},
              tr(l, "全部 ", "All ") + std::to_string(n) + tr(l, " 个地区的排名", " units"));
    ranking_table(m, v, "ranking", 1, n);
    m.close();
  }
  m.close();
}

void html_heat_map(markup& m, const batch_view& v) {
  const language l = v.lang;
  const batch_store& st = v.t.store;
  const std::size_t U = st.units(), I = st.indicators();
  constexpr double label_w = 150.0, pitch = 16.0, cell = 14.0, head = 20.0;
  const double width = label_w + pitch * static_cast<double>(I) + 8.0;
  const double height = head * static_cast<double>(1 + (U > 0 ? (U - 1) / 50 : 0)) +
                        pitch * static_cast<double>(U) + 4.0;
  m.open("section", {{"id", "heat-map-section"}});
  m.element("h2", {}, tr(l, "状态热力图", "Status heat map"));
  m.element("p", {},
            tr(l,
               "每行一个地区(按排名),每列一个指标(编号见下);每格为该地区该指标最近一期的状态,"
               "悬停可见数值。",
               "One row per unit (in ranking order), one column per indicator (numbered below); "
               "each square is the status of the unit's latest period of that indicator; hover "
               "to see the value."));
  m.open("div", {{"class", "heat-scroll"}});
  m.open("svg",
         {{"id", "heat-map"},
          {"class", "heat-map"},
          {"viewBox", "0 0 " + svg_number(width) + " " + svg_number(height)},
          {"width", svg_number(width)},
          {"role", "img"},
          {"aria-label", tr(l, "地区×指标状态热力图", "Status of each unit and indicator")}});
  // the indicators' numbers above the columns, again every 50 units so that a long map stays
  // readable
  const auto column_numbers = [&](double top) {
    for (std::size_t i = 0; i < I; ++i)
      m.element("text",
                {{"class", "col-label"},
                 {"x", svg_number(label_w + pitch * static_cast<double>(i) + cell / 2)},
                 {"y", svg_number(top + head - 6)},
                 {"text-anchor", "middle"}},
                std::to_string(i + 1));
  };
  column_numbers(0);
  double y = head;
  std::size_t row = 0;
  for (const auto& x : v.ranking) {
    if (row > 0 && row % 50 == 0) {
      column_numbers(y);
      y += head;
    }
    ++row;
    const std::size_t u = x.unit;
    std::string label = v.unit_name(u);
    if (detail::display_width(label) > 24) {  // about 12 Chinese characters at 10px
      std::string cut;
      for (std::size_t b = 0; b < label.size();) {
        std::size_t n = 1;
        const auto c = static_cast<unsigned char>(label[b]);
        n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (detail::display_width(cut + label.substr(b, n)) > 22) break;
        cut += label.substr(b, n);
        b += n;
      }
      label = cut + "…";
    }
    detail::open_with_title(m, "text",
                            {{"class", "unit-label"},
                             {"x", svg_number(label_w - 6)},
                             {"y", svg_number(y + cell - 3)},
                             {"text-anchor", "end"}},
                            v.unit_name(u));
    m.text(label);
    m.close();
    for (std::size_t i = 0; i < I; ++i) {
      const std::size_t k = v.period_of(u, i);
      const double cx = label_w + pitch * static_cast<double>(i);
      if (k == batch_view::none) {
        m.leaf("rect", {{"class", "cell empty"},
                        {"x", svg_number(cx)},
                        {"y", svg_number(y)},
                        {"width", svg_number(cell)},
                        {"height", svg_number(cell)},
                        {"fill", "#f6f8fa"},
                        {"data-unit", v.unit_name(u)},
                        {"data-indicator", st.indicator_ids()[i]}});
        continue;
      }
      const status s = v.status_at(u, i, k);
      const std::string tip = v.unit_name(u) + " · " + std::to_string(i + 1) + ". " + v.name(i) +
                              " · " + st.period_list()[k].to_string() + ": " +
                              v.value_text(u, i, k) + " → " + status_label(s, l);
      detail::open_with_title(m, "rect",
                              {{"class", "cell"},
                               {"x", svg_number(cx)},
                               {"y", svg_number(y)},
                               {"width", svg_number(cell)},
                               {"height", svg_number(cell)},
                               {"fill", std::string(detail::style_of(s).colour)},
                               {"data-unit", v.unit_name(u)},
                               {"data-indicator", st.indicator_ids()[i]},
                               {"data-status", to_string(s)}},
                              tip);
      m.close();
    }
    y += pitch;
  }
  m.close();
  m.close();
  m.open("ol", {{"class", "indicator-key"}});
  for (std::size_t i = 0; i < I; ++i) m.element("li", {}, v.name(i));
  m.close();
  m.close();
}

// One indicator's status shares over the units (a stacked bar) and its values (dots on an axis,
// coloured by status, with the plan target's threshold when it is a number on the level).
void html_distribution(markup& m, const batch_view& v, std::size_t i) {
  const language l = v.lang;
  const batch_store& st = v.t.store;
  const indicator& ind = v.p.indicators[i];
  const status_counts& c = v.s.by_indicator[i];
  m.open("div", {{"class", "distribution"}, {"data-indicator", ind.id}});
  m.open("div");
  m.element("h3", {}, std::to_string(i + 1) + ". " + v.name(i));
  m.element("p", {{"class", "target"}},
            tr(l, "目标:", "Target: ") + v.target_text(ind) +
                (ind.unit.symbol().empty() ? "" : " (" + text::unit_name(ind.unit, l) + ")"));
  m.close();
  m.open("div");
  // the shares
  const double total = static_cast<double>(std::max<std::size_t>(1, c.total()));
  m.open("svg", {{"class", "share-bar"}, {"viewBox", "0 0 420 12"}, {"role", "img"}});
  std::string summary;
  for (int k = 0; k < status_count; ++k) {
    const auto s = static_cast<status>(k);
    if (c[s] == 0) continue;
    if (!summary.empty()) summary += tr(l, ",", ", ");
    summary += std::string(status_label(s, l)) + " " + std::to_string(c[s]);
  }
  m.element("title", {}, summary);
  double x = 0;
  for (int k = 0; k < status_count; ++k) {
    const auto s = static_cast<status>(k);
    if (c[s] == 0) continue;
    const double w = 420.0 * static_cast<double>(c[s]) / total;
    detail::open_with_title(m, "rect",
                            {{"x", svg_number(x)},
                             {"y", "0"},
                             {"width", svg_number(w)},
                             {"height", "12"},
                             {"fill", std::string(detail::style_of(s).colour)},
                             {"data-status", to_string(s)},
                             {"data-count", std::to_string(c[s])}},
                            std::string(status_label(s, l)) + ": " + std::to_string(c[s]));
    m.close();
    x += w;
  }
  m.close();
  // the values
  struct dot {
    double value;
    status s;
    std::size_t unit;
  };
  std::vector<dot> dots;
  for (std::size_t u = 0; u < st.units(); ++u) {
    const std::size_t k = v.period_of(u, i);
    if (k == batch_view::none) continue;
    const double value = st.get(u, i, k);
    if (!std::isnan(value)) dots.push_back({value, v.status_at(u, i, k), u});
  }
  std::vector<double> thresholds;
  if (const target* tg = v.target_of(ind); tg && tg->rule.is_comparison() &&
                                           !tg->rule.has_reference() &&
                                           tg->rule.measure.kind == measure_kind::level) {
    if (tg->rule.operation == op::between)
      thresholds = {tg->rule.low, tg->rule.high};
    else
      thresholds = {tg->rule.value};
  }
  if (!dots.empty()) {
    double lo = dots.front().value, hi = lo;
    for (const auto& d : dots) lo = std::min(lo, d.value), hi = std::max(hi, d.value);
    for (const double t : thresholds) lo = std::min(lo, t), hi = std::max(hi, t);
    if (hi - lo < 1e-12) lo -= 1, hi += 1;
    const auto px = [&](double value) { return 10.0 + 400.0 * (value - lo) / (hi - lo); };
    m.open("svg", {{"class", "value-strip"}, {"viewBox", "0 0 420 34"}, {"role", "img"}});
    m.element("title", {},
              tr(l, "各地区数值:", "Values of the units: ") + format_number(lo) + " – " +
                  format_number(hi));
    m.leaf("line", {{"class", "axis"}, {"x1", "10"}, {"x2", "410"}, {"y1", "14"}, {"y2", "14"}});
    for (const double t : thresholds) {
      detail::open_with_title(m, "line",
                              {{"class", "threshold"},
                               {"x1", svg_number(px(t))},
                               {"x2", svg_number(px(t))},
                               {"y1", "3"},
                               {"y2", "25"}},
                              tr(l, "目标 ", "target ") + format_number(t));
      m.close();
    }
    for (const auto& d : dots) {
      detail::open_with_title(
          m, "circle",
          {{"class", "dot"},
           {"cx", svg_number(px(d.value))},
           {"cy", "14"},
           {"r", "3.5"},
           {"fill", std::string(detail::style_of(d.s).colour)},
           {"data-unit", v.unit_name(d.unit)}},
          v.unit_name(d.unit) + ": " + format_number(d.value) + " → " + status_label(d.s, l));
      m.close();
    }
    m.element("text", {{"class", "axis-label"}, {"x", "10"}, {"y", "33"}}, format_number(lo));
    m.element("text", {{"class", "axis-label"}, {"x", "410"}, {"y", "33"}, {"text-anchor", "end"}},
              format_number(hi));
    m.close();
  }
  m.close();
  m.close();
}

void write_html(std::ostream& out, const batch_view& v) {
  const language l = v.lang;
  markup m;
  detail::open_report_page(
      m, l, detail::plan_title(v.p, l) + " — " + tr(l, "多地区评估报告", "batch evaluation report"),
      batch_style);
  m.open("main", {{"class", "report batch-report"},
                  {"data-plan", v.p.id},
                  {"data-lang", to_string(l)},
                  {"data-units", std::to_string(v.t.store.units())}});
  html_header(m, v);
  html_overview(m, v);
  html_ranking(m, v);
  html_heat_map(m, v);
  m.open("section", {{"id", "distributions"}});
  m.element("h2", {}, tr(l, "各指标在各地区的分布", "Each indicator across the units"));
  for (std::size_t i = 0; i < v.t.store.indicators(); ++i) html_distribution(m, v, i);
  m.close();
  m.open("footer", {{"id", "report-footer"}});
  m.element("p", {},
            tr(l, "由 planeval 生成。状态的算法见 planeval 文档(evaluation.md、performance.md)。",
               "Generated by planeval. Statuses follow the rules in the planeval documentation "
               "(evaluation.md, performance.md)."));
  m.close();
  m.close();
  m.close();
  m.close();
  out << m.finish();
}

// --- Markdown ---------------------------------------------------------------------------------

void write_markdown(std::ostream& out, const batch_view& v) {
  const language l = v.lang;
  const batch_store& st = v.t.store;
  write_batch_summary(out, v.t, v.s, l, true);
  out << "\n## " << tr(l, "状态热力图", "Status heat map") << "\n\n"
      << tr(l, "每格为该地区该指标最近一期的状态:",
            "Each cell is the status of the unit's latest period of the indicator: ");
  bool first = true;
  for (int k = 0; k < status_count; ++k) {
    const auto s = static_cast<status>(k);
    if (v.s.by_status[s] == 0) continue;
    out << (first ? "" : tr(l, ",", ", ")) << detail::status_symbol(s) << ' ' << status_label(s, l);
    first = false;
  }
  out << tr(l, ";- 为无数据。指标编号见下表。\n\n",
            "; -: no row. The indicators are numbered as in the table below.\n\n");
  text::table heat;
  heat.header.emplace_back(tr(l, "地区", "Unit"));
  for (std::size_t i = 0; i < st.indicators(); ++i) heat.header.push_back(std::to_string(i + 1));
  for (const auto& x : v.ranking) {
    std::vector<std::string> row{v.unit_name(x.unit)};
    for (std::size_t i = 0; i < st.indicators(); ++i) {
      const std::size_t k = v.period_of(x.unit, i);
      row.emplace_back(k == batch_view::none ? ""
                                             : detail::status_symbol(v.status_at(x.unit, i, k)));
    }
    heat.rows.push_back(std::move(row));
  }
  text::write_markdown_table(out, heat);
  out << "\n## " << tr(l, "各指标在各地区的分布", "Each indicator across the units") << "\n\n";
  text::table spread;
  spread.header = {"#",
                   tr(l, "指标", "Indicator"),
                   tr(l, "目标", "Target"),
                   tr(l, "完成比例", "Share met"),
                   tr(l, "完成/评判", "Met/judged"),
                   tr(l, "中位数", "Median"),
                   tr(l, "范围", "Range")};
  spread.numeric = {true, false, false, true, true, true, false};
  for (std::size_t i = 0; i < st.indicators(); ++i) {
    const status_counts& c = v.s.by_indicator[i];
    const std::size_t judged = c.attained() + c[status::not_met];
    std::vector<double> values;
    for (std::size_t u = 0; u < st.units(); ++u) {
      const std::size_t k = v.period_of(u, i);
      if (k != batch_view::none && !std::isnan(st.get(u, i, k))) values.push_back(st.get(u, i, k));
    }
    std::string median, range;
    if (!values.empty()) {
      std::sort(values.begin(), values.end());
      const std::size_t n = values.size();
      median = format_number(n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
      range = format_number(values.front()) + " – " + format_number(values.back());
    }
    spread.rows.push_back(
        {std::to_string(i + 1), v.name(i), v.target_text(v.p.indicators[i]),
         judged
             ? text::format_share(static_cast<double>(c.attained()) / static_cast<double>(judged))
             : std::string(),
         std::to_string(c.attained()) + "/" + std::to_string(judged), median, range});
  }
  text::write_markdown_table(out, spread);
}

}  // namespace

void write_batch_report(std::ostream& out, const plan& p, const long_table& table,
                        const batch_result& result, const long_table_summary& summary,
                        language lang, report_format format) {
  if (format == report_format::docx)
    throw error(errc::usage, "the batch report is written as html or markdown, not docx");
  const batch_view v(p, table, result, summary, lang);
  if (format == report_format::html)
    write_html(out, v);
  else
    write_markdown(out, v);
  if (!out) throw io_error(errc::io_write, "writing the batch report failed");
}

}  // namespace planeval

namespace planeval {

void save_batch_report(const std::string& path, const plan& p, const long_table& table,
                       const batch_result& result, const long_table_summary& summary, language lang,
                       report_format format) {
  std::ostringstream out;
  write_batch_report(out, p, table, result, summary, lang, format);
  const std::string text = out.str();
  detail::write_file_atomically(path, [&](std::ostream& o) { o << text; });
}

}  // namespace planeval
