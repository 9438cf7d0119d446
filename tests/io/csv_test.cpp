#include "planeval/io/csv.hpp"

#include <gtest/gtest.h>

#include "planeval/core/error.hpp"

using namespace planeval;

TEST(csv, rfc4180_quoting_and_positions) {
  const auto t =
      parse_csv("\xEF\xBB\xBFid,name\r\na,\"x, \"\"y\"\"\"\r\nb,\"two\nlines\"\n", "t.csv");
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0].text, "id");  // BOM removed
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][1].text, "x, \"y\"");
  EXPECT_EQ(t.rows[0][1].line, 2u);
  EXPECT_EQ(t.rows[0][1].column, 4u);  // after a, and the opening quote
  EXPECT_EQ(t.rows[1][1].text, "two\nlines");
  EXPECT_EQ(t.column("name"), 1);
  EXPECT_EQ(t.column("missing"), -1);
}

TEST(csv, errors_name_line_and_column) {
  auto expect_error = [](const char* text, errc code, std::size_t line, std::size_t column) {
    try {
      parse_csv(text, "bad.csv");
      FAIL() << text;
    } catch (const format_error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_EQ(e.where().file, "bad.csv");
      EXPECT_EQ(e.where().line, line) << e.what();
      EXPECT_EQ(e.where().column, column) << e.what();
    }
  };
  expect_error("a,b\n1,\"open\n", errc::csv_syntax, 2, 3);
  expect_error("a,b\n1,x\"y\n", errc::csv_syntax, 2, 4);
  expect_error("a,b\n1,\"q\"z\n", errc::csv_syntax, 2, 6);
  expect_error("a,b\n1,2,3\n", errc::csv_field_count, 2, 5);
  expect_error("a,a\n", errc::csv_header, 1, 3);
  expect_error("", errc::csv_header, 1, 1);
  expect_error("a,b\n1,\xff\n", errc::csv_encoding, 2, 3);
  expect_error("名称,b\n值,2,3\n", errc::csv_field_count, 2, 5);  // columns count characters
}

TEST(csv, padding_and_blank_lines) {
  const auto t = parse_csv("a,b,c\n1\n\n,,\n", "t.csv");
  ASSERT_EQ(t.rows.size(), 1u);
  ASSERT_EQ(t.rows[0].size(), 3u);
  EXPECT_EQ(t.rows[0][2].text, "");
}

TEST(csv, quote_for_writing) {
  EXPECT_EQ(csv_quote("plain"), "plain");
  EXPECT_EQ(csv_quote("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_quote("say \"hi\""), "\"say \"\"hi\"\"\"");
  const auto t = parse_csv("x\n" + csv_quote("a,\"b\"\nc") + "\n", "t.csv");
  EXPECT_EQ(t.rows[0][0].text, "a,\"b\"\nc");
  // the other separators the reader sniffs are quoted too
  EXPECT_EQ(csv_quote("a;b"), "\"a;b\"");
  EXPECT_EQ(csv_quote("a\tb"), "\"a\tb\"");
}

// Found by the plan_csv fuzzer: a note full of tabs, written unquoted, outnumbered the commas, so
// the written table was read back with the tab as separator.
TEST(csv, a_cell_full_of_tabs_or_semicolons_keeps_the_comma_as_separator) {
  for (const std::string& filler : {std::string(40, '\t'), std::string(40, ';')}) {
    const std::string written = "id,note\n" + csv_quote("a" + filler + "b") + ",x\n" +
                                csv_quote("two") + "," + csv_quote("say \"hi\"") + "\n";
    const auto t = parse_csv(written, "t.csv");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0].text, "a" + filler + "b");
    EXPECT_EQ(t.rows[1][1].text, "say \"hi\"");
  }
}
