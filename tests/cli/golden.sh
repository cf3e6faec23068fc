#!/usr/bin/env bash
# Golden CLI tests: run the real binary, check the exit code and stderr, compare stdout with
# checked-in files byte for byte (extractor_version normalized).
# Regenerating: tests/cli/golden.sh BIN --update, then review `git diff tests/cli/golden`.
set -u
zfxxgk=$1
update=${2:-}
dir=tests/cli/golden
failures=0
passes=0

normalize() { sed -E 's/"extractor_version": ?"[^"]*"/"extractor_version": "*"/'; }

# case NAME EXPECTED_RC STDERR_GOLDEN(or -) ARGS...
case_() {
  local name=$1 want_rc=$2 err_golden=$3
  shift 3
  local out err rc
  out=$(mktemp) err=$(mktemp)
  "$zfxxgk" "$@" >"$out" 2>"$err"
  rc=$?
  normalize <"$out" >"$out.n"
  if [ "$update" = --update ]; then
    cp "$out.n" "$dir/$name"
    [ "$err_golden" != - ] && cp "$err" "$dir/$err_golden"
  fi
  local ok=1
  [ "$rc" = "$want_rc" ] || { echo "FAIL $name: exit $rc, want $want_rc"; ok=0; }
  if [ "$err_golden" = - ]; then
    [ -s "$err" ] && { echo "FAIL $name: stderr not empty:"; head -5 "$err"; ok=0; }
  else
    cmp -s "$err" "$dir/$err_golden" || { echo "FAIL $name: stderr differs:"; diff "$dir/$err_golden" "$err" | cut -c1-400 | head -10; ok=0; }
  fi
  cmp -s "$out.n" "$dir/$name" || { echo "FAIL $name: stdout differs from $dir/$name:"; diff "$dir/$name" "$out.n" | cut -c1-400 | head -20; ok=0; }
  rm -f "$out" "$out.n" "$err"
  if [ $ok = 1 ]; then passes=$((passes + 1)); else failures=$((failures + 1)); fi
}

case_ seed-gaoping-2023.json 0 - extract fixtures/reports/gb2021-seed-gaoping-2023.txt --pretty
# shellcheck disable=SC2046
case_ all-fixture-reports.jsonl 0 all-fixture-reports.stderr extract $(ls fixtures/reports/*.txt | sort)

# HTML pages, one in GBK: charset, chrome, layout and metadata tables
# shellcheck disable=SC2046
case_ html-fixture-reports.jsonl 0 html-fixture-reports.stderr extract $(ls fixtures/reports/*.html | sort)

echo "golden: $passes passed, $failures failed"
[ $failures = 0 ]
