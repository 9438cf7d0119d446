#include "planeval/render/rule.hpp"

#include <gtest/gtest.h>

#include "planeval/core/parse.hpp"

using namespace planeval;

TEST(rule_json, fields_per_op) {
  EXPECT_EQ(
      rule_to_json(parse_target("5-10")),
      R"({"op":"between","measure":"level","low":5.0,"high":10.0,"unit":null,"qualifier":null,"remark":null})");
  EXPECT_EQ(
      rule_to_json(parse_target("完成市下达指标")),
      R"({"op":"reach","measure":"level","reference":"市下达指标","unit":null,"qualifier":null,"remark":null})");
  EXPECT_EQ(
      rule_to_json(parse_target("五年累计竣工208.9")),
      R"({"op":"reach","measure":"level","value":208.9,"unit":null,"qualifier":{"flow":"竣工","cumulative":true,"years":5},"remark":null})");
  EXPECT_EQ(
      rule_to_json(parse_target("比2005年下降36%以上")),
      R"({"op":"at_most","measure":"change_since","base_year":2005,"value":-36.0,"unit":"%","qualifier":null,"remark":null})");
}

TEST(parse_result_json, success_and_error) {
  bool ok = false;
  EXPECT_EQ(
      parse_result_json("3左右", ok),
      R"({"text":"3左右","canonical":"3左右","canonical_en":"about 3","rule":{"op":"about","measure":"level","value":3.0,"unit":null,"qualifier":null,"remark":null}})");
  EXPECT_TRUE(ok);
  const auto err = parse_result_json("5-", ok);
  EXPECT_FALSE(ok);
  EXPECT_NE(err.find(R"("code":"target.syntax")"), std::string::npos) << err;
  EXPECT_NE(err.find(R"("column":3)"), std::string::npos) << err;
}
