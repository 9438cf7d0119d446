// Pace within a period (时序进度): worked examples computed by hand in the comments.
#include "planeval/analytics/pace.hpp"

#include <gtest/gtest.h>

#include "planeval/core/error.hpp"
#include "support/plan_fixture.hpp"

using namespace planeval;
using planeval::test::plan_fixture;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

pace_assessment run(plan_fixture& f, const char* id, const pace_options& opt = {}) {
  const indicator& ind = *f.p.find(id);
  return assess_pace(f.p, ind, ind.targets.front(), f.actuals, f.refs, opt);
}

}  // namespace

// The report sentence: a flow target of 100 (万平方米 newly started), January 5.2 and February
// 7.65 → 12.85 done year to date = 12.85 % of the target. Two whole months of twelve have
// elapsed: 2/12 = 16.666… % → 16.67 %. Gap 12.85 − 16.67 = −3.82 points. An anticipatory
// indicator with the default ±2 points tolerance is therefore behind.
TEST(pace_flow, the_12_85_against_16_67_example) {
  plan_fixture f;
  f.add("estates", "万平方米", "新开工100", accumulation::flow);
  f.actual("estates", "2021-01", "新开工5.2");
  f.actual("estates", "2021-02", "新开工7.65");
  const auto a = run(f, "estates");
  EXPECT_EQ(a.status, pace_status::behind);
  EXPECT_EQ(a.method, pace_method::flow_share);
  ASSERT_TRUE(a.as_of);
  EXPECT_EQ(*a.as_of, parse_date("2021-02-28"));  // the end of the latest month observed
  EXPECT_EQ(*a.latest, period::month(2021, 2));
  EXPECT_NEAR(*a.actual, 12.85, 1e-12);
  EXPECT_NEAR(*a.target_value, 100, 1e-12);
  EXPECT_NEAR(*a.done_share, 0.1285, 1e-12);
  EXPECT_NEAR(a.expected_share, 2.0 / 12.0, 1e-15);
  EXPECT_NEAR(*a.gap_points, -3.82, 1e-9);
  EXPECT_TRUE(has(a.reason_zh, "完成年度计划12.85%,低于时序进度(16.67%)3.82个百分点"))
      << a.reason_zh;
  EXPECT_TRUE(has(a.reason_zh, "1—2月累计完成12.85万平方米")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_zh, "进度滞后")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_en,
                  "12.85% of the annual target, 3.82 percentage points below the "
                  "elapsed-time share (16.67%); behind schedule"))
      << a.reason_en;
}

TEST(pace_flow, cumulative_values_stand_for_the_months_before) {
  // February reported as 累计 (year to date): January is not needed
  plan_fixture f;
  f.add("estates", "万平方米", "新开工100", accumulation::flow);
  f.actual("estates", "2021-02", "累计新开工12.85");
  auto a = run(f, "estates");
  EXPECT_EQ(a.status, pace_status::behind);
  EXPECT_NEAR(*a.actual, 12.85, 1e-12);

  // the whole file is cumulative: January 5.2 and February 12.85 year to date → 12.85, not 18.05
  plan_fixture g;
  g.add("estates", "万平方米", "新开工100", accumulation::flow);
  g.actual("estates", "2021-01", "5.2");
  g.actual("estates", "2021-02", "12.85");
  pace_options opt;
  opt.values = ytd_values::cumulative;
  EXPECT_NEAR(*run(g, "estates", opt).actual, 12.85, 1e-12);
  opt.values = ytd_values::per_period;
  EXPECT_NEAR(*run(g, "estates", opt).actual, 18.05, 1e-12);
}

TEST(pace_flow, a_gap_in_the_months_is_no_data) {
  plan_fixture f;
  f.add("estates", "万平方米", "新开工100", accumulation::flow);
  f.actual("estates", "2021-02", "新开工7.65");
  const auto a = run(f, "estates");
  EXPECT_EQ(a.status, pace_status::no_data);
  EXPECT_TRUE(has(a.reason_zh, "缺少2021年1月数值")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_en, "no value for 2021-01")) << a.reason_en;
}

TEST(pace_flow, days_basis_and_an_explicit_as_of_date) {
  plan_fixture f;
  f.add("estates", "万平方米", "新开工100", accumulation::flow);
  f.actual("estates", "2021-01", "5.2");
  f.actual("estates", "2021-02", "7.65");
  f.actual("estates", "2021-03", "9");
  pace_options opt;
  opt.as_of = parse_date("2021-02-28");  // March has not ended: it does not count
  opt.basis = elapsed_basis::days;
  const auto a = run(f, "estates", opt);
  // 31 + 28 = 59 days of 365: 16.164… % → 16.16 %; gap 12.85 − 16.16 = −3.31
  EXPECT_NEAR(a.expected_share, 59.0 / 365.0, 1e-15);
  EXPECT_NEAR(*a.actual, 12.85, 1e-12);
  EXPECT_NEAR(*a.gap_points, -3.31, 1e-9);
  EXPECT_TRUE(has(a.reason_zh, "低于时序进度(16.16%)3.31个百分点")) << a.reason_zh;
}

TEST(pace_flow, quarters_and_a_growth_target_turned_into_a_level) {
  // target growth 8 % on 2020's 100 → 108 for 2021; Q1 27/108 = 25 % exactly, and one quarter
  // of four has elapsed = 25 %: level with the elapsed share.
  plan_fixture f;
  f.add("sales", "亿元", "增长8%", accumulation::flow);
  f.actual("sales", "2020", "100");
  f.actual("sales", "2021-Q1", "27");
  const auto a = run(f, "sales");
  EXPECT_EQ(a.method, pace_method::flow_share);
  EXPECT_NEAR(*a.target_value, 108, 1e-12);
  EXPECT_NEAR(*a.done_share, 0.25, 1e-12);
  EXPECT_NEAR(*a.gap_points, 0.0, 1e-12);
  EXPECT_EQ(a.status, pace_status::in_line);
  EXPECT_TRUE(has(a.reason_zh, "一季度累计完成27亿元,完成年度计划25%,与时序进度(25%)持平"))
      << a.reason_zh;
  EXPECT_TRUE(has(a.reason_en, "level with the elapsed-time share (25%)")) << a.reason_en;
}

TEST(pace_flow, a_ceiling_is_ahead_when_less_is_used) {
  // at most 50 a year, lower is better; 30 used by June = 60 % of the ceiling against 50 % of
  // the year: 10 points more than the time elapsed → behind
  plan_fixture f;
  f.add("land", "公顷", "50以内", accumulation::flow, polarity::lower);
  f.actual("land", "2021-06", "累计30");
  const auto a = run(f, "land");
  EXPECT_EQ(a.status, pace_status::behind);
  EXPECT_NEAR(*a.gap_points, -10.0, 1e-9);
  EXPECT_TRUE(has(a.reason_zh, "占年度控制目标的60%,高于时序进度(50%)10个百分点")) << a.reason_zh;
}

// A stock: 326 enterprises at the end of 2020, 370 targeted for 2021, 345 by May.
// Share of the way: (345 − 326) / (370 − 326) = 19/44 = 43.1818… % → 43.18 %;
// elapsed 5/12 = 41.666… % → 41.67 %; gap +1.51 points.
TEST(pace_path, stock_against_the_path_from_the_baseline) {
  plan_fixture f;
  f.add("hitech", "家", "370");
  f.baseline("hitech", "2020", "326");
  f.actual("hitech", "2021-05", "345");
  auto a = run(f, "hitech");
  EXPECT_EQ(a.method, pace_method::path_share);
  EXPECT_NEAR(*a.baseline, 326, 1e-12);
  EXPECT_NEAR(*a.done_share, 19.0 / 44.0, 1e-15);
  EXPECT_NEAR(*a.gap_points, 1.51, 1e-9);
  EXPECT_EQ(a.status, pace_status::in_line);  // within ±2 points
  EXPECT_TRUE(has(a.reason_zh, "推进43.18%,高于时序进度(41.67%)1.51个百分点")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_zh, "容差内")) << a.reason_zh;
  pace_options tight;
  tight.tolerance_points = 1.0;
  EXPECT_EQ(run(f, "hitech", tight).status, pace_status::ahead);
}

TEST(pace_path, share_with_lower_is_better_and_a_flat_target) {
  // unemployed persons: 5565 → at most 5000; by June 5300: (5300 − 5565)/(5000 − 5565) =
  // 265/565 = 46.90 %; elapsed 50 % → gap −3.10 → behind
  plan_fixture f;
  f.add("unemployed", "人", "5000", accumulation::stock, polarity::lower);
  f.baseline("unemployed", "2020", "5565");
  f.actual("unemployed", "2021-06", "5300");
  const auto a = run(f, "unemployed");
  EXPECT_NEAR(*a.done_share, 265.0 / 565.0, 1e-15);
  EXPECT_NEAR(*a.gap_points, 46.90 - 50.0, 1e-9);
  EXPECT_EQ(a.status, pace_status::behind);

  // a target equal to the baseline: holding the level is on schedule (the path method, asked
  // for with --level: a share is otherwise compared on its level)
  plan_fixture g;
  g.add("share", "%", "99");
  g.baseline("share", "2020", "99");
  g.actual("share", "2021-06", "99.2");
  pace_options as_level;
  as_level.series["share"] = series_kind::level;
  EXPECT_EQ(run(g, "share", as_level).status, pace_status::in_line);
  EXPECT_EQ(run(g, "share", as_level).method, pace_method::path_share);
  g.actuals.put(plan_fixture::make("share", "2021-06", "98.5"));
  EXPECT_EQ(run(g, "share", as_level).status, pace_status::behind);
}

// A rate or share in % is compared on its level by default (issue 17: 优良天数比率 88.1 against
// 90%以上 with baseline 87.4 read "48.08 points behind the time share"): 1.9 points below, within
// the default tolerance of 2 points.
TEST(pace_level, shares_are_compared_on_their_level) {
  plan_fixture f;
  auto& ind = f.add("good_air_days", "%", "90%以上");
  ind.name_zh = "空气质量优良天数比率";
  ind.kind = indicator_kind::rate;
  f.baseline("good_air_days", "2020", "87.4");
  f.actual("good_air_days", "2021-09", "88.1");
  const auto a = run(f, "good_air_days");
  EXPECT_EQ(a.method, pace_method::level);
  ASSERT_TRUE(a.gap_points);
  EXPECT_NEAR(*a.gap_points, -1.9, 1e-9);
  EXPECT_EQ(a.status, pace_status::in_line);
  pace_options tight;
  tight.tolerance_points = 1.0;
  EXPECT_EQ(run(f, "good_air_days", tight).status, pace_status::behind);
  EXPECT_TRUE(has(a.reason_zh, "低于年度目标(90%)1.9个百分点(按水平比较)")) << a.reason_zh;
  EXPECT_TRUE(has(a.reason_en,
                  "1.9 percentage points below the annual target (90%) (compared on "
                  "its level)"))
      << a.reason_en;
  // the way from the baseline when asked for
  pace_options as_level;
  as_level.series["good_air_days"] = series_kind::level;
  EXPECT_EQ(run(f, "good_air_days", as_level).method, pace_method::path_share);
}

TEST(pace_path, no_baseline_is_no_data) {
  plan_fixture f;
  f.add("hitech", "家", "370");
  f.actual("hitech", "2021-05", "345");
  const auto a = run(f, "hitech");
  EXPECT_EQ(a.status, pace_status::no_data);
  EXPECT_TRUE(has(a.reason_zh, "缺少2020年(基期)数值")) << a.reason_zh;
}

// Growth rates are judged on their level: investment growth 12.6 % over January–May against
// the lower end 5 of the range 5-10 → +7.6 points → ahead.
TEST(pace_level, change_rates_compare_the_rate_with_the_target) {
  plan_fixture f;
  auto& ind = f.add("investment_growth", "%", "5-10");
  ind.name_zh = "固定资产投资总额增速";
  ind.kind = indicator_kind::rate;
  f.actual("investment_growth", "2021-05", "12.6");
  const auto a = run(f, "investment_growth");
  EXPECT_EQ(a.method, pace_method::level);
  EXPECT_NEAR(*a.gap_points, 7.6, 1e-9);
  EXPECT_EQ(a.status, pace_status::ahead);
  EXPECT_TRUE(has(a.reason_zh, "1—5月完成值12.6%,高于年度目标(5%)7.6个百分点(按水平比较),快于预期"))
      << a.reason_zh;

  // a growth target on an amount, with a year-to-date growth figure: 9.1 vs 8 → +1.1, in line
  plan_fixture g;
  g.add("sales", "亿元", "增长8%", accumulation::flow);
  g.actual("sales", "2021-Q1", "增长9.1%");
  const auto b = run(g, "sales");
  EXPECT_EQ(b.method, pace_method::level);
  EXPECT_NEAR(*b.gap_points, 1.1, 1e-9);
  EXPECT_EQ(b.status, pace_status::in_line);
}

TEST(pace_grade, binding_is_held_to_the_elapsed_share) {
  // binding: any shortfall is behind; 0 … +tolerance in line; beyond ahead
  EXPECT_EQ(grade_pace(-0.01, attribute::binding, 2), pace_status::behind);
  EXPECT_EQ(grade_pace(-0.004, attribute::binding, 2), pace_status::in_line);  // prints as 0.00
  EXPECT_EQ(grade_pace(0.0, attribute::binding, 2), pace_status::in_line);
  EXPECT_EQ(grade_pace(2.0, attribute::binding, 2), pace_status::in_line);
  EXPECT_EQ(grade_pace(2.01, attribute::binding, 2), pace_status::ahead);
  // anticipatory: ±tolerance
  EXPECT_EQ(grade_pace(-2.0, attribute::anticipatory, 2), pace_status::in_line);
  EXPECT_EQ(grade_pace(-2.01, attribute::anticipatory, 2), pace_status::behind);
  EXPECT_EQ(grade_pace(2.01, attribute::anticipatory, 2), pace_status::ahead);
  EXPECT_EQ(grade_pace(-0.5, attribute::anticipatory, 0), pace_status::behind);
}

TEST(pace_grade, binding_flow_behind_says_why) {
  plan_fixture f;
  f.add("green", "公顷", "12", accumulation::flow, polarity::higher, attribute::binding);
  f.actual("green", "2021-06", "累计5.9");  // 49.17 % against 50 %
  const auto a = run(f, "green");
  EXPECT_EQ(a.status, pace_status::behind);
  EXPECT_TRUE(has(a.reason_zh, "约束性指标须不低于时序进度")) << a.reason_zh;
}

TEST(pace_status_cases, references_qualitative_and_no_target) {
  plan_fixture f;
  f.add("quota", "万吨", "完成市下达指标", accumulation::flow);
  f.add("quality", "", "达到发达国家先进水平");
  f.add("plain", "%", "");
  f.actual("quota", "2021-06", "累计30");
  EXPECT_EQ(run(f, "quota").status, pace_status::needs_reference);
  f.refs.add(reference_value{"quota", period::year(2021), 80, unit(), "assigned"});
  const auto a = run(f, "quota");
  EXPECT_EQ(a.status, pace_status::behind);  // 37.5 % against 50 %
  EXPECT_NEAR(*a.done_share, 0.375, 1e-12);
  EXPECT_EQ(run(f, "quality").status, pace_status::not_applicable);

  pace_options opt;
  opt.as_of = parse_date("2021-06-30");
  const auto all = assess_pace(f.p, f.actuals, f.refs, opt);
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0].status, pace_status::behind);
  EXPECT_EQ(all[1].status, pace_status::not_applicable);
  EXPECT_EQ(all[2].status, pace_status::no_target);
  EXPECT_NEAR(all[2].expected_share, 0.5, 1e-15);
}

TEST(pace_status_cases, no_year_to_date_values_and_no_year) {
  plan_fixture f;
  f.add("estates", "万平方米", "新开工100", accumulation::flow);
  pace_options opt;
  opt.as_of = parse_date("2021-04-30");
  const auto a = run(f, "estates", opt);
  EXPECT_EQ(a.status, pace_status::no_data);
  EXPECT_NEAR(a.expected_share, 4.0 / 12.0, 1e-15);
  EXPECT_THROW(assess_pace(f.p, f.actuals, f.refs), error);  // no as-of date, no values
}

TEST(pace_names, stable_names_round_trip) {
  for (const auto s :
       {pace_status::ahead, pace_status::in_line, pace_status::behind, pace_status::no_data,
        pace_status::no_target, pace_status::needs_reference, pace_status::not_applicable})
    EXPECT_EQ(from_string<pace_status>(to_string(s)), s);
  EXPECT_STREQ(status_label(pace_status::behind, language::zh), "滞后");
  EXPECT_STREQ(status_label(pace_status::in_line, language::zh), "基本符合预期");
  EXPECT_STREQ(status_label(pace_status::ahead, language::zh), "快于预期");
  EXPECT_EQ(from_string<ytd_values>("cumulative"), ytd_values::cumulative);
  EXPECT_THROW(from_string<pace_method>("fast"), model_error);
}
