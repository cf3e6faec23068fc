#!/usr/bin/env bash
# Runs every fuzz target of a fuzz build over its corpus in fixtures/fuzz/<name>/.
# seconds = 0: run the kept corpus once (regression); otherwise fuzz that long per target,
# writing new inputs to a scratch corpus (copy interesting ones into fixtures/fuzz/ by hand).
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-0}
status=0
for bin in "$build"/fuzz/*_fuzz; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin" _fuzz)
  corpus=fixtures/fuzz/$name
  mkdir -p "$corpus"
  if [ "$seconds" = 0 ]; then
    echo "fuzz-smoke: $name over $(ls "$corpus" | wc -l) kept inputs"
    "$bin" -runs=0 "$corpus" >/dev/null 2>"/tmp/fuzz-$name.log" || { tail -40 "/tmp/fuzz-$name.log"; status=1; }
  else
    scratch=$(mktemp -d)
    echo "fuzz: $name for ${seconds}s"
    "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 "$scratch" "$corpus" 2>&1 | tail -3 || status=1
  fi
done
exit $status
