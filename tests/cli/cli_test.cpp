// The command-line tool, run as a user would: output, exit codes and errors.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

struct result {
  int code;
  std::string out;
};

// Runs the CLI through the shell; stderr is merged into the output.
result run(const std::string& args) {
  const std::string cmd = std::string(PLANEVAL_CLI) + " " + args + " 2>&1";
  result r{0, {}};
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return {-1, "popen failed"};
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

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

TEST(cli, parse_target_reads_stdin_and_fails_with_1) {
  const auto r = run("parse-target < /dev/null");
  EXPECT_EQ(r.code, 0);
  const std::string cmd =
      "printf '95以上\\n5-\\n' | " + std::string(PLANEVAL_CLI) + " parse-target";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  EXPECT_EQ(WEXITSTATUS(status), 1);
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
