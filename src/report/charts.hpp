#pragma once
// Private: the report's charts — colours and shapes per status (charts.cpp), the geometry of
// bullet charts (pure, tested; bullet.cpp), and SVG drawing of every chart through `markup`
// (bullet.cpp, sparkline.cpp, status_chart.cpp, pace_chart.cpp, timeline.cpp).
//
// Colours are the Okabe–Ito palette, distinguishable with the common colour-vision
// deficiencies; every status also has its own marker shape and a text label, so nothing depends
// on colour alone.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attainment.hpp"
#include "report/html_writer.hpp"
#include "report/model.hpp"

namespace planeval::detail {

/// Marker shapes that tell statuses apart without colour.
enum class shape : std::uint8_t {
  circle,          ///< filled circle
  triangle,        ///< filled triangle pointing up
  cross,           ///< a bold ×
  diamond,         ///< filled diamond
  ring,            ///< hollow circle
  hollow_square,   ///< hollow square
  hollow_diamond,  ///< hollow diamond
  dash,            ///< a short horizontal bar
  square,          ///< filled square
  triangle_down,   ///< filled triangle pointing down
};

/// Colour and shape of a mark.
struct mark_style {
  std::string_view colour;  ///< `#rrggbb`
  shape form;               ///< the marker shape
};

/// Style of an attainment status: met green circle, exceeded blue triangle, not met vermillion
/// cross, undetermined orange diamond, not assessable greys with hollow shapes.
mark_style style_of(status s) noexcept;
/// Style of a pace status.
mark_style style_of(pace_status s) noexcept;
/// Style of a task state.
mark_style style_of(task_state s) noexcept;
/// Style of a trend status: achieved and on track green, progress blue, acceleration needed
/// orange, deterioration vermillion, not assessable grey.
mark_style style_of(trend_status s) noexcept;
/// Style of a projection verdict.
mark_style style_of(projection_verdict v) noexcept;

/// Draws a marker centred at (x, y) with half-size r, with a tooltip.
void draw_marker(markup& m, shape form, std::string_view colour, double x, double y, double r,
                 std::string_view title);

/// A small inline SVG icon of a marker (for badges and legends); aria-hidden.
void draw_icon(markup& m, const mark_style& st);

/// Opens an element whose first child is its tooltip (`<title>`), leaving it open.
void open_with_title(markup& m, std::string_view tag, html_attributes attrs,
                     std::string_view title);

// --- bullet charts ------------------------------------------------------------------------

/// What a bullet chart shows, in the indicator's (comparison) unit.
struct bullet_spec {
  planeval::status status = planeval::status::no_target;  ///< status of the assessment
  std::optional<double> actual;                           ///< the value (a bound's end for bounds)
  int actual_open = 0;                 ///< +1: "this or more" (以上); −1: "this or less"
  std::optional<double> baseline;      ///< the baseline, same unit
  std::optional<acceptance> accepted;  ///< the values that meet the target (comparisons)
  std::optional<double> range_lo;      ///< a range target's ends (`between`)
  std::optional<double> range_hi;      ///< …
};

/// One shaded zone of a bullet chart, in pixels.
struct bullet_zone {
  std::string_view kind;  ///< `meets`, `exceeded` or `tolerance`
  double x0 = 0.0;        ///< left edge
  double x1 = 0.0;        ///< right edge
  double v0 = 0.0;        ///< left edge as a value (may be −∞ when unbounded)
  double v1 = 0.0;        ///< right edge as a value (may be +∞)
};

/// The geometry of a bullet chart: a value axis mapped to [margin, width − margin].
struct bullet_geometry {
  double width = 300.0;              ///< chart width (viewBox units)
  double lo = 0.0;                   ///< value at the left end of the axis
  double hi = 1.0;                   ///< value at the right end
  std::vector<bullet_zone> zones;    ///< shaded zones, clipped to the axis
  std::vector<double> target_x;      ///< target ticks: a threshold, or a range's two ends
  std::vector<double> target_v;      ///< their values
  std::optional<double> baseline_x;  ///< baseline marker
  std::optional<double> actual_x;    ///< actual marker
  double bar_x0 = 0.0;               ///< where the actual bar starts (zero, else the near end)
  std::optional<double> zero_x;      ///< the zero line, when 0 lies on the axis
  int actual_open = 0;               ///< the actual is a bound open to the right (+1) or left

  /// The x of a value.
  double x(double v) const noexcept;
  /// True when nothing can be drawn (no value, no target, no baseline).
  bool empty() const noexcept { return !actual_x && target_x.empty() && !baseline_x; }
};

/// Lays out a bullet chart of `width` units.
bullet_geometry layout_bullet(const bullet_spec& spec, double width = 300.0);

/// The bullet spec of a report row (thresholds rebuilt with the evaluator's rules).
bullet_spec bullet_of(const plan& p, const indicator_row& row);

/// Draws a row's bullet chart: `<svg class="bullet" data-indicator=…>`.
void draw_bullet(markup& m, const plan& p, const indicator_row& row, language lang);

/// Draws a row's sparkline with the trend projection: `<svg class="sparkline" …>`.
void draw_sparkline(markup& m, const indicator& ind, const indicator_trend& t, language lang);

/// Draws the status overview: one bar per status, `<svg id="status-chart" …>`.
void draw_status_chart(markup& m, const plan_summary& s, language lang);

/// Draws one pace bar (share done against the share of time elapsed): `<svg class="pace-bar">`.
void draw_pace_bar(markup& m, const indicator& ind, const pace_assessment& a, double max_share,
                   language lang);

/// Draws the axis above the pace bars (0 % … max).
void draw_pace_axis(markup& m, double max_share, language lang);

/// The span a task timeline covers.
struct timeline_span {
  date first;  ///< first day on the axis
  date last;   ///< last day on the axis
};

/// The span of the tasks evaluated and the period given, whole months.
timeline_span timeline_of(const plan& p, const task_evaluation& e, const period& shown);

/// Draws the month axis of the timeline.
void draw_timeline_axis(markup& m, const timeline_span& span, const date& as_of, language lang);

/// Draws one task's bar: start to due, progress fill, overdue stretch, the as-of line.
void draw_task_bar(markup& m, const task& t, const task_assessment& a, const timeline_span& span,
                   const date& as_of, language lang);

/// Draws an area's progress against the time elapsed: `<svg class="progress-bar">`.
void draw_progress_bar(markup& m, const task_rollup& r, language lang);

/// Draws the states of an area's leaf tasks as one stacked bar: `<svg class="state-bar">`.
void draw_state_bar(markup& m, const task_counts& c, language lang);

}  // namespace planeval::detail
