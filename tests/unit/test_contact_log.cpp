// Contact log (issue #4, DESIGN.md §1): outcome words in both languages and any case, customer
// matching by id then name, rejected rows with reasons, broken-promise detection.
#include <fstream>
#include <sstream>

#include "test_classify_support.hpp"

using namespace classify_test;

TEST_CASE("contact outcomes: English in any case, Chinese, surrounding spaces; unknown words stay unknown") {
  CHECK(parse_contact_outcome("promise") == ContactOutcome::promise);
  CHECK(parse_contact_outcome("Promised") == ContactOutcome::promise);
  CHECK(parse_contact_outcome("  PROMISE   TO  pay ") == ContactOutcome::promise);
  CHECK(parse_contact_outcome("承诺") == ContactOutcome::promise);
  CHECK(parse_contact_outcome("承诺还款") == ContactOutcome::promise);
  CHECK(parse_contact_outcome("Refused") == ContactOutcome::refused);
  CHECK(parse_contact_outcome("refuse") == ContactOutcome::refused);
  CHECK(parse_contact_outcome("拒绝") == ContactOutcome::refused);
  CHECK(parse_contact_outcome("拒付") == ContactOutcome::refused);
  CHECK(parse_contact_outcome("Unreachable") == ContactOutcome::unreachable);
  CHECK(parse_contact_outcome("No Answer") == ContactOutcome::unreachable);
  CHECK(parse_contact_outcome("无法联系") == ContactOutcome::unreachable);
  CHECK(parse_contact_outcome("未接通") == ContactOutcome::unreachable);
  CHECK(parse_contact_outcome("失联") == ContactOutcome::unreachable);
  CHECK(parse_contact_outcome("PAID") == ContactOutcome::paid);
  CHECK(parse_contact_outcome("已还款") == ContactOutcome::paid);
  CHECK(parse_contact_outcome("已付") == ContactOutcome::paid);
  CHECK(parse_contact_outcome("") == ContactOutcome::unknown);
  CHECK(parse_contact_outcome("promises") == ContactOutcome::unknown);
  CHECK(parse_contact_outcome("承诺了") == ContactOutcome::unknown);
  CHECK(std::string(contact_outcome_name(ContactOutcome::unreachable)) == "unreachable");
}

TEST_CASE("contact log: rows matched by id or name, unmatched and unusable rows rejected with a reason") {
  const ImportedFile invoices = import_bytes(
      "inv.csv",
      "customer_id,customer_name,invoice_id,invoice_date,due_date,amount\n"
      "C1,华东贸易,I1,2024-01-01,2024-01-31,100.00\n"
      "C2,Beta Ltd,I2,2024-01-01,2024-01-31,200.00\n");
  const ImportedFile contacts = import_bytes(
      "log.csv",
      "customer_id,customer_name,contact_date,channel,outcome,promised_date,promised_amount\n"
      "C1,,2024-03-01,phone,承诺还款,2024-03-10,100.00\n"
      ",Beta Ltd,2024-03-02,SMS,no answer,,\n"
      "C9,Nobody,2024-03-03,visit,refused,,\n"
      "C2,,,visit,refused,,\n"
      "C2,,2024-03-04,letter,maybe later,,\n");
  REQUIRE(contacts.table_kind == TableKind::contacts);
  const std::vector<ImportedFile> files{invoices, contacts};
  const Ledger ledger = build_ledger(files);
  const ContactLog log = build_contact_log(files, ledger);
  CHECK(log.present);
  CHECK(log.rows_read == 5);
  REQUIRE(log.contacts.size() == 2);
  CHECK(log.rows_read == log.contacts.size() + log.rejected.size());
  CHECK(ledger.customers[log.contacts[0].customer].id == "C1");
  CHECK(log.contacts[0].outcome == ContactOutcome::promise);
  CHECK(log.contacts[0].promised_cents == 10000);
  CHECK(log.contacts[0].promised_date == day(2024, 3, 10));
  CHECK(ledger.customers[log.contacts[1].customer].id == "C2");  // matched by name
  CHECK(log.contacts[1].outcome == ContactOutcome::unreachable);
  REQUIRE(log.rejected.size() == 3);
  CHECK(log.rejected[0].reason == "customer not in the ledger: C9");
  CHECK(log.rejected[0].kind == ProblemKind::customer_not_in_ledger);
  CHECK(log.rejected[0].detail.value == "C9");
  CHECK(log.rejected[0].line == 4);
  CHECK(log.rejected[1].reason == "no contact date");
  CHECK(log.rejected[2].reason == "outcome not recognised: 'maybe later'");
  CHECK(log.rejected[1].kind == ProblemKind::no_contact_date);
  CHECK(log.rejected[2].kind == ProblemKind::outcome_not_recognised);
}

TEST_CASE("broken promise: promised date passed without the promised amount paid between contact and promise") {
  Book b;
  b.invoice("C", "I1", day(2024, 1, 1), day(2024, 1, 31), 100000);
  b.pay("C", day(2024, 3, 5), 30000);   // inside the first promise's window, short of 800.00
  b.pay("C", day(2024, 4, 25), 20000);  // after the second promise's date: too late for it
  b.contact("C", day(2024, 3, 1), "phone", "promise to pay", day(2024, 3, 10), 80000);  // broken: 300 < 800
  b.contact("C", day(2024, 3, 1), "phone", "promise", day(2024, 3, 10), 30000);         // kept: 300 ≥ 300
  b.contact("C", day(2024, 4, 1), "phone", "承诺", day(2024, 4, 20));                   // no amount, no payment: broken
  b.contact("C", day(2024, 6, 1), "phone", "承诺", day(2024, 7, 20), 50000);            // not due yet at the as-of date
  b.contact("C", day(2024, 7, 2), "phone", "refused");                                  // after the as-of date: unknown yet
  const auto files = b.files();
  const Ledger ledger = ledger_of(b, files);
  const ContactLog log = build_contact_log(files, ledger);
  const ContactSummary s = summarize_contacts(log, ledger, 0, kAsOf);
  CHECK(s.evaluated);
  CHECK(s.contacts == 4);
  CHECK(s.promises == 4);
  CHECK(s.broken_promises == 2);
  CHECK(s.refusals == 0);
  CHECK(s.last_contact == day(2024, 6, 1));
  // On the promised date itself the payment counts (window inclusive).
  const ContactSummary later = summarize_contacts(log, ledger, 0, day(2024, 7, 31));
  CHECK(later.refusals == 1);
  CHECK(later.broken_promises == 3);
}

TEST_CASE("contact log from a Chinese export: headers, outcomes, name matching and an unknown customer") {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/classify/contacts_zh.csv", std::ios::binary);
  REQUIRE(in.good());
  std::stringstream bytes;
  bytes << in.rdbuf();
  const ImportedFile log_file = import_bytes("contacts_zh.csv", bytes.str());
  REQUIRE(log_file.table_kind == TableKind::contacts);
  const ImportedFile invoices = import_bytes(
      "inv.csv",
      "customer_id,customer_name,invoice_id,invoice_date,due_date,amount\n"
      "C1,华东贸易,I1,2024-01-01,2024-01-31,1000.00\n"
      "C2,南方五金,I2,2024-01-01,2024-01-31,200.00\n"
      "C4,北京喆堃科技,I4,2024-01-01,2024-01-31,300.00\n");
  const std::vector<ImportedFile> files{invoices, log_file};
  const Ledger ledger = build_ledger(files);
  const ContactLog log = build_contact_log(files, ledger);
  REQUIRE(log.contacts.size() == 4);
  CHECK(log.contacts[0].outcome == ContactOutcome::promise);
  CHECK(log.contacts[0].promised_cents == 100000);
  CHECK(log.contacts[0].promised_date == day(2024, 3, 10));
  CHECK(log.contacts[1].outcome == ContactOutcome::unreachable);
  CHECK(log.contacts[1].channel == "短信");
  CHECK(log.contacts[2].outcome == ContactOutcome::refused);
  CHECK(ledger.customers[log.contacts[3].customer].id == "C4");  // matched by name
  CHECK(log.contacts[3].outcome == ContactOutcome::unreachable);
  REQUIRE(log.rejected.size() == 1);
  CHECK(log.rejected[0].reason == "customer not in the ledger: C3");
  CHECK(log.rejected[0].line == 6);
  // C1's promise of 1,000.00 by 2024-03-10 with nothing paid: broken at any later as-of date.
  const ContactSummary c1 = summarize_contacts(log, ledger, log.contacts[0].customer, day(2024, 3, 31));
  CHECK(c1.broken_promises == 1);
  CHECK(c1.unreachable == 1);
}
