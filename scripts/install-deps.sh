#!/usr/bin/env bash
# Installs the Debian packages zfxxgk needs to build, test and run its demo.
# Idempotent: only missing packages are installed; nothing is downloaded at build time.
# Usage: scripts/install-deps.sh [build|test|bench]   (test adds the test-only tools, bench Scrapy)
set -euo pipefail
mode=${1:-build}
pkgs=(cmake ninja-build g++ make pkg-config
      libgumbo-dev libcurl4-openssl-dev libicu-dev nlohmann-json3-dev catch2
      libsqlite3-dev libcli11-dev zlib1g-dev libssl-dev libpsl-dev libcpp-httplib-dev libbrotli-dev
      libdeflate-dev)
if [ "$mode" = test ]; then
  pkgs+=(clang-14 libclang-rt-14-dev python3 python3-jsonschema python3-lxml sqlite3 python3-pandas)
  # nodejs + npm run warcio.js in the crawl tests; a nodejs that bundles npm (NodeSource) conflicts with Debian's npm
  pkgs+=(nodejs); command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi
if [ "$mode" = bench ]; then
  pkgs+=(python3-scrapy)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
