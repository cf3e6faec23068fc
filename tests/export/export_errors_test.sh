#!/usr/bin/env bash
# export and validate on bad input: each unusable record file named on stderr, one line each,
# saying what is wrong; the rest still exported; exit codes 0 / 1 / 2; options that change
# the output (--excel, --agency-map); docs/data-dictionary.md equal to `export --dictionary`.
set -u
zfxxgk=$1
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
passes=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
run() {  # run ARGS... → $rc, $tmp/out, $tmp/err
  "$zfxxgk" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
has_line() { grep -qxF -- "$1" "$tmp/err" || { echo "  stderr lacks: $1"; sed 's/^/  | /' "$tmp/err" | head -12; return 1; }; }
rows() { echo $(($(wc -l <"$1") - 1)); }

seed=fixtures/reports/gb2021-seed-gaoping-2023.txt
ds=$tmp/ds
"$zfxxgk" extract -o "$ds" "$seed" fixtures/export/gb2021-gaoping-2022-own-texts.txt 2>/dev/null
good=$ds/高平市人民政府办公室/2023.json
mkdir -p "$ds/bad"
head -c 300 "$good" >"$ds/bad/2021.json"                                            # cut short
sed 's/"schema_version":1/"schema_version":2/' "$good" >"$ds/bad/2019.json"           # a newer zfxxgk wrote it
ln -s "$ds/nowhere.json" "$ds/bad/2018.json"                                          # unreadable: dangling link
: >"$ds/bad/2017.json"                                                                # empty
echo '{"rows": []}' >"$ds/bad/2016.json"                                              # JSON, not a record
cp "$good" "$ds/bad/.2023.json.tmp.123"                                               # a temporary file: not a record file
printf 'notes\n' >"$ds/高平市人民政府办公室/README.txt"                                 # not *.json: ignored
mkfifo "$ds/bad/2014.json"                                                            # must not hang the walk
n_bad=6
if [ "$(id -u)" != 0 ]; then
  cp "$good" "$ds/bad/2015.json" && chmod 000 "$ds/bad/2015.json" && n_bad=7
fi

for format in csv jsonl sqlite; do
  out=$tmp/out.$format
  run export "$ds" --format $format -o "$out"
  check "$format: bad records → exit 1" [ "$rc" = 1 ]
  check "$format: cut-short record named" has_line "$ds/bad/2021.json: not valid JSON at byte 300: syntax error while parsing object key - invalid string: missing closing quote; last read: '\"source'; expected string literal; re-extract the report or move the file out of the dataset"
  check "$format: newer schema named" has_line "$ds/bad/2019.json: schema_version 2 is newer than this zfxxgk reads (1): upgrade zfxxgk"
  check "$format: unreadable file named" has_line "$ds/bad/2018.json: cannot be read: No such file or directory"
  check "$format: empty file named" has_line "$ds/bad/2017.json: is empty (an interrupted write?); re-extract the report"
  check "$format: non-record named" has_line "$ds/bad/2016.json: not a zfxxgk record: no schema_version; re-extract the report or move the file out of the dataset"
  check "$format: a FIFO named" has_line "$ds/bad/2014.json: is not a regular file, not a record"
  [ $n_bad = 7 ] && check "$format: permission denied named" has_line "$ds/bad/2015.json: cannot be read: Permission denied"
  check "$format: one line per bad file, and the summary" [ "$(wc -l <"$tmp/err")" = $((n_bad + 1)) ]
  check "$format: summary counts them" grep -q "^zfxxgk export: $ds: $((n_bad + 2)) record files: 2 exported, $n_bad unreadable, into $out ($format)$" "$tmp/err"
  check "$format: nothing on stdout" [ ! -s "$tmp/out" ]
done
check "csv: the good records exported" [ "$(rows "$tmp/out.csv/reports.csv")" = 2 ]
check "jsonl: the good records exported" [ "$(cut -d, -f1 "$tmp/out.jsonl" | sort -u | wc -l)" = 2 ]
check "sqlite: the good records exported" [ "$(sqlite3 "$tmp/out.sqlite" 'SELECT count(*) FROM reports')" = 2 ]
check "no temporary files left in the output" [ -z "$(find "$tmp" -name '.*.tmp.*' ! -name '.2023.json.tmp.123')" ]

run validate "$ds"
check "validate: bad records → exit 1" [ "$rc" = 1 ]
check "validate: the same lines on stderr" has_line "$ds/bad/2019.json: schema_version 2 is newer than this zfxxgk reads (1): upgrade zfxxgk"
check "validate: summary" grep -q "^zfxxgk validate: $ds: 2 records, $n_bad unreadable: 0 failed report checks, 0 failed panel checks, 0 soft differences, 0 missing years$" "$tmp/err"
run validate "$ds" --json
check "validate --json: unreadable files listed" /usr/bin/python3 -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(not (len(d['unreadable']) == $n_bad and d['summary']['records'] == 2 and d['findings'] == []))"
rm -rf "$ds/bad"
run validate "$ds"
check "validate: a clean dataset → exit 0, nothing on stdout" bash -c "[ $rc = 0 ] && [ ! -s '$tmp/out' ]"

# usage and setup errors
run export "$ds"
check "export without -o: usage error 2" bash -c "[ $rc = 2 ] && grep -q 'give the dataset directory and -o OUT' '$tmp/err'"
run export "$ds" --format jsonl --excel -o "$tmp/x.jsonl"
check "--excel with jsonl: usage error 2" bash -c "[ $rc = 2 ] && grep -q -- '--excel applies to --format csv only' '$tmp/err'"
run export "$ds" --format xlsx -o "$tmp/x"
check "unknown format: usage error 2" [ "$rc" = 2 ]
printf 'no tab on this line\n' >"$tmp/map.tsv"
run export "$ds" -o "$tmp/x" --agency-map "$tmp/map.tsv"
check "bad agency map: usage error 2, file and line named" bash -c "[ $rc = 2 ] && grep -qxF '$tmp/map.tsv:1: no tab: each line is \`name variant<TAB>agency id\`' '$tmp/err'"
run validate
check "validate without a directory: usage error 2" [ "$rc" = 2 ]
run export "$tmp/missing" -o "$tmp/x"
check "missing dataset directory: exit 1, named" bash -c "[ $rc = 1 ] && grep -qxF '$tmp/missing: no such directory' '$tmp/err' && [ ! -e '$tmp/x' ]"
mkdir "$tmp/empty"
run export "$tmp/empty" -o "$tmp/x"
check "empty dataset: exit 1, says what a dataset holds" bash -c "[ $rc = 1 ] && grep -q '^$tmp/empty: no records found' '$tmp/err'"
touch "$tmp/a-file"
run export "$ds" -o "$tmp/a-file/sub"
check "unusable output directory: exit 1, named" bash -c "[ $rc = 1 ] && grep -q '^$tmp/a-file/sub: cannot create the output directory' '$tmp/err'"
run export "$ds" --format sqlite -o "$tmp/a-file/x.sqlite"
check "unusable sqlite output: exit 1, named" bash -c "[ $rc = 1 ] && grep -q '^$tmp/a-file' '$tmp/err'"

# --excel: a BOM on every CSV; without it none
run export "$ds" --excel -o "$tmp/excel"
check "--excel: exit 0" [ "$rc" = 0 ]
check "--excel: every CSV starts with the BOM" bash -c "for f in '$tmp/excel'/*.csv; do [ \"\$(head -c 3 \"\$f\" | od -An -tx1 | tr -d ' ')\" = efbbbf ] || exit 1; done"
run export "$ds" -o "$tmp/plain"
check "without --excel: no BOM" [ "$(head -c 9 "$tmp/plain/long.csv")" = report_id ]
check "CSV rows end with CRLF" bash -c "head -1 '$tmp/plain/long.csv' | od -c | grep -q '\\\\r  \\\\n'"

# agency identity: exact name by default, joined by the map
ds2=$tmp/ds2
"$zfxxgk" extract -o "$ds2" fixtures/export/gb2021-wuhai-2021.txt fixtures/export/gb2021-wuhai-renamed-2023-total-misprinted.txt 2>/dev/null
run validate "$ds2"
check "without a map the renamed body is another agency: no missing year" bash -c "! grep -q missing_year '$tmp/out'"
run validate "$ds2" --agency-map fixtures/export/agency-map.tsv
check "with the map: one series, 2022 missing" grep -q "panel.missing_year 2022: missing" "$tmp/out"
run export "$ds2" --agency-map fixtures/export/agency-map.tsv -o "$tmp/mapped"
check "with the map: agency is the id, agency_name the record's" grep -q '^2,乌海市工业和信息化局,乌海市工信局,' "$tmp/mapped/applications.csv"

# the data dictionary page is generated
check "docs/data-dictionary.md equals export --dictionary" bash -c "diff <('$zfxxgk' export --dictionary) <(sed -n '/BEGIN dictionary/,/END dictionary/p' docs/data-dictionary.md | sed '1d;\$d')"

echo "export errors: $passes passed, $failures failed"
[ $failures = 0 ]
