// The sparkline of an indicator's annual series with its trend projection.
#include <algorithm>
#include <cmath>
#include <limits>

#include "report/charts.hpp"
#include "text/wording.hpp"

namespace planeval::detail {
namespace {

using text::format_quantity;
using text::tr;

}  // namespace

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
  const unit& u = ind.unit;
  const std::string trend_label = status_label(t.trend.status, lang);
  std::string summary = ind.name(lang) + tr(lang, ":", ": ") + std::to_string(y0) + "–" +
                        std::to_string(s.back().year) + tr(lang, "年趋势", " trend") +
                        tr(lang, ",", ", ") + trend_label;
  if (pr)
    summary += tr(lang, ";预测:", "; projection: ") + std::string(status_label(pr->verdict, lang));

  m.open("svg", {{"class", "sparkline"},
                 {"data-indicator", ind.id},
                 {"data-trend", to_string(t.trend.status)},
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
                       {"x1", svg_number(xp)},
                       {"x2", svg_number(xp)},
                       {"y1", svg_number(py(*pr->lower))},
                       {"y2", svg_number(py(*pr->upper))},
                       {"stroke", std::string(vs.colour)}},
                      tr(lang, "预测区间 ", "prediction interval ") +
                          format_quantity(*pr->lower, u, lang) + " – " +
                          format_quantity(*pr->upper, u, lang));
      m.close();
    }
    open_with_title(m, "line",
                    {{"class", "projection"},
                     {"x1", svg_number(xl)},
                     {"x2", svg_number(xp)},
                     {"y1", svg_number(py(s.back().value))},
                     {"y2", svg_number(py(*pr->projected))},
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
                     {"x1", svg_number(xt - 6)},
                     {"x2", svg_number(xt + 6)},
                     {"y1", svg_number(py(*target_value))},
                     {"y2", svg_number(py(*target_value))}},
                    std::to_string(target_year) + tr(lang, "年目标 ", " target ") +
                        format_quantity(*target_value, u, lang));
    m.close();
  }
  std::string pts;
  for (const auto& pnt : s) {
    if (!pts.empty()) pts += ' ';
    pts += svg_number(px(pnt.year)) + "," + svg_number(py(pnt.value));
  }
  open_with_title(m, "polyline", {{"class", "series"}, {"points", pts}},
                  tr(lang, "年度数值", "annual values"));
  m.close();
  for (const auto& pnt : s) {
    open_with_title(m, "circle",
                    {{"class", "point"},
                     {"cx", svg_number(px(pnt.year))},
                     {"cy", svg_number(py(pnt.value))},
                     {"r", "1.8"}},
                    std::to_string(pnt.year) + ": " + format_quantity(pnt.value, u, lang));
    m.close();
  }
  m.element(
      "text",
      {{"class", "axis-label"}, {"x", svg_number(left)}, {"y", "44"}, {"text-anchor", "start"}},
      std::to_string(y0));
  m.element(
      "text",
      {{"class", "axis-label"}, {"x", svg_number(right)}, {"y", "44"}, {"text-anchor", "end"}},
      std::to_string(y1));
  m.close();
}

}  // namespace planeval::detail
