// The table model: cell references, CSV grids (separators, encodings, ragged rows) and HTML
// grids (rowspan, colspan, captions).
#include "planeval/io/grid.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "planeval/io/csv.hpp"
#include "support/encoding.hpp"

namespace planeval {
namespace {

using test::to_gb18030;

TEST(CellReference, ColumnsAndRows) {
  struct row {
    std::size_t r, c;
    const char* ref;
  };
  for (const auto& t : {row{0, 0, "A1"}, row{6, 2, "C7"}, row{0, 25, "Z1"}, row{0, 26, "AA1"},
                        row{9, 27, "AB10"}, row{0, 701, "ZZ1"}, row{0, 702, "AAA1"}})
    EXPECT_EQ(cell_reference(t.r, t.c), t.ref) << t.r << "," << t.c;
}

TEST(TextEncoding, Names) {
  EXPECT_EQ(parse_text_encoding("GBK"), text_encoding::gb18030);
  EXPECT_EQ(parse_text_encoding("gb2312"), text_encoding::gb18030);
  EXPECT_EQ(parse_text_encoding("UTF8"), text_encoding::utf8);
  EXPECT_EQ(parse_text_encoding("auto"), text_encoding::automatic);
  EXPECT_STREQ(to_string(text_encoding::gb18030), "gb18030");
  try {
    (void)parse_text_encoding("latin1");
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::usage);
    EXPECT_NE(std::string(e.what()).find("gb18030"), std::string::npos);
  }
}

TEST(CsvGrid, SeparatorsAreSniffed) {
  for (const char sep : {',', ';', '\t'}) {
    std::string text = "标题\n指标@2020年@2021年\nGDP@1@2\n";
    for (auto& ch : text)
      if (ch == '@') ch = sep;
    const grid g = parse_csv_grid(text, "t.csv");
    EXPECT_EQ(g.separator, sep);
    ASSERT_EQ(g.rows.size(), 3U);
    EXPECT_EQ(g.width(), 3U);
    EXPECT_EQ(g.text(2, 2), "2");
    EXPECT_EQ(g.text(0, 1), "");  // a title row is padded, not shifted
  }
}

TEST(CsvGrid, BlankRowsKeepSpreadsheetNumbers) {
  const grid g = parse_csv_grid(
      "\xEF\xBB\xBF"
      "a,b\n\n,c\n",
      "t.csv");
  ASSERT_EQ(g.rows.size(), 3U);
  EXPECT_EQ(g.text(2, 1), "c");
  const location at = g.where(2, 1);
  EXPECT_EQ(at.cell, "B3");
  EXPECT_EQ(at.line, 3U);
  EXPECT_NE(at.to_string().find("cell B3"), std::string::npos);
}

TEST(CsvGrid, Gb18030IsDetectedAndNamed) {
  const std::string utf8 = "序号,指标名称,单位\n1,全区生产总值(GDP)增速,%\n";
  const std::string gb = to_gb18030(utf8);
  ASSERT_NE(gb, utf8);
  const grid automatic = parse_csv_grid(gb, "gb.csv");
  EXPECT_EQ(automatic.encoding, text_encoding::gb18030);
  EXPECT_EQ(automatic.text(1, 1), "全区生产总值(GDP)增速");
  grid_options told;
  told.encoding = text_encoding::gb18030;
  EXPECT_EQ(parse_csv_grid(gb, "gb.csv", told).text(0, 1), "指标名称");
  grid_options utf8_only;
  utf8_only.encoding = text_encoding::utf8;
  try {
    (void)parse_csv_grid(gb, "gb.csv", utf8_only);
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::csv_encoding);
    EXPECT_EQ(e.where().line, 1U);
    EXPECT_NE(std::string(e.what()).find("--encoding gb18030"), std::string::npos) << e.what();
  }
}

TEST(CsvGrid, HeaderFirstTablesNameTheGb18030Fix) {
  try {
    (void)parse_csv(to_gb18030("indicator,period,value\n增速,2021,5\n"), "a.csv");
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::csv_encoding);
    EXPECT_NE(std::string(e.what()).find("GB18030"), std::string::npos) << e.what();
  }
  // a semicolon-separated actuals table reads as a comma-separated one
  const csv_table t = parse_csv("indicator;period;value\ngdp;2021;5\n", "a.csv");
  EXPECT_EQ(t.column("period"), 1);
  EXPECT_EQ(t.rows.at(0).at(2).text, "5");
}

TEST(CsvGrid, LimitsHold) {
  grid_options o;
  o.input_limits.max_input_bytes = 10;
  EXPECT_THROW((void)parse_csv_grid("a,b,c,d,e,f,g\n", "t.csv", o), format_error);
}

TEST(HtmlGrid, SpansAreSpreadAndMarked) {
  const std::string html = R"(<html><body><p>表1 主要指标</p>
<table><caption>2025年目标</caption>
<tr><th rowspan="2">类别</th><th colspan="2">指标</th><th>2025年</th></tr>
<tr><td>GDP<br>增长</td><td>（%）</td><td>&gt;5</td></tr>
<tr><td rowspan="2">民生</td><td>失业率</td><td></td><td>&lt; 5.5</td></tr>
<tr><td>收入</td><td></td><td><p>与GDP</p><p>同步</p></td></tr>
</table></body></html>)";
  const auto grids = parse_html_grids(html, "p.html");
  ASSERT_EQ(grids.size(), 1U);
  const grid& g = grids[0];
  ASSERT_EQ(g.rows.size(), 4U);
  EXPECT_EQ(g.width(), 4U);
  EXPECT_EQ(g.text(0, 1), "指标");
  EXPECT_EQ(g.text(0, 2), "指标");
  EXPECT_TRUE(g.rows[0][2].merged);
  EXPECT_EQ(g.text(1, 0), "类别");  // rowspan
  EXPECT_TRUE(g.rows[1][0].merged);
  EXPECT_EQ(g.text(1, 1), "GDP\n增长");
  EXPECT_EQ(g.text(1, 3), ">5");
  EXPECT_EQ(g.text(3, 0), "民生");
  EXPECT_EQ(g.text(3, 1), "收入");
  EXPECT_EQ(g.text(3, 3), "与GDP\n同步");
  ASSERT_EQ(g.captions.size(), 2U);
  EXPECT_EQ(g.captions[0], "表1 主要指标");
  EXPECT_EQ(g.captions[1], "2025年目标");
  EXPECT_EQ(g.where(2, 3).cell, "D3");
  EXPECT_GT(g.where(2, 3).line, 0U);
}

TEST(HtmlGrid, NoTableIsTypedError) {
  try {
    (void)parse_html_grids("<html><body><p>没有表格</p></body></html>", "p.html");
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::html_no_table);
  }
}

TEST(HtmlGrid, HugeSpansAreBounded) {
  grid_options o;
  o.input_limits.max_items = 50;
  EXPECT_THROW(
      (void)parse_html_grids("<table><tr><td colspan=\"100000\">x</td></tr></table>", "p.html", o),
      format_error);
}

TEST(LoadGrids, FormatFromContent) {
  const std::string dir = testing::TempDir();
  {
    std::ofstream f(dir + "/page.csv");
    f << "<!DOCTYPE html><html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>";
  }
  const auto g = load_grids(dir + "/page.csv");
  ASSERT_EQ(g.size(), 1U);
  EXPECT_EQ(g[0].text(0, 1), "b");
  {
    std::ofstream f(dir + "/book.csv", std::ios::binary);
    f << std::string("PK\x03\x04", 4) << "rest";
  }
  try {
    (void)load_grids(dir + "/book.csv");  // a zip named .csv is read as a workbook
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::office_package);
  }
}

TEST(LoadGrids, RealPagesRead) {
  const auto g = load_grids(std::string(PLANEVAL_TEST_DATA) + "/published/17-china-2016-fyp.html");
  ASSERT_EQ(g.size(), 1U);
  EXPECT_EQ(g[0].rows.size(), 12U);
  EXPECT_EQ(g[0].width(), 4U);
  EXPECT_EQ(g[0].text(0, 1), "2015年");  // <b>2015</b><b>年<o:p></o:p></b>
}

}  // namespace
}  // namespace planeval
