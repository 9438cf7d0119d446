// Target-language parsing throughput (texts per second).
#include <benchmark/benchmark.h>

#include "workloads.hpp"

namespace {

void parse_target_corpus(benchmark::State& state) {
  const auto& texts = planeval::bench::target_corpus();
  std::size_t k = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(planeval::parse_target(texts[k]));
    if (++k == texts.size()) k = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetLabel("texts/s");
}
BENCHMARK(parse_target_corpus);

void parse_observation_corpus(benchmark::State& state) {
  static const std::vector<std::string> texts{
      "7.05%",  "-5",   "增长8.1%",      "下降4%",    "提升3.89个百分点",  "8%左右",
      "84以上", "达标", "10.9(可比7.0)", "新开工116", "五年累计竣工208.9", "6,600"};
  std::size_t k = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(planeval::parse_observation(texts[k]));
    if (++k == texts.size()) k = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(parse_observation_corpus);

}  // namespace
