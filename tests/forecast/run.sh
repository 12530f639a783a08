#!/usr/bin/env bash
# The forecast's backtest on data with planted behaviours (issue #20 §1): the demo ledger
# (scripts/gen_demo.py) and the generator's two mixes (scripts/gen_receivables.py: payment-pattern
# changes; the overdue types with their contact log). `overdue-lens analyze` replays the forecast at
# past month ends; this prints the mean absolute error in days of the method and of the two simple
# ones (the due date; the due date + the customer's average delay so far) and fails unless the
# method's is strictly lower than both on every data set. A few seconds.
#
# usage: tests/forecast/run.sh [BUILD_DIR] — default build/native; env CUSTOMERS=300, INVOICES=20000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build/native}"
CUSTOMERS="${CUSTOMERS:-300}"
INVOICES="${INVOICES:-20000}"
OUT="$BUILD/forecast"
CLI="$BUILD/overdue-lens"
rm -rf "$OUT"
mkdir -p "$OUT"

python3 "$ROOT/scripts/gen_demo.py" "$OUT/demo" >/dev/null
"$CLI" analyze "$OUT/demo/invoices.csv" "$OUT/demo/payments.csv" "$OUT/demo/contacts.csv" \
  --json "$OUT/demo/analysis.json"

python3 "$ROOT/scripts/gen_receivables.py" --customers "$CUSTOMERS" --invoices "$INVOICES" --seed 7 \
  --out "$OUT/patterns" >/dev/null
as_of="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/patterns/ground_truth.json")"
"$CLI" analyze "$OUT/patterns/invoices.csv" "$OUT/patterns/payments.csv" --as-of "$as_of" \
  --json "$OUT/patterns/analysis.json"

python3 "$ROOT/scripts/gen_receivables.py" --mix types --customers "$CUSTOMERS" --invoices "$INVOICES" \
  --seed 8 --out "$OUT/types" >/dev/null
as_of="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$OUT/types/ground_truth.json")"
"$CLI" analyze "$OUT/types/invoices.csv" "$OUT/types/payments.csv" "$OUT/types/contacts.csv" --as-of "$as_of" \
  --json "$OUT/types/analysis.json"

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
status = 0
print(f"{'data':<10}{'dates':>6}{'invoices':>10}{'never paid':>11}  MAE days: {'method':>7}{'due date':>10}{'due+avg':>9}"
      f"   30-day cash error: {'method':>7}{'due date':>10}{'due+avg':>9}")
for name in ("demo", "patterns", "types"):
    f = json.load(open(f"{out}/{name}/analysis.json"))["forecast"]
    b = f["backtest"]
    mae, cash = b["mae_days"], b["cash_30d_error"]
    print(f"{name:<10}{b['dates']:>6}{b['invoices']:>10}{b['never_paid']:>11}  {'':10}{mae['method']:>7.2f}"
          f"{mae['due_date']:>10.2f}{mae['due_plus_average_delay']:>9.2f}   {'':20}{cash['method']:>7.4f}"
          f"{cash['due_date']:>10.4f}{cash['due_plus_average_delay']:>9.4f}")
    if b["invoices"] == 0 or b["dates"] == 0:
        print(f"FAIL: {name}: the backtest replayed nothing"); status = 1
    if not (mae["method"] < mae["due_date"] and mae["method"] < mae["due_plus_average_delay"]):
        print(f"FAIL: {name}: the method's MAE is not strictly below both simple methods"); status = 1
    if len(f["weeks"]) != 13:
        print(f"FAIL: {name}: {len(f['weeks'])} weeks, not 13"); status = 1
    for w in f["weeks"] + [f["next_7_days"], f["next_30_days"]]:
        if not (w["low"] <= w["expected"] <= w["high"]):
            print(f"FAIL: {name}: a range does not hold its expected amount: {w}"); status = 1
sys.exit(status)
PY
