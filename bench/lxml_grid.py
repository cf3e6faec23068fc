#!/usr/bin/python3
"""The Python baseline of bench/README: lxml parse + rowspan/colspan grids of every table.
Prints pages/s and peak RSS. Run with Debian's /usr/bin/python3 (python3-lxml)."""
import os
import resource
import sys
import time

import lxml.html


def grids(doc):
    out = []
    for table in doc.iter("table"):
        grid, pending = [], {}
        for r, tr in enumerate(table.iter("tr")):
            row, c = [], 0
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                while (r, c) in pending:
                    row.append(pending.pop((r, c)))
                    c += 1
                text = " ".join(td.text_content().split())
                rs = int(td.get("rowspan", "1") or 1) if str(td.get("rowspan", "1")).isdigit() else 1
                cs = int(td.get("colspan", "1") or 1) if str(td.get("colspan", "1")).isdigit() else 1
                for dc in range(cs):
                    row.append(text)
                    for dr in range(1, rs):
                        pending[(r + dr, c + dc)] = text
                c += cs
            grid.append(row)
        out.append(grid)
    return out


def main():
    root = sys.argv[1]
    names = sorted(os.listdir(os.path.join(root, "pages")))
    if len(sys.argv) > 2:
        names = names[: int(sys.argv[2])]
    total = 0
    start = time.perf_counter()
    for name in names:
        with open(os.path.join(root, "pages", name), "rb") as f:
            data = f.read()
        total += len(data)
        doc = lxml.html.document_fromstring(data)
        grids(doc)
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"  python lxml + grid:                {len(names) / elapsed:7.1f} pages/s {total / 1e6 / elapsed:6.1f} MB/s  peak RSS {rss} MB")


if __name__ == "__main__":
    main()
