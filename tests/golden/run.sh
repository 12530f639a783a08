#!/usr/bin/env bash
# Golden outputs (issue #16): the CLI's `inspect`, `analyze --json --csv-dir --report --letters` and
# `model --json --score-out` on every fixture under tests/data, the demo ledger and both shared data
# sets, reduced to sha256 sums in tests/golden/SHA256SUMS. `check` recomputes them and fails on any
# difference, so a refactor that claims "no behaviour change" is held to it byte for byte. A commit
# that changes an output on purpose runs `record` and says why in its message.
# usage: tests/golden/run.sh check|record [CLI]      (CLI defaults to build/native/overdue-lens)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
mode=${1:-check}
cli=${2:-$repo/build/native/overdue-lens}
[ -x "$cli" ] || { echo "golden: missing $cli (build it first)" >&2; exit 2; }
sums="$repo/tests/golden/SHA256SUMS"
cd "$repo"  # every path below is relative, so outputs never carry the clone's location

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
mkdir -p "$out"

# Runs the CLI with the given arguments; the case's folder gets stdout, the exit status and a
# digest of stderr (messages are behaviour too). Output files named by the arguments are written
# into the case folder by the caller passing "$case_dir/...".
run_case() {
  local name=$1; shift
  local dir="$out/$name"
  mkdir -p "$dir"
  "$cli" "$@" >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/exit"
}

fixtures=()
while IFS= read -r -d '' f; do fixtures+=("${f#./}"); done < <(
  find ./tests/data -type f \( -iname '*.csv' -o -iname '*.txt' -o -iname '*.tsv' -o -iname '*.bin' \) -print0 |
    LC_ALL=C sort -z)
shared=()
if [ -d ../shared/data ]; then
  while IFS= read -r -d '' f; do shared+=("$f"); done < <(find ../shared/data -type f -iname '*.csv' -print0 | LC_ALL=C sort -z)
fi

for f in "${fixtures[@]}" "${shared[@]}"; do
  key=$(echo "$f" | sed 's#^\.\./shared/data/#shared/#; s#^tests/data/##; s#/#__#g')
  run_case "inspect/$key" inspect "$f"
done
for f in "${fixtures[@]}"; do
  key=$(echo "$f" | sed 's#^tests/data/##; s#/#__#g')
  d="$out/analyze/$key"
  mkdir -p "$d"
  run_case "analyze/$key" analyze "$f" --json "$d/analysis.json" --csv-dir "$d/csv" --report "$d/report.html" \
    --letters "$d/letters"
done

# Multi-file analyses: invoices + payments, the classification set with its contact log and settings.
c=tests/data/cli
cls=("$c/classify_invoices.csv" "$c/classify_payments.csv" tests/data/classify/contacts_zh.csv)
analyze_all() {  # name, then the analyze arguments
  local name=$1; shift
  local d="$out/analyze/$name"
  mkdir -p "$d"
  run_case "analyze/$name" analyze "$@" --json "$d/analysis.json" --csv-dir "$d/csv" --report "$d/report.html" \
    --letters "$d/letters"
}
analyze_all quickbooks_fifo tests/data/roles/invoices_quickbooks.csv tests/data/roles/payments_en.csv
analyze_all classify_set "${cls[@]}"
analyze_all classify_set_strict_en "${cls[@]}" --settings "$c/settings_strict.json" --lang en \
  --allowance invoice_age_years --set classify.refusals=2
analyze_all ledger_zh_month tests/data/roles/ledger_zh.csv --as-of 2024-04-15 --step month --threshold 15 \
  --buckets 15,45,120
analyze_all generated_day tests/data/ledger/generated_1000.csv --step day --lang en
# A general ledger whose receivables account has no usual name: picked by code (issue #17 item 4).
analyze_all gl_custom_account tests/data/gl/custom_account_zh.csv --set import.receivables_account=1124
# Issue #17: drafts kept as invoices (the default sets them aside; the single-file case above).
analyze_all statuses_keep_drafts tests/data/invoicing/statuses.csv --keep-drafts --lang en
# Currencies (issue #17 item 6): USD and EUR left out without rates; converted with them; USD reporting.
cur=(tests/data/currency/invoices_two.csv tests/data/currency/payments_two.csv tests/data/currency/payments_no_currency.csv)
analyze_all currency_no_rates "${cur[@]}" --as-of 2024-04-30
analyze_all currency_rates "${cur[@]}" --as-of 2024-04-30 --rate USD=7.1 --rate EUR=7.8
analyze_all currency_usd_en "${cur[@]}" --as-of 2024-04-30 --currency USD --set currency.rates=CNY:0.14,EUR:1.1 --lang en
# Disputes and credit limits (issue #20 §2, §4): disputed by column and by contact rows, limits, warning share.
disp=(tests/data/disputes/ledger_zh.csv tests/data/disputes/customers_zh.csv tests/data/disputes/contacts_zh.csv)
analyze_all disputes "${disp[@]}"
analyze_all disputes_en_share "${disp[@]}" --lang en --set credit.warning_share=0.8

# The demo ledger (generated with a fixed seed) with the model lab's section in its report.
python3 scripts/gen_demo.py "$work/demo" >/dev/null 2>&1
demo=("$work/demo/invoices.csv" "$work/demo/payments.csv" "$work/demo/contacts.csv")
analyze_all demo "${demo[@]}" --model data/demo/uci_credit_card.csv --target default.payment.next.month
analyze_all demo_en "${demo[@]}" --lang en

model_case() {  # name, file, then the model arguments
  local name=$1 file=$2; shift 2
  local d="$out/model/$name"
  mkdir -p "$d"
  run_case "model/$name" model "$file" "$@" --json "$d/model.json" --score "$file" --score-out "$d/scores.csv" \
    --export-sql "$d/scorecard.sql" --card-csv "$d/card.csv" \
    --split-out "$d/split.csv"
}
model_case accounts_en tests/data/roles/accounts_en.csv --target default --tree-depth 3 --min-leaf 2
model_case uci_demo data/demo/uci_credit_card.csv --target default.payment.next.month --folds 3
# Stability monitoring (issue #21 §3): the file against itself (every index 0).
model_case accounts_en_monitor tests/data/roles/accounts_en.csv --target default --tree-depth 3 --min-leaf 2 \
  --monitor tests/data/roles/accounts_en.csv
if [ -f ../shared/data/give-me-some-credit/cs-training.csv ]; then
  model_case gmsc ../shared/data/give-me-some-credit/cs-training.csv --target SeriousDlqin2yrs
  model_case uci ../shared/data/uci-credit-default/UCI_Credit_Card.csv --target default.payment.next.month \
    --cap 0.01,0.99 --merge-bin PAY_0:1
fi

# The demo folder's paths differ per run: the stderr digests must not carry them.
find "$out" -name stderr -exec sed -i "s#$work#WORK#g" {} +
(cd "$out" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$work/sums"

if [ "$mode" = record ]; then
  cp "$work/sums" "$sums"
  echo "golden: recorded $(wc -l <"$sums") sums in tests/golden/SHA256SUMS"
  exit 0
fi
if diff -u "$sums" "$work/sums" >"$work/diff"; then
  echo "golden: $(wc -l <"$sums") outputs unchanged"
  exit 0
fi
echo "golden: outputs changed (- recorded, + now):"
grep '^[-+][^-+]' "$work/diff" | head -60
echo "golden: $(grep -c '^[-+][^-+]' "$work/diff") lines differ"
exit 1
