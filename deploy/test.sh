#!/usr/bin/env bash
# Sets everything up and runs every test: installs dependencies, builds the
# release and the sanitizer (ASan + UBSan) builds, runs all tests of both
# under a virtual X display, prints the benchmarks' figures, then proves the
# Debian package on this machine, under a real systemd, on a DRM display in a
# QEMU guest with power cuts, and the arm64 build under qemu-user.
# Each stage's wall time is printed as it ends and again in a summary.
# (As root: the package, container and VM stages install and boot systems.)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
times=()
run_start=$SECONDS

# stage NAME COMMAND...: runs COMMAND, prints how long it took.
stage() {
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  "$@"
  local took=$((SECONDS - start))
  times+=("$(printf '%6d s  %s' "$took" "$name")")
  echo "== $name: ${took} s"
}

summary() {
  echo "== stage times"
  printf '%s\n' "${times[@]}"
  echo "$(printf '%6d s  %s' $((SECONDS - run_start)) 'whole run')"
}
trap summary EXIT

build() {
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$jobs"
}

# tests PRESET [CTEST ARGS...]
tests() {
  local preset=$1
  shift
  xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset "$preset" -j "$jobs" "$@"
}

# The systems the later stages boot (debootstrap: the container's and the
# VM guest's) and the arm64 packages wait on the network and dpkg, not the
# compiler: made beside the builds and tests. Each stage's own script still
# makes what is missing, so a failure here only costs time.
prepare() {
  deploy/vm-test.sh --prepare && deploy/service-test.sh --prepare && deploy/cross-arm64.sh --prepare
}
# Waits for prepare(); its log on failure.
prepared() {
  wait "$prepare_pid" && return 0
  echo "deploy/test.sh: making the systems and arm64 packages beside the builds failed; the stages retry:"
  tail -20 "$prepare_log"
}

stage "dependencies" eval 'deploy/install-deps.sh >/dev/null'
prepare_log=$(mktemp /tmp/tapsheet-prepare.XXXXXX)
prepare >"$prepare_log" 2>&1 &
prepare_pid=$!
stage "build: release" build release
stage "build: sanitize" build sanitize
# The arm64 cross-build, once its packages are in, beside the native tests
# (which leave much of the two cores idle while their windows wait), at
# the lowest priority so the tests' processes come first.
arm64_log=$(mktemp /tmp/tapsheet-arm64.XXXXXX)
(
  while kill -0 "$prepare_pid" 2>/dev/null; do sleep 2; done
  nice -n 19 deploy/cross-arm64.sh --build
) >"$arm64_log" 2>&1 &
arm64_pid=$!
# Waits for the arm64 build; its log on failure (the arm64 stage builds again).
arm64_built() {
  wait "$arm64_pid" && return 0
  echo "deploy/test.sh: the arm64 build beside the tests failed; the arm64 stage builds again:"
  tail -20 "$arm64_log"
}
stage "tests: release" tests release
# The end-to-end suite (tests/e2e: real processes, a few minutes, mostly
# waiting) runs with the release build only.
stage "tests: sanitize" tests sanitize -LE e2e
# The benchmarks have the machine to themselves.
stage "waiting for the arm64 build made beside the tests" arm64_built
stage "benchmarks (figures only; no pass/fail)" tests/bench/run.sh build/release
stage "waiting for the systems and arm64 packages made beside the stages above" prepared
# The arm64 tests (qemu-user, CPU-bound) at the lowest priority beside the
# package and container stages, which mostly wait on dpkg and systemd's
# timers; the VM stage, which needs both cores, comes after them.
arm64_tests_log=$(mktemp /tmp/tapsheet-arm64-tests.XXXXXX)
nice -n 19 deploy/cross-arm64.sh >"$arm64_tests_log" 2>&1 &
arm64_tests_pid=$!
# Waits for the arm64 tests and prints what they printed.
arm64_tested() {
  local status=0
  wait "$arm64_tests_pid" || status=$?
  cat "$arm64_tests_log"
  return "$status"
}
stage "Debian package: build, install, verify the units, upgrade, remove (as root)" deploy/package-test.sh
stage "the systemd units under a real systemd (systemd-nspawn container)" deploy/service-test.sh
stage "arm64: tests under qemu-user (built beside the native tests, run beside the two stages above)" arm64_tested
stage "a QEMU guest: the .deb on a DRM display (KMSDRM, two heads), taps through its tablet, 20 power cuts" \
  deploy/vm-test.sh
