// Pace bars: the share done against the share of time elapsed.
#include <algorithm>
#include <cmath>
#include <limits>

#include "report/charts.hpp"
#include "text/wording.hpp"

namespace planeval::detail {
namespace {

using text::format_points;
using text::format_share;
using text::tr;

}  // namespace

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
    m.leaf("line", {{"class", "grid"},
                    {"x1", svg_number(x)},
                    {"x2", svg_number(x)},
                    {"y1", "10"},
                    {"y2", "14"}});
    if (std::fmod(s * 100, 50) < 1e-9 || max_share <= 1.0)
      m.element(
          "text",
          {{"class", "axis-label"}, {"x", svg_number(x)}, {"y", "8"}, {"text-anchor", "middle"}},
          format_share(s));
  }
  (void)lang;
  m.close();
}

void draw_pace_bar(markup& m, const indicator& ind, const pace_assessment& a, double max_share,
                   language lang) {
  const mark_style st = style_of(a.status);
  const double done = a.done_share.value_or(0.0);
  std::string summary = ind.name(lang) + tr(lang, ":完成", ": ") + format_share(done) +
                        tr(lang, ",时序进度", " done, time elapsed ") +
                        format_share(a.expected_share) + tr(lang, ",", "; ") +
                        status_label(a.status, lang);
  m.open("svg", {{"class", "pace-bar"},
                 {"data-indicator", ind.id},
                 {"data-status", to_string(a.status)},
                 {"viewBox", "0 0 300 18"},
                 {"role", "img"},
                 {"aria-label", summary}});
  m.element("title", {}, summary);
  m.leaf("rect", {{"class", "track"},
                  {"x", svg_number(pace_left)},
                  {"y", "4"},
                  {"width", svg_number(pace_right - pace_left)},
                  {"height", "10"}});
  if (max_share > 1.0) {
    const double x = pace_x(1.0, max_share);
    m.leaf("line", {{"class", "full"},
                    {"x1", svg_number(x)},
                    {"x2", svg_number(x)},
                    {"y1", "2"},
                    {"y2", "16"}});
  }
  open_with_title(m, "rect",
                  {{"class", "done-bar"},
                   {"x", svg_number(pace_left)},
                   {"y", "5.5"},
                   {"width", svg_number(std::max(pace_x(done, max_share) - pace_left, 0.5))},
                   {"height", "7"},
                   {"fill", std::string(st.colour)}},
                  tr(lang, "已完成 ", "done ") + format_share(done));
  m.close();
  const double xe = pace_x(a.expected_share, max_share);
  open_with_title(m, "rect",
                  {{"class", "time-tick"},
                   {"x", svg_number(xe - 1.25)},
                   {"y", "1"},
                   {"width", "2.5"},
                   {"height", "16"}},
                  tr(lang, "时序进度 ", "time elapsed ") + format_share(a.expected_share));
  m.close();
  draw_marker(m, st.form, st.colour, pace_x(done, max_share), 9, 4.5,
              std::string(status_label(a.status, lang)) +
                  (a.gap_points ? " " + format_points(*a.gap_points, lang) : std::string()));
  m.close();
}

}  // namespace planeval::detail
