// What a dispute changes (issue #20 §2) and credit limits (§4): the disputed amount stays in the
// totals and is shown apart; the lateness rules leave disputed invoices out (a good payer whose
// overdue invoices are all disputed is not stubborn); the letters ask only for undisputed
// invoices; credit_watch's levels, order and suggested limits; the credit.warning_share setting.
#include <doctest/doctest.h>

#include <list>
#include <string>

#include "overdue/classify/credit.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/job/job.hpp"
#include "overdue/report/analysis_json.hpp"
#include "overdue/report/analysis_result.hpp"
#include "overdue/report/letters.hpp"
#include "overdue/report/settings_json.hpp"
#include "overdue/session/session.hpp"
#include "test_classify_support.hpp"

using namespace classify_test;

namespace {

// A good payer (five invoices paid on time, the last payment 121 days before the as-of date)
// with two overdue invoices; `dispute_rows` are contact-log rows (customer_id,invoice_id,contact_date,outcome).
std::vector<ImportedFile> good_payer_files(const std::string& dispute_rows) {
  std::string ledger = "customer_id,invoice_id,invoice_date,due_date,amount,paid_amount,paid_date\n";
  for (int k = 0; k < 5; ++k) {
    const int32_t issued = day(2023, 7, 1) + 30 * k;
    ledger += "D1,P" + std::to_string(k) + "," + iso(issued) + "," + iso(issued + 30) + ",100.00,100.00," +
              iso(issued + 28) + "\n";
  }
  ledger += "D1,X1,2023-12-01,2023-12-31,300.00,,\n";          // DPD 182 at 06-30
  ledger += "D1,X2,2024-03-01,2024-03-31,120.00,,\n";          // DPD 91
  ledger += "D1,P9,2024-02-01,2024-03-02,80.00,80.00,2024-03-01\n";   // the last payment: 121 days before
  ledger += "D2,Y1,2024-04-01,2024-05-01,50.00,,\n";           // another customer, overdue, not disputed
  ledger += "D2,Y0,2024-06-01,2024-07-01,10.00,10.00,2024-06-30\n";
  std::vector<ImportedFile> files;
  files.push_back(import_bytes("ledger.csv", ledger));
  REQUIRE(files.back().table_kind == TableKind::ledger);
  if (!dispute_rows.empty()) {
    files.push_back(import_bytes("log.csv", "customer_id,invoice_id,contact_date,outcome\n" + dispute_rows));
    REQUIRE(files.back().table_kind == TableKind::contacts);
  }
  return files;
}

AnalysisResult analyse(const std::vector<ImportedFile>& files, AnalysisSettings settings = {}) {
  settings.monitor.as_of = day(2024, 6, 30);
  AnalysisSession session(files, settings);
  return run_to_end(session);
}

// An AnalysisResult refers to the files it was made from: files given as a temporary are kept alive
// (in a list, so they never move) until the end of the run.
AnalysisResult analyse(std::vector<ImportedFile>&& files, AnalysisSettings settings = {}) {
  static std::list<std::vector<ImportedFile>> kept;
  kept.push_back(std::move(files));
  return analyse(kept.back(), settings);
}

const ClassifiedCustomer& classified(const AnalysisResult& r, const std::string& id) {
  for (const ClassifiedCustomer& c : r.overdue.customers)
    if (r.ledger.customers[c.customer].id == id) return c;
  FAIL("not overdue: " << id);
  return r.overdue.customers.front();
}

uint32_t customer_index(const AnalysisResult& r, const std::string& id) {
  for (uint32_t c = 0; c < r.ledger.customers.size(); ++c)
    if (r.ledger.customers[c].id == id) return c;
  FAIL("no customer " << id);
  return 0;
}

}  // namespace

TEST_CASE("disputes: the disputed amount stays in every total and is counted apart as in dispute") {
  const AnalysisResult plain = analyse(good_payer_files(""));
  const AnalysisResult disputed = analyse(good_payer_files("D1,,2024-04-15,争议\n"));
  CHECK(disputed.monitor.open_cents == plain.monitor.open_cents);
  CHECK(disputed.monitor.overdue_cents == plain.monitor.overdue_cents);
  for (size_t b = 0; b < plain.monitor.aging.size(); ++b)
    CHECK(disputed.monitor.aging[b].open_cents == plain.monitor.aging[b].open_cents);
  CHECK(plain.monitor.disputed_cents == 0);
  CHECK(disputed.monitor.disputed_cents == 42000);          // X1 + X2, both past due at 04-15
  CHECK(disputed.monitor.disputed_overdue_cents == 42000);
  CHECK(disputed.monitor.disputed_invoices == 2);
  const CustomerStatus& d1 = disputed.monitor.customers[customer_index(disputed, "D1")];
  CHECK(d1.disputed_cents == 42000);
  CHECK(d1.overdue_cents == 42000);   // still overdue: the totals keep it
  const std::string json = analysis_json(disputed);
  CHECK(json.find("\"in_dispute\":420.00,\"in_dispute_overdue\":420.00,\"in_dispute_invoices\":2") != std::string::npos);
  CHECK(json.find("\"disputes\":[{\"invoice\":\"X1\"") != std::string::npos);
}

TEST_CASE("disputes: a good payer whose overdue invoices are all disputed is not read as stubborn") {
  const AnalysisResult plain = analyse(good_payer_files(""));
  const ClassifiedCustomer& before = classified(plain, "D1");
  CHECK(before.classification.type == OverdueType::stubborn);   // 121 days without payment > 90
  CHECK(rule_of(before.classification, "S1_no_payment").state == RuleState::held);

  const AnalysisResult disputed = analyse(good_payer_files("D1,X1,2024-02-10,dispute\nD1,X2,2024-04-15,dispute\n"));
  const ClassifiedCustomer& after = classified(disputed, "D1");   // still overdue in the totals
  const RuleCheck& s1 = rule_of(after.classification, "S1_no_payment");
  CHECK(s1.state == RuleState::not_evaluated);
  CHECK(s1.note == "every overdue invoice is disputed");
  CHECK(rule_of(after.classification, "S2_deep_dpd_not_paying").value == 0);
  CHECK(after.history.episodes.empty());
  CHECK(after.history.disputed_invoices == 2);
  CHECK(after.history.disputed_overdue_invoices == 2);
  CHECK(after.classification.type == OverdueType::temporary);
  CHECK(after.overdue_cents == before.overdue_cents);
  CHECK(after.plan.actions.front().cents == 0);   // nothing undisputed to ask for
  CHECK(rule_of(after.classification, "R1_repeated_episodes").note.find("2 disputed invoices left out") != std::string::npos);
  // D2 is untouched.
  CHECK(classified(disputed, "D2").classification.type == classified(plain, "D2").classification.type);
}

TEST_CASE("disputes: a settled disputed invoice does not count as paid late") {
  // Four invoices paid on time, two paid 60 days late: 2 of 6 late. The two late ones disputed
  // (from their invoice date, by the column): 0 of 4.
  std::string ledger = "customer_id,invoice_id,invoice_date,due_date,amount,paid_amount,paid_date,disputed\n";
  for (int k = 0; k < 6; ++k) {
    const int32_t issued = day(2023, 6, 1) + 30 * k;
    const bool late = k >= 4;
    ledger += "D1,P" + std::to_string(k) + "," + iso(issued) + "," + iso(issued + 30) + ",100.00,100.00," +
              iso(issued + (late ? 90 : 28)) + "," + (late ? "yes" : "no") + "\n";
  }
  ledger += "D1,X1,2024-04-01,2024-05-01,100.00,,,no\n";
  const std::vector<ImportedFile> files{import_bytes("ledger.csv", ledger)};
  const AnalysisResult r = analyse(files);
  const ClassifiedCustomer& c = classified(r, "D1");
  CHECK(c.history.settled_all == 4);
  CHECK(c.history.on_time_all == 4);
  CHECK(c.history.disputed_invoices == 2);
  CHECK(rule_of(c.classification, "R2_chronic_lateness").value == 0);
}

TEST_CASE("disputes: the letter asks only for undisputed invoices; all disputed, no letter") {
  const AnalysisResult r = analyse(good_payer_files("D1,,2024-04-15,有争议\n"));
  const RenderedLetters letters = render_letters(r, LetterTemplates{}, Lang::en);
  REQUIRE(letters.letters.size() == 1);   // D2 only
  CHECK(r.ledger.customers[letters.letters[0].customer].id == "D2");
  CHECK(letters.html.find("X1") == std::string::npos);

  // X2 disputed, X1 not: D1's letter lists X1 only, for 300.00.
  const AnalysisResult some = analyse(good_payer_files("D1,X2,2024-04-15,dispute\n"));
  const RenderedLetters two = render_letters(some, LetterTemplates{}, Lang::en);
  REQUIRE(two.letters.size() == 2);
  const std::string& d1 = two.letters[0].customer == customer_index(some, "D1") ? two.letters[0].html : two.letters[1].html;
  CHECK(d1.find(">X1<") != std::string::npos);
  CHECK(d1.find(">X2<") == std::string::npos);
  CHECK(d1.find("data-overdue=\"30000\"") != std::string::npos);
}

TEST_CASE("credit watch: utilisation, over and near the limit, order, and the plan's suggested limit") {
  const std::vector<ImportedFile> files{
      import_bytes("ledger.csv",
                   "customer_id,invoice_id,invoice_date,due_date,amount,paid_amount,paid_date\n"
                   "A,A1,2024-03-01,2024-03-31,750.00,,\n"       // open 750 / limit 600: over, overdue
                   "B,B1,2024-06-01,2024-07-01,460.00,,\n"       // 460 / 500 = 0.92: near
                   "C,C1,2024-06-01,2024-07-01,100.00,,\n"       // 100 / 1000: within
                   "D,D1,2024-06-01,2024-07-01,10.00,,\n"        // limit 0: over, no utilisation
                   "E,E1,2024-06-01,2024-07-01,880.00,10.00,2024-06-30\n"),   // 870 / 1000 = 0.87
      import_bytes("customers.csv",
                   "customer_id,credit_limit,segment\nA,600.00,x\nB,500.00,x\nC,1000.00,x\nD,0,x\nE,1000.00,x\n")};
  REQUIRE(files[1].table_kind == TableKind::customers);
  AnalysisResult r = analyse(files);
  CreditWatch w = credit_watch(r.ledger, r.monitor, r.overdue, 0.9);
  CHECK(w.with_limit == 5);
  CHECK(w.over == 2);
  CHECK(w.warning == 1);
  CHECK(w.over_cents == 15000 + 1000);
  REQUIRE(w.flagged.size() == 3);
  auto id = [&](size_t k) { return r.ledger.customers[w.customers[w.flagged[k]].customer].id; };
  CHECK(id(0) == "D");   // over, and a limit of 0 before any share
  CHECK(id(1) == "A");
  CHECK(id(2) == "B");
  const CreditStatus& a = *credit_status_of(w, customer_index(r, "A"));
  CHECK(a.level == CreditLevel::over);
  CHECK(*a.utilisation == doctest::Approx(1.25));
  CHECK(a.headroom_cents == -15000);
  // A is overdue: its type's plan suggests a limit, set against what is open.
  const ClassifiedCustomer& ca = classified(r, "A");
  CHECK(a.change_pct == ca.plan.credit_limit_change_pct);
  CHECK(a.suggested_limit_cents == 60000 * (100 + ca.plan.credit_limit_change_pct) / 100);
  CHECK(a.suggested_headroom_cents == a.suggested_limit_cents - 75000);
  CHECK(credit_status_of(w, customer_index(r, "B"))->suggested_limit_cents == kMissingCents);   // not overdue
  CHECK_FALSE(credit_status_of(w, customer_index(r, "D"))->utilisation.has_value());
  // A lower warning share lists E too.
  w = credit_watch(r.ledger, r.monitor, r.overdue, 0.85);
  CHECK(w.warning == 2);
  // The JSON takes the share from the settings.
  AnalysisSettings s;
  REQUIRE(set_setting(s, "credit.warning_share", "0.85") == "");
  r = analyse(files, s);
  CHECK(analysis_json(r).find("\"credit\":{\"warning_share\":0.8500,\"customers_with_limit\":5,\"over_limit\":2,\"near_limit\":2") !=
        std::string::npos);
}

TEST_CASE("settings: credit.warning_share is written when set, read back, and checked in [0, 1]") {
  AnalysisSettings s;
  CHECK(s.credit.warning_share == 0.9);
  CHECK(settings_json(s).find("credit") == std::string::npos);   // at its default: as before it existed
  REQUIRE(set_setting(s, "credit.warning_share", "0.75") == "");
  CHECK(settings_json(s).find("\"credit\": {\n    \"warning_share\": 0.75\n  }") != std::string::npos);
  AnalysisSettings back;
  REQUIRE(load_settings_json(settings_json(s), back).error == "");
  CHECK(back.credit.warning_share == 0.75);
  CHECK(back == s);
  CHECK(set_setting(s, "credit.warning_share", "1.5") == "credit.warning_share: expected a number in [0, 1], got 1.5");
  CHECK(s.credit.warning_share == 0.75);
}
