#!/usr/bin/env bash
# Pattern-change check on generated data (issue #3): generate a few hundred customers with planted
# behaviours (scripts/gen_receivables.py), analyse them, and compare the flagged customers with
# the ground truth (tests/pattern/compare.py: recall ≥ 80 % on planted changes, ≤ 5 % of steady
# payers flagged). Uses `overdue-lens analyze` when the CLI has it, else the unit-test driver
# (tests/unit/test_pattern_generated.cpp) that runs the same analysis.
#
# usage: tests/pattern/run.sh [BUILD_DIR] — default build/native; env SEEDS="1 2 3", CUSTOMERS=400
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:-$ROOT/build/native}"
SEEDS="${SEEDS:-1 2 3}"
CUSTOMERS="${CUSTOMERS:-400}"
INVOICES="${INVOICES:-40000}"
OUT="$BUILD/pattern"
status=0
for seed in $SEEDS; do
  dir="$OUT/seed$seed"
  python3 "$ROOT/scripts/gen_receivables.py" --customers "$CUSTOMERS" --invoices "$INVOICES" \
    --seed "$seed" --out "$dir"
  if [ "$seed" = "${SEEDS%% *}" ]; then  # same seed, same bytes (the generator is deterministic)
    python3 "$ROOT/scripts/gen_receivables.py" --customers "$CUSTOMERS" --invoices "$INVOICES" \
      --seed "$seed" --out "$dir.again" 2>/dev/null
    for f in invoices.csv payments.csv ground_truth.json; do
      cmp -s "$dir/$f" "$dir.again/$f" || { echo "FAIL: $f differs between two runs of seed $seed"; status=1; }
    done
    rm -rf "$dir.again"
  fi
  as_of="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$dir/ground_truth.json")"
  if "$BUILD/overdue-lens" analyze --help >/dev/null 2>&1; then
    "$BUILD/overdue-lens" analyze "$dir/invoices.csv" "$dir/payments.csv" --as-of "$as_of" \
      --json "$dir/analysis.json"
  else
    echo "(overdue-lens has no analyze command: using the unit-test driver)"
    OL_PATTERN_DIR="$dir" OL_PATTERN_AS_OF="$as_of" "$BUILD/overdue_tests" \
      -tc="pattern: analysis of a generated data set*" >/dev/null
  fi
  echo "== seed $seed"
  python3 "$ROOT/tests/pattern/compare.py" "$dir/ground_truth.json" "$dir/analysis.json" || status=1
done
exit $status
