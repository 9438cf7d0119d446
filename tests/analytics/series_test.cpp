// Annual series: what the values are, and how they are read from observations.
#include "planeval/analytics/series.hpp"

#include <gtest/gtest.h>

#include "planeval/core/error.hpp"
#include "support/plan_fixture.hpp"

using namespace planeval;
using planeval::test::plan_fixture;

TEST(infer_series_kind, change_rates_by_name) {
  indicator ind;
  ind.kind = indicator_kind::rate;
  for (const char* name : {"全区生产总值(GDP)增速", "区级一般公共预算收入增速", "居民消费价格涨幅",
                           "单位生产总值能耗降低率", "生活垃圾源头减量率", "人口自然增长率"}) {
    ind.name_zh = name;
    EXPECT_EQ(infer_series_kind(ind), series_kind::growth_rate) << name;
  }
  for (const char* name : {"绿化覆盖率", "城市运行监管要素“一网统管”接入率", "城镇调查失业率"}) {
    ind.name_zh = name;
    EXPECT_EQ(infer_series_kind(ind), series_kind::level) << name;
  }
  ind.name_zh.clear();
  ind.name_en = "GDP growth";
  EXPECT_EQ(infer_series_kind(ind), series_kind::growth_rate);
  ind.name_en = "Green coverage ratio";
  EXPECT_EQ(infer_series_kind(ind), series_kind::level);
  // only rates are change rates: an amount named 增速 is still a level series
  ind.kind = indicator_kind::amount;
  ind.name_zh = "增速";
  EXPECT_EQ(infer_series_kind(ind), series_kind::level);
  EXPECT_EQ(resolve_series_kind(series_kind::growth_rate, ind), series_kind::growth_rate);
  EXPECT_EQ(resolve_series_kind(series_kind::automatic, ind), series_kind::level);
  EXPECT_EQ(from_string<series_kind>("growth_rate"), series_kind::growth_rate);
}

TEST(annual_series, actuals_first_then_the_plan_then_the_baseline) {
  plan_fixture f;
  f.add("area", "万平方米", "100");
  f.baseline("area", "2018", "50");
  f.p.observations.add(plan_fixture::make("area", "2019", "60"));
  f.p.observations.add(plan_fixture::make("area", "2020", "70"));
  f.actual("area", "2020", "72");            // overrides the plan's 2020
  f.actual("area", "2017", "400000平方米");  // converted: 40 万平方米
  f.actual("area", "2016", "30以上");        // a bound: left out
  f.actual("area", "2021-Q1", "10");         // not a year: left out
  f.actual("area", "2015", "增长5%");        // a growth figure: left out of a level series
  const auto s = annual_series(f.p, *f.p.find("area"), f.actuals);
  const std::vector<annual_point> expected{{2017, 40}, {2018, 50}, {2019, 60}, {2020, 72}};
  EXPECT_EQ(s, expected);
}

TEST(annual_series, growth_rate_series_take_growth_figures_and_comparables) {
  plan_fixture f;
  auto& ind = f.add("sales_growth", "%", "5");
  ind.kind = indicator_kind::rate;
  ind.name_zh = "销售额增速";
  f.actual("sales_growth", "2019", "增长6.1%");
  f.actual("sales_growth", "2020", "10.9(可比7.0)");
  const auto s = annual_series(f.p, ind, f.actuals);
  const std::vector<annual_point> expected{{2019, 6.1}, {2020, 7.0}};
  EXPECT_EQ(s, expected);
  EXPECT_TRUE(annual_series(f.p, ind, f.actuals, series_kind::level).size() == 1U);
}

TEST(annual_series, incompatible_units_are_errors) {
  plan_fixture f;
  f.add("area", "万平方米", "100");
  f.actual("area", "2020", "5亿元");
  try {
    annual_series(f.p, *f.p.find("area"), f.actuals);
    FAIL() << "expected a model_error";
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::unit_incompatible);
    EXPECT_EQ(e.where().indicator, "area");
  }
}
