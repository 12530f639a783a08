#!/usr/bin/env bash
# Reference test for `overdue-lens analyze` (issue #3): a generated ledger of 100,000 invoices
# (../shared/bench-anchors/gen_ledger.py), the CLI's open total and aging buckets at several as-of
# dates against an independent pandas computation (aging_reference.py), equal to the cent. Then
# the CLI's wall time on 1,000,000 invoices (skip with OL_REFERENCE_1M=0).
# usage: tests/reference/run.sh        (CLI: $OL_CLI, default build/native/overdue-lens)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
cli=${OL_CLI:-$root/build/native/overdue-lens}
gen=${OL_GEN_LEDGER:-$root/../shared/bench-anchors/gen_ledger.py}
out=$root/build/reference
mkdir -p "$out"
[ -x "$cli" ] || { echo "reference: no CLI at $cli (build first)" >&2; exit 1; }
[ -f "$gen" ] || { echo "reference: generator not found at $gen" >&2; exit 1; }
# Debian's python3-pandas lives under /usr/bin/python3; a pyenv/venv python3 first on PATH lacks it.
py=${OL_PYTHON:-python3}
if ! "$py" -c 'import pandas' 2>/dev/null; then
  if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then py=/usr/bin/python3
  else echo "reference: python3-pandas is not installed" >&2; exit 1; fi
fi

ledger=$out/ledger_100k.csv
[ -f "$ledger" ] || python3 "$gen" 100000 "$ledger" 42

# Dates inside the data's span (2019-01-01 .. 2024-12-30 plus up to 120 days of payments), a
# month end, a leap day, and the default (the latest date in the data).
specs=()
for as_of in 2019-03-31 2020-02-29 2021-07-15 2022-12-31 2024-06-30 default; do
  json=$out/analyze_100k_$as_of.json
  if [ "$as_of" = default ]; then
    "$cli" analyze "$ledger" --json "$json"
  else
    "$cli" analyze "$ledger" --as-of "$as_of" --json "$json"
  fi
  specs+=("$as_of:$json")
done
"$py" "$root/tests/reference/aging_reference.py" "$ledger" "${specs[@]}"
expected_outstanding=$(python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["outstanding"])' "$ledger.expected.json")
cli_open=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]), parse_float=str)["totals"]["open"])' "$out/analyze_100k_default.json")
echo "reference: generator's outstanding $expected_outstanding, CLI open at the default as-of date $cli_open"
[ "$expected_outstanding" = "$cli_open" ] || { echo "reference: outstanding differs" >&2; exit 1; }

if [ "${OL_REFERENCE_1M:-1}" != 0 ]; then
  big=$out/ledger_1m.csv
  [ -f "$big" ] || python3 "$gen" 1000000 "$big" 7
  t0=$(date +%s%N)
  "$cli" analyze "$big" --json "$out/analyze_1m.json"
  t1=$(date +%s%N)
  echo "reference: analyze on 1,000,000 invoices ($(du -h "$big" | cut -f1)): $(( (t1 - t0) / 1000000 )) ms wall"
fi
