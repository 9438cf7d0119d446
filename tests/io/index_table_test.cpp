#include "planeval/io/index_table.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "planeval/core/error.hpp"

using namespace planeval;

namespace {
index_matrix read(const std::string& text) {
  std::istringstream in(text);
  return read_index_matrix(in, "m.csv");
}
}  // namespace

TEST(read_index_matrix, metadata_rows_values_and_missing_cells) {
  const auto m = read(
      "区,gdp,pm25,beds\n"
      "#polarity,higher,lower,\n"
      "#weight,2,1,1\n"
      "#goal_low,0,10,\n"
      "#goal_high,100,50,\n"
      "#target,,,4\n"
      "#name_zh,人均GDP,PM2.5,床位\n"
      "黄浦区,56.5,32.3,3.24\n"
      "徐汇区,48.2,-,\n"
      "\"静安区, central\",50,n/a,4.1\n");
  ASSERT_EQ(m.rows(), 3U);
  ASSERT_EQ(m.cols(), 3U);
  EXPECT_EQ(m.units[2], "静安区, central");
  EXPECT_EQ(m.indicators[1].polarity, polarity::lower);
  EXPECT_EQ(m.indicators[2].polarity, polarity::higher);
  EXPECT_DOUBLE_EQ(m.indicators[0].weight, 2);
  EXPECT_DOUBLE_EQ(*m.indicators[1].goal_low, 10);
  EXPECT_DOUBLE_EQ(*m.indicators[1].goal_high, 50);
  EXPECT_FALSE(m.indicators[2].goal_low);
  EXPECT_DOUBLE_EQ(*m.indicators[2].target, 4);
  EXPECT_EQ(m.indicators[0].name_zh, "人均GDP");
  EXPECT_DOUBLE_EQ(m.at(0, 1), 32.3);
  EXPECT_TRUE(std::isnan(m.at(1, 1)));
  EXPECT_TRUE(std::isnan(m.at(1, 2)));
  EXPECT_TRUE(std::isnan(m.at(2, 1)));
}

TEST(read_index_matrix, errors_name_file_line_and_column) {
  try {
    read("unit,a,b\nx,1,2\ny,3,abc\n");
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.where().file, "m.csv");
    EXPECT_EQ(e.where().line, 3U);
    EXPECT_EQ(e.where().column, 5U);
    EXPECT_EQ(e.where().indicator, "b");
  }
  EXPECT_THROW(read("unit,a\n#colour,red\nx,1\n"), format_error);
  EXPECT_THROW(read("unit,a\n#polarity,band\nx,1\n"), format_error);
  EXPECT_THROW(read("unit,a,a\nx,1,2\n"), format_error);
  EXPECT_THROW(read("unit\nx\n"), format_error);
  EXPECT_THROW(read("unit,a\n#weight,1\n#weight,2\nx,1\n"), format_error);
  try {
    read("unit,a,b\nx,1,\ny,2,\n");  // b has no values
    FAIL();
  } catch (const model_error& e) {
    EXPECT_EQ(e.where().file, "m.csv");
    EXPECT_EQ(e.where().indicator, "b");
  }
}

TEST(write_index_matrix, round_trip) {
  const auto m = read("unit,a,b\n#polarity,,lower\n#weight,3,\n#target,5,2\nx,1.5,\ny,-2,0.25\n");
  std::ostringstream out;
  write_index_matrix(out, m);
  EXPECT_EQ(out.str(), "unit,a,b\n#polarity,,lower\n#weight,3,\n#target,5,2\nx,1.5,\ny,-2,0.25\n");
  const auto back = read(out.str());
  EXPECT_EQ(back.units, m.units);
  EXPECT_EQ(back.indicators[1].polarity, polarity::lower);
  EXPECT_DOUBLE_EQ(back.indicators[0].weight, 3);
  EXPECT_TRUE(std::isnan(back.at(0, 1)));
}

// Found by fuzzing: an indicator whose id is `unit` does not collide with the unit column.
TEST(write_index_matrix, an_indicator_named_unit_round_trips) {
  std::istringstream in("district,unit,unit_1\nX,1.5,2\nY,3,\n");
  const index_matrix m = read_index_matrix(in, "m.csv");
  std::ostringstream out;
  write_index_matrix(out, m);
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')), "unit_2,unit,unit_1");
  std::istringstream back(out.str());
  const index_matrix again = read_index_matrix(back, "m2.csv");
  EXPECT_EQ(again.units, m.units);
  ASSERT_EQ(again.indicators.size(), 2u);
  EXPECT_EQ(again.indicators[0].id, "unit");
  EXPECT_EQ(again.values.size(), m.values.size());
}
