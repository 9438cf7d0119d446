// The report's charts: colours and shapes, bullet-chart geometry, and SVG drawing.
#include "io/report_charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/report_text.hpp"

namespace planeval::detail {
namespace {

// Okabe–Ito
constexpr std::string_view green = "#009E73";
constexpr std::string_view blue = "#0072B2";
constexpr std::string_view vermillion = "#D55E00";
constexpr std::string_view orange = "#E69F00";
constexpr std::string_view sky = "#56B4E9";
constexpr std::string_view purple = "#CC79A7";
constexpr std::string_view grey = "#999999";
constexpr std::string_view light = "#BBBBBB";
constexpr std::string_view dark = "#555555";

const char* tr(language l, const char* zh, const char* en) { return l == language::zh ? zh : en; }

std::string n(double v) { return svg_number(v); }

// Opens an element whose first child is its tooltip, leaving it open.
void open_with_title(markup& m, std::string_view tag, html_attributes attrs,
                     std::string_view title) {
  m.open(tag, attrs);
  if (!title.empty()) m.element("title", {}, title);
}

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
            {{"class", std::string(cls)}, {"x", n(x)}, {"y", n(y)}, {"text-anchor", anchor}}, t);
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

mark_style style_of(status s) noexcept {
  switch (s) {
    case status::met: return {green, shape::circle};
    case status::exceeded: return {blue, shape::triangle};
    case status::not_met: return {vermillion, shape::cross};
    case status::undetermined: return {orange, shape::diamond};
    case status::no_data: return {grey, shape::ring};
    case status::needs_reference: return {purple, shape::hollow_diamond};
    case status::needs_judgment: return {sky, shape::hollow_square};
    case status::no_target: return {light, shape::dash};
  }
  return {grey, shape::ring};
}

mark_style style_of(pace_status s) noexcept {
  switch (s) {
    case pace_status::ahead: return {blue, shape::triangle};
    case pace_status::in_line: return {green, shape::circle};
    case pace_status::behind: return {vermillion, shape::triangle_down};
    case pace_status::no_data: return {grey, shape::ring};
    case pace_status::needs_reference: return {purple, shape::hollow_diamond};
    case pace_status::no_target:
    case pace_status::not_applicable: return {light, shape::dash};
  }
  return {grey, shape::ring};
}

mark_style style_of(task_state s) noexcept {
  switch (s) {
    case task_state::not_started: return {light, shape::ring};
    case task_state::on_track: return {blue, shape::circle};
    case task_state::due_soon: return {orange, shape::diamond};
    case task_state::behind: return {purple, shape::triangle_down};
    case task_state::overdue: return {vermillion, shape::cross};
    case task_state::done: return {green, shape::square};
    case task_state::done_late: return {sky, shape::triangle};
    case task_state::suspended: return {dark, shape::dash};
    case task_state::cancelled: return {light, shape::dash};
    case task_state::not_assessable: return {grey, shape::hollow_diamond};
  }
  return {grey, shape::ring};
}

mark_style style_of(projection_verdict v) noexcept {
  switch (v) {
    case projection_verdict::maintain: return {green, shape::circle};
    case projection_verdict::accelerate: return {orange, shape::diamond};
    case projection_verdict::reverse_trend: return {vermillion, shape::cross};
    case projection_verdict::insufficient_data: return {grey, shape::ring};
    case projection_verdict::no_target: return {light, shape::dash};
  }
  return {grey, shape::ring};
}

void draw_marker(markup& m, shape form, std::string_view colour, double x, double y, double r,
                 std::string_view title) {
  const std::string c(colour);
  auto done = [&] {
    if (!title.empty()) m.element("title", {}, title);
    m.close();
  };
  auto poly = [&](const std::string& pts, bool hollow) {
    m.open("polygon", {{"class", "marker"},
                       {"points", pts},
                       {"fill", hollow ? "#ffffff" : c},
                       {"stroke", c},
                       {"stroke-width", hollow ? "1.5" : "0.5"}});
    done();
  };
  switch (form) {
    case shape::circle:
    case shape::ring: {
      const bool hollow = form == shape::ring;
      m.open("circle", {{"class", "marker"},
                        {"cx", n(x)},
                        {"cy", n(y)},
                        {"r", n(hollow ? r * 0.85 : r)},
                        {"fill", hollow ? "#ffffff" : c},
                        {"stroke", c},
                        {"stroke-width", hollow ? "1.5" : "0.5"}});
      done();
      break;
    }
    case shape::triangle:
      poly(n(x) + "," + n(y - r) + " " + n(x + r) + "," + n(y + r * 0.8) + " " + n(x - r) + "," +
               n(y + r * 0.8),
           false);
      break;
    case shape::triangle_down:
      poly(n(x) + "," + n(y + r) + " " + n(x + r) + "," + n(y - r * 0.8) + " " + n(x - r) + "," +
               n(y - r * 0.8),
           false);
      break;
    case shape::diamond:
    case shape::hollow_diamond:
      poly(n(x) + "," + n(y - r) + " " + n(x + r) + "," + n(y) + " " + n(x) + "," + n(y + r) + " " +
               n(x - r) + "," + n(y),
           form == shape::hollow_diamond);
      break;
    case shape::square:
    case shape::hollow_square: {
      const bool hollow = form == shape::hollow_square;
      const double h = r * 0.8;
      m.open("rect", {{"class", "marker"},
                      {"x", n(x - h)},
                      {"y", n(y - h)},
                      {"width", n(2 * h)},
                      {"height", n(2 * h)},
                      {"fill", hollow ? "#ffffff" : c},
                      {"stroke", c},
                      {"stroke-width", hollow ? "1.5" : "0.5"}});
      done();
      break;
    }
    case shape::cross: {
      const double h = r * 0.8;
      m.open("path", {{"class", "marker"},
                      {"d", "M" + n(x - h) + " " + n(y - h) + "L" + n(x + h) + " " + n(y + h) +
                                "M" + n(x + h) + " " + n(y - h) + "L" + n(x - h) + " " + n(y + h)},
                      {"stroke", c},
                      {"stroke-width", n(std::max(1.5, r * 0.55))},
                      {"stroke-linecap", "round"},
                      {"fill", "none"}});
      done();
      break;
    }
    case shape::dash:
      m.open("rect", {{"class", "marker"},
                      {"x", n(x - r)},
                      {"y", n(y - r * 0.3)},
                      {"width", n(2 * r)},
                      {"height", n(r * 0.6)},
                      {"fill", c}});
      done();
      break;
  }
}

void draw_icon(markup& m, const mark_style& st) {
  m.open("svg", {{"class", "icon"},
                 {"viewBox", "0 0 12 12"},
                 {"width", "12"},
                 {"height", "12"},
                 {"aria-hidden", "true"}});
  draw_marker(m, st.form, st.colour, 6, 6, 4.6, "");
  m.close();
}

// --- bullet charts ------------------------------------------------------------------------

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
  s.st = a.st;
  s.actual = a.actual;
  if (a.actual && row.obs) {
    if (const auto* b = std::get_if<bound_value>(&row.obs->value))
      s.actual_open = b->at_least ? 1 : -1;
  }
  s.baseline = row.baseline;
  if (!row.tgt || !row.tgt->r.is_comparison()) return s;
  const rule& r = row.tgt->r;
  const unit& cmp = a.value_unit;
  auto conv = [&](double v) {
    if (a.meas.kind == measure_kind::level && !r.u.empty() && !cmp.empty() && convertible(r.u, cmp))
      return convert(v, r.u, cmp);
    return v;
  };
  double x = r.value;
  double lo = r.low;
  double hi = r.high;
  if (r.has_reference()) {
    if (!a.target_value || r.oper == op::between) return s;
    x = *a.target_value;
  } else {
    x = conv(x);
    lo = conv(lo);
    hi = conv(hi);
  }
  const bool percent_like = cmp.is_percent() || cmp.dim() == dimension::percentage_point ||
                            a.meas.kind != measure_kind::level;
  const bool sync = r.has_reference() && r.oper == op::about;
  s.accepted = make_acceptance(r.oper, r.strict, ind.pol, ind.attr, p.settings.tolerance,
                               percent_like, sync, x, lo, hi);
  if (r.oper == op::between) {
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
  const mark_style st = style_of(a.st);

  std::string summary = indicator_name(ind, lang) + tr(lang, ":", ": ") + status_label(a.st, lang);
  if (!g.target_v.empty()) {
    summary += tr(lang, ";目标", "; target ");
    summary += g.target_v.size() == 2 ? range_text(g.target_v[0], g.target_v[1], u, lang)
                                      : format_quantity(g.target_v[0], u, lang);
  }
  if (a.actual) summary += tr(lang, ";完成值", "; actual ") + a.actual_text;

  m.open("svg", {{"class", g.empty() ? "bullet empty" : "bullet"},
                 {"data-indicator", ind.id},
                 {"data-status", to_string(a.st)},
                 {"viewBox", "0 0 300 46"},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, summary);
  const double track_y = 13;
  const double track_h = 18;
  m.open("rect", {{"class", "track"},
                  {"x", n(bullet_margin)},
                  {"y", n(track_y)},
                  {"width", n(w - 2 * bullet_margin)},
                  {"height", n(track_h)}});
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
                     {"x", n(z.x0)},
                     {"y", n(track_y)},
                     {"width", n(z.x1 - z.x0)},
                     {"height", n(track_h)}},
                    zone_name(z.kind, lang) + " " + range_text(z.v0, z.v1, u, lang));
    m.close();
  }
  if (g.zero_x) {
    m.leaf("line", {{"class", "zero"},
                    {"x1", n(*g.zero_x)},
                    {"x2", n(*g.zero_x)},
                    {"y1", n(track_y - 1)},
                    {"y2", n(track_y + track_h + 1)}});
  }
  for (std::size_t k = 0; k < g.target_x.size(); ++k) {
    open_with_title(m, "rect",
                    {{"class", "target-tick"},
                     {"x", n(g.target_x[k] - 1.25)},
                     {"y", n(track_y - 2)},
                     {"width", "2.5"},
                     {"height", n(track_h + 4)}},
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
                    row.ind->baseline->per.to_string() + ": " +
                    format_quantity(*spec.baseline, u, lang));
  }
  if (g.actual_x) {
    const double x0 = std::min(g.bar_x0, *g.actual_x);
    const double x1 = std::max(g.bar_x0, *g.actual_x);
    const std::string at = tr(lang, "完成值 ", "actual ") + a.actual_text;
    open_with_title(m, "rect",
                    {{"class", "actual-bar"},
                     {"x", n(x0)},
                     {"y", n(track_y + 5)},
                     {"width", n(std::max(x1 - x0, 0.5))},
                     {"height", n(track_h - 10)},
                     {"fill", std::string(st.colour)}},
                    at);
    m.close();
    if (g.actual_open != 0) {
      const double edge = g.actual_open > 0 ? w - bullet_margin : bullet_margin;
      const double y = track_y + track_h / 2;
      open_with_title(m, "line",
                      {{"class", "open-bound"},
                       {"x1", n(*g.actual_x)},
                       {"x2", n(edge)},
                       {"y1", n(y)},
                       {"y2", n(y)},
                       {"stroke", std::string(st.colour)}},
                      tr(lang, "完成值为区间边界(", "the actual is a bound (") + a.actual_text +
                          tr(lang, "),实际值可能更", "); the value may be ") +
                          (g.actual_open > 0 ? tr(lang, "高", "higher") : tr(lang, "低", "lower")));
      m.close();
      const double d = g.actual_open > 0 ? -5 : 5;
      m.leaf("polygon", {{"class", "open-bound-head"},
                         {"points", n(edge) + "," + n(y) + " " + n(edge + d) + "," + n(y - 3) +
                                        " " + n(edge + d) + "," + n(y + 3)},
                         {"fill", std::string(st.colour)}});
    }
    draw_marker(m, st.form, st.colour, *g.actual_x, track_y + track_h / 2, 5.2,
                at + " · " + status_label(a.st, lang));
    label(m, *g.actual_x, 42, w, "label actual-label", format_quantity(*a.actual, u, lang));
  }
  m.close();
}

// --- sparklines ---------------------------------------------------------------------------

void draw_sparkline(markup& m, const indicator& ind, const indicator_trend& t, language lang) {
  const double left = 8.0;
  const double right = 152.0;
  const double top = 6.0;
  const double bottom = 34.0;
  const auto& s = t.series;
  const projection_result* pr = t.projection ? &*t.projection : nullptr;
  const bool has_projection = pr && pr->projected;
  std::optional<double> target_value;
  int target_year = 0;
  if (pr && pr->target) {
    target_value = pr->target;
    target_year = pr->year;
  } else if (t.trend.target && t.trend.target->kind == measure_kind::level) {
    target_value = t.trend.target->value;
    target_year = t.trend.target->year;
  }
  int y0 = s.front().year;
  int y1 = s.back().year;
  for (const auto& pnt : s) {
    y0 = std::min(y0, pnt.year);
    y1 = std::max(y1, pnt.year);
  }
  if (has_projection) y1 = std::max(y1, pr->year);
  if (target_value) y1 = std::max(y1, target_year);
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  auto extend = [&](double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  };
  for (const auto& pnt : s) extend(pnt.value);
  if (has_projection) extend(*pr->projected);
  if (target_value) extend(*target_value);
  if (!(hi > lo)) {
    const double pad = std::max(std::fabs(lo) * 0.1, 1.0);
    lo -= pad;
    hi += pad;
  } else {
    const double pad = (hi - lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  auto px = [&](double year) {
    return y1 == y0 ? (left + right) / 2 : left + (year - y0) / (y1 - y0) * (right - left);
  };
  auto py = [&](double v) {
    const double c = std::clamp(v, lo, hi);
    return bottom - (c - lo) / (hi - lo) * (bottom - top);
  };
  const unit& u = ind.u;
  const std::string trend_label = status_label(t.trend.st, lang);
  std::string summary = indicator_name(ind, lang) + tr(lang, ":", ": ") + std::to_string(y0) + "–" +
                        std::to_string(s.back().year) + tr(lang, "年趋势", " trend") +
                        tr(lang, ",", ", ") + trend_label;
  if (pr)
    summary += tr(lang, ";预测:", "; projection: ") + std::string(status_label(pr->verdict, lang));

  m.open("svg", {{"class", "sparkline"},
                 {"data-indicator", ind.id},
                 {"data-trend", to_string(t.trend.st)},
                 {"data-verdict", pr ? to_string(pr->verdict) : "none"},
                 {"viewBox", "0 0 160 46"},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, summary);
  // the projection, its interval and the target first, the series on top
  if (has_projection) {
    const mark_style vs = style_of(pr->verdict);
    const double xl = px(s.back().year);
    const double xp = px(pr->year);
    if (pr->lower && pr->upper) {
      open_with_title(m, "line",
                      {{"class", "interval"},
                       {"x1", n(xp)},
                       {"x2", n(xp)},
                       {"y1", n(py(*pr->lower))},
                       {"y2", n(py(*pr->upper))},
                       {"stroke", std::string(vs.colour)}},
                      tr(lang, "预测区间 ", "prediction interval ") +
                          format_quantity(*pr->lower, u, lang) + " – " +
                          format_quantity(*pr->upper, u, lang));
      m.close();
    }
    open_with_title(m, "line",
                    {{"class", "projection"},
                     {"x1", n(xl)},
                     {"x2", n(xp)},
                     {"y1", n(py(s.back().value))},
                     {"y2", n(py(*pr->projected))},
                     {"stroke", std::string(vs.colour)}},
                    tr(lang, "趋势外推至", "projection to ") + std::to_string(pr->year) + ": " +
                        format_quantity(*pr->projected, u, lang));
    m.close();
    draw_marker(
        m, vs.form == shape::circle ? shape::ring : vs.form, vs.colour, xp, py(*pr->projected), 3.2,
        std::to_string(pr->year) + tr(lang, "年预测值 ", " projected ") +
            format_quantity(*pr->projected, u, lang) + " · " + status_label(pr->verdict, lang));
  }
  if (target_value) {
    const double xt = px(target_year);
    open_with_title(m, "line",
                    {{"class", "target-mark"},
                     {"x1", n(xt - 6)},
                     {"x2", n(xt + 6)},
                     {"y1", n(py(*target_value))},
                     {"y2", n(py(*target_value))}},
                    std::to_string(target_year) + tr(lang, "年目标 ", " target ") +
                        format_quantity(*target_value, u, lang));
    m.close();
  }
  std::string pts;
  for (const auto& pnt : s) {
    if (!pts.empty()) pts += ' ';
    pts += n(px(pnt.year)) + "," + n(py(pnt.value));
  }
  open_with_title(m, "polyline", {{"class", "series"}, {"points", pts}},
                  tr(lang, "年度数值", "annual values"));
  m.close();
  for (const auto& pnt : s) {
    open_with_title(
        m, "circle",
        {{"class", "point"}, {"cx", n(px(pnt.year))}, {"cy", n(py(pnt.value))}, {"r", "1.8"}},
        std::to_string(pnt.year) + ": " + format_quantity(pnt.value, u, lang));
    m.close();
  }
  m.element("text",
            {{"class", "axis-label"}, {"x", n(left)}, {"y", "44"}, {"text-anchor", "start"}},
            std::to_string(y0));
  m.element("text", {{"class", "axis-label"}, {"x", n(right)}, {"y", "44"}, {"text-anchor", "end"}},
            std::to_string(y1));
  m.close();
}

// --- status overview ----------------------------------------------------------------------

void draw_status_chart(markup& m, const plan_summary& s, language lang) {
  const double row_h = 20.0;
  const double bar_x = 150.0;
  const double bar_w = 230.0;
  const double h = row_h * status_count + 6;
  std::size_t most = 1;
  for (int k = 0; k < status_count; ++k)
    most = std::max(most, s.by_status.n[static_cast<std::size_t>(k)]);
  std::string summary;
  for (int k = 0; k < status_count; ++k) {
    const auto st = static_cast<status>(k);
    if (!summary.empty()) summary += tr(lang, ",", ", ");
    summary += std::string(status_label(st, lang)) + " " + std::to_string(s.by_status[st]);
  }
  m.open("svg", {{"id", "status-chart"},
                 {"class", "status-chart"},
                 {"viewBox", "0 0 420 " + n(h)},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, tr(lang, "各状态指标数:", "Indicators by status: ") + summary);
  for (int k = 0; k < status_count; ++k) {
    const auto st = static_cast<status>(k);
    const mark_style ms = style_of(st);
    const double y = 4 + row_h * k;
    const std::size_t c = s.by_status[st];
    const std::string t = std::string(status_label(st, lang)) + ": " + std::to_string(c);
    draw_marker(m, ms.form, ms.colour, 10, y + row_h / 2, 5, t);
    m.element("text", {{"class", "label"}, {"x", "22"}, {"y", n(y + row_h / 2 + 4)}},
              status_label(st, lang));
    m.leaf("rect", {{"class", "bar-track"},
                    {"x", n(bar_x)},
                    {"y", n(y + 4)},
                    {"width", n(bar_w)},
                    {"height", n(row_h - 8)}});
    const double bw = bar_w * static_cast<double>(c) / static_cast<double>(most);
    open_with_title(m, "rect",
                    {{"class", "bar"},
                     {"data-status", to_string(st)},
                     {"data-count", std::to_string(c)},
                     {"x", n(bar_x)},
                     {"y", n(y + 4)},
                     {"width", n(bw)},
                     {"height", n(row_h - 8)},
                     {"fill", std::string(ms.colour)}},
                    t);
    m.close();
    m.element("text", {{"class", "count"}, {"x", n(bar_x + bw + 5)}, {"y", n(y + row_h / 2 + 4)}},
              std::to_string(c));
  }
  m.close();
}

// --- pace ---------------------------------------------------------------------------------

namespace {
constexpr double pace_left = 8.0;
constexpr double pace_right = 292.0;
double pace_x(double share, double max_share) {
  return pace_left + std::clamp(share, 0.0, max_share) / max_share * (pace_right - pace_left);
}
}  // namespace

void draw_pace_axis(markup& m, double max_share, language lang) {
  m.open("svg", {{"class", "pace-axis"}, {"viewBox", "0 0 300 14"}, {"aria-hidden", "true"}});
  for (double s = 0; s <= max_share + 1e-9; s += 0.25) {
    const double x = pace_x(s, max_share);
    m.leaf("line", {{"class", "grid"}, {"x1", n(x)}, {"x2", n(x)}, {"y1", "10"}, {"y2", "14"}});
    if (std::fmod(s * 100, 50) < 1e-9 || max_share <= 1.0)
      m.element("text",
                {{"class", "axis-label"}, {"x", n(x)}, {"y", "8"}, {"text-anchor", "middle"}},
                format_share(s));
  }
  (void)lang;
  m.close();
}

void draw_pace_bar(markup& m, const indicator& ind, const pace_assessment& a, double max_share,
                   language lang) {
  const mark_style st = style_of(a.st);
  const double done = a.done_share.value_or(0.0);
  std::string summary = indicator_name(ind, lang) + tr(lang, ":完成", ": ") + format_share(done) +
                        tr(lang, ",时序进度", " done, time elapsed ") +
                        format_share(a.expected_share) + tr(lang, ",", "; ") +
                        status_label(a.st, lang);
  m.open("svg", {{"class", "pace-bar"},
                 {"data-indicator", ind.id},
                 {"data-status", to_string(a.st)},
                 {"viewBox", "0 0 300 18"},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, summary);
  m.leaf("rect", {{"class", "track"},
                  {"x", n(pace_left)},
                  {"y", "4"},
                  {"width", n(pace_right - pace_left)},
                  {"height", "10"}});
  if (max_share > 1.0) {
    const double x = pace_x(1.0, max_share);
    m.leaf("line", {{"class", "full"}, {"x1", n(x)}, {"x2", n(x)}, {"y1", "2"}, {"y2", "16"}});
  }
  open_with_title(m, "rect",
                  {{"class", "done-bar"},
                   {"x", n(pace_left)},
                   {"y", "5.5"},
                   {"width", n(std::max(pace_x(done, max_share) - pace_left, 0.5))},
                   {"height", "7"},
                   {"fill", std::string(st.colour)}},
                  tr(lang, "已完成 ", "done ") + format_share(done));
  m.close();
  const double xe = pace_x(a.expected_share, max_share);
  open_with_title(
      m, "rect",
      {{"class", "time-tick"}, {"x", n(xe - 1.25)}, {"y", "1"}, {"width", "2.5"}, {"height", "16"}},
      tr(lang, "时序进度 ", "time elapsed ") + format_share(a.expected_share));
  m.close();
  draw_marker(m, st.form, st.colour, pace_x(done, max_share), 9, 4.5,
              std::string(status_label(a.st, lang)) +
                  (a.gap_points ? " " + format_points(*a.gap_points, lang) : std::string()));
  m.close();
}

// --- tasks --------------------------------------------------------------------------------

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
const char* month_en(int m) {
  static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names[(m - 1) % 12];
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
    m.leaf("line", {{"class", "grid"}, {"x1", n(x)}, {"x2", n(x)}, {"y1", "11"}, {"y2", "16"}});
    const double mid = (x + tl_end(span, d.end_of_month())) / 2;
    const int mo = d.month();
    if (months <= 24) {
      const std::string t = lang == language::zh ? std::to_string(mo) + "月" : month_en(mo);
      m.element("text",
                {{"class", "axis-label"}, {"x", n(mid)}, {"y", "9"}, {"text-anchor", "middle"}}, t);
    } else if (mo == 1) {
      m.element("text",
                {{"class", "axis-label"}, {"x", n(x + 2)}, {"y", "9"}, {"text-anchor", "start"}},
                std::to_string(static_cast<int>(d.year())));
    }
  }
  if (as_of >= span.first && as_of <= span.last) {
    const double x = tl_end(span, as_of);
    open_with_title(m, "polygon",
                    {{"class", "as-of-mark"},
                     {"points", n(x - 3.5) + ",10 " + n(x + 3.5) + ",10 " + n(x) + ",16"}},
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
         {"x", n(x0)},
         {"y", n(y)},
         {"width", n(std::max(x1 - x0, 1.0))},
         {"height", n(h)},
         {"stroke", std::string(st.colour)}},
        tr(lang, "计划 ", "planned ") + to_string(*t.start) + " – " + to_string(*t.due));
    m.close();
    double share = a.progress.value_or(0.0);
    if (is_done(a.state)) share = 1.0;
    if (share > 0) {
      open_with_title(m, "rect",
                      {{"class", "progress"},
                       {"x", n(x0)},
                       {"y", n(y)},
                       {"width", n(std::max((x1 - x0) * std::min(share, 1.0), 0.5))},
                       {"height", n(h)},
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
         {"x", n(x0)},
         {"y", n(y - 1)},
         {"width", n(std::max(x1 - x0, 1.5))},
         {"height", n(h + 2)}},
        tr(lang, "已逾期", "overdue by ") + std::to_string(days) + tr(lang, "天", " days"));
    m.close();
  }
  const double xa = tl_end(span, as_of);
  m.leaf("line", {{"class", "as-of"}, {"x1", n(xa)}, {"x2", n(xa)}, {"y1", "0"}, {"y2", "14"}});
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
                  {"x", n(left)},
                  {"y", "3"},
                  {"width", n(right - left)},
                  {"height", "8"}});
  if (r.progress) {
    open_with_title(m, "rect",
                    {{"class", "progress"},
                     {"x", n(left)},
                     {"y", "3"},
                     {"width", n(x(*r.progress) - left)},
                     {"height", "8"}},
                    tr(lang, "进度 ", "progress ") + format_share(*r.progress));
    m.close();
  }
  if (r.planned) {
    open_with_title(m, "rect",
                    {{"class", "time-tick"},
                     {"x", n(x(*r.planned) - 1)},
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
                  {"x", n(left)},
                  {"y", "3"},
                  {"width", n(right - left)},
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
                     {"x", n(x)},
                     {"y", "3"},
                     {"width", n(w)},
                     {"height", "8"},
                     {"fill", std::string(style_of(s).colour)}},
                    std::string(task_state_label(s, lang)) + ": " + std::to_string(c[s]));
    m.close();
    x += w;
  }
  m.close();
}

}  // namespace planeval::detail
