#!/usr/bin/env bash
# Runs the benchmarks of a build tree on one core and prints their figures.
set -euo pipefail
build=${1:-build}
echo "== text extraction, seed report (one core)"
taskset -c 0 "$build/bench/bench_text_extract" fixtures/reports/gb2021-seed-gaoping-2023.txt 3
echo "== text extraction, a 2019 report without pipes (one core)"
taskset -c 0 "$build/bench/bench_text_extract" fixtures/reports/gb2019-no-pipes-blank-lines-signed-changes.txt 2
echo "== export and validate, 100,000 synthetic records (one core)"
taskset -c 0 "$build/bench/bench_export" 100000 "$build/cli/zfxxgk"
