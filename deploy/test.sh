#!/usr/bin/env bash
# Sets everything up and runs every test: installs dependencies, builds the
# release and the sanitizer (ASan + UBSan) builds, runs all tests of both
# under a virtual X display, prints the benchmarks' figures, then proves the
# Debian package on this machine and the arm64 build under qemu-user.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh >/dev/null
jobs=$(nproc)

for preset in release sanitize; do
  echo "== build: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
done

for preset in release sanitize; do
  echo "== tests: $preset"
  # The end-to-end suite (tests/e2e, a few minutes of real processes) runs
  # with the release build only.
  exclude=()
  [ "$preset" = sanitize ] && exclude=(-LE e2e)
  xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset "$preset" -j "$jobs" "${exclude[@]}"
done

echo "== benchmarks (figures only; no pass/fail)"
tests/bench/run.sh build/release

echo "== Debian package: build, install, verify the units, upgrade, remove (as root)"
deploy/package-test.sh

echo "== the systemd units under a real systemd (systemd-nspawn container)"
deploy/service-test.sh

echo "== arm64: cross-build with Debian's aarch64 toolchain, tests under qemu-user"
deploy/cross-arm64.sh
