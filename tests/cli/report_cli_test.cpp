// planeval report, run as a user would: files written, formats, merged inputs, errors.
#include <gtest/gtest.h>

#include <stdlib.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_cli.hpp"

namespace {

using planeval::test::run;

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

const std::string data = PLANEVAL_EXAMPLE_DATA "/changning-2021";
const std::string all_data = "--plan " + data + "/plan.json --actuals " + data +
                             "/actuals-illustrative.csv --actuals " + data +
                             "/actuals-2021-ytd-illustrative.csv --actuals " + data +
                             "/series-2016-2020-illustrative.csv --references " + data +
                             "/references-illustrative.csv --as-of 2021-09-30";

struct temp_dir {
  std::filesystem::path path;
  // one folder per test and process: CTest runs the tests in parallel
  temp_dir()
      : path(std::filesystem::temp_directory_path() /
             ("planeval-report-cli-" +
              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
              std::to_string(getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~temp_dir() { std::filesystem::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

}  // namespace

TEST(cli_report, html_with_every_example_file) {
  temp_dir dir;
  const auto r = run("report " + all_data + " --lang en --format html -o " + (dir / "r.html"));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "");
  const std::string html = slurp(dir / "r.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* id : {"id=\"status-chart\"", "id=\"pace-chart\"", "id=\"task-timeline\"",
                         "data-indicator=\"work_safety_deaths\"", "class=\"sparkline\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
}

TEST(cli_report, markdown_by_flag_or_by_extension_and_to_standard_output) {
  temp_dir dir;
  auto r = run("report " + all_data + " -o " + (dir / "r.md"));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(slurp(dir / "r.md").rfind("# 关于长宁区", 0), 0u);
  r = run("report " + all_data + " --format markdown --lang en -o -");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("## Pace within the year"), std::string::npos);
  EXPECT_NE(r.out.find("## Tasks"), std::string::npos);
}

TEST(cli_report, plan_table_without_extra_files) {
  temp_dir dir;
  const auto r = run("report --indicators " + data + "/indicators.csv --as-of 2021-12-31 -o " +
                     (dir / "r.html"));
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string html = slurp(dir / "r.html");
  EXPECT_EQ(html.find("id=\"pace\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"tasks\""), std::string::npos);
}

TEST(cli_report, a_task_table_adds_the_task_section) {
  temp_dir dir;
  const auto r =
      run("report --indicators " + data + "/indicators.csv --tasks " + data +
          "/tasks.csv --as-of 2021-09-30 --format markdown --lang en -o " + (dir / "r.md"));
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string md = slurp(dir / "r.md");
  EXPECT_NE(md.find("## Tasks"), std::string::npos);
  EXPECT_NE(md.find("| t2021.4.2.2 |"), std::string::npos);
}

TEST(cli_report, errors_are_usage_errors_and_write_nothing) {
  temp_dir dir;
  // the same file twice: every value is given twice
  auto r = run("report --plan " + data + "/plan.json --actuals " + data +
               "/actuals-illustrative.csv --actuals " + data + "/actuals-illustrative.csv -o " +
               (dir / "r.html"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("given again"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("actuals-illustrative.csv"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "r.html"));

  r = run("report --plan " + data + "/plan.json --format pdf -o " + (dir / "r.html"));
  EXPECT_EQ(r.code, 2) << r.out;
  r = run("report -o " + (dir / "r.html"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--plan, --indicators or --table"), std::string::npos) << r.out;
  r = run("report --plan " + data + "/plan.json");
  EXPECT_EQ(r.code, 2) << r.out;  // -o is required
  r = run("report --plan " + data + "/plan.json --as-of 2021-13-01 -o " + (dir / "r.html"));
  EXPECT_EQ(r.code, 2) << r.out;
  r = run("report --plan " + data + "/plan.json -o " + (dir / "missing/r.html"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("planeval.io"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "r.html"));
}

TEST(cli_report, help_lists_the_options) {
  const auto r = run("report --help");
  EXPECT_EQ(r.code, 0);
  for (const char* o : {"--plan", "--actuals", "--references", "--tasks", "--as-of", "--lang",
                        "--format", "--output"})
    EXPECT_NE(r.out.find(o), std::string::npos) << o;
}
