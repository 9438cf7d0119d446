#include "planeval/core/plan.hpp"

#include <gtest/gtest.h>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {
indicator make(const char* id, const char* u, const char* target_text) {
  indicator ind;
  ind.id = id;
  ind.u = unit::parse(u);
  ind.targets.push_back(target{period::year(2021), target_text, parse_target(target_text)});
  return ind;
}
}  // namespace

TEST(plan, add_and_find) {
  plan p;
  p.add(make("a", "%", "5"));
  p.add(make("b", "万平方米", "38.16"));
  EXPECT_THROW(p.add(make("a", "%", "6")), model_error);
  EXPECT_THROW(p.add(indicator{}), model_error);
  ASSERT_NE(p.find("b"), nullptr);
  EXPECT_EQ(p.find("b")->u.symbol(), "万平方米");
  EXPECT_EQ(p.find("c"), nullptr);
  EXPECT_NE(p.find("a")->find_target(period::year(2021)), nullptr);
  EXPECT_EQ(p.find("a")->find_target(period::year(2022)), nullptr);
}

TEST(plan, validate_checks_units_duplicates_and_ids) {
  plan p;
  p.add(make("area", "万平方米", "21.3万平方米"));
  EXPECT_NO_THROW(p.validate());
  p.indicators.push_back(make("bad", "万平方米", "39公里"));
  try {
    p.validate();
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::unit_incompatible);
    EXPECT_EQ(e.where().indicator, "bad");
    EXPECT_EQ(e.where().pointer, "/indicators/1/targets/0");
  }
  p.indicators.pop_back();
  p.indicators.push_back(make("area", "%", "5"));
  EXPECT_THROW(p.validate(), model_error);
  p.indicators.pop_back();
  observation o;
  o.indicator = "ghost";
  p.observations.add(o);
  try {
    p.validate();
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_unknown_id);
  }
}

TEST(plan, equality_is_deep) {
  plan a;
  a.add(make("a", "%", "5"));
  plan b = a;
  EXPECT_EQ(a, b);
  b.indicators[0].targets[0].r.value = 6;
  EXPECT_NE(a, b);
  b = a;
  b.settings.tolerance.about_points = 1.0;
  EXPECT_NE(a, b);
}

TEST(indicator, default_accumulation) {
  EXPECT_EQ(default_accumulation(indicator_kind::rate, {}, "绿化覆盖率"), accumulation::rate);
  qualifier q;
  q.flow = "新开工";
  EXPECT_EQ(default_accumulation(indicator_kind::area, q, "精品小区建设面积"), accumulation::flow);
  EXPECT_EQ(default_accumulation(indicator_kind::count, {}, "新增上市企业数"), accumulation::flow);
  EXPECT_EQ(default_accumulation(indicator_kind::count, {}, "高新技术企业数"), accumulation::stock);
}

TEST(enums, names_round_trip) {
  EXPECT_EQ(from_string<polarity>("lower"), polarity::lower);
  EXPECT_EQ(from_string<op>(to_string(op::at_least)), op::at_least);
  EXPECT_EQ(from_string<indicator_kind>("qualitative"), indicator_kind::qualitative);
  EXPECT_FALSE(try_from_string<attribute>("mandatory"));
  try {
    from_string<polarity>("up");
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_enum);
    EXPECT_NE(std::string(e.what()).find("higher, lower, band"), std::string::npos);
  }
}

TEST(format_number, shortest_round_trip_text) {
  EXPECT_EQ(format_number(5), "5");
  EXPECT_EQ(format_number(0.017), "0.017");
  EXPECT_EQ(format_number(-3.82), "-3.82");
  EXPECT_EQ(format_number(1e-5), "0.00001");
  EXPECT_EQ(format_number(-0.0), "0");
}
