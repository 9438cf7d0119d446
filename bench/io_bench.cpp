// Plan files: JSON and Boost.Serialization archives (text, XML, binary) of a plan with 10,000
// indicators and 100,000 observations, in memory (no disk in the measurement).
#include <benchmark/benchmark.h>

#include <sstream>

#include "planeval/io/plan_file.hpp"
#include "workloads.hpp"

namespace {

const planeval::plan& big_plan() {
  static const planeval::plan p = [] {
    planeval::plan q = planeval::bench::mixed_plan(10000, 2021);
    q.id = "bench-10k";
    q.title_zh = "基准计划";
    for (const auto& ind : q.indicators) {
      for (int y = 0; y < 10; ++y) {
        planeval::observation o;
        o.indicator = ind.id;
        o.period = planeval::period::year(2012 + y);
        o.value = planeval::point_value{1.5 + y};
        o.text = std::to_string(y) + ".5";
        o.flags = y % 3 == 0 ? "P" : "";
        q.observations.add(o);
      }
    }
    return q;
  }();
  return p;
}

const std::string& saved(planeval::plan_format f) {
  static std::string cache[4];
  auto& s = cache[static_cast<int>(f)];
  if (s.empty()) {
    std::ostringstream out;
    planeval::write_plan(out, big_plan(), f);
    s = out.str();
  }
  return s;
}

void save(benchmark::State& state) {
  const auto f = static_cast<planeval::plan_format>(state.range(0));
  const auto& p = big_plan();
  for (auto _ : state) {
    std::ostringstream out;
    planeval::write_plan(out, p, f);
    benchmark::DoNotOptimize(out.str().size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * saved(f).size()));
  state.SetLabel(planeval::to_string(f));
  state.counters["bytes"] = static_cast<double>(saved(f).size());
}

void load(benchmark::State& state) {
  const auto f = static_cast<planeval::plan_format>(state.range(0));
  const auto& text = saved(f);
  for (auto _ : state) {
    std::istringstream in(text);
    auto p = planeval::read_plan(in, f, "bench");
    benchmark::DoNotOptimize(p.indicators.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetLabel(planeval::to_string(f));
  state.counters["observations"] = static_cast<double>(big_plan().observations.size());
}

// 0 json, 1 text, 2 xml, 3 binary
BENCHMARK(save)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(load)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

}  // namespace
