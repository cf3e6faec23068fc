#!/usr/bin/env bash
# The HTML benchmark of docs/tables-html.md ("Fast path"): generates the 2,000-page corpus
# (../shared/bench/gen_corpus.py) into a temporary directory and prints
#  - zfxxgk's full extraction (record JSON included) and the gumbo parse + walk floor, one core;
#  - the Python lxml + grid script on the same pages, one core;
#  - one process per page (bench/one_process.sh).
#   bench/html.sh [BUILD_DIR] [PAGES]      (run from the repository root)
set -euo pipefail
build=${1:-build}
pages=${2:-2000}
gen=$(dirname "$0")/../../shared/bench/gen_corpus.py
if [ ! -f "$gen" ]; then
    echo "$gen: the corpus generator is missing; it lives in shared/bench beside the repository" >&2
    exit 2
fi
if [ ! -x "$build/bench/bench_html_extract" ]; then
    echo "$build/bench/bench_html_extract: not built; build the tree first (cmake --build $build)" >&2
    exit 2
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
/usr/bin/python3 "$gen" --out "$corpus" --pages "$pages" > /dev/null

echo "== zfxxgk extract and the gumbo floor ($pages pages, core 0)"
taskset -c 0 "$build/bench/bench_html_extract" "$corpus" "$pages"
echo "== python lxml + grid (core 0)"
taskset -c 0 /usr/bin/python3 "$(dirname "$0")/lxml_grid.py" "$corpus" "$pages"
echo "== one process per page"
taskset -c 0 bash "$(dirname "$0")/one_process.sh" "$build" "$corpus" 30
