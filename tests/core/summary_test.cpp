#include "planeval/core/summary.hpp"

#include <gtest/gtest.h>

#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {
plan two_indicator_plan() {
  plan p;
  indicator a;
  a.id = "energy";
  a.name_zh = "单位生产总值能耗降低率";
  a.name_en = "Reduction of energy use per unit of GDP";
  a.attribute = attribute::binding;
  a.category = "environment";
  p.add(a);
  indicator b;
  b.id = "revenue";
  b.name_zh = "区级一般公共预算收入增速";
  b.category = "economy";
  p.add(b);
  indicator c;
  c.id = "waste";
  c.category = "environment";
  p.add(c);
  return p;
}
assessment make(const char* id, status s) {
  assessment a;
  a.indicator = id;
  a.period = period::year(2021);
  a.status = s;
  return a;
}
}  // namespace

TEST(summarize, counts_by_status_category_and_attribute) {
  const plan p = two_indicator_plan();
  const std::vector<assessment> as{make("energy", status::not_met),
                                   make("revenue", status::exceeded),
                                   make("waste", status::no_target)};
  const auto s = summarize(p, as);
  EXPECT_EQ(s.total, 3u);
  EXPECT_EQ(s.indicators, 3u);
  EXPECT_EQ(s.by_status[status::not_met], 1u);
  EXPECT_EQ(s.by_status.attained(), 1u);
  EXPECT_EQ(s.by_category.at("environment").total(), 2u);
  EXPECT_EQ(s.binding[status::not_met], 1u);
  EXPECT_EQ(s.anticipatory.total(), 2u);
  ASSERT_EQ(s.binding_not_met.size(), 1u);
  EXPECT_EQ(s.binding_not_met[0], "energy");
  EXPECT_EQ(s.period_label, "2021");
}

TEST(narrative, chinese_in_the_register_of_plan_reports) {
  const plan p = two_indicator_plan();
  const std::vector<assessment> as{make("energy", status::not_met),
                                   make("revenue", status::exceeded),
                                   make("waste", status::no_target)};
  const auto text = narrative(p, summarize(p, as), language::zh);
  EXPECT_EQ(text,
            "2021年共涉及3个指标,其中1个指标完成年度目标(其中1个超额完成),1个指标未完成年度目标,"
            "1个指标暂无法评估(未设定目标1个)。约束性指标中,单位生产总值能耗降低率未完成目标。");
}

TEST(narrative, english) {
  const plan p = two_indicator_plan();
  const std::vector<assessment> as{make("energy", status::met), make("revenue", status::met),
                                   make("waste", status::needs_judgment)};
  const auto text = narrative(p, summarize(p, as), language::en);
  EXPECT_EQ(text,
            "In 2021 the plan covered 3 indicators: 2 met their annual targets and 1 could not be "
            "assessed (1 awaiting a judgment). All 1 binding indicator met their targets.");
}
