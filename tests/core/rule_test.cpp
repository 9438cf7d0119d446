// Canonical printing and the print → parse round trip over generated rules.
#include "planeval/core/rule.hpp"

#include <gtest/gtest.h>

#include <random>

#include "planeval/core/parse.hpp"
#include "support/rule_builders.hpp"

using namespace planeval;
using namespace planeval::test;

TEST(canonical, english_texts) {
  EXPECT_EQ(canonical(range(5, 10), language::en), "5 to 10");
  EXPECT_EQ(canonical(growth(level(op::about, -3)), language::en), "down about 3%");
  EXPECT_EQ(canonical(since(level(op::at_most, -36), 2005), language::en),
            "down at least 36% since 2005");
  EXPECT_EQ(canonical(cagr(level(op::at_least, 7)), language::en),
            "average annual growth of at least 7%");
  EXPECT_EQ(canonical(points(level(op::reach, 2)), language::en), "up 2 percentage points");
  EXPECT_EQ(canonical(ref(op::about, "全市目标"), language::en),
            "roughly in line with the city target");
  EXPECT_EQ(canonical(ref(op::at_most, "市下达指标"), language::en), "within the city quota");
  EXPECT_EQ(canonical(ref(op::reach, "区级目标"), language::en), "in line with \"区级目标\"");
  EXPECT_EQ(canonical(dir(op::improve), language::en), "continued improvement");
  EXPECT_EQ(canonical(qualified(level(op::reach, 100), "新开工"), language::en),
            "newly started 100");
}

TEST(canonical, chinese_texts) {
  EXPECT_EQ(canonical(range(-5, -3)), "-5至-3");
  EXPECT_EQ(canonical(growth(range(-5, -3))), "下降3%-5%");
  EXPECT_EQ(canonical(strict(level(op::at_most, 5, "%"))), "低于5%");
  EXPECT_EQ(canonical(remark(level(op::reach, 5), "力争更好")), "5,力争更好");
  EXPECT_EQ(canonical(ref(op::reach, "全市目标")), "与全市目标同步");
  EXPECT_EQ(canonical(ref(op::at_least, "经济增长")), "不低于经济增长");
}

TEST(rule, equality_covers_every_field) {
  rule a = level(op::reach, 5);
  rule b = a;
  EXPECT_EQ(a, b);
  b.remark = "x";
  EXPECT_NE(a, b);
  b = a;
  b.unit = unit::percent();
  EXPECT_NE(a, b);
  b = a;
  b.qualifier.flow = "新增";
  EXPECT_NE(a, b);
  b = a;
  b.measure.kind = measure_kind::growth;
  EXPECT_NE(a, b);
}

namespace {

// A random rule that the target language can express.
rule random_rule(std::mt19937& rng) {
  std::uniform_int_distribution<int> pick(0, 1000);
  auto value = [&] {
    const double v = pick(rng) / 4.0;  // quarters print exactly
    return pick(rng) % 5 == 0 ? -v : v;
  };
  const char* units[] = {"",     "%",    "万平方米", "家",     "人/亿元",
                         "亿元", "公里", "人次",     "百万人", "万"};
  const char* refs[] = {"全市目标", "市下达指标", "经济增长", "国家下达目标", "省政府下达的范围"};
  const int shape = pick(rng) % 12;
  rule r;
  switch (shape) {
    case 0: r = level(op::reach, std::fabs(value()), units[pick(rng) % 10]); break;
    case 1: r = level(op::about, value(), units[pick(rng) % 10]); break;
    case 2:
      r = level(op::at_least, value(), units[pick(rng) % 10]);
      r.strict = pick(rng) % 2;
      break;
    case 3:
      r = level(op::at_most, value(), units[pick(rng) % 10]);
      r.strict = pick(rng) % 2;
      break;
    case 4: {
      double a = value(), b = value();
      if (a > b) std::swap(a, b);
      r = range(a, b, units[pick(rng) % 10]);
      break;
    }
    case 5: {
      const op ops[] = {op::reach, op::about, op::at_least, op::at_most};
      r = growth(level(ops[pick(rng) % 4], value()));
      if (r.operation == op::at_least || r.operation == op::at_most) r.strict = pick(rng) % 2;
      break;
    }
    case 6:
      r = points(level(pick(rng) % 2 ? op::reach : op::about, value()));
      if (pick(rng) % 3 == 0) r.measure.base_year = 2000 + pick(rng) % 25;  // 较2020年提高…
      break;
    case 7: r = cagr(level(pick(rng) % 2 ? op::at_least : op::reach, std::fabs(value()))); break;
    case 8: r = since(level(op::at_most, -std::fabs(value()) - 1), 2000 + pick(rng) % 25); break;
    case 9: {
      const op ops[] = {op::reach, op::about, op::at_least, op::at_most};
      r = ref(ops[pick(rng) % 4], refs[pick(rng) % 5]);
      if (r.operation == op::at_least || r.operation == op::at_most) r.strict = pick(rng) % 2;
      break;
    }
    case 10: {
      const op ops[] = {op::increase, op::decrease, op::improve};
      r = dir(ops[pick(rng) % 3]);
      break;
    }
    default: {
      const char* flows[] = {"新开工", "开工", "竣工", "新增", "新建"};
      r = qualified(level(op::reach, std::fabs(value()), units[pick(rng) % 3]),
                    flows[pick(rng) % 5], pick(rng) % 3 == 0, 0);
      if (r.qualifier.cumulative) r.qualifier.cumulative_years = pick(rng) % 10;  // 累计, N年累计
      break;
    }
  }
  if (pick(rng) % 4 == 0) r.remark = "力争更好结果";
  return r;
}

}  // namespace

TEST(canonical_property, print_then_parse_gives_the_same_rule) {
  std::mt19937 rng(20210204);
  for (int k = 0; k < 5000; ++k) {
    const rule r = random_rule(rng);
    for (const auto lang : {language::zh, language::en}) {
      const std::string text = canonical(r, lang);
      rule back;
      ASSERT_NO_THROW(back = parse_target(text)) << text;
      ASSERT_EQ(back, r) << "text: " << text << " reprinted: " << canonical(back, lang);
    }
  }
}
