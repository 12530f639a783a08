#!/usr/bin/env bash
# Overdue-type check on generated data (issue #4): generate customers of each planted type
# (scripts/gen_receivables.py --mix types: a good payer hit by a one-off shock, a chronically
# partial payer, a chronically late payer, a stopper who broke promises, a silent stopper), run
# `overdue-lens analyze` with the contact log, and require the planted type back for ≥ 95 % of
# them (tests/classify/compare_types.py prints the confusion table). Then once without the contact
# log: silent stoppers must still be found; the table shows what the log adds.
#
# usage: tests/classify/run.sh [BUILD_DIR] — default build/native; env SEEDS="1 2 3", CUSTOMERS=400
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build/native}"
SEEDS="${SEEDS:-1 2 3}"
CUSTOMERS="${CUSTOMERS:-400}"
INVOICES="${INVOICES:-40000}"
OUT="$BUILD/classify"
CLI="$BUILD/overdue-lens"
status=0
for seed in $SEEDS; do
  dir="$OUT/seed$seed"
  python3 "$ROOT/scripts/gen_receivables.py" --mix types --customers "$CUSTOMERS" --invoices "$INVOICES" \
    --seed "$seed" --out "$dir"
  as_of="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$dir/ground_truth.json")"
  "$CLI" analyze "$dir/invoices.csv" "$dir/payments.csv" "$dir/contacts.csv" --as-of "$as_of" \
    --json "$dir/analysis.json"
  echo "== seed $seed, with the contact log"
  python3 "$ROOT/tests/classify/compare_types.py" --require-contacts "$dir/ground_truth.json" \
    "$dir/analysis.json" || status=1
  if [ "$seed" = "${SEEDS%% *}" ]; then
    "$CLI" analyze "$dir/invoices.csv" "$dir/payments.csv" --as-of "$as_of" --json "$dir/analysis_no_log.json"
    echo "== seed $seed, without the contact log (broken promises cannot be seen; not held to the recall)"
    python3 "$ROOT/tests/classify/compare_types.py" "$dir/ground_truth.json" "$dir/analysis_no_log.json" || status=1
  fi
done
exit $status
