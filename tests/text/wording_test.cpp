// The wording layer (src/text/): numbers, quantities, periods, dates, names and tables.
#include <gtest/gtest.h>

#include <sstream>

#include "planeval/core/indicator.hpp"
#include "text/table.hpp"
#include "text/wording.hpp"

using namespace planeval;
using namespace planeval::text;

TEST(wording, rounds_as_reports_do) {
  EXPECT_EQ(format_value(12.854), "12.85");
  EXPECT_EQ(format_value(5.0), "5");
  EXPECT_EQ(format_value(0.01684), "0.0168");
  EXPECT_EQ(format_value(-0.00001), "0");
  EXPECT_EQ(format_value(5907, language::en), "5,907");
  EXPECT_EQ(format_value(5907, language::zh), "5907");
  EXPECT_EQ(format_rounded(2.3456, 3), "2.346");
}

TEST(wording, groups_thousands) {
  EXPECT_EQ(group_thousands("1234567.891"), "1,234,567.891");
  EXPECT_EQ(group_thousands("-1234"), "-1,234");
  EXPECT_EQ(group_thousands("123"), "123");
  EXPECT_EQ(group_thousands("0.5"), "0.5");
  EXPECT_EQ(group_thousands("inf"), "inf");
}

TEST(wording, chinese_keeps_wan_and_yi_english_writes_numbers_out) {
  const unit wan_m2 = unit::parse("万平方米");
  EXPECT_EQ(format_quantity(38.16, wan_m2, language::zh), "38.16万平方米");
  EXPECT_EQ(format_quantity(38.16, wan_m2, language::en), "381,600 m²");
  EXPECT_EQ(format_quantity(213000, unit::parse("平方米"), language::zh), "21.3万平方米");
  EXPECT_EQ(format_quantity(213000, unit::parse("平方米"), language::en), "213,000 m²");
  EXPECT_EQ(format_quantity(1.5e9, unit::parse("元"), language::zh), "15亿元");
  EXPECT_EQ(format_quantity(1.5e9, unit::parse("元"), language::en), "1.5 billion yuan");
  EXPECT_EQ(format_quantity(150, unit::parse("亿元"), language::zh), "150亿元");
  EXPECT_EQ(format_quantity(150, unit::parse("亿元"), language::en), "15 billion yuan");
  EXPECT_EQ(format_quantity(2.5, unit::parse("万人"), language::en), "25,000 persons");
  EXPECT_EQ(format_quantity(5565, unit::parse("人"), language::zh), "5565人");
  EXPECT_EQ(format_quantity(5565, unit::parse("人"), language::en), "5,565 persons");
  EXPECT_EQ(format_quantity(381, unit::parse("家"), language::zh), "381家");
  EXPECT_EQ(format_quantity(381, unit::parse("家"), language::en), "381 organisations");
  EXPECT_EQ(format_quantity(39, unit::parse("公里"), language::en), "39 km");
}

TEST(wording, compound_units_percent_and_points) {
  EXPECT_EQ(format_quantity(0.012, unit::parse("人/亿元"), language::zh), "0.012人/亿元");
  EXPECT_EQ(format_quantity(0.012, unit::parse("人/亿元"), language::en),
            "0.012 persons per 100 million yuan");
  EXPECT_EQ(format_quantity(78.5, unit::parse("件/万人"), language::en),
            "78.5 items per 10,000 persons");
  EXPECT_EQ(format_quantity(5907, unit::parse("元/平方米"), language::en), "5,907 yuan per m²");
  EXPECT_EQ(format_quantity(12.6, unit::percent(), language::en), "12.6%");
  EXPECT_EQ(format_quantity(0.8, unit::percentage_point(), language::zh), "0.8个百分点");
  EXPECT_EQ(format_quantity(0.8, unit::percentage_point(), language::en), "0.8 pp");
  EXPECT_EQ(format_quantity(1234.5, unit(), language::en), "1,234.5");
  EXPECT_EQ(format_quantity(1234.5, unit(), language::zh), "1234.5");
  EXPECT_EQ(unit_name(unit::parse("万平方米"), language::en), "10,000 m²");
  EXPECT_EQ(unit_name(unit::parse("万平方米"), language::zh), "万平方米");
}

TEST(wording, gaps_and_shares_carry_a_sign) {
  EXPECT_EQ(format_gap(-0.3, unit::percentage_point(), language::zh), "-0.3个百分点");
  EXPECT_EQ(format_gap(0.8, unit::percent(), language::en), "+0.8 pp");
  EXPECT_EQ(format_gap(0, unit::percentage_point(), language::en), "0 pp");
  EXPECT_EQ(format_gap(120, unit::parse("元/平方米"), language::en), "+120 yuan per m²");
  EXPECT_EQ(format_gap(-900, unit::parse("人"), language::zh), "-900人");
  EXPECT_EQ(format_gap(2.04, unit::parse("万平方米"), language::en), "+20,400 m²");
  EXPECT_EQ(format_share(0.1285), "12.85%");
  EXPECT_EQ(format_points(-3.8249, language::zh), "-3.82个百分点");
}

TEST(wording, every_unit_of_the_table_has_an_english_name) {
  for (const char* s :
       {"个", "家", "名",   "件", "人",   "人次",   "项",       "套",   "条",   "岁", "年",
        "天", "吨", "公斤", "亩", "公顷", "千瓦时", "吨标准煤", "美元", "个点", "‰"}) {
    const std::string name = unit_name(unit::parse(s), language::en);
    for (const char c : name)
      EXPECT_TRUE(static_cast<unsigned char>(c) < 0x80 || name == "‰" ||
                  name.find("²") != std::string::npos)
          << s << " → " << name;
  }
  EXPECT_EQ(format_gap(200, unit::parse("个"), language::en), "+200 units");
  EXPECT_EQ(unit_name(unit::percentage_point(), language::en), "pp");
  EXPECT_EQ(format_quantity(50, unit::parse("万平方米"), language::en), "500,000 m²");
  EXPECT_EQ(unit_name(unit::parse("亿元"), language::en), "100 million yuan");
  EXPECT_EQ(format_quantity(3, unit::parse("furlongs"), language::en), "3 furlongs");
}

TEST(wording, periods_and_dates_per_language) {
  EXPECT_EQ(period_text(period::year(2021), language::zh), "2021年");
  EXPECT_EQ(period_text(period::year(2021), language::en), "2021");
  EXPECT_EQ(period_text(period::parse("2021-Q3"), language::zh), "2021年第3季度");
  EXPECT_EQ(period_text(period::parse("2021-Q3"), language::en), "2021-Q3");
  EXPECT_EQ(period_text(period::parse("2021-09"), language::zh), "2021年9月");
  EXPECT_EQ(period_text(period::parse("2016/2020"), language::zh), "2016—2020年");
  EXPECT_EQ(period_text(period::parse("2016/2020"), language::en), "2016–2020");
  EXPECT_EQ(date_text(date(2021, 9, 30), language::zh), "2021年9月30日");
  EXPECT_EQ(date_text(date(2021, 9, 30), language::en), "2021-09-30");
  EXPECT_STREQ(month_abbreviation(9), "Sep");
}

TEST(wording, display_names_fall_back_to_the_other_language_then_the_id) {
  indicator ind;
  ind.id = "gdp";
  EXPECT_EQ(ind.name(language::en), "gdp");
  ind.name_zh = "生产总值";
  EXPECT_EQ(ind.name(language::en), "生产总值");
  EXPECT_EQ(ind.name(language::zh), "生产总值");
  ind.name_en = "GDP";
  EXPECT_EQ(ind.name(language::en), "GDP");
  ind.name_zh.clear();
  EXPECT_EQ(ind.name(language::zh), "GDP");
  EXPECT_STREQ(tr(language::en, "是", "yes"), "yes");
}

TEST(text_table, pads_wide_characters_and_leaves_the_last_column) {
  table t;
  t.header = {"#", "指标", "reason"};
  t.rows = {{"1", "增速", "a"}, {"10", "x", "b"}};
  std::ostringstream out;
  write_text_table(out, t);
  EXPECT_EQ(out.str(), "#   指标  reason\n--  ----  ----\n1   增速  a\n10  x     b\n");
}

TEST(markdown_table, one_escaper_numeric_columns_right_aligned) {
  EXPECT_EQ(markdown_cell("a|b\nc\rd"), "a\\|b c d");
  EXPECT_EQ(markdown_cell(""), "-");
  table t;
  t.header = {"#", "name"};
  t.numeric = {true};
  t.rows = {{"1", ""}};
  std::ostringstream out;
  write_markdown_table(out, t);
  EXPECT_EQ(out.str(), "| # | name |\n|---:|---|\n| 1 | - |\n");
}

// English says "1 percentage point" and "2 percentage points" (issue 17: "1 percentage points").
TEST(wording, percentage_point_singular_and_plural) {
  EXPECT_EQ(points_en(1), "1 percentage point");
  EXPECT_EQ(points_en(1.004), "1 percentage point");  // as rounded and shown
  EXPECT_EQ(points_en(1.5), "1.5 percentage points");
  EXPECT_EQ(points_en(2), "2 percentage points");
  EXPECT_EQ(points_en(0.3), "0.3 percentage points");
}
