#include "planeval/core/plan.hpp"

#include <gtest/gtest.h>

#include "detail/enum_names.hpp"
#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/task.hpp"
#include "planeval/core/validate.hpp"

using namespace planeval;

namespace {
indicator make(const char* id, const char* u, const char* target_text) {
  indicator ind;
  ind.id = id;
  ind.unit = unit::parse(u);
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
  EXPECT_EQ(p.find("b")->unit.symbol(), "万平方米");
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
  b.indicators[0].targets[0].rule.value = 6;
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

TEST(enums, messages_say_what_a_name_should_be_with_its_article) {
  const auto message = [](auto parse) {
    try {
      parse();
    } catch (const model_error& e) {
      EXPECT_EQ(e.code(), errc::model_enum);
      return e.message();
    }
    ADD_FAILURE() << "no error";
    return std::string();
  };
  EXPECT_EQ(message([] { from_string<indicator_kind>("speed"); }),
            "'speed' is not an indicator kind (expected one of: rate, count, area, ratio, amount, "
            "qualitative)");
  EXPECT_EQ(message([] { from_string<judgment>("ok"); }),
            "'ok' is not a judgment (expected one of: met, basically_met, exceeded, not_met)");
  EXPECT_EQ(message([] { from_string<task_status>("open"); }),
            "'open' is not a task status (expected one of: not_started, in_progress, done, "
            "suspended, cancelled)");
}

TEST(enums, one_table_gives_every_function) {
  enum class colour { red, green };
  constexpr detail::enum_names<colour, 2> names{"a colour",
                                                {{{colour::red, "red"}, {colour::green, "green"}}}};
  static_assert(names.try_from_string("green") == colour::green);
  EXPECT_STREQ(names.to_string(colour::red), "red");
  EXPECT_FALSE(names.try_from_string("blue"));
  EXPECT_EQ(names.accepted(), "red, green");
  try {
    names.from_string("blue");
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.message(), "'blue' is not a colour (expected one of: red, green)");
    EXPECT_EQ(e.where().fragment, "blue");
  }
}

TEST(enums, status_labels_come_from_the_same_table) {
  EXPECT_STREQ(task_status_label(task_status::in_progress, language::zh), "推进中");
  EXPECT_STREQ(task_status_label(task_status::in_progress, language::en), "in progress");
  EXPECT_STREQ(task_status_label(static_cast<task_status>(200), language::en), "?");
}

TEST(validate_plan, the_throwing_sink_stops_at_the_first_problem) {
  plan p;
  p.add(make("area", "万平方米", "21.3万平方米"));
  p.indicators.push_back(make("area", "%", "5"));
  observation o;
  o.indicator = "ghost";
  p.observations.add(o);
  try {
    problem_sink sink;
    validate_plan(p, sink);
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_duplicate);
    EXPECT_EQ(e.message(), "indicator id 'area' is used twice (first at /indicators/0)");
    EXPECT_EQ(e.where().pointer, "/indicators/1/id");
    EXPECT_EQ(e.where().indicator, "area");
  }
}

TEST(validate_plan, the_collecting_sink_reports_every_problem_with_its_location) {
  plan p;
  p.add(make("area", "万平方米", "21.3万平方米"));
  p.indicators.push_back(make("", "%", "5"));
  indicator bad = make("bad", "万平方米", "39公里");
  bad.targets.push_back(bad.targets[0]);  // two targets for 2021, both in the wrong unit
  bad.baseline = observation{};
  bad.baseline->indicator = "bad";
  bad.baseline->flags = "EX";
  p.indicators.push_back(bad);
  observation o;
  o.indicator = "ghost";
  p.observations.add(o);
  reference_value r;
  r.indicator = "nobody";
  p.references.add(r);
  task t;
  t.id = "t1";
  t.parent = "missing";
  p.tasks.push_back(t);
  std::vector<error> problems;
  problem_sink sink(problems);
  EXPECT_TRUE(sink.collecting());
  validate_plan(p, sink);
  const std::vector<std::pair<errc, std::string>> expected = {
      {errc::model_invalid, "/indicators/1/id"},
      {errc::unit_incompatible, "/indicators/2/targets/0"},
      {errc::model_duplicate, "/indicators/2/targets/1"},
      {errc::unit_incompatible, "/indicators/2/targets/1"},
      {errc::model_invalid, "/indicators/2/baseline/flags"},
      {errc::model_unknown_id, "/observations/0/indicator"},
      {errc::model_unknown_id, "/references/0/indicator"},
      {errc::model_unknown_id, "/tasks/0/parent"},
  };
  ASSERT_EQ(problems.size(), expected.size());
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(problems[k].code(), expected[k].first) << k << ": " << problems[k].what();
    EXPECT_EQ(problems[k].where().pointer, expected[k].second) << k;
  }
  EXPECT_EQ(problems[1].where().indicator, "bad");
  EXPECT_EQ(problems[7].where().task, "t1");
  // plan::validate throws the first of them
  try {
    p.validate();
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.where().pointer, "/indicators/1/id");
  }
}

TEST(validate_plan, stored_rules_are_checked_against_their_texts_when_asked) {
  plan p;
  p.add(make("area", "万平方米", "21.3万平方米"));
  p.indicators[0].targets[0].rule.value = 20;
  std::vector<error> problems;
  problem_sink sink(problems);
  validate_plan(p, sink);
  EXPECT_TRUE(problems.empty());
  validation_options options;
  options.rules_match_texts = true;
  validate_plan(p, sink, options);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code(), errc::model_invalid);
  EXPECT_EQ(problems[0].where().pointer, "/indicators/0/targets/0/rule");
}

TEST(format_number, shortest_round_trip_text) {
  EXPECT_EQ(format_number(5), "5");
  EXPECT_EQ(format_number(0.017), "0.017");
  EXPECT_EQ(format_number(-3.82), "-3.82");
  EXPECT_EQ(format_number(1e-5), "0.00001");
  EXPECT_EQ(format_number(-0.0), "0");
}
