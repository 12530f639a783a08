#!/usr/bin/env python3
"""Runs the scorecard's SQL export (`model --export-sql`) in SQLite and compares it with `--score`
on every record: points within 0.005, identical reasons (issue #21 §2).

The table "accounts" is built as the query expects: "record" (the accepted-record number) and the
data's columns under the names `overdue-lens inspect` gives them, numbers as REAL, text trimmed,
every missing marker (empty, NA, N/A, null, nan, "-") as NULL.

usage: sql_check.py CLI DATA.csv TARGET          a data set: model, export, score, compare
       sql_check.py --fixture TESTS CLI          the unit tests' hand-built card (special, missing,
                                                 unseen and text values; OL_SQL_FIXTURE_DIR)
"""
import csv
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

MISSING = {"", "na", "n/a", "null", "nan", "-"}


def inspect_columns(cli, path):
    doc = json.loads(subprocess.run([cli, "inspect", path], check=True, capture_output=True).stdout)
    f = doc["files"][0]
    if f["rows"]["rejected"] or f["rows"].get("set_aside", 0) or not f["header"]:
        raise SystemExit(f"sql_check: {path}: only clean headed files (no rejected rows) are loaded here")
    return f["delimiter"], [(c["name"], c["type"]) for c in f["columns"]]


def load_accounts(db, path, delimiter, columns):
    def quote(name):
        return '"' + name.replace('"', '""') + '"'

    kinds = []
    for _, t in columns:
        if t in ("integer", "decimal"):
            kinds.append("REAL")
        elif t == "text":
            kinds.append("TEXT")
        else:  # dates would be days since 1970-01-01; neither data set has one
            kinds.append("SKIP")
    cols = [(n, k) for (n, _), k in zip(columns, kinds) if k != "SKIP"]
    db.execute("CREATE TABLE accounts (record INTEGER, " + ", ".join(f"{quote(n)} {k}" for n, k in cols) + ")")

    def value(cell, kind):
        cell = cell.strip()
        if cell.lower() in MISSING:
            return None
        if kind == "REAL":
            try:
                return float(cell)
            except ValueError:
                return None  # the importer counts an unparsable number as missing
        return cell

    rows = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        next(reader)
        for record, cells in enumerate(reader, start=1):
            rows.append([record] + [value(c, k) for c, k in zip(cells, kinds) if k != "SKIP"])
    db.executemany(f"INSERT INTO accounts VALUES ({', '.join('?' * (len(cols) + 1))})", rows)
    return len(rows)


def compare(sql_path, scores_path, data_path, delimiter, columns, label):
    db = sqlite3.connect(":memory:")
    t0 = time.time()
    n = load_accounts(db, data_path, delimiter, columns)
    got = db.execute(open(sql_path, encoding="utf-8").read()).fetchall()
    seconds = time.time() - t0
    with open(scores_path, newline="", encoding="utf-8") as fh:
        want = list(csv.DictReader(fh))
    if len(got) != len(want) or len(got) != n:
        raise SystemExit(f"FAIL {label}: SQL gave {len(got)} rows, --score {len(want)}, table {n}")
    worst, reasons_seen, same_text = 0.0, 0, 0
    for g, w in zip(got, want):
        record, points = g[0], g[1]
        if str(record) != w["record"]:
            raise SystemExit(f"FAIL {label}: record {record} vs {w['record']}")
        # --score prints 2 decimals (rounding moves it by ≤ 0.005); 1e-9 for the sums' last bits.
        worst = max(worst, abs(points - float(w["points"])))
        if worst > 0.005 + 1e-9:
            raise SystemExit(f"FAIL {label}: record {record}: SQL points {points}, --score {w['points']}")
        same_text += f"{points:.2f}" == w["points"]
        sql_reasons = [r or "" for r in g[2:5]]
        cli_reasons = [w["reason_1"], w["reason_2"], w["reason_3"]]
        if sql_reasons != cli_reasons:
            raise SystemExit(f"FAIL {label}: record {record}: SQL reasons {sql_reasons}, --score {cli_reasons}")
        reasons_seen += sum(1 for r in cli_reasons if r)
    print(f"sql_check {label}: {n} records, points max |diff| {worst:.2e} ({same_text} print the same 2 decimals), "
          f"{reasons_seen} reasons identical, "
          f"SQLite load + query {seconds:.1f} s: OK")


def main():
    if sys.argv[1] == "--fixture":
        tests, cli = sys.argv[2], sys.argv[3]
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, OL_SQL_FIXTURE_DIR=tmp)
            subprocess.run([tests, "-tc=*SQL fixture*"], check=True, env=env, capture_output=True)
            data = os.path.join(tmp, "hand.csv")
            delimiter, columns = inspect_columns(cli, data)
            compare(os.path.join(tmp, "hand.sql"), os.path.join(tmp, "hand_scores.csv"), data, delimiter,
                    columns, "hand-built card (special, missing, unseen, text)")
        return
    cli, data, target = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as tmp:
        sql, scores = os.path.join(tmp, "q.sql"), os.path.join(tmp, "scores.csv")
        subprocess.run([cli, "model", data, "--target", target, "--export-sql", sql, "--score", data,
                        "--score-out", scores, "--json", os.path.join(tmp, "m.json")], check=True)
        delimiter, columns = inspect_columns(cli, data)
        compare(sql, scores, data, delimiter, columns, os.path.basename(data))


if __name__ == "__main__":
    main()
