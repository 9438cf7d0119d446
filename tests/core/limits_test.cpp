#include "planeval/core/limits.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <sstream>
#include <string>

#include "planeval/core/parse.hpp"
#include "planeval/io/csv.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/io/json_plan.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"

using namespace planeval;

namespace {

// Runs `f`, expecting an error with `code`; returns it.
error expect_error(errc code, const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e;
  }
  ADD_FAILURE() << "no error, expected " << to_string(code);
  return error(errc::usage, "none");
}

limits small() {
  limits lim;
  lim.max_input_bytes = 200;
  lim.max_depth = 4;
  lim.max_text_bytes = 10;
  lim.max_items = 3;
  lim.min_year = 2000;
  lim.max_year = 2030;
  lim.max_span_years = 5;
  return lim;
}

const char* plan_json = R"({"format": "planeval.plan", "version": 1, "id": "p",
 "indicators": [{"id": "a", "targets": [{"period": "2021", "text": "5"}]}]})";

}  // namespace

TEST(limits, defaults_are_documented_values) {
  const limits lim;
  EXPECT_EQ(lim.max_input_bytes, 64u * 1024 * 1024);
  EXPECT_EQ(lim.max_depth, 256u);
  EXPECT_EQ(lim.max_text_bytes, 1024u * 1024);
  EXPECT_EQ(lim.max_items, 1'000'000u);
  EXPECT_EQ(lim.min_year, 1800);
  EXPECT_EQ(lim.max_year, 2300);
  EXPECT_EQ(lim.max_span_years, 100);
}

TEST(limits, periods_and_years) {
  const limits lim = small();
  EXPECT_NO_THROW(check_limits(period::parse("2021"), lim));
  EXPECT_NO_THROW(check_limits(period::parse("2016/2020"), lim));
  expect_error(errc::limit_period, [&] { check_limits(period::parse("1999"), lim); });
  expect_error(errc::limit_period, [&] { check_limits(period::parse("2031-Q1"), lim); });
  expect_error(errc::limit_period, [&] { check_limits(period::parse("2010/2020"), lim); });
  expect_error(errc::limit_period, [&] { check_year_limits(2040, lim); });
  // the defaults accept what plans hold
  EXPECT_NO_THROW(check_limits(period::parse("1950/2049"), limits{}));
}

TEST(limits, text_length_of_targets_and_observations) {
  parse_options opt;
  opt.max_text_bytes = 10;
  EXPECT_NO_THROW(parse_target("95以上", opt));  // 8 bytes
  expect_error(errc::limit_text_length, [&] { parse_target("不低于95%的水平", opt); });
  expect_error(errc::limit_text_length, [&] { parse_observation("增长8.1%左右", opt); });
  // a limit is not a text that fails to parse: keep_unparsed does not keep it
  opt.keep_unparsed = true;
  expect_error(errc::limit_text_length, [&] { parse_target("abcdefghijklmnop", opt); });
}

TEST(limits, csv_size_cells_rows_and_columns) {
  const limits lim = small();
  expect_error(errc::limit_input_size, [&] { parse_csv(std::string(201, 'a'), "big.csv", lim); });
  const error cell = expect_error(errc::limit_text_length,
                                  [&] { parse_csv("a,b\nx,abcdefghijk\n", "t.csv", lim); });
  EXPECT_EQ(cell.where().line, 2u);
  EXPECT_EQ(cell.where().column, 3u);
  const error rows =
      expect_error(errc::limit_items, [&] { parse_csv("a\n1\n2\n3\n4\n", "t.csv", lim); });
  EXPECT_EQ(rows.where().line, 5u);
  EXPECT_NO_THROW(parse_csv("a\n1\n2\n3\n", "t.csv", lim));
  expect_error(errc::limit_items, [&] { parse_csv("a,b,c,d\n", "t.csv", lim); });
  // a stream is never read beyond the limit
  std::istringstream huge(std::string(10'000, 'x'));
  expect_error(errc::limit_input_size, [&] { read_csv(huge, "huge.csv", lim); });
}

TEST(limits, every_csv_reader_takes_them) {
  limits lim = small();
  lim.max_input_bytes = 1000;
  lim.max_text_bytes = 100;
  auto in = [](const char* s) { return std::istringstream(s); };
  {
    auto s = in("id,target_period,target\ngdp,1990,5\n");
    const error e = expect_error(errc::limit_period, [&] { read_plan_table(s, "p.csv", lim); });
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, 5u);
    EXPECT_EQ(e.where().indicator, "gdp");
  }
  {
    auto s = in("indicator,period,value\ngdp,2040,5\n");
    expect_error(errc::limit_period, [&] { read_actuals(s, "a.csv", nullptr, lim); });
  }
  {
    auto s = in("indicator,period,value\ngdp,2001/2020,5\n");
    expect_error(errc::limit_period, [&] { read_references(s, "r.csv", nullptr, lim); });
  }
  {
    auto s = in("id,start\nt1,1999-12-31\n");
    expect_error(errc::limit_period, [&] { read_tasks(s, "t.csv", nullptr, lim); });
  }
  {
    auto s = in("unit,a\nX,1\nY,2\nZ,3\nW,4\n");
    expect_error(errc::limit_items, [&] { read_index_matrix(s, "m.csv", lim); });
  }
}

TEST(limits, json_size_depth_strings_items_periods) {
  limits lim;
  EXPECT_NO_THROW(plan_from_json(plan_json, "p.json", nullptr, lim));
  lim.max_input_bytes = 50;
  expect_error(errc::limit_input_size, [&] { plan_from_json(plan_json, "p.json", nullptr, lim); });
  lim = limits{};
  lim.max_depth = 3;  // root object, indicators array, indicator object, targets array: 4
  const error deep =
      expect_error(errc::limit_depth, [&] { plan_from_json(plan_json, "p.json", nullptr, lim); });
  EXPECT_EQ(deep.where().pointer, "/indicators/0/targets");
  lim = limits{};
  lim.max_text_bytes = 12;  // "planeval.plan" has 13 bytes
  const error text = expect_error(errc::limit_text_length,
                                  [&] { plan_from_json(plan_json, "p.json", nullptr, lim); });
  EXPECT_EQ(text.where().pointer, "/format");
  lim = limits{};
  lim.max_items = 3;  // the root object has 4 members
  expect_error(errc::limit_items, [&] { plan_from_json(plan_json, "p.json", nullptr, lim); });
  lim = limits{};
  lim.max_year = 2020;
  const error per =
      expect_error(errc::limit_period, [&] { plan_from_json(plan_json, "p.json", nullptr, lim); });
  EXPECT_EQ(per.where().pointer, "/indicators/0/targets/0/period");
  EXPECT_EQ(per.where().indicator, "a");
  // through read_plan, streams are read no further than the limit
  lim = limits{};
  lim.max_input_bytes = 64;
  std::istringstream s(std::string(plan_json) + std::string(100'000, ' '));
  expect_error(errc::limit_input_size, [&] { read_plan(s, plan_format::json, "p.json", lim); });
}

TEST(limits, invalid_utf8_names_the_byte_offset) {
  const error csv = expect_error(errc::csv_encoding, [] { parse_csv("a,b\nx,\xff\n", "t.csv"); });
  EXPECT_NE(std::string(csv.what()).find("byte offset 6"), std::string::npos) << csv.what();
  const error json =
      expect_error(errc::json_encoding, [] { plan_from_json("{\"id\": \"d\xe9mo\"}", "p.json"); });
  EXPECT_NE(std::string(json.what()).find("byte offset 9"), std::string::npos) << json.what();
  const error text = expect_error(errc::target_encoding, [] { parse_target("95\xff"); });
  EXPECT_NE(std::string(text.what()).find("byte offset 2"), std::string::npos) << text.what();
}
