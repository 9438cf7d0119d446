#include "planeval/io/tables.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "planeval/core/error.hpp"

using namespace planeval;

namespace {
plan read(const std::string& text) {
  std::istringstream in(text);
  return read_plan_table(in, "plan.csv");
}
template <class E>
E expect_error(const std::string& text, errc code, std::size_t line, std::size_t column) {
  try {
    read(text);
  } catch (const E& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.where().file, "plan.csv") << e.what();
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().column, column) << e.what();
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return E(code, "");
}
}  // namespace

TEST(plan_table, minimal_columns_and_defaults) {
  const plan p = read("id,target_period,target\ngdp,2021,5-10\nlife,2021,达到发达国家先进水平\n");
  ASSERT_EQ(p.indicators.size(), 2u);
  const auto& gdp = p.indicators[0];
  EXPECT_EQ(gdp.polarity, polarity::higher);
  EXPECT_EQ(gdp.attribute, attribute::anticipatory);
  EXPECT_EQ(gdp.kind, indicator_kind::amount);
  EXPECT_EQ(gdp.targets[0].rule.operation, op::between);
  EXPECT_EQ(p.indicators[1].kind, indicator_kind::qualitative);
  EXPECT_EQ(p.period, period::year(2021));
  EXPECT_EQ(p.id, "plan");
}

TEST(plan_table, full_row_with_baseline) {
  const plan p = read(
      "id,name_zh,name_en,kind,unit,polarity,attribute,category,baseline_period,baseline,target_"
      "period,target,note\n"
      "area,经济楼宇新竣工面积,Completed "
      "area,area,万平方米,higher,anticipatory,economy,2020,五年累计竣工208.9,2021,38.16,n\n"
      "jobs,城镇登记失业人数,Unemployed,count,人,lower,binding,social,,5565,2021,完成市下达指标,"
      "\n");
  const auto& area = p.indicators[0];
  ASSERT_TRUE(area.baseline);
  EXPECT_EQ(area.baseline->period, period::span(2016, 2020));  // a five-year cumulative
  EXPECT_EQ(area.baseline->qualifier.flow, "竣工");
  EXPECT_EQ(area.accumulation, accumulation::flow);
  EXPECT_EQ(area.note, "n");
  const auto& jobs = p.indicators[1];
  EXPECT_EQ(jobs.baseline->period, period::year(2020));  // the year before the target
  EXPECT_EQ(jobs.polarity, polarity::lower);
  EXPECT_EQ(jobs.attribute, attribute::binding);
  EXPECT_EQ(jobs.targets[0].rule.reference, "市下达指标");
}

TEST(plan_table, repeated_id_adds_a_target) {
  const plan p = read("id,unit,target_period,target\ngdp,%,2021,5\ngdp,,2025,年均增长6%\n");
  ASSERT_EQ(p.indicators.size(), 1u);
  ASSERT_EQ(p.indicators[0].targets.size(), 2u);
  EXPECT_EQ(p.period, period::year(2025));
  expect_error<model_error>("id,target_period,target\ngdp,2021,5\ngdp,2021,6\n",
                            errc::model_duplicate, 3, 5);
  expect_error<model_error>("id,unit,target_period,target\ngdp,%,2021,5\ngdp,亿元,2025,6\n",
                            errc::model_duplicate, 3, 5);
}

TEST(plan_table, errors_name_file_line_column_and_indicator) {
  // a target that does not parse: the column points into the cell
  const auto e = expect_error<parse_error>("id,target_period,target\ngdp,2021,增长8%%\n",
                                           errc::target_syntax, 2, 14);
  EXPECT_EQ(e.where().indicator, "gdp");
  EXPECT_EQ(e.where().pointer, "target");
  expect_error<format_error>("id,target\ngdp,5\n", errc::csv_header, 1, 1);
  expect_error<format_error>("id,target_period,target,colour\n", errc::csv_header, 1, 25);
  expect_error<parse_error>("id,target_period,target\ngdp,21,5\n", errc::period_syntax, 2, 5);
  expect_error<model_error>("id,polarity,target_period,target\ngdp,up,2021,5\n", errc::model_enum,
                            2, 5);
  expect_error<model_error>("id,target_period,target\n,2021,5\n", errc::model_invalid, 2, 1);
  expect_error<model_error>("id,unit,target_period,target\narea,万平方米,2021,39公里\n",
                            errc::unit_incompatible, 2, 16);
  expect_error<model_error>("id,target_period,target\ngdp,,5\n", errc::model_invalid, 2, 5);
}

TEST(actuals, values_flags_and_notes) {
  const plan p =
      read("id,unit,target_period,target\ngdp,%,2021,5\nlife,岁,2021,达到发达国家先进水平\n");
  std::istringstream in(
      "indicator,period,value,flags,note\ngdp,2021,8%左右,P,prelim\nlife,2021,达标,,\ngdp,2021-Q3,"
      "增长4.9%,,\n");
  const auto obs = read_actuals(in, "a.csv", &p);
  ASSERT_EQ(obs.size(), 3u);
  const auto* g = obs.find("gdp", period::year(2021));
  EXPECT_EQ(g->flags, "EP");
  EXPECT_EQ(g->note, "prelim");
  EXPECT_EQ(g->text, "8%左右");
  EXPECT_TRUE(std::holds_alternative<judgment_value>(obs.find("life", period::year(2021))->value));
  EXPECT_EQ(obs.find("gdp", period::quarter(2021, 3), measure_kind::growth)->measure.kind,
            measure_kind::growth);
}

TEST(actuals, errors) {
  const plan p = read("id,target_period,target\ngdp,2021,5\n");
  auto fails = [&](const char* text, errc code, std::size_t line, std::size_t column) {
    std::istringstream in(text);
    try {
      read_actuals(in, "a.csv", &p);
      FAIL() << text;
    } catch (const error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_EQ(e.where().line, line) << e.what();
      EXPECT_EQ(e.where().column, column) << e.what();
    }
  };
  fails("indicator,period,value\nghost,2021,5\n", errc::model_unknown_id, 2, 1);
  fails("indicator,period,value\ngdp,2021,5\ngdp,2021,6\n", errc::model_duplicate, 3, 5);
  fails("indicator,period,value\ngdp,2021,5..\n", errc::observation_syntax, 2, 11);
  fails("indicator,period,value,flags\ngdp,2021,5,X\n", errc::model_invalid, 2, 12);
  fails("indicator,value\ngdp,5\n", errc::csv_header, 1, 1);
}

TEST(references, numbers_only) {
  const plan p = read("id,target_period,target\nenergy,2021,完成市下达指标\n");
  std::istringstream in("indicator,period,value,note\nenergy,2021,3.5%,city quota\n");
  const auto refs = read_references(in, "r.csv", &p);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs.find("energy", period::year(2021))->value, 3.5);
  EXPECT_EQ(refs.find("energy", period::year(2021))->note, "city quota");
  std::istringstream bad("indicator,period,value\nenergy,2021,3.5以上\n");
  EXPECT_THROW(read_references(bad, "r.csv", &p), model_error);
}

TEST(plan_table, written_table_reads_back_equal) {
  const plan p = read(
      "id,name_zh,unit,polarity,baseline_period,baseline,target_period,target,note\n"
      "area,面积,万平方米,higher,2020,五年累计竣工208.9,2021,38.16,\"a, b\"\n"
      "jobs,人数,人,lower,2020,5565,2021,完成市下达指标,\n"
      "gdp,增速,%,higher,2020,-5,2021,与全市目标基本同步,\n"
      "gdp,,,,,,2025,年均增长6%以上,\n"
      "waste,减量率,%,higher,2020,1,,,\n");
  std::ostringstream out;
  write_plan_table(out, p);
  std::istringstream in(out.str());
  const plan back = read_plan_table(in, "plan.csv");
  EXPECT_EQ(back.indicators, p.indicators) << out.str();
}

TEST(observation_from_text, reads_a_value_as_an_actuals_row_does) {
  const period y2021 = period::year(2021);
  // the same value through the CSV reader and through the function: equal observations
  std::istringstream in("indicator,period,value,flags\nretail,2021,3%左右,P\ngdp,2021,增长8.1%,\n");
  const observation_set csv = read_actuals(in, "a.csv");
  EXPECT_EQ(observation_from_text("retail", y2021, " 3%左右 ", "P"), csv.items()[0]);
  EXPECT_EQ(observation_from_text("gdp", y2021, "增长8.1%"), csv.items()[1]);
  EXPECT_EQ(observation_from_text("retail", y2021, "3%左右", "PE").flags, "EP");
  EXPECT_TRUE(std::holds_alternative<missing_value>(observation_from_text("x", y2021, "").value));
  EXPECT_THROW(observation_from_text("", y2021, "5"), model_error);
  EXPECT_THROW(observation_from_text("x", y2021, "5", "Z"), model_error);
  try {
    observation_from_text("x", y2021, "5x%");
    ADD_FAILURE() << "no error";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.code(), errc::observation_syntax);
    EXPECT_GT(e.where().column, 0u);
  }
}

TEST(reference_from_text, reads_a_number_with_its_unit) {
  const period y2021 = period::year(2021);
  std::istringstream in("indicator,period,value\nenergy,2021,3.5%\n");
  const reference_set csv = read_references(in, "r.csv");
  EXPECT_EQ(reference_from_text("energy", y2021, "3.5%"), csv.items()[0]);
  EXPECT_EQ(reference_from_text("jobs", y2021, "6000人").unit.symbol(), "人");
  for (const char* bad : {"84以上", "3左右", "达标", ""}) {
    try {
      reference_from_text("x", y2021, bad);
      ADD_FAILURE() << "no error for " << bad;
    } catch (const model_error& e) {
      EXPECT_EQ(e.code(), errc::model_invalid) << bad;
      EXPECT_EQ(e.where().indicator, "x");
    }
  }
  EXPECT_THROW(reference_from_text("x", y2021, "seven"), parse_error);
}

// Found by fuzzing: the remark of a value (`8;力争更好`) is added to the note when read; writing
// leaves it out of the note (the value's text keeps it), so the table reads back the same.
TEST(write_actuals, a_remark_in_the_value_is_not_doubled_in_the_note) {
  for (const char* csv : {"indicator,period,value,flags,note\ngdp,2021,8;力争更好,,per\n",
                          "indicator,period,value,flags,note\ngdp,2021,8;力争更好,,\n"}) {
    std::istringstream in(csv);
    const observation_set a = read_actuals(in, "a.csv");
    std::ostringstream out;
    write_actuals(out, a);
    std::istringstream back(out.str());
    EXPECT_EQ(read_actuals(back, "b.csv"), a) << out.str();
  }
}

TEST(write_references, reads_back_equal) {
  std::istringstream in(
      "indicator,period,value,note\na,2021,1.3万亿斤,x\nb,2021-Q1,0.02人/亿元,\nc,2016/2020,-5,\" "
      "n \"\n");
  const reference_set r = read_references(in, "r.csv");
  ASSERT_EQ(r.size(), 3u);
  std::ostringstream out;
  write_references(out, r);
  std::istringstream back(out.str());
  EXPECT_EQ(read_references(back, "r.csv"), r) << out.str();
}
