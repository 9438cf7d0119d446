// Task tables in CSV (reading, errors with file/line/column, round trip) and task reports.
#include "planeval/io/tasks.hpp"
#include "planeval/render/tasks.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "planeval/core/error.hpp"
#include "planeval/core/parse.hpp"

using namespace planeval;

namespace {

std::vector<task> read(const std::string& text, const plan* known = nullptr) {
  std::istringstream in(text);
  return read_tasks(in, "tasks.csv", known);
}

template <class E>
E expect_error(const std::string& text, errc code, std::size_t line, std::size_t column,
               const plan* known = nullptr) {
  try {
    read(text, known);
  } catch (const E& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.where().file, "tasks.csv") << e.what();
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().column, column) << e.what();
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return E(code, "");
}

plan indicators_plan() {
  plan p;
  for (const char* id : {"quality_estates_area", "gdp_growth"}) {
    indicator ind;
    ind.id = id;
    p.add(ind);
  }
  return p;
}

const std::string full_header =
    "id,parent,title_zh,title_en,owner,start,due,status,progress,progress_date,deliverable,"
    "indicators,depends_on,weight\n";

}  // namespace

TEST(task_table, reads_the_documented_columns) {
  const auto ts = read(full_header +
                       "a5,,持续推进城市更新,Urban renewal,区建设管理委,2021-01-01,2021-12-31,"
                       "in_progress,,,,,,2\n"
                       "a5.6,a5,精品小区建设,Quality estates,区房管局,2021-01-01,2021-12-31,"
                       "推进中,60%,2021-09-25,新开工100万平方米,quality_estates_area; gdp_growth,"
                       "a5.1,\n"
                       "a5.1,a5,“50+X”项目,50+X projects,区规划资源局,,,,0.25,2021-06-30,,,,\n");
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts[0].title_en, "Urban renewal");
  EXPECT_EQ(ts[0].weight, 2.0);
  EXPECT_TRUE(ts[0].is_area());
  const task& t = ts[1];
  EXPECT_EQ(t.parent, "a5");
  EXPECT_EQ(t.owner, "区房管局");
  EXPECT_EQ(*t.start, date(2021, 1, 1));
  EXPECT_EQ(*t.due, date(2021, 12, 31));
  EXPECT_EQ(t.status, task_status::in_progress);
  EXPECT_DOUBLE_EQ(t.progress->share, 0.6);
  EXPECT_EQ(t.progress->reported, date(2021, 9, 25));
  ASSERT_EQ(t.deliverables.size(), 1u);
  EXPECT_EQ(t.deliverables[0].text, "新开工100万平方米");
  EXPECT_EQ(t.deliverables[0].target, parse_target("新开工100万平方米"));
  EXPECT_FALSE(t.deliverables[0].actual);
  EXPECT_EQ(t.indicators, (std::vector<std::string>{"quality_estates_area", "gdp_growth"}));
  EXPECT_EQ(t.depends_on, std::vector<std::string>{"a5.1"});
  EXPECT_EQ(t.weight, 1.0);
  EXPECT_EQ(ts[2].status, task_status::in_progress);  // blank status read from the progress
  EXPECT_FALSE(ts[2].start);
}

TEST(task_table, optional_columns_actuals_and_derived_statuses) {
  const auto ts = read(
      "id,title_zh,cooperating,description,status,progress,progress_date,completed,due,"
      "deliverable,actual,note\n"
      "w1,架空线入地,区电力公司;区交通委,\"“新开工39公里,竣工27公里”\",,,,2020-12-31,,"
      "新开工39公里;竣工27公里,新开工39公里;竣工25公里,n\n"
      "w2,经济载体,,,,,,,2020-12-31,开工4个;21.3万平方米,;21.3万平方米,\n"
      "w3,x,,,,1,2021-03-01,,,,,\n"
      "w4,y,,,,0,2021-03-01,,,,,\n"
      "w5,z,,,已暂停,,,,,,,\n");
  ASSERT_EQ(ts.size(), 5u);
  EXPECT_EQ(ts[0].cooperating, (std::vector<std::string>{"区电力公司", "区交通委"}));
  EXPECT_EQ(ts[0].description, "“新开工39公里,竣工27公里”");
  EXPECT_EQ(ts[0].note, "n");
  EXPECT_EQ(ts[0].status, task_status::done);  // a completion day makes it done
  EXPECT_EQ(*ts[0].completed, date(2020, 12, 31));
  ASSERT_EQ(ts[0].deliverables.size(), 2u);
  const auto& actual = *ts[0].deliverables[1].actual;
  EXPECT_EQ(actual.text, "竣工25公里");
  EXPECT_EQ(actual.indicator, "w1");
  EXPECT_EQ(actual.period, period::year(2020));  // the year of the completion day
  EXPECT_EQ(actual.qualifier.flow, "竣工");
  EXPECT_EQ(std::get<point_value>(actual.value).value, 25.0);
  EXPECT_FALSE(ts[1].deliverables[0].actual);  // an empty item: none yet
  ASSERT_TRUE(ts[1].deliverables[1].actual);
  EXPECT_EQ(ts[1].deliverables[1].actual->period, period::year(2020));  // the due day's year
  EXPECT_EQ(ts[1].status, task_status::not_started);
  EXPECT_EQ(ts[2].status, task_status::done);         // progress 1
  EXPECT_EQ(ts[3].status, task_status::not_started);  // progress 0
  EXPECT_EQ(ts[4].status, task_status::suspended);    // a Chinese label
}

TEST(task_table, round_trip_through_write) {
  const std::string text =
      "id,parent,title_zh,title_en,owner,cooperating,start,due,status,progress,progress_date,"
      "completed,deliverable,actual,indicators,depends_on,weight,note\n"
      "a,,领域,Area,区发展改革委,,2021-01-01,2021-12-31,in_progress,,,,,,,,1.5,\"a, b\"\n"
      "t1,a,任务一,Task 1,区房管局,区民政局;区财政局,2021-01-01,2021-06-30,done,1,2021-06-20,"
      "2021-06-20,新开工39公里;15项,新开工40公里,gdp_growth,,1,\n"
      "t2,a,任务二,,,,2021-07-01,2021-12-31,in_progress,0.35,2021-09-30,,达到先进水平,,,t1,2,"
      "\"say \"\"hi\"\"\"\n";
  const plan known = indicators_plan();
  const auto ts = read(text, &known);
  std::ostringstream out;
  write_tasks(out, ts);
  const auto again = read(out.str(), &known);
  EXPECT_EQ(again, ts);
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')),
            "id,parent,title_zh,title_en,owner,cooperating,description,start,due,status,progress,"
            "progress_date,completed,deliverable,actual,indicators,depends_on,weight,note");
  // lists hold the semicolon, which the reader could sniff as a separator: they are quoted
  EXPECT_NE(out.str().find("t1,a,任务一,Task 1,区房管局,\"区民政局;区财政局\",,2021-01-01,"
                           "2021-06-30,done,1,2021-06-20,2021-06-20,\"新开工39公里;15项\","
                           "新开工40公里,gdp_growth,,1,\n"),
            std::string::npos)
      << out.str();
  // an item holding the separator cannot be written
  auto bad = ts;
  bad[1].cooperating = {"区民政局;区财政局"};
  std::ostringstream sink;
  EXPECT_THROW(write_tasks(sink, bad), model_error);
}

TEST(task_table, header_errors) {
  expect_error<format_error>("id,title,due\nt1,x,2021-01-01\n", errc::csv_header, 1, 4);
  expect_error<format_error>("title_zh,due\nx,2021-01-01\n", errc::csv_header, 1, 1);
}

TEST(task_table, cell_errors_name_line_and_column) {
  expect_error<model_error>("id,title_zh\nt1,x\n,y\n", errc::model_invalid, 3, 1);
  expect_error<parse_error>("id,start\nt1,2021-02-30\n", errc::date_syntax, 2, 12);
  expect_error<parse_error>("id,start\nt1,2020-02-29\nt2,2021-02-29\n", errc::date_syntax, 3, 12);
  const auto e = expect_error<parse_error>("id,deliverable\nt1,新开工39公里;开工建造4个\n",
                                           errc::target_syntax, 2, 14);
  EXPECT_NE(std::string(e.what()).find("tasks.csv:2:14 deliverable (task t1): expected"),
            std::string::npos)
      << e.what();
  // the location names the task; the message says what is wrong, without naming it again
  EXPECT_EQ(e.message().rfind("expected", 0), 0u) << e.message();
  EXPECT_EQ(std::string(e.what()).find("task 't1'"), std::string::npos) << e.what();
  EXPECT_EQ(e.where().task, "t1");
  expect_error<model_error>("id,status\nt1,started\n", errc::model_enum, 2, 4);
  expect_error<model_error>("id,weight\nt1,heavy\n", errc::model_invalid, 2, 4);
  expect_error<model_error>("id,progress\nt1,50%\n", errc::model_invalid, 2, 0);
  expect_error<model_error>("id,progress,progress_date\nt1,50%,\n", errc::model_invalid, 2, 8);
  expect_error<model_error>("id,progress,progress_date\nt1,,2021-01-01\n", errc::model_invalid, 2,
                            4);
  expect_error<model_error>("id,deliverable,actual,due\nt1,15项,15项;3个,2021-12-31\n",
                            errc::model_invalid, 2, 12);
  expect_error<model_error>("id,deliverable,actual\nt1,15项,15项\n", errc::model_invalid, 2, 8);
  // 十五项 reads as 15 项; 十几项 (ten-odd) is not a figure
  expect_error<parse_error>("id,deliverable,actual,due\nt1,15项,十几项,2021-12-31\n",
                            errc::observation_syntax, 2, 8);
}

TEST(task_table, model_errors_point_at_the_cell) {
  // checked after reading, reported at the row and cell
  expect_error<model_error>("id,parent\na,\nb,ghost\n", errc::model_unknown_id, 3, 3);
  expect_error<model_error>("id,status,progress,progress_date\nt1,in_progress,120%,2021-01-01\n",
                            errc::model_invalid, 2, 16);
  expect_error<model_error>("id,title_zh\nt1,x\nt1,y\n", errc::model_duplicate, 3, 1);
  const auto cycle =
      expect_error<model_error>("id,depends_on\nt1,\nt3,t5\nt5,t1; t3\n", errc::task_cycle, 3, 4);
  EXPECT_NE(std::string(cycle.what()).find("dependency cycle: t3 → t5 → t3"), std::string::npos)
      << cycle.what();
  EXPECT_EQ(cycle.where().task, "t3");  // the row's task
  EXPECT_EQ(
      expect_error<parse_error>("id,start\nt1,2021-02-30\n", errc::date_syntax, 2, 12).where().task,
      "t1");
  expect_error<model_error>("id,depends_on\nt1,\nt2,t1;ghost\n", errc::model_unknown_id, 3, 7);
  const plan known = indicators_plan();
  const auto unknown = expect_error<model_error>("id,indicators\nt1,gdp_growth; gpd_growth\n",
                                                 errc::model_unknown_id, 2, 16, &known);
  EXPECT_NE(unknown.message().find("gpd_growth"), std::string::npos);
  EXPECT_NO_THROW(read("id,indicators\nt1,gdp_growth; gpd_growth\n"));  // no plan: not checked
}

// A unit's progress rows applied to the plan's tasks: status read or inferred, each error at
// the row it came from.
TEST(task_updates, apply_status_progress_and_completion_and_locate_errors) {
  const auto tasks = read(
      "id,parent,title_zh,start,due\n"
      "a,,领域,2021-01-01,2021-12-31\n"
      "a.1,a,任务一,2021-01-01,2021-12-31\n"
      "a.2,a,任务二,2021-01-01,2021-12-31\n");
  const auto at = [](std::size_t line) {
    location l;
    l.file = "progress.csv";
    l.line = line;
    return l;
  };
  std::vector<task_update> updates{{"a.1", "", "60%", "2021-06-30", "", at(2)},
                                   {"a.2", "已完成", "", "", "2021-05-01", at(3)}};
  const auto out = apply_task_updates(tasks, updates);
  ASSERT_TRUE(out[1].progress);
  EXPECT_DOUBLE_EQ(out[1].progress->share, 0.6);
  EXPECT_EQ(out[1].status, task_status::in_progress);
  EXPECT_EQ(out[2].status, task_status::done);
  EXPECT_EQ(out[2].completed, parse_date("2021-05-01"));
  EXPECT_EQ(tasks[1].progress, std::nullopt);  // the plan's tasks are not changed
  const auto error_of = [&](std::vector<task_update> bad) {
    try {
      (void)apply_task_updates(tasks, bad);
    } catch (const error& e) {
      return e;
    }
    ADD_FAILURE() << "no error";
    return error(errc::usage, "");
  };
  auto e = error_of({{"a.9", "", "", "", "", at(4)}});
  EXPECT_EQ(e.code(), errc::model_unknown_id);
  EXPECT_EQ(e.where().line, 4u);
  e = error_of({{"a.1", "", "0.5", "", "", at(5)}});
  EXPECT_EQ(e.code(), errc::model_invalid);
  EXPECT_EQ(e.where().task, "a.1");
  e = error_of({{"a.1", "done", "0.5", "2021-06-30", "", at(6)}});  // done below 1: validate
  EXPECT_EQ(e.where().line, 6u) << e.what();
  e = error_of({{"a.1", "half", "", "", "", at(7)}});
  EXPECT_EQ(e.code(), errc::model_enum);
}

TEST(task_table, load_reports_a_missing_file) {
  try {
    load_tasks("/nonexistent/tasks.csv");
    FAIL();
  } catch (const io_error& e) {
    EXPECT_EQ(e.code(), errc::io_open);
    EXPECT_EQ(e.where().file, "/nonexistent/tasks.csv");
  }
}

namespace {
struct report_fixture {
  plan p = indicators_plan();
  task_evaluation e;
  indicator_task_view v;
  report_fixture() {
    p.tasks = read(
        "id,parent,title_zh,title_en,owner,start,due,status,progress,progress_date,deliverable,"
        "actual,indicators,depends_on\n"
        "a,,城市更新,Urban renewal,区建设管理委,2021-01-01,2021-12-31,in_progress,,,,,,\n"
        "late,a,积水点改造,Flood points,区建设管理委,2021-01-01,2021-06-30,,0.8,2021-06-20,,,,\n"
        "slow,a,加装电梯,Lifts,区房管局,2021-01-01,2021-12-31,,0.2,2021-06-20,,,,\n"
        "next,a,精品小区,Quality estates,区房管局,2021-07-15,2021-12-31,not_started,,,"
        "新开工100万平方米,,quality_estates_area,late\n",
        &p);
    e = evaluate_tasks(p, date(2021, 7, 10));
    std::vector<assessment> as(1);
    as[0].indicator = "quality_estates_area";
    as[0].period = period::year(2021);
    as[0].status = status::met;
    v = link_indicators(p, e, as);
  }
};
}  // namespace

TEST(task_report, json_lists_tasks_areas_and_indicators) {
  const report_fixture f;
  const auto j = nlohmann::json::parse(task_evaluation_to_json(f.p, f.e, &f.v, language::en));
  EXPECT_EQ(j["as_of"], "2021-07-10");
  EXPECT_EQ(j["options"]["due_soon_days"], 14);
  ASSERT_EQ(j["tasks"].size(), 4u);
  const auto& late = j["tasks"][1];
  EXPECT_EQ(late["id"], "late");
  EXPECT_EQ(late["status"], "overdue");
  EXPECT_EQ(late["recorded_status"], "in_progress");
  EXPECT_DOUBLE_EQ(late["progress"].get<double>(), 0.8);
  EXPECT_EQ(late["days_to_due"], -10);
  EXPECT_EQ(late["reason"],
            "overdue by 10 days (due 2021-06-30); progress 80% (reported 2021-06-20)");
  EXPECT_EQ(j["tasks"][2]["status"], "behind");
  const auto& next = j["tasks"][3];
  EXPECT_EQ(next["status"], "not_started");
  EXPECT_EQ(next["blocked"], true);
  EXPECT_EQ(next["blocked_by"], nlohmann::json::array({"late"}));
  EXPECT_EQ(next["deliverables"][0]["status"], "no_data");
  EXPECT_TRUE(j["tasks"][0]["rollup"].is_object());
  ASSERT_EQ(j["areas"].size(), 1u);
  EXPECT_EQ(j["areas"][0]["id"], "a");
  EXPECT_EQ(j["areas"][0]["tasks"], 3);
  EXPECT_EQ(j["areas"][0]["by_status"]["overdue"], 1);
  EXPECT_EQ(j["areas"][0]["indicators"], nlohmann::json::array({"quality_estates_area"}));
  EXPECT_EQ(j["areas"][0]["attainment"]["met"], 1);
  EXPECT_EQ(j["overall"]["blocked"], 1);
  EXPECT_EQ(j["indicators"].size(), 2u);
  EXPECT_EQ(j["indicators"][0]["status"], "met");
  EXPECT_EQ(j["indicators"][0]["tasks"][0]["status"], "not_started");
  EXPECT_TRUE(j["indicators"][1]["status"].is_null());
  EXPECT_TRUE(j["narrative"].get<std::string>().rfind("As of 2021-07-10", 0) == 0);
  // without a view there is no indicator list
  const auto bare = nlohmann::json::parse(task_evaluation_to_json(f.p, f.e, nullptr, language::zh));
  EXPECT_FALSE(bare.contains("indicators"));
  EXPECT_FALSE(bare["areas"][0].contains("attainment"));
}

TEST(task_report, table_and_markdown_show_areas_and_problem_tasks) {
  const report_fixture f;
  std::ostringstream zh;
  write_task_evaluation_table(zh, f.p, f.e, &f.v, language::zh);
  const std::string t = zh.str();
  for (const char* part :
       {"截至2021-07-10各领域任务进展", "城市更新", "已逾期任务", "积水点改造", "进度滞后任务",
        "加装电梯", "受阻任务", "quality_estates_area", "1/1", "截至2021年7月10日,共涉及3项任务"})
    EXPECT_NE(t.find(part), std::string::npos) << part << "\n" << t;
  EXPECT_EQ(t.find("临近到期任务"), std::string::npos) << t;  // empty sections are left out
  std::ostringstream en;
  write_task_evaluation_markdown(en, f.p, f.e, &f.v, language::en);
  const std::string m = en.str();
  for (const char* part :
       {"# Task progress", "## Overdue tasks", "| late | Flood points |",
        "## Tasks behind schedule", "## Blocked tasks", "| # | area | state | progress |"})
    EXPECT_NE(m.find(part), std::string::npos) << part << "\n" << m;
}
