// The command-line tool, run as a user would: output, exit codes and errors.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_cli.hpp"

namespace {

using planeval::test::run;

const std::string data = PLANEVAL_EXAMPLE_DATA "/changning-2021";
const std::string seed_args = "--indicators " + data + "/indicators.csv --actuals " + data +
                              "/actuals-illustrative.csv --references " + data +
                              "/references-illustrative.csv";

}  // namespace

TEST(cli, evaluate_table_prints_every_indicator_and_the_summary) {
  const auto r = run("evaluate " + seed_args);
  ASSERT_EQ(r.code, 0) << r.out;
  for (const char* name : {"全区生产总值(GDP)增速", "社区工作者社工持证率", "精品小区建设面积"})
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  EXPECT_NE(r.out.find("2021年共涉及25个指标"), std::string::npos);
  EXPECT_NE(r.out.find("超额完成"), std::string::npos);
}

TEST(cli, evaluate_json_has_assessments_and_summary) {
  const auto r = run("evaluate " + seed_args + " --format json --lang en");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("\"assessments\""), std::string::npos);
  EXPECT_NE(r.out.find("\"indicator\": \"gdp_growth\""), std::string::npos);
  EXPECT_NE(r.out.find("\"status\": \"needs_reference\""), std::string::npos);
  EXPECT_NE(r.out.find("\"total\": 25"), std::string::npos);
  EXPECT_NE(r.out.find("\"by_status\""), std::string::npos);
  EXPECT_NE(r.out.find("In 2021 the plan covered 25 indicators"), std::string::npos);
}

TEST(cli, evaluate_markdown) {
  const auto r = run("evaluate " + seed_args + " --format markdown --lang en");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("| # | indicator | period |"), std::string::npos) << r.out;
}

TEST(cli, parse_target_prints_one_json_object_per_text) {
  const auto r = run("parse-target 5-10 3左右 完成市下达指标");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(
      r.out.find(
          R"({"text":"5-10","canonical":"5-10","canonical_en":"5 to 10","rule":{"op":"between")"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("reference":"市下达指标")"), std::string::npos);
}

TEST(cli, parse_target_prints_a_compound_rule_with_its_parts) {
  const auto r = run("parse-target 达1211亿元、增长6.8%");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find(R"("rule":{"op":"compound")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("parts":[{"op":"reach","measure":"level","value":1211.0)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"({"op":"reach","measure":"growth","value":6.8)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("respectively":false)"), std::string::npos) << r.out;
}

TEST(cli, parse_target_reads_stdin_and_fails_with_1) {
  const auto r = run("parse-target < /dev/null");
  EXPECT_EQ(r.code, 0);
  const auto piped = planeval::test::run_shell("printf '95以上\\n5-\\n' | " +
                                               std::string(PLANEVAL_CLI) + " parse-target");
  EXPECT_EQ(piped.code, 1);
  const std::string& out = piped.out;
  EXPECT_NE(out.find(R"("op":"at_least")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("error":{"code":"target.syntax")"), std::string::npos) << out;
}

TEST(cli, bad_usage_and_bad_input_exit_2) {
  EXPECT_EQ(run("").code, 2);
  EXPECT_EQ(run("evaluate").code, 2);
  EXPECT_EQ(run("evaluate --indicators /nonexistent.csv").code, 2);
  EXPECT_EQ(run("evaluate " + seed_args + " --format pdf").code, 2);
  EXPECT_EQ(run("frobnicate").code, 2);
  const auto r = run("evaluate --indicators " + data + "/actuals-illustrative.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("[planeval.csv.header]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("actuals-illustrative.csv:1:"), std::string::npos) << r.out;
  const auto d = run("evaluate " + seed_args + " --as-of 2021-13-01");
  EXPECT_EQ(d.code, 2);
  EXPECT_NE(d.out.find("date.syntax"), std::string::npos) << d.out;
}

TEST(cli, help_on_every_command) {
  for (const char* cmd : {"--help", "evaluate --help", "parse-target --help"}) {
    const auto r = run(cmd);
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << r.out;
  }
}

namespace {
const std::string task_args = "tasks --indicators " + data + "/indicators.csv --tasks " + data +
                              "/tasks.csv --actuals " + data +
                              "/actuals-illustrative.csv --references " + data +
                              "/references-illustrative.csv --as-of 2021-09-30";
}  // namespace

TEST(cli, tasks_table_prints_every_area_and_the_overdue_and_behind_tasks) {
  const auto r = run(task_args + " --period 2021");
  ASSERT_EQ(r.code, 0) << r.out;
  for (const char* area :
       {"服务新发展格局,全力提升城区能级和核心竞争力", "全力以赴稳增长,推动长宁高质量发展行稳致远",
        "积极构建特色鲜明实力强劲的现代产业体系,夯实产业发展动能", "深化改革创新,激发发展活力",
        "持续推进城市更新,不断提升城区环境品质",
        "聚焦“两张网”建设,以数字化转型提升城区治理现代化水平",
        "持续优化公共服务供给,努力创造高品质生活"})
    EXPECT_NE(r.out.find(area), std::string::npos) << area;
  EXPECT_EQ(r.out.find("化危为机"), std::string::npos);  // a 2020 area, left out by --period
  for (const char* part :
       {"已逾期任务", "退役军人服务中心新址建设", "进度滞后任务", "加装电梯", "受阻任务", "合计",
        "68.57%", "74.79%", "截至2021年9月30日,共涉及44项任务"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part << '\n' << r.out;
}

TEST(cli, tasks_json_lists_each_task_with_id_status_progress_reason) {
  const auto r = run(task_args + " --format json --lang en");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["tasks"].size(), 55u);  // the areas overlapping the plan's period (2021)
  for (const auto& t : j["tasks"]) {
    for (const char* key : {"id", "status", "progress", "reason"})
      EXPECT_TRUE(t.contains(key)) << key;
    EXPECT_FALSE(t["reason"].get<std::string>().empty()) << t["id"];
  }
  EXPECT_EQ(j["areas"].size(), 7u);  // the seven 2021 areas (the 2020 ones need --period)
  EXPECT_TRUE(j["overall"]["progress"].is_number());
  EXPECT_EQ(j["indicators"].size(), 25u);
}

TEST(cli, tasks_markdown_and_errors) {
  const auto md = run(task_args + " --format markdown --lang en --due-soon-days 0");
  ASSERT_EQ(md.code, 0) << md.out;
  EXPECT_NE(md.out.find("## Overdue tasks"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("## Tasks due soon"), std::string::npos);  // the task due that day
  EXPECT_EQ(md.out.find("2021-10-10 |"), std::string::npos);       // 10 days left: not listed
  EXPECT_EQ(run("tasks --help").code, 0);
  EXPECT_EQ(run("tasks --indicators " + data + "/indicators.csv").code, 2);
  EXPECT_EQ(run(task_args + " --due-soon-days -1").code, 2);
  EXPECT_EQ(run(task_args + " --behind-tolerance 2").code, 2);
  const auto bad = run("tasks --indicators " + data + "/indicators.csv --tasks " + data +
                       "/tasks.csv --as-of 2021-02-29");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("date.syntax"), std::string::npos) << bad.out;
  // a tasks file with a dependency cycle
  const std::string path = testing::TempDir() + "cycle-tasks.csv";
  {
    FILE* f = fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("id,depends_on\nt1,t2\nt2,t1\n", f);
    fclose(f);
  }
  const auto cyc = run("tasks --indicators " + data + "/indicators.csv --tasks " + path);
  EXPECT_EQ(cyc.code, 2);
  EXPECT_NE(cyc.out.find("[planeval.task.cycle]"), std::string::npos) << cyc.out;
  EXPECT_NE(cyc.out.find("cycle-tasks.csv:2:4"), std::string::npos) << cyc.out;
  EXPECT_NE(cyc.out.find("t1 → t2 → t1"), std::string::npos) << cyc.out;
  std::remove(path.c_str());
}

// --- plan files: convert, validate, evaluate --plan ---------------------------------------------

namespace {

std::string temp_dir() {
  std::string tmpl = ::testing::TempDir() + "planeval-cli-XXXXXX";
  if (!::mkdtemp(tmpl.data())) return "/tmp";
  return tmpl;
}

std::string slurp(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) out.append(buf.data(), n);
  std::fclose(f);
  return out;
}

void spit(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

const std::string plan_json = data + "/plan.json";

}  // namespace

TEST(cli, convert_json_through_every_archive_kind_and_back) {
  const auto dir = temp_dir();
  for (const char* ext : {".pvt", ".pvx", ".pvb"}) {
    const std::string archive = dir + "/plan" + ext;
    const std::string back = dir + "/back" + ext + ".json";
    ASSERT_EQ(run("convert " + plan_json + " " + archive).code, 0) << ext;
    ASSERT_EQ(run("convert " + archive + " " + back).code, 0) << ext;
    EXPECT_EQ(slurp(back), slurp(plan_json)) << ext;
  }
  // --format when the name does not say; the content says on reading
  ASSERT_EQ(run("convert " + plan_json + " " + dir + "/plan.bin --format binary").code, 0);
  ASSERT_EQ(run("convert " + dir + "/plan.bin " + dir + "/again.json").code, 0);
  EXPECT_EQ(slurp(dir + "/again.json"), slurp(plan_json));
}

TEST(cli, convert_the_csv_plan_table_to_json_and_back) {
  const auto dir = temp_dir();
  const std::string tasks = " --tasks " + data + "/tasks.csv";
  const auto r = run("convert " + data + "/indicators.csv " + dir + "/table.json" + tasks);
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string json = slurp(dir + "/table.json");
  // the indicators and tasks of plan.json are exactly those of the two tables
  const std::string full = slurp(plan_json);
  const auto from = [](const std::string& s) { return s.substr(s.find("\"indicators\": [")); };
  EXPECT_EQ(from(json), from(full));
  EXPECT_NE(json.find("\"id\": \"indicators\""), std::string::npos);
  EXPECT_NE(full.find("\"id\": \"t2021.5.6.2\""), std::string::npos);
  // to CSV: what the table cannot hold is named, not dropped silently
  const auto c = run("convert " + plan_json + " " + dir + "/table.csv");
  ASSERT_EQ(c.code, 0) << c.out;
  EXPECT_NE(c.out.find("not written: the plan's metadata and settings, 89 tasks"),
            std::string::npos)
      << c.out;
  EXPECT_EQ(run("convert " + dir + "/table.csv " + dir + "/table2.json" + tasks).code, 0);
  EXPECT_EQ(from(slurp(dir + "/table2.json")), from(full));
  // without --tasks the table gives a plan without tasks: format version 1
  EXPECT_EQ(run("convert " + dir + "/table.csv " + dir + "/table3.json").code, 0);
  const std::string bare = slurp(dir + "/table3.json");
  EXPECT_NE(bare.find("\"version\": 1,"), std::string::npos);
  EXPECT_EQ(bare.find("\"tasks\""), std::string::npos);
}

TEST(cli, convert_attaches_tasks_to_any_plan) {
  const auto dir = temp_dir();
  // --tasks replaces the plan's own tasks; the task table's indicator ids are checked
  const std::string other = dir + "/other-tasks.csv";
  spit(other, "id,title_zh,indicators\nonly,唯一任务,gdp_growth\n");
  ASSERT_EQ(run("convert " + plan_json + " " + dir + "/one.pvt --tasks " + other).code, 0);
  ASSERT_EQ(run("convert " + dir + "/one.pvt " + dir + "/one.json").code, 0);
  const std::string one = slurp(dir + "/one.json");
  EXPECT_NE(one.find("\"id\": \"only\""), std::string::npos);
  EXPECT_EQ(one.find("t2021.5.6.2"), std::string::npos);
  spit(other, "id,indicators\nonly,gpd_growth\n");
  const auto bad = run("convert " + plan_json + " " + dir + "/bad.json --tasks " + other);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("[planeval.model.unknown_id] " + other + ":2:6 indicators (task only)"),
            std::string::npos)
      << bad.out;
  EXPECT_EQ(slurp(dir + "/bad.json"), "");  // nothing written
}

TEST(cli, tasks_pace_and_trend_read_a_plan_file_of_any_format) {
  const auto dir = temp_dir();
  const std::string refs = " --references " + data + "/references-illustrative.csv";
  const std::string tasks_opts =
      " --actuals " + data + "/actuals-illustrative.csv" + refs + " --as-of 2021-09-30";
  const auto tasks_from_tables = run(task_args);
  ASSERT_EQ(tasks_from_tables.code, 0) << tasks_from_tables.out;
  const std::string pace_opts =
      " --actuals " + data + "/actuals-2021-ytd-illustrative.csv" + refs + " --lang en";
  const auto pace_from_table = run("pace --indicators " + data + "/indicators.csv" + pace_opts);
  ASSERT_EQ(pace_from_table.code, 0) << pace_from_table.out;
  const std::string trend_opts =
      " --actuals " + data + "/series-2016-2020-illustrative.csv" + refs + " --lang en";
  const auto trend_from_table = run("trend --indicators " + data + "/indicators.csv" + trend_opts);
  ASSERT_EQ(trend_from_table.code, 0) << trend_from_table.out;
  for (const char* ext : {".json", ".pvt", ".pvx", ".pvb"}) {
    const std::string file = dir + "/plan" + ext;
    ASSERT_EQ(run("convert " + plan_json + " " + file).code, 0);
    // the plan's own tasks
    const auto t = run("tasks --plan " + file + tasks_opts);
    ASSERT_EQ(t.code, 0) << t.out;
    EXPECT_EQ(t.out, tasks_from_tables.out) << ext;
    const auto p = run("pace --plan " + file + pace_opts);
    ASSERT_EQ(p.code, 0) << p.out;
    EXPECT_EQ(p.out, pace_from_table.out) << ext;
    const auto r = run("trend --plan " + file + trend_opts);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out, trend_from_table.out) << ext;
  }
  const auto j = run("tasks --plan " + plan_json + " --as-of 2021-09-30 --format json");
  ASSERT_EQ(j.code, 0) << j.out;
  const auto report = nlohmann::json::parse(j.out);
  EXPECT_EQ(report["plan"], "changning-2021");
  EXPECT_EQ(report["tasks"].size(), 55u);
  // --tasks wins over the plan's own tasks
  const std::string other = dir + "/other-tasks.csv";
  spit(other, "id,title_zh,due\nonly,唯一任务,2021-06-30\n");
  const auto o =
      run("tasks --plan " + plan_json + " --tasks " + other + " --as-of 2021-09-30 --format json");
  ASSERT_EQ(o.code, 0) << o.out;
  EXPECT_EQ(nlohmann::json::parse(o.out)["tasks"].size(), 1u);
  // a plan without tasks, and no --tasks
  ASSERT_EQ(run("convert " + data + "/indicators.csv " + dir + "/bare.json").code, 0);
  const auto none = run("tasks --plan " + dir + "/bare.json");
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.out.find("has no tasks"), std::string::npos) << none.out;
  // --plan and --indicators exclude each other; one of them is needed
  EXPECT_EQ(run("tasks --plan " + plan_json + " --indicators " + data + "/indicators.csv").code, 2);
  EXPECT_EQ(run("tasks --tasks " + data + "/tasks.csv").code, 2);
  EXPECT_EQ(run("pace --plan " + plan_json + " --indicators " + data + "/indicators.csv").code, 2);
  EXPECT_EQ(run("pace --as-of 2021-06-30").code, 2);
  EXPECT_EQ(run("trend").code, 2);
}

TEST(cli, convert_errors_exit_2) {
  const auto dir = temp_dir();
  EXPECT_EQ(run("convert " + plan_json).code, 2);
  EXPECT_EQ(run("convert /nonexistent.json " + dir + "/x.json").code, 2);
  const auto r = run("convert " + plan_json + " " + dir + "/plan.yaml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("[planeval.io.format]"), std::string::npos) << r.out;
  spit(dir + "/broken.json", "{\"format\": \"planeval.plan\",\n \"version\": 1,\n \"id\": 5}");
  const auto b = run("convert " + dir + "/broken.json " + dir + "/out.pvt");
  EXPECT_EQ(b.code, 2);
  EXPECT_NE(b.out.find("[planeval.json.type]"), std::string::npos) << b.out;
  EXPECT_NE(b.out.find("/id"), std::string::npos) << b.out;
  EXPECT_EQ(slurp(dir + "/out.pvt"), "");  // nothing written
}

TEST(cli, validate_reports_every_problem_with_locations) {
  const auto dir = temp_dir();
  auto ok = run("validate " + plan_json + " " + data + "/indicators.csv");
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("plan.json: ok"), std::string::npos) << ok.out;
  // three problems in three places of one file, and a file that is not there
  std::string text = slurp(plan_json);
  auto replace = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace("\"kind\": \"rate\"", "\"kind\": \"speed\"");
  replace("\"polarity\": \"lower\"", "\"polarity\": 3");
  replace("\"approved\": \"2021-01-12\"", "\"approved\": \"2021-01-32\"");
  spit(dir + "/bad.json", text);
  const auto r = run("validate " + dir + "/bad.json " + dir + "/missing.pvb " + plan_json);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("[planeval.date.syntax] " + dir + "/bad.json: column 9 /approved"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("/indicators/0/kind (indicator gdp_growth)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[planeval.json.type]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/polarity (indicator registered_unemployed)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad.json: 3 problems"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[planeval.io.open]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("plan.json: ok"), std::string::npos) << r.out;
  EXPECT_EQ(run("validate").code, 2);
}

TEST(cli, evaluate_a_plan_file_of_any_format) {
  const auto dir = temp_dir();
  const std::string extra = " --actuals " + data + "/actuals-illustrative.csv --references " +
                            data + "/references-illustrative.csv --lang en";
  const auto from_table = run("evaluate " + seed_args + " --lang en");
  ASSERT_EQ(from_table.code, 0);
  for (const char* ext : {".json", ".pvt", ".pvx", ".pvb"}) {
    const std::string file = dir + "/plan" + ext;
    ASSERT_EQ(run("convert " + plan_json + " " + file).code, 0);
    const auto r = run("evaluate --plan " + file + extra);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out, from_table.out) << ext;
  }
  // the plan holds no observations: every numeric target without a reference has no data
  // (25 indicators: 4 name a reference, 1 is qualitative, 1 has no target)
  const auto own = run("evaluate --plan " + plan_json + " --format json");
  EXPECT_EQ(own.code, 0);
  EXPECT_NE(own.out.find("\"plan\": \"changning-2021\""), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("\"no_data\": 19"), std::string::npos) << own.out;
  EXPECT_EQ(run("evaluate --plan " + plan_json + " --indicators " + data + "/indicators.csv").code,
            2);
  EXPECT_EQ(run("evaluate --actuals " + data + "/actuals-illustrative.csv").code, 2);
}

TEST(cli, help_on_the_plan_file_commands) {
  for (const char* cmd : {"convert --help", "validate --help"}) {
    const auto r = run(cmd);
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd << r.out;
  }
}

// Every command reads the same input block: --actuals is repeatable, a misspelled id is rejected
// where it is written (file and line), as in C and Python.
TEST(cli, every_command_rejects_a_misspelled_id_with_its_file_and_line) {
  const auto dir = temp_dir();
  const std::string typo = dir + "/typo.csv";
  spit(typo, "indicator,period,value\nbudget_revenue_growth,2021,5.8\ngpd_growth,2021,8.5\n");
  const std::string plan = " --indicators " + data + "/indicators.csv";
  for (const std::string& cmd :
       {"evaluate" + plan, "pace" + plan, "trend" + plan,
        "tasks" + plan + " --tasks " + data + "/tasks.csv", "report" + plan + " -o -"}) {
    const auto r = run(cmd + " --actuals " + typo);
    EXPECT_EQ(r.code, 2) << cmd << '\n' << r.out;
    EXPECT_NE(r.out.find("[planeval.model.unknown_id] " + typo + ":3:1 indicator"),
              std::string::npos)
        << cmd << '\n'
        << r.out;
    EXPECT_NE(r.out.find("no indicator 'gpd_growth'"), std::string::npos) << cmd << '\n' << r.out;
  }
}

TEST(cli, actuals_files_merge_in_every_command_and_a_duplicate_names_both) {
  const auto dir = temp_dir();
  const std::string a = dir + "/a.csv";
  const std::string b = dir + "/b.csv";
  spit(a, "indicator,period,value\nbudget_revenue_growth,2021,5.8\n");
  spit(b, "indicator,period,value\nretail_sales_growth,2021,2.7\n");
  const std::string plan = "evaluate --indicators " + data + "/indicators.csv --format json";
  const auto two = run(plan + " --actuals " + a + " --actuals " + b);
  ASSERT_EQ(two.code, 0) << two.out;
  const auto j = nlohmann::json::parse(two.out);
  EXPECT_EQ(j["summary"]["by_status"]["no_data"], 17);  // 19 without values, 2 given
  const auto dup = run(plan + " --actuals " + a + " --actuals " + a);
  EXPECT_EQ(dup.code, 2);
  EXPECT_NE(dup.out.find("[planeval.model.duplicate] " + a + ":2"), std::string::npos) << dup.out;
  EXPECT_NE(dup.out.find("(first at " + a + ":2"), std::string::npos) << dup.out;
}

TEST(cli, tasks_and_report_take_the_same_default_period) {
  // the library's rule (default_task_period): the areas whose dates overlap the plan's period
  const auto plain = run("tasks --plan " + plan_json + " --as-of 2021-09-30 --format json");
  const auto plan_period =
      run("tasks --plan " + plan_json + " --as-of 2021-09-30 --period 2021 --format json");
  ASSERT_EQ(plain.code, 0) << plain.out;
  EXPECT_EQ(plain.out, plan_period.out);
  const auto report =
      run("report --plan " + plan_json + " --as-of 2021-09-30 --format markdown --lang en -o -");
  ASSERT_EQ(report.code, 0) << report.out;
  const auto en = run("tasks --plan " + plan_json + " --as-of 2021-09-30 --format json --lang en");
  const std::string narrative = nlohmann::json::parse(en.out)["narrative"];
  EXPECT_NE(report.out.find(narrative), std::string::npos) << narrative;
}

TEST(cli, the_version_and_a_mistyped_option) {
  const auto v = run("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("planeval 0."), std::string::npos) << v.out;
  const auto typo = run("evaluate --indicators " + data + "/indicators.csv --actual x.csv");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("did you mean --actuals?"), std::string::npos) << typo.out;
}

// planeval batch on a long table of three units: counts, ranking, one CSV row per observation,
// the bad rows reported (exit 1) and --strict failing on the first (exit 2).
TEST(cli, batch_evaluates_a_long_table_of_many_units) {
  const std::string table = temp_dir() + "/long.csv";
  const std::string rows =
      "unit,indicator,period,value\n"
      "a,gdp_growth,2021,8.5\na,one_network_access_rate,2021,95以上\n"
      "a,quality_estates_area,2021,新开工108\n"
      "b,gdp_growth,2021,5.1\nb,one_network_access_rate,2021,90\n"
      "c,gdp_growth,2021,6.1\n";
  spit(table, rows);
  auto r = run("batch --plan " + data + "/plan.json --observations " + table + " --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("\"observations\": 6"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"by_unit\""), std::string::npos);
  EXPECT_NE(r.out.find("\"by_indicator\""), std::string::npos);
  // a: three met; c: 6.1 against 6 met; b: both not met, so last
  const auto a = r.out.find("\"unit\": \"a\"");
  const auto b = r.out.find("\"unit\": \"b\"");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(a, b) << r.out;
  r = run("batch --plan " + data + "/plan.json --observations " + table + " --format csv");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("unit,indicator,period,value,status,gap\n"), std::string::npos);
  EXPECT_NE(r.out.find("a,quality_estates_area,2021,新开工108,met,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a,gdp_growth,2021,8.5,needs_reference,\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b,one_network_access_rate,2021,90,not_met,-5\n"), std::string::npos)
      << r.out;
  // each unit's reference (全市目标): gdp_growth is about it (±0.5 points)
  const std::string refs = temp_dir() + "/refs.csv";
  spit(refs, "unit,indicator,period,value\na,gdp_growth,2021,8.1\nb,gdp_growth,2021,6\n");
  r = run("batch --plan " + data + "/plan.json --observations " + table + " --references " + refs +
          " --format csv");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("a,gdp_growth,2021,8.5,met,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b,gdp_growth,2021,5.1,not_met,-0.9\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c,gdp_growth,2021,6.1,needs_reference,\n"), std::string::npos) << r.out;
  spit(table, rows + "d,gdp_growht,2021,7\n");
  r = run("batch --plan " + data + "/plan.json --observations " + table);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("planeval.model.unknown_id"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(":8:3:"), std::string::npos) << r.out;
  r = run("batch --strict --plan " + data + "/plan.json --observations " + table);
  EXPECT_EQ(r.code, 2) << r.out;
}

// --unit-targets: each unit's own targets replace the plan's (b's 85以上 makes its 90 met, c's
// gdp_growth is judged about 6 without a reference); a target that does not parse is reported
// at its line and the unit's cell is needs_review (exit 1); --progress always draws the line.
TEST(cli, batch_takes_each_units_own_targets_and_shows_progress) {
  const std::string table = temp_dir() + "/long-own.csv";
  spit(table,
       "unit,indicator,period,value\n"
       "a,budget_revenue_growth,2021,5.8\na,one_network_access_rate,2021,93\n"
       "b,one_network_access_rate,2021,90\nc,gdp_growth,2021,6.1\n");
  const std::string own = temp_dir() + "/own.csv";
  spit(own,
       "unit,indicator,target\nb,one_network_access_rate,85以上\nc,gdp_growth,6左右\n"
       "a,budget_revenue_growth,约8.x\n");
  auto r = run("batch --plan " + data + "/plan.json --observations " + table + " --unit-targets " +
               own + " --format csv --progress always");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("b,one_network_access_rate,2021,90,met,5\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a,one_network_access_rate,2021,93,not_met,-2\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("c,gdp_growth,2021,6.1,met,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a,budget_revenue_growth,2021,5.8,needs_review,"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("unit target row not read: [planeval.target.syntax]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("own.csv:4:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("planeval batch: reading ["), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("100%"), std::string::npos) << r.out;
  // not a terminal: no progress line by default
  r = run("batch --plan " + data + "/plan.json --observations " + table + " --format csv");
  EXPECT_EQ(r.out.find("planeval batch: reading"), std::string::npos) << r.out;
  // xlsx needs -o
  r = run("batch --plan " + data + "/plan.json --observations " + table + " --format xlsx");
  EXPECT_EQ(r.code, 2) << r.out;
  // the report for many units: the heat map, ranking and distributions
  const std::string page = temp_dir() + "/batch.html";
  r = run("batch --plan " + data + "/plan.json --observations " + table + " --format html -o " +
          page);
  EXPECT_EQ(r.code, 0) << r.out;
  const std::string html = slurp(page);
  EXPECT_NE(html.find("id=\"heat-map\""), std::string::npos);
  EXPECT_NE(html.find("id=\"ranking\""), std::string::npos);
  EXPECT_NE(html.find("class=\"distribution\""), std::string::npos);
  r = run("batch --plan " + data + "/plan.json --observations " + table + " --format markdown");
  EXPECT_NE(r.out.find("## 状态热力图"), std::string::npos) << r.out;
}
