#!/usr/bin/env bash
# make demo: extract the bundled real reports (fixtures/reports/) into dataset/ and show a record.
set -euo pipefail
zfxxgk=${1:-build/cli/zfxxgk}
rm -rf dataset
status=0
"$zfxxgk" extract fixtures/reports/*.txt fixtures/reports/gb2019-word-5col-procurement.html -o dataset || status=$?
echo
echo "dataset/:"
find dataset -name '*.json' | sort | sed 's/^/  /'
echo
echo "The seed report's table 3 totals (dataset/高平市人民政府办公室/2023.json):"
/usr/bin/python3 - <<'PY'
import json
r = json.load(open("dataset/高平市人民政府办公室/2023.json", encoding="utf-8"))
a = r["applications"]
print("  received", a["received"]["total"], "| carried over", a["carried_over"]["total"],
      "| outcomes total", a["outcomes"]["total"]["total"], "| carried forward", a["carried_forward"]["total"])
print("  checks:", {s: sum(1 for c in r["checks"] if c["status"] == s) for s in ("pass", "fail", "not_assessable")})
PY
exit $status
