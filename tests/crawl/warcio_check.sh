#!/usr/bin/env bash
# Runs warcio_check.mjs on WARC files, installing warcio.js (pinned in package-lock.json) from
# the npm registry the first time. Called by tests/crawl/crawl_kill_test.cpp.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node_modules/warcio" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
fi
exec node "$here/warcio_check.mjs" "$@"
