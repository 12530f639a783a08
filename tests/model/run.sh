#!/usr/bin/env bash
# Cross-checks `overdue-lens model` with scikit-learn (Debian's python3-sklearn) on the shared UCI
# credit-default data: the logistic regression's test AUC on the CLI's own --split-out split must
# be within 0.005 of sklearn's LogisticRegression with the same L2 (C = 1/(λ·n_train)), and the PCA
# explained variance ratios within 1e-6. With --all, also the give-me-some-credit file (missing
# values imputed with the training median on both sides). Then the exit codes 0/1/2 and a headerless
# semicolon file with a yes/no target.
# usage: tests/model/run.sh [--all] [CLI]     (CLI default: build/native/overdue-lens)
set -euo pipefail
cd "$(dirname "$0")/../.."
all=0
if [ "${1:-}" = --all ]; then all=1; shift; fi
cli=${1:-build/native/overdue-lens}
py=/usr/bin/python3   # Debian's python has numpy + sklearn; a pyenv shim may not
data=../shared/data
"$py" tests/model/crosscheck.py "$cli" "$data/uci-credit-default/UCI_Credit_Card.csv" default.payment.next.month
# Issue #21 §1: special codes and trends change the bins, not the logistic model or the PCA.
"$py" tests/model/crosscheck.py "$cli" "$data/uci-credit-default/UCI_Credit_Card.csv" default.payment.next.month \
  --model-arg=--special=PAY_0:-2,-1 --model-arg=--special=PAY_2:-2,-1 --model-arg=--trend=LIMIT_BAL:peak \
  --model-arg=--trend=AGE:valley --model-arg=--trend=BILL_AMT1:none
if [ "$all" = 1 ]; then
  "$py" tests/model/crosscheck.py "$cli" "$data/give-me-some-credit/cs-training.csv" SeriousDlqin2yrs
fi

# The scorecard's SQL export run in SQLite = --score on every record (issue #21 §2): the UCI data,
# with --all also give-me-some-credit (missing values "NA"), and the unit tests' hand-built card
# (special, missing, unseen and text values; needs the unit-test binary beside the CLI).
"$py" tests/model/sql_check.py "$cli" "$data/uci-credit-default/UCI_Credit_Card.csv" default.payment.next.month
if [ "$all" = 1 ]; then
  "$py" tests/model/sql_check.py "$cli" "$data/give-me-some-credit/cs-training.csv" SeriousDlqin2yrs
fi
tests_bin=$(dirname "$cli")/overdue_tests
if [ -x "$tests_bin" ]; then "$py" tests/model/sql_check.py --fixture "$tests_bin" "$cli"; fi

# Exit codes (DESIGN.md §8) and a headerless semicolon file with a yes/no target.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
expect() {  # expect STATUS ARGS...
  local want=$1; shift
  local got=0
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: exit $got, expected $want: overdue-lens $*"; cat "$tmp/err"; exit 1
  fi
}
printf '35;1200;no\n41;800;yes\n29;;no\n50;300;maybe\n38;950;no\n44;1000;yes\n33;700;no\n27;1500;yes\n' >"$tmp/semi.csv"
for i in $(seq 1 40); do printf '%d;%d;%s\n' $((20 + i % 30)) $((300 + 37 * i % 1000)) $([ $((i % 3)) = 0 ] && echo yes || echo no); done >>"$tmp/semi.csv"
expect 2 model "$tmp/semi.csv"                           # no --target
expect 2 model "$tmp/semi.csv" --target 3                # yes/no needs --bad
expect 2 model "$tmp/semi.csv" --target 9 --bad yes      # no such column
expect 2 model "$tmp/semi.csv" --target 3 --bad yes --test-fraction 1.5
expect 1 model "$tmp/missing.csv" --target 3 --bad yes   # unreadable file
expect 2 model "$tmp/semi.csv" --target 3 --bad yes --special NOPE:-1      # no such feature (issue #21)
grep -q "no binned feature has that name" "$tmp/err" || { echo "FAIL: --special of an unknown feature"; exit 1; }
expect 2 model "$tmp/semi.csv" --target 3 --bad yes --trend 1:upwards      # no such trend
expect 2 model "$tmp/semi.csv" --target 3 --bad yes --special 1            # no value list
expect 0 model "$tmp/semi.csv" --target 3 --bad yes --split-out "$tmp/split.csv" --min-leaf 5
grep -q '"rows":{"read":48,"accepted":47,"rejected":1}' "$tmp/out" || { echo "FAIL: semicolon file rows"; exit 1; }
[ "$(wc -l <"$tmp/split.csv")" = 47 ] && ! grep -q '^4,' "$tmp/split.csv" ||
  { echo "FAIL: split file of the semicolon file"; exit 1; }
echo "exit codes and the headerless semicolon file: OK"

# Stability monitoring (issue #21 §3): the UCI file against itself gives a score PSI of exactly 0
# and every feature stable; against a copy with PAY_0 moved up by 2 months (later payers) and
# without the target, the score and PAY_0 are flagged "shift"; a copy without LIMIT_BAL exits 1.
uci="$data/uci-credit-default/UCI_Credit_Card.csv"
awk -F, 'BEGIN { OFS = "," } NR == 1 { NF--; print; next } { $7 = $7 + 2; NF--; print }' "$uci" >"$tmp/uci_shifted.csv"
awk -F, 'BEGIN { OFS = "," } { $2 = ""; sub(/,,/, ","); print }' "$uci" >"$tmp/uci_no_limit.csv"
expect 0 model "$uci" --target default.payment.next.month --monitor "$uci" --json "$tmp/same.json"
expect 0 model "$uci" --target default.payment.next.month --monitor "$tmp/uci_shifted.csv" --json "$tmp/shifted.json"
expect 1 model "$uci" --target default.payment.next.month --monitor "$tmp/uci_no_limit.csv"
grep -q "LIMIT_BAL" "$tmp/err" || { echo "FAIL: --monitor without a feature column names it"; cat "$tmp/err"; exit 1; }
expect 2 model "$uci" --target default.payment.next.month --monitor-by AGE   # not a date column
"$py" - "$tmp/same.json" "$tmp/shifted.json" <<'PY'
import json, sys
same = json.load(open(sys.argv[1]))["monitoring"]
shifted = json.load(open(sys.argv[2]))["monitoring"]
assert same["score_psi"] == 0 and same["band"] == "stable", same["score_psi"]
assert all(f["csi"] == 0 and f["band"] == "stable" for f in same["features"])
assert same["expected_records"] == same["actual_records"] == 30000
assert abs(sum(b["expected"] for b in same["bins"]) - 1) < 1e-5
assert shifted["band"] == "shift", shifted["score_psi"]
pay0 = [f for f in shifted["features"] if f["feature"] == "PAY_0"][0]
assert pay0["band"] == "shift", pay0
print("monitoring: self PSI %.6f (%d features stable); PAY_0 + 2: score PSI %.4f %s, PAY_0 CSI %.4f %s: OK"
      % (same["score_psi"], len(same["features"]), shifted["score_psi"], shifted["band"], pay0["csi"], pay0["band"]))
PY

# Issue #21 §1 × §2: the SQL export with special values and trends (the special codes compared
# exactly before the ranges) still gives --score's points and reasons on every UCI record.
cli_abs=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
printf '#!/usr/bin/env bash\nif [ "$1" = model ]; then exec "%s" "$@" --special PAY_0:-2,-1 --special PAY_2:-2,-1 --special BILL_AMT1:0 --trend LIMIT_BAL:peak --trend AGE:valley; fi\nexec "%s" "$@"\n' \
  "$cli_abs" "$cli_abs" >"$tmp/cli_specials.sh"
chmod +x "$tmp/cli_specials.sh"
"$py" tests/model/sql_check.py "$tmp/cli_specials.sh" "$data/uci-credit-default/UCI_Credit_Card.csv" default.payment.next.month
