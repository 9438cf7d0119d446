// The report's building blocks (private to the report layer): escaping and the HTML/SVG
// writer, and the geometry of the charts (numbers per language: tests/text/wording_test.cpp).
#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>

#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "report/charts.hpp"
#include "report/html_writer.hpp"
#include "report/model.hpp"

using namespace planeval;
using namespace planeval::detail;

// --- escaping and the writer ---------------------------------------------------------------

TEST(escape_html, escapes_markup_and_quotes) {
  EXPECT_EQ(escape_html("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(escape_html("&amp;"), "&amp;amp;");  // never trusted as an entity
  EXPECT_EQ(escape_html("完成值 12.6%"), "完成值 12.6%");
  EXPECT_EQ(escape_html("a\tb\nc\r"), "a\tb\nc\r");
}

TEST(escape_html, replaces_invalid_utf8_and_control_characters) {
  EXPECT_EQ(escape_html(std::string("a\xff"
                                    "b")),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(escape_html(std::string("\xE5\xAE")), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated 完
  EXPECT_EQ(escape_html(std::string("x\0y", 3)), "x\xEF\xBF\xBDy");
  EXPECT_EQ(escape_html("\x1b[31m"), "\xEF\xBF\xBD[31m");
  EXPECT_EQ(escape_html("\xC2\x85"), "\xEF\xBF\xBD");                              // C1 control NEL
  EXPECT_EQ(escape_html("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(markup, escapes_attributes_and_text_and_nests) {
  markup m;
  m.open("div", {{"class", "a\"b<c>"}, {"data-x", "1&2"}});
  m.text("<b>");
  m.element("span", {}, "x'y");
  m.leaf("rect", {{"x", svg_number(1.005)}});
  m.close();
  EXPECT_EQ(m.finish(),
            "<div class=\"a&quot;b&lt;c&gt;\" data-x=\"1&amp;2\">&lt;b&gt;<span>x&#39;y</span>"
            "<rect x=\"1\"/></div>\n");
}

TEST(markup, refuses_what_would_break_the_document) {
  markup m;
  EXPECT_THROW(m.close(), std::logic_error);
  EXPECT_THROW(m.open("di v"), std::logic_error);
  EXPECT_THROW(m.open("div", {{"on\"click", "x"}}), std::logic_error);
  EXPECT_THROW(m.leaf("span"), std::logic_error);  // <span/> would stay open in HTML
  EXPECT_THROW(m.leaf("div"), std::logic_error);
  m.open("p");
  EXPECT_THROW(m.finish(), std::logic_error);
  m.close();
  EXPECT_NO_THROW(m.finish());
}

TEST(svg_number, two_decimals_shortest_no_negative_zero) {
  EXPECT_EQ(svg_number(1.234), "1.23");
  EXPECT_EQ(svg_number(2.5), "2.5");
  EXPECT_EQ(svg_number(3), "3");
  EXPECT_EQ(svg_number(-0.001), "0");
  EXPECT_EQ(svg_number(-12.345678), "-12.35");
  EXPECT_EQ(svg_number(1e7), "10000000");
  EXPECT_EQ(svg_number(std::numeric_limits<double>::quiet_NaN()), "0");
  EXPECT_EQ(svg_number(std::numeric_limits<double>::infinity()), "0");
}

// --- bullet-chart geometry -----------------------------------------------------------------

namespace {

acceptance accept(op o, polarity pol, double x, double lo = 0, double hi = 0,
                  attribute attr = attribute::binding, tolerance_settings tol = {}) {
  return make_acceptance(o, false, pol, attr, tol, true, false, x, lo, hi);
}

bullet_spec spec_of(status st, std::optional<double> actual, const acceptance& a,
                    std::optional<double> baseline = std::nullopt) {
  bullet_spec s;
  s.status = st;
  s.actual = actual;
  s.accepted = a;
  s.baseline = baseline;
  return s;
}

const bullet_zone* zone(const bullet_geometry& g, std::string_view kind, std::size_t k = 0) {
  for (const auto& z : g.zones)
    if (z.kind == kind && k-- == 0) return &z;
  return nullptr;
}

}  // namespace

TEST(layout_bullet, higher_is_better_met_lies_right_of_the_target) {
  const auto g =
      layout_bullet(spec_of(status::met, 5.8, accept(op::reach, polarity::higher, 5), -1.96));
  ASSERT_EQ(g.target_x.size(), 1u);
  ASSERT_TRUE(g.actual_x && g.baseline_x);
  EXPECT_GT(*g.actual_x, g.target_x[0]);
  EXPECT_LT(*g.baseline_x, g.target_x[0]);
  const auto* meets = zone(g, "meets");
  ASSERT_NE(meets, nullptr);
  EXPECT_DOUBLE_EQ(meets->x0, g.target_x[0]);
  EXPECT_DOUBLE_EQ(meets->x1, g.x(g.hi)) << "an open-ended zone runs to the end of the axis";
  EXPECT_EQ(zone(g, "tolerance"), nullptr);
  ASSERT_TRUE(g.zero_x) << "baseline −1.96 and target 5: zero is on the axis";
  EXPECT_DOUBLE_EQ(g.bar_x0, *g.zero_x);
  EXPECT_GE(*g.actual_x, 0.0);
  EXPECT_LE(*g.actual_x, g.width);
}

TEST(layout_bullet, higher_is_better_not_met_lies_left_of_the_target) {
  const auto g =
      layout_bullet(spec_of(status::not_met, 2.1, accept(op::reach, polarity::higher, 3)));
  EXPECT_LT(*g.actual_x, g.target_x[0]);
  ASSERT_NE(zone(g, "meets"), nullptr);
  EXPECT_LT(*g.actual_x, zone(g, "meets")->x0);
  EXPECT_GT(g.lo, 0.0) << "2.1 and 3 are close: the axis does not start at zero";
  const auto far =
      layout_bullet(spec_of(status::not_met, 1.2, accept(op::reach, polarity::higher, 3)));
  EXPECT_DOUBLE_EQ(far.lo, 0.0) << "1.2 and 3: the axis starts at zero";
  EXPECT_DOUBLE_EQ(far.bar_x0, far.x(0));
}

TEST(layout_bullet, lower_is_better_met_lies_left_of_the_target) {
  const auto g =
      layout_bullet(spec_of(status::met, 5100, accept(op::reach, polarity::lower, 6000), 5565));
  EXPECT_LT(*g.actual_x, g.target_x[0]);
  const auto* meets = zone(g, "meets");
  ASSERT_NE(meets, nullptr);
  EXPECT_DOUBLE_EQ(meets->x0, g.x(g.lo)) << "lower is better: the zone runs to the left end";
  EXPECT_DOUBLE_EQ(meets->x1, g.target_x[0]);
  EXPECT_GT(g.lo, 0.0) << "values far from zero: the axis does not start at zero";
  EXPECT_FALSE(g.zero_x);
  EXPECT_DOUBLE_EQ(g.bar_x0, g.x(g.lo));
}

TEST(layout_bullet, lower_is_better_not_met_lies_right) {
  const auto g =
      layout_bullet(spec_of(status::not_met, 0.02, accept(op::at_most, polarity::lower, 0.015)));
  EXPECT_GT(*g.actual_x, g.target_x[0]);
  EXPECT_GT(*g.actual_x, zone(g, "meets")->x1);
}

TEST(layout_bullet, range_exceeded_beyond_the_better_end) {
  const auto g = layout_bullet(
      spec_of(status::exceeded, 12.6, accept(op::between, polarity::higher, 5, 5, 10)));
  // `between` is drawn with its two ends
  bullet_spec s = spec_of(status::exceeded, 12.6, accept(op::between, polarity::higher, 5, 5, 10));
  s.range_lo = 5;
  s.range_hi = 10;
  const auto r = layout_bullet(s);
  ASSERT_EQ(r.target_x.size(), 2u);
  EXPECT_LT(r.target_x[0], r.target_x[1]);
  const auto* meets = zone(r, "meets");
  const auto* exceeded = zone(r, "exceeded");
  ASSERT_TRUE(meets && exceeded);
  EXPECT_DOUBLE_EQ(meets->x0, r.target_x[0]);
  EXPECT_DOUBLE_EQ(meets->x1, r.target_x[1]);
  EXPECT_DOUBLE_EQ(exceeded->x0, r.target_x[1]);
  EXPECT_GT(*r.actual_x, exceeded->x0);
  EXPECT_EQ(g.target_x.size(), 1u) << "without the range ends only the required end";
}

TEST(layout_bullet, range_with_lower_polarity_exceeds_to_the_left) {
  bullet_spec s = spec_of(status::exceeded, 2, accept(op::between, polarity::lower, 0, 3, 5));
  s.range_lo = 3;
  s.range_hi = 5;
  const auto g = layout_bullet(s);
  const auto* exceeded = zone(g, "exceeded");
  ASSERT_NE(exceeded, nullptr);
  EXPECT_DOUBLE_EQ(exceeded->x1, g.target_x[0]);
  EXPECT_LT(*g.actual_x, g.target_x[0]);
}

TEST(layout_bullet, about_shows_the_tolerance_band_below_a_higher_target) {
  const auto g = layout_bullet(spec_of(status::met, 2.7, accept(op::about, polarity::higher, 3)));
  const auto* tol = zone(g, "tolerance");
  ASSERT_NE(tol, nullptr);
  EXPECT_DOUBLE_EQ(tol->v0, 2.5);
  EXPECT_DOUBLE_EQ(tol->v1, 3);
  EXPECT_GT(*g.actual_x, tol->x0);
  EXPECT_LT(*g.actual_x, tol->x1);
}

TEST(layout_bullet, about_a_ceiling_when_lower_is_better_and_both_sides_for_a_band) {
  const auto lower =
      layout_bullet(spec_of(status::met, 3.2, accept(op::about, polarity::lower, 3)));
  const auto* tol = zone(lower, "tolerance");
  ASSERT_NE(tol, nullptr);
  EXPECT_DOUBLE_EQ(tol->v0, 3);
  EXPECT_DOUBLE_EQ(tol->v1, 3.5);
  const auto band =
      layout_bullet(spec_of(status::not_met, 4, accept(op::about, polarity::band, 3)));
  ASSERT_NE(zone(band, "tolerance", 0), nullptr);
  ASSERT_NE(zone(band, "tolerance", 1), nullptr);
  EXPECT_EQ(zone(band, "meets"), nullptr) << "the exact target is a point: its tick";
  EXPECT_LT(zone(band, "tolerance", 0)->x1, zone(band, "tolerance", 1)->x1);
  EXPECT_GT(*band.actual_x, zone(band, "tolerance", 1)->x1);
}

TEST(layout_bullet, anticipatory_grace_is_a_tolerance_band) {
  tolerance_settings tol;
  tol.anticipatory_points = 0.5;
  const auto g = layout_bullet(
      spec_of(status::met, 4.6,
              accept(op::reach, polarity::higher, 5, 0, 0, attribute::anticipatory, tol)));
  const auto* grace = zone(g, "tolerance");
  ASSERT_NE(grace, nullptr);
  EXPECT_DOUBLE_EQ(grace->v0, 4.5);
  EXPECT_DOUBLE_EQ(grace->v1, 5);
}

TEST(layout_bullet, an_open_bound_gets_room_for_its_arrow) {
  bullet_spec s = spec_of(status::undetermined, 98.5, accept(op::reach, polarity::higher, 99));
  s.actual_open = 1;
  const auto g = layout_bullet(s);
  EXPECT_EQ(g.actual_open, 1);
  EXPECT_GT(g.hi, 98.5 + (g.hi - g.lo) * 0.1);
  EXPECT_LT(*g.actual_x, g.target_x[0]);
}

TEST(layout_bullet, no_value_and_nothing_at_all) {
  const auto g = layout_bullet(
      spec_of(status::no_data, std::nullopt, accept(op::between, polarity::higher, 2, 2, 3)));
  EXPECT_FALSE(g.actual_x);
  EXPECT_EQ(g.target_x.size(), 1u);
  EXPECT_FALSE(g.empty());
  bullet_spec none;
  none.status = status::needs_judgment;
  EXPECT_TRUE(layout_bullet(none).empty());
}

TEST(layout_bullet, negative_values_and_all_inside_the_chart) {
  const auto g =
      layout_bullet(spec_of(status::not_met, -9, accept(op::reach, polarity::higher, 5), -9.5));
  ASSERT_TRUE(g.zero_x);
  EXPECT_LT(*g.actual_x, *g.zero_x);
  EXPECT_DOUBLE_EQ(g.bar_x0, *g.zero_x);
  for (const double x : {*g.actual_x, *g.baseline_x, g.target_x[0]}) {
    EXPECT_GE(x, 0.0);
    EXPECT_LE(x, g.width);
  }
}

// Every row of the example: the actual lies where its status says.
TEST(layout_bullet, every_row_of_the_example_agrees_with_its_status) {
  const std::string d = PLANEVAL_EXAMPLE_DATA "/changning-2021/";
  report_input in;
  in.plan = load_plan(d + "plan.json");
  in.actuals = load_actuals(d + "actuals-illustrative.csv", &in.plan);
  in.references = load_references(d + "references-illustrative.csv", &in.plan);
  const report_data data = build_report_data(in);
  ASSERT_EQ(data.rows.size(), 25u);
  std::size_t checked = 0;
  for (const auto& row : data.rows) {
    const bullet_spec s = bullet_of(in.plan, row);
    const bullet_geometry g = layout_bullet(s);
    if (!s.accepted || !s.actual || s.actual_open != 0) continue;
    const double v = *s.actual;
    auto in_zone = [&](std::string_view kind) {
      for (const auto& z : g.zones)
        if (z.kind == kind && v >= z.v0 - 1e-9 && v <= z.v1 + 1e-9) return true;
      return false;
    };
    const auto& a = *row.a;
    SCOPED_TRACE(row.ind->id + " " + to_string(a.status));
    switch (a.status) {
      case status::met:
        if (a.within_tolerance)
          EXPECT_TRUE(in_zone("tolerance"));
        else
          EXPECT_TRUE(in_zone("meets"));
        break;
      case status::exceeded: EXPECT_TRUE(in_zone("exceeded")); break;
      case status::not_met:
        EXPECT_FALSE(in_zone("meets") || in_zone("tolerance") || in_zone("exceeded"));
        break;
      default: break;
    }
    ++checked;
  }
  EXPECT_GE(checked, 15u);
}

// --- drawing -------------------------------------------------------------------------------

namespace {
// Each opening of `<tag class="cls…"` is followed by its <title>.
void expect_titled(const std::string& svg, const std::string& opening) {
  std::size_t n = 0;
  for (auto pos = svg.find(opening); pos != std::string::npos; pos = svg.find(opening, pos + 1)) {
    const auto end = svg.find('>', pos);
    ASSERT_NE(end, std::string::npos);
    EXPECT_NE(svg[end - 1], '/') << opening << " has no title";
    EXPECT_EQ(svg.compare(end + 1, 7, "<title>"), 0) << opening << " at " << pos;
    ++n;
  }
  EXPECT_GT(n, 0u) << opening;
}
}  // namespace

TEST(draw, every_mark_has_a_title) {
  const std::string d = PLANEVAL_EXAMPLE_DATA "/changning-2021/";
  report_input in;
  in.plan = load_plan(d + "plan.json");
  in.actuals = load_actuals(d + "actuals-illustrative.csv", &in.plan);
  in.references = load_references(d + "references-illustrative.csv", &in.plan);
  in.lang = language::en;
  const report_data data = build_report_data(in);
  markup m;
  for (const auto& row : data.rows) draw_bullet(m, in.plan, row, language::en);
  draw_status_chart(m, data.summary, language::en);
  const std::string svg = m.finish();
  for (const char* opening :
       {"<rect class=\"zone", "<rect class=\"target-tick\"", "<rect class=\"actual-bar\"",
        "class=\"marker\"", "<rect class=\"bar\"", "<svg class=\"bullet"})
    expect_titled(svg, opening);
  // the status is shown by shape, not only colour: met circles, not-met crosses
  EXPECT_NE(svg.find("<circle class=\"marker\""), std::string::npos);
  EXPECT_NE(svg.find("<path class=\"marker\""), std::string::npos);
}

TEST(style_of, statuses_differ_in_shape_as_well_as_colour) {
  for (int a = 0; a < status_count; ++a)
    for (int b = a + 1; b < status_count; ++b) {
      const auto sa = style_of(static_cast<status>(a));
      const auto sb = style_of(static_cast<status>(b));
      EXPECT_FALSE(sa.form == sb.form) << a << " " << b;
    }
  EXPECT_EQ(style_of(status::met).colour, "#009E73");
  EXPECT_EQ(style_of(status::not_met).colour, "#D55E00");
}
