// From CSV bytes to the analysis (issue #3): import → build_ledger → monitor → analysis JSON, with
// an invoices table and a payments table that names no invoice (applied FIFO by the ledger), and
// an over-payment that becomes customer credit. Figures computed by hand in the comments.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "overdue/report/analysis_json.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "test_analysis_support.hpp"
#include "test_monitor_ledgers.hpp"

using namespace overdue;
using overdue::test::day;

namespace {

const char* kInvoices =
    "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
    "Acme,A1,2024-01-01,2024-01-31,100.00\n"
    "Acme,A2,2024-02-01,2024-03-02,200.00\n"
    "Acme,A3,2024-03-01,2024-03-31,300.00\n"
    "Beta,B1,2024-01-10,2024-02-09,50.00\n";
const char* kPayments =
    "Customer,Payment Date,Payment Amount\n"
    "Acme,2024-02-15,150.00\n"   // FIFO: A1 100 in full, then 50 of A2
    "Beta,2024-03-01,80.00\n";   // B1 50 in full, 30 over-paid → credit

struct Run {
  std::vector<ImportedFile> files;
  Ledger ledger;
};

Run load() {
  Run r;
  r.files.push_back(import_bytes("invoices.csv", kInvoices));
  r.files.push_back(import_bytes("payments.csv", kPayments));
  r.ledger = build_ledger(r.files);
  return r;
}

MonitorResult at(const Ledger& l, const char* iso, int threshold = 30) {
  MonitorOptions o;
  o.as_of = day(iso);
  o.threshold_days = threshold;
  return monitor(l, o);
}

}  // namespace

TEST_CASE("end to end: invoices + FIFO payments, before and after the payment dates") {
  const Run r = load();
  REQUIRE(r.files[0].table_kind == TableKind::invoices);
  REQUIRE(r.files[1].table_kind == TableKind::payments);
  REQUIRE(r.ledger.invoices.size() == 4);

  // 02-14, before any payment: A1 100 (DPD 14), A2 200 (not due), B1 50 (DPD 5); A3 not issued.
  const MonitorResult before = at(r.ledger, "2024-02-14");
  CHECK(before.open_cents == 35000);
  CHECK(before.invoices_open == 3);
  CHECK(before.aging[0].open_cents == 20000);
  CHECK(before.aging[1].open_cents == 15000);

  // 03-31: A2 150 left after FIFO (DPD 29, 1-30), A3 300 not due (due on the as-of date); Beta 0.
  const MonitorResult after = at(r.ledger, "2024-03-31");
  CHECK(after.open_cents == 45000);
  CHECK(after.invoices_open == 2);
  CHECK(after.aging[0].open_cents == 30000);
  CHECK(after.aging[1].open_cents == 15000);
  CHECK(after.overdue_cents == 0);
  CHECK(at(r.ledger, "2024-03-31", 10).overdue_cents == 15000);  // DPD 29 > 10
}

TEST_CASE("end to end: the over-payment is customer credit, not a negative invoice, in the JSON") {
  const Run r = load();
  REQUIRE(r.ledger.credits.size() == 1);
  CHECK(r.ledger.credits[0].cents == 3000);
  const MonitorResult m = at(r.ledger, "2024-03-31");
  const std::string text = analysis_json(analysis_test::analysis_of(r.files, r.ledger, m));
  CHECK(text.find("\"credits\":[{\"customer_id\":\"Beta\",\"customer\":\"Beta\",\"date\":\"2024-03-01\","
                  "\"amount\":30.00}]") != std::string::npos);
  const auto j = nlohmann::json::parse(text);
  CHECK(j["rows"]["read"] == 6);
  CHECK(j["customers"].size() == 2);
  CHECK(j["customers"][1]["open"].get<double>() == 0.0);  // Beta owes nothing; the 30 is credit
  CHECK(j["customers"][0]["last_payment"] == "2024-02-15");
  CHECK(j["trend"].back()["date"] == "2024-03-31");
}
