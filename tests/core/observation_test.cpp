#include "planeval/core/observation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

TEST(parse_observation, numbers_and_units) {
  auto o = parse_observation("7.05%");
  EXPECT_EQ(std::get<point_value>(o.value).value, 7.05);
  EXPECT_EQ(o.unit, unit::percent());
  EXPECT_EQ(o.measure.kind, measure_kind::level);
  o = parse_observation("-5");
  EXPECT_EQ(std::get<point_value>(o.value).value, -5);
  o = parse_observation("−1.96");  // U+2212 minus sign
  EXPECT_EQ(std::get<point_value>(o.value).value, -1.96);
}

TEST(parse_observation, changes_from_words) {
  auto o = parse_observation("增长8.1%");
  EXPECT_EQ(o.measure.kind, measure_kind::growth);
  EXPECT_EQ(std::get<point_value>(o.value).value, 8.1);
  o = parse_observation("下降4%");
  EXPECT_EQ(std::get<point_value>(o.value).value, -4);
  o = parse_observation("提升3.89个百分点");
  EXPECT_EQ(o.measure.kind, measure_kind::change_points);
  EXPECT_EQ(std::get<point_value>(o.value).value, 3.89);
}

TEST(parse_observation, approximate_points_bounds_and_intervals) {
  auto o = parse_observation("8%左右");
  EXPECT_TRUE(o.approximate);
  EXPECT_EQ(std::get<point_value>(o.value).value, 8);
  o = parse_observation("84以上");
  const auto b = std::get<bound_value>(o.value);
  EXPECT_TRUE(b.at_least);
  EXPECT_EQ(b.value, 84);
  o = parse_observation("4.5以内");
  EXPECT_FALSE(std::get<bound_value>(o.value).at_least);
  o = parse_observation(">=84");
  EXPECT_TRUE(std::get<bound_value>(o.value).at_least);
  o = parse_observation("5-10");
  EXPECT_EQ(std::get<interval_value>(o.value), (interval_value{5, 10}));
}

TEST(parse_observation, judgments) {
  EXPECT_EQ(std::get<judgment_value>(parse_observation("达标").value).verdict, judgment::met);
  EXPECT_EQ(std::get<judgment_value>(parse_observation("完成").value).verdict, judgment::met);
  EXPECT_EQ(std::get<judgment_value>(parse_observation("基本完成").value).verdict,
            judgment::basically_met);
  EXPECT_EQ(std::get<judgment_value>(parse_observation("超额完成").value).verdict,
            judgment::exceeded);
  EXPECT_EQ(std::get<judgment_value>(parse_observation("未完成").value).verdict, judgment::not_met);
  EXPECT_EQ(std::get<judgment_value>(parse_observation("met").value).verdict, judgment::met);
  EXPECT_EQ(std::get<judgment_value>(parse_observation("not met").value).verdict,
            judgment::not_met);
}

TEST(parse_observation, qualifiers_and_cumulation) {
  auto o = parse_observation("新开工116");
  EXPECT_EQ(o.qualifier.flow, "新开工");
  o = parse_observation("五年累计竣工208.9");
  EXPECT_EQ(o.qualifier.flow, "竣工");
  EXPECT_TRUE(o.qualifier.cumulative);
  EXPECT_EQ(o.qualifier.cumulative_years, 5);
}

TEST(parse_observation, comparable_figure) {
  const auto o = parse_observation("10.9(可比7.0)");
  EXPECT_EQ(std::get<point_value>(o.value).value, 10.9);
  ASSERT_TRUE(o.comparable);
  EXPECT_EQ(*o.comparable, 7.0);
  EXPECT_EQ(canonical(o), "10.9(可比7)");
  EXPECT_EQ(parse_observation(canonical(o)).comparable, o.comparable);
}

TEST(parse_observation, missing_values) {
  for (const char* t : {"", "  ", "-", "—", "--", "/", "n/a", "无"})
    EXPECT_TRUE(std::holds_alternative<missing_value>(parse_observation(t).value)) << t;
}

TEST(parse_observation, targets_are_not_observations) {
  for (const char* t : {"进一步提高", "与全市目标基本同步", "控制在市下达指标之内"}) {
    try {
      parse_observation(t);
      FAIL() << t;
    } catch (const parse_error& e) {
      EXPECT_EQ(e.code(), errc::observation_syntax) << t;
    }
  }
  EXPECT_THROW(parse_observation("8%%"), parse_error);
  // as a result, fulfilling a quota is the judgment that it was met (issue 17)
  EXPECT_EQ(parse_observation("完成市下达指标").value, observed{judgment_value{judgment::met}});
}

TEST(observation, interval_view) {
  auto i = as_interval(point_value{3});
  EXPECT_EQ(i->low, 3);
  EXPECT_EQ(i->high, 3);
  i = as_interval(bound_value{84, true, false});
  EXPECT_EQ(i->low, 84);
  EXPECT_TRUE(std::isinf(i->high));
  i = as_interval(bound_value{4.5, false, true});
  EXPECT_TRUE(i->high_open);
  EXPECT_FALSE(as_interval(judgment_value{judgment::met}));
  EXPECT_FALSE(as_interval(missing_value{}));
}

TEST(observation, flags_are_sdmx_codes) {
  EXPECT_NO_THROW(validate_flags("EP"));
  EXPECT_THROW(validate_flags("X"), model_error);
  EXPECT_THROW(validate_flags("EE"), model_error);
  observation o;
  o.flags = "PE";
  EXPECT_TRUE(o.approximate());
}

TEST(observation_set, keys_are_indicator_period_measure) {
  observation_set s;
  observation o;
  o.indicator = "gdp";
  o.period = period::year(2021);
  o.value = point_value{5};
  s.add(o);
  observation g = o;
  g.measure.kind = measure_kind::growth;
  s.add(g);  // same period, another measure
  EXPECT_THROW(s.add(o), model_error);
  EXPECT_EQ(s.size(), 2u);
  EXPECT_NE(s.find("gdp", period::year(2021)), nullptr);
  EXPECT_EQ(s.find("gdp", period::year(2020)), nullptr);
  EXPECT_EQ(s.find_any("gdp", period::year(2021))->measure.kind, measure_kind::level);
  o.value = point_value{6};
  s.put(o);
  EXPECT_EQ(std::get<point_value>(s.find("gdp", period::year(2021))->value).value, 6);
  observation earlier = o;
  earlier.period = period::year(2019);
  s.add(earlier);
  const auto series = s.series("gdp");
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series.front()->period, period::year(2019));
}

TEST(reference_set, keys_are_indicator_period) {
  reference_set s;
  s.add(reference_value{"energy", period::year(2021), 3.5, unit::percent(), "quota"});
  EXPECT_THROW(s.add(reference_value{"energy", period::year(2021), 3.6, unit(), ""}), model_error);
  s.put(reference_value{"energy", period::year(2021), 3.6, unit(), ""});
  EXPECT_EQ(s.find("energy", period::year(2021))->value, 3.6);
  EXPECT_EQ(s.find("energy", period::year(2022)), nullptr);
}

TEST(parse_observation, errors_carry_observation_codes) {
  const std::pair<const char*, errc> rows[] = {
      {"abc5", errc::observation_syntax},
      {"10000000000000000", errc::observation_number},
      {"0.0000000000000000001", errc::observation_number},
      {"10-5", errc::observation_range},
      {"5%-6万人", errc::observation_range},
      {"增长5万平方米", errc::observation_unit},
      {"5\xff%", errc::observation_encoding},
  };
  for (const auto& [text, code] : rows) {
    try {
      parse_observation(text);
      ADD_FAILURE() << text;
    } catch (const parse_error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
    }
  }
  // the same texts as targets keep the target codes
  EXPECT_THROW(
      try { parse_target("10-5"); } catch (const parse_error& e) {
        EXPECT_EQ(e.code(), errc::target_range);
        throw;
      },
      parse_error);
}
