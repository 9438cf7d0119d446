// The CSV readers' lenient read: a cell that does not parse is kept for review (with its line
// and column) and the rest of the table is read; without a review list it is an error, as
// before. Duplicates name the line of the first occurrence.
#include <gtest/gtest.h>

#include <sstream>

#include "planeval/core/evaluate.hpp"
#include "planeval/io/inputs.hpp"
#include "planeval/io/tables.hpp"

namespace planeval {
namespace {

const char* const plan_csv =
    "id,name_zh,unit,baseline,target_period,target\n"
    "gdp,生产总值增速,%,5,2021,6\n"
    "jobs,城镇新增就业,万人,,2021,5..5万人\n"
    "air,优良天数比例,%,八十,2021,85\n";

TEST(LenientTables, PlanTableKeepsTargetAndBaselineCells) {
  std::istringstream in(plan_csv);
  std::vector<review_item> review;
  const plan p = read_plan_table(in, "plan.csv", {}, &review);
  ASSERT_EQ(p.indicators.size(), 3U);
  ASSERT_EQ(review.size(), 2U);
  EXPECT_EQ(review[0].indicator, "jobs");
  EXPECT_EQ(review[0].field, "target");
  EXPECT_EQ(review[0].where.line, 3U);
  EXPECT_EQ(p.find("jobs")->targets.at(0).rule.operation, op::unparsed);
  EXPECT_EQ(review[1].field, "baseline");
  EXPECT_FALSE(p.find("air")->baseline);
  std::istringstream again(plan_csv);
  EXPECT_THROW((void)read_plan_table(again, "plan.csv"), parse_error);
}

TEST(LenientTables, ActualsKeepTheOddRowAndReadTheRest) {
  std::istringstream pin(plan_csv);
  std::vector<review_item> plan_review;
  const plan p = read_plan_table(pin, "plan.csv", {}, &plan_review);
  const char* const actuals =
      "indicator,period,value\ngdp,2021,6.5\nair,2021,约八十五\nair,2021-13,80\n";
  std::istringstream in(actuals);
  std::vector<review_item> review;
  const observation_set got = read_actuals(in, "actuals.csv", &p, {}, nullptr, &review);
  EXPECT_EQ(got.size(), 1U);
  ASSERT_EQ(review.size(), 2U);
  EXPECT_EQ(review[0].field, "result");
  EXPECT_EQ(review[0].period, period::year(2021));
  EXPECT_EQ(review[0].where.line, 3U);
  EXPECT_EQ(review[1].code, errc::period_range);
  auto a = evaluate(p, got, {});
  apply_review(a, review);
  EXPECT_EQ(a[0].status, status::met);
  EXPECT_EQ(a[1].status, status::needs_review);  // the unparsed target
  EXPECT_EQ(a[2].status, status::needs_review);  // the unread result
  EXPECT_NE(a[2].reason_en.find("约八十五"), std::string::npos) << a[2].reason_en;
  std::istringstream strict(actuals);
  EXPECT_THROW((void)read_actuals(strict, "actuals.csv", &p), parse_error);
}

TEST(LenientTables, DuplicatesNameTheFirstLine) {
  std::istringstream in("indicator,period,value\ngdp,2021,6\nx,2021,1\ngdp,2021,7\n");
  try {
    (void)read_actuals(in, "a.csv");
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.where().line, 4U);
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace planeval

namespace planeval {
namespace {

// A per-mille target on an indicator counted in 万人 (a growth rate, as the national outlines
// print population growth): the threshold is compared in the value's unit, not as written.
TEST(PermilleTargets, ThresholdsAreConvertedLikeTheValues) {
  std::istringstream in(
      "id,name_zh,unit,target_period,target\npop,全国总人口,万人,2006/2010,＜8‰\n");
  const plan p = read_plan_table(in, "plan.csv");
  for (const auto& [value, expected] : {std::pair<const char*, status>{"5.1‰", status::met},
                                        std::pair<const char*, status>{"9.5‰", status::not_met}}) {
    observation_set actuals;
    actuals.add(observation_from_text("pop", period::span(2006, 2010), value));
    const auto a = evaluate(p, actuals, {});
    ASSERT_EQ(a.size(), 1U);
    EXPECT_EQ(a[0].status, expected) << value << ": " << a[0].reason_en;
  }
}

}  // namespace
}  // namespace planeval

namespace planeval {
namespace {

TEST(TableHeaders, CaseChineseAliasesAndTheNearestName) {
  for (const char* text :
       {"指标,年份,完成值,备注\ngdp,2021,5,注\n", "Indicator;Period;Value\ngdp;2021;5\n",
        "INDICATOR\tperiod\tValue\ngdp\t2021\t5\n"}) {
    std::istringstream in(text);
    const observation_set got = read_actuals(in, "a.csv");
    ASSERT_EQ(got.size(), 1U) << text;
    EXPECT_EQ(got.items()[0].indicator, "gdp") << text;
  }
  std::istringstream typo("indicator,peroid,value\ngdp,2021,5\n");
  try {
    (void)read_actuals(typo, "a.csv");
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::csv_header);
    EXPECT_NE(std::string(e.what()).find("did you mean 'period'?"), std::string::npos) << e.what();
  }
  std::istringstream published(
      "序号,指标名称,单位,2020年完成值,2021年目标值\n1,生产总值增速,%,5,6\n");
  try {
    (void)read_plan_table(published, "p.csv");
    FAIL();
  } catch (const format_error& e) {
    EXPECT_NE(std::string(e.what()).find("planeval import"), std::string::npos) << e.what();
  }
  std::istringstream twice("indicator,period,时期,value\ngdp,2021,2021,5\n");
  EXPECT_THROW((void)read_actuals(twice, "a.csv"), format_error);
}

}  // namespace
}  // namespace planeval

namespace planeval {
namespace {

// Values that cannot be what was meant are flagged, never judged: a fraction where the target
// and the baseline are percentages (Excel's percent cells), a value a million times the target.
TEST(ImplausibleValues, AreFlaggedForReviewWithASuggestion) {
  std::istringstream in(
      "id,name_zh,unit,polarity,baseline,target_period,target\n"
      "unemployment,城镇调查失业率,%,lower,5.3,2021,5.5以内\n"
      "revenue,一般公共预算收入,亿元,higher,40,2021,42\n");
  const plan p = read_plan_table(in, "plan.csv");
  std::istringstream values(
      "indicator,period,value\nunemployment,2021,0.051\nrevenue,2021,4200000000\n");
  const observation_set actuals = read_actuals(values, "actuals.csv", &p);
  const auto a = evaluate(p, actuals, {});
  ASSERT_EQ(a.size(), 2U);
  EXPECT_EQ(a[0].status, status::needs_review);
  EXPECT_NE(a[0].reason_en.find("write 5.1"), std::string::npos) << a[0].reason_en;
  EXPECT_EQ(a[1].status, status::needs_review);
  EXPECT_NE(a[1].reason_en.find("check its unit"), std::string::npos) << a[1].reason_en;
  std::istringstream fine("indicator,period,value\nunemployment,2021,5.1\nrevenue,2021,43\n");
  const auto b = evaluate(p, read_actuals(fine, "actuals.csv", &p), {});
  EXPECT_EQ(b[0].status, status::met);
  EXPECT_EQ(b[1].status, status::met);
}

}  // namespace
}  // namespace planeval
