#include "planeval/render/evaluation.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {
struct small_plan {
  plan p;
  std::vector<assessment> as;
  plan_summary s;
  small_plan() {
    indicator ind;
    ind.id = "revenue";
    ind.name_zh = "区级一般公共预算收入增速";
    ind.name_en = "Budget revenue growth";
    ind.unit = unit::percent();
    ind.targets.push_back(target{period::year(2021), "5", parse_target("5")});
    p.add(ind);
    observation_set obs;
    observation o;
    o.indicator = "revenue";
    o.period = period::year(2021);
    o.value = point_value{5.8};
    o.text = "5.8";
    obs.add(o);
    as = evaluate(p, obs, reference_set{});
    s = summarize(p, as);
  }
};
}  // namespace

TEST(write_evaluation_table, aligns_wide_characters_and_ends_with_the_narrative) {
  small_plan sp;
  std::ostringstream out;
  write_evaluation_table(out, sp.p, sp.as, sp.s, language::zh);
  const std::string text = out.str();
  EXPECT_NE(text.find("区级一般公共预算收入增速  2021  5     5.8     完成  +0.8个百分点"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2021年共涉及1个指标"), std::string::npos);
}

TEST(write_evaluation_markdown, table_with_escaped_cells) {
  small_plan sp;
  std::ostringstream out;
  write_evaluation_markdown(out, sp.p, sp.as, sp.s, language::en);
  const std::string text = out.str();
  EXPECT_NE(text.find("| 1 | Budget revenue growth | 2021 | 5 | 5.8 | met | +0.8 pp |"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("In 2021 the plan covered 1 indicator"), std::string::npos);
}

TEST(write_evaluation_table, english_output_names_units_in_english) {
  plan p;
  indicator ind;
  ind.id = "stations";
  ind.name_zh = "新建站点";  // no English name: the Chinese one is shown
  ind.unit = unit::parse("个");
  ind.targets.push_back(target{period::year(2021), "100", parse_target("100")});
  p.add(ind);
  observation_set obs;
  observation o;
  o.indicator = "stations";
  o.period = period::year(2021);
  o.value = point_value{300};
  o.text = "300";
  obs.add(o);
  const auto as = evaluate(p, obs, reference_set{});
  std::ostringstream out;
  write_evaluation_table(out, p, as, summarize(p, as), language::en);
  const std::string text = out.str();
  EXPECT_NE(text.find("新建站点"), std::string::npos) << text;
  EXPECT_NE(text.find("+200 units"), std::string::npos) << text;
  EXPECT_NE(text.find("(200 units above the target)"), std::string::npos) << text;
  EXPECT_EQ(text.find("个"), std::string::npos) << text;
}
