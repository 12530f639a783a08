#!/usr/bin/env bash
# The performance benchmark (issue #7): generates the anchors' invoice ledger with a fixed seed
# into build/bench/, then runs tests/bench/bench.mjs: the native CLI and `wc -l`, and one headless
# Chromium session on the real page (drop → dashboard, the importer, PapaParse and uDSV on the same
# bytes). From 1,000,000 rows (the full run) also the workbooks of issue #18: the UCI credit-card
# data and a 30,000 × 25 ledger written as .xlsx (tests/bench/make_bench_workbooks.py, made once
# into build/bench/), each dropped on the page and read by SheetJS in the same session.
# Prints a table, writes build/bench/results.json; exits non-zero on a wrong answer.
# usage: scripts/bench.sh [--native-only] [ROWS]   (default 1000000)
#   --native-only: the native CLI alone (no wasm build, no Chromium): median of 3, peak RSS and the
#   checksums, written to build/bench/results_<N>m.json (issue #19: `--native-only 10000000`).
#   env: OL_WEB_DIR (default build/wasm/web), NATIVE_CLI (default build/native/overdue-lens),
#        OL_SINGLE_HTML (default build/single/overdue-lens.html, else built into build/bench/),
#        OL_BENCH_WORKBOOKS=1|0 (default 1 from 1,000,000 rows: the workbook runs take ~30 s,
#        more than the CI smoke run's share)
set -euo pipefail
cd "$(dirname "$0")/.."
native_only=()
if [ "${1:-}" = --native-only ]; then native_only=(--native-only); shift; fi
rows=${1:-1000000}
seed=42
out=build/bench
mkdir -p "$out"

export NATIVE_CLI=${NATIVE_CLI:-build/native/overdue-lens}
export OL_WEB_DIR=${OL_WEB_DIR:-build/wasm/web}
if [ ! -x "$NATIVE_CLI" ]; then bash scripts/build.sh native; fi
if [ ${#native_only[@]} -gt 0 ]; then
  csv=$out/ledger_${rows}_seed${seed}.csv
  if [ ! -f "$csv" ] || [ ! -f "$csv.expected.json" ]; then
    python3 ../shared/bench-anchors/gen_ledger.py "$rows" "$csv" "$seed"
  fi
  exec node tests/bench/bench.mjs --native-only "$csv" "$out"
fi
if [ ! -f "$OL_WEB_DIR/overdue-lens-app.wasm" ]; then bash scripts/build.sh wasm; fi
if [ -z "${OL_SINGLE_HTML:-}" ]; then
  if [ -f build/single/overdue-lens.html ] && [ build/single/overdue-lens.html -nt "$OL_WEB_DIR/overdue-lens-app.wasm" ]; then
    OL_SINGLE_HTML=build/single/overdue-lens.html
  else
    OL_SINGLE_HTML=$out/overdue-lens.html
    python3 scripts/build_single.py "$OL_WEB_DIR" "$OL_SINGLE_HTML" >/dev/null
  fi
fi
export OL_SINGLE_HTML
# The browser tests' npm packages (playwright-core, papaparse, udsv, xlsx).
if [ ! -d tests/browser/node_modules/udsv ] || [ ! -d tests/browser/node_modules/papaparse ] ||
   [ ! -d tests/browser/node_modules/xlsx ]; then
  (cd tests/browser && npm ci --no-audit --no-fund >/dev/null)
fi

csv=$out/ledger_${rows}_seed${seed}.csv
if [ ! -f "$csv" ] || [ ! -f "$csv.expected.json" ]; then
  python3 ../shared/bench-anchors/gen_ledger.py "$rows" "$csv" "$seed"
fi
if [ "${OL_BENCH_WORKBOOKS:-$([ "$rows" -ge 1000000 ] && echo 1 || echo 0)}" = 1 ]; then
  # Debian's python3-xlsxwriter is under /usr/bin/python3; a pyenv python3 first on PATH lacks it.
  py=python3
  "$py" -c 'import xlsxwriter' 2>/dev/null || py=/usr/bin/python3
  "$py" tests/bench/make_bench_workbooks.py ../shared/data/uci-credit-default/UCI_Credit_Card.csv "$out"
  export OL_BENCH_WORKBOOK_DIR=$out
fi
# Issue #19: a run larger than 100,000 rows also drops the 100,000-row file in the same session
# (the 100 k figures of results.json).
if [ "$rows" -gt 100000 ]; then
  small=$out/ledger_100000_seed${seed}.csv
  if [ ! -f "$small" ] || [ ! -f "$small.expected.json" ]; then
    python3 ../shared/bench-anchors/gen_ledger.py 100000 "$small" "$seed"
  fi
  export OL_BENCH_SMALL_CSV=$small
fi
exec node tests/bench/bench.mjs "$csv" "$out"
