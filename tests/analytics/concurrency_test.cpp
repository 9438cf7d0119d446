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
#include "planeval/core/summary.hpp"
#include "planeval/io/analytics_output.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/io/json.hpp"
#include "planeval/io/tables.hpp"

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
