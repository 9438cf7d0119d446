// Attainment evaluation: each status, each op, polarity, bounds, references and tolerance.
#include "planeval/core/evaluate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "detail/decimal.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {

const period y2021 = period::year(2021);
const period y2020 = period::year(2020);

struct fixture {
  plan p;
  observation_set actuals;
  reference_set refs;

  indicator& add(const char* id, const char* u, const char* target_text,
                 polarity pol = polarity::higher, attribute attr = attribute::anticipatory) {
    indicator ind;
    ind.id = id;
    ind.unit = unit::parse(u);
    ind.polarity = pol;
    ind.attribute = attr;
    ind.kind = ind.unit.is_percent() ? indicator_kind::rate : indicator_kind::amount;
    if (target_text && *target_text)
      ind.targets.push_back(target{y2021, target_text, parse_target(target_text)});
    p.add(ind);
    return *p.find(id);
  }
  void actual(const char* id, const char* text, period per = y2021) {
    actuals.add(to_observation(id, per, text, parse_observation(text)));
  }
  assessment eval(const char* id, evaluation_options opt = {}) {
    const indicator& ind = *p.find(id);
    return evaluate_target(p, ind, ind.targets.front(), actuals, refs, opt);
  }
};

status st(fixture& f, const char* id) { return f.eval(id).status; }

}  // namespace

TEST(evaluate_reach, direction_from_polarity) {
  fixture f;
  f.add("up", "%", "5");
  f.add("down", "人", "5000", polarity::lower);
  f.add("band", "%", "3", polarity::band);
  f.actual("up", "5.8");
  f.actual("down", "5100");
  f.actual("band", "3.3");
  EXPECT_EQ(st(f, "up"), status::met);
  EXPECT_EQ(st(f, "down"), status::not_met);
  EXPECT_EQ(st(f, "band"), status::met);  // within ±0.5 points
  const auto a = f.eval("up");
  EXPECT_NEAR(*a.gap, 0.8, 1e-12);
  EXPECT_EQ(a.gap_unit, unit::percentage_point());
  EXPECT_FALSE(a.achievement);  // rates report the gap in points, not a ratio
  EXPECT_NE(a.reason_zh.find("高于目标0.8个百分点"), std::string::npos) << a.reason_zh;
  EXPECT_NE(a.reason_en.find("0.8 pp above"), std::string::npos) << a.reason_en;
}

TEST(evaluate_between, met_exceeded_and_not_met_by_polarity) {
  fixture f;
  f.add("inv", "%", "5-10");
  f.add("cost", "元", "5-10", polarity::lower);
  f.add("band", "%", "5-10", polarity::band);
  f.actual("inv", "12.6");
  f.actual("cost", "4");
  f.actual("band", "12");
  EXPECT_EQ(st(f, "inv"), status::exceeded);
  EXPECT_EQ(st(f, "cost"), status::exceeded);
  EXPECT_EQ(st(f, "band"), status::not_met);
  fixture g;
  g.add("inv", "%", "5-10");
  g.actual("inv", "4.9");
  EXPECT_EQ(st(g, "inv"), status::not_met);
  fixture h;
  h.add("inv", "%", "5-10");
  h.actual("inv", "7");
  const auto a = h.eval("inv");
  EXPECT_EQ(a.status, status::met);
  EXPECT_DOUBLE_EQ(*a.target_value, 5);  // the required end for higher-is-better
}

TEST(evaluate_about, tolerance_defaults_and_settings) {
  fixture f;
  f.add("retail", "%", "3左右");
  f.add("cpi", "%", "3左右", polarity::lower);
  f.add("tax", "元/平方米", "6000左右");
  f.actual("retail", "2.7");
  f.actual("cpi", "3.4");
  f.actual("tax", "5750");
  auto a = f.eval("retail");
  EXPECT_EQ(a.status, status::met);
  EXPECT_TRUE(a.within_tolerance);
  EXPECT_NE(a.reason_zh.find("容差"), std::string::npos);
  EXPECT_EQ(st(f, "cpi"), status::met);  // a CPI target 3%左右 is a ceiling: 3.4 ≤ 3.5
  EXPECT_EQ(st(f, "tax"), status::met);  // 5% of 6000 = 300
  f.p.settings.tolerance.about_points = 0.2;
  f.p.settings.tolerance.about_relative = 0.01;
  EXPECT_EQ(st(f, "retail"), status::not_met);
  EXPECT_EQ(st(f, "tax"), status::not_met);
}

TEST(evaluate_about, band_polarity_flags_the_tolerance_on_both_sides) {
  fixture f;
  f.add("lo", "%", "3左右", polarity::band);
  f.add("hi", "%", "3左右", polarity::band);
  f.add("on", "%", "3左右", polarity::band);
  f.add("out", "%", "3左右", polarity::band);
  f.actual("lo", "2.7");
  f.actual("hi", "3.3");
  f.actual("on", "3");
  f.actual("out", "3.6");
  EXPECT_TRUE(f.eval("lo").within_tolerance);
  EXPECT_TRUE(f.eval("hi").within_tolerance);
  EXPECT_EQ(f.eval("on").status, status::met);
  EXPECT_FALSE(f.eval("on").within_tolerance);
  EXPECT_EQ(f.eval("out").status, status::not_met);
}

TEST(evaluate_bounds, at_least_and_at_most_ignore_polarity) {
  fixture f;
  f.add("share", "%", "95以上", polarity::lower);
  f.add("cap", "%", "4.5以内");
  f.add("strict", "%", "高于95");
  f.actual("share", "96");
  f.actual("cap", "4.6");
  f.actual("strict", "95");
  EXPECT_EQ(st(f, "share"), status::met);
  EXPECT_EQ(st(f, "cap"), status::not_met);
  EXPECT_EQ(st(f, "strict"), status::not_met);
}

TEST(evaluate_observed_bounds, compared_as_intervals) {
  fixture f;
  f.add("a", "岁", "84以上");
  f.add("b", "岁", "85以上");
  f.add("c", "%", "99");
  f.add("d", "%", "4.5以内");
  f.actual("a", "84以上");
  f.actual("b", "84以上");
  f.actual("c", "98以下");
  f.actual("d", "5-6");
  EXPECT_EQ(st(f, "a"), status::met);           // 84以上 proves ≥84
  EXPECT_EQ(st(f, "b"), status::undetermined);  // …but cannot prove ≥85
  EXPECT_EQ(st(f, "c"), status::not_met);       // ≤98 can never reach 99
  EXPECT_EQ(st(f, "d"), status::not_met);       // [5,6] is above the cap everywhere
}

TEST(evaluate_references, needs_reference_then_uses_it) {
  fixture f;
  f.add("gdp", "%", "与全市目标基本同步");
  f.add("energy", "%", "完成市下达指标", polarity::higher, attribute::binding);
  f.add("unemployed", "人", "完成市下达指标", polarity::lower);
  f.add("deaths", "人/亿元", "控制在市下达指标之内", polarity::lower, attribute::binding);
  f.actual("gdp", "5.7");
  f.actual("energy", "3.2");
  f.actual("unemployed", "5100");
  f.actual("deaths", "0.012");
  auto a = f.eval("gdp");
  EXPECT_EQ(a.status, status::needs_reference);
  EXPECT_NE(a.reason_zh.find("全市目标"), std::string::npos);
  EXPECT_NE(a.reason_en.find("the city target"), std::string::npos);
  EXPECT_EQ(a.actual, 5.7);  // the value is still reported
  f.refs.add(reference_value{"gdp", y2021, 6.0, unit(), ""});
  f.refs.add(reference_value{"energy", y2021, 3.5, unit(), ""});
  f.refs.add(reference_value{"unemployed", y2021, 6000, unit(), ""});
  // (人/百亿元 converts: 百亿 is a scale; people per square metre does not)
  f.refs.add(reference_value{"deaths", y2021, 1.5, unit::parse("人/平方米"), ""});
  a = f.eval("gdp");
  EXPECT_EQ(a.status, status::met);  // 5.7 within 0.5 points of 6
  EXPECT_TRUE(a.within_tolerance);
  EXPECT_EQ(st(f, "energy"), status::not_met);
  EXPECT_EQ(st(f, "unemployed"), status::met);
  // a reference in a unit that cannot be converted is an error naming the indicator
  try {
    f.eval("deaths");
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::unit_incompatible);
    EXPECT_EQ(e.where().indicator, "deaths");
  }
  // 1.5 人/万元 per 10 000 yuan is 15 000 人/亿元: far above the actual, so the cap is met
  f.refs.put(reference_value{"deaths", y2021, 1.5, unit::parse("人/万元"), ""});
  const auto d = f.eval("deaths");
  EXPECT_EQ(d.status, status::met);
  EXPECT_DOUBLE_EQ(*d.target_value, 15000);
}

TEST(evaluate_references, reference_in_the_plan_is_used) {
  fixture f;
  f.add("energy", "%", "完成市下达指标");
  f.actual("energy", "3.6");
  f.p.references.add(reference_value{"energy", y2021, 3.5, unit::percent(), "city"});
  EXPECT_EQ(st(f, "energy"), status::met);
}

TEST(evaluate_binding, anticipatory_grace_does_not_apply_to_binding) {
  fixture f;
  f.add("soft", "%", "5");
  f.add("hard", "%", "5", polarity::higher, attribute::binding);
  f.actual("soft", "4.8");
  f.actual("hard", "4.8");
  f.p.settings.tolerance.anticipatory_points = 0.3;
  auto a = f.eval("soft");
  EXPECT_EQ(a.status, status::met);
  EXPECT_TRUE(a.within_tolerance);
  EXPECT_EQ(st(f, "hard"), status::not_met);
}

TEST(evaluate_not_assessable, no_data_no_target_needs_judgment) {
  fixture f;
  f.add("empty", "家", "2-3");
  f.add("life", "岁", "达到发达国家先进水平");
  f.add("life2", "岁", "达到发达国家先进水平");
  f.add("life3", "岁", "达到发达国家先进水平", polarity::higher, attribute::binding);
  f.add("none", "%", "");
  f.actual("life2", "达标");
  f.actual("life3", "基本完成");
  auto a = f.eval("empty");
  EXPECT_EQ(a.status, status::no_data);
  EXPECT_NE(a.reason_en.find("no value for 2021"), std::string::npos);
  EXPECT_EQ(st(f, "life"), status::needs_judgment);
  EXPECT_EQ(st(f, "life2"), status::met);
  EXPECT_EQ(st(f, "life3"), status::not_met);  // 基本完成 does not pass a binding target
  const auto all = evaluate(f.p, f.actuals, f.refs);
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all.back().status, status::no_target);
}

TEST(evaluate_judgment, recorded_for_numeric_targets) {
  fixture f;
  f.add("x", "%", "5");
  f.actual("x", "超额完成");
  EXPECT_EQ(st(f, "x"), status::exceeded);
}

TEST(evaluate_growth, from_a_growth_figure_or_two_levels) {
  fixture f;
  f.add("gdp", "亿元", "增长8%");
  f.actual("gdp", "增长8.1%");
  EXPECT_EQ(st(f, "gdp"), status::met);
  fixture g;
  g.add("gdp", "亿元", "增长8%");
  g.actual("gdp", "1080", y2021);
  g.actual("gdp", "1000", y2020);
  auto a = g.eval("gdp");
  EXPECT_EQ(a.status, status::met);
  EXPECT_NEAR(*a.actual, 8.0, 1e-9);
  fixture h;
  h.add("gdp", "亿元", "增长8%");
  h.actual("gdp", "1080", y2021);
  a = h.eval("gdp");
  EXPECT_EQ(a.status, status::no_data);
  EXPECT_NE(a.reason_en.find("2020"), std::string::npos) << a.reason_en;
}

TEST(evaluate_growth, a_bare_percentage_on_a_non_percent_indicator_is_growth) {
  fixture f;
  f.add("gdp", "亿元", "增速7%左右");
  f.actual("gdp", "7.05%");
  EXPECT_EQ(st(f, "gdp"), status::met);
  fixture g;
  g.add("sales", "亿元", "下降3%左右");
  g.actual("sales", "下降4%");
  EXPECT_EQ(st(g, "sales"), status::not_met);  // −4 < −3.5 for higher-is-better
}

TEST(evaluate_change_points, from_the_baseline) {
  fixture f;
  auto& ind = f.add("share", "%", "提高2个百分点");
  observation base;
  base.indicator = "share";
  base.period = y2020;
  base.value = point_value{40};
  ind.baseline = base;
  f.actual("share", "41.5");
  auto a = f.eval("share");
  EXPECT_EQ(a.status, status::not_met);
  EXPECT_NEAR(*a.actual, 1.5, 1e-12);
  EXPECT_EQ(a.value_unit, unit::percentage_point());
  fixture g;
  g.add("share", "%", "提高2个百分点");
  g.actual("share", "提升3.89个百分点");
  EXPECT_EQ(st(g, "share"), status::met);
}

TEST(evaluate_cagr, over_the_plan_span) {
  fixture f;
  f.p.period = period::span(2021, 2025);
  indicator ind;
  ind.id = "gdp";
  ind.unit = unit::parse("亿元");
  ind.targets.push_back(
      target{period::year(2025), "年均增长7%以上", parse_target("年均增长7%以上")});
  f.p.add(ind);
  f.actual("gdp", "1000", y2020);
  f.actual("gdp", "1450", period::year(2025));  // (1.45)^(1/5) − 1 = 7.71%
  const auto a =
      evaluate_target(f.p, *f.p.find("gdp"), f.p.find("gdp")->targets[0], f.actuals, f.refs);
  EXPECT_EQ(a.status, status::met);
  EXPECT_NEAR(*a.actual, 7.7145, 1e-3);
}

TEST(evaluate_change_since, from_the_base_year) {
  fixture f;
  f.add("carbon", "吨", "比2005年下降36%以上", polarity::lower);
  f.actual("carbon", "100", period::year(2005));
  f.actual("carbon", "60", y2021);
  EXPECT_EQ(st(f, "carbon"), status::met);  // −40% ≤ −36%
  fixture g;
  g.add("carbon", "吨", "比2005年下降36%以上", polarity::lower);
  g.actual("carbon", "100", period::year(2005));
  g.actual("carbon", "70", y2021);
  EXPECT_EQ(st(g, "carbon"), status::not_met);
}

TEST(evaluate_direction, compares_with_the_previous_period) {
  fixture f;
  f.add("up", "%", "进一步提高");
  f.add("down", "%", "继续下降");
  f.add("better", "人", "持续改善", polarity::lower);
  for (const char* id : {"up", "down", "better"}) f.actual(id, "5", y2020);
  f.actual("up", "5.2");
  f.actual("down", "5.2");
  f.actual("better", "4");
  EXPECT_EQ(st(f, "up"), status::met);
  EXPECT_EQ(st(f, "down"), status::not_met);
  EXPECT_EQ(st(f, "better"), status::met);
}

// `Steady rise` against `Up 9.7` (NDRC's English table, tests/data/published/19): the year's
// growth says whether it rose when no previous level is given.
TEST(evaluate_direction, judged_from_the_growth_of_the_period) {
  fixture f;
  f.add("trade", "亿元", "Steady rise");
  f.add("fell", "亿元", "进一步提高");
  f.add("cut", "亿元", "继续下降");
  f.add("flat", "亿元", "进一步提高");
  f.actual("trade", "Up 9.7");
  f.actual("fell", "下降1.2%");
  f.actual("cut", "下降3%");
  f.actual("flat", "增长0至1%");
  EXPECT_EQ(st(f, "trade"), status::met);
  EXPECT_EQ(st(f, "fell"), status::not_met);
  EXPECT_EQ(st(f, "cut"), status::met);
  EXPECT_EQ(st(f, "flat"), status::undetermined);  // 0 to 1 %: it may not have risen
  const auto a = f.eval("trade");
  EXPECT_NEAR(*a.gap, 9.7, 1e-12);
  EXPECT_EQ(a.gap_unit, unit::percentage_point());
  EXPECT_NE(a.reason_en.find("this period's growth Up 9.7"), std::string::npos) << a.reason_en;
  EXPECT_NE(a.reason_zh.find("实现提高"), std::string::npos) << a.reason_zh;
  // with both levels the levels decide, as before
  fixture g;
  g.add("up", "亿元", "进一步提高");
  g.actual("up", "100", y2020);
  g.actual("up", "99");
  EXPECT_EQ(st(g, "up"), status::not_met);
}

TEST(evaluate_units, targets_with_their_own_units_are_converted) {
  fixture f;
  f.add("area", "万平方米", "213000平方米");
  f.actual("area", "21.5");
  EXPECT_EQ(st(f, "area"), status::met);
  fixture g;
  g.add("area", "万平方米", "21.3");
  g.actual("area", "212000平方米");
  auto a = g.eval("area");
  EXPECT_EQ(a.status, status::not_met);
  EXPECT_NEAR(*a.actual, 21.2, 1e-9);
  EXPECT_NEAR(*a.achievement, 21.2 / 21.3, 1e-9);
}

TEST(evaluate_qualifiers, different_counts_are_not_compared) {
  fixture f;
  f.add("estates", "万平方米", "新开工100");
  f.actual("estates", "竣工120");
  const auto a = f.eval("estates");
  EXPECT_EQ(a.status, status::no_data);
  EXPECT_NE(a.reason_zh.find("不可比"), std::string::npos);
}

TEST(evaluate_comparable, the_comparable_figure_is_evaluated) {
  fixture f;
  f.add("x", "%", "8");
  f.actual("x", "10.9(可比7.0)");
  EXPECT_EQ(st(f, "x"), status::not_met);
}

TEST(evaluate_lower, achievement_uses_the_baseline) {
  fixture f;
  auto& ind = f.add("unemployed", "人", "5000", polarity::lower);
  observation base;
  base.indicator = "unemployed";
  base.period = y2020;
  base.value = point_value{6000};
  ind.baseline = base;
  f.actual("unemployed", "5500");
  const auto a = f.eval("unemployed");
  EXPECT_EQ(a.status, status::not_met);
  EXPECT_NEAR(*a.achievement, 0.5, 1e-12);  // (6000−5500)/(6000−5000)
}

TEST(evaluate_periods, a_year_from_its_quarters) {
  fixture f;
  auto& ind = f.add("new_hq", "家", "3");
  ind.accumulation = accumulation::flow;
  f.add("stock", "家", "370");
  for (int q = 1; q <= 4; ++q) {
    f.actual("new_hq", "1", period::quarter(2021, q));
    f.actual("stock", q == 4 ? "372" : "360", period::quarter(2021, q));
  }
  auto a = f.eval("new_hq");
  EXPECT_EQ(a.status, status::met);
  EXPECT_EQ(*a.actual, 4);  // flows add up
  a = f.eval("stock");
  EXPECT_EQ(a.status, status::met);
  EXPECT_EQ(*a.actual, 372);  // stocks take the last value
}

TEST(evaluate_as_of, later_periods_are_ignored_and_unfinished_marked) {
  fixture f;
  f.add("x", "%", "5");
  f.actual("x", "6");
  evaluation_options opt;
  opt.as_of = date(2021, 6, 30);
  auto a = f.eval("x", opt);
  EXPECT_TRUE(a.in_progress);
  EXPECT_NE(a.reason_zh.find("截至2021-06-30"), std::string::npos);
  opt.as_of = date(2020, 12, 31);
  a = f.eval("x", opt);
  EXPECT_EQ(a.status, status::no_data);
}

TEST(evaluate, is_deterministic_and_does_not_touch_inputs) {
  fixture f;
  f.add("a", "%", "5");
  f.add("b", "%", "3左右");
  f.actual("a", "6");
  const plan before = f.p;
  const observation_set obs_before = f.actuals;
  const auto first = evaluate(f.p, f.actuals, f.refs);
  const auto second = evaluate(f.p, f.actuals, f.refs);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t k = 0; k < first.size(); ++k) {
    EXPECT_EQ(first[k].status, second[k].status);
    EXPECT_EQ(first[k].reason_zh, second[k].reason_zh);
  }
  EXPECT_EQ(f.p, before);
  EXPECT_EQ(f.actuals, obs_before);
}

// Gaps and achievements to the precision of their figures, never binary noise (issue 17: 12.6
// against 10 gave "gap": 2.5999999999999996).
TEST(evaluate_precision, gaps_and_achievements_without_binary_noise) {
  fixture f;
  f.add("count", "个", "10以上");
  f.add("rate", "%", "5.5以内", polarity::lower);
  f.add("big", "万元", "100000");
  f.actual("count", "12.6");
  f.actual("rate", "5.8");
  f.actual("big", "100000.1");
  const auto count = f.eval("count");
  EXPECT_EQ(*count.gap, 2.6);
  EXPECT_EQ(*count.achievement, 1.26);
  EXPECT_EQ(*f.eval("rate").gap, 0.3);  // 5.8 − 5.5 is 0.2999999999999998 in binary
  EXPECT_EQ(*f.eval("big").gap, 0.1);   // 0.09999999999126885 in binary
}

TEST(evaluate_precision, decimal_helpers) {
  struct row {
    double a, b, difference;
  };
  for (const row& r :
       {row{12.6, 10, 2.6}, row{5.8, 5.5, 0.3}, row{100000.1, 100000, 0.1}, row{0.3, 0.1, 0.2},
        row{7, 7, 0.0}, row{-1.96, 5, -6.96}, row{1.005, 1, 0.005}})
    EXPECT_EQ(detail::difference(r.a, r.b), r.difference) << r.a << " - " << r.b;
  EXPECT_EQ(detail::decimals_of(12.6), 1);
  EXPECT_EQ(detail::decimals_of(10), 0);
  EXPECT_EQ(detail::decimals_of(1e-20), -1);  // written with an exponent: not rounded
  EXPECT_EQ(detail::difference(1e-20, 0), 1e-20);
  EXPECT_EQ(detail::significant(12.6 / 10), 1.26);
  EXPECT_EQ(detail::significant(1.0 / 3.0), 0.333333333333333);
  EXPECT_TRUE(std::isnan(detail::significant(std::nan(""))));
}

// A growth target on an indicator that is itself a rate in % sets that rate's level (issue 17:
// `地区生产总值增速` with `增长6%左右`, 6.4 after 7.0, was judged "−8.57 %, not met").
TEST(evaluate_growth_rate_indicator, growth_target_is_the_rate_itself) {
  fixture f;
  indicator& gdp = f.add("gdp_growth", "%", "增长6%左右");
  gdp.name_zh = "地区生产总值增速";
  f.actual("gdp_growth", "7.0", y2020);
  f.actual("gdp_growth", "6.4");
  auto a = f.eval("gdp_growth");
  EXPECT_EQ(a.status, status::met) << a.reason_en;
  EXPECT_EQ(a.measure.kind, measure_kind::level);
  EXPECT_EQ(*a.actual, 6.4);
  EXPECT_EQ(*a.gap, 0.4);
  EXPECT_EQ(a.target_canonical, "增长6%左右");  // the text as published
  EXPECT_NE(a.reason_zh.find("该指标本身为增速"), std::string::npos) << a.reason_zh;
  EXPECT_NE(a.reason_en.find("itself a rate"), std::string::npos) << a.reason_en;
  // a result written as a growth figure is the rate too
  fixture g;
  g.add("gdp_growth", "%", "增长6%以上").name_zh = "地区生产总值增速";
  g.actual("gdp_growth", "增长5.3%");
  a = g.eval("gdp_growth");
  EXPECT_EQ(a.status, status::not_met) << a.reason_en;
  EXPECT_EQ(*a.actual, 5.3);
}

TEST(evaluate_growth_rate_indicator, decline_target_on_a_reduction_rate_is_a_positive_level) {
  fixture f;
  f.add("energy", "%", "下降3%以上", polarity::higher, attribute::binding).name_zh =
      "单位生产总值能耗降低率";
  f.add("energy_text", "%", "下降3%以上", polarity::higher, attribute::binding).name_zh =
      "单位生产总值能耗降低率";
  f.add("short", "%", "下降3%以上", polarity::higher, attribute::binding).name_zh =
      "单位生产总值能耗降低率";
  f.actual("energy", "3.2");
  f.actual("energy_text", "下降3.2%");
  f.actual("short", "2.5");
  EXPECT_EQ(st(f, "energy"), status::met);
  const auto a = f.eval("energy_text");
  EXPECT_EQ(a.status, status::met) << a.reason_en;
  EXPECT_EQ(*a.actual, 3.2);
  EXPECT_EQ(st(f, "short"), status::not_met);
}

// A bare percentage on an indicator without a unit whose target is a growth target is a growth
// figure (issue 17: `7.05%` against `增速7%左右` gave no_data).
TEST(evaluate_growth_rate_indicator, bare_percentage_on_an_indicator_without_unit) {
  fixture f;
  f.add("retail", "", "增速7%左右");
  f.actual("retail", "7.05%");
  const auto a = f.eval("retail");
  EXPECT_EQ(a.status, status::met) << a.reason_en;
  ASSERT_TRUE(a.actual);
  EXPECT_EQ(*a.actual, 7.05);
}

// A target year inside the text is the period judged (issue 17: `到2030年达到15万元以上` in a
// table whose column is the five-year plan's 2025).
TEST(evaluate_target_year, the_year_in_the_text_is_the_period_judged) {
  fixture f;
  indicator& ind = f.add("income", "万元", "");
  ind.targets.push_back(
      target{period::year(2025), "到2030年达到15万元以上", parse_target("到2030年达到15万元以上")});
  f.actual("income", "14", period::year(2025));
  auto a = f.eval("income");
  EXPECT_EQ(a.period, period::year(2030));
  EXPECT_EQ(a.status, status::no_data) << a.reason_en;  // 2025's 14 is not the 2030 value
  f.actual("income", "15.2", period::year(2030));
  a = f.eval("income");
  EXPECT_EQ(a.status, status::met) << a.reason_en;
  EXPECT_EQ(*a.actual, 15.2);
  EXPECT_EQ(a.target_canonical, "到2030年15万元以上");
}

// Found by the long_table fuzzer: the first year periods can hold (1400) has no previous year;
// a growth, direction or change-in-points target for it has no earlier value instead of throwing.
TEST(evaluate_edges, the_first_representable_year_has_no_previous_one) {
  for (const char* text : {"增长5%", "进一步提高", "提高2个百分点"}) {
    plan p;
    indicator ind;
    ind.id = "x";
    ind.unit = unit::parse("亿元");
    ind.targets.push_back(target{period::year(1400), text, parse_target(text)});
    p.add(ind);
    observation_set actuals;
    actuals.add(to_observation("x", period::year(1400), "100", parse_observation("100")));
    assessment a;
    ASSERT_NO_THROW(
        a = evaluate_target(p, *p.find("x"), p.find("x")->targets.front(), actuals, {}, {}))
        << text;
    EXPECT_EQ(a.status, status::no_data) << text << ": " << a.reason_en;
  }
}
