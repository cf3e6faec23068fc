#!/usr/bin/env bash
# CLI behaviour on bad input and on dataset output: messages name the file, the other inputs
# are still processed, exit codes are 0 / 1 / 2, nothing is overwritten silently.
set -u
zfxxgk=$1
seed=fixtures/reports/gb2021-seed-gaoping-2023.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
lines() { wc -l <"$1" | tr -d ' '; }

: >"$tmp/empty.txt"
printf 'PK\003\004\000\000binary\000' >"$tmp/binary.zip"
mkdir "$tmp/adir"
head -c 300 /dev/zero | tr '\0' 'x' >"$tmp/big.txt"

run extract "$tmp/missing.txt" "$seed"
check "missing file: exit 1" [ "$rc" = 1 ]
check "missing file: named with reason" grep -q "^$tmp/missing.txt: no such file$" "$tmp/err"
check "missing file: other input still extracted" grep -q '"agency":"高平市人民政府办公室"' "$tmp/out"
check "summary line counts the failure" grep -q '1 extracted .* 1 failed' "$tmp/err"

run extract "$tmp/empty.txt"
check "empty file: exit 1" [ "$rc" = 1 ]
check "empty file: one line naming it" [ "$(cat "$tmp/err")" = "$tmp/empty.txt: is empty" ]

run extract "$tmp/binary.zip"
check "binary file: exit 1 and named" bash -c "[ $rc = 1 ] && grep -q '^$tmp/binary.zip: is binary' '$tmp/err'"

run extract "$tmp/adir"
check "directory: exit 1 and named" bash -c "[ $rc = 1 ] && grep -q '^$tmp/adir: is a directory' '$tmp/err'"

run extract --max-bytes 100 "$tmp/big.txt"
check "over-size file: exit 1 and named with the cap" bash -c "[ $rc = 1 ] && grep -q '^$tmp/big.txt: is 300 bytes, larger than the 100 bytes cap' '$tmp/err'"

run extract
check "no input: usage error exit 2" [ "$rc" = 2 ]
run extract --no-such-flag "$seed"
check "unknown flag: usage error exit 2" [ "$rc" = 2 ]

run extract - <"$seed"
check "stdin: exit 0, empty stderr" bash -c "[ $rc = 0 ] && [ ! -s '$tmp/err' ]"
check "stdin: source path is -" grep -q '"path":"-"' "$tmp/out"

run extract "$seed" fixtures/reports/gb2021-row-per-line.txt
check "two inputs: two JSON lines" [ "$(lines "$tmp/out")" = 2 ]

run extract "$seed" -o "$tmp/ds"
check "-o: exit 0" [ "$rc" = 0 ]
check "-o: record at <agency>/<year>.json" test -s "$tmp/ds/高平市人民政府办公室/2023.json"
check "-o: summary on stderr" grep -q '^zfxxgk extract: 1 input: 1 extracted' "$tmp/err"
run extract "$seed" -o "$tmp/ds"
check "-o again with the same source: no conflict" bash -c "[ $rc = 0 ] && grep -q ' 0 conflicts' '$tmp/err' && [ \$(ls '$tmp/ds/高平市人民政府办公室' | wc -l) = 1 ]"
sed 's/主要集中在拆违治乱有关信息申请/主要集中在其他信息申请/' "$seed" >"$tmp/variant.txt"
sha8=$(sha256sum "$tmp/variant.txt" | cut -c1-8)
run extract "$tmp/variant.txt" -o "$tmp/ds"
check "-o with another source of the same agency and year: conflict file" test -s "$tmp/ds/高平市人民政府办公室/2023-$sha8.json"
check "-o conflict: reported by name" grep -q "^$tmp/variant.txt: conflict: " "$tmp/err"
check "-o conflict: the first record is kept" grep -q '"path":"fixtures/reports/gb2021-seed-gaoping-2023.txt"' "$tmp/ds/高平市人民政府办公室/2023.json"
check "-o: no temporary files left" [ -z "$(find "$tmp/ds" -name '.*tmp*')" ]

run extract fixtures/reports/gb2021-alternating-pipe-lines.txt -o "$tmp/ds2"
check "-o: unknown agency goes to _unknown/<sha16>.json" bash -c "ls '$tmp/ds2/_unknown/' | grep -qE '^[0-9a-f]{16}\.json$'"

touch "$tmp/file-not-dir"
run extract "$seed" -o "$tmp/file-not-dir/sub"
check "-o into an unusable directory: exit 1, named" bash -c "[ $rc = 1 ] && grep -q 'cannot create directory' '$tmp/err'"

iconv -f UTF-8 -t GB18030 "$seed" >"$tmp/seed-gbk.txt"
run extract "$tmp/seed-gbk.txt"
check "GBK text input: decoded as GB18030, same values" bash -c "[ $rc = 0 ] && grep -q '\"encoding\":\"GB18030\"' '$tmp/out' && grep -q '\"agency\":\"高平市人民政府办公室\"' '$tmp/out' && grep -q '\"outcomes\":{\"granted\":{\"natural_person\":0' '$tmp/out'"
printf '\xff\xfe' | cat - <(iconv -f UTF-8 -t UTF-16LE "$seed") >"$tmp/seed-utf16.txt"
run extract "$tmp/seed-utf16.txt"
check "UTF-16 text input with BOM: not binary, extracted" bash -c "[ $rc = 0 ] && grep -q '\"agency\":\"高平市人民政府办公室\"' '$tmp/out'"
{ head -c 2000 "$seed"; printf '\xff\xfe\xfd'; tail -c +2001 "$seed"; } >"$tmp/seed-bad-bytes.txt"
run extract "$tmp/seed-bad-bytes.txt"
check "invalid bytes: replaced and warned" grep -q '"code":"encoding_replaced_bytes"' "$tmp/out"

echo "errors: $passes passed, $failures failed"
[ $failures = 0 ]
