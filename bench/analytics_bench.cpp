// Composite-index sensitivity analysis: 1,000 replications of 3,000 units × 50 indicators.
#include <benchmark/benchmark.h>

#include <random>

#include "planeval/analytics/composite.hpp"

namespace {

planeval::index_matrix matrix(std::size_t units, std::size_t indicators) {
  planeval::index_matrix m;
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> v(0, 100);
  for (std::size_t u = 0; u < units; ++u) m.units.push_back("u" + std::to_string(u));
  for (std::size_t j = 0; j < indicators; ++j) {
    planeval::index_indicator ind;
    ind.id = "i" + std::to_string(j);
    ind.polarity = j % 3 == 0 ? planeval::polarity::lower : planeval::polarity::higher;
    m.indicators.push_back(ind);
  }
  m.values.resize(units * indicators);
  for (auto& x : m.values) x = v(rng);
  return m;
}

void sensitivity(benchmark::State& state) {
  const auto m = matrix(3000, 50);
  planeval::sensitivity_options s;
  s.replications = 1000;
  s.seed = 2021;
  s.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto r = planeval::analyse_sensitivity(m, planeval::index_options{}, s);
    benchmark::DoNotOptimize(r.median_rank.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 1000));
  state.SetLabel("replications/s, 3000 units x 50 indicators");
}
BENCHMARK(sensitivity)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void composite_index(benchmark::State& state) {
  const auto m = matrix(3000, 50);
  for (auto _ : state) {
    auto r = planeval::compute_index(m, planeval::index_options{});
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 3000 * 50));
}
BENCHMARK(composite_index)->Unit(benchmark::kMillisecond);

}  // namespace
