// Trend toward a target (SDG progress method): worked examples with the derivation in comments.
#include "planeval/analytics/trend.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "planeval/analytics/projection.hpp"
#include "planeval/core/error.hpp"
#include "support/plan_fixture.hpp"

using namespace planeval;
using planeval::test::plan_fixture;

namespace {

std::vector<annual_point> two(double base, double current) {
  return {{2020, base}, {2021, current}};
}

// Required growth of 10 % a year for ten years: higher is better: target 100·1.1¹⁰ =
// 259.37424601 in 2030; lower is better: 100·0.9¹⁰ = 34.86784401 (−10 % a year).
// Over one year (2020 → 2021) the observed CAGR is simply current/100 − 1, so
// R = s·d·CAGRₒ/|CAGRᵣ| = (current − 100)/100 / 0.1 for higher and (100 − current)/100 / 0.1
// for lower: current 109.6 gives R = 0.96, 109.4 → 0.94, 106.1 → 0.61, 105.9 → 0.59,
// 100.1 → 0.01, 99.9 → −0.01.
trend_result up(double current) {
  return assess_trend(two(100, current), trend_target{259.37424601, 2030, measure_kind::level},
                      polarity::higher);
}
trend_result down(double current) {
  return assess_trend(two(100, current), trend_target{34.86784401, 2030, measure_kind::level},
                      polarity::lower);
}

}  // namespace

TEST(trend_ratio, thresholds_for_higher_is_better) {
  EXPECT_NEAR(*up(109.6).required_cagr, 0.1, 1e-9);
  EXPECT_NEAR(*up(109.6).observed_cagr, 0.096, 1e-12);
  EXPECT_NEAR(*up(109.6).ratio, 0.96, 1e-8);
  EXPECT_EQ(up(109.6).status, trend_status::on_track);
  EXPECT_NEAR(*up(109.4).ratio, 0.94, 1e-8);
  EXPECT_EQ(up(109.4).status, trend_status::acceleration_needed);
  EXPECT_EQ(up(106.1).status, trend_status::acceleration_needed);
  EXPECT_EQ(up(105.9).status, trend_status::limited_progress);
  EXPECT_EQ(up(100.1).status, trend_status::limited_progress);
  EXPECT_NEAR(*up(99.9).ratio, -0.01, 1e-8);
  EXPECT_EQ(up(99.9).status, trend_status::deterioration);
  EXPECT_EQ(up(300).status, trend_status::achieved);
}

TEST(trend_ratio, thresholds_for_lower_is_better) {
  EXPECT_NEAR(*down(90.4).required_cagr, -0.1, 1e-9);
  EXPECT_NEAR(*down(90.4).ratio, 0.96, 1e-8);
  EXPECT_EQ(down(90.4).status, trend_status::on_track);
  EXPECT_NEAR(*down(90.6).ratio, 0.94, 1e-8);
  EXPECT_EQ(down(90.6).status, trend_status::acceleration_needed);
  EXPECT_EQ(down(93.9).status, trend_status::acceleration_needed);  // R = 0.61
  EXPECT_EQ(down(94.1).status, trend_status::limited_progress);     // R = 0.59
  EXPECT_EQ(down(99.9).status, trend_status::limited_progress);     // R = 0.01
  EXPECT_EQ(down(100.1).status, trend_status::deterioration);       // R = −0.01
  EXPECT_EQ(down(30).status, trend_status::achieved);
}

TEST(trend_ratio, multi_year_cagr_and_reason) {
  // 2015: 100, 2020: 127.62815625 = 100·1.05⁵ → CAGR 5 %; target 200 by 2025 needs
  // 2^(1/10) − 1 = 7.1773 % a year; R = 0.05/0.071773 = 0.6966 → acceleration needed
  const std::vector<annual_point> s{{2015, 100}, {2017, 110}, {2020, 127.62815625}};
  const auto r = assess_trend(s, trend_target{200, 2025, measure_kind::level}, polarity::higher);
  EXPECT_EQ(r.base_year, 2015);
  EXPECT_EQ(r.current_year, 2020);
  EXPECT_NEAR(*r.observed_cagr, 0.05, 1e-9);
  EXPECT_NEAR(*r.required_cagr, std::pow(2.0, 0.1) - 1.0, 1e-12);
  EXPECT_NEAR(*r.ratio, 0.05 / (std::pow(2.0, 0.1) - 1.0), 1e-9);
  EXPECT_EQ(r.status, trend_status::acceleration_needed);
  EXPECT_NE(r.reason_zh.find("2015—2020年年均增长5%"), std::string::npos) << r.reason_zh;
  EXPECT_NE(r.reason_zh.find("需年均增长7.18%"), std::string::npos) << r.reason_zh;
  EXPECT_NE(r.reason_en.find("R = 0.697"), std::string::npos) << r.reason_en;
  // a base year without a value moves to the next year that has one (2016 → 2017)
  trend_options o;
  o.base_year = 2016;
  EXPECT_EQ(
      assess_trend(s, trend_target{200, 2025, measure_kind::level}, polarity::higher, o).base_year,
      2017);
}

TEST(trend_ratio, growth_targets_are_the_required_cagr) {
  // 年均增长7%: 100 → 105 in a year is 5 %, R = 5/7 = 0.714 → acceleration needed
  const auto r =
      assess_trend(two(100, 105), trend_target{7, 2025, measure_kind::growth}, polarity::higher);
  EXPECT_NEAR(*r.required_cagr, 0.07, 1e-12);
  EXPECT_NEAR(*r.ratio, 5.0 / 7.0, 1e-9);
  EXPECT_EQ(r.status, trend_status::acceleration_needed);
}

TEST(trend_ratio, negative_values_flip_the_sign) {
  // −100 → −90 is progress when higher is better: CAGR (−90/−100) − 1 = −10 %, s = −1 → +0.1
  const auto r = assess_trend(two(-100, -90), std::nullopt, polarity::higher);
  EXPECT_NEAR(*r.progress, 0.1, 1e-12);
  EXPECT_EQ(r.status, trend_status::substantial_progress);
}

TEST(trend_checks, input_problems_are_statuses) {
  const trend_target t{200, 2025, measure_kind::level};
  EXPECT_EQ(assess_trend({{2020, 100}}, t, polarity::higher).status,
            trend_status::insufficient_data);
  EXPECT_EQ(assess_trend({}, t, polarity::higher).status, trend_status::insufficient_data);
  const auto d = assess_trend({{2019, 1}, {2020, 2}, {2020, 3}}, t, polarity::higher);
  EXPECT_EQ(d.status, trend_status::duplicate_periods);
  EXPECT_NE(d.reason_zh.find("2020年有两个数值"), std::string::npos);
  EXPECT_EQ(assess_trend(two(-5, 3), t, polarity::higher).status, trend_status::sign_change);
  EXPECT_EQ(assess_trend(two(0, 3), t, polarity::higher).status, trend_status::zero_value);
  EXPECT_EQ(
      assess_trend(two(5, 6), trend_target{-1, 2025, measure_kind::level}, polarity::lower).status,
      trend_status::sign_change);
  // one point that already meets the target is achieved: that is a level, not a trend
  EXPECT_EQ(assess_trend({{2020, 300}}, t, polarity::higher).status, trend_status::achieved);
}

// No target: thresholds 1.5 % and 0.5 % a year (open-sdg), in the better direction.
TEST(trend_no_target, growth_thresholds) {
  EXPECT_EQ(assess_trend(two(100, 101.6), std::nullopt, polarity::higher).status,
            trend_status::substantial_progress);
  EXPECT_EQ(assess_trend(two(100, 101.4), std::nullopt, polarity::higher).status,
            trend_status::moderate_progress);
  EXPECT_EQ(assess_trend(two(100, 100.4), std::nullopt, polarity::higher).status,
            trend_status::limited_progress);
  EXPECT_EQ(assess_trend(two(100, 99.9), std::nullopt, polarity::higher).status,
            trend_status::deterioration);
  EXPECT_EQ(assess_trend(two(100, 98), std::nullopt, polarity::lower).status,
            trend_status::substantial_progress);
  EXPECT_EQ(assess_trend(two(100, 101), std::nullopt, polarity::band).status,
            trend_status::not_applicable);
}

// Damping near a natural limit L = 100 with a = 4.44:
// base 90: c = 1 − 0.9^4.44 = 1 − e^(4.44·ln 0.9) = 1 − e^(−0.467797) = 1 − 0.626378 = 0.373622
// base 99: c = 1 − 0.99^4.44 = 1 − e^(−0.044623) = 0.043643
// base 110 (beyond L, below 2L): c = 1 − ((200 − 110)/100)^4.44 = same as 90
// base 100: c = 0; base ≥ 200: c = 1.
TEST(trend_no_target, damping_near_and_beyond_the_limit) {
  EXPECT_NEAR(limit_damping(90, 100), 0.37362164501282824, 1e-12);
  EXPECT_NEAR(limit_damping(99, 100), 0.04364250892314536, 1e-12);
  EXPECT_NEAR(limit_damping(110, 100), 0.37362164501282824, 1e-12);
  EXPECT_NEAR(limit_damping(100, 100), 0.0, 1e-15);
  EXPECT_NEAR(limit_damping(200, 100), 1.0, 1e-15);
  EXPECT_NEAR(limit_damping(250, 100), 1.0, 1e-15);
  EXPECT_NEAR(limit_damping(0, 100), 1.0, 1e-15);
  // a natural limit of 0 is a floor: the method gives no damping there (issue 17)
  EXPECT_EQ(limit_damping(1, 0), 1.0);
  EXPECT_EQ(limit_damping(0, 0), 1.0);
  EXPECT_THROW(limit_damping(1, std::nan("")), error);

  // 90 → 90.9 is 1 % growth: moderate undamped, substantial with the limit (1 % ≥ 1.5 %·c =
  // 0.5604 %)
  EXPECT_EQ(assess_trend(two(90, 90.9), std::nullopt, polarity::higher).status,
            trend_status::moderate_progress);
  trend_options o;
  o.limit = 100;
  const auto r = assess_trend(two(90, 90.9), std::nullopt, polarity::higher, o);
  EXPECT_NEAR(*r.damping, 0.37362164501282824, 1e-12);
  EXPECT_EQ(r.status, trend_status::substantial_progress);
  // at the limit any non-negative growth is substantial
  EXPECT_EQ(assess_trend(two(100, 100), std::nullopt, polarity::higher, o).status,
            trend_status::substantial_progress);
  // the limit is ignored when there is a target (open-sdg)
  const auto t =
      assess_trend(two(90, 90.9), trend_target{99, 2030, measure_kind::level}, polarity::higher, o);
  EXPECT_FALSE(t.damping);
}

// Change rates (GDP growth 6.0 … 7.6 in 2016…2020): least-squares slope with x centred on
// 2018: Σxy = −2·6 − 6.5 + 0 + 7.2 + 2·7.6 = 3.9, Σx² = 10 → 0.39 points a year. Reaching 8
// by 2025 from 6.0 in 2016 needs 2/9 = 0.2222 points a year → R = 1.755 → on track.
TEST(trend_growth_rates, judged_on_level_and_slope_never_cagr) {
  const std::vector<annual_point> s{
      {2016, 6.0}, {2017, 6.5}, {2018, 6.9}, {2019, 7.2}, {2020, 7.6}};
  trend_options o;
  o.kind = series_kind::growth_rate;
  const auto r = assess_trend(s, trend_target{8, 2025, measure_kind::level}, polarity::higher, o);
  EXPECT_FALSE(r.observed_cagr);
  EXPECT_NEAR(*r.slope, 0.39, 1e-12);
  EXPECT_NEAR(*r.required_slope, 2.0 / 9.0, 1e-12);
  EXPECT_NEAR(*r.ratio, 0.39 * 9.0 / 2.0, 1e-9);
  EXPECT_EQ(r.status, trend_status::on_track);
  // a sign change is no problem for rates: −5 → 3 is a rising level
  const auto g =
      assess_trend(two(-5, 3), trend_target{8, 2025, measure_kind::level}, polarity::higher, o);
  EXPECT_EQ(g.status, trend_status::on_track);  // slope 8 vs required 13/5 = 2.6 a year
  // no target: slope thresholds 0.5 and 0.1 points a year
  EXPECT_EQ(assess_trend(s, std::nullopt, polarity::higher, o).status,
            trend_status::moderate_progress);
  EXPECT_EQ(assess_trend(s, std::nullopt, polarity::lower, o).status, trend_status::deterioration);
  EXPECT_EQ(assess_trend(s, trend_target{7, 2025, measure_kind::level}, polarity::higher, o).status,
            trend_status::achieved);
}

TEST(trend_plan, targets_series_and_projection_from_a_plan) {
  plan_fixture f;
  auto& gdp = f.add("gdp_growth", "%", "8");
  gdp.name_zh = "全区生产总值增速";
  gdp.kind = indicator_kind::rate;
  f.add("sales", "亿元", "年均增长7%");
  f.add("quality", "", "达到发达国家先进水平");
  f.p.find("sales")->targets.front().period = period::span(2021, 2025);
  for (const auto& [y, v] : std::vector<std::pair<const char*, const char*>>{
           {"2016", "6.0"}, {"2017", "6.5"}, {"2018", "6.9"}, {"2019", "7.2"}, {"2020", "7.6"}})
    f.actual("gdp_growth", y, v);
  f.actual("sales", "2019", "100");
  f.actual("sales", "2020", "105");
  const auto all = assess_trends(f.p, f.actuals, f.refs);
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0].trend.kind, series_kind::growth_rate);  // inferred from 增速
  EXPECT_EQ(all[0].series.size(), 5U);
  EXPECT_EQ(all[0].trend.status, trend_status::on_track);  // slope 0.39 vs (8 − 6)/5 = 0.4 → 0.975
  ASSERT_TRUE(all[0].projection);
  EXPECT_EQ(all[0].projection->year, 2021);
  EXPECT_EQ(all[1].trend.kind, series_kind::level);
  EXPECT_NEAR(*all[1].trend.required_cagr, 0.07, 1e-12);
  EXPECT_NEAR(*all[1].trend.ratio, 0.05 / 0.07, 1e-9);
  ASSERT_TRUE(all[1].projection);
  EXPECT_EQ(all[1].projection->year, 2025);
  EXPECT_NEAR(*all[1].projection->target, 105 * std::pow(1.07, 5), 1e-9);  // from 2020's 105
  EXPECT_EQ(all[2].trend.status, trend_status::insufficient_data);
  EXPECT_NE(all[2].trend.reason_zh.find("没有可对照的数值"), std::string::npos);
  EXPECT_FALSE(all[2].projection);
}

TEST(trend_names, stable_names) {
  EXPECT_EQ(from_string<trend_status>("acceleration_needed"), trend_status::acceleration_needed);
  EXPECT_STREQ(to_string(trend_status::on_track), "on_track");
  EXPECT_STREQ(status_label(trend_status::deterioration, language::zh), "出现倒退");
}

// One indicator's bad option gives that indicator a status and never aborts the others; a
// limit of 0 is a floor (issue 17: `--limit x=0` aborted the whole command).
TEST(trend_plan, option_problems_are_per_indicator_statuses) {
  plan_fixture f;
  f.add("deaths", "人", "");
  f.add("sales", "亿元", "");
  for (const auto& [y, v] : std::vector<std::pair<const char*, const char*>>{
           {"2018", "10"}, {"2019", "9"}, {"2020", "8"}}) {
    f.actual("deaths", y, v);
    f.actual("sales", y, v);
  }
  f.p.find("deaths")->polarity = polarity::lower;
  plan_trend_options opt;
  opt.limits["deaths"] = 0.0;
  opt.limits["sales"] = std::nan("");
  const auto all = assess_trends(f.p, f.actuals, f.refs, opt);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].trend.status, trend_status::substantial_progress) << all[0].trend.reason_en;
  ASSERT_TRUE(all[0].trend.damping);
  EXPECT_EQ(*all[0].trend.damping, 1.0);
  EXPECT_NE(all[0].trend.reason_en.find("floor"), std::string::npos) << all[0].trend.reason_en;
  EXPECT_EQ(all[1].trend.status, trend_status::not_applicable);
  EXPECT_NE(all[1].trend.reason_en.find("an option cannot be used"), std::string::npos)
      << all[1].trend.reason_en;
}

// A base year after the latest data is not judged from the data before it; a target year
// already past gets no projection verdict.
TEST(trend_plan, base_year_after_the_data_and_past_target_years) {
  plan_fixture f;
  f.add("sales", "亿元", "120");  // a 2021 target
  f.add("old", "亿元", "120", accumulation::stock, polarity::higher, attribute::anticipatory, 2019);
  for (const auto& [y, v] : std::vector<std::pair<const char*, const char*>>{
           {"2018", "100"}, {"2019", "104"}, {"2020", "108"}}) {
    f.actual("sales", y, v);
    f.actual("old", y, v);
  }
  plan_trend_options late;
  late.trend.base_year = 2021;
  auto all = assess_trends(f.p, f.actuals, f.refs, late);
  EXPECT_EQ(all[0].trend.status, trend_status::insufficient_data);
  EXPECT_NE(all[0].trend.reason_en.find("comes after the latest data"), std::string::npos)
      << all[0].trend.reason_en;
  EXPECT_FALSE(all[0].projection);

  all = assess_trends(f.p, f.actuals, f.refs);
  EXPECT_TRUE(all[0].projection);   // 2021 is ahead of the 2020 data
  EXPECT_FALSE(all[1].projection);  // 2019 is past: the trend status says what happened
}

// Within rounding of the target is reaching it (issue 17: 99.99999999999997 against 100 said
// "accelerate").
TEST(trend_projection, rounding_noise_reaches_the_target) {
  const std::vector<annual_point> s{{2018, 99.7}, {2019, 99.8}, {2020, 99.9}};
  const auto p = project(s, 2021, 100.0, polarity::higher, {});
  ASSERT_TRUE(p.projected);
  EXPECT_NEAR(*p.projected, 100.0, 1e-9);
  EXPECT_EQ(p.verdict, projection_verdict::maintain) << p.reason_en;
}
