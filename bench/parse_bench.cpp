// Target-language parsing throughput (texts per second).
#include <benchmark/benchmark.h>

#include <fstream>

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

// The real corpus (tests/data/phrasings/corpus.tsv): its 345 target texts as harvested from
// work reports and plan tables, read with keep_unparsed as a table import reads them (a text
// that does not parse yet costs its exception).
void parse_target_real_corpus(benchmark::State& state) {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::ifstream in(PLANEVAL_TEST_DATA "/phrasings/corpus.tsv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::size_t from = 0;
      for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
        f.push_back(line.substr(from, tab - from));
      f.push_back(line.substr(from));
      if (f.size() >= 5 && f[1] == "target") out.push_back(f[4]);
    }
    return out;
  }();
  if (texts.empty()) state.SkipWithError("tests/data/phrasings/corpus.tsv is missing");
  planeval::parse_options keep;
  keep.keep_unparsed = true;
  std::size_t k = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(planeval::parse_target(texts[k], keep));
    if (++k == texts.size()) k = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetLabel(std::to_string(texts.size()) + " real texts");
}
BENCHMARK(parse_target_real_corpus);

}  // namespace
