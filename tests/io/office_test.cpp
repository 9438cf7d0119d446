// Office files into the table model (io/grid.hpp): number formats as displayed, real tables
// saved as .xlsx, .xls and .docx import to the plans of their CSV forms, and workbooks written
// here with libxlsxwriter exercise what a spreadsheet program writes (shared strings, percent
// and date formats, merged and hidden cells, formulas, several sheets).
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/number_format.hpp"
#include "planeval/core/rule.hpp"
#include "planeval/import/table.hpp"
#include "planeval/io/grid.hpp"

namespace planeval {
namespace {

const std::string office = std::string(PLANEVAL_TEST_DATA) + "/office";
const std::string published = std::string(PLANEVAL_TEST_DATA) + "/published";

struct format_case {
  const char* code;
  double value;
  const char* shown;
};

TEST(number_format, shows_numbers_as_the_sheet_does) {
  const format_case cases[] = {
      {"0.0%", 0.053, "5.3%"},
      {"0%", 0.05, "5%"},
      {"0.00%", -0.0125, "-1.25%"},
      {"#,##0", 12345, "12,345"},
      {"#,##0", 1234567.6, "1,234,568"},
      {"#,##0.00", 1234.5, "1,234.50"},
      {"0.0", 7.0, "7.0"},
      {"0", 2.5, "3"},
      {"0.0#", 1.2, "1.2"},
      {"0.0#", 1.234, "1.23"},
      {"General", 0.1 + 0.2, "0.3"},
      {"General", 5.3, "5.3"},
      {"General", -5, "-5"},
      {"", 326, "326"},
      {"@", 5, "5"},
      {"0.0\"万元\"", 12.34, "12.3万元"},
      {"0.0\\万", 12.34, "12.3万"},
      {"[$¥-804]#,##0.00", 1234, "¥1,234.00"},
      {"#,##0;(#,##0)", -1234, "(1,234)"},
      {"0.0;-0.0;\"—\"", 0, "—"},
      {"[Red]0.0;[Blue]-0.0", -2.25, "-2.3"},
      {"#,##0,", 1234567, "1,235"},
      {"0.00E+00", 12345, "1.23E+04"},
      {"yyyy\"年\"m\"月\"", 45170, "2023年9月"},
      {"yyyy/m/d", 45199, "2023/9/30"},
      {"yyyy-mm-dd", 44197, "2021-01-01"},
      {"yyyy/m/d h:mm", 45199.75, "2023/9/30 18:00"},
      {"h:mm", 0.5, "12:00"},
      {"m\"月\"d\"日\"", 45199, "9月30日"},
      {"yyyy-mm-dd", 1, "1900-01-01"},
      {"yyyy-mm-dd", 61, "1900-03-01"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(format_spreadsheet_number(c.value, c.code), c.shown) << c.code << " " << c.value;
  EXPECT_EQ(format_spreadsheet_number(0, "yyyy-mm-dd", true), "1904-01-01");
}

TEST(number_format, built_in_ids) {
  EXPECT_EQ(builtin_number_format(0), "General");
  EXPECT_EQ(builtin_number_format(9), "0%");
  EXPECT_EQ(builtin_number_format(10), "0.00%");
  EXPECT_EQ(format_spreadsheet_number(0.078, builtin_number_format(10)), "7.80%");
  EXPECT_EQ(format_spreadsheet_number(45199, builtin_number_format(14)), "2023/9/30");
  EXPECT_EQ(format_spreadsheet_number(45170, builtin_number_format(31)), "2023年9月1日");
  EXPECT_EQ(builtin_number_format(1000), "");
}

// What an import says about a plan, in one comparable text: every indicator's name, unit, kind,
// attribute, category, polarity, accumulation and targets as rules (not as the cell's text: a
// percent cell shows `7%` where the CSV says `7`), every result, every cell kept for review.
std::string meaning(const import_result& r) {
  std::ostringstream out;
  for (const auto& i : r.plan.indicators) {
    out << i.id << '|' << i.name_zh << '|' << i.unit.symbol() << '|' << to_string(i.kind) << '|'
        << to_string(i.attribute) << '|' << i.category << '|' << to_string(i.polarity) << '|'
        << to_string(i.accumulation);
    for (const auto& t : i.targets) out << '|' << t.period.to_string() << ':' << canonical(t.rule);
    if (i.baseline && i.baseline->single_number()) out << "|base " << *i.baseline->single_number();
    out << '\n';
  }
  for (const auto& o : r.actuals) {
    out << "actual " << o.indicator << ' ' << o.period.to_string() << ' ';
    if (const auto v = o.single_number())
      out << *v;
    else
      out << o.text;
    out << '\n';
  }
  for (const auto& v : r.review) out << "review " << v.text << '\n';
  return out.str();
}

struct office_case {
  std::string csv;   // the table as published
  std::string name;  // its office copies, tests/data/office/<name>.{xlsx,xls,docx}
};

TEST(office, real_tables_import_to_the_plans_of_their_csv_forms) {
  const office_case cases[] = {
      {std::string(PLANEVAL_EXAMPLE_DATA) + "/changning-2021/published.csv", "changning-2021"},
      {published + "/04-china-2021-fyp.csv", "04-china-2021-fyp"},
      {published + "/08-china-2015-execution.csv", "08-china-2015-execution"},
  };
  for (const auto& c : cases) {
    const import_result csv = import_table(c.csv);
    ASSERT_GE(csv.plan.indicators.size(), 15u) << c.csv;
    const std::string expected = meaning(csv);
    for (const char* ext : {".xlsx", ".xls", ".docx"}) {
      SCOPED_TRACE(c.name + ext);
      const import_result got = import_table(office + "/" + c.name + ext);
      const bool percent_numbers = c.name == "08-china-2015-execution";  // 7% stored as 0.07
      if (std::string(ext) == ".xls" && percent_numbers) {
        // FreeXL reads no number formats: the import says which cells to check, not guessing
        bool said = false;
        for (const auto& n : got.notes)
          said = said || n.find("number formats are not read") != std::string::npos;
        EXPECT_TRUE(said);
        EXPECT_NE(meaning(got), expected);
      } else {
        EXPECT_EQ(meaning(got), expected);
      }
      EXPECT_EQ(got.plan.title_zh, csv.plan.title_zh);
      // review cells name their sheet and cell
      for (const auto& v : got.review) EXPECT_FALSE(v.where.cell.empty()) << v.text;
    }
  }
}

TEST(office, xlsx_cells_show_their_number_formats_and_merged_cells) {
  const auto grids = load_grids(office + "/08-china-2015-execution.xlsx");
  ASSERT_EQ(grids.size(), 2u);  // the table and a notes sheet
  const grid& g = grids[0];
  EXPECT_EQ(g.sheet, "主要指标");
  EXPECT_EQ(grids[1].sheet, "说明");
  // the title is merged over the header: spread, marked as copies
  EXPECT_EQ(g.text(0, 0), "专栏1 “十二五”规划主要指标实现情况");
  EXPECT_EQ(g.text(0, 4), g.text(0, 0));
  EXPECT_FALSE(g.rows[0][0].merged);
  EXPECT_TRUE(g.rows[0][4].merged);
  // `7.8%` typed in a cell is stored 0.078 with format 0.0%: read as shown
  bool percent = false;
  for (std::size_t r = 0; r < g.rows.size(); ++r)
    if (g.text(r, 0).find("国内生产总值") != std::string::npos) {
      EXPECT_EQ(g.text(r, 2), "7%");
      EXPECT_EQ(g.text(r, 4), "7.8%");
      EXPECT_EQ(g.text(r, 3), "67.7");
      percent = true;
      const location where = g.where(r, 4);
      EXPECT_EQ(where.sheet, "主要指标");
      EXPECT_EQ(where.cell, "E" + std::to_string(r + 1));
      EXPECT_EQ(where.line, 0u);
    }
  EXPECT_TRUE(percent);
}

TEST(office, docx_tables_spread_vertical_merges_and_take_the_paragraph_before) {
  const auto grids = load_grids(office + "/04-china-2021-fyp.docx");
  ASSERT_EQ(grids.size(), 1u);
  const grid& g = grids[0];
  ASSERT_FALSE(g.captions.empty());
  EXPECT_EQ(g.captions.front(), "专栏1 “十四五”时期经济社会发展主要指标");
  EXPECT_EQ(g.text(0, 0), "类别");
  EXPECT_EQ(g.text(1, 0), "经济发展");
  EXPECT_EQ(g.text(2, 0), "经济发展");  // the 类别 cell merged down over its rows
  EXPECT_TRUE(g.rows[2][0].merged);
  EXPECT_FALSE(g.rows[1][0].merged);
  EXPECT_EQ(g.where(2, 1).cell, "B3");
  EXPECT_EQ(g.where(2, 1).sheet, "1");
}

TEST(office, xls_through_freexl) {
  const auto grids = load_grids(office + "/changning-2021.xls");
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].sheet, "主要指标");
  EXPECT_EQ(grids[0].text(1, 1), "指标名称");
  EXPECT_EQ(grids[0].text(2, 3), "-5");
  grid_options only;
  only.sheet = "nope";
  try {
    (void)load_grids(office + "/changning-2021.xls", only);
    FAIL() << "expected office.sheet";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::office_sheet);
    EXPECT_NE(std::string(e.what()).find("'主要指标'"), std::string::npos) << e.what();
  }
}

// A workbook as a spreadsheet program writes it (libxlsxwriter: shared strings, styles).
class written_workbook : public ::testing::Test {
 protected:
  std::string path = (std::filesystem::temp_directory_path() /
                      ("planeval-office-" + std::to_string(::getpid()) + ".xlsx"))
                         .string();
  void SetUp() override {
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format(percent, "0.0%");
    lxw_format* thousands = workbook_add_format(wb);
    format_set_num_format(thousands, "#,##0");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy\"年\"m\"月\"");
    lxw_worksheet* notes = workbook_add_worksheet(wb, "说明");
    worksheet_write_string(notes, 0, 0, "填表说明", nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "2021年");
    worksheet_merge_range(ws, 0, 0, 0, 3, "2021年主要指标完成情况", nullptr);
    const char* header[] = {"指标名称", "单位", "2021年目标", "2021年完成"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 1, c, header[c], nullptr);
    worksheet_write_string(ws, 2, 0, "城镇调查失业率", nullptr);
    worksheet_write_string(ws, 2, 1, "%", nullptr);
    worksheet_write_string(ws, 2, 2, "5.5以内", nullptr);
    worksheet_write_number(ws, 2, 3, 0.051, percent);
    worksheet_write_string(ws, 3, 0, "新增市场主体", nullptr);
    worksheet_write_string(ws, 3, 1, "户", nullptr);
    worksheet_write_number(ws, 3, 2, 12000, thousands);
    worksheet_write_formula_num(ws, 3, 3, "=12000+345", thousands, 12345);
    worksheet_write_string(ws, 4, 0, "数据截至", nullptr);
    worksheet_write_number(ws, 4, 3, 45261, date);  // 2023-12-01
    lxw_row_col_options hidden;
    hidden.hidden = 1;
    hidden.level = 0;
    hidden.collapsed = 0;
    worksheet_set_row_opt(ws, 4, LXW_DEF_ROW_HEIGHT, nullptr, &hidden);
    lxw_worksheet* old = workbook_add_worksheet(wb, "2020年");
    worksheet_write_string(old, 0, 0, "旧表", nullptr);
    worksheet_hide(old);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  }
  void TearDown() override { std::filesystem::remove(path); }
};

TEST_F(written_workbook, sheets_strings_formats_formulas_and_hidden_parts) {
  const auto grids = load_grids(path);
  ASSERT_EQ(grids.size(), 3u);
  EXPECT_EQ(grids[0].sheet, "说明");
  const grid& g = grids[1];
  EXPECT_EQ(g.sheet, "2021年");
  EXPECT_EQ(g.index, 1u);
  EXPECT_EQ(g.text(0, 3), "2021年主要指标完成情况");
  EXPECT_EQ(g.text(2, 0), "城镇调查失业率");  // a shared string
  EXPECT_EQ(g.text(2, 3), "5.1%");
  EXPECT_EQ(g.text(3, 2), "12,000");
  EXPECT_EQ(g.text(3, 3), "12,345");  // a formula by its saved value
  EXPECT_EQ(g.text(4, 3), "2023年12月");
  ASSERT_EQ(g.hidden_rows.size(), 1u);
  EXPECT_EQ(g.hidden_rows[0], 4u);
  EXPECT_FALSE(g.hidden);
  EXPECT_TRUE(grids[2].hidden);
  EXPECT_FALSE(grids[2].notes.empty());
}

TEST_F(written_workbook, a_sheet_by_name_or_number_and_a_missing_one) {
  grid_options o;
  o.sheet = "2021年";
  auto grids = load_grids(path, o);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].sheet, "2021年");
  o.sheet = "3";
  grids = load_grids(path, o);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].sheet, "2020年");
  o.sheet = "2022年";
  try {
    (void)load_grids(path, o);
    FAIL() << "expected office.sheet";
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::office_sheet);
    EXPECT_EQ(e.where().sheet, "2022年");
    const std::string m = e.what();
    EXPECT_NE(m.find("'说明', '2021年', '2020年'"), std::string::npos) << m;
  }
}

TEST_F(written_workbook, imports_the_indicator_sheet_and_marks_the_fraction) {
  import_options o;
  const import_result r = import_table(path, o);
  ASSERT_EQ(r.plan.indicators.size(), 3u);  // the 2021 sheet was found among the three
  EXPECT_EQ(r.plan.indicators[0].name_zh, "城镇调查失业率");
  // the percent cell reads as 5.1 (%), a plausible rate: a result, not a review
  bool found = false;
  for (const auto& a : r.actuals)
    if (a.indicator == r.plan.indicators[0].id) {
      ASSERT_TRUE(a.single_number());
      EXPECT_DOUBLE_EQ(*a.single_number(), 5.1);
      found = true;
    }
  EXPECT_TRUE(found);
  // the hidden row is said
  bool said = false;
  for (const auto& n : r.notes) said = said || n.find("hides row(s) 5") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(office, the_format_is_told_by_the_content) {
  const auto tmp = std::filesystem::temp_directory_path() / "planeval-office-named-csv.csv";
  std::filesystem::copy_file(office + "/changning-2021.xlsx", tmp,
                             std::filesystem::copy_options::overwrite_existing);
  const auto grids = load_grids(tmp.string());  // a workbook named .csv is read as a workbook
  EXPECT_EQ(grids[0].sheet, "主要指标");
  std::filesystem::remove(tmp);
  // a workbook asked to be read as a Word document, and the reverse, say what they are
  std::ifstream in(office + "/changning-2021.docx", std::ios::binary);
  const std::string docx((std::istreambuf_iterator<char>(in)), {});
  try {
    (void)parse_xlsx_grids(docx, "x.docx");
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::office_package);
    EXPECT_NE(std::string(e.what()).find("Word document"), std::string::npos);
  }
}

TEST(office, bounded_against_hostile_packages) {
  std::ifstream in(office + "/changning-2021.xlsx", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  grid_options small;
  small.input_limits.max_input_bytes = 2000;  // every part inflates past this
  try {
    (void)parse_xlsx_grids(bytes, "x.xlsx", small);
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::limit_input_size);
  }
  grid_options few;
  few.input_limits.max_items = 3;  // entries of the package
  try {
    (void)parse_xlsx_grids(bytes, "x.xlsx", few);
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::limit_items);
  }
  grid_options shallow;
  shallow.input_limits.max_depth = 2;  // worksheet > sheetData > row > c is deeper
  try {
    (void)parse_xlsx_grids(bytes, "x.xlsx", shallow);
    FAIL();
  } catch (const format_error& e) {
    EXPECT_EQ(e.code(), errc::limit_depth);
  }
  // every prefix of the file is refused with a typed error, never a crash
  for (std::size_t n = 0; n < bytes.size(); n += 97) {
    try {
      (void)parse_xlsx_grids(std::string_view(bytes).substr(0, n), "x.xlsx");
    } catch (const error& e) {
      EXPECT_TRUE(e.code() == errc::office_package || e.code() == errc::office_xml) << e.what();
    }
  }
}

}  // namespace
}  // namespace planeval
