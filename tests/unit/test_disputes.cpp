// Disputed invoices (issue #20 §2): the `disputed` role's header words and values, the contact
// outcome `dispute`, and the per-invoice mark in the ledger (Invoice::disputed_from) from an
// invoice row's column and from the contact log (an invoice named, or every past-due invoice of
// the customer at the contact's date).
#include <doctest/doctest.h>

#include "overdue/import/importer.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/ledger/disputes.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/roles/roles.hpp"
#include "overdue/text/civil_date.hpp"

using namespace overdue;

namespace {

int32_t day(int y, int m, int d) { return days_from_civil(y, m, d); }

const Invoice& invoice_named(const Ledger& l, const std::string& id) {
  for (const Invoice& inv : l.invoices)
    if (l.invoice_id(inv) == id) return inv;
  FAIL("no invoice " << id);
  return l.invoices.front();
}

Role role_of(const ImportedFile& f, const std::string& header) {
  for (const Column& c : f.columns)
    if (c.name == header) return c.role;
  return Role::none;
}

}  // namespace

TEST_CASE("disputed role: its name parses back, and the headers Disputed, In dispute, 争议, 有争议 take it") {
  Role r = Role::none;
  REQUIRE(parse_role("disputed", r));
  CHECK(r == Role::disputed);
  CHECK(role_name(Role::disputed) == "disputed");
  for (const char* header : {"Disputed", "In dispute", "争议", "有争议"}) {
    const std::string csv = std::string("customer_id,invoice_id,invoice_date,due_date,amount,") + header +
                            "\nC1,I1,2024-01-01,2024-01-31,100.00,yes\n";
    const ImportedFile f = import_bytes("inv.csv", csv);
    CAPTURE(header);
    CHECK(f.table_kind == TableKind::invoices);
    CHECK(role_of(f, header) == Role::disputed);
  }
}

TEST_CASE("disputed values: yes/no, 是/否, Y/N, true/false, 1/0 in any case; empty is no; other words are neither") {
  for (const char* yes : {"yes", "YES", " Yes ", "是", "Y", "y", "true", "TRUE", "1", "有争议"})
    CHECK(parse_disputed_flag(yes) == std::optional<bool>(true));
  for (const char* no : {"no", "No", "否", "N", "n", "false", "False", "0", "", "  "})
    CHECK(parse_disputed_flag(no) == std::optional<bool>(false));
  for (const char* other : {"maybe", "2", "yes!", "是的"}) CHECK_FALSE(parse_disputed_flag(other).has_value());
}

TEST_CASE("contact outcome dispute: dispute, disputed, in dispute, 争议, 有争议; its name is dispute") {
  for (const char* w : {"dispute", "Dispute", "DISPUTED", " in  dispute ", "争议", "有争议"})
    CHECK(parse_contact_outcome(w) == ContactOutcome::dispute);
  CHECK(std::string(contact_outcome_name(ContactOutcome::dispute)) == "dispute");
  CHECK(parse_contact_outcome("disputes") == ContactOutcome::unknown);
}

TEST_CASE("ledger: a yes in the disputed column marks the invoice from its invoice date; no, empty, other words do not") {
  const ImportedFile inv = import_bytes(
      "inv.csv",
      "客户编号,发票编号,发票日期,到期日,金额,有争议\n"
      "C1,I1,2024-01-01,2024-01-31,100.00,是\n"
      "C1,I2,2024-02-01,2024-03-02,200.00,否\n"
      "C1,I3,2024-03-01,2024-03-31,300.00,\n"
      "C2,I4,2024-01-05,2024-02-04,400.00,Y\n"
      "C2,I5,2024-01-06,2024-02-05,500.00,perhaps\n");
  REQUIRE(inv.table_kind == TableKind::invoices);
  const Ledger l = build_ledger(std::vector<ImportedFile>{inv});
  REQUIRE(l.invoices.size() == 5);
  CHECK(invoice_named(l, "I1").disputed_from == day(2024, 1, 1));
  CHECK(invoice_named(l, "I2").disputed_from == kMissingDays);
  CHECK(invoice_named(l, "I3").disputed_from == kMissingDays);
  CHECK(invoice_named(l, "I4").disputed_from == day(2024, 1, 5));
  CHECK(invoice_named(l, "I5").disputed_from == kMissingDays);
  CHECK(invoice_disputed(invoice_named(l, "I1"), day(2024, 6, 30)));
  CHECK_FALSE(invoice_disputed(invoice_named(l, "I1"), day(2023, 12, 31)));
  CHECK_FALSE(invoice_disputed(invoice_named(l, "I2"), day(2024, 6, 30)));
  bool noted = false;
  for (const std::string& n : l.notes) noted = noted || n.find("perhaps") != std::string::npos;
  CHECK(noted);   // the word that is neither yes nor no is reported, not silently dropped
}

TEST_CASE("contact log: a dispute row with an invoice id marks that invoice from the contact date") {
  const ImportedFile inv = import_bytes(
      "inv.csv",
      "customer_id,invoice_id,invoice_date,due_date,amount\n"
      "C1,I1,2024-01-01,2024-01-31,100.00\n"
      "C1,I2,2024-02-01,2024-03-02,200.00\n"
      "C2,I9,2024-02-01,2024-03-02,200.00\n");
  const ImportedFile log_file = import_bytes(
      "log.csv",
      "customer_id,invoice_id,contact_date,channel,outcome\n"
      "C1,I2,2024-04-10,phone,争议\n"
      "C1,I9,2024-04-11,phone,dispute\n"      // I9 is C2's: rejected, nothing marked
      "C1,I7,2024-04-12,phone,promise\n");    // an unknown invoice on another outcome: kept
  REQUIRE(log_file.table_kind == TableKind::contacts);
  const std::vector<ImportedFile> files{inv, log_file};
  Ledger l = build_ledger(files);
  const ContactLog log = build_contact_log(files, l);
  REQUIRE(log.contacts.size() == 2);
  CHECK(log.contacts[0].outcome == ContactOutcome::dispute);
  CHECK(log.contacts[0].invoice_id == "I2");
  CHECK(l.invoice_id(l.invoices[static_cast<size_t>(log.contacts[0].invoice)]) == "I2");
  CHECK(log.contacts[1].invoice == -1);
  REQUIRE(log.rejected.size() == 1);
  CHECK(log.rejected[0].kind == ProblemKind::disputed_invoice_not_in_ledger);
  CHECK(log.rejected[0].reason == "disputed invoice not in the ledger for this customer: I9");
  CHECK(log.rows_read == log.contacts.size() + log.rejected.size());

  CHECK(mark_contact_disputes(l, log) == 1);
  CHECK(invoice_named(l, "I1").disputed_from == kMissingDays);
  CHECK(invoice_named(l, "I2").disputed_from == day(2024, 4, 10));
  CHECK(invoice_named(l, "I9").disputed_from == kMissingDays);
  CHECK(summarize_contacts(log, l, 0, day(2024, 6, 30)).disputes == 1);
  CHECK(summarize_contacts(log, l, 0, day(2024, 4, 9)).disputes == 0);   // not known before its date
}

TEST_CASE("contact log: a dispute row without an invoice id marks the customer's invoices past due and open at that date") {
  const ImportedFile inv = import_bytes(
      "inv.csv",
      "customer_id,invoice_id,invoice_date,due_date,amount\n"
      "C1,I1,2024-01-01,2024-01-31,100.00\n"    // past due at 04-10, paid 04-20 (after): marked
      "C1,I2,2024-02-01,2024-03-02,200.00\n"    // past due, open: marked
      "C1,I3,2024-03-20,2024-04-19,300.00\n"    // not due yet at 04-10: not marked
      "C1,I4,2024-01-02,2024-02-01,50.00\n"     // paid in full 03-01, before the contact: not marked
      "C1,I5,2024-04-01,2024-04-10,70.00\n"     // due on the contact date itself: not past due
      "C2,I6,2024-01-01,2024-01-31,100.00\n");  // another customer
  const ImportedFile pay = import_bytes(
      "pay.csv",
      "customer_id,invoice_id,payment_date,payment_amount\n"
      "C1,I4,2024-03-01,50.00\n"
      "C1,I1,2024-04-20,100.00\n");
  const ImportedFile log_file = import_bytes(
      "log.csv",
      "customer_id,contact_date,channel,outcome\n"
      "C1,2024-04-10,visit,in dispute\n"
      "C1,2024-05-01,phone,dispute\n");         // later: I3 (past due by then) from 05-01; the others keep 04-10
  const std::vector<ImportedFile> files{inv, pay, log_file};
  Ledger l = build_ledger(files);
  const ContactLog log = build_contact_log(files, l);
  REQUIRE(log.contacts.size() == 2);
  CHECK(mark_contact_disputes(l, log) == 4);   // I1, I2 at 04-10; I3, I5 at 05-01
  CHECK(invoice_named(l, "I1").disputed_from == day(2024, 4, 10));
  CHECK(invoice_named(l, "I2").disputed_from == day(2024, 4, 10));
  CHECK(invoice_named(l, "I3").disputed_from == day(2024, 5, 1));
  CHECK(invoice_named(l, "I4").disputed_from == kMissingDays);
  CHECK(invoice_named(l, "I5").disputed_from == day(2024, 5, 1));
  CHECK(invoice_named(l, "I6").disputed_from == kMissingDays);
  CHECK_FALSE(invoice_disputed(invoice_named(l, "I3"), day(2024, 4, 30)));
  CHECK(invoice_disputed(invoice_named(l, "I3"), day(2024, 5, 1)));
}

TEST_CASE("disputes: the earliest mark wins — the row's column before a later contact") {
  const ImportedFile inv = import_bytes(
      "inv.csv",
      "customer_id,invoice_id,invoice_date,due_date,amount,disputed\n"
      "C1,I1,2024-01-01,2024-01-31,100.00,1\n"
      "C1,I2,2024-01-01,2024-01-31,100.00,0\n");
  const ImportedFile log_file = import_bytes(
      "log.csv", "customer_id,invoice_id,contact_date,outcome\nC1,I1,2024-03-01,dispute\nC1,I2,2024-03-01,dispute\n");
  const std::vector<ImportedFile> files{inv, log_file};
  Ledger l = build_ledger(files);
  const ContactLog log = build_contact_log(files, l);
  CHECK(mark_contact_disputes(l, log) == 1);
  CHECK(invoice_named(l, "I1").disputed_from == day(2024, 1, 1));
  CHECK(invoice_named(l, "I2").disputed_from == day(2024, 3, 1));
}
