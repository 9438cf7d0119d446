// Single (per-indicator) evaluation of the seed plan.
#include <benchmark/benchmark.h>

#include "planeval/core/evaluate.hpp"
#include "planeval/core/summary.hpp"
#include "planeval/io/tables.hpp"

namespace {

const std::string dir = PLANEVAL_EXAMPLE_DATA "/changning-2021/";

void evaluate_seed_plan(benchmark::State& state) {
  const auto p = planeval::load_plan_table(dir + "indicators.csv");
  const auto actuals = planeval::load_actuals(dir + "actuals-illustrative.csv", &p);
  const auto refs = planeval::load_references(dir + "references-illustrative.csv", &p);
  for (auto _ : state) {
    auto as = planeval::evaluate(p, actuals, refs);
    benchmark::DoNotOptimize(as.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * p.indicators.size()));
  state.SetLabel("assessments/s, 25 indicators");
}
BENCHMARK(evaluate_seed_plan);

void evaluate_seed_plan_and_summary(benchmark::State& state) {
  const auto p = planeval::load_plan_table(dir + "indicators.csv");
  const auto actuals = planeval::load_actuals(dir + "actuals-illustrative.csv", &p);
  const auto refs = planeval::load_references(dir + "references-illustrative.csv", &p);
  for (auto _ : state) {
    const auto as = planeval::evaluate(p, actuals, refs);
    const auto s = planeval::summarize(p, as);
    benchmark::DoNotOptimize(planeval::narrative(p, s, planeval::language::zh));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetLabel("plans/s");
}
BENCHMARK(evaluate_seed_plan_and_summary);

}  // namespace
