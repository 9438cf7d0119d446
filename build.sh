#!/usr/bin/env bash
# planeval quick start.
#   ./build.sh demo   install the missing Debian packages the demo needs, build what it runs, run it
#   ./build.sh test   install the missing Debian packages (test tools too), build all, run every test
#   ./build.sh asan   the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   ./build.sh tsan   the concurrency tests under ThreadSanitizer (docs/hardening.md)
#   ./build.sh fuzz [SECONDS]   build the libFuzzer targets (clang) and run each for SECONDS (60)
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-}"
case "$mode" in
  demo|test|asan|tsan|fuzz) ;;
  *) echo "usage: ./build.sh demo|test|asan|tsan|fuzz [SECONDS]" >&2; exit 2 ;;
esac

# What the demo needs: a compiler, CMake and the libraries the library, the CLI and the C++
# examples are built with.
packages=(
  build-essential cmake
  libboost-date-time-dev libboost-serialization-dev libeigen3-dev
  nlohmann-json3-dev libcli11-dev libxml2-dev
  pkg-config libzip-dev libfreexl-dev libxlsxwriter-dev
)
# The tests, sanitizers and fuzzers add the test tools, the docs, the Python module's, the
# formatter, clang for the fuzzers and a browser for the report tests.
if [ "$mode" != demo ]; then
  packages+=(
    googletest libgtest-dev libbenchmark-dev
    doxygen graphviz
    clang clang-14 libclang-rt-14-dev clang-format
    pybind11-dev python3-dev python3-pytest python3-numpy python3-pandas
    python3-openpyxl python3-docx
    chromium fonts-wqy-microhei
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> installing: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "planeval needs these Debian packages. Install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# The tests that run threads, for ThreadSanitizer (ctest names are suite.test).
tsan_tests='^(concurrency\.|task_eval\.pure_deterministic_and_thread_safe|sensitivity\.deterministic_for_a_seed_and_any_thread_count|batch\.identical_to_the_per_indicator|nothing_lost\.batch_|cli_index\.districts_with_sensitivity)'

preset=dev
[ "$mode" = asan ] && preset=asan-ubsan
[ "$mode" = tsan ] && preset=tsan
[ "$mode" = fuzz ] && preset=fuzz

case "$mode" in
  demo)
    # only what the demo runs: no tests, benchmarks, docs or Python module
    cmake --preset dev -DPLANEVAL_BUILD_TESTS=OFF -DPLANEVAL_BUILD_BENCH=OFF \
      -DPLANEVAL_BUILD_DOCS=OFF -DPLANEVAL_BUILD_PYTHON=OFF
    cmake --build --preset dev --target planeval_cli evaluate_plan
    ;;
  test|asan|tsan)
    # everything (a demo build before turned some of it off)
    on=(-DPLANEVAL_BUILD_TESTS=ON -DPLANEVAL_BUILD_BENCH=ON -DPLANEVAL_BUILD_PYTHON=ON)
    [ "$mode" = test ] && on+=(-DPLANEVAL_BUILD_DOCS=ON)
    cmake --preset "$preset" "${on[@]}"
    if [ "$mode" = tsan ]; then
      # only the executables of the concurrency tests (and the CLI they drive)
      cmake --build --preset tsan --target planeval_core_tests planeval_analytics_tests \
        planeval_acceptance_tests planeval_cli_tests
    else
      cmake --build --preset "$preset"
    fi
    ;;
  fuzz)
    cmake --preset fuzz
    cmake --build --preset fuzz
    ;;
esac

case "$mode" in
  demo)
    data=examples/data/changning-2021
    echo
    echo "==> planeval import (the plan table as the report prints it; every inference explained)"
    build/bin/planeval import "$data/published.csv" -o build/changning-2021-imported.json \
      --explain --lang en > build/changning-2021-import.txt
    head -n 24 build/changning-2021-import.txt
    echo "    … (all $(wc -l < build/changning-2021-import.txt) lines: build/changning-2021-import.txt)"
    echo
    echo "==> planeval evaluate --table (the published table, the overrides that name its ids)"
    build/bin/planeval evaluate --table "$data/published.csv" \
      --overrides "$data/published-overrides.csv" --actuals "$data/actuals-illustrative.csv" \
      --references "$data/references-illustrative.csv"
    echo
    echo "==> planeval evaluate (the Changning 2021 plan, illustrative actuals)"
    build/bin/planeval evaluate --indicators "$data/indicators.csv" \
      --actuals "$data/actuals-illustrative.csv" --references "$data/references-illustrative.csv"
    echo
    echo "==> the same in English, through the C++ API (examples/evaluate_plan.cpp)"
    build/bin/evaluate_plan "$data" en
    echo
    echo "==> planeval report (self-contained HTML dashboards as of 2021-09-30, every example file)"
    mkdir -p build/report
    for lang in zh en; do
      build/bin/planeval report --plan "$data/plan.json" \
        --actuals "$data/actuals-illustrative.csv" \
        --actuals "$data/actuals-2021-ytd-illustrative.csv" \
        --actuals "$data/series-2016-2020-illustrative.csv" \
        --references "$data/references-illustrative.csv" --as-of 2021-09-30 --lang "$lang" \
        -o "build/report/changning-2021.$lang.html"
      echo "    wrote $(pwd)/build/report/changning-2021.$lang.html"
    done
    ;;
  test|asan)
    ctest --preset "$preset"
    ;;
  tsan)
    ctest --preset tsan -R "$tsan_tests"
    ;;
  fuzz)
    tests/fuzz/run.sh "${2:-60}"
    ;;
esac
