// Findings of the fuzz targets (tests/fuzz/) and of the bad-input corpus in code outside the
// importer, each named after its reproducer in tests/fuzz/reproducers/. The importer's own
// regressions live in test_bad_inputs.cpp ("regression: …"). A case whose fix belongs to another
// file's owner is marked may_fail (reported, not blocking) or skip (it is undefined behaviour,
// which the sanitizer run of the unit tests would abort on); drop the mark with the fix.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/roles/roles.hpp"
#include "overdue/report/settings_json.hpp"

using namespace overdue;

namespace {

std::string reproducer(const std::string& name) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/fuzz/reproducers/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("fuzz: settings_band_label_invalid_utf8 — a band label that is not UTF-8 is refused or round-trips") {
  // fuzz_settings input "KEY=VALUE": set_setting took the label "n\xB0ot_due", and the settings
  // file written from it held "n\uFFFDot_due", which loaded back different (fixed in 9b26d49:
  // labels must be UTF-8).
  const std::string input = reproducer("settings_band_label_invalid_utf8.txt");
  const size_t eq = input.find('=');
  REQUIRE(eq != std::string::npos);
  AnalysisSettings s;
  const std::string error = set_setting(s, input.substr(0, eq), input.substr(eq + 1));
  if (!error.empty()) {  // refused, naming the key
    CHECK(error.rfind("allowance.dpd_bands[0].label", 0) == 0);
    return;
  }
  AnalysisSettings again;
  REQUIRE(load_settings_json(settings_json(s), again).error.empty());
  CHECK(again == s);
}

TEST_CASE("fuzz: settings_currency_invalid_utf8 — a currency text that is not UTF-8 is refused") {
  // fuzz_settings gave the whole input "allo\xA8wance.dpd_bane::11000" as currency.reporting: it was
  // kept as written (no currency of the names table) and written as "\uFFFD", which loaded back
  // different. Now refused by set_setting and by validate_settings.
  const std::string input = reproducer("settings_currency_invalid_utf8.txt");
  for (const char* key : {"currency.reporting", "currency.rates"}) {
    AnalysisSettings s;
    const AnalysisSettings before = s;
    const std::string error = set_setting(s, key, key == std::string("currency.rates") ? input.substr(0, 5) + ":7.8" : input);
    CHECK(error.find("not valid UTF-8") != std::string::npos);
    CHECK(s == before);
  }
  AnalysisSettings s;
  s.ledger.currency.reporting = input;
  CHECK(validate_settings(s) == "currency.reporting: not valid UTF-8 text");
}

TEST_CASE("fuzz: monitor_sum_overflow — two invoices of INT64_MAX cents must not overflow the totals") {
  // Each amount imports (92233720368547758.07 is exactly INT64_MAX cents); monitor() used to add
  // them: signed overflow (UBSan). Now build_ledger rejects a row whose amount is beyond
  // ±kMaxLedgerAmountCents, with a reason, so no sum can overflow.
  const ImportedFile f = import_bytes("monitor_sum_overflow.csv", reproducer("monitor_sum_overflow.csv"));
  REQUIRE(f.error.empty());
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 1);
  REQUIRE(l.rejected.size() == 2);
  for (const LedgerRejectedRow& r : l.rejected)
    CHECK(r.reason == "amount beyond ±100,000,000,000.00: too large to add up safely");
  CHECK(l.rows.read == l.rows.accepted + l.rows.rejected);
  const MonitorResult m = monitor(l, MonitorOptions{});
  CHECK(m.customers.size() == 1);
}

TEST_CASE("fuzz: import_timeout_unmatched_brackets — a header cell of unmatched '(' stays linear") {
  // fuzz_csv_import repeats a 14-byte UTF-16 input past 64 KiB: one header cell of ~32,000 code
  // points, thousands of them open brackets with no close bracket. Each used to scan to the end.
  const std::string bytes = reproducer("import_timeout_unmatched_brackets");
  std::string big;
  while (big.size() < 64 * 1024 + bytes.size()) big += bytes;
  const ImportedFile f = import_bytes("big.csv", big);
  CHECK(f.rows.read == f.rows.accepted + f.rows.rejected);
  // The normaliser itself: 50,000 open brackets, then a unit qualifier that is still dropped.
  std::string header(50000, '(');
  CHECK(normalize_header(header + "Amount(USD)") == "amount");
  CHECK(normalize_header("金额（元）") == "金额");
  CHECK(normalize_header("Amount (a very long note that is not a unit at all)") == "amountaverylongnotethatisnotaunitatall");
}
