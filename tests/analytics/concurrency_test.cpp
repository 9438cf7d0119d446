// Evaluation and analytics are pure functions of their inputs: several threads working on one
// plan at the same time get exactly what one thread gets.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "planeval/analytics/composite.hpp"
#include "planeval/analytics/pace.hpp"
#include "planeval/analytics/trend.hpp"
#include "planeval/core/evaluate.hpp"
#include "planeval/core/parse.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/io/tables.hpp"
#include "planeval/render/analytics.hpp"
#include "planeval/render/evaluation.hpp"

using namespace planeval;

namespace {

const std::string data = PLANEVAL_EXAMPLE_DATA;

struct inputs {
  plan p;
  observation_set actuals;
  observation_set ytd;
  observation_set series;
  reference_set refs;
  index_matrix districts;
};

// Everything the library computes from the inputs, as text.
std::string everything(const inputs& in) {
  std::string out;
  const auto as = evaluate(in.p, in.actuals, in.refs);
  out += evaluation_to_json(in.p, as, summarize(in.p, as), language::en);
  pace_options po;
  po.as_of = parse_date("2021-06-30");
  out += pace_to_json(in.p, assess_pace(in.p, in.ytd, in.refs, po), language::zh);
  plan_trend_options to;
  to.projection.discount = 0.8;
  out += trends_to_json(in.p, assess_trends(in.p, in.series, in.refs, to), language::en);
  index_options io;
  io.weights = weighting::pca;
  const auto r = compute_index(in.districts, io);
  sensitivity_options so;
  so.replications = 100;
  so.seed = 9;
  const auto s = analyse_sensitivity(in.districts, io, so);
  out += index_to_json(in.districts, io, r, &s, so, language::en);
  return out;
}

}  // namespace

TEST(concurrency, evaluation_and_analytics_from_several_threads) {
  inputs in;
  const std::string dir = data + "/changning-2021/";
  in.p = load_plan_table(dir + "indicators.csv");
  in.actuals = load_actuals(dir + "actuals-illustrative.csv", &in.p);
  in.ytd = load_actuals(dir + "actuals-2021-ytd-illustrative.csv", &in.p);
  in.series = load_actuals(dir + "series-2016-2020-illustrative.csv", &in.p);
  in.refs = load_references(dir + "references-illustrative.csv", &in.p);
  in.districts = load_index_matrix(data + "/shanghai-districts-illustrative/matrix.csv");

  const std::string expected = everything(in);
  ASSERT_GT(expected.size(), 1000U);
  constexpr int n = 4;
  std::vector<std::string> got(n);
  std::vector<std::thread> pool;
  for (int t = 0; t < n; ++t)
    pool.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) got[t] = everything(in);
    });
  for (auto& th : pool) th.join();
  for (int t = 0; t < n; ++t) EXPECT_EQ(got[t], expected) << "thread " << t;
}

// The parser keeps its decoded text in thread-local buffers: threads parsing different texts at
// the same time each get what one thread gets.
TEST(concurrency, parsing_targets_and_observations_from_several_threads) {
  const std::vector<std::string> targets = {"5-10",      "3左右",         "增长6%以上",
                                            "95以上",    "提高2个百分点", "与全市目标基本同步",
                                            "新开工100", "年均增长7%以上"};
  const std::vector<std::string> observations = {"7.05%", "增长8.1%", "84以上", "8%左右", "达标"};
  std::string expected;
  for (const auto& t : targets) expected += canonical(parse_target(t)) + "\n";
  for (const auto& o : observations) expected += canonical(parse_observation(o)) + "\n";
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < got.size(); ++k)
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round) {
        std::string out;
        for (const auto& t : targets) out += canonical(parse_target(t)) + "\n";
        for (const auto& o : observations) out += canonical(parse_observation(o)) + "\n";
        if (round == 0 || out != expected) got[k] = out;
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}
