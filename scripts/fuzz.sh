#!/usr/bin/env bash
# Runs every fuzz target of a fuzz build over its corpus in fixtures/fuzz/<name>/.
# seconds = 0: run the kept corpus once (regression); otherwise fuzz that long per target,
# writing new inputs to a scratch corpus (copy interesting ones into fixtures/fuzz/ by hand).
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-0}
status=0
passed=0
failed=0
for bin in "$build"/fuzz/*_fuzz; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin" _fuzz)
  corpus=fixtures/fuzz/$name
  mkdir -p "$corpus"
  if [ "$seconds" = 0 ]; then
    echo "fuzz-smoke: $name over $(ls "$corpus" | wc -l) kept inputs"
    if "$bin" -runs=0 "$corpus" >/dev/null 2>"/tmp/fuzz-$name.log"; then
      passed=$((passed + 1))
    else
      tail -40 "/tmp/fuzz-$name.log"
      failed=$((failed + 1))
      status=1
    fi
  else
    scratch=$(mktemp -d)
    echo "fuzz: $name for ${seconds}s"
    "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 "$scratch" "$corpus" 2>&1 | tail -3 || status=1
  fi
done
[ "$seconds" = 0 ] && echo "fuzz-smoke: $passed passed, $failed failed"
exit $status
