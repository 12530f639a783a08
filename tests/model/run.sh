#!/usr/bin/env bash
# Cross-checks `overdue-lens model` with scikit-learn (Debian's python3-sklearn) on the shared UCI
# credit-default data: the logistic regression's test AUC on the CLI's own --split-out split must
# be within 0.005 of sklearn's LogisticRegression with the same L2 (C = 1/(λ·n_train)), and the PCA
# explained variance ratios within 1e-6. With --all, also the give-me-some-credit file (missing
# values imputed with the training median on both sides).
# usage: tests/model/run.sh [--all] [CLI]     (CLI default: build/native/overdue-lens)
set -euo pipefail
cd "$(dirname "$0")/../.."
all=0
if [ "${1:-}" = --all ]; then all=1; shift; fi
cli=${1:-build/native/overdue-lens}
py=/usr/bin/python3   # Debian's python has numpy + sklearn; a pyenv shim may not
data=../shared/data
"$py" tests/model/crosscheck.py "$cli" "$data/uci-credit-default/UCI_Credit_Card.csv" default.payment.next.month
if [ "$all" = 1 ]; then
  "$py" tests/model/crosscheck.py "$cli" "$data/give-me-some-credit/cs-training.csv" SeriousDlqin2yrs
fi
