// Invoice statuses (issue #17, item 5): Draft and Void invoices are set aside (counted apart from
// rejected rows and listed), Paid without a date is paid by the as-of date unless a balance says
// otherwise, unknown words are real invoices listed in one note. Open amounts per customer below
// are computed by hand from tests/data/invoicing/statuses.csv.
#include <doctest/doctest.h>

#include "overdue/ledger/line_items.hpp"
#include "overdue/report/inspect_json.hpp"
#include "test_ledger_support.hpp"

using namespace ledger_test;

namespace {

int64_t customer_open(const Ledger& l, const std::string& name) {
  const size_t c = customer_index(l, name);
  int64_t open = 0;
  for (size_t i = 0; i < l.invoices.size(); ++i)
    if (l.invoices[i].customer == c) open += open_at_end(l, i);
  return open;
}

bool has_customer(const Ledger& l, const std::string& name) {
  for (const Customer& c : l.customers)
    if (c.name == name) return true;
  return false;
}

}  // namespace

TEST_CASE("status words") {
  CHECK(classify_status("Draft") == InvoiceStatus::draft);
  CHECK(classify_status(" 草稿 ") == InvoiceStatus::draft);
  for (const char* v : {"Void", "VOIDED", "Cancelled", "canceled", "Deleted", "作废", "已作废", "已取消"})
    CHECK_MESSAGE(classify_status(v) == InvoiceStatus::void_, v);
  for (const char* v : {"Paid", "已结清", "已收款"}) CHECK_MESSAGE(classify_status(v) == InvoiceStatus::paid, v);
  for (const char* v : {"Sent", "Unsent", "Viewed", "Due", "Overdue", "Partial", "partially paid"})
    CHECK_MESSAGE(classify_status(v) == InvoiceStatus::open, v);
  CHECK(classify_status("AUTHORISED") == InvoiceStatus::other);
  CHECK(classify_status("未审核") == InvoiceStatus::other);
  CHECK(classify_status("") == InvoiceStatus::none);
}

TEST_CASE("statuses: drafts and void invoices set aside, Paid without a date, the balance wins") {
  const ImportedFile f = fixture("tests/data/invoicing/statuses.csv", "ledger");
  const Ledger l = build_ledger({f});

  // Set aside: S-02 Draft, S-03 Void, S-07 已作废, S-08 草稿 — listed with the status as written.
  REQUIRE(l.set_aside.size() == 4);
  CHECK(l.set_aside[0].kind == ProblemKind::draft_invoice);
  CHECK(l.set_aside[0].detail.value == "Draft");
  CHECK(l.set_aside[0].line == 3);
  CHECK(l.set_aside[1].kind == ProblemKind::void_invoice);
  CHECK(l.set_aside[1].detail.value == "Void");
  CHECK(l.set_aside[2].kind == ProblemKind::void_invoice);
  CHECK(l.set_aside[2].detail.value == "已作废");
  CHECK(l.set_aside[3].kind == ProblemKind::draft_invoice);
  CHECK(l.rows.read == 9);
  CHECK(l.rows.set_aside == 4);
  CHECK(l.rows.rejected == 0);
  CHECK(l.rows.accepted == 5);
  CHECK(l.invoices.size() == 5);

  // Acme: S-01 1 000.00 open (its draft S-02 is not a receivable yet).
  CHECK(customer_open(l, "Acme Ltd") == cents(1000));
  // Beta: S-03 void, S-04 Paid with no date and no balance → paid in full (assumption recorded).
  CHECK(customer_open(l, "Beta Co") == 0);
  CHECK(has_text(l.assumptions, "status Paid and no paid date"));
  // Gamma: S-05 Paid but balance 150.00 (the balance wins) + S-06 AUTHORISED 250.00.
  CHECK(customer_open(l, "Gamma GmbH") == cents(400));
  CHECK(has_text(l.notes, "but balance 150.00 open"));
  // Delta: both rows set aside, so no customer at all; Echo: S-09 未审核 120.00 open.
  CHECK_FALSE(has_customer(l, "Delta LLC"));
  CHECK(customer_open(l, "Echo Inc") == cents(120));
  CHECK(has_text(l.notes, "statuses read as real invoices (not Draft, Void or Paid): AUTHORISED, 未审核"));

  // inspect counts the same rows apart.
  const std::string json = inspect_file_json(f);
  CHECK(json.find("\"rows\":{\"read\":9,\"accepted\":5,\"rejected\":0,\"set_aside\":4}") != std::string::npos);
  CHECK(json.find("{\"line\":3,\"reason\":\"draft\",\"detail\":\"Draft\",\"rows\":1}") != std::string::npos);
}

TEST_CASE("--keep-drafts: drafts are invoices, void ones are still set aside") {
  const ImportedFile f = fixture("tests/data/invoicing/statuses.csv", "ledger");
  LedgerOptions keep;
  keep.keep_drafts = true;
  const Ledger l = build_ledger({f}, keep);
  CHECK(l.rows.set_aside == 2);
  CHECK(l.rows.accepted == 7);
  CHECK(customer_open(l, "Acme Ltd") == cents(1500));
  CHECK(customer_open(l, "Delta LLC") == cents(60));
}

TEST_CASE("a void line-item invoice is set aside with all its rows") {
  const ImportedFile f = csv("void_lines.csv",
                             "Customer,Invoice,Invoice Date,Due Date,Item,Line Total,Total,Status\n"
                             "Acme,INV-1,2024-01-05,2024-02-04,Widget,60.00,100.00,Sent\n"
                             "Acme,INV-1,2024-01-05,2024-02-04,Gadget,40.00,100.00,\n"
                             "Acme,INV-2,2024-01-06,2024-02-05,Widget,10.00,30.00,Voided\n"
                             "Acme,INV-2,,,Gadget,20.00,,\n"
                             "Acme,INV-2,,,Hosting,0.00,,\n",
                             "invoices");
  const Ledger l = build_ledger({f});
  REQUIRE(l.set_aside.size() == 1);
  CHECK(l.set_aside[0].rows == 3);
  CHECK(l.set_aside[0].line == 4);
  CHECK(l.rows.set_aside == 3);
  CHECK(l.rows.accepted == 2);
  CHECK(l.invoices.size() == 1);
  CHECK(customer_open(l, "Acme") == cents(100));
}
