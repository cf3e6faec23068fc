#!/usr/bin/env bash
# zfxxgk extract --warc: records rebuilt from an archive without fetching — URL, fetch time,
# WARC file and record id in `source`; the HTTP charset used; non-2xx and non-page responses
# skipped; a broken record named, the records before it kept, exit 1.
set -u
zfxxgk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
check() {
  local what=$1
  shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

/usr/bin/python3 - "$tmp" <<'PY'
import gzip, sys, uuid
out = sys.argv[1]
seed = open("fixtures/reports/gb2021-seed-gaoping-2023-word.html", "rb").read()
gbk = open("fixtures/reports/gb2021-seed-gaoping-2023-word-gbk.html", "rb").read()

def record(kind, uri, block, rid, extra=""):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"WARC-Date: 2026-11-27T01:02:03Z\r\nWARC-Target-URI: {uri}\r\n{extra}"
            f"Content-Type: application/http;msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n")
    return gzip.compress(head.encode() + block + b"\r\n\r\n")

def exchange(uri, status, ctype, body, rid):
    req = f"GET {uri} HTTP/1.1\r\nHost: example.gov.cn\r\n\r\n".encode()
    resp = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    return record("request", uri, req, str(uuid.UUID(int=rid * 2))) + record("response", uri, resp, str(uuid.UUID(int=rid * 2 + 1)))

data = b"".join([
    exchange("http://www.gp.gov.cn/a/2023.html", "200 OK", "text/html; charset=utf-8", seed, 1),
    exchange("http://www.gp.gov.cn/b/2023.html", "200 OK", "text/html; charset=GBK", gbk, 2),
    exchange("http://www.gp.gov.cn/missing.html", "404 Not Found", "text/html", b"<html>404</html>", 3),
    exchange("http://www.gp.gov.cn/report.pdf", "200 OK", "application/pdf", b"%PDF-1.4 binary", 4),
])
open(f"{out}/good.warc.gz", "wb").write(data)
# a file whose third response is cut short: the records before it are kept
open(f"{out}/broken.warc.gz", "wb").write(data[: len(data) // 2] + b"\x1f\x8b\x08\x00garbage")
PY

"$zfxxgk" extract --warc "$tmp/good.warc.gz" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "good WARC: exit 0" [ "$rc" = 0 ]
check "good WARC: two pages extracted (404 and PDF skipped)" [ "$(wc -l <"$tmp/out")" = 2 ]
check "good WARC: summary" grep -q '^zfxxgk extract: 2 pages in 1 WARC file: 2 extracted' "$tmp/err"
check "source carries URL, fetch time, file and record id" grep -q '"url":"http://www.gp.gov.cn/a/2023.html","sha256":"[0-9a-f]*","bytes":[0-9]*,"encoding":"UTF-8","form":"html","fetched_at":"2026-11-27T01:02:03Z","warc_file":"good.warc.gz","warc_record_id":"<urn:uuid:00000000-0000-0000-0000-000000000003>"' "$tmp/out"
check "HTTP charset GBK used for the GBK page" grep -q '"url":"http://www.gp.gov.cn/b/2023.html","sha256":"[0-9a-f]*","bytes":[0-9]*,"encoding":"GB18030"' "$tmp/out"
check "both records carry the seed's values" [ "$(grep -c '"received":{"natural_person":9' "$tmp/out")" = 2 ]

"$zfxxgk" extract --warc "$tmp/broken.warc.gz" -o "$tmp/ds" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "broken WARC: exit 1" [ "$rc" = 1 ]
check "broken WARC: the error names the file" grep -q "^$tmp/broken.warc.gz: .*the records before it were extracted" "$tmp/err"
check "broken WARC: the record before the break was written" test -s "$tmp/ds/高平市人民政府办公室/2023.json"

"$zfxxgk" extract --warc "$tmp/nothing.warc.gz" >"$tmp/out" 2>"$tmp/err"
check "missing WARC: exit 1, named" bash -c "[ $? = 1 ] && grep -q '^$tmp/nothing.warc.gz' '$tmp/err'"

echo "warc: $passes passed, $failures failed"
[ $failures = 0 ]
