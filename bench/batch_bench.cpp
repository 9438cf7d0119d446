// Batch evaluation of units × indicators × periods, against the per-indicator API as the
// naive baseline.
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include "planeval/core/evaluate.hpp"
#include "workloads.hpp"

namespace {

using planeval::bench::batch_workload;

// Workloads are built once per shape (building the 10-million store takes seconds).
const batch_workload& workload(std::size_t units, std::size_t indicators, std::size_t periods) {
  static std::map<std::tuple<std::size_t, std::size_t, std::size_t>,
                  std::unique_ptr<batch_workload>>
      cache;
  auto& slot = cache[{units, indicators, periods}];
  if (!slot)
    slot =
        std::make_unique<batch_workload>(planeval::bench::make_batch(units, indicators, periods));
  return *slot;
}

void run_batch(benchmark::State& state, std::size_t units, std::size_t indicators,
               std::size_t periods, unsigned threads) {
  const auto& w = workload(units, indicators, periods);
  planeval::batch_result result;
  planeval::evaluate_batch(w.store, w.targets, result,
                           planeval::batch_options{threads});  // warm buffers
  for (auto _ : state) {
    planeval::evaluate_batch(w.store, w.targets, result, planeval::batch_options{threads});
    benchmark::DoNotOptimize(result.codes.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * w.store.size()));
  state.counters["observations"] = static_cast<double>(w.store.size());
  state.counters["store_bytes_per_obs"] =
      static_cast<double>(w.store.memory_bytes()) / static_cast<double>(w.store.size());
  state.counters["threads"] = threads;
}

// The issue-9 workload: 2,000 units × 50 indicators × 100 periods = 10 million observations.
void batch_10m(benchmark::State& state) {
  run_batch(state, 2000, 50, 100, static_cast<unsigned>(state.range(0)));
}
BENCHMARK(batch_10m)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// How cost grows with each dimension (the other two at their middle size).
void batch_scaling(benchmark::State& state) {
  run_batch(state, static_cast<std::size_t>(state.range(0)),
            static_cast<std::size_t>(state.range(1)), static_cast<std::size_t>(state.range(2)), 1);
}
BENCHMARK(batch_scaling)
    ->Args({500, 25, 50})
    ->Args({1000, 25, 50})
    ->Args({2000, 25, 50})
    ->Args({1000, 12, 50})
    ->Args({1000, 50, 50})
    ->Args({1000, 25, 25})
    ->Args({1000, 25, 100})
    ->Unit(benchmark::kMillisecond);

void batch_small(benchmark::State& state) { run_batch(state, 100, 10, 10, 1); }
BENCHMARK(batch_small);

// The naive baseline: the same kind of workload through the per-indicator API (one plan,
// observation set and reference set per unit, a target per period), on 20 of the units.
void naive_per_indicator(benchmark::State& state) {
  const std::size_t units = 20;
  const auto& w = workload(units, 50, 100);
  struct unit_data {
    planeval::plan p;
    planeval::observation_set obs;
    planeval::reference_set refs;
  };
  std::vector<unit_data> data(units);
  for (std::size_t u = 0; u < units; ++u) {
    auto& d = data[u];
    d.p = w.p;
    for (std::size_t i = 0; i < w.store.indicators(); ++i) {
      auto& ind = d.p.indicators[i];
      const auto& rr = w.targets.rules()[i];
      planeval::rule r = ind.targets[0].rule;
      if (!std::isnan(rr.value[u])) r.value = rr.value[u];
      if (!std::isnan(rr.low[u])) r.low = rr.low[u];
      if (!std::isnan(rr.high[u])) r.high = rr.high[u];
      ind.targets.clear();
      for (std::size_t k = 0; k < w.store.periods(); ++k) {
        const auto& per = w.store.period_list()[k];
        ind.targets.push_back(planeval::target{per, "", r});
        const double v = w.store.get(u, i, k);
        if (!std::isnan(v)) {
          planeval::observation o;
          o.indicator = ind.id;
          o.period = per;
          o.value = planeval::point_value{v};
          d.obs.add(o);
        }
        if (r.has_reference())
          d.refs.add(planeval::reference_value{ind.id, per, rr.reference[u], {}, {}});
      }
    }
  }
  std::size_t n = 0;
  for (auto _ : state) {
    for (const auto& d : data) {
      auto as = planeval::evaluate(d.p, d.obs, d.refs);
      n += as.size();
      benchmark::DoNotOptimize(as.data());
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
  state.SetLabel("observations/s through evaluate(), 20 units x 50 x 100");
}
BENCHMARK(naive_per_indicator)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
