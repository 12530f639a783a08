#!/usr/bin/env bash
# Workbooks hold the same data as CSV (issue #18): builds the test workbooks from CSV fixtures
# (make_workbooks.py: dates in several formats, the 1904 system, merged title rows, empty rows,
# two sheets, shared/inline/rich strings, zero-padded ids, error cells, formulas with and without
# cached values, a day/month-swapped column) into build/workbook/, then for each one:
#   - `analyze` on the workbook (--sheet FILE:NAME for each of a two-sheet workbook's tables) and on
#     its CSV give the same JSON once file names and the "sheet" field are set aside
#     (compare_analysis.py);
#   - the cell text the reader should produce (reader_text/*.csv), imported as CSV, gives that same
#     JSON too: so a difference is the reader's, and the fixture itself is sound;
#   - the swapped workbook with --set import.excel_date_swap=keep gives a different analysis: the
#     one of the dates as stored;
#   - `inspect` lists the error cells (#N/A) and the formulas without a cached value as cell errors
#     of their columns (the rows themselves are accepted: those columns are not needed);
#   - the wasm CLI (node) prints the same analysis as the native one for a two-sheet workbook.
# Prints a line per check and 'N passed, N failed'; exits 1 on any failure.
# usage: tests/workbook/run.sh       (NATIVE_CLI / WASM_CLI override the binaries' paths)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
native=${NATIVE_CLI:-$repo/build/native/overdue-lens}
wasm=${WASM_CLI:-$repo/build/wasm/overdue-lens.js}
here=$repo/tests/workbook
out=$repo/build/workbook
[ -x "$native" ] || { echo "workbook: missing $native (build it first)" >&2; exit 2; }
# Debian's python3-xlsxwriter / python3-openpyxl live under /usr/bin/python3; a pyenv python3
# first on PATH lacks them.
py=python3
"$py" -c 'import xlsxwriter, openpyxl' 2>/dev/null || py=/usr/bin/python3
"$py" -c 'import xlsxwriter, openpyxl' 2>/dev/null ||
  { echo "workbook: python3-xlsxwriter / python3-openpyxl are not installed (scripts/setup.sh)" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/json"
"$py" "$here/make_workbooks.py" "$out" || exit 1

passed=0
failed=0
pass() { echo "ok      $1"; passed=$((passed + 1)); }
fail() { echo "FAILED  $1"; [ -n "${2:-}" ] && sed 's/^/        /' <<<"$2"; failed=$((failed + 1)); }

# Runs the native CLI's analyze on the arguments ($2...) into $out/json/$1.json; prints its stderr
# and returns its exit status when it fails.
analyze() {
  local json=$out/json/$1.json; shift
  "$native" analyze "$@" --json "$json" 2>"$json.err" || { head -3 "$json.err"; return 1; }
}
slug() { tr -c 'A-Za-z0-9_\n' '_' <<<"$1"; }

# [SECTION] each workbook (and its reader text) against its CSV
while IFS='|' read -r name csv_args book_args csv_labels book_labels compare_options; do
  IFS=$'\t' read -ra csvs <<<"$csv_args"
  IFS=$'\t' read -ra book <<<"$book_args"
  IFS=$'\t' read -ra la <<<"$csv_labels"
  IFS=$'\t' read -ra lb <<<"$book_labels"
  IFS=$'\t' read -ra options <<<"$compare_options"
  pairs=()
  for i in "${!la[@]}"; do pairs+=("${la[$i]}=${lb[$i]}"); done
  s=$(slug "$name")
  if ! err=$(analyze "$s.csv" "${csvs[@]}"); then fail "$name: analyze on the CSV" "$err"; continue; fi
  if ! err=$(analyze "$s.book" "${book[@]}"); then fail "$name: analyze on the workbook" "$err"; continue; fi
  if diff=$("$py" "$here/compare_analysis.py" "${options[@]}" "$out/json/$s.csv.json" "$out/json/$s.book.json" "${pairs[@]}"); then
    pass "$name: the same analysis as ${la[*]}${options[*]:+ (${options[*]})}"
  else
    fail "$name: the analysis differs from ${la[*]}'s" "$diff"
  fi
done <"$out/cases.txt"

# [SECTION] the day/month swap kept as stored
if err=$(analyze swapped.keep "$out/swapped.xlsx" --set import.excel_date_swap=keep) &&
   err=$(analyze swapped.kept_text "$out/reader_text/swapped_kept.csv" --set import.excel_date_swap=keep); then
  # The notes naming the swaps stay (they say the cells were kept as stored): set aside.
  if diff=$("$py" "$here/compare_analysis.py" --expect-different "$out/json/swapped.csv.json" \
              "$out/json/swapped.keep.json" invoices_quickbooks.csv=swapped.xlsx:Invoices) &&
     diff=$("$py" "$here/compare_analysis.py" --new-notes=2:"kept as stored" "$out/json/swapped.kept_text.json" "$out/json/swapped.keep.json" \
              swapped_kept.csv=swapped.xlsx:Invoices); then
    pass "swapped: excel_date_swap=keep reads the dates as stored (a different analysis)"
  else
    fail "swapped: excel_date_swap=keep" "$diff"
  fi
else
  fail "swapped: analyze with excel_date_swap=keep" "$err"
fi

# [SECTION] error cells and formulas without a cached value: listed as cell errors
if "$native" inspect "$out/ledger_zh.xlsx" >"$out/json/ledger_zh.inspect.json" 2>"$out/json/ledger_zh.inspect.err"; then
  if err=$("$py" - "$out/json/ledger_zh.inspect.json" <<'EOF'
import collections, json, sys
f = json.load(open(sys.argv[1], encoding='utf-8'))['files'][0]
by_column = collections.Counter(e['column'] for e in f['cell_errors'])
total = f.get('cell_errors_total', len(f['cell_errors']))
na = sum(1 for e in f['cell_errors'] if e['column'] == '收款日期' and '#N/A' in e['text'] + e['reason'])
want = {'收款日期': 2, '逾期天数': 7}  # two #N/A where the CSV has no payment date; 7 uncached formulas
if dict(by_column) != want or total != 9 or na != 2 or f['rows']['rejected'] != 0:
    sys.exit('cell errors by column %s (want %s), total %s, #N/A named %d times, rows %s' %
             (dict(by_column), want, total, na, f['rows']))
EOF
  ); then
    pass "ledger_zh: inspect lists 2 #N/A cells and 7 formulas without a cached value; no row rejected"
  else
    fail "ledger_zh: inspect's cell errors" "$err"
  fi
else
  fail "ledger_zh: inspect on the workbook" "$(cat "$out/json/ledger_zh.inspect.err")"
fi

# [SECTION] the wasm CLI reads a workbook as the native one does
if [ -f "$wasm" ] && command -v node >/dev/null; then
  two=(--sheet invoices_payments.xlsx:Invoices --sheet invoices_payments.xlsx:Payments "$out/invoices_payments.xlsx")
  "$native" analyze "${two[@]}" >"$out/json/parity.native.json" 2>&1; native_rc=$?
  node --no-experimental-fetch "$wasm" analyze "${two[@]}" >"$out/json/parity.wasm.json" 2>&1; wasm_rc=$?
  if [ "$native_rc" = 0 ] && [ "$wasm_rc" = 0 ] && cmp -s "$out/json/parity.native.json" "$out/json/parity.wasm.json"; then
    pass "invoices_payments: the wasm CLI prints the same analysis as the native one"
  else
    fail "invoices_payments: wasm CLI (exit $wasm_rc) differs from native (exit $native_rc)" \
      "$(cmp "$out/json/parity.native.json" "$out/json/parity.wasm.json" 2>&1 | head -1; head -c 300 "$out/json/parity.wasm.json")"
  fi
else
  fail "the wasm CLI: missing $wasm or node"
fi

echo "workbook: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
