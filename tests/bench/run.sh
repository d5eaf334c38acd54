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

echo
echo "-- the kiosk monkey, long run: 100,000 random taps, drags, holds, keys and pauses"
echo "   through real frames on a real file (CI's ctest runs 1,500 per case)"
TAPSHEET_MONKEY_EVENTS=100000 "$build/tests/ui/ui_tests" --gtest_brief=1 \
  --gtest_filter='Packs/KioskMonkey.RandomHandsBreakNothing/defau_800x480' | grep -E '^monkey|FAILED|Failure' || true

echo
echo "-- soak: a simulated 10-hour day, kiosk visitors and a paging board on one file"
echo "   (CI's ctest runs 2 hours): open files and heap per hour, frame times"
TAPSHEET_SOAK_HOURS=10 "$build/tests/ui/ui_tests" --gtest_brief=1 --gtest_filter='Soak.*' | grep -E '^soak|FAILED|Failure' || true

echo
echo "-- the admin PIN's hash: one check, and a search of every 4-digit PIN"
"$build/tests/bench/bench_pin_hash"

echo
echo "-- the fleet: kiosk processes -> mosquitto (TLS, loopback) -> \`tapsheet hub\` -> the board"
echo "   reading the hub's file; a 10,000-answer backlog after a partition; idle CPU"
"$build/tests/bench/bench_fleet" --answers 1000 --backlog 10000 --partition-s 8 --idle-s 10
echo "   (the single-file path in this run, kiosk and board on one file, for comparison:)"
"$build/tests/bench/bench_board_latency" --answers 300 --stored 1000 | grep -E 'median|kiosk ack'
