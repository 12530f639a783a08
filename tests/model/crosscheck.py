#!/usr/bin/env python3
"""Cross-check of `overdue-lens model` against scikit-learn on exactly the same split.

usage: crosscheck.py CLI FILE TARGET [--l2 LAMBDA] [--tolerance-auc 0.005] [--tolerance-pca 1e-6]

Runs the CLI with --split-out and --json, then, independently of the CLI's own choices:
  features = every numeric column except the target and identifier-like columns (integers, no
             missing value, all distinct), missing values replaced by the training median;
  logistic = StandardScaler fitted on the training rows, LogisticRegression(C = 1 / (λ·n_train))
             — the same objective as the CLI's (mean log-loss + λ/2·‖w‖², intercept free);
  PCA      = sklearn PCA on the same standardised training rows.
  binning  = (issue #21) every p-value of the binning tables against scipy's chi2_contingency
             (correction=False) on the same counts, every JS term against numpy; with
             --model-arg=--special=FEATURE:CODES the special bins' counts against the split file.
Fails (exit 1) when the test AUC differs by more than the tolerance, when the explained variance
ratios differ by more than theirs, or when the two sides do not use the same features.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy.special import xlogy
from scipy.stats import chi2_contingency
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler


def read_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def as_number(cell):
    c = cell.strip()
    if c == "" or c.upper() in ("NA", "N/A", "NULL", "NAN", "-"):
        return math.nan
    try:
        return float(c)
    except ValueError:
        return None  # text


def check_binning_tables(lab):
    """Issue #21 §1: every p-value of the binning tables against scipy's chi2_contingency without
    continuity correction on the same counts (1e-9 relative), every JS term against numpy's
    optbinning formula (the JSON's 6 decimals), and the table's counts against the bins."""
    worst_p, worst_js, tests, ok = 0.0, 0.0, 0, True
    for f in lab["features"]:
        rows = f["table"]["rows"]
        if [(r["non_events"], r["events"]) for r in rows] != [(b["good"], b["bad"]) for b in f["bins"]]:
            print(f"FAIL: {f['name']}: table counts differ from the bins")
            ok = False
        ev = np.array([r["events"] for r in rows], dtype=float)
        ne = np.array([r["non_events"] for r in rows], dtype=float)
        p, q = ev / ev.sum(), ne / ne.sum()
        m = 0.5 * (p + q)
        js = 0.5 * (xlogy(p, np.where(m > 0, p / np.where(m > 0, m, 1), 1)) +
                    xlogy(q, np.where(m > 0, q / np.where(m > 0, m, 1), 1)))
        for i, r in enumerate(rows):
            worst_js = max(worst_js, abs(r["js"] - js[i]))
            if r["p_value_next"] is None:
                continue
            n = rows[i + 1]
            want = chi2_contingency([[r["events"], r["non_events"]], [n["events"], n["non_events"]]],
                                    correction=False)[1]
            rel = abs(r["p_value_next"] - want) / want if want > 0 else abs(r["p_value_next"])
            worst_p = max(worst_p, rel)
            tests += 1
            if r["merge_suggested"] != (r["p_value_next"] > 0.05):
                print(f"FAIL: {f['name']} bin {i + 1}: merge_suggested disagrees with p = {r['p_value_next']}")
                ok = False
    print(f"  binning tables: {tests} chi-square p-values vs scipy, max relative diff {worst_p:.2e}; "
          f"JS max |diff| {worst_js:.2e}")
    if worst_p > 1e-9:
        print("FAIL: a p-value differs from scipy's by more than 1e-9 relative")
        ok = False
    if worst_js > 1.5e-6:
        print("FAIL: a JS term differs from numpy's by more than the JSON's rounding")
        ok = False
    return ok


def check_special_counts(lab, header, rows, train, model_args):
    """With --special FEATURE:codes: each special bin holds exactly the training rows with that
    value (counted here from the split file), and no range bin holds any of them."""
    ok = True
    for extra in model_args:
        if not extra.startswith("--special="):
            continue
        feature, codes = extra[len("--special="):].rsplit(":", 1)
        j = header.index(feature)
        values = np.array([as_number(r[j]) for r in rows], dtype=float)[train]
        f = next(f for f in lab["features"] if f["name"] == feature)
        specials = {b["special"]: b["good"] + b["bad"] for b in f["bins"] if b["kind"] == "special"}
        ranged = sum(b["good"] + b["bad"] for b in f["bins"] if b["kind"] == "range")
        codes = sorted(float(c) for c in codes.split(","))
        want_ranged = int(np.sum(~np.isnan(values) & ~np.isin(values, codes)))
        got = [specials.get(c) for c in codes]
        want = [int(np.sum(values == c)) for c in codes]
        print(f"  specials of {feature}: {dict(zip(codes, got))} training rows (counted here: {want}); "
              f"range bins {ranged} (here {want_ranged})")
        if got != want or ranged != want_ranged:
            print(f"FAIL: the special bins of {feature} do not hold exactly the training rows with those codes")
            ok = False
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("file")
    ap.add_argument("target")
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--tolerance-auc", type=float, default=0.005)
    ap.add_argument("--tolerance-pca", type=float, default=1e-6)
    ap.add_argument("--model-arg", action="append", default=[],
                    help="one more CLI argument (repeatable), e.g. --model-arg=--special=PAY_0:-2,-1")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        split_path = os.path.join(tmp, "split.csv")
        json_path = os.path.join(tmp, "lab.json")
        cmd = [a.cli, "model", a.file, "--target", a.target, "--l2", repr(a.l2),
               "--split-out", split_path, "--json", json_path]
        for extra in a.model_arg:  # "--special=PAY_0:-2,-1" → "--special", "PAY_0:-2,-1"
            cmd += extra.split("=", 1) if extra.startswith("--") and "=" in extra else [extra]
        subprocess.run(cmd, check=True)
        lab = json.load(open(json_path))
        split = {}
        with open(split_path) as f:
            for line in f:
                rec, part = line.strip().split(",")
                split[int(rec)] = part

    header, rows = read_table(a.file)
    t = header.index(a.target)
    # Records are 1-based data rows (this check assumes a file without rejected records).
    if len(split) != len(rows):
        print(f"FAIL: split has {len(split)} records, file has {len(rows)}")
        return 1
    y = np.array([int(float(r[t])) for r in rows])
    names, cols = [], []
    for j, name in enumerate(header):
        if j == t:
            continue
        values = [as_number(r[j]) for r in rows]
        if any(v is None for v in values):
            continue  # a text column: not in the numeric logistic model
        v = np.array(values, dtype=float)
        present = v[~np.isnan(v)]
        is_int = np.all(present == np.round(present))
        if is_int and len(present) == len(v) and len(np.unique(v)) == len(v):
            continue  # identifier-like
        names.append(name)
        cols.append(v)
    X = np.column_stack(cols)
    train = np.array([split[i + 1] == "train" for i in range(len(rows))])
    test = ~train
    for j in range(X.shape[1]):  # training median for missing values
        miss = np.isnan(X[:, j])
        if miss.any():
            X[miss, j] = np.median(X[train & ~miss, j])

    ours = lab["models"]["logistic"]
    our_names = [c["name"] for c in ours["coefficients"]]
    if our_names != names:
        print(f"FAIL: features differ\n  ours:    {our_names}\n  sklearn: {names}")
        return 1
    if lab["split"]["train"] != int(train.sum()) or lab["split"]["test"] != int(test.sum()):
        print("FAIL: split sizes differ from the split file")
        return 1

    scaler = StandardScaler().fit(X[train])
    Z = scaler.transform(X)
    n_train = int(train.sum())
    model = LogisticRegression(C=1.0 / (a.l2 * n_train), max_iter=10000, tol=1e-10)
    model.fit(Z[train], y[train])
    auc = roc_auc_score(y[test], model.predict_proba(Z[test])[:, 1])
    pca = PCA().fit(Z[train])
    ratio = pca.explained_variance_ratio_
    our_ratio = np.array(lab["pca"]["explained_variance_ratio"])

    print(f"{os.path.basename(a.file)}: {len(names)} features, train {n_train}, test {int(test.sum())}, l2 {a.l2}")
    print(f"  logistic test AUC  overdue-lens {ours['auc']:.6f}  sklearn {auc:.6f}  diff {abs(ours['auc'] - auc):.2e}")
    diff = np.max(np.abs(our_ratio - ratio)) if len(our_ratio) == len(ratio) else math.inf
    print(f"  PCA explained variance ratio: max |diff| {diff:.2e} over {len(ratio)} components "
          f"(first: ours {our_ratio[0]:.9f}, sklearn {ratio[0]:.9f})")
    ok = True
    if abs(ours["auc"] - auc) > a.tolerance_auc:
        print(f"FAIL: AUC differs by more than {a.tolerance_auc}")
        ok = False
    if not diff <= a.tolerance_pca:
        print(f"FAIL: PCA explained variance ratio differs by more than {a.tolerance_pca}")
        ok = False
    ok = check_binning_tables(lab) and ok
    ok = check_special_counts(lab, header, rows, train, a.model_arg) and ok
    print("  OK" if ok else "  FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
