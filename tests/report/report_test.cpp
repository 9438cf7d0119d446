#include "planeval/report/report.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/io/plan_file.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/io/tasks.hpp"
#include "support/report_example.hpp"

using namespace planeval;
using planeval::test::count;
using planeval::test::has;
using planeval::test::report_example;

namespace {

// The text of a Markdown section: from its heading to the next heading of the same level.
std::string md_section(const std::string& md, const std::string& heading) {
  const auto start = md.find(heading);
  if (start == std::string::npos) return {};
  const auto end = md.find("\n## ", start + heading.size());
  return md.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// A one-indicator plan without tasks, year-to-date values or series.
report_input minimal(language lang) {
  report_input in;
  in.plan.id = "mini";
  in.plan.title_zh = "小计划";
  in.plan.title_en = "Small plan";
  in.plan.period = period::year(2021);
  indicator ind;
  ind.id = "revenue";
  ind.name_zh = "收入增速";
  ind.name_en = "Revenue growth";
  ind.unit = unit::percent();
  ind.targets.push_back(target{period::year(2021), "5", parse_target("5")});
  in.plan.add(ind);
  observation o;
  o.indicator = "revenue";
  o.period = period::year(2021);
  o.value = point_value{5.8};
  o.text = "5.8";
  in.actuals.add(o);
  in.lang = lang;
  return in;
}

}  // namespace

TEST(report_format, names_round_trip) {
  EXPECT_STREQ(to_string(report_format::html), "html");
  EXPECT_STREQ(to_string(report_format::markdown), "markdown");
  EXPECT_EQ(from_string<report_format>("markdown"), report_format::markdown);
  EXPECT_EQ(try_from_string<report_format>("pdf"), std::nullopt);
  try {
    from_string<report_format>("pdf");
    FAIL() << "no error";
  } catch (const model_error& e) {
    EXPECT_EQ(e.code(), errc::model_enum);
    EXPECT_NE(std::string(e.what()).find("html, markdown or docx"), std::string::npos);
  }
}

TEST(write_report, html_of_the_example_has_every_indicator_row_and_chart) {
  const report_input in = report_example(language::zh);
  const std::string html = report_to_string(in, report_format::html);
  ASSERT_EQ(in.plan.indicators.size(), 25u);
  EXPECT_EQ(count(html, "<article class=\"indicator-row\""), 25u);
  EXPECT_EQ(count(html, "<svg class=\"bullet"), 25u);
  for (const auto& ind : in.plan.indicators) {
    EXPECT_TRUE(has(html, "<article class=\"indicator-row\" id=\"indicator-" + ind.id +
                              "\" data-indicator=\"" + ind.id + "\""))
        << ind.id;
    EXPECT_TRUE(std::regex_search(
        html, std::regex("<svg class=\"bullet[^\"]*\" data-indicator=\"" + ind.id + "\"")))
        << ind.id;
  }
  for (const char* id :
       {"id=\"report-header\"", "id=\"overview\"", "id=\"status-chart\"", "id=\"binding-callout\"",
        "id=\"summary-narrative\"", "id=\"indicators\"", "id=\"pace\"", "id=\"pace-chart\"",
        "id=\"tasks\"", "id=\"area-rollup\"", "id=\"task-timeline\""})
    EXPECT_TRUE(has(html, id)) << id;
  // series of two values or more get a sparkline: 10 indicators of the example
  EXPECT_EQ(count(html, "<svg class=\"sparkline\""), 10u);
  EXPECT_EQ(count(html, "<rect class=\"bar\" data-status="), 9u);  // one per status
  // self-contained: no script, no external reference
  EXPECT_FALSE(has(html, "<script"));
  EXPECT_FALSE(has(html, "src="));
  EXPECT_FALSE(std::regex_search(html, std::regex("href=\"[^#]")));
  EXPECT_TRUE(has(html, "@page{size:A4"));
  // the binding indicator not met is called out
  EXPECT_TRUE(has(html, "<li data-indicator=\"energy_intensity_reduction\">"));
}

TEST(write_report, numbers_follow_the_language) {
  const std::string zh = report_to_string(report_example(language::zh), report_format::html);
  const std::string en = report_to_string(report_example(language::en), report_format::html);
  EXPECT_TRUE(has(zh, "lang=\"zh-CN\""));
  EXPECT_TRUE(has(en, "lang=\"en\""));
  // 新竣工面积 38.16万平方米: Chinese keeps 万, English writes the number out
  EXPECT_TRUE(has(zh, "目标 38.16万平方米")) << "zh target label";
  EXPECT_TRUE(has(en, "target 381,600 m²")) << "en target label";
  EXPECT_TRUE(has(en, "target 6,000 yuan per m²"));
  EXPECT_TRUE(has(zh, "目标 6000元/平方米"));
  EXPECT_TRUE(has(zh, "截至</dt><dd>2021年9月30日"));
  EXPECT_TRUE(has(en, "As of</dt><dd>2021-09-30"));
  EXPECT_TRUE(has(zh, "2021年共涉及25个指标"));
  EXPECT_TRUE(has(en, "In 2021 the plan covered 25 indicators"));
}

TEST(write_report, markdown_of_the_example_has_the_same_content) {
  const std::string md = report_to_string(report_example(language::en), report_format::markdown);
  EXPECT_EQ(md.rfind("# Report on the implementation", 0), 0u);
  for (int k = 1; k <= 25; ++k)
    EXPECT_TRUE(has(md, "\n| " + std::to_string(k) + " | ")) << "indicator row " << k;
  for (const char* h : {"## Overview", "## Indicators", "### Annual trends and projections",
                        "## Pace within the year", "## Tasks", "### Task areas", "### Task list"})
    EXPECT_TRUE(has(md, h)) << h;
  EXPECT_TRUE(has(md, "In 2021 the plan covered 25 indicators"));
  EXPECT_TRUE(has(md, "- Reduction of energy use per unit of GDP (-0.3 pp)"));
  EXPECT_TRUE(has(md, "| ✖ not met | 5 |"));
  EXPECT_TRUE(has(md, "| t2021.4.2.2 |"));  // the overdue task is listed
  EXPECT_FALSE(has(md, "<svg"));
  const std::string zh = report_to_string(report_example(language::zh), report_format::markdown);
  EXPECT_TRUE(has(zh, "## 总体情况"));
  EXPECT_TRUE(has(zh, "38.16万平方米") || has(zh, "| 38.16 |"));
}

TEST(write_report, sections_without_data_are_left_out) {
  for (const language l : {language::zh, language::en}) {
    const report_input in = minimal(l);
    const std::string html = report_to_string(in, report_format::html);
    EXPECT_EQ(count(html, "<article class=\"indicator-row\""), 1u);
    EXPECT_TRUE(has(html, "id=\"status-chart\""));
    EXPECT_FALSE(has(html, "id=\"pace\"")) << "no year-to-date values";
    EXPECT_FALSE(has(html, "id=\"tasks\"")) << "no tasks";
    EXPECT_FALSE(has(html, "class=\"sparkline\"")) << "no series";
    EXPECT_TRUE(has(html, "class=\"no-trend\""));
    EXPECT_FALSE(has(html, "data-kpi=\"pace_behind\""));
    EXPECT_FALSE(has(html, "data-kpi=\"tasks_overdue\""));
    const std::string md = report_to_string(in, report_format::markdown);
    EXPECT_FALSE(has(md, l == language::zh ? "## 时序进度" : "## Pace"));
    EXPECT_FALSE(has(md, l == language::zh ? "## 主要任务" : "## Tasks"));
    EXPECT_FALSE(has(md, l == language::zh ? "### 年度趋势" : "### Annual trends"));
  }
}

TEST(write_report, escapes_every_text_from_the_plan) {
  report_input in = minimal(language::en);
  in.plan.title_en = "Plan </title><script>alert(1)</script>";
  in.plan.issuer = "A & B \"office\"";
  in.plan.indicators[0].name_en = "<img src=x onerror=alert(1)> | pipe";
  in.plan.indicators[0].category = "x\" onmouseover=\"alert(1)";
  const std::string html = report_to_string(in, report_format::html);
  EXPECT_FALSE(has(html, "<script"));
  EXPECT_FALSE(has(html, "<img"));
  EXPECT_FALSE(has(html, "\" onmouseover=\""));
  EXPECT_TRUE(has(html, "Plan &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(has(html, "A &amp; B &quot;office&quot;"));
  EXPECT_TRUE(has(html, "&lt;img src=x onerror=alert(1)&gt; | pipe"));
  const std::string md = report_to_string(in, report_format::markdown);
  EXPECT_TRUE(has(md, "onerror=alert(1)> \\| pipe |")) << "pipes in cells are escaped";
}

TEST(write_report, same_input_same_output_and_the_default_as_of_is_the_period_end) {
  report_input in = report_example(language::en, std::nullopt);
  const std::string a = report_to_string(in, report_format::html);
  const std::string b = report_to_string(in, report_format::html);
  EXPECT_EQ(a, b);
  EXPECT_TRUE(has(a, "data-as-of=\"2021-12-31\""));
  EXPECT_FALSE(has(a, ">interim<")) << "the period has ended";
  const std::string mid = report_to_string(report_example(language::en), report_format::html);
  EXPECT_TRUE(has(mid, ">interim<"));
}

TEST(write_report, values_after_the_as_of_date_are_not_seen) {
  // as of the end of March only the first quarter (and January, February) count for pace
  const std::string md = report_to_string(report_example(language::en, parse_date("2021-03-31")),
                                          report_format::markdown);
  const std::string pace = md_section(md, "## Pace within the year");
  ASSERT_FALSE(pace.empty()) << md;
  EXPECT_FALSE(has(pace, "2021-06-30"));
  EXPECT_FALSE(has(pace, "2021-05-31"));
  EXPECT_TRUE(has(pace, "2021-03-31") || has(pace, "2021-02-28"));
  // and as of 2020-12-31 the 2021 actuals are not seen at all
  const std::string early =
      report_to_string(report_example(language::en, parse_date("2020-12-31")), report_format::html);
  EXPECT_FALSE(has(early, "id=\"pace\""));
  EXPECT_FALSE(has(early, "actual <b>8.5</b>"));
}

TEST(write_report, a_row_shows_the_latest_target_started_by_the_as_of_date) {
  report_input in = minimal(language::en);
  in.plan.indicators[0].targets.push_back(target{period::year(2022), "6", parse_target("6")});
  in.plan.period = period::span(2021, 2022);
  in.as_of = parse_date("2021-09-30");
  std::string html = report_to_string(in, report_format::html);
  EXPECT_TRUE(has(html, "<span class=\"tag\">2021</span>"));
  EXPECT_FALSE(has(html, "<span class=\"tag\">2022</span>"));
  in.as_of = parse_date("2022-03-31");
  html = report_to_string(in, report_format::html);
  EXPECT_TRUE(has(html, "<span class=\"tag\">2022</span>"));
  in.options.target_period = period::year(2021);
  html = report_to_string(in, report_format::html);
  EXPECT_TRUE(has(html, "<span class=\"tag\">2021</span>"));
}

TEST(save_report, writes_atomically_and_leaves_the_old_file_on_failure) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("planeval-report-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "r.html").string();
  const report_input in = minimal(language::en);
  save_report(path, in, report_format::html);
  std::ifstream f(path);
  std::stringstream got;
  got << f.rdbuf();
  EXPECT_EQ(got.str(), report_to_string(in, report_format::html));

  // bad data: nothing is written, the previous report stays
  report_input bad = in;
  task t;
  t.id = "t1";
  t.progress = progress_report{1.5, parse_date("2021-03-01")};  // not a share
  t.status = task_status::in_progress;
  bad.plan.tasks.push_back(t);
  EXPECT_THROW(save_report(path, bad, report_format::html), model_error);
  std::ifstream g(path);
  std::stringstream again;
  again << g.rdbuf();
  EXPECT_EQ(again.str(), got.str());

  EXPECT_THROW(save_report((dir / "missing" / "r.html").string(), in, report_format::html),
               io_error);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u) << "no temporary file is left behind";
  fs::remove_all(dir);
}
