// The status overview: one bar per attainment status.
#include <algorithm>
#include <cmath>
#include <limits>

#include "report/charts.hpp"
#include "text/wording.hpp"

namespace planeval::detail {
namespace {

using text::tr;

}  // namespace

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
                 {"viewBox", "0 0 420 " + svg_number(h)},
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
    m.element("text", {{"class", "label"}, {"x", "22"}, {"y", svg_number(y + row_h / 2 + 4)}},
              status_label(st, lang));
    m.leaf("rect", {{"class", "bar-track"},
                    {"x", svg_number(bar_x)},
                    {"y", svg_number(y + 4)},
                    {"width", svg_number(bar_w)},
                    {"height", svg_number(row_h - 8)}});
    const double bw = bar_w * static_cast<double>(c) / static_cast<double>(most);
    open_with_title(m, "rect",
                    {{"class", "bar"},
                     {"data-status", to_string(st)},
                     {"data-count", std::to_string(c)},
                     {"x", svg_number(bar_x)},
                     {"y", svg_number(y + 4)},
                     {"width", svg_number(bw)},
                     {"height", svg_number(row_h - 8)},
                     {"fill", std::string(ms.colour)}},
                    t);
    m.close();
    m.element("text",
              {{"class", "count"},
               {"x", svg_number(bar_x + bw + 5)},
               {"y", svg_number(y + row_h / 2 + 4)}},
              std::to_string(c));
  }
  m.close();
}

}  // namespace planeval::detail
