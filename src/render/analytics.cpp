// JSON, text tables and Markdown for pace, trends and composite indices.
#include "planeval/render/analytics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <ostream>

#include "json.hpp"
#include "planeval/analytics/fields.hpp"
#include "text/table.hpp"
#include "text/wording.hpp"

namespace planeval {
namespace {

using render::dump;
using render::json;
using render::number_or_null;
using text::format_value;
using text::tr;

std::string num(double v, int digits = 2) { return text::format_rounded(v, digits); }

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

const std::string& name_of(const plan& p, const std::string& id, language lang) {
  const indicator* ind = p.find(id);
  return ind ? ind->name(lang) : id;
}

const std::string& name_of(const index_indicator& ind, language lang) {
  return text::display_name(ind.name_zh, ind.name_en, ind.id, lang);
}

using grid = text::table;

void write_grid(std::ostream& out, const grid& g) { text::write_text_table(out, g); }

void write_grid_markdown(std::ostream& out, grid g) {
  g.numeric = {true};
  text::write_markdown_table(out, g);
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

std::string pct_or_dash(const std::optional<double>& share) {
  return share ? text::format_share(*share) : "-";
}

std::string points(const std::optional<double>& gap, language lang) {
  return gap ? text::format_points(*gap, lang) : "-";
}

// --- pace ----------------------------------------------------------------------------------

grid pace_grid(const plan& p, const std::vector<pace_assessment>& as, language lang) {
  const bool zh = lang == language::zh;
  grid g;
  g.header = zh ? std::vector<std::string>{"#",        "指标",     "目标", "截至", "完成值",
                                           "完成比例", "时序进度", "差距", "状态", "说明"}
                : std::vector<std::string>{"#",    "indicator", "target", "as of",  "actual",
                                           "done", "elapsed",   "gap",    "status", "reason"};
  for (std::size_t k = 0; k < as.size(); ++k) {
    const auto& a = as[k];
    const std::string actual =
        a.actual ? text::format_quantity(*a.actual, a.value_unit, lang) : "-";
    const bool measured = a.status == pace_status::ahead || a.status == pace_status::in_line ||
                          a.status == pace_status::behind;
    g.rows.push_back({std::to_string(k + 1), name_of(p, a.indicator, lang), or_dash(a.target_text),
                      a.as_of ? to_string(*a.as_of) : "-", actual, pct_or_dash(a.done_share),
                      measured || a.as_of ? text::format_share(a.expected_share) : "-",
                      points(a.gap_points, lang), status_label(a.status, lang), a.reason(lang)});
  }
  return g;
}

// --- trends --------------------------------------------------------------------------------

std::string years_of(const indicator_trend& t) {
  if (t.series.empty()) return "-";
  if (t.series.size() == 1) return std::to_string(t.series.front().year);
  return std::to_string(t.series.front().year) + "–" + std::to_string(t.series.back().year);
}

std::string projection_text(const indicator_trend& t) {
  if (!t.projection || !t.projection->projected) return "-";
  const auto& p = *t.projection;
  std::string s = std::to_string(p.year) + ": " + format_value(*p.projected);
  if (p.lower) s += " [" + format_value(*p.lower) + ", " + format_value(*p.upper) + "]";
  return s;
}

grid trend_grid(const plan& p, const std::vector<indicator_trend>& ts, language lang) {
  const bool zh = lang == language::zh;
  grid g;
  g.header = zh ? std::vector<std::string>{"#", "指标", "目标",     "数据年份", "趋势状态",
                                           "R", "预测", "预测结论", "说明"}
                : std::vector<std::string>{"#", "indicator",  "target",  "years", "trend",
                                           "R", "projection", "verdict", "reason"};
  for (std::size_t k = 0; k < ts.size(); ++k) {
    const auto& t = ts[k];
    std::string r = "-";
    if (t.trend.ratio)
      r = std::isinf(*t.trend.ratio) ? (*t.trend.ratio > 0 ? "∞" : "-∞") : num(*t.trend.ratio, 3);
    g.rows.push_back({std::to_string(k + 1), name_of(p, t.indicator, lang), or_dash(t.target_text),
                      years_of(t), status_label(t.trend.status, lang), r, projection_text(t),
                      t.projection ? status_label(t.projection->verdict, lang) : "-",
                      t.trend.reason(lang)});
  }
  return g;
}

json projection_json(const projection_result& p, language lang) {
  return render::to_json(projection_fields(p, lang));
}

// --- index ---------------------------------------------------------------------------------

std::vector<std::size_t> by_rank(const index_result& r) {
  std::vector<std::size_t> order(r.ranks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return r.ranks[a] < r.ranks[b]; });
  return order;
}

std::string rank_text(double r) { return num(r, 1); }

std::string fixed4(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", text::round_to(v, 4));
  return buf;
}

grid index_grid(const index_matrix& m, const index_result& r, const sensitivity_result* s,
                language lang) {
  const bool zh = lang == language::zh;
  grid g;
  g.header = zh ? std::vector<std::string>{"排名", "单位", "指数"}
                : std::vector<std::string>{"rank", "unit", "score"};
  if (s) {
    g.header.push_back(zh ? "排名中位数" : "median rank");
    g.header.push_back(zh ? "排名5%–95%区间" : "rank 5%–95%");
  }
  for (const std::size_t i : by_rank(r)) {
    std::vector<std::string> row{std::to_string(r.ranks[i]), m.units[i],
                                 std::isnan(r.scores[i]) ? "-" : fixed4(r.scores[i])};
    if (s) {
      row.push_back(rank_text(s->median_rank[i]));
      row.push_back(rank_text(s->p05_rank[i]) + "–" + rank_text(s->p95_rank[i]));
    }
    g.rows.push_back(std::move(row));
  }
  return g;
}

std::string weights_line(const index_matrix& m, const index_result& r, language lang) {
  const bool equal = std::all_of(r.weights.begin(), r.weights.end(),
                                 [&](double w) { return std::fabs(w - r.weights[0]) < 1e-12; });
  if (equal)
    return lang == language::zh ? "权重:等权(各" + num(r.weights[0], 4) + ")"
                                : "Weights: equal (" + num(r.weights[0], 4) + " each)";
  std::string s = lang == language::zh ? "权重:" : "Weights: ";
  for (std::size_t j = 0; j < m.cols(); ++j) {
    if (j > 0) s += lang == language::zh ? "," : ", ";
    s += name_of(m.indicators[j], lang) + " " + num(r.weights[j], 4);
  }
  return s;
}

std::string sensitivity_line(const sensitivity_result& s, language lang) {
  if (lang == language::zh)
    return "敏感性分析:权重扰动" + std::to_string(s.replications) + "次(随机种子" +
           std::to_string(s.seed) + "),列出各单位排名的中位数及5%–95%区间。";
  return "Sensitivity: " + std::to_string(s.replications) +
         " replications with perturbed weights (seed " + std::to_string(s.seed) +
         "); each unit's median rank and 5%–95% interval.";
}

}  // namespace

std::string pace_to_json(const plan& p, const std::vector<pace_assessment>& as, language lang,
                         int indent) {
  json j;
  j["plan"] = p.id;
  json list = json::array();
  for (const auto& a : as) {
    json x = render::to_json(pace_fields(a, name_of(p, a.indicator, lang), lang));
    list.push_back(std::move(x));
  }
  j["assessments"] = std::move(list);
  return dump(j, indent);
}

void write_pace_table(std::ostream& out, const plan& p, const std::vector<pace_assessment>& as,
                      language lang) {
  write_grid(out, pace_grid(p, as, lang));
}

void write_pace_markdown(std::ostream& out, const plan& p, const std::vector<pace_assessment>& as,
                         language lang) {
  out << "# " << (lang == language::zh ? "时序进度" : "Pace against the elapsed share of the year")
      << "\n\n";
  write_grid_markdown(out, pace_grid(p, as, lang));
}

std::string trends_to_json(const plan& p, const std::vector<indicator_trend>& ts, language lang,
                           int indent) {
  json j;
  j["plan"] = p.id;
  json list = json::array();
  for (const auto& t : ts) {
    json x;
    x["indicator"] = t.indicator;
    x["name"] = name_of(p, t.indicator, lang);
    x["target"] = t.target_text.empty() ? json(nullptr) : json(t.target_text);
    x["target_period"] = t.target_period ? json(t.target_period->to_string()) : json(nullptr);
    json series = json::array();
    for (const auto& pt : t.series) series.push_back({{"year", pt.year}, {"value", pt.value}});
    x["series"] = std::move(series);
    for (const auto& f : trend_fields(t.trend, lang))
      x[std::string(f.name)] = render::to_json(f.value);
    x["projection"] = t.projection ? projection_json(*t.projection, lang) : json(nullptr);
    list.push_back(std::move(x));
  }
  j["trends"] = std::move(list);
  return dump(j, indent);
}

void write_trend_table(std::ostream& out, const plan& p, const std::vector<indicator_trend>& ts,
                       language lang) {
  write_grid(out, trend_grid(p, ts, lang));
}

void write_trend_markdown(std::ostream& out, const plan& p, const std::vector<indicator_trend>& ts,
                          language lang) {
  out << "# " << (lang == language::zh ? "目标趋势" : "Trends toward the targets") << "\n\n";
  write_grid_markdown(out, trend_grid(p, ts, lang));
}

std::string index_to_json(const index_matrix& m, const index_options& o, const index_result& r,
                          const sensitivity_result* s, const sensitivity_options& so, language lang,
                          int indent) {
  json j;
  j["options"] = {{"normalisation", to_string(o.normalisation)},
                  {"weighting", to_string(o.weights)},
                  {"aggregation", to_string(o.aggregation)},
                  {"missing", to_string(o.missing)},
                  {"geometric_floor", o.geometric_floor}};
  json weights = json::array();
  for (std::size_t k = 0; k < m.cols(); ++k)
    weights.push_back({{"indicator", m.indicators[k].id},
                       {"name", name_of(m.indicators[k], lang)},
                       {"weight", r.weights[k]}});
  j["weights"] = std::move(weights);
  json units = json::array();
  for (std::size_t i = 0; i < m.rows(); ++i) {
    json u;
    u["unit"] = m.units[i];
    u["score"] = number_or_null(r.scores[i]);
    u["rank"] = r.ranks[i];
    if (s) {
      u["median_rank"] = s->median_rank[i];
      u["p05_rank"] = s->p05_rank[i];
      u["p95_rank"] = s->p95_rank[i];
    }
    units.push_back(std::move(u));
  }
  j["units"] = std::move(units);
  if (r.pca) {
    j["pca"] = {{"complete_units", r.pca->complete_units},
                {"components", r.pca->components},
                {"eigenvalues", r.pca->eigenvalues}};
  } else {
    j["pca"] = nullptr;
  }
  if (s) {
    json norms = json::array();
    for (const auto n : so.normalisations) norms.push_back(to_string(n));
    j["sensitivity"] = {{"replications", s->replications},
                        {"seed", s->seed},
                        {"weight_spread", so.weight_spread},
                        {"normalisations", std::move(norms)}};
  } else {
    j["sensitivity"] = nullptr;
  }
  return dump(j, indent);
}

void write_index_table(std::ostream& out, const index_matrix& m, const index_result& r,
                       const sensitivity_result* s, language lang) {
  out << weights_line(m, r, lang) << "\n";
  if (s) out << sensitivity_line(*s, lang) << "\n";
  out << '\n';
  write_grid(out, index_grid(m, r, s, lang));
}

void write_index_markdown(std::ostream& out, const index_matrix& m, const index_result& r,
                          const sensitivity_result* s, language lang) {
  out << "# " << (lang == language::zh ? "综合指数" : "Composite index") << "\n\n";
  out << weights_line(m, r, lang) << "\n\n";
  if (s) out << sensitivity_line(*s, lang) << "\n\n";
  write_grid_markdown(out, index_grid(m, r, s, lang));
}

}  // namespace planeval
