#!/usr/bin/env python3
"""The scorecard's SQL export in PostgreSQL (a manual check; CI runs SQLite via sql_check.py): loads
DATA as table "accounts" with psql's \\copy (the same table sql_check.py builds) into the database
psql reaches with OL_PSQL_ARGS (e.g. "-h /tmp/pg -p 55432 -U postgres"; it is dropped and
recreated), runs the exported query and compares every record with --score's output.

usage: sql_check_pg.py CLI QUERY.sql SCORES.csv DATA.csv
"""
import csv
import os
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sql_check as sc  # noqa: E402

cli, sql, scores, data = sys.argv[1:5]
delim, columns = sc.inspect_columns(cli, data)
psql = ["psql", *shlex.split(os.environ.get("OL_PSQL_ARGS", "")), "-q", "-v", "ON_ERROR_STOP=1"]
def q(n): return '"' + n.replace('"', '""') + '"'
kinds = ["DOUBLE PRECISION" if t in ("integer", "decimal") else "TEXT" for _, t in columns]
norm = os.path.abspath(scores) + ".accounts.csv"  # the table as CSV for \\copy (empty = NULL)
with open(data, newline="", encoding="utf-8-sig") as fh, open(norm, "w", newline="") as out:
    r = csv.reader(fh, delimiter=delim); next(r); w = csv.writer(out)
    w.writerow(["record"] + [n for n, _ in columns])
    for i, cells in enumerate(r, 1):
        row = [i]
        for c, k in zip(cells, kinds):
            v = c.strip()
            if v.lower() in sc.MISSING: row.append(None); continue
            if k != "TEXT":
                try: float(v)
                except ValueError: row.append(None); continue
            row.append(v)
        w.writerow(["" if x is None else x for x in row])
ddl = "DROP TABLE IF EXISTS accounts; CREATE TABLE accounts (record INTEGER, " + ", ".join(f"{q(n)} {k}" for (n, _), k in zip(columns, kinds)) + ");"
subprocess.run(psql + ["-c", ddl], check=True)
subprocess.run(psql + ["-c", f"\\copy accounts FROM '{norm}' WITH (FORMAT csv, HEADER true)"], check=True)
res = subprocess.run(psql + ["-A", "-F", "\t", "-t", "-f", sql], check=True, capture_output=True, text=True).stdout.splitlines()
want = list(csv.DictReader(open(scores)))
assert len(res) == len(want), (len(res), len(want))
worst = 0
for line, w in zip(res, want):
    f = line.split("\t")
    assert f[0] == w["record"], (f[0], w["record"])
    worst = max(worst, abs(float(f[1]) - float(w["points"])))
    assert worst <= 0.005 + 1e-9, (line, w)
    assert f[2:5] == [w["reason_1"], w["reason_2"], w["reason_3"]], (line, w)
os.remove(norm)
print(f"PostgreSQL {os.path.basename(data)}: {len(res)} records, max |diff| {worst:.2e}, reasons identical: OK")
