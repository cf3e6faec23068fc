#!/usr/bin/env bash
# Golden exports: a dataset built by `zfxxgk extract -o` from report fixtures — two agencies
# over several years, both templates, a conflict copy, an unknown agency, a renamed agency
# joined by fixtures/export/agency-map.tsv, a deliberate carried-over mismatch, a copied
# 总体情况, an in_force difference, a missing year and a misprinted total (fixtures/export/README.md)
# — exported in every format and validated; every output compared byte for byte with
# tests/export/golden/ (extractor_version and the temporary directory normalized).
# Regenerating: bash tests/export/export_golden_test.sh BIN --update, then review `git diff tests/export/golden`.
set -u
zfxxgk=$1
update=${2:-}
golden=tests/export/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
version=$("$zfxxgk" --version | awk '{print $2}' | sed 's/\./\\./g')
normalize() { sed -e "s|$tmp|TMP|g" -e "s/,$version,/,*,/g" -e "s/'$version'/'*'/g"; }

# compare NAME FILE: FILE (normalized) against $golden/NAME
compare() {
  local name=$1 file=$2
  normalize <"$file" >"$tmp/normalized"
  if [ "$update" = --update ]; then
    mkdir -p "$(dirname "$golden/$name")"
    cp "$tmp/normalized" "$golden/$name"
  fi
  if cmp -s "$tmp/normalized" "$golden/$name"; then
    passes=$((passes + 1))
  else
    echo "FAIL $name differs from $golden/$name:"
    diff "$golden/$name" "$tmp/normalized" | cut -c1-300 | head -20
    failures=$((failures + 1))
  fi
}
expect_rc() {  # expect_rc WHAT WANT GOT
  if [ "$2" = "$3" ]; then passes=$((passes + 1)); else echo "FAIL $1: exit $3, want $2"; failures=$((failures + 1)); fi
}

# The dataset (tests/export/dataset.sh)
. tests/export/dataset.sh
ds=$tmp/dataset
build_dataset "$zfxxgk" "$ds"
expect_rc "extract the dataset" 0 $?
map=fixtures/export/agency-map.tsv

"$zfxxgk" export "$ds" --agency-map $map --format csv -o "$tmp/csv" 2>"$tmp/err"
expect_rc "export csv" 0 $?
for f in long.csv active_disclosure.csv applications.csv reviews_litigation.csv reports.csv checks.csv warnings.csv dictionary.csv; do
  compare "csv/$f" "$tmp/csv/$f"
done
compare csv.stderr "$tmp/err"
[ -z "$(ls -A "$tmp/csv" | grep -v '\.csv$')" ] && passes=$((passes + 1)) || { echo "FAIL csv: files other than *.csv left"; failures=$((failures + 1)); }

"$zfxxgk" export "$ds" --agency-map $map --format jsonl -o "$tmp/export.jsonl" 2>"$tmp/err"
expect_rc "export jsonl" 0 $?
compare export.jsonl "$tmp/export.jsonl"

"$zfxxgk" export "$ds" --agency-map $map --format sqlite -o "$tmp/export.sqlite" 2>"$tmp/err"
expect_rc "export sqlite" 0 $?
sqlite3 "$tmp/export.sqlite" .dump >"$tmp/dump.sql"
compare export.sqlite.sql "$tmp/dump.sql"

# Chinese headers: the wide tables' header lines differ, their rows do not.
"$zfxxgk" export "$ds" --agency-map $map --labels zh -o "$tmp/csv-zh" 2>/dev/null
expect_rc "export csv --labels zh" 0 $?
: >"$tmp/headers-zh.csv"
for f in active_disclosure.csv applications.csv reviews_litigation.csv; do
  head -1 "$tmp/csv-zh/$f" >>"$tmp/headers-zh.csv"
  if cmp -s <(tail -n +2 "$tmp/csv-zh/$f") <(tail -n +2 "$tmp/csv/$f"); then passes=$((passes + 1)); else
    echo "FAIL --labels zh: rows of $f differ from the en export"; failures=$((failures + 1)); fi
done
compare wide-headers-zh.csv "$tmp/headers-zh.csv"

"$zfxxgk" validate "$ds" --agency-map $map >"$tmp/out" 2>"$tmp/err"
expect_rc "validate: failed checks exit 1" 1 $?
compare validate.txt "$tmp/out"
compare validate.stderr "$tmp/err"
"$zfxxgk" validate "$ds" --agency-map $map --json >"$tmp/out" 2>"$tmp/err"
expect_rc "validate --json" 1 $?
compare validate.json "$tmp/out"
[ ! -s "$tmp/err" ] || [ "$(grep -vc '^zfxxgk validate: ' "$tmp/err")" = 0 ] && passes=$((passes + 1)) || { echo "FAIL validate --json: stderr beyond the summary"; failures=$((failures + 1)); }

echo "export golden: $passes passed, $failures failed"
[ $failures = 0 ]
