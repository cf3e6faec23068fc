#!/usr/bin/env bash
# The export read back by the tools researchers use: the sqlite3 command-line shell (tables,
# views, indexes, types, the panel checks) and Python's csv module and pandas
# (tests/export/readback.py under Debian's /usr/bin/python3 with python3-pandas).
set -u
zfxxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
check() {  # check DESCRIPTION CONDITION...
  local what=$1
  shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
q() { sqlite3 "$tmp/export.sqlite" "$1"; }
same() { [ "$1" = "$2" ] || { echo "  got: $1"; echo "  want: $2"; return 1; }; }

. tests/export/dataset.sh
build_dataset "$zfxxgk" "$tmp/ds" || { echo "FAIL: building the dataset"; exit 1; }
map=fixtures/export/agency-map.tsv
"$zfxxgk" export "$tmp/ds" --agency-map $map -o "$tmp/csv" 2>/dev/null
"$zfxxgk" export "$tmp/ds" --agency-map $map --excel -o "$tmp/excel" 2>/dev/null
"$zfxxgk" export "$tmp/ds" --agency-map $map --format jsonl -o "$tmp/export.jsonl" 2>/dev/null
"$zfxxgk" export "$tmp/ds" --agency-map $map --format sqlite -o "$tmp/export.sqlite" 2>/dev/null
check "sqlite export written" test -s "$tmp/export.sqlite"
long_rows=$(($(wc -l <"$tmp/csv/long.csv") - 1))

check "sqlite: integrity" same "$(q 'PRAGMA integrity_check')" ok
check "sqlite: tables and views" same "$(q "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('table','view') ORDER BY type, name" | tr '\n' ' ')" \
  "table cells table checks table dictionary table reports table warnings view active_disclosure view applications view long view reviews_litigation "
check "sqlite: reports" same "$(q 'SELECT count(*), sum(in_panel) FROM reports')" "8|6"
check "sqlite: cells = long.csv rows" same "$(q 'SELECT count(*) FROM cells')" "$long_rows"
check "sqlite: view long = long.csv rows" same "$(q 'SELECT count(*) FROM long')" "$long_rows"
check "sqlite: value is REAL for numbers, NULL otherwise" same "$(q "SELECT status = 'number', typeof(value) FROM cells GROUP BY 1, 2 ORDER BY 1")" "0|null
1|real"
check "sqlite: year is INTEGER" same "$(q 'SELECT DISTINCT typeof(year) FROM reports')" integer
check "sqlite: a cell" same "$(q "SELECT value, status, raw, label_zh FROM long WHERE agency = '高平市人民政府办公室' AND year = 2024 AND path = 'applications.carried_over.natural_person'")" \
  "3.0|number|3|二、上年结转政府信息公开申请数量／自然人"
check "sqlite: index on cells (agency, year) used" bash -c "sqlite3 '$tmp/export.sqlite' \"EXPLAIN QUERY PLAN SELECT * FROM cells WHERE agency = 'x' AND year = 2023\" | grep -q cells_agency_year"
check "sqlite: index on cells (path) used" bash -c "sqlite3 '$tmp/export.sqlite' \"EXPLAIN QUERY PLAN SELECT * FROM cells WHERE path = 'applications.received.total'\" | grep -q cells_path"
check "sqlite: panel carried_over failures" same "$(q "SELECT agency, year, subject, expected, actual FROM checks WHERE rule = 'panel.carried_over' AND status = 'fail' ORDER BY subject")" \
  "高平市人民政府办公室|2024|natural_person|2.0|3.0
高平市人民政府办公室|2024|total|2.0|3.0"
check "sqlite: copied text" same "$(q "SELECT year, subject, actual FROM checks WHERE rule = 'panel.copied_text' AND status = 'fail'")" "2024|overview|0.96"
check "sqlite: missing year joined through the agency map" same "$(q "SELECT agency, year, report_id IS NULL FROM checks WHERE rule = 'panel.missing_year'")" "乌海市工业和信息化局|2022|1"
check "sqlite: wide view" same "$(q "SELECT year, \"applications.carried_over.natural_person\", \"applications.carried_forward.natural_person\" FROM applications WHERE agency = '高平市人民政府办公室' ORDER BY report_id")" \
  "2022|0.0|0.0
2023|0.0|2.0
2023|0.0|2.0
2024|3.0|2.0"
check "sqlite: wide view of a 2019 record has 2019 columns" same "$(q 'SELECT template, "active_disclosure.licensing.prior_year_items", "active_disclosure.licensing.decisions" FROM active_disclosure WHERE year = 2020')" "2019|1.0|0.0"

"$zfxxgk" export "$tmp/ds" --agency-map $map --format sqlite --labels zh -o "$tmp/zh.sqlite" 2>/dev/null
check "sqlite --labels zh: the wide views' columns are the Chinese labels" same \
  "$(sqlite3 "$tmp/zh.sqlite" 'SELECT 年度, "二、上年结转政府信息公开申请数量／自然人" FROM applications WHERE 报告编号 = 7')" "2024|3.0"

check "python csv + pandas read-back" /usr/bin/python3 tests/export/readback.py "$tmp/csv" "$tmp/excel" "$tmp/export.jsonl" "$tmp/export.sqlite"

echo "export readback: $passes passed, $failures failed"
[ $failures = 0 ]
