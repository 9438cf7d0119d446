// The bullet chart of an indicator: geometry (pure, tested) and drawing.
#include <algorithm>
#include <cmath>
#include <limits>

#include "report/charts.hpp"
#include "text/wording.hpp"

namespace planeval::detail {
namespace {

using text::format_quantity;
using text::tr;

// A text label clamped inside [2, width − 2]: anchored at its start or end near the edges.
void label(markup& m, double x, double y, double width, std::string_view cls, std::string_view t) {
  const double room = 6.0 * static_cast<double>(std::min<std::size_t>(t.size(), 24)) / 2.0;
  std::string anchor = "middle";
  if (x - room < 2.0) {
    anchor = "start";
    x = std::max(x - 2.0, 2.0);
  } else if (x + room > width - 2.0) {
    anchor = "end";
    x = std::min(x + 2.0, width - 2.0);
  }
  m.element("text",
            {{"class", std::string(cls)},
             {"x", svg_number(x)},
             {"y", svg_number(y)},
             {"text-anchor", anchor}},
            t);
}

std::string range_text(double v0, double v1, const unit& u, language lang) {
  const bool lo_inf = std::isinf(v0);
  const bool hi_inf = std::isinf(v1);
  if (lo_inf && hi_inf) return tr(lang, "任意值", "any value");
  if (lo_inf) return "≤ " + format_quantity(v1, u, lang);
  if (hi_inf) return "≥ " + format_quantity(v0, u, lang);
  return format_quantity(v0, u, lang) + " – " + format_quantity(v1, u, lang);
}

std::string zone_name(std::string_view kind, language lang) {
  if (kind == "meets") return tr(lang, "达标区间", "meets the target");
  if (kind == "exceeded") return tr(lang, "超额区间", "beyond the range (exceeded)");
  return tr(lang, "容差带", "tolerance band");
}

}  // namespace

namespace {
constexpr double bullet_margin = 8.0;
}

double bullet_geometry::x(double v) const noexcept {
  const double span = hi - lo;
  if (!(span > 0)) return width / 2;
  return bullet_margin + (v - lo) / span * (width - 2 * bullet_margin);
}

bullet_geometry layout_bullet(const bullet_spec& spec, double width) {
  bullet_geometry g;
  g.width = width;
  std::vector<double> values;
  auto add = [&](double v) {
    if (std::isfinite(v)) values.push_back(v);
  };
  if (spec.actual) add(*spec.actual);
  if (spec.baseline) add(*spec.baseline);
  if (spec.range_lo) add(*spec.range_lo);
  if (spec.range_hi) add(*spec.range_hi);
  if (spec.accepted) {
    const acceptance& a = *spec.accepted;
    add(a.required);
    for (const ival* iv : {&a.met, &a.exact, &a.grace}) {
      add(iv->lo);
      add(iv->hi);
    }
    if (a.exceeded) {
      add(a.exceeded->lo);
      add(a.exceeded->hi);
    }
  }
  if (values.empty()) return g;

  double lo = *std::min_element(values.begin(), values.end());
  double hi = *std::max_element(values.begin(), values.end());
  bool lo_zero = false;
  bool hi_zero = false;
  if (lo > 0 && lo < 0.5 * hi) {
    lo = 0;
    lo_zero = true;
  }
  if (hi < 0 && hi > 0.5 * lo) {
    hi = 0;
    hi_zero = true;
  }
  const double span = hi - lo;
  if (span <= 0) {
    const double pad = std::max(std::fabs(lo) * 0.1, 1.0);
    lo -= pad;
    hi += pad;
  } else {
    const double pad = span * 0.08;
    if (!lo_zero) lo -= pad;
    if (!hi_zero) hi += pad;
  }
  // room for the arrow of an open-ended actual
  if (spec.actual && spec.actual_open != 0) {
    const double extra = (hi - lo) * 0.12;
    if (spec.actual_open > 0 && *spec.actual + extra > hi) hi = *spec.actual + extra;
    if (spec.actual_open < 0 && *spec.actual - extra < lo) lo = *spec.actual - extra;
  }
  g.lo = lo;
  g.hi = hi;

  auto zone = [&](std::string_view kind, double v0, double v1) {
    const double c0 = std::max(v0, g.lo);
    const double c1 = std::min(v1, g.hi);
    if (!(c0 < c1)) return;
    g.zones.push_back(bullet_zone{kind, g.x(c0), g.x(c1), v0, v1});
  };
  if (spec.accepted) {
    const acceptance& a = *spec.accepted;
    if (a.exact.lo < a.exact.hi) zone("meets", a.exact.lo, a.exact.hi);
    if (a.met.lo < a.exact.lo) zone("tolerance", a.met.lo, a.exact.lo);
    if (a.met.hi > a.exact.hi) zone("tolerance", a.exact.hi, a.met.hi);
    if (a.grace.lo < a.met.lo) zone("tolerance", a.grace.lo, a.met.lo);
    if (a.grace.hi > a.met.hi) zone("tolerance", a.met.hi, a.grace.hi);
    if (a.exceeded) zone("exceeded", a.exceeded->lo, a.exceeded->hi);
  }
  if (spec.range_lo && spec.range_hi) {
    g.target_v = {*spec.range_lo, *spec.range_hi};
  } else if (spec.accepted) {
    g.target_v = {spec.accepted->required};
  }
  for (const double v : g.target_v) g.target_x.push_back(g.x(v));
  if (spec.baseline) g.baseline_x = g.x(*spec.baseline);
  if (spec.actual && std::isfinite(*spec.actual)) {
    g.actual_x = g.x(*spec.actual);
    g.actual_open = spec.actual_open;
  }
  if (g.lo <= 0 && g.hi >= 0) g.zero_x = g.x(0);
  g.bar_x0 = g.zero_x ? *g.zero_x : (g.lo > 0 ? g.x(g.lo) : g.x(g.hi));
  return g;
}

bullet_spec bullet_of(const plan& p, const indicator_row& row) {
  bullet_spec s;
  const assessment& a = *row.a;
  const indicator& ind = *row.ind;
  s.status = a.status;
  s.actual = a.actual;
  if (a.actual && row.obs) {
    if (const auto* b = std::get_if<bound_value>(&row.obs->value))
      s.actual_open = b->at_least ? 1 : -1;
  }
  s.baseline = row.baseline;
  if (!row.tgt || !row.tgt->rule.is_comparison()) return s;
  const rule& r = row.tgt->rule;
  const unit& cmp = a.value_unit;
  auto conv = [&](double v) {
    if (a.measure.kind == measure_kind::level && !r.unit.empty() && !cmp.empty() &&
        convertible(r.unit, cmp))
      return convert(v, r.unit, cmp);
    return v;
  };
  double x = r.value;
  double lo = r.low;
  double hi = r.high;
  if (r.has_reference()) {
    if (!a.target_value || r.operation == op::between) return s;
    x = *a.target_value;
  } else {
    x = conv(x);
    lo = conv(lo);
    hi = conv(hi);
  }
  const bool percent_like = cmp.is_percent() || cmp.dim() == dimension::percentage_point ||
                            a.measure.kind != measure_kind::level;
  const bool sync = r.has_reference() && r.operation == op::about;
  s.accepted = make_acceptance(r.operation, r.strict, ind.polarity, ind.attribute,
                               p.settings.tolerance, percent_like, sync, x, lo, hi);
  if (r.operation == op::between) {
    s.range_lo = lo;
    s.range_hi = hi;
  }
  return s;
}

void draw_bullet(markup& m, const plan& p, const indicator_row& row, language lang) {
  const assessment& a = *row.a;
  const indicator& ind = *row.ind;
  const bullet_spec spec = bullet_of(p, row);
  const double w = 300.0;
  const bullet_geometry g = layout_bullet(spec, w);
  const unit& u = a.value_unit;
  const mark_style st = style_of(a.status);

  std::string summary = ind.name(lang) + tr(lang, ":", ": ") + status_label(a.status, lang);
  if (!g.target_v.empty()) {
    summary += tr(lang, ";目标", "; target ");
    summary += g.target_v.size() == 2 ? range_text(g.target_v[0], g.target_v[1], u, lang)
                                      : format_quantity(g.target_v[0], u, lang);
  }
  if (a.actual) summary += tr(lang, ";完成值", "; actual ") + a.actual_text;

  m.open("svg", {{"class", g.empty() ? "bullet empty" : "bullet"},
                 {"data-indicator", ind.id},
                 {"data-status", to_string(a.status)},
                 {"viewBox", "0 0 300 46"},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, summary);
  const double track_y = 13;
  const double track_h = 18;
  m.open("rect", {{"class", "track"},
                  {"x", svg_number(bullet_margin)},
                  {"y", svg_number(track_y)},
                  {"width", svg_number(w - 2 * bullet_margin)},
                  {"height", svg_number(track_h)}});
  m.element("title", {},
            tr(lang, "数值轴", "value axis") + std::string(": ") + format_quantity(g.lo, u, lang) +
                " – " + format_quantity(g.hi, u, lang));
  m.close();
  if (g.empty()) {
    m.element("text", {{"class", "no-value"}, {"x", "150"}, {"y", "26"}, {"text-anchor", "middle"}},
              tr(lang, "无可绘制的数值", "no value to draw"));
    m.close();
    return;
  }
  for (const auto& z : g.zones) {
    open_with_title(m, "rect",
                    {{"class", "zone zone-" + std::string(z.kind)},
                     {"x", svg_number(z.x0)},
                     {"y", svg_number(track_y)},
                     {"width", svg_number(z.x1 - z.x0)},
                     {"height", svg_number(track_h)}},
                    zone_name(z.kind, lang) + " " + range_text(z.v0, z.v1, u, lang));
    m.close();
  }
  if (g.zero_x) {
    m.leaf("line", {{"class", "zero"},
                    {"x1", svg_number(*g.zero_x)},
                    {"x2", svg_number(*g.zero_x)},
                    {"y1", svg_number(track_y - 1)},
                    {"y2", svg_number(track_y + track_h + 1)}});
  }
  for (std::size_t k = 0; k < g.target_x.size(); ++k) {
    open_with_title(m, "rect",
                    {{"class", "target-tick"},
                     {"x", svg_number(g.target_x[k] - 1.25)},
                     {"y", svg_number(track_y - 2)},
                     {"width", "2.5"},
                     {"height", svg_number(track_h + 4)}},
                    tr(lang, "目标 ", "target ") + format_quantity(g.target_v[k], u, lang));
    m.close();
  }
  if (!g.target_x.empty()) {
    const double mid = (g.target_x.front() + g.target_x.back()) / 2;
    const std::string t = g.target_v.size() == 2 ? range_text(g.target_v[0], g.target_v[1], u, lang)
                                                 : format_quantity(g.target_v[0], u, lang);
    label(m, mid, 9.5, w, "label target-label", tr(lang, "目标 ", "target ") + t);
  }
  if (g.baseline_x && row.ind->baseline) {
    draw_marker(m, shape::hollow_diamond, "#444444", *g.baseline_x, track_y + track_h / 2, 4.2,
                tr(lang, "基期值", "baseline") + std::string(" ") +
                    row.ind->baseline->period.to_string() + ": " +
                    format_quantity(*spec.baseline, u, lang));
  }
  if (g.actual_x) {
    const double x0 = std::min(g.bar_x0, *g.actual_x);
    const double x1 = std::max(g.bar_x0, *g.actual_x);
    const std::string at = tr(lang, "完成值 ", "actual ") + a.actual_text;
    open_with_title(m, "rect",
                    {{"class", "actual-bar"},
                     {"x", svg_number(x0)},
                     {"y", svg_number(track_y + 5)},
                     {"width", svg_number(std::max(x1 - x0, 0.5))},
                     {"height", svg_number(track_h - 10)},
                     {"fill", std::string(st.colour)}},
                    at);
    m.close();
    if (g.actual_open != 0) {
      const double edge = g.actual_open > 0 ? w - bullet_margin : bullet_margin;
      const double y = track_y + track_h / 2;
      open_with_title(m, "line",
                      {{"class", "open-bound"},
                       {"x1", svg_number(*g.actual_x)},
                       {"x2", svg_number(edge)},
                       {"y1", svg_number(y)},
                       {"y2", svg_number(y)},
                       {"stroke", std::string(st.colour)}},
                      tr(lang, "完成值为区间边界(", "the actual is a bound (") + a.actual_text +
                          tr(lang, "),实际值可能更", "); the value may be ") +
                          (g.actual_open > 0 ? tr(lang, "高", "higher") : tr(lang, "低", "lower")));
      m.close();
      const double d = g.actual_open > 0 ? -5 : 5;
      m.leaf("polygon", {{"class", "open-bound-head"},
                         {"points", svg_number(edge) + "," + svg_number(y) + " " +
                                        svg_number(edge + d) + "," + svg_number(y - 3) + " " +
                                        svg_number(edge + d) + "," + svg_number(y + 3)},
                         {"fill", std::string(st.colour)}});
    }
    draw_marker(m, st.form, st.colour, *g.actual_x, track_y + track_h / 2, 5.2,
                at + " · " + status_label(a.status, lang));
    label(m, *g.actual_x, 42, w, "label actual-label", format_quantity(*a.actual, u, lang));
  }
  m.close();
}

}  // namespace planeval::detail
