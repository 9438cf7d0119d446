// The report's marks: colours and shapes per status, markers and icons (the charts are drawn in
// bullet.cpp, sparkline.cpp, status_chart.cpp, pace_chart.cpp and timeline.cpp).
#include "report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

}  // namespace

void open_with_title(markup& m, std::string_view tag, html_attributes attrs,
                     std::string_view title) {
  m.open(tag, attrs);
  if (!title.empty()) m.element("title", {}, title);
}

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
    case status::needs_review: return {vermillion, shape::triangle_down};
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

mark_style style_of(trend_status s) noexcept {
  switch (s) {
    case trend_status::achieved: return {green, shape::circle};
    case trend_status::on_track: return {green, shape::circle};
    case trend_status::substantial_progress: return {blue, shape::triangle};
    case trend_status::moderate_progress: return {sky, shape::triangle};
    case trend_status::acceleration_needed: return {orange, shape::diamond};
    case trend_status::limited_progress: return {purple, shape::triangle_down};
    case trend_status::deterioration: return {vermillion, shape::cross};
    default: return {grey, shape::ring};
  }
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
                        {"cx", svg_number(x)},
                        {"cy", svg_number(y)},
                        {"r", svg_number(hollow ? r * 0.85 : r)},
                        {"fill", hollow ? "#ffffff" : c},
                        {"stroke", c},
                        {"stroke-width", hollow ? "1.5" : "0.5"}});
      done();
      break;
    }
    case shape::triangle:
      poly(svg_number(x) + "," + svg_number(y - r) + " " + svg_number(x + r) + "," +
               svg_number(y + r * 0.8) + " " + svg_number(x - r) + "," + svg_number(y + r * 0.8),
           false);
      break;
    case shape::triangle_down:
      poly(svg_number(x) + "," + svg_number(y + r) + " " + svg_number(x + r) + "," +
               svg_number(y - r * 0.8) + " " + svg_number(x - r) + "," + svg_number(y - r * 0.8),
           false);
      break;
    case shape::diamond:
    case shape::hollow_diamond:
      poly(svg_number(x) + "," + svg_number(y - r) + " " + svg_number(x + r) + "," + svg_number(y) +
               " " + svg_number(x) + "," + svg_number(y + r) + " " + svg_number(x - r) + "," +
               svg_number(y),
           form == shape::hollow_diamond);
      break;
    case shape::square:
    case shape::hollow_square: {
      const bool hollow = form == shape::hollow_square;
      const double h = r * 0.8;
      m.open("rect", {{"class", "marker"},
                      {"x", svg_number(x - h)},
                      {"y", svg_number(y - h)},
                      {"width", svg_number(2 * h)},
                      {"height", svg_number(2 * h)},
                      {"fill", hollow ? "#ffffff" : c},
                      {"stroke", c},
                      {"stroke-width", hollow ? "1.5" : "0.5"}});
      done();
      break;
    }
    case shape::cross: {
      const double h = r * 0.8;
      m.open("path",
             {{"class", "marker"},
              {"d", "M" + svg_number(x - h) + " " + svg_number(y - h) + "L" + svg_number(x + h) +
                        " " + svg_number(y + h) + "M" + svg_number(x + h) + " " +
                        svg_number(y - h) + "L" + svg_number(x - h) + " " + svg_number(y + h)},
              {"stroke", c},
              {"stroke-width", svg_number(std::max(1.5, r * 0.55))},
              {"stroke-linecap", "round"},
              {"fill", "none"}});
      done();
      break;
    }
    case shape::dash:
      m.open("rect", {{"class", "marker"},
                      {"x", svg_number(x - r)},
                      {"y", svg_number(y - r * 0.3)},
                      {"width", svg_number(2 * r)},
                      {"height", svg_number(r * 0.6)},
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

}  // namespace planeval::detail
