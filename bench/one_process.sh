#!/usr/bin/env bash
# One process per page: the median wall time of `zfxxgk extract PAGE > /dev/null` over RUNS
# runs, and of the Python lxml + grid script (bench/lxml_grid.py) on a corpus of that one
# page, for comparison. PAGE defaults to the page of CORPUS_DIR closest to 132 KiB.
#   bench/one_process.sh BUILD_DIR CORPUS_DIR [RUNS] [PAGE]
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: bench/one_process.sh BUILD_DIR CORPUS_DIR [RUNS] [PAGE]" >&2
    exit 2
fi
build=$1
corpus=$2
runs=${3:-30}
page=${4:-}
zfxxgk=$build/cli/zfxxgk
if [ ! -x "$zfxxgk" ]; then
    echo "$zfxxgk: not built; build the tree first (cmake --build $build)" >&2
    exit 2
fi
if [ -z "$page" ]; then
    page=$(stat -c '%s %n' "$corpus"/pages/*.html | awk '{ d = $1 - 135168; d = d < 0 ? -d : d
        if (best == "" || d < best) { best = d; name = $2 } } END { print name }')
fi
one=$(mktemp -d)
trap 'rm -rf "$one"' EXIT
mkdir "$one/pages"
cp "$page" "$one/pages/"

# Median of RUNS wall times (milliseconds) of the command in "$@".
median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
        m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

echo "one process per page: $(basename "$page"), $(( $(stat -c %s "$page") / 1024 )) KiB, median of $runs runs"
echo "  zfxxgk extract:      $(median_ms "$zfxxgk" extract "$page") ms"
echo "  python lxml + grid:  $(median_ms /usr/bin/python3 "$(dirname "$0")/lxml_grid.py" "$one") ms"
