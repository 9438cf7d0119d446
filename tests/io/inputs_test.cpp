// Input sets: merged all or nothing, a duplicate naming both origins, ids checked against the plan.
#include "planeval/io/inputs.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "planeval/analytics/fields.hpp"
#include "planeval/core/fields.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/render/analytics.hpp"
#include "planeval/render/evaluation.hpp"

using namespace planeval;

namespace {

const std::string data = PLANEVAL_EXAMPLE_DATA "/changning-2021";

observation value_of(const std::string& id, const char* per, const char* text) {
  return observation_from_text(id, period::parse(per), text);
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("planeval_inputs_" + name);
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST(inputs, an_unknown_id_is_located_at_its_position) {
  const plan p = load_plan_table(data + "/indicators.csv");
  for (const char* typo : {"gpd_growth", "GDP_GROWTH", "gdp_growth "}) {
    input_set in;
    in.add_actual(value_of("gdp_growth", "2021", "8.5"));
    in.add_actual(value_of(typo, "2021", "8.5"));
    try {
      check_input_ids(p, in);
      FAIL() << typo;
    } catch (const model_error& e) {
      EXPECT_EQ(e.code(), errc::model_unknown_id);
      EXPECT_EQ(e.where().pointer, "actuals[1]");
      EXPECT_EQ(e.where().indicator, typo);
      EXPECT_EQ(e.message(), "no indicator '" + std::string(typo) + "' in plan '" + p.id + "'");
    }
  }
  input_set refs;
  refs.add_reference(reference_from_text("work_safety_death", period::parse("2021"), "0.015"));
  EXPECT_THROW(check_input_ids(p, refs), model_error);
}

TEST(inputs, a_duplicate_names_both_files_and_lines) {
  const plan p = load_plan_table(data + "/indicators.csv");
  const std::string a = write_temp("a.csv", "indicator,period,value\ngdp_growth,2021,8.5\n");
  const std::string b = write_temp(
      "b.csv", "indicator,period,value\nbudget_revenue_growth,2021,5\ngdp_growth,2021,9\n");
  try {
    load_inputs(p, {a, b}, {});
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_duplicate);
    EXPECT_EQ(e.where().file, b);
    EXPECT_EQ(e.where().line, 3u);
    EXPECT_NE(e.message().find(a + ":2"), std::string::npos) << e.message();
  }
  // all or nothing: a failed merge leaves the set as it was
  input_set in = load_inputs(p, {a}, {});
  input_set more = load_inputs(p, {b}, {});
  EXPECT_THROW(in.merge(more), model_error);
  EXPECT_EQ(in.actuals.size(), 1u);
  EXPECT_EQ(merge_inputs({in}).actual_origins.front().line, 2u);
}

TEST(inputs, the_default_as_of_date_and_task_period_come_from_the_plan) {
  const plan p = load_plan_table(data + "/indicators.csv");
  EXPECT_EQ(default_as_of(p, parse_date("2030-01-01")), p.period.last_day());
  EXPECT_EQ(default_as_of(p, parse_date("2021-03-01")), parse_date("2021-03-01"));
  EXPECT_EQ(default_task_period(p), p.period);
}

TEST(fields, an_assessment_has_one_field_list) {
  const auto& names = assessment_field_names();
  ASSERT_EQ(names.size(), 23u);
  EXPECT_EQ(names.front(), "indicator");
  EXPECT_EQ(names[13], "unit");
  EXPECT_EQ(names.back(), "source");
  assessment a;
  a.actual = std::numeric_limits<double>::infinity();  // not finite: none
  const auto fields = assessment_fields(a, nullptr, language::en);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(fields[8].value));
}

TEST(fields, the_json_writers_follow_the_field_lists) {
  const plan p = load_plan_table(data + "/indicators.csv");
  auto keys = [](const nlohmann::ordered_json& row) {
    std::vector<std::string> out;
    for (const auto& [k, v] : row.items()) out.push_back(k);
    return out;
  };
  auto names = [](const std::vector<std::string_view>& v) {
    return std::vector<std::string>(v.begin(), v.end());
  };
  const std::vector<assessment> one(1);
  const auto evaluation =
      nlohmann::ordered_json::parse(evaluation_to_json(p, one, summarize(p, one), language::en));
  EXPECT_EQ(keys(evaluation["assessments"][0]), names(assessment_field_names()));
  const auto pace =
      nlohmann::ordered_json::parse(pace_to_json(p, {pace_assessment{}}, language::en));
  EXPECT_EQ(keys(pace["assessments"][0]), names(pace_field_names()));
}
