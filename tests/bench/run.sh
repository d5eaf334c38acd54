#!/usr/bin/env bash
# Runs every benchmark and prints its figures. Figures only: this machine is
# shared and noisy, so nothing here passes or fails on a number.
# usage: tests/bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}

echo "-- commit latency (synchronous=FULL, WAL)"
"$build/tests/bench/bench_commit_latency"

echo
echo "-- kiosk and board processes"
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "$build/tests/bench/bench_kiosk_process" "$build/tapsheet" 10
else
  "$build/tests/bench/bench_kiosk_process" "$build/tapsheet" 10
fi

echo
echo "-- board tallies with 100,000 stored answers"
"$build/tests/bench/bench_tally_refresh"

echo
echo "-- commit-to-board latency, kiosk and board in two processes"
"$build/tests/bench/bench_board_latency"
echo "   (the same where the board cannot watch the file and polls:)"
"$build/tests/bench/bench_board_latency" --poll-ms 25 | tail -n 4

echo
echo "-- board frame build with 100,000 stored answers"
"$build/tests/bench/bench_board_frame"
