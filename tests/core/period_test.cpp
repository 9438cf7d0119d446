#include "planeval/core/period.hpp"

#include <gtest/gtest.h>

#include <unordered_set>

#include "planeval/core/error.hpp"

using namespace planeval;

TEST(period_parse, every_form) {
  EXPECT_EQ(period::parse("2021"), period::year(2021));
  EXPECT_EQ(period::parse("2021-Q3"), period::quarter(2021, 3));
  EXPECT_EQ(period::parse("2021-q1"), period::quarter(2021, 1));
  EXPECT_EQ(period::parse("2021-09"), period::month(2021, 9));
  EXPECT_EQ(period::parse("2021-M09"), period::month(2021, 9));
  EXPECT_EQ(period::parse("2016/2020"), period::span(2016, 2020));
  EXPECT_EQ(period::parse("2016-2020"), period::span(2016, 2020));
  EXPECT_EQ(period::parse(" 2021 "), period::year(2021));
}

TEST(period_parse, errors_name_the_column) {
  try {
    period::parse("2021-13");
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_EQ(e.code(), errc::period_range);
    EXPECT_EQ(e.where().column, 6u);
  }
  EXPECT_THROW(period::parse("21"), parse_error);
  EXPECT_THROW(period::parse("2021-Q5"), parse_error);
  EXPECT_THROW(period::parse("2020/2016"), parse_error);
  EXPECT_THROW(period::parse("2021x"), parse_error);
  EXPECT_THROW(period::parse(""), parse_error);
  EXPECT_THROW(period::parse("0999"), parse_error);
}

TEST(period, prints_canonically) {
  EXPECT_EQ(period::month(2021, 9).to_string(), "2021-09");
  EXPECT_EQ(period::quarter(2021, 2).to_string(), "2021-Q2");
  EXPECT_EQ(period::span(2016, 2020).to_string(), "2016/2020");
  EXPECT_EQ(period::span(2021, 2021), period::year(2021));
}

TEST(period, days_and_containment) {
  const auto y = period::year(2021);
  EXPECT_EQ(y.first_day(), date(2021, 1, 1));
  EXPECT_EQ(y.last_day(), date(2021, 12, 31));
  EXPECT_EQ(period::month(2024, 2).last_day(), date(2024, 2, 29));  // leap year
  EXPECT_EQ(period::quarter(2021, 4).first_day(), date(2021, 10, 1));
  EXPECT_TRUE(y.contains(period::quarter(2021, 3)));
  EXPECT_TRUE(y.contains(period::month(2021, 12)));
  EXPECT_FALSE(y.contains(period::month(2022, 1)));
  EXPECT_TRUE(period::span(2021, 2025).contains(y));
  EXPECT_FALSE(y.contains(period::span(2021, 2025)));
  EXPECT_TRUE(y.contains(date(2021, 6, 30)));
  EXPECT_EQ(period::span(2016, 2020).years(), 5);
  EXPECT_EQ(period::quarter(2021, 1).months(), 3);
}

TEST(period, elapsed_share_in_days) {
  const auto y = period::year(2021);
  EXPECT_DOUBLE_EQ(y.elapsed_share(date(2020, 12, 31)), 0.0);
  EXPECT_DOUBLE_EQ(y.elapsed_share(date(2021, 1, 1)), 1.0 / 365.0);
  EXPECT_DOUBLE_EQ(y.elapsed_share(date(2021, 12, 31)), 1.0);
  EXPECT_DOUBLE_EQ(y.elapsed_share(date(2022, 3, 1)), 1.0);
  EXPECT_DOUBLE_EQ(period::year(2024).elapsed_share(date(2024, 2, 29)), 60.0 / 366.0);
}

TEST(period, elapsed_share_in_months_as_chinese_reports_count) {
  const auto y = period::year(2021);
  // 1–2月 = 2/12 = 16.67%
  EXPECT_NEAR(y.elapsed_share(date(2021, 2, 28), elapsed_basis::months), 2.0 / 12.0, 1e-12);
  EXPECT_NEAR(y.elapsed_share(date(2021, 3, 15), elapsed_basis::months), 2.0 / 12.0, 1e-12);
  EXPECT_NEAR(y.elapsed_share(date(2021, 6, 30), elapsed_basis::months), 0.5, 1e-12);
}

TEST(period, previous_and_next) {
  EXPECT_EQ(period::year(2021).previous(), period::year(2020));
  EXPECT_EQ(period::quarter(2021, 1).previous(), period::quarter(2020, 4));
  EXPECT_EQ(period::month(2021, 12).next(), period::month(2022, 1));
  EXPECT_EQ(period::span(2021, 2025).previous(), period::span(2016, 2020));
}

TEST(period, ordering_and_hash) {
  EXPECT_LT(period::year(2020), period::year(2021));
  EXPECT_LT(period::year(2021), period::quarter(2021, 1));  // longer first at the same start
  EXPECT_LT(period::quarter(2021, 1), period::month(2021, 2));
  std::unordered_set<period> set{period::year(2021), period::year(2021), period::month(2021, 1)};
  EXPECT_EQ(set.size(), 2u);
}

TEST(date_parse, iso_dates_and_the_forms_tables_write) {
  EXPECT_EQ(parse_date("2021-02-04"), date(2021, 2, 4));
  EXPECT_EQ(to_string(parse_date("2024-02-29")), "2024-02-29");
  EXPECT_THROW(parse_date("2021-02-29"), parse_error);
  // as Chinese tables and spreadsheets write them
  for (const char* text : {"2021-2-4", "2021/02/04", "2021/2/4", "2021.2.4", "2021年2月4日"})
    EXPECT_EQ(parse_date(text), date(2021, 2, 4)) << text;
  EXPECT_THROW(parse_date("2021/2/30"), parse_error);
  EXPECT_THROW(parse_date("2021年2月"), parse_error);
  try {
    parse_date("2021-02-3x");
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_EQ(e.code(), errc::date_syntax);
    EXPECT_EQ(e.where().column, 9u);
  }
}

TEST(period_parse, the_forms_chinese_tables_write) {
  struct row {
    const char* text;
    const char* canonical;
  };
  for (const auto& r : {row{"2023年", "2023"}, row{"2023年度", "2023"}, row{"2023年9月", "2023-09"},
                        row{"2023年09月", "2023-09"}, row{"2023年第三季度", "2023-Q3"},
                        row{"2023年3季度", "2023-Q3"}, row{"2023年一季度", "2023-Q1"},
                        row{"2023Q4", "2023-Q4"}, row{"2021-2025年", "2021/2025"},
                        row{"2021—2025年", "2021/2025"}, row{"2021至2025年", "2021/2025"}})
    EXPECT_EQ(period::parse(r.text).to_string(), r.canonical) << r.text;
  EXPECT_THROW((void)period::parse("2023年13月"), parse_error);
  try {
    (void)period::parse("二〇二三");
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("2023年第三季度"), std::string::npos) << e.what();
  }
}
