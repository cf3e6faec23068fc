#!/usr/bin/python3
"""Validates every golden record (*.json, *.jsonl below a directory) against the report
schema with an independent validator (Debian's python3-jsonschema), and checks that every
provenance entry points at a cell of the record's own tables that holds the raw text."""
import json
import pathlib
import sys

import jsonschema

schema_path, golden_dir = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

records = []
for path in sorted(golden_dir.rglob("*.json")) + sorted(golden_dir.rglob("*.jsonl")):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        records += [(f"{path}:{i + 1}", json.loads(line)) for i, line in enumerate(text.splitlines()) if line.strip()]
    else:
        records.append((str(path), json.loads(text)))

failures = 0
for name, rec in records:
    for err in validator.iter_errors(rec):
        failures += 1
        print(f"{name}: {'/'.join(map(str, err.absolute_path))}: {err.message[:300]}")
    for path, prov in rec.get("provenance", {}).items():
        if "table" not in prov:
            continue
        try:
            row = rec["tables"][prov["table"]]["rows"][prov["row"]]
            cell = row["cells"][prov["col"]]
        except (IndexError, KeyError):
            failures += 1
            print(f"{name}: provenance of {path} points outside the record's tables: {prov}")
            continue
        if cell != prov["raw"]:
            failures += 1
            print(f"{name}: provenance of {path} points at {cell!r}, raw says {prov['raw']!r}")
    # every value of a template record has provenance, and numbers only with status number
    def leaves(obj, prefix):
        for k, v in obj.items():
            if isinstance(v, dict):
                yield from leaves(v, prefix + k + ".")
            else:
                yield prefix + k, v
    for table in ("active_disclosure", "applications", "reviews_litigation"):
        if rec.get(table) is None:
            continue
        for path, value in leaves(rec[table], table + "."):
            prov = rec["provenance"].get(path)
            if prov is None:
                failures += 1
                print(f"{name}: {path} has no provenance")
            elif (value is not None) != (prov["status"] in ("number", "prose")):
                failures += 1
                print(f"{name}: {path} = {value!r} but provenance status is {prov['status']}")

print(f"schema: {len(records)} records checked, {failures} problems")
sys.exit(1 if failures or not records else 0)
