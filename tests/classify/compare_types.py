#!/usr/bin/env python3
"""Compares the overdue types of an `analyze` JSON with the generator's planted types (issue #4).

usage: compare_types.py ground_truth.json analysis.json [--min-recall 0.95] [--require-contacts]
Prints the confusion table (planted behaviour × type found, "-" = not overdue) and the misses with
their rule trace. Fails (exit 1) when:
  * fewer than --min-recall of the customers with a planted type (shock → temporary,
    chronic_partial / chronic_late → structural, broken_promises / silent_stopper → stubborn)
    get that type (a planted customer that is not overdue counts as a miss);
  * an overdue customer has no type, or a customer that is not overdue has one;
  * an overdue `new` customer (too little history) is not marked low confidence.
Without --require-contacts (a run without the contact log), only silent stoppers are held to the
recall: broken promises are invisible then, which is the point of the log."""
import argparse
import json
import sys

TYPES = ("temporary", "structural", "stubborn")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("truth")
    ap.add_argument("analysis")
    ap.add_argument("--min-recall", type=float, default=0.95)
    ap.add_argument("--require-contacts", action="store_true")
    a = ap.parse_args(argv)
    truth, analysis = load(a.truth), load(a.analysis)
    found = {c["id"]: c for c in analysis["customers"]}
    problems, misses = [], []
    table = {}  # behaviour -> {type or "-": count}
    held_to = 0
    recovered = 0
    for c in truth["customers"]:
        got = found.get(c["id"])
        if got is None:
            problems.append(f"customer {c['id']} missing from the analysis")
            continue
        t = got.get("type") or "-"
        overdue = got.get("overdue_amount", got.get("overdue", 0))
        row = table.setdefault(c["behaviour"], {})
        row[t] = row.get(t, 0) + 1
        planted = c.get("planted_type")
        judged = planted is not None and (a.require_contacts or c["behaviour"] != "broken_promises")
        if judged:
            held_to += 1
            if t == planted:
                recovered += 1
            else:
                misses.append((c, got))
        if c["behaviour"] == "new" and t != "-" and not got.get("low_confidence"):
            problems.append(f"{c['id']}: an overdue new customer is not marked low confidence")
        if t == "-" and got.get("reasons"):
            problems.append(f"{c['id']}: not overdue but has a rule trace")
    for got in analysis["customers"]:
        if got.get("type") is None and got.get("priority") is not None:
            problems.append(f"{got['id']}: ranked but has no type")
    if not isinstance(analysis.get("types"), dict):
        problems.append("no top-level \"types\"")
    else:
        for t in TYPES:
            n = sum(1 for g in analysis["customers"] if g.get("type") == t)
            if analysis["types"][t]["customers"] != n:
                problems.append(f"types.{t}.customers = {analysis['types'][t]['customers']}, but {n} customers have it")

    cols = list(TYPES) + ["-"]
    print(f"{'planted behaviour':<18}{'planted type':<13}" + "".join(f"{c:>11}" for c in cols))
    planted_of = {c["behaviour"]: c.get("planted_type") for c in truth["customers"]}
    for b in sorted(table):
        print(f"{b:<18}{planted_of[b] or '(none)':<13}" + "".join(f"{table[b].get(c, 0):>11}" for c in cols))
    recall = recovered / held_to if held_to else 1.0
    print(f"recovered {recovered} of {held_to} planted types: {recall:.1%} (need ≥ {a.min_recall:.0%})")
    for c, got in misses[:10]:
        trace = " ".join(f"{r['rule'].split('_')[0]}={'H' if r['held'] else ('-' if r['held'] is None else 'm')}:{r['value']}"
                         for r in got.get("reasons", []))
        print(f"  miss {c['id']} {c['behaviour']} → {got.get('type')}: {trace}")
    for p in problems[:20]:
        print("FAIL:", p)
    ok = recall >= a.min_recall and not problems
    if not ok and recall < a.min_recall:
        print("FAIL: recall below the minimum")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
