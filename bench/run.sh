#!/usr/bin/env bash
# Runs every benchmark family of build/bin/planeval_bench in a process of its own (so that one
# family's memory does not change the allocator's behaviour for the next), 3 repetitions each,
# and writes Google Benchmark JSON to build/bench/<family>.json plus a summary on stdout.
#   bench/run.sh            # all families
#   bench/run.sh batch load # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
bench=build/bin/planeval_bench
[[ -x $bench ]] || { echo "build first: ./build.sh test (or cmake --build --preset dev)" >&2; exit 2; }
families=("$@")
[[ ${#families[@]} -gt 0 ]] || families=(parse evaluate batch naive save load sensitivity composite)
mkdir -p build/bench
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "${families[@]}"; do
  "$bench" --benchmark_filter="^$f" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_out="build/bench/$f.json" --benchmark_out_format=json 2>/dev/null | grep -E '_median|^-|^Benchmark' || true
done
