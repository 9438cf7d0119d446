#include "planeval/render/analytics.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "planeval/analytics/fields.hpp"
#include "support/plan_fixture.hpp"

using namespace planeval;
using planeval::test::plan_fixture;
using json = nlohmann::json;

namespace {

plan_fixture pace_plan() {
  plan_fixture f;
  auto& ind = f.add("estates", "万平方米", "新开工100", accumulation::flow);
  ind.name_zh = "精品小区建设面积";
  ind.name_en = "Quality estates";
  f.actual("estates", "2021-01", "新开工5.2");
  f.actual("estates", "2021-02", "新开工7.65");
  f.add("nothing", "%", "");
  return f;
}

}  // namespace

TEST(pace_output, json_table_and_markdown) {
  auto f = pace_plan();
  pace_options opt;
  opt.year = 2021;
  const auto as = assess_pace(f.p, f.actuals, f.refs, opt);
  const json j = json::parse(pace_to_json(f.p, as, language::en));
  ASSERT_EQ(j["assessments"].size(), 2U);
  const auto& a = j["assessments"][0];
  EXPECT_EQ(a["indicator"], "estates");
  EXPECT_EQ(a["name"], "Quality estates");
  EXPECT_EQ(a["status"], "behind");
  EXPECT_EQ(a["method"], "flow_share");
  EXPECT_EQ(a["as_of"], "2021-02-28");
  EXPECT_EQ(a["latest"], "2021-02");
  EXPECT_NEAR(a["done_share"].get<double>(), 0.1285, 1e-12);
  EXPECT_NEAR(a["gap_points"].get<double>(), -3.82, 1e-9);
  EXPECT_TRUE(j["assessments"][1]["gap_points"].is_null());
  EXPECT_EQ(j["assessments"][1]["status"], "no_target");

  std::ostringstream table;
  write_pace_table(table, f.p, as, language::zh);
  EXPECT_NE(table.str().find("精品小区建设面积"), std::string::npos);
  EXPECT_NE(table.str().find("-3.82个百分点"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("滞后"), std::string::npos);
  std::ostringstream md;
  write_pace_markdown(md, f.p, as, language::en);
  EXPECT_NE(md.str().find("| 1 | Quality estates | 新开工100 | 2021-02-28 |"), std::string::npos)
      << md.str();
}

TEST(trend_output, json_and_table) {
  plan_fixture f;
  f.add("patents", "件/万人", "76");
  f.actual("patents", "2016", "50");
  f.actual("patents", "2020", "72");
  const auto ts = assess_trends(f.p, f.actuals, f.refs);
  const json j = json::parse(trends_to_json(f.p, ts, language::zh));
  const auto& t = j["trends"][0];
  EXPECT_EQ(t["status"], "on_track");  // 9.54 % observed vs 8.73 % needed
  EXPECT_EQ(t["series"].size(), 2U);
  EXPECT_EQ(t["projection"]["verdict"], "maintain");
  EXPECT_TRUE(t["projection"]["lower"].is_null());  // two points: no interval
  // the one field list of a trend and of a projection, in order, with whole years
  const auto ordered = nlohmann::ordered_json::parse(trends_to_json(f.p, ts, language::zh));
  std::vector<std::string> keys;
  for (const auto& [k, v] : ordered["trends"][0].items()) keys.push_back(k);
  std::vector<std::string> expected = {"indicator", "name", "target", "target_period", "series"};
  for (const auto& fld : trend_fields(ts[0].trend, language::zh)) expected.emplace_back(fld.name);
  expected.emplace_back("projection");
  EXPECT_EQ(keys, expected);
  EXPECT_TRUE(t["base_year"].is_number_integer());
  EXPECT_EQ(t["base_year"], 2016);
  EXPECT_EQ(t["label"], status_label(trend_status::on_track, language::zh));
  EXPECT_TRUE(t["projection"]["year"].is_number_integer());
  EXPECT_EQ(t["projection"]["reason"], ts[0].projection->reason(language::zh));
  std::ostringstream table;
  write_trend_table(table, f.p, ts, language::en);
  EXPECT_NE(table.str().find("on track"), std::string::npos) << table.str();
  EXPECT_NE(table.str().find("2016–2020"), std::string::npos) << table.str();
}

TEST(index_output, json_table_and_markdown) {
  index_matrix m;
  m.units = {"a", "b", "c"};
  m.indicators.resize(2);
  m.indicators[0].id = "x";
  m.indicators[1].id = "y";
  m.indicators[1].polarity = polarity::lower;
  m.indicators[1].name_en = "Why";
  m.values = {10, 5, 20, 1, 30, 3};
  const index_options o;
  const auto r = compute_index(m, o);
  sensitivity_options so;
  so.replications = 20;
  const auto s = analyse_sensitivity(m, o, so);
  const json j = json::parse(index_to_json(m, o, r, &s, so, language::en));
  EXPECT_EQ(j["options"]["normalisation"], "min_max");
  EXPECT_EQ(j["weights"][1]["name"], "Why");
  EXPECT_EQ(j["units"][1]["rank"], 1);
  EXPECT_EQ(j["units"][0]["rank"], 3);
  EXPECT_EQ(j["sensitivity"]["replications"], 20);
  EXPECT_TRUE(j["pca"].is_null());
  std::ostringstream table;
  write_index_table(table, m, r, &s, language::en);
  // units by rank: b and c tie first, a is third
  const auto text = table.str();
  EXPECT_LT(text.find("1     b"), text.find("3     a")) << text;
  EXPECT_NE(text.find("0.7500"), std::string::npos) << text;
  std::ostringstream md;
  write_index_markdown(md, m, r, nullptr, language::zh);
  EXPECT_NE(md.str().find("| 排名 | 单位 | 指数 |"), std::string::npos) << md.str();
}
