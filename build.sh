#!/usr/bin/env bash
# planeval quick start.
#   ./build.sh demo   install missing Debian packages, build, run the main example
#   ./build.sh test   install missing Debian packages, build, run every test (ctest)
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

packages=(
  build-essential cmake pkg-config
  libboost-date-time-dev libboost-serialization-dev libeigen3-dev
  googletest libgtest-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev
  doxygen graphviz
  clang clang-14 libclang-rt-14-dev
  pybind11-dev python3-dev python3-pytest python3-numpy python3-pandas
  chromium fonts-wqy-microhei
)

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

cmake --preset "$preset"
if [ "$mode" = tsan ]; then
  cmake --build --preset tsan --target planeval_tests  # only what the concurrency tests need
else
  cmake --build --preset "$preset"
fi

case "$mode" in
  demo)
    data=examples/data/changning-2021
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
