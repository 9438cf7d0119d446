#!/usr/bin/env bash
# Runs the libFuzzer targets built by the `fuzz` preset (docs/hardening.md).
#
#   tests/fuzz/run.sh SECONDS [TARGET...]
#
# Each target (all of them when none is named: target_text, plan_csv, …) runs for SECONDS,
# PLANEVAL_FUZZ_JOBS at a time (default 2). A target starts from its committed seed corpus
# tests/fuzz/corpus/<target>/ and grows a working copy in build-fuzz/fuzz-work/<target>/ (never
# the committed seeds); a finding is written to build-fuzz/fuzz-work/artifacts/ and makes the
# script fail. Logs: build-fuzz/fuzz-work/<target>.log; the last lines of each are printed.
# Extra libFuzzer flags can be passed in PLANEVAL_FUZZ_FLAGS (e.g. "-max_len=65536").
# The random seed is PLANEVAL_FUZZ_SEED; under CI (CI=true) it defaults to a fixed value, so two
# CI runs of the same commit explore the same inputs first; elsewhere libFuzzer picks one per run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: tests/fuzz/run.sh SECONDS [TARGET...]" >&2
  exit 2
fi
shift
bin="$root/build-fuzz/fuzz"
work="${PLANEVAL_FUZZ_WORK:-$root/build-fuzz/fuzz-work}"
jobs="${PLANEVAL_FUZZ_JOBS:-2}"
seed="${PLANEVAL_FUZZ_SEED:-}"
if [ -z "$seed" ] && [ "${CI:-}" = true ]; then seed=20261127; fi
seed_flag=""
[ -n "$seed" ] && seed_flag="-seed=$seed"
targets=("$@")
if ((${#targets[@]} == 0)); then
  for dir in "$root"/tests/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi
for t in "${targets[@]}"; do
  if [ ! -x "$bin/fuzz_$t" ]; then
    echo "no fuzz target $bin/fuzz_$t: build it with 'cmake --preset fuzz && cmake --build --preset fuzz'" >&2
    exit 2
  fi
done
mkdir -p "$work/artifacts"

run_one() {
  local t="$1"
  mkdir -p "$work/$t"
  local status=0
  "$bin/fuzz_$t" "$work/$t" "$root/tests/fuzz/corpus/$t" -max_total_time="$seconds" \
    -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" \
    $seed_flag ${PLANEVAL_FUZZ_FLAGS:-} >"$work/$t.log" 2>&1 || status=$?
  local execs corpus
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -1)
  corpus=$(find "$work/$t" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    echo "ok    $t: ${execs:-?} runs in ${seconds}s, corpus $corpus files"
  else
    echo "FAIL  $t (exit $status): see $work/$t.log and $work/artifacts/$t-*"
    grep -A20 "planeval fuzz property broken\|ERROR: \(Address\|libFuzzer\)\|runtime error" \
      "$work/$t.log" | head -40
  fi
  return "$status"
}
export -f run_one
export bin work seconds root seed_flag

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {}
