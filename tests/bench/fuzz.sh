#!/usr/bin/env bash
# The fuzz targets' long runs (issue 11), as a benchmark: figures only, no
# pass/fail on a number, and not run by deploy/test.sh (CI replays the
# corpora instead: ctest -L fuzz). Builds the `fuzz` preset (clang, the
# whole build instrumented: libFuzzer coverage, ASan, UBSan; Debian's
# libsqlite3 is not, so SQLite's code runs but gives no coverage), then runs
# each target for SECONDS over a copy of its corpus and seeds, one after the
# other, and prints executions per second, coverage (cov: edges, ft:
# features), the corpus it ended with and any crash.
#
# usage: tests/bench/fuzz.sh [--keep] [SECONDS] [TARGET...]
#   SECONDS  per target, default 600; TARGET: loader, config, merge (default all)
#   --keep   afterwards, add to tests/fuzz/corpus/<target> the inputs of at
#            most 2 KB that reach code its corpus and seeds do not
#            (libFuzzer -merge=1); not for merge, whose inputs are 9-70 KB
#            each: keep only what broke an invariant, once fixed
# Work files (corpora, logs, crash-* inputs) in build/fuzz/runs/<target>.
# Reproduce a crash: build/fuzz/tests/fuzz/fuzz_<target> CRASH_FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
keep=0
if [ "${1:-}" = "--keep" ]; then keep=1; shift; fi
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(loader config merge)

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: needs clang and its libFuzzer runtime (Debian: apt-get install clang)" >&2
  exit 2
fi

# The seeds kept elsewhere in the repository, beside tests/fuzz/corpus/<target>.
seeds() {
  case $1 in
  loader) echo assets/content/*.toml tests/core/data/*.toml ;;
  config) echo config/tapsheet.toml ;;
  merge) ;;
  *) echo "fuzz.sh: no target '$1' (loader, config, merge)" >&2; exit 2 ;;
  esac
}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-2}" --target "${targets[@]/#/fuzz_}"

summary=()
for target in "${targets[@]}"; do
  work=build/fuzz/runs/$target
  rm -rf "$work/corpus" "$work/seeds"
  mkdir -p "$work/corpus" "$work/seeds"
  # shellcheck disable=SC2046
  cp $(seeds "$target") "$work/seeds/" 2>/dev/null || true
  cp tests/fuzz/corpus/$target/* "$work/seeds/" 2>/dev/null || true
  rm -f "$work/seeds/README.md"
  echo "-- $target: ${seconds} s from $(ls "$work/seeds" | wc -l) seeds"
  status=0
  (cd "$work" && "$root/build/fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=60 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$root/$work/" corpus seeds) \
    >"$work/log" 2>&1 || status=$?
  # The last status line ("#N DONE cov: C ft: F corp: K/SIZE lim: L exec/s: E rss: R").
  last=$(grep -E '^#[0-9]+.*cov:' "$work/log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.*corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$last")
  crashes=$(ls "$work" | grep -cE '^(crash|timeout|oom|leak)-' || true)
  line=$(printf '%-7s %8s execs  %6s exec/s  cov %5s  ft %6s  corpus %-12s crashes %s' \
    "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes")
  echo "   $line"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|fuzz:|Test unit written' "$work/log" | head -n 8 | sed 's/^/   /'
  fi
  summary+=("$line")
  if [ "$keep" = 1 ] && [ "$target" != merge ]; then
    # Only what adds coverage to the seeds and the kept corpus, copied back.
    mkdir -p "$work/kept"
    rm -f "$work/kept"/*
    cp "$work/seeds"/* "$work/kept/"
    "$root/build/fuzz/tests/fuzz/fuzz_$target" -merge=1 "$work/kept" "$work/corpus" >>"$work/log" 2>&1
    added=0
    for file in "$work/kept"/*; do
      [ -e "$work/seeds/$(basename "$file")" ] && continue
      # Small finds only: a larger one is mostly a mutated seed, which CI's replay makes anyway.
      [ "$(stat -c %s "$file")" -le 2048 ] || continue
      cp "$file" tests/fuzz/corpus/$target/
      added=$((added + 1))
    done
    echo "   kept $added new inputs in tests/fuzz/corpus/$target"
  fi
done

echo "-- fuzz summary (${seconds} s per target; logs in build/fuzz/runs)"
printf '%s\n' "${summary[@]}"
