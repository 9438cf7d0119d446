// planeval pace, trend and index, run as a user would.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>

#include "support/run_cli.hpp"

namespace {

using planeval::test::run;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string data = PLANEVAL_EXAMPLE_DATA "/changning-2021";
const std::string plan_args = "--indicators " + data + "/indicators.csv --references " + data +
                              "/references-illustrative.csv";
const std::string matrix = PLANEVAL_EXAMPLE_DATA "/shanghai-districts-illustrative/matrix.csv";

}  // namespace

TEST(cli_pace, the_seed_plan_year_to_date) {
  const auto r =
      run("pace " + plan_args + " --actuals " + data + "/actuals-2021-ytd-illustrative.csv");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "完成年度计划12.85%,低于时序进度(16.67%)3.82个百分点")) << r.out;
  EXPECT_TRUE(has(r.out, "精品小区建设面积"));
  EXPECT_TRUE(has(r.out, "快于预期"));
  const auto j =
      run("pace " + plan_args + " --actuals " + data +
          "/actuals-2021-ytd-illustrative.csv --format json --lang en --as-of 2021-06-30");
  ASSERT_EQ(j.code, 0) << j.out;
  EXPECT_TRUE(has(j.out, "\"status\": \"behind\"")) << j.out;
  EXPECT_TRUE(has(j.out, "\"as_of\": \"2021-06-30\""));
  EXPECT_TRUE(has(j.out, "behind schedule"));
  const auto md = run("pace " + plan_args + " --actuals " + data +
                      "/actuals-2021-ytd-illustrative.csv --format markdown --basis days");
  ASSERT_EQ(md.code, 0) << md.out;
  EXPECT_TRUE(has(md.out, "| # | 指标 |")) << md.out;
}

TEST(cli_pace, bad_input_exits_2) {
  const auto r = run("pace " + plan_args);  // no values and no as-of date: no year
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(has(r.out, "planeval.usage")) << r.out;
  const auto g = run("pace " + plan_args + " --as-of 2021-06-31");
  EXPECT_EQ(g.code, 2) << g.out;
  const auto h = run("pace " + plan_args + " --as-of 2021-06-30 --growth-rate nosuch");
  EXPECT_EQ(h.code, 2) << h.out;
  EXPECT_TRUE(has(h.out, "nosuch")) << h.out;
}

TEST(cli_trend, the_seed_plan_with_annual_series) {
  const auto r = run("trend " + plan_args + " --actuals " + data +
                     "/series-2016-2020-illustrative.csv --discount 0.8 --lang en");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "on track")) << r.out;
  EXPECT_TRUE(has(r.out, "deterioration")) << r.out;
  EXPECT_TRUE(has(r.out, "reverse the trend")) << r.out;
  const auto j = run("trend " + plan_args + " --actuals " + data +
                     "/series-2016-2020-illustrative.csv --format json --limit "
                     "one_network_access_rate=100 --model log-linear");
  ASSERT_EQ(j.code, 0) << j.out;
  EXPECT_TRUE(has(j.out, "\"kind\": \"growth_rate\"")) << j.out;
  EXPECT_TRUE(has(j.out, "\"model\": \"log_linear\"")) << j.out;
  EXPECT_EQ(run("trend " + plan_args + " --limit x").code, 2);
}

TEST(cli_index, districts_with_sensitivity) {
  const auto r = run("index --matrix " + matrix + " --replications 200 --seed 7 --lang en");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "黄浦区 Huangpu")) << r.out;
  EXPECT_TRUE(has(r.out, "median rank")) << r.out;
  const auto one = run("index --matrix " + matrix + " --replications 200 --seed 7 --format json");
  const auto two =
      run("index --matrix " + matrix + " --replications 200 --seed 7 --format json --threads 2");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);  // identical for any number of threads
  EXPECT_TRUE(has(one.out, "\"p95_rank\"")) << one.out;
  const auto pca = run("index --matrix " + matrix +
                       " --weights pca --aggregation geometric --floor 0.01 --format markdown");
  ASSERT_EQ(pca.code, 0) << pca.out;
  EXPECT_TRUE(has(pca.out, "| 排名 | 单位 | 指数 |")) << pca.out;
  const auto z =
      run("index --matrix " + matrix + " --normalisation z-score --aggregation geometric");
  EXPECT_EQ(z.code, 2) << z.out;
  const auto fail = run("index --matrix " + matrix + " --missing fail");
  EXPECT_EQ(fail.code, 2) << fail.out;
  EXPECT_TRUE(has(fail.out, "rd_intensity")) << fail.out;
}
