#!/usr/bin/env bash
# Native and wasm CLIs must print byte-identical `inspect` and `analyze` JSON and exit with the same status on
# every test file (DESIGN.md §8): every CSV/TXT under tests/data (recursively) and the real data
# sets in ../shared/data when present. Prints a line per file and a total; exits 1 on any
# difference.
# usage: tests/cli_parity.sh      (NATIVE_CLI / WASM_CLI override the binaries' paths)
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
native=${NATIVE_CLI:-$repo/build/native/overdue-lens}
wasm=${WASM_CLI:-$repo/build/wasm/overdue-lens.js}
shared="$repo/../shared/data"
[ -d "$shared" ] && shared=$(cd "$shared" && pwd)

for tool in "$native" "$wasm"; do
  [ -f "$tool" ] || { echo "cli_parity: missing $tool (build it first)" >&2; exit 2; }
done
command -v node >/dev/null || { echo "cli_parity: node not found" >&2; exit 2; }

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
  find "$repo/tests/data" -type f \( -iname '*.csv' -o -iname '*.txt' -o -iname '*.tsv' \) -print0 | LC_ALL=C sort -z)
if [ -d "$shared" ]; then
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$shared" -type f -iname '*.csv' -print0 | LC_ALL=C sort -z)
fi
[ ${#files[@]} -gt 0 ] || { echo "cli_parity: no test files found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
same=0
differ=0
# Runs both CLIs with the same arguments ($3...) and compares stdout and exit status; $1 is the
# label printed, $2 the exit status required (or "any").
compare_run() {
  local label=$1 want=$2; shift 2
  "$native" "$@" >"$tmp/native.out" 2>"$tmp/native.err"; local native_rc=$?
  node --no-experimental-fetch "$wasm" "$@" >"$tmp/wasm.out" 2>"$tmp/wasm.err"; local wasm_rc=$?
  if [ "$native_rc" = "$wasm_rc" ] && cmp -s "$tmp/native.out" "$tmp/wasm.out" &&
     { [ "$want" = any ] || [ "$native_rc" = "$want" ]; }; then
    echo "same    exit $native_rc  $(wc -c <"$tmp/native.out") bytes  $label"
    same=$((same + 1))
  else
    echo "DIFFER  exit native $native_rc / wasm $wasm_rc (want $want)  $label"
    cmp "$tmp/native.out" "$tmp/wasm.out" 2>&1 | head -1
    head -c 300 "$tmp/native.err" "$tmp/wasm.err"
    differ=$((differ + 1))
  fi
}
compare() { local label=$1; shift; compare_run "$label" any inspect "$@"; }

label_of() {  # repo-relative path, or ../shared/… for the shared data
  case $1 in
    "$repo"/*) echo "${1#"$repo"/}" ;;
    "$(dirname "$repo")"/*) echo "../${1#"$(dirname "$repo")"/}" ;;
    *) echo "$1" ;;
  esac
}
for f in "${files[@]}"; do compare "$(label_of "$f")" "$f"; done
# All files in one call: several entries in one document, and a missing file (exit 1) among them.
compare_run "all files + a missing one in one call" 1 inspect "${files[@]}" "$tmp/no-such-file.csv"
# Exit statuses (DESIGN.md §8): 1 unreadable input, 2 wrong usage, 0 help/version.
compare_run "a directory" 1 inspect "$repo/tests/data"
compare_run "no command" 2
compare_run "unknown command" 2 frobnicate
compare_run "inspect without files" 2 inspect
compare_run "unknown option" 2 inspect --bogus "${files[0]}"
# analyze (issue #3): the whole analysis JSON must match too, on ledgers of every shape.
d="$repo/tests/data"
compare_run "analyze one-table ledger (zh)" 0 analyze "$d/roles/ledger_zh.csv"
compare_run "analyze ledger at an as-of date, monthly" 0 analyze "$d/roles/ledger_zh.csv" --as-of 2024-04-15 --step month
compare_run "analyze invoices + payments (FIFO)" 0 analyze "$d/roles/invoices_quickbooks.csv" "$d/roles/payments_en.csv"
compare_run "analyze running ledger (GBK)" 0 analyze "$d/roles/running_ledger_kingdee_gbk.csv" --step day
compare_run "analyze generated ledger, custom buckets" 0 analyze "$d/ledger/generated_1000.csv" --buckets 15,45,120 --threshold 45
compare_run "analyze accounts only (no invoices)" 1 analyze "$d/roles/accounts_en.csv"
compare_run "analyze bad --as-of" 2 analyze "$d/roles/ledger_zh.csv" --as-of 2024-13-01
# Classification (issue #4): the per-customer types, traces, scores, plans, the allowance, the
# contact log and the settings in the JSON, with and without settings.
c="$d/cli"
cls=("$c/classify_invoices.csv" "$c/classify_payments.csv" "$d/classify/contacts_zh.csv")
compare_run "analyze classification + contact log" 0 analyze "${cls[@]}"
compare_run "analyze classification, --settings + --set" 0 analyze "${cls[@]}" --settings "$c/settings_strict.json" \
  --set classify.refusals=2 --set 'allowance.age_bands=<2y:0:200,>=2y:2:8000' --set scores.share_cap=0.35
compare_run "analyze classification, --allowance invoice_age_years" 0 analyze "${cls[@]}" --allowance invoice_age_years --lang en
compare_run "analyze generated ledger, classification" 0 analyze "$d/ledger/generated_1000.csv" --set classify.stubborn_dpd=150
compare_run "analyze bad settings file" 1 analyze "${cls[@]}" --settings "$c/settings_bad.json"
compare_run "analyze missing settings file" 1 analyze "${cls[@]}" --settings "$tmp/no-such-settings.json"
compare_run "analyze --set out of range" 2 analyze "${cls[@]}" --set classify.chronic_late_share=1.5
compare_run "analyze --set unknown key" 2 analyze "${cls[@]}" --set classify.nope=1
# Disputes and credit limits (issue #20 §2, §4): ledger with a 有争议 column, customers with limits,
# contact log with 争议 rows.
disp=("$d/disputes/ledger_zh.csv" "$d/disputes/customers_zh.csv" "$d/disputes/contacts_zh.csv")
compare_run "analyze disputes + credit limits" 0 analyze "${disp[@]}" --set credit.warning_share=0.8
# --save-settings then --settings: the same JSON (native and wasm each save, then each reload both files).
saved_args=(--as-of 2024-03-20 --threshold 15 --set classify.stubborn_no_payment_days=75 --allowance invoice_age_years
            --lang en --map customer_name=客户名称)
"$native" analyze "${cls[@]}" "${saved_args[@]}" --save-settings "$tmp/native.settings.json" >"$tmp/flags.native.out"
node --no-experimental-fetch "$wasm" analyze "${cls[@]}" "${saved_args[@]}" --save-settings "$tmp/wasm.settings.json" \
  >"$tmp/flags.wasm.out"
for who in native wasm; do
  "$native" analyze "${cls[@]}" --settings "$tmp/$who.settings.json" >"$tmp/reload.native.$who.out"
  node --no-experimental-fetch "$wasm" analyze "${cls[@]}" --settings "$tmp/$who.settings.json" >"$tmp/reload.wasm.$who.out"
done
if cmp -s "$tmp/native.settings.json" "$tmp/wasm.settings.json" && cmp -s "$tmp/flags.native.out" "$tmp/flags.wasm.out" &&
   cmp -s "$tmp/flags.native.out" "$tmp/reload.native.native.out" && cmp -s "$tmp/flags.native.out" "$tmp/reload.wasm.native.out" &&
   cmp -s "$tmp/flags.native.out" "$tmp/reload.native.wasm.out" && cmp -s "$tmp/flags.native.out" "$tmp/reload.wasm.wasm.out" &&
   [ -s "$tmp/flags.native.out" ]; then
  echo "same    --save-settings then --settings gives the same JSON and the same settings file"
  same=$((same + 1))
else
  echo "DIFFER  --save-settings then --settings"
  differ=$((differ + 1))
fi
# --csv-dir (issues #6, #20): the eight CSV tables (forecast.csv and worklist.csv since #20), byte for byte.
"$native" analyze "${cls[@]}" --csv-dir "$tmp/csv.native" >/dev/null
node --no-experimental-fetch "$wasm" analyze "${cls[@]}" --csv-dir "$tmp/csv.wasm" >/dev/null
if diff -r "$tmp/csv.native" "$tmp/csv.wasm" >/dev/null && [ "$(ls "$tmp/csv.native" | wc -l)" -eq 8 ]; then
  echo "same    analyze --csv-dir (8 CSV files)"
  same=$((same + 1))
else
  echo "DIFFER  analyze --csv-dir"
  differ=$((differ + 1))
fi
# --report and --letters (issue #6): the HTML report and every letter, byte for byte.
"$native" analyze "${cls[@]}" --report "$tmp/report.native.html" --letters "$tmp/letters.native" >/dev/null
node --no-experimental-fetch "$wasm" analyze "${cls[@]}" --report "$tmp/report.wasm.html" --letters "$tmp/letters.wasm" >/dev/null
if [ -s "$tmp/report.native.html" ] && cmp -s "$tmp/report.native.html" "$tmp/report.wasm.html" &&
   diff -r "$tmp/letters.native" "$tmp/letters.wasm" >/dev/null && [ -s "$tmp/letters.native/letters.html" ]; then
  echo "same    analyze --report --letters ($(ls "$tmp/letters.native" | wc -l) letter files)"
  same=$((same + 1))
else
  echo "DIFFER  analyze --report --letters"
  differ=$((differ + 1))
fi
# model (issue #5): the whole lab's JSON — fits, metrics, decisions — on both shared data sets.
if [ -d "$shared" ]; then
  compare_run "model UCI credit default" 0 model "$shared/uci-credit-default/UCI_Credit_Card.csv" \
    --target default.payment.next.month
  compare_run "model give-me-some-credit" 0 model "$shared/give-me-some-credit/cs-training.csv" --target SeriousDlqin2yrs
fi
compare_run "model without --target" 2 model "$d/roles/accounts_en.csv"
compare_run "--help" 0 --help
compare_run "--version" 0 --version

echo "cli_parity: $same same, $differ different, $((same + differ)) compared"
[ "$differ" -eq 0 ]
