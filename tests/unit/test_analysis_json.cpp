// The analyze JSON (issue #3): shape, key order, money exact to the cent as text, fixed decimals.
// Built from the hand-made worked example (test_monitor_ledgers.hpp), as of 2024-03-31.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "overdue/report/analysis_json.hpp"
#include "test_analysis_support.hpp"
#include "test_monitor_ledgers.hpp"

using namespace overdue;
using overdue::test::day;

namespace {

struct Example {
  Ledger ledger;
  std::vector<ImportedFile> files;
  MonitorResult result;
  std::string text;
};

Example example() {
  Example e;
  e.ledger = test::worked_example();
  e.ledger.rows = RowCounts{12, 10, 2};
  e.ledger.rejected.push_back({0, 9, ProblemKind::no_invoice_or_due_date, {}, "no invoice date"});
  e.ledger.assumptions.push_back("paid amounts without a date: assumed paid by the as-of date");
  e.ledger.credits.push_back({1, day("2024-03-05"), 1234, 0});
  ImportedFile f;
  f.name = "台账.csv";
  RejectedRow bad;
  bad.line = 4;
  bad.reason = "expected 5 fields, found 7";
  f.rejected.push_back(bad);
  e.files.push_back(f);
  MonitorOptions o;
  o.as_of = day("2024-03-31");
  e.result = monitor(e.ledger, o);
  e.text = analysis_json(analysis_test::analysis_of(e.files, e.ledger, e.result));
  return e;
}

}  // namespace

TEST_CASE("number helpers: money with two decimals, fixed decimals, ISO dates") {
  CHECK(money_text(0) == "0.00");
  CHECK(money_text(5) == "0.05");
  CHECK(money_text(-5) == "-0.05");
  CHECK(money_text(123456789) == "1234567.89");
  CHECK(money_text(-100) == "-1.00");
  CHECK(money_text(std::numeric_limits<int64_t>::min()) == "-92233720368547758.08");
  CHECK(fixed_text(0.5675675, 4) == "0.5676");
  CHECK(fixed_text(2.0 / 3.0, 4) == "0.6667");
  CHECK(fixed_text(-0.00004, 4) == "0.0000");
  CHECK(fixed_text(-1.23456, 2) == "-1.23");
  CHECK(fixed_text(144.78260869, 2) == "144.78");
  CHECK(fixed_text(7.0, 0) == "7");
  CHECK(fixed_text(std::numeric_limits<double>::quiet_NaN(), 2) == "0");
  CHECK(iso_date_text(day("2024-02-29")) == "2024-02-29");
  CHECK(iso_date_text(0) == "1970-01-01");
}

TEST_CASE("analysis JSON: top-level keys in a fixed order") {
  const Example e = example();
  const auto j = nlohmann::ordered_json::parse(e.text);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  const std::vector<std::string> expected{"as_of", "threshold_days", "step", "bucket_edges", "rows",
                                          "totals", "aging", "metrics", "customers", "sales_reps",
                                          "credits", "trend", "rejected", "assumptions", "notes",
                                          "disputes", "credit",   // issue #20 §2, §4
                                          "types", "priority", "allowance", "contact_log", "settings",
                                          "forecast",  // issue #20 §1
                                          "worklist"};
  CHECK(keys == expected);
  CHECK(j["as_of"] == "2024-03-31");
  CHECK(j["threshold_days"] == 30);
  CHECK(j["step"] == "week");
  CHECK(j["bucket_edges"] == nlohmann::json::array({30, 60, 90, 180}));
  CHECK(j["rows"]["read"] == 12);
  CHECK(j["rows"]["rejected"] == 2);
}

TEST_CASE("analysis JSON: money printed to the cent, buckets add up to the total") {
  const Example e = example();
  // Textual checks: two decimals even when they are zeros.
  CHECK(e.text.find("\"totals\":{\"open\":1850.00,\"past_due\":1350.00,\"overdue\":1050.00,"
                    "\"invoices_open\":7,\"customers\":3,\"overdue_customers\":3,"
                    "\"newly_overdue_customers\":1,\"in_dispute\":0.00,\"in_dispute_overdue\":0.00,"
                    "\"in_dispute_invoices\":0}") != std::string::npos);
  CHECK(e.text.find("{\"bucket\":\"1-30\",\"min_dpd\":1,\"max_dpd\":30,\"open\":300.00,\"invoices\":2}") !=
        std::string::npos);
  CHECK(e.text.find("{\"bucket\":\">180\",\"min_dpd\":181,\"max_dpd\":null,\"open\":200.00,\"invoices\":1}") !=
        std::string::npos);
  const auto j = nlohmann::json::parse(e.text);
  REQUIRE(j["aging"].size() == 6);
  int64_t sum = 0;
  for (const auto& b : j["aging"]) sum += std::llround(b["open"].get<double>() * 100);
  CHECK(sum == 185000);
  CHECK(j["aging"][0]["bucket"] == "not_due");
  CHECK(j["aging"][0]["min_dpd"].is_null());
}

TEST_CASE("analysis JSON: metrics rounded to fixed decimals") {
  const Example e = example();
  // DSO = 1850/1150×90 = 144.7826…, BPDSO = 39.1304…, ADD = 105.6521…, CEI = 500/1850×100 = 27.027…
  CHECK(e.text.find("\"metrics\":{\"dso\":144.78,\"bpdso\":39.13,\"add\":105.65,\"cei\":27.03,"
                    "\"overdue_ratio\":0.5676,\"top_n\":10,\"top_n_share\":1.0000,\"window_days\":90,"
                    "\"dso_method\":\"average\"}") != std::string::npos);
}

TEST_CASE("analysis JSON: customers, sales reps, credits, rejected rows, trend") {
  const Example e = example();
  const auto j = nlohmann::json::parse(e.text);
  REQUIRE(j["customers"].size() == 3);
  const auto& b = j["customers"][1];
  CHECK(b["id"] == "B Co 北京");
  CHECK(b["sales_rep"] == "Wang");
  CHECK(b["overdue_flag"] == true);
  CHECK(b["newly_overdue"] == true);
  CHECK(b["max_dpd"] == 35);
  CHECK(b["last_payment"] == "2024-03-31");
  CHECK(b["oldest_open_invoice"]["id"] == "INV8");  // due 02-25, before INV3's 03-01
  CHECK(b["oldest_open_invoice"]["due_date"] == "2024-02-25");
  const auto& c = j["customers"][2];
  CHECK(c["last_payment"].is_null());
  CHECK(c["last_payment_amount"].is_null());
  CHECK(c["pattern_change"].is_null());  // no flagged change in this tiny history
  CHECK(e.text.find("\"weighted_dpd\":57.63") != std::string::npos);  // 57.625 rounds away from zero
  CHECK(e.text.find("\"revenue_share\":0.6667") != std::string::npos);

  REQUIRE(j["sales_reps"].size() == 2);
  CHECK(j["sales_reps"][0]["sales_rep"] == "Li");
  CHECK(e.text.find("{\"sales_rep\":\"Li\",\"open\":1400.00,\"overdue\":1000.00,\"overdue_customers\":2}") !=
        std::string::npos);
  CHECK(e.text.find("\"credits\":[{\"customer_id\":\"B Co 北京\",\"customer\":\"B Co 北京\","
                    "\"date\":\"2024-03-05\",\"amount\":12.34}]") != std::string::npos);
  REQUIRE(j["rejected"].size() == 2);
  CHECK(j["rejected"][0]["file"] == "台账.csv");
  CHECK(j["rejected"][0]["line"] == 4);  // import rejection, sorted before the ledger's line 9
  CHECK(j["rejected"][1]["reason"] == "no invoice date");
  CHECK(j["assumptions"].size() == 1);
  REQUIRE(!j["trend"].empty());
  CHECK(j["trend"].back()["date"] == "2024-03-31");
  CHECK(j["trend"].back()["open"].get<double>() == 1850.0);
  CHECK(j["trend"].back()["overdue_customers"] == 3);
}

TEST_CASE("analysis JSON: the same document twice (no hidden state), no trailing newline") {
  const Example a = example(), b = example();
  CHECK(a.text == b.text);
  REQUIRE(!a.text.empty());
  CHECK(a.text.back() == '}');
}

TEST_CASE("analysis JSON: strings escaped exactly as nlohmann escapes them (fast path and fallback)") {
  const std::vector<std::string> names{
      "Acme",          "北京科技有限公司", "Lopez, \"Carlos\"", "back\\slash", "tab\there", "new\nline",
      "del\x7f",       "emoji \xF0\x9F\x98\x80", "bad \xFF byte", "overlong \xC0\xAF", "surrogate \xED\xA0\x80",
      "cut \xE5\x8C", "max \xF4\x8F\xBF\xBF", "beyond \xF4\x90\x80\x80", ""};
  test::LedgerBuilder b;
  for (const std::string& n : names) {
    const uint32_t c = b.customer(n, n);
    b.invoice(c, n, day("2024-01-01"), day("2024-01-31"), 100);
  }
  const Ledger l = b.ledger();
  MonitorOptions o;
  const std::string text = analysis_json(analysis_test::analysis_of({}, l, monitor(l, o)));
  for (const std::string& n : names) {
    const std::string escaped =
        nlohmann::json(n).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    CAPTURE(escaped);
    CHECK(text.find("\"name\":" + escaped + ",\"sales_rep\":" + escaped) != std::string::npos);
  }
  nlohmann::json parsed;
  CHECK_NOTHROW(parsed = nlohmann::json::parse(text));
  CHECK(parsed["customers"].size() == names.size());
}
