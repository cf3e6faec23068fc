"""Reads an export back as researchers do: Python's csv module and pandas (Debian's
python3-pandas: run with /usr/bin/python3). Asserts headers, types and row counts.

    readback.py CSV_DIR EXCEL_CSV_DIR JSONL SQLITE
"""
import csv
import sqlite3
import sys

import pandas as pd

csv_dir, excel_dir, jsonl, db = sys.argv[1:5]
failures = []


def check(what, ok):
    if not ok:
        failures.append(what)


LONG_COLUMNS = ["report_id", "agency", "agency_name", "region_code", "year", "template", "path", "label_zh",
                "label_en", "value", "status", "raw", "unit", "source", "sha256"]
STATUSES = {"number", "blank", "not_applicable", "unparsed", "ambiguous", "prose", "missing"}

# --- the csv module: RFC 4180, UTF-8, every row as wide as the header
with open(f"{csv_dir}/long.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
check("long.csv header", rows[0] == LONG_COLUMNS)
check("long.csv rows all 15 fields", all(len(r) == 15 for r in rows))
long_rows = len(rows) - 1
check("long.csv statuses", {r[10] for r in rows[1:]} <= STATUSES)
check("long.csv Chinese labels", any(r[7] == "三、本年度办理结果／（一）予以公开／自然人" for r in rows[1:]))
with open(f"{csv_dir}/checks.csv", newline="", encoding="utf-8") as f:
    checks = list(csv.DictReader(f))
check("checks.csv panel rows", any(c["scope"] == "panel" and c["rule"] == "panel.copied_text" and c["status"] == "fail"
                                   for c in checks))
with open(f"{excel_dir}/long.csv", newline="", encoding="utf-8-sig") as f:  # --excel: a BOM first
    excel_rows = list(csv.reader(f))
check("--excel long.csv reads the same through utf-8-sig", excel_rows == rows)
with open(f"{excel_dir}/applications.csv", "rb") as f:
    check("--excel starts with the BOM", f.read(3) == b"\xef\xbb\xbf")

# --- pandas
long = pd.read_csv(f"{csv_dir}/long.csv")
check("pandas long rows", len(long) == long_rows)
check("pandas long columns", list(long.columns) == LONG_COLUMNS)
check("pandas report_id int64", str(long["report_id"].dtype) == "int64")
check("pandas year int64", str(long["year"].dtype) == "int64")
check("pandas value float64", str(long["value"].dtype) == "float64")
check("pandas status object", str(long["status"].dtype) == "object")
sel = long[(long.agency == "高平市人民政府办公室") & (long.year == 2024) & (long.path == "applications.carried_over.natural_person")]
check("pandas a value", len(sel) == 1 and sel["value"].iloc[0] == 3.0)
check("pandas null values are NaN where the status is not number",
      long.loc[long.status != "number", "value"].isna().all())

apps = pd.read_csv(f"{csv_dir}/applications.csv")
check("pandas applications rows: one per record with table 3", len(apps) == 7)
check("pandas applications key columns",
      list(apps.columns[:7]) == ["report_id", "agency", "agency_name", "region_code", "year", "template", "in_panel"])
check("pandas applications: in_panel picks one row per agency-year",
      not apps[apps.in_panel == 1].duplicated(["agency", "year"]).any() and len(apps[apps.in_panel == 1]) == 6)
check("pandas applications value columns are float64",
      all(str(t) == "float64" for t in apps.dtypes[7:]))
check("pandas applications value columns are canonical paths", all(c.startswith("applications.") for c in apps.columns[7:]))
gp = apps[apps.agency == "高平市人民政府办公室"].sort_values("report_id")
check("pandas panel: carried_over 2024 vs carried_forward 2023",
      list(gp["applications.carried_over.natural_person"]) == [0.0, 0.0, 0.0, 3.0]
      and list(gp["applications.carried_forward.natural_person"])[1] == 2.0)

reports = pd.read_csv(f"{csv_dir}/reports.csv", dtype={"region_code": "string"})
check("pandas reports rows", len(reports) == 8)
check("pandas reports in_panel", int(reports["in_panel"].sum()) == 6)
chk = pd.read_csv(f"{csv_dir}/checks.csv")
check("pandas checks statuses", set(chk["status"]) <= {"pass", "fail", "not_assessable", "differs", "missing"})
check("pandas checks expected/actual float64", str(chk["expected"].dtype) == "float64" and str(chk["actual"].dtype) == "float64")
dic = pd.read_csv(f"{csv_dir}/dictionary.csv")
check("pandas dictionary covers long paths", set(long["path"]) <= set(dic["path"]))

js = pd.read_json(jsonl, lines=True)
check("pandas jsonl rows = long.csv rows", len(js) == long_rows)
check("pandas jsonl columns", list(js.columns) == LONG_COLUMNS)
check("pandas jsonl value float64", str(js["value"].dtype) == "float64")
check("jsonl keeps raw '' (blank) apart from null (missing)",
      js.loc[js.status == "missing", "raw"].isna().all())

con = sqlite3.connect(db)


def as_csv_text(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


view = [[as_csv_text(v) for v in r] for r in con.execute("SELECT * FROM long")]
check("sqlite view long equals long.csv, row for row", view == rows[1:])
sq = pd.read_sql_query("SELECT * FROM long", con)
check("pandas read_sql long rows", len(sq) == long_rows)
check("pandas read_sql long columns", list(sq.columns) == LONG_COLUMNS)
wide = pd.read_sql_query("SELECT * FROM applications", con)
check("pandas read_sql wide view = applications.csv", wide.shape == apps.shape and list(wide.columns) == list(apps.columns))

if failures:
    for f in failures:
        print("FAIL readback:", f)
    sys.exit(1)
print(f"readback: {long_rows} long rows read back by csv, pandas (csv, jsonl, sqlite): all checks passed")
