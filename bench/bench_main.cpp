// planeval_bench: run with --benchmark_format=json for machine-readable results.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
