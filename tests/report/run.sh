#!/usr/bin/env bash
# The HTML report and the reminder letters on the demo ledger (issue #6), both languages:
#   1. the native CLI writes the analysis JSON, the report and the letters (and the model section
#      on the shared UCI credit-card data when it is there, with `model --json` for its figures);
#   2. check_report.py (Python's html.parser) checks the sections, that every figure marked in the
#      report equals the JSON of the same run, the letters, and that nothing refers outside the file;
#   3. headless Chromium prints the report and the letters to PDF (build/report/*.pdf), which must
#      exist and be > 10 kB, the letters one page or more per letter; pdftoppm renders page 1 of
#      each report and the first letter to PNG (build/report/*.png) for a person to look at.
# usage: tests/report/run.sh [CLI]     (CLI default: build/native/overdue-lens)
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/native/overdue-lens}
out=build/report
py=/usr/bin/python3
rm -rf "$out"
mkdir -p "$out"
"$py" scripts/gen_demo.py "$out/demo" >/dev/null 2>&1
uci=../shared/data/uci-credit-default/UCI_Credit_Card.csv
model_args=()
model_check=()
if [ -f "$uci" ]; then
  model_args=(--model "$uci" --target default.payment.next.month)
  "$cli" model "$uci" --target default.payment.next.month --json "$out/model.json"
  model_check=(--model "$out/model.json")
fi
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "FAIL: chromium not found (scripts/setup.sh installs it)"; exit 1; }
command -v pdftoppm >/dev/null || { echo "FAIL: pdftoppm not found (poppler-utils; scripts/setup.sh installs it)"; exit 1; }

pdf() {  # pdf HTML PDF: print with headless Chromium, A4 from the page's @page rule
  timeout 300 "$chrome" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$PWD/$1" >/dev/null 2>&1 || true
  [ -f "$2" ] || { echo "FAIL: no PDF from $1"; exit 1; }
  local size; size=$(stat -c %s "$2")
  [ "$size" -gt 10240 ] || { echo "FAIL: $2 is only $size bytes"; exit 1; }
}
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

for lang in zh en; do
  "$cli" analyze "$out"/demo/*.csv --lang "$lang" --json "$out/analysis-$lang.json" \
    --report "$out/report-$lang.html" --letters "$out/letters-$lang" "${model_args[@]}"
  "$py" tests/report/check_report.py "$out/report-$lang.html" "$out/analysis-$lang.json" "${model_check[@]}" \
    --letters "$out/letters-$lang"
  pdf "$out/report-$lang.html" "$out/report-$lang.pdf"
  pdf "$out/letters-$lang/letters.html" "$out/letters-$lang.pdf"
  letters=$(ls "$out/letters-$lang" | grep -vc '^letters.html$')
  [ "$(pages "$out/letters-$lang.pdf")" -ge "$letters" ] || { echo "FAIL: letters-$lang.pdf has fewer pages than letters"; exit 1; }
  pdftoppm -png -r 70 -f 1 -l 1 "$out/report-$lang.pdf" "$out/report-$lang-page"
  pdftoppm -png -r 70 -f 1 -l 1 "$out/letters-$lang.pdf" "$out/letters-$lang-page"
  echo "ok $lang: report $(stat -c %s "$out/report-$lang.html") bytes, PDF $(pages "$out/report-$lang.pdf") pages" \
       "($(stat -c %s "$out/report-$lang.pdf") bytes); letters PDF $(pages "$out/letters-$lang.pdf") pages for $letters letters"
done
