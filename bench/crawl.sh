#!/usr/bin/env bash
# The crawl benchmark: a simulated crawl of HOSTS portals (distinct 127.1.x.y addresses) × 20
# pages, robots.txt and report extraction included, with zero politeness delay — by zfxxgk and
# by Scrapy with equivalent settings — then a crawl whose frontier holds HOSTS × 200 URLs, for
# peak memory. Prints pages/s, CPU seconds per 1,000 pages, peak RSS and the ratio of pages per
# CPU-second. Figures, not a test. Traffic stays on 127.0.0.0/8; every process is bounded in time.
#
# Usage: [BENCH_TMP=DIR] bench/crawl.sh [BUILD_DIR] [HOSTS] [PARALLEL] [RUNS]   (defaults: build 500 64 3)
# Each crawler runs RUNS times; the ratio is that of the medians (Scrapy's CPU time varies by
# ±15 % between runs on this machine).
# Needs python3-scrapy for the comparison (scripts/install-deps.sh bench).
set -euo pipefail
build=${1:-build}
hosts=${2:-500}
parallel=${3:-64}
runs=${4:-3}
port=18480
tmp=$(mktemp -d -p "${BENCH_TMP:-/tmp}")  # BENCH_TMP=/dev/shm takes the file system out of the figures
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
zfxxgk="$build/cli/zfxxgk"
bench="$build/bench/bench_crawl"

# measure NAME CMD... → $tmp/NAME.time (GNU time -v)
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$tmp/$name.time" "$@"
}
calc() { awk "BEGIN { print $* }"; }
field() { grep -F "$2" "$tmp/$1.time" | sed 's/.*: //'; }
cpu() { calc "$(field "$1" 'User time (seconds)') + $(field "$1" 'System time (seconds)')"; }
wall() { field "$1" 'Elapsed (wall clock)' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'; }
rss_mb() { calc "$(field "$1" 'Maximum resident set size') / 1024"; }

serve() {  # serve REPORTS_PER_HOST SECONDS
  "$bench" serve "$hosts" "$1" "$port" "$2" 2>"$tmp/server.log" &
  server=$!
  sleep 1
}
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

"$bench" portals "$hosts" "$port" >"$tmp/portals.tsv"
pages=$((hosts * 20))

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== zfxxgk crawl: $hosts hosts × 20 pages (1 listing + 19 reports, robots.txt on each), delay 0, $parallel hosts at once, $runs runs"
z_runs=()
for run in $(seq 1 "$runs"); do
  serve 19 600
  rm -rf "$tmp/ds"
  measure zfxxgk "$zfxxgk" crawl "$tmp/portals.tsv" -o "$tmp/ds" --contact bench@example.org --delay 0 \
    --parallel "$parallel" --no-progress --summary-json "$tmp/summary.json" 2>"$tmp/zfxxgk.log" || true
  stop_server
  [ "$run" = 1 ] && tail -4 "$tmp/zfxxgk.log"
  z_pages=$(python3 -c "import json; s=json.load(open('$tmp/summary.json')); print(s['requests'])")  # responses, robots.txt included, as Scrapy counts
  z_records=$(python3 -c "import json; s=json.load(open('$tmp/summary.json')); print(s['records_written'])")
  z_cpu=$(cpu zfxxgk); z_wall=$(wall zfxxgk); z_rss=$(rss_mb zfxxgk)
  z_runs+=("$(calc "$z_cpu * 1000 / $z_pages")")
  printf "zfxxgk run %d: %d responses (%d records) in %.1f s: %.0f pages/s, %.3f CPU s per 1,000 pages, peak RSS %.0f MB\n" \
    "$run" "$z_pages" "$z_records" "$z_wall" "$(calc "$z_pages / $z_wall")" "${z_runs[-1]}" "$z_rss"
done
z_median=$(median "${z_runs[@]}")
printf "zfxxgk: median %.3f CPU s per 1,000 pages\n" "$z_median"

# scrapy_runs NAME [STATE_DIR]: $runs Scrapy runs over the same site; prints their figures and the
# ratio of the medians
scrapy_runs() {
  local name=$1
  shift
  local s_runs=() s_pages s_cpu s_wall s_rss
  for run in $(seq 1 "$runs"); do
    serve 19 600
    rm -rf "$tmp/scrapy-state"
    measure "$name" timeout 900 /usr/bin/python3 bench/crawl_scrapy.py "$tmp/portals.tsv" "$tmp/$name.jsonl" "$parallel" "$@" \
      >"$tmp/$name.out" 2>"$tmp/$name.log" || true
    stop_server
    s_pages=$(python3 -c "import json; s=json.loads(open('$tmp/$name.out').read().strip().splitlines()[-1]); print(s['responses'])")
    s_cpu=$(cpu "$name"); s_wall=$(wall "$name"); s_rss=$(rss_mb "$name")
    s_runs+=("$(calc "$s_cpu * 1000 / $s_pages")")
    printf "%s run %d: %d responses in %.1f s: %.0f pages/s, %.3f CPU s per 1,000 pages, peak RSS %.0f MB\n" \
      "$name" "$run" "$s_pages" "$s_wall" "$(calc "$s_pages / $s_wall")" "${s_runs[-1]}" "$s_rss"
  done
  local s_median
  s_median=$(median "${s_runs[@]}")
  printf "%s: median %.3f CPU s per 1,000 pages\n" "$name" "$s_median"
  printf "ratio: zfxxgk does %.1f× the pages per CPU-second of %s (medians of %d runs; target ≥ 10×)\n" \
    "$(calc "$s_median / $z_median")" "$name" "$runs"
}

if /usr/bin/python3 -c 'import scrapy' 2>/dev/null; then
  echo "== Scrapy $(/usr/bin/python3 -c 'import scrapy; print(scrapy.__version__)'): the same site, equivalent settings, no archive"
  scrapy_runs scrapy
  echo "== Scrapy, also keeping what zfxxgk keeps: responses on disk gzipped (HTTPCACHE_GZIP) and a resumable job (JOBDIR)"
  scrapy_runs scrapy-archive "$tmp/scrapy-state"
else
  echo "== Scrapy not installed (scripts/install-deps.sh bench): no comparison"
fi

echo "== frontier: $hosts hosts × 200 reports ($((hosts * 200)) URLs queued after the listings), stopped by SIGTERM after 20 s"
serve 200 600
measure frontier timeout -s TERM 20 "$zfxxgk" crawl "$tmp/portals.tsv" -o "$tmp/ds2" --contact bench@example.org \
  --delay 0 --parallel "$parallel" --no-progress --summary-json "$tmp/summary2.json" 2>"$tmp/frontier.log" || true
stop_server
python3 -c "
import json; s = json.load(open('$tmp/summary2.json'))
print('frontier: %d URLs discovered, %d fetched, %d left in the queue when stopped by %s' % (
    s['pages'] + s['left_in_queue'] - $hosts, s['pages'], s['left_in_queue'], s['stopped_by']))"
printf "frontier: peak RSS %.0f MB (target ≤ 100 MB)\n" "$(rss_mb frontier)"
