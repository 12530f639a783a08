// Ledger: customer identity and the customers-table join (issue #3 input (d)), rejected rows with
// their reasons, reconciliation of the row counts, terms and dates, and the notes the ledger
// writes (duplicate invoice ids, due date before invoice date).
#include "test_ledger_support.hpp"

using namespace ledger_test;

TEST_CASE("ledger customers: the customers table joins by id") {
  const std::vector<ImportedFile> files{
      fixture("tests/data/roles/customers_zh.csv", "customers"),
      fixture("tests/data/roles/ledger_zh.csv", "ledger")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.customers.size() == 5);   // the same five customers, not ten
  const size_t c4 = customer_index(l, "南京瑞丰建材有限公司");
  CHECK(l.customers[c4].id == "C004");
  CHECK(l.customers[c4].credit_limit_cents == cents(200000));
  CHECK(l.customers[c4].person_in_charge == "赵磊");
  CHECK(l.customers[c4].contact == "郑浩");
  CHECK(l.customers[c4].segment == "重点客户");
  CHECK(l.customers[c4].sales_rep == "赵磊");   // from its latest invoice
  CHECK(l.invoices[invoice_index(l, "FP20240005")].customer == c4);
  // Counts cover both files: 5 customers rows + 7 ledger rows.
  CHECK(l.rows.read == 12);
  CHECK(l.rows.accepted == 12);
}

TEST_CASE("ledger customers: by name when the table has no id; ids and names meet across files") {
  const std::vector<ImportedFile> files{
      csv("customers.csv",
          "Customer,Contact,Credit Limit,Segment\n"
          "Acme,Bob,\"5,000.00\",Key\n"
          "  Beta  ,Ann,100.00,New\n",   // trimmed
          "customers"),
      csv("invoices.csv",
          "Customer ID,Customer,Invoice No,Invoice Date,Due Date,Amount\n"
          "C1,Acme,A1,2024-01-01,2024-01-31,100.00\n"
          "C2,Beta,B1,2024-01-02,2024-02-01,80.00\n",
          "invoices"),
      // Payments with names only meet the customers the invoices gave ids to.
      csv("payments.csv", "Customer,Payment Date,Payment Amount\nAcme,2024-02-01,100.00\n", "payments")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.customers.size() == 2);
  const size_t acme = customer_index(l, "Acme"), beta = customer_index(l, "Beta");
  CHECK(l.customers[acme].id == "C1");   // first seen by name, the invoices gave it its id
  CHECK(l.customers[acme].contact == "Bob");
  CHECK(l.customers[acme].credit_limit_cents == cents(5000));
  CHECK(l.customers[beta].id == "C2");
  CHECK(l.customers[beta].segment == "New");
  CHECK(l.payments[0].customer == acme);
  CHECK(open_at_end(l, invoice_index(l, "A1")) == 0);
  CHECK(l.credits.empty());
}

TEST_CASE("ledger customers: the same name under two ids is two customers") {
  const Ledger l = build_ledger({csv("invoices.csv",
                                     "Customer ID,Customer,Invoice No,Invoice Date,Due Date,Amount\n"
                                     "C1,Acme,A1,2024-01-01,2024-01-31,100.00\n"
                                     "C2,Acme,A2,2024-01-02,2024-02-01,80.00\n"
                                     "C1,,A3,2024-01-03,2024-02-02,10.00\n",   // id only: C1
                                     "invoices")});
  REQUIRE(l.customers.size() == 2);
  CHECK(l.invoices[0].customer == l.invoices[2].customer);
  CHECK(l.invoices[0].customer != l.invoices[1].customer);
}

TEST_CASE("ledger rows: rejected with reasons, and the counts reconcile with the import's") {
  const std::vector<ImportedFile> files{
      csv("invoices.csv",
          "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
          "Acme,A1,2024-01-01,2024-01-31,100.00\n"   // line 2: used
          "Acme,A2,2024-01-02,2024-02-01,\n"         // line 3: no amount
          ",A3,2024-01-03,2024-02-02,10.00\n"        // line 4: no customer
          "Acme,A4,,,10.00\n"                        // line 5: no dates
          "Acme,A5,2024-01-05,2024-02-04,5.00,extra,fields\n"   // line 6: the import rejects it
          "合计,,,,125.00\n",                         // line 7: a total row
          "invoices"),
      csv("payments.csv",
          "Customer,Payment Date,Payment Amount\n"
          "Acme,2024-02-01,0.00\n"       // zero
          "Acme,2024-02-02,-5.00\n"      // refund: not applied
          "Acme,2024-02-03,\n"           // no amount
          "Acme,2024-02-04,30.00\n",     // used
          "payments"),
      // Other kinds are not part of the ledger and are not counted.
      fixture("tests/data/roles/contacts_zh.csv", "contacts"),
      fixture("tests/data/roles/accounts_en.csv", "accounts")};
  // The import rejects line 6 (field count) and, since issue #9, line 7 as a "total row".
  REQUIRE(files[0].rows.rejected == 2);
  REQUIRE(files[0].rejected.size() == 2);
  CHECK(files[0].rejected[1].line == 7);
  CHECK(files[0].rejected[1].reason == "total row");
  const Ledger l = build_ledger(files);
  REQUIRE(l.rejected.size() == 6);
  auto reason_at = [&](uint32_t file, uint64_t line) {
    for (const LedgerRejectedRow& r : l.rejected)
      if (r.file == file && r.line == line) return r.reason;
    return std::string("(not rejected)");
  };
  CHECK(reason_at(0, 3) == "no amount");
  CHECK(reason_at(0, 4) == "no customer");
  CHECK(reason_at(0, 5) == "no invoice date and no due date");
  CHECK(reason_at(0, 7) == "(not rejected)");   // by the ledger: the import already did
  CHECK(reason_at(1, 2) == "payment amount is zero");
  CHECK(reason_at(1, 3).find("negative payment amount") == 0);
  CHECK(reason_at(1, 4) == "no amount");
  CHECK(reason_at(0, 2) == "(not rejected)");
  // read = 6 + 4 (contacts and accounts not counted); rejected = 2 by the import + 6 by the ledger.
  CHECK(l.rows.read == 10);
  CHECK(l.rows.rejected == 8);
  CHECK(l.rows.accepted == 2);
  CHECK(l.rows.read == l.rows.accepted + l.rows.rejected);
  CHECK(l.invoices.size() == 1);
  CHECK(l.payments.size() == 1);
  CHECK(open_at_end(l, 0) == cents(70));
}

TEST_CASE("ledger dates: terms in days or as text, default terms as an assumption, missing invoice date") {
  const Ledger l = build_ledger({csv("invoices.csv",
                                     "Customer,Invoice No,Invoice Date,Terms,Amount\n"
                                     "Acme,A1,2024-01-01,Net 15,100.00\n"
                                     "Acme,A2,2024-01-01,月结60天,100.00\n"
                                     "Acme,A3,2024-01-01,Due on receipt,100.00\n"
                                     "Acme,A4,2024-01-01,,100.00\n",
                                     "invoices")});
  REQUIRE(l.invoices.size() == 4);
  CHECK(l.invoices[0].due_date == day(2024, 1, 16));
  CHECK(l.invoices[1].due_date == day(2024, 3, 1));
  CHECK(l.invoices[2].due_date == day(2024, 1, 1));
  CHECK(l.invoices[3].due_date == day(2024, 1, 31));   // default 30 days
  CHECK(has_text(l.assumptions, "due 30 days after the invoice date"));

  LedgerOptions options;
  options.terms_days_default = 45;
  const Ledger due_only = build_ledger({csv("invoices.csv",
                                            "Customer,Invoice No,Due Date,Amount\n"
                                            "Acme,A1,2024-03-01,100.00\n",
                                            "invoices")},
                                       options);
  REQUIRE(due_only.invoices.size() == 1);
  CHECK(due_only.invoices[0].invoice_date == day(2024, 3, 1) - 45);
  CHECK(has_text(due_only.assumptions, "minus the payment terms"));
}

TEST_CASE("ledger notes: duplicate invoice ids and a due date before the invoice date are kept and noted") {
  const Ledger l = build_ledger({csv("invoices.csv",
                                     "Customer,Invoice No,Invoice Date,Due Date,Amount\n"
                                     "Acme,A1,2024-01-01,2024-01-31,100.00\n"
                                     "Acme,A1,2024-02-01,2024-03-02,40.00\n"
                                     "Beta,A1,2024-01-01,2024-01-31,10.00\n"    // another customer: no duplicate
                                     "Beta,B2,2024-03-01,2024-02-01,10.00\n",   // due before issued
                                     "invoices"),
                                 csv("payments.csv",
                                     "Customer,Payment Date,Payment Amount,Invoice No\n"
                                     "Acme,2024-03-05,120.00,A1\n",   // both A1s, oldest first: 100 + 20
                                     "payments")});
  REQUIRE(l.invoices.size() == 4);
  CHECK(count_text(l.notes, "invoice id A1 appears 2 times for customer Acme") == 1);
  CHECK(count_text(l.notes, "appears") == 1);
  CHECK(has_text(l.notes, "invoices.csv line 5: due date 2024-02-01 is before the invoice date 2024-03-01"));
  CHECK(l.invoices[3].due_date == day(2024, 2, 1));   // kept as given
  CHECK(open_at_end(l, 0) == 0);
  CHECK(open_at_end(l, 1) == cents(20));
}

TEST_CASE("ledger notes are capped per kind") {
  std::string text = "Customer,Invoice No,Invoice Date,Due Date,Amount\n";
  for (int i = 0; i < 30; ++i) text += "Acme,A" + std::to_string(i) + ",2024-03-01,2024-02-01,1.00\n";
  const Ledger l = build_ledger({csv("invoices.csv", text, "invoices")});
  CHECK(count_text(l.notes, "is before the invoice date") == 20);
  CHECK(has_text(l.notes, "… and 10 more: due date before invoice date"));
}

TEST_CASE("ledger notes: payments from a ledger's paid columns and from a payments table are flagged") {
  const Ledger l = build_ledger({fixture("tests/data/roles/ledger_zh.csv", "ledger"),
                                 fixture("tests/data/roles/payments_zh.csv", "payments")});
  CHECK(has_text(l.notes, "counted twice"));
  // Names in the payments file meet the customers the ledger gave ids to.
  CHECK(l.customers.size() == 5);
  const Ledger alone = build_ledger({fixture("tests/data/roles/ledger_zh.csv", "ledger")});
  CHECK_FALSE(has_text(alone.notes, "counted twice"));
}
