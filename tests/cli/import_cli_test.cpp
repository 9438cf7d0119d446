// planeval import and --table, run as a user would: the seed's table as published, exit codes
// 0 (all read), 1 (cells kept for review), 2 (an unreadable file), --strict and --explain.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/run_cli.hpp"

namespace {

using planeval::test::run;

const std::string data = PLANEVAL_EXAMPLE_DATA "/changning-2021";
const std::string published = PLANEVAL_TEST_DATA "/published";

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

}  // namespace

TEST(cli_import, seed_as_published_to_a_plan_and_its_explanation) {
  const std::string out = testing::TempDir() + "/imported.json";
  const auto r = run("import " + data + "/published.csv -o " + out + " --explain --lang en");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("import: 25 indicators"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("i19 polarity = lower: the name has '失业'"), std::string::npos) << r.out;
  std::ifstream in(out);
  const auto j = nlohmann::json::parse(in);
  ASSERT_EQ(j.at("indicators").size(), 25U);
  EXPECT_EQ(j["indicators"][0]["id"], "i01_gdp");
  // the plan file written is one the other commands read
  const auto v = run("validate " + out);
  EXPECT_EQ(v.code, 0) << v.out;
}

TEST(cli_import, evaluate_table_with_overrides_gives_the_hand_made_statuses) {
  const auto table =
      run("evaluate --table " + data + "/published.csv --overrides " + data +
          "/published-overrides.csv --actuals " + data + "/actuals-illustrative.csv --references " +
          data + "/references-illustrative.csv --format json");
  const auto hand = run("evaluate --indicators " + data + "/indicators.csv --actuals " + data +
                        "/actuals-illustrative.csv --references " + data +
                        "/references-illustrative.csv --format json");
  ASSERT_EQ(table.code, 0) << table.out;
  ASSERT_EQ(hand.code, 0) << hand.out;
  const auto a = nlohmann::json::parse(table.out);
  const auto b = nlohmann::json::parse(hand.out);
  ASSERT_EQ(a["assessments"].size(), b["assessments"].size());
  for (std::size_t k = 0; k < a["assessments"].size(); ++k) {
    EXPECT_EQ(a["assessments"][k]["indicator"], b["assessments"][k]["indicator"]);
    EXPECT_EQ(a["assessments"][k]["status"], b["assessments"][k]["status"]) << k;
  }
}

TEST(cli_import, html_page_and_execution_table_in_one_command) {
  const auto html = run("evaluate --table " + data + "/published.html --format json");
  EXPECT_EQ(html.code, 0) << html.out;
  // each assessment names the cell its target was read from (the page's title is a caption,
  // so the header is the table's first row)
  const auto j = nlohmann::json::parse(html.out);
  EXPECT_EQ(j["assessments"][0]["name"], "全区生产总值(GDP)增速");
  EXPECT_NE(j["assessments"][0]["source"].get<std::string>().find("cell E2"), std::string::npos)
      << j["assessments"][0];
  // an execution table: its results are its actuals
  const auto r = run("evaluate --table " + published + "/02-yuecheng-2020-execution.csv");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("全区生产总值"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3个指标完成"), std::string::npos) << r.out;
}

TEST(cli_import, a_bad_cell_is_reviewed_exit_1_and_strict_fails) {
  const std::string path =
      write_temp("one-odd-cell.csv",
                 "序号,指标名称,单位,2020年完成值,2021年目标值\n1,地区生产总值增速,%,5,6\n"
                 "2,城镇调查失业率,%,4.5,5.5%%以内\n");
  const auto r = run("evaluate --table " + path + " --format json");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("planeval: review"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cell E3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"needs_review\""), std::string::npos) << r.out;
  const auto strict = run("evaluate --table " + path + " --strict");
  EXPECT_EQ(strict.code, 2) << strict.out;
  EXPECT_NE(strict.out.find("cell E3"), std::string::npos) << strict.out;
  const auto imp = run("import " + path);
  EXPECT_EQ(imp.code, 1) << imp.out;
}

TEST(cli_import, unreadable_tables_exit_2) {
  const auto prose = run("import " + write_temp("prose.csv", "一段文字\n另一段\n"));
  EXPECT_EQ(prose.code, 2) << prose.out;
  EXPECT_NE(prose.out.find("table.no_header"), std::string::npos) << prose.out;
  const auto page = run("import " + write_temp("page.html", "<html><body><p>x</p></body></html>"));
  EXPECT_EQ(page.code, 2) << page.out;
  EXPECT_NE(page.out.find("html.no_table"), std::string::npos) << page.out;
  const auto enc = run("import " + data + "/published.csv --encoding latin1");
  EXPECT_EQ(enc.code, 2) << enc.out;
  const auto empty =
      run("evaluate --table " + write_temp("header-only.csv", "指标名称,2021年目标\n"));
  EXPECT_EQ(empty.code, 1) << empty.out;
  EXPECT_NE(empty.out.find("no indicators"), std::string::npos) << empty.out;
}

TEST(cli_import, actuals_out_round_trips) {
  const std::string plan = testing::TempDir() + "/exec.json";
  const std::string actuals = testing::TempDir() + "/exec-actuals.csv";
  const auto r = run("import " + published + "/08-china-2015-execution.csv -o " + plan +
                     " --actuals-out " + actuals);
  ASSERT_LE(r.code, 1) << r.out;
  const auto e = run("evaluate --plan " + plan + " --actuals " + actuals + " --format json");
  ASSERT_EQ(e.code, 0) << e.out;
  const auto t =
      planeval::test::run_shell(std::string(PLANEVAL_CLI) + " evaluate --table " + published +
                                "/08-china-2015-execution.csv --format json 2>/dev/null");
  const auto a = nlohmann::json::parse(e.out);
  const auto b = nlohmann::json::parse(t.out);
  ASSERT_EQ(a["assessments"].size(), b["assessments"].size());
  for (std::size_t k = 0; k < a["assessments"].size(); ++k)
    EXPECT_EQ(a["assessments"][k]["status"], b["assessments"][k]["status"]) << k;
}

TEST(cli_import, the_report_lists_cells_to_review_and_the_inferences) {
  const std::string path =
      write_temp("report-odd.csv",
                 "序号,指标名称,单位,2020年完成值,2021年目标值\n1,地区生产总值增速,%,5,6\n"
                 "2,城镇调查失业率,%,4.5,5.5%%以内\n");
  const std::string html = testing::TempDir() + "/imported-report.html";
  const auto r = run("report --table " + path + " --as-of 2021-12-31 -o " + html);
  EXPECT_EQ(r.code, 1) << r.out;
  std::ifstream in(html);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string page = buffer.str();
  EXPECT_NE(page.find("id=\"review\""), std::string::npos);
  EXPECT_NE(page.find("cell E3"), std::string::npos);
  EXPECT_NE(page.find("id=\"inferences\""), std::string::npos);
  EXPECT_NE(page.find("data-status=\"needs_review\""), std::string::npos);
  const auto md =
      run("report --table " + path + " --as-of 2021-12-31 --lang en --format markdown -o -");
  EXPECT_NE(md.out.find("## Cells to review"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("## Inferences made on import"), std::string::npos) << md.out;
  // a bad cell of an actuals table is kept the same way
  const std::string actuals =
      write_temp("odd-actuals.csv", "indicator,period,value\ni01,2021,6.5\ni02,2021,四点五\n");
  const auto e = run("evaluate --table " + path + " --actuals " + actuals);
  EXPECT_EQ(e.code, 1) << e.out;
  EXPECT_NE(e.out.find("odd-actuals.csv:3"), std::string::npos) << e.out;
}

// NDRC's English table names no year: --table-period gives it, on import and on --table.
TEST(cli_import, table_period_for_a_table_that_names_no_year) {
  const std::string table = published + "/19-china-2018-execution-en.csv";
  const auto bare = run("import " + table + " --explain --lang en");
  EXPECT_NE(bare.out.find("0 results"), std::string::npos) << bare.out;
  EXPECT_NE(bare.out.find("give the plan's period with --table-period"), std::string::npos)
      << bare.out;
  const std::string args = "evaluate --table " + table + " --table-period 2018 --format json";
  const auto json =
      planeval::test::run_shell(std::string(PLANEVAL_CLI) + " " + args + " 2>/dev/null");
  EXPECT_EQ(json.code, 1) << json.out;  // row 20's target is kept for review
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j.at("assessments").size(), 20U);
  EXPECT_EQ(j["assessments"][0]["period"], "2018");
  EXPECT_EQ(j["assessments"][0]["status"], "met");
  EXPECT_EQ(j["assessments"][19]["status"], "needs_review");
  const auto r = run(args);
  EXPECT_NE(r.out.find("cell E27"), std::string::npos) << r.out;  // the review line on stderr
}
