// Importing published tables: the recognition rules (table-driven) and the seed's own table
// as the report prints it (examples/data/changning-2021/published.csv and .html).
#include "planeval/import/table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "import/recognise.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/tables.hpp"
#include "support/encoding.hpp"

namespace planeval {
namespace {

using namespace import_detail;

const std::string seed = std::string(PLANEVAL_EXAMPLE_DATA) + "/changning-2021";

TEST(ImportRecognition, Headers) {
  struct row {
    const char* header;
    column_role role;
    value_role values;
    const char* per;
  };
  const row rows[] = {
      {"序号", column_role::number, value_role::unstated, ""},
      {"No.", column_role::number, value_role::unstated, ""},
      {"指标名称", column_role::name, value_role::unstated, ""},
      {"指 标", column_role::name, value_role::unstated, ""},
      {"Indicator", column_role::name, value_role::unstated, ""},
      {"单位", column_role::unit, value_role::unstated, ""},
      {"Unit", column_role::unit, value_role::unstated, ""},
      {"属 性", column_role::attribute, value_role::unstated, ""},
      {"指标属性", column_role::attribute, value_role::unstated, ""},
      {"类别", column_role::category, value_role::unstated, ""},
      {"备注", column_role::remark, value_role::unstated, ""},
      {"完成情况", column_role::verdict, value_role::unstated, ""},
      {"2024年完成值", column_role::value, value_role::result, "2024"},
      {"2020 年预计值", column_role::value, value_role::result, "2020"},
      {"2025年预计完成", column_role::value, value_role::result, "2025"},
      {"2025年目标", column_role::value, value_role::target, "2025"},
      {"2021年目标值", column_role::value, value_role::target, "2021"},
      {"2025 Target", column_role::value, value_role::target, "2025"},
      {"2024 Result", column_role::value, value_role::result, "2024"},
      {"1957年计划产量", column_role::value, value_role::target, "1957"},
      {"2020年", column_role::value, value_role::unstated, "2020"},
      {"“十五”计划目标", column_role::value, value_role::target, "2005"},
      {"2021-2025年年均增长", column_role::value, value_role::unstated, "2021/2025"},
      {"“十三五”年均增长(%)", column_role::value, value_role::unstated, "2016/2020"},
      {"1957年为1952年的百分比", column_role::unknown, value_role::unstated, ""},
      {"地区", column_role::name, value_role::unstated, ""},
      // the headers of NDRC's English plan-implementation table (tests/data/phrasings,
      // cn-2018-ndrc-en)
      {"Targets", column_role::name, value_role::unstated, ""},
      {"Projected Figure", column_role::value, value_role::target, ""},
      {"Actual Figure", column_role::value, value_role::result, ""},
      {"Performance", column_role::verdict, value_role::unstated, ""},
      {"Type", column_role::attribute, value_role::unstated, ""},
  };
  for (const auto& r : rows) {
    const auto m = classify_header(normalise(r.header));
    EXPECT_EQ(static_cast<int>(m.role), static_cast<int>(r.role)) << r.header;
    EXPECT_EQ(static_cast<int>(m.values), static_cast<int>(r.values)) << r.header;
    EXPECT_EQ(m.per ? m.per->to_string() : std::string(), r.per) << r.header;
  }
}

TEST(ImportRecognition, FiveYearPlans) {
  EXPECT_EQ(five_year_plan_in("“十三五”时期经济社会发展主要指标")->to_string(), "2016/2020");
  EXPECT_EQ(five_year_plan_in("“十五”计划主要指标实现情况")->to_string(), "2001/2005");
  EXPECT_EQ(five_year_plan_in("十四五规划")->to_string(), "2021/2025");
  EXPECT_EQ(five_year_plan_in("“十五五”时期")->to_string(), "2026/2030");
  EXPECT_EQ(five_year_plan_in("“一五”计划")->to_string(), "1953/1957");
  EXPECT_FALSE(five_year_plan_in("第一个五年计划"));
  EXPECT_FALSE(five_year_plan_in("十五个指标"));
}

TEST(ImportRecognition, NamesNumbersUnits) {
  struct row {
    const char* text;
    const char* name;
    const char* number;
    const char* unit;
  };
  const row rows[] = {
      {"1.国内生产总值（GDP）增长（%）", "国内生产总值（GDP）增长", "1", "%"},
      {"（13）基本养老保险参保率（%）", "基本养老保险参保率", "13", "%"},
      {"12. 3岁以下婴幼儿入托率提高（百分点）", "3岁以下婴幼儿入托率提高", "12", "百分点"},
      {"地区生产总值(亿元)", "地区生产总值", "", "亿元"},
      {"全区生产总值(GDP)增速", "全区生产总值(GDP)增速", "", ""},
      {"城镇新增就业（万人）", "城镇新增就业", "", "万人"},
      {"每千人口拥有执业（助理）医师数（人）", "每千人口拥有执业（助理）医师数", "", "人"},
  };
  for (const auto& r : rows) {
    std::string number, unit;
    EXPECT_EQ(split_name(r.text, number, unit), r.name) << r.text;
    EXPECT_EQ(number, r.number) << r.text;
    EXPECT_EQ(unit, r.unit) << r.text;
  }
  EXPECT_EQ(section_name("一、经济发展"), "经济发展");
  EXPECT_EQ(section_name("➢ 资源环境"), "资源环境");
  EXPECT_EQ(latin_words("细颗粒物（PM2.5）浓度"), "pm2_5");
  EXPECT_EQ(latin_words("全区生产总值(GDP)增速"), "gdp");
  EXPECT_EQ(latin_words("2020年"), "");
}

TEST(ImportRecognition, Polarity) {
  std::string word;
  EXPECT_TRUE(lower_is_better("城镇调查失业率", word));
  EXPECT_EQ(word, "失业");
  EXPECT_TRUE(lower_is_better("单位生产总值生产安全事故死亡人数", word));
  EXPECT_TRUE(lower_is_better("细颗粒物（PM2.5）浓度", word));
  EXPECT_FALSE(lower_is_better("单位生产总值能耗降低率", word));
  EXPECT_EQ(word, "降低");
  EXPECT_FALSE(lower_is_better("主要污染物排放总量减少", word));
  EXPECT_FALSE(lower_is_better("绿化覆盖率", word));
}

const indicator& by_name(const plan& p, const std::string& name) {
  for (const auto& i : p.indicators)
    if (i.name_zh == name) return i;
  throw std::runtime_error("no indicator named " + name);
}

bool inferred(const import_result& r, const std::string& id, const std::string& field,
              const std::string& value) {
  for (const auto& i : r.inferences)
    if (i.indicator == id && i.field == field && i.value == value && !i.reason_zh.empty() &&
        !i.reason_en.empty())
      return true;
  return false;
}

TEST(ImportSeed, PublishedTableAsPrinted) {
  const import_result r = import_table(seed + "/published.csv");
  const plan& p = r.plan;
  ASSERT_EQ(p.indicators.size(), 25U);
  EXPECT_TRUE(r.review.empty());
  EXPECT_EQ(p.title_zh, "2021年长宁区国民经济和社会发展主要目标");
  EXPECT_EQ(p.period.to_string(), "2021");
  const indicator& gdp = p.indicators[0];
  EXPECT_EQ(gdp.id, "i01_gdp");
  EXPECT_EQ(gdp.name_zh, "全区生产总值(GDP)增速");
  EXPECT_EQ(gdp.kind, indicator_kind::rate);
  ASSERT_TRUE(gdp.baseline);
  EXPECT_EQ(gdp.baseline->period.to_string(), "2020");
  EXPECT_EQ(gdp.baseline->text, "-5");
  ASSERT_EQ(gdp.targets.size(), 1U);
  EXPECT_EQ(gdp.targets[0].text, "与全市目标基本同步");
  EXPECT_EQ(gdp.targets[0].period.to_string(), "2021");
  EXPECT_TRUE(inferred(r, "i01_gdp", "kind", "rate"));
  EXPECT_TRUE(inferred(r, "i01_gdp", "id", "i01_gdp"));
  const indicator& unemployed = by_name(p, "城镇登记失业人数");
  EXPECT_EQ(unemployed.polarity, polarity::lower);
  EXPECT_TRUE(inferred(r, unemployed.id, "polarity", "lower"));
  const indicator& energy = by_name(p, "单位生产总值能耗降低率");
  EXPECT_EQ(energy.polarity, polarity::higher);
  EXPECT_TRUE(inferred(r, energy.id, "polarity", "higher"));
  EXPECT_EQ(by_name(p, "单位生产总值生产安全事故死亡人数").polarity, polarity::lower);
  const indicator& estates = by_name(p, "精品小区建设面积");
  EXPECT_EQ(estates.accumulation, accumulation::flow);
  EXPECT_TRUE(inferred(r, estates.id, "accumulation", "flow"));
  EXPECT_EQ(estates.kind, indicator_kind::area);
  // row 7 has no 2020 value and no unit: an empty cell stays empty
  const indicator& listed = by_name(p, "新增上市企业数");
  EXPECT_FALSE(listed.baseline);
  EXPECT_TRUE(listed.unit.empty());
  EXPECT_EQ(listed.targets.at(0).text, "2-3");
  // every indicator without an 属性 says so
  EXPECT_TRUE(inferred(r, "i01_gdp", "attribute", "anticipatory"));
  EXPECT_FALSE(explain(r, language::en).empty());
  // each assessment can name the cell of its target
  auto a = evaluate(p, {}, {});
  apply_sources(a, r);
  EXPECT_NE(a.at(0).source.find("published.csv"), std::string::npos) << a[0].source;
  EXPECT_NE(a.at(0).source.find("cell E3"), std::string::npos) << a[0].source;
  EXPECT_NE(a.at(24).source.find("cell E27"), std::string::npos) << a[24].source;
}

// The same table as an HTML page and as GB18030 CSV (as Excel saves it) imports the same.
TEST(ImportSeed, HtmlAndGb18030GiveTheSamePlan) {
  const import_result csv = import_table(seed + "/published.csv");
  const import_result html = import_table(seed + "/published.html");
  ASSERT_EQ(html.plan.indicators.size(), csv.plan.indicators.size());
  for (std::size_t k = 0; k < csv.plan.indicators.size(); ++k) {
    EXPECT_EQ(html.plan.indicators[k], csv.plan.indicators[k]) << k;
  }
  std::ifstream in(seed + "/published.csv", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string gb = test::to_gb18030(text.str());
  const std::string path = testing::TempDir() + "/published-gb18030.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << gb;
  }
  const import_result from_gb = import_table(path);
  ASSERT_EQ(from_gb.plan.indicators.size(), 25U);
  for (std::size_t k = 0; k < csv.plan.indicators.size(); ++k)
    EXPECT_EQ(from_gb.plan.indicators[k], csv.plan.indicators[k]) << k;
}

// With the overrides that record what the table does not say (ids, the units the source text
// lost, two binding attributes), the published table evaluates as the hand-made plan does.
TEST(ImportSeed, SameStatusesAsTheHandMadePlan) {
  import_options o;
  o.overrides = load_import_overrides(seed + "/published-overrides.csv");
  const import_result r = import_table(seed + "/published.csv", o);
  const plan hand = load_plan_table(seed + "/indicators.csv");
  const auto actuals = load_actuals(seed + "/actuals-illustrative.csv", &hand);
  const auto refs = load_references(seed + "/references-illustrative.csv", &hand);
  const auto expected = evaluate(hand, actuals, refs);
  const auto got = evaluate(r.plan, actuals, refs);
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].indicator, expected[k].indicator);
    EXPECT_EQ(got[k].status, expected[k].status)
        << expected[k].indicator << ": " << got[k].reason_en << " / " << expected[k].reason_en;
  }
  for (std::size_t k = 0; k < hand.indicators.size(); ++k) {
    const indicator& a = r.plan.indicators[k];
    const indicator& b = hand.indicators[k];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.unit, b.unit) << b.id;
    EXPECT_EQ(a.kind, b.kind) << b.id;
    EXPECT_EQ(a.polarity, b.polarity) << b.id;
    EXPECT_EQ(a.attribute, b.attribute) << b.id;
    EXPECT_EQ(a.accumulation, b.accumulation) << b.id;
    EXPECT_EQ(a.targets.size(), b.targets.size()) << b.id;
  }
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

TEST(ImportLenient, OneBadCellIsKeptAndTheRestEvaluated) {
  const std::string path = write_temp(
      "odd.csv",
      "2021年主要目标\n序号,指标名称,单位,2020年完成值,2021年目标值\n1,地区生产总值增速,%,5,6\n"
      "2,城镇调查失业率,%,4.5,5.5%%以内\n3,社会消费品零售总额增速,%,3..1,4\n");
  const import_result r = import_table(path);
  ASSERT_EQ(r.plan.indicators.size(), 3U);
  ASSERT_EQ(r.review.size(), 2U);
  EXPECT_EQ(r.review[0].where.cell, "E4");
  EXPECT_EQ(r.review[0].field, "target");
  EXPECT_EQ(r.review[0].text, "5.5%%以内");
  EXPECT_EQ(r.review[1].where.cell, "D5");
  EXPECT_EQ(r.review[1].field, "result");
  EXPECT_EQ(r.plan.indicators[1].targets.at(0).rule.operation, op::unparsed);
  observation_set actuals;
  actuals.add(observation_from_text(r.plan.indicators[0].id, period::year(2021), "6.5"));
  actuals.add(observation_from_text(r.plan.indicators[1].id, period::year(2021), "5.0"));
  const auto a = evaluate(r.plan, actuals, {});
  ASSERT_EQ(a.size(), 3U);
  EXPECT_EQ(a[0].status, status::met);
  EXPECT_EQ(a[1].status, status::needs_review);
  EXPECT_NE(a[1].reason_en.find("kept as text"), std::string::npos);
  // strict: the first cell fails, located at its cell
  import_options strict;
  strict.strict = true;
  try {
    (void)import_table(path, strict);
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.where().cell, "E4");
    EXPECT_NE(std::string(e.what()).find("cell E4"), std::string::npos);
  }
}

TEST(ImportLenient, ReviewedResultCellsMarkTheirAssessments) {
  const std::string path =
      write_temp("execution.csv",
                 "“十三五”规划主要指标完成情况\n序号,指标名称,2020年目标值,2020年完成值\n"
                 "1,全区生产总值(亿元),1000,1008.5\n2,人均生产总值(元),130000,约13万元上下浮动\n");
  const import_result r = import_table(path);
  ASSERT_EQ(r.plan.indicators.size(), 2U);
  EXPECT_EQ(r.actuals.size(), 1U);
  ASSERT_EQ(r.review.size(), 1U);
  auto a = evaluate(r.plan, r.actuals, {});
  apply_review(a, r.review);
  ASSERT_EQ(a.size(), 2U);
  EXPECT_TRUE(is_attained(a[0].status));
  EXPECT_EQ(a[1].status, status::needs_review);
  EXPECT_NE(a[1].reason_zh.find("D4"), std::string::npos) << a[1].reason_zh;
}

TEST(ImportErrors, NoHeaderAndOverrides) {
  try {
    (void)import_table(write_temp("prose.csv", "只有一段文字\n另一段文字\n"));
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::table_no_header);
    EXPECT_NE(std::string(e.what()).find("指标名称"), std::string::npos);
  }
  import_options o;
  o.overrides.push_back({"i01_gdp", "colour", "red"});
  try {
    (void)import_table(seed + "/published.csv", o);
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::usage);
    EXPECT_NE(std::string(e.what()).find("polarity"), std::string::npos);
  }
  import_options unknown;
  unknown.overrides.push_back({"i99", "unit", "%"});
  try {
    (void)import_table(seed + "/published.csv", unknown);
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::usage);
    EXPECT_NE(std::string(e.what()).find("i01_gdp"), std::string::npos);
  }
  // an override by published name renames the indicator everywhere
  import_options rename;
  rename.overrides.push_back({"全区生产总值(GDP)增速", "id", "gdp_growth"});
  const auto r = import_table(seed + "/published.csv", rename);
  EXPECT_EQ(r.plan.indicators[0].id, "gdp_growth");
  EXPECT_EQ(r.plan.indicators[0].baseline->indicator, "gdp_growth");
  EXPECT_TRUE(inferred(r, "gdp_growth", "id", "gdp_growth"));
}

// NDRC's English plan-implementation table: the headers say Projected Figure and Actual Figure,
// the year is in the title. The rows are the real ones of tests/data/phrasings (cn-2018-ndrc-en);
// the title row is this test's own (the stored page's title row was not kept).
TEST(ImportEnglish, PlanImplementationTableWithItsYearInTheTitle) {
  const std::string path =
      write_temp("ndrc-2018-en.csv",
                 "Implementation of the 2018 Plan (title written for this test)\n"
                 "Targets,Unit,Projected Figure,Actual Figure\n"
                 "GDP,%,Up 6.5 approx.,Up 6.6\n"
                 "Primary Industry,%,Up 3.4 approx.,Up 3.5\n"
                 "Includes: grain output,Million metric tons,Over 550.00,657.89\n"
                 "Percentage of permanent urban residents,%,59.42,59.58\n");
  const import_result r = import_table(path);
  ASSERT_EQ(r.plan.indicators.size(), 4U);
  EXPECT_TRUE(r.review.empty());
  const auto& gdp = r.plan.indicators[0];
  ASSERT_EQ(gdp.targets.size(), 1U);
  EXPECT_EQ(gdp.targets[0].period, period::year(2018));
  EXPECT_EQ(gdp.targets[0].rule.operation, op::about);
  EXPECT_EQ(r.actuals.size(), 4U);
  const auto a = evaluate(r.plan, r.actuals, {});
  ASSERT_EQ(a.size(), 4U);
  // a growth target on a rate in %: the rate itself, 6.6 against about 6.5
  EXPECT_EQ(a[0].status, status::met) << a[0].reason_en;
  EXPECT_EQ(*a[0].actual, 6.6);
  EXPECT_EQ(a[2].status, status::met) << a[2].reason_en;  // 657.89 over 550
  EXPECT_EQ(a[3].status, status::met) << a[3].reason_en;  // 59.58 against 59.42
}

// A row whose name lists its quantities and whose target gives one figure for each (分别) is
// split into one indicator per quantity. The names and targets are real (tests/data/phrasings
// corpus rows p0101, p0060 and p0370: 2025 work reports of 历城区 and of the State Council, the
// 2024 plan of 新乡); the table around them is written for the test.
TEST(ImportCompound, ARowListingItsQuantitiesIsSplit) {
  const std::string path = write_temp("listed.csv",
                                      "指标名称,单位,2025年目标\n"
                                      "城乡居民人均可支配收入,%,\"分别增长5.5%、6%以上\"\n"
                                      "高技术制造业、装备制造业增加值,%,\"分别增长 8.9%、7.7%\"\n"
                                      "金融机构存、贷款余额,%,\"分别增长8.8%、11.9%\"\n"
                                      "城镇、农村居民人均可支配收入,%,\"分别增长6%和7%左右\"\n");
  const import_result r = import_table(path);
  std::vector<std::string> names;
  for (const auto& ind : r.plan.indicators) names.push_back(ind.name_zh);
  // 城乡 does not list its parts with 、; 存、贷款余额 cannot be completed: both stay whole
  const std::vector<std::string> expected = {"城乡居民人均可支配收入", "高技术制造业增加值",
                                             "装备制造业增加值",       "金融机构存、贷款余额",
                                             "城镇居民人均可支配收入", "农村居民人均可支配收入"};
  EXPECT_EQ(names, expected);
  const auto& high_tech = r.plan.indicators[1];
  ASSERT_EQ(high_tech.targets.size(), 1U);
  EXPECT_EQ(high_tech.targets[0].rule, parse_target("增长8.9%"));
  EXPECT_EQ(high_tech.targets[0].text, "分别增长 8.9%、7.7%");  // as published
  EXPECT_EQ(r.plan.indicators[5].targets[0].rule, parse_target("增长7%左右"));
  // the split is recorded, and the row's other decisions hold for each quantity
  bool recorded = false;
  for (const auto& i : r.inferences) {
    EXPECT_NE(i.indicator, r.plan.indicators[1].id.substr(0, r.plan.indicators[1].id.size() - 2))
        << "an inference still names the row that was split: " << i.field;
    if (i.indicator == high_tech.id && i.field == "name_zh") recorded = true;
  }
  EXPECT_TRUE(recorded);
  // every target keeps its cell
  std::vector<assessment> a = evaluate(r.plan, r.actuals, {});
  apply_sources(a, r);
  for (const auto& x : a) EXPECT_FALSE(x.source.empty()) << x.indicator;
  // the rows left whole need review: their figures are for two quantities
  EXPECT_EQ(a[0].status, status::needs_review);
  EXPECT_EQ(a[3].status, status::needs_review);
}

}  // namespace
}  // namespace planeval
