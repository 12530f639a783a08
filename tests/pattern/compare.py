#!/usr/bin/env python3
"""Compares the pattern-change flags of an `analyze` JSON with the generator's ground truth.

usage: compare.py ground_truth.json analysis.json
Prints, per planted behaviour, how many customers were flagged; fails (exit 1) when the recall on
the planted changes (switchers, slowers, partial payers, stoppers) is below 80 % or more than 5 %
of the steady payers are flagged, or when a "new" customer (too little history) is flagged."""
import json
import sys

CHANGED = ("switcher", "slower", "partial", "stopper")
MIN_RECALL = 0.80
MAX_STEADY_FLAGGED = 0.05


def main(truth_path, analysis_path):
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)
    with open(analysis_path, encoding="utf-8") as f:
        analysis = json.load(f)
    flagged = {c["id"]: c.get("pattern_change") for c in analysis["customers"]}
    counts = {}  # behaviour -> [customers, flagged]
    misses = []
    for c in truth["customers"]:
        b = c["behaviour"]
        counts.setdefault(b, [0, 0])
        counts[b][0] += 1
        if c["id"] not in flagged:
            print(f"customer {c['id']} missing from the analysis", file=sys.stderr)
            return 1
        hit = flagged[c["id"]] is not None
        counts[b][1] += hit
        if (b in CHANGED) != hit:
            misses.append((b, c["id"], c["params"].get("rhythm"), c["change_date"],
                           (flagged[c["id"]] or {}).get("summary")))
    print(f"as of {analysis.get('as_of')}: {len(truth['customers'])} customers, "
          f"{truth['invoices']} invoices, {truth['payments']} payments")
    for b in ("steady",) + CHANGED + ("new",):
        n, k = counts.get(b, [0, 0])
        print(f"  {b:9s} {k:4d} of {n:4d} flagged")
    planted = sum(counts.get(b, [0, 0])[0] for b in CHANGED)
    found = sum(counts.get(b, [0, 0])[1] for b in CHANGED)
    steady_n, steady_k = counts.get("steady", [0, 0])
    recall = found / planted if planted else 1.0
    fp_rate = steady_k / steady_n if steady_n else 0.0
    print(f"recall on planted changes {found}/{planted} = {recall:.1%} (need ≥ {MIN_RECALL:.0%}); "
          f"steady payers flagged {steady_k}/{steady_n} = {fp_rate:.1%} (allowed ≤ {MAX_STEADY_FLAGGED:.0%})")
    for m in misses[:20]:
        print("  wrong:", *m)
    ok = recall >= MIN_RECALL and fp_rate <= MAX_STEADY_FLAGGED and counts.get("new", [0, 0])[1] == 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
