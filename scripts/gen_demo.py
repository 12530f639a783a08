#!/usr/bin/env python3
"""Write the page's demo ledger (issue #6): invoices.csv, payments.csv and contacts.csv in OUT_DIR.

A made-up trading company: 240 customers with Chinese names, about 9,000 invoices over the two
years up to 2026-10-31, each overdue type planted (scripts/gen_receivables.py --mix demo) and a
few payment-pattern switchers. The seed is fixed, so every build ships the same bytes. The ground
truth stays out of the page's directory (it would be fetchable, and it is the answer key).
usage: gen_demo.py OUT_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

SEED = 2024
ARGS = ["--mix", "demo", "--seed", str(SEED), "--customers", "240", "--invoices", "9000",
        "--start", "2024-11-01", "--days", "730", "--headers", "zh"]


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[0]
    generator = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_receivables.py")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, generator, *ARGS, "--out", tmp], check=True)
        os.makedirs(out, exist_ok=True)
        for name in ("invoices.csv", "payments.csv", "contacts.csv"):
            shutil.copyfile(os.path.join(tmp, name), os.path.join(out, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
