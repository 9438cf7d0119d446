#include "planeval/core/unit.hpp"

#include <gtest/gtest.h>

#include "planeval/core/error.hpp"

using namespace planeval;

struct unit_row {
  const char* symbol;
  dimension dim;
  const char* base;
  int scale;
};

class unit_table_test : public ::testing::TestWithParam<unit_row> {};

TEST_P(unit_table_test, parses_dimension_base_and_scale) {
  const auto& row = GetParam();
  const unit u = unit::parse(row.symbol);
  EXPECT_EQ(u.symbol(), row.symbol);
  EXPECT_EQ(u.dim(), row.dim) << to_string(u.dim());
  EXPECT_EQ(u.base(), row.base);
  EXPECT_EQ(u.scale(), row.scale);
}

INSTANTIATE_TEST_SUITE_P(
    units, unit_table_test,
    ::testing::Values(
        unit_row{"%", dimension::percent, "%", 0},
        unit_row{"个百分点", dimension::percentage_point, "个百分点", 0},
        unit_row{"万平方米", dimension::area, "平方米", 4},
        unit_row{"平方公里", dimension::area, "平方米", 6},
        unit_row{"公顷", dimension::area, "平方米", 4},
        unit_row{"元/平方米", dimension::ratio, "元/平方米", 0},
        unit_row{"人/亿元", dimension::ratio, "人/元", -8},
        unit_row{"万人", dimension::count, "人", 4}, unit_row{"亿元", dimension::money, "元", 8},
        unit_row{"亿美元", dimension::money, "美元", 8},
        unit_row{"万亿斤", dimension::mass, "斤", 12}, unit_row{"个", dimension::count, "个", 0},
        unit_row{"家", dimension::count, "家", 0}, unit_row{"名", dimension::count, "名", 0},
        unit_row{"件", dimension::count, "件", 0}, unit_row{"张", dimension::count, "张", 0},
        unit_row{"人次", dimension::count, "人次", 0}, unit_row{"公里", dimension::length, "米", 3},
        unit_row{"千米", dimension::length, "米", 3}, unit_row{"岁", dimension::time, "年", 0},
        unit_row{"万", dimension::none, "", 4}, unit_row{"辆次", dimension::other, "辆次", 0}));

TEST(unit, blank_is_the_empty_unit) {
  EXPECT_TRUE(unit::parse("").empty());
  EXPECT_TRUE(unit::parse("  ").empty());
  EXPECT_EQ(unit::parse("").dim(), dimension::none);
}

TEST(unit, digits_are_rejected) {
  EXPECT_THROW(unit::parse("10万人"), parse_error);
  EXPECT_THROW(unit::parse("a/b/c"), parse_error);
}

TEST(unit, converts_by_powers_of_ten) {
  EXPECT_DOUBLE_EQ(convert(21.3, unit::parse("万平方米"), unit::parse("平方米")), 213000.0);
  EXPECT_DOUBLE_EQ(convert(1100, unit::parse("万人"), unit::parse("人")), 11000000.0);
  EXPECT_DOUBLE_EQ(convert(2, unit::parse("公顷"), unit::parse("万平方米")), 2.0);
  EXPECT_DOUBLE_EQ(convert(1, unit::parse("人/万元"), unit::parse("人/亿元")), 10000.0);
  // a bare number is read in the other unit
  EXPECT_DOUBLE_EQ(convert(38.16, unit(), unit::parse("万平方米")), 38.16);
  // a pure scale word takes the other side's base
  EXPECT_DOUBLE_EQ(convert(10, unit::parse("万"), unit::parse("人")), 100000.0);
}

TEST(unit, count_words_convert_into_each_other) {
  EXPECT_TRUE(convertible(unit::parse("家"), unit::parse("个")));
  EXPECT_DOUBLE_EQ(convert(3, unit::parse("家"), unit::parse("个")), 3.0);
}

TEST(unit, different_dimensions_do_not_convert) {
  EXPECT_FALSE(convertible(unit::parse("万平方米"), unit::parse("公里")));
  EXPECT_FALSE(convertible(unit::parse("%"), unit::parse("个百分点")));
  EXPECT_FALSE(convertible(unit::parse("亩"), unit::parse("平方米")));
  EXPECT_THROW(convert(1, unit::parse("元"), unit::parse("人")), model_error);
}

TEST(unit, equality_is_by_symbol) {
  EXPECT_EQ(unit::parse("%"), unit::percent());
  EXPECT_NE(unit::parse("万平方米"), unit::parse("平方米"));
}

// The unit column of NDRC's English table (tests/data/published/19-china-2018-execution-en.csv):
// an English scale word before a unit reads as the Chinese prefix, so the unit converts; its
// symbol stays as published.
TEST(unit, english_scale_words_read_as_the_chinese_prefixes) {
  const struct {
    const char* text;
    const char* symbol;
  } rows[] = {{"Million metric tons", "百万吨"}, {"Trillion kWh", "万亿kWh"},
              {"Billion US$", "十亿美元"},       {"Trillion yuan", "万亿元"},
              {"thousand people", "千人"},       {"Billion Yuan", "十亿元"}};
  for (const auto& r : rows) {
    const unit u = unit::parse(r.text);
    const unit chinese = unit::parse(r.symbol);
    EXPECT_EQ(u.symbol(), r.text) << "the symbol as written";
    EXPECT_EQ(u.dim(), chinese.dim()) << r.text;
    EXPECT_EQ(u.base(), chinese.base()) << r.text;
    EXPECT_EQ(u.scale(), chinese.scale()) << r.text;
    EXPECT_DOUBLE_EQ(convert(1.0, u, chinese), 1.0) << r.text;
  }
  EXPECT_DOUBLE_EQ(convert(550.0, unit::parse("Million metric tons"), unit::parse("万吨")),
                   55000.0);
  EXPECT_DOUBLE_EQ(convert(135.0, unit::parse("Billion US$"), unit::parse("亿美元")), 1350.0);
  // a scale word alone, or a word that only starts like one, is not a scale
  EXPECT_EQ(unit::parse("Millions").symbol(), "Millions");
  EXPECT_EQ(unit::parse("billionaires count").symbol(), "billionaires count");
}
