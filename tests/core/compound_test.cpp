// Compound cells: several figures in one target or result text (达1211亿元、增长6.8%,
// 分别增长6%和7%左右), parsed, printed, judged part by part and read as observations.
#include <gtest/gtest.h>

#include <random>

#include "planeval/core/error.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/rule.hpp"
#include "support/rule_builders.hpp"

using namespace planeval;
using namespace planeval::test;

namespace {

rule compound(std::vector<rule> parts, bool respectively = false, const char* remark = "") {
  rule r;
  r.operation = op::compound;
  r.parts = std::move(parts);
  r.respectively = respectively;
  r.remark = remark;
  return r;
}

struct parse_case {
  const char* text;
  rule expected;
};

}  // namespace

// Real cells (tests/data/phrasings/corpus.tsv has their sources).
TEST(compound_rule, parses_the_real_forms) {
  const parse_case cases[] = {
      // a level and its growth, each with its own verb
      {"达1211亿元、增长6.8%",
       compound({level(op::reach, 1211, "亿元"), growth(level(op::reach, 6.8, "%"))})},
      {"478亿元,增长6.8%",
       compound({level(op::reach, 478, "亿元"), growth(level(op::reach, 6.8, "%"))})},
      {"突破4000亿元、增长11.6%",
       compound({strict(level(op::at_least, 4000, "亿元")), growth(level(op::reach, 11.6, "%"))})},
      // the first clause that is not a figure starts the remark
      {"达到5.67万亿元、增长5.4%,好于预期",
       compound({level(op::reach, 5.67, "万亿元"), growth(level(op::reach, 5.4, "%"))}, false,
                "好于预期")},
      // 分别: later bare numbers take the first item's verb, a closing 左右/以上 is every item's
      {"分别增长5%和7.5%左右",
       compound({growth(level(op::about, 5, "%")), growth(level(op::about, 7.5, "%"))}, true)},
      {"分别增长5.5%、6%以上",
       compound({growth(level(op::at_least, 5.5, "%")), growth(level(op::at_least, 6, "%"))},
                true)},
      {"分别增长8.9%、7.7%",
       compound({growth(level(op::reach, 8.9, "%")), growth(level(op::reach, 7.7, "%"))}, true)},
      {"分别达到3500亿元、4400亿元和1800亿元",
       compound({level(op::reach, 3500, "亿元"), level(op::reach, 4400, "亿元"),
                 level(op::reach, 1800, "亿元")},
                true)},
      {"分别控制在4.5%和2.5%以内",
       compound({level(op::at_most, 4.5, "%"), level(op::at_most, 2.5, "%")}, true)},
  };
  for (const auto& c : cases) {
    rule got;
    ASSERT_NO_THROW(got = parse_target(c.text)) << c.text;
    EXPECT_EQ(got, c.expected) << c.text << " read as " << canonical(got);
  }
}

TEST(compound_rule, what_stays_one_figure_and_a_remark) {
  // a bare number after a comma could be a misplaced separator: a remark
  EXPECT_EQ(parse_target("5,10"), remark(level(op::reach, 5), "10"));
  // 304,5万吨: a separator inside a number is not two figures
  EXPECT_EQ(parse_target("304,5万吨").operation, op::reach);
  // 增长5,5%: a decimal comma after a growth figure, not growth 5% and a level of 5%
  const rule typo = parse_target("增长5,5%");
  EXPECT_EQ(typo.operation, op::reach);
  EXPECT_EQ(typo.remark, "5%");
  EXPECT_EQ(parse_observation("增长5,5%").also.size(), 0U);
  // a unit or a verb before the comma still starts a second figure
  EXPECT_EQ(parse_target("增长5%,5%").operation, op::compound);
  EXPECT_EQ(parse_target("达1211亿元,增长6.8%").operation, op::compound);
  // a remark that is a comparison with a named quantity stays a remark
  const rule r = parse_target("增长5.3%、高于全国0.4个百分点");
  EXPECT_EQ(r.operation, op::reach);
  EXPECT_EQ(r.remark, "高于全国0.4个百分点");
}

TEST(compound_rule, prints_canonically_and_reads_back) {
  const rule joint = parse_target("达1211亿元、增长6.8%");
  EXPECT_EQ(canonical(joint), "1211亿元、增长6.8%");
  EXPECT_EQ(canonical(joint, language::en), "1211 亿元; up 6.8%");
  const rule list = parse_target("分别增长5%和7.5%左右");
  EXPECT_EQ(canonical(list), "分别增长5%左右、增长7.5%左右");
  EXPECT_EQ(canonical(list, language::en), "respectively up about 5%; up about 7.5%");
  // a level after a change is written with 达到, so that it does not take the change's verb
  const rule mixed =
      compound({growth(level(op::reach, 5, "%")), level(op::at_least, 95, "%")}, true);
  EXPECT_EQ(canonical(mixed), "分别增长5%、达到95%以上");
  for (const rule& r : {joint, list, mixed})
    for (const auto lang : {language::zh, language::en})
      EXPECT_EQ(parse_target(canonical(r, lang)), r) << canonical(r, lang);
}

TEST(compound_rule, random_compounds_round_trip) {
  std::mt19937 rng(20261203);
  std::uniform_int_distribution<int> pick(0, 1000);
  const char* units[] = {"亿元", "万人", "%", "家", "万平方米"};
  for (int k = 0; k < 2000; ++k) {
    std::vector<rule> parts;
    const int n = 2 + pick(rng) % 3;
    for (int i = 0; i < n; ++i) {
      const double v = 1 + pick(rng) / 4.0;
      const op ops[] = {op::reach, op::about, op::at_least, op::at_most};
      rule p = level(ops[pick(rng) % 4], v, units[pick(rng) % 5]);
      if (pick(rng) % 3 == 0) p = growth(level(ops[pick(rng) % 4], v));
      if (pick(rng) % 7 == 0) p = range(v, v + 1, units[pick(rng) % 5]);
      parts.push_back(p);
    }
    const rule r = compound(parts, pick(rng) % 2 == 0, pick(rng) % 4 == 0 ? "力争更好结果" : "");
    for (const auto lang : {language::zh, language::en}) {
      const std::string text = canonical(r, lang);
      rule back;
      ASSERT_NO_THROW(back = parse_target(text)) << text;
      ASSERT_EQ(back, r) << "text: " << text << " reprinted: " << canonical(back, lang);
    }
  }
}

// --- judged part by part --------------------------------------------------------------------

namespace {

struct compound_fixture {
  plan p;
  observation_set actuals;
  reference_set refs;
  explicit compound_fixture(const char* target_text) {
    indicator ind;
    ind.id = "retail";
    ind.name_zh = "社会消费品零售总额";
    ind.unit = unit::parse("亿元");
    ind.targets.push_back(target{period::year(2024), target_text, parse_target(target_text)});
    p.add(ind);
  }
  void actual(const char* text) {
    for (auto& o : to_observations("retail", period::year(2024), text, parse_observation(text)))
      actuals.add(std::move(o));
  }
  assessment eval() {
    const indicator& ind = *p.find("retail");
    return evaluate_target(p, ind, ind.targets.front(), actuals, refs, {});
  }
};

}  // namespace

TEST(compound_evaluation, met_only_when_every_part_is_met) {
  compound_fixture f("达1211亿元、增长6.8%");
  f.actual("1250亿元、增长7.1%");  // one result text gives the level and the growth
  ASSERT_EQ(f.actuals.size(), 2u);
  auto a = f.eval();
  EXPECT_EQ(a.status, status::met);
  EXPECT_EQ(a.target_text, "达1211亿元、增长6.8%");
  EXPECT_NE(a.reason_zh.find("“1211亿元”"), std::string::npos) << a.reason_zh;
  EXPECT_NE(a.reason_zh.find("“增长6.8%”"), std::string::npos) << a.reason_zh;
  EXPECT_NE(a.reason_en.find("'up 6.8%'"), std::string::npos) << a.reason_en;

  compound_fixture slow("达1211亿元、增长6.8%");
  slow.actual("1250亿元、增长5.2%");
  a = slow.eval();
  EXPECT_EQ(a.status, status::not_met);
  EXPECT_EQ(a.measure.kind, measure_kind::growth);  // the part not met decides the figures
  ASSERT_TRUE(a.gap.has_value());
  EXPECT_DOUBLE_EQ(*a.gap, -1.6);

  compound_fixture half("达1211亿元、增长6.8%");
  half.actual("1250亿元");
  EXPECT_EQ(half.eval().status, status::no_data);  // the growth is not known
}

TEST(compound_evaluation, a_list_for_several_quantities_needs_the_row_split) {
  compound_fixture f("分别增长6%和7%左右");
  f.actual("增长6.5%");
  const auto a = f.eval();
  EXPECT_EQ(a.status, status::needs_review);
  EXPECT_NE(a.reason_en.find("split it into 2"), std::string::npos) << a.reason_en;
}

// --- results ----------------------------------------------------------------------------------

TEST(compound_observation, further_figures_are_kept_with_their_measures) {
  const auto o = parse_observation("达3.68万亿元、增长5.8%,增速高于全国、全省平均水平");
  EXPECT_EQ(std::get<point_value>(o.value).value, 3.68);
  ASSERT_EQ(o.also.size(), 1u);
  EXPECT_EQ(o.also[0].measure.kind, measure_kind::growth);
  EXPECT_EQ(std::get<point_value>(o.also[0].value).value, 5.8);
  EXPECT_EQ(o.remark, "增速高于全国、全省平均水平");
  EXPECT_EQ(canonical(o), "3.68万亿元、增长5.8%,增速高于全国、全省平均水平");
  const auto all = to_observations("gdp", period::year(2024), "t", o);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].measure.kind, measure_kind::growth);
  // a second figure of a measure already given adds nothing
  const auto same = parse_observation("增长13.3%、连续48个月保持两位数增长");
  EXPECT_EQ(to_observations("x", period::year(2024), "t", same).size(), 1u);
}

TEST(compound_observation, figures_for_several_quantities_are_refused_by_readers) {
  const auto o = parse_observation("分别增长8.3%、10%");
  EXPECT_TRUE(o.respectively);
  ASSERT_EQ(o.also.size(), 1u);
  EXPECT_EQ(canonical(o), "分别增长8.3%、增长10%");
  try {
    check_one_quantity(o);
    FAIL() << "a 分别 result was accepted";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.code(), errc::observation_syntax);
    EXPECT_NE(e.message().find("2 quantities"), std::string::npos) << e.message();
  }
}

TEST(compound_observation, no_door_takes_the_first_of_several_quantities) {
  const auto o = parse_observation("分别增长8.3%、10%");
  EXPECT_THROW((void)to_observation("x", period::year(2024), "t", o), parse_error);
  EXPECT_THROW((void)to_observations("x", period::year(2024), "t", o), parse_error);
}
