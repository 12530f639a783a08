#!/usr/bin/env bash
# Sets everything up, builds, and runs every test: native unit tests (also under ASan+UBSan),
# native-vs-wasm CLI parity, workbooks against the same data as CSV, the pandas aging reference,
# the pattern check, the overdue-type check, the model lab against scikit-learn, the HTML report check, a short fuzz pass, the browser test
# and the benchmark on 100,000 rows (it must finish and be correct; no speed threshold). Prints how long each stage took.
# Golden outputs (tests/golden) hold the CLI's outputs byte for byte across refactors.
# usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
stage_start=$t0
stage() {  # prints the time the previous stage took, then names the next one
  local now; now=$(date +%s)
  [ -n "${stage_name:-}" ] && echo "== stage '$stage_name' took $((now - stage_start)) s"
  stage_name=$1; stage_start=$now
  [ -n "$stage_name" ] && echo "== stage '$stage_name'"
  return 0
}

stage install;        bash scripts/setup.sh
stage build-native;   bash scripts/build.sh native
stage build-wasm;     bash scripts/build.sh wasm
stage unit-tests;     (cd build/native && ctest --output-on-failure)
stage golden;         bash tests/golden/run.sh check
stage build-asan;     bash scripts/build.sh asan
stage unit-tests-asan; UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 build/asan/overdue_tests
stage cli-parity;     bash tests/cli_parity.sh
stage workbook-check; bash tests/workbook/run.sh
stage aging-reference; bash tests/reference/run.sh
stage pattern-check;  bash tests/pattern/run.sh build/native
stage classify-check; bash tests/classify/run.sh build/native
stage forecast-check; bash tests/forecast/run.sh build/native
stage model-check;    bash tests/model/run.sh --all build/native/overdue-lens
stage report-check;   bash tests/report/run.sh build/native/overdue-lens && node tests/report/page_check.mjs
stage fuzz-short;     bash scripts/fuzz.sh 15
stage browser-test;   node tests/browser/run.mjs
stage bench-smoke;    bash scripts/bench.sh 100000
stage ""
echo "== all tests passed in $(( $(date +%s) - t0 )) s"
