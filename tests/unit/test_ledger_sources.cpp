// Ledger from the other input shapes (issue #3 inputs (a), (c), (d)): one-table ledgers with paid
// dates and/or paid amounts or open amounts, running ledgers (借方/贷方/余额/方向) with their
// balance check, and customers tables joined by id or by name. Expected numbers worked by hand.
#include "test_ledger_support.hpp"

using namespace ledger_test;

TEST_CASE("ledger one table: a paid date without a paid-amount column means paid in full on that date") {
  const std::vector<ImportedFile> files{csv("ledger.csv",
                                            "Customer,Invoice No,Invoice Date,Due Date,Amount,Paid Date\n"
                                            "Acme,A1,2024-01-01,2024-01-31,100.00,2024-02-10\n"
                                            "Acme,A2,2024-01-05,2024-02-04,70.00,\n"
                                            "Beta,B1,2024-01-07,2024-02-06,30.00,2024-01-20\n",
                                            "ledger")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.invoices.size() == 3);
  REQUIRE(l.payments.size() == 2);
  CHECK(l.payments[0].date == day(2024, 2, 10));
  CHECK(l.payments[0].amount_cents == cents(100));
  CHECK(l.named_invoice_id(l.payments[0]) == "A1");
  CHECK(paid_by(l, 0, day(2024, 2, 9)) == 0);
  CHECK(paid_by(l, 0, day(2024, 2, 10)) == cents(100));
  CHECK(open_at_end(l, 1) == cents(70));   // no paid date: unpaid
  CHECK(open_at_end(l, 2) == 0);
  CHECK(l.assumptions.empty());
  CHECK(l.last_date == day(2024, 2, 10));
  check_payments_conserved(l);
}

TEST_CASE("ledger one table: paid amounts without a date are undated payments, with the assumption stated once") {
  const std::vector<ImportedFile> files{csv("ledger.csv",
                                            "Customer,Invoice No,Invoice Date,Due Date,Amount,Paid Amount\n"
                                            "Acme,A1,2024-01-01,2024-01-31,100.00,40.00\n"
                                            "Acme,A2,2024-01-05,2024-02-04,70.00,-\n"   // '-' = 0: nothing paid
                                            "Beta,B1,2024-01-07,2024-02-06,30.00,30.00\n",
                                            "ledger")};
  const Ledger l = build_ledger(files);
  REQUIRE(l.payments.size() == 2);
  CHECK(l.payments[0].date == kMissingDays);
  CHECK(l.payments[0].amount_cents == cents(40));
  CHECK(open_at_end(l, 0) == cents(60));
  CHECK(open_at_end(l, 1) == cents(70));
  CHECK(open_at_end(l, 2) == 0);
  for (const Allocation& a : l.allocations) CHECK(a.date == kMissingDays);
  REQUIRE(l.assumptions.size() == 1);
  CHECK(l.assumptions[0] == "paid amounts without a date are assumed paid by the as-of date");
  CHECK(l.last_date == day(2024, 1, 7));   // undated payments do not move the span
}

TEST_CASE("ledger one table: paid amount with a paid date; an excess pays the customer's other invoices") {
  const std::vector<ImportedFile> files{
      fixture("tests/data/roles/ledger_zh.csv", "ledger")};
  const Ledger l = build_ledger(files);
  // 7 invoices of 5 customers (ids C001…C005), 5 rows with a paid amount (two are '-').
  REQUIRE(l.invoices.size() == 7);
  REQUIRE(l.customers.size() == 5);
  REQUIRE(l.payments.size() == 5);
  const size_t c2 = customer_index(l, "杭州明远科技有限公司");
  CHECK(l.customers[c2].id == "C002");
  CHECK(l.customers[c2].sales_rep == "李强");
  const size_t fp2 = invoice_index(l, "FP20240002");
  CHECK(l.invoices[fp2].amount_cents == cents(45600));
  CHECK(paid_by(l, fp2, day(2024, 3, 19)) == 0);
  CHECK(paid_by(l, fp2, day(2024, 3, 20)) == cents(20000));
  CHECK(open_at_end(l, invoice_index(l, "FP20240005")) == cents(56000));
  CHECK(open_at_end(l, invoice_index(l, "FP20240003")) == cents(8350, 50));
  CHECK(l.credits.empty());
  CHECK(l.assumptions.empty());
  CHECK(l.first_date == day(2024, 1, 5));
  CHECK(l.last_date == day(2024, 5, 10));
  check_payments_conserved(l);

  // A paid amount above the invoice: the rest goes to the customer's oldest other open invoice.
  const Ledger over = build_ledger({csv("over.csv",
                                        "Customer,Invoice No,Invoice Date,Due Date,Amount,Paid Amount,Paid Date\n"
                                        "Acme,A1,2024-01-01,2024-01-31,100.00,,\n"
                                        "Acme,A2,2024-01-05,2024-02-04,70.00,120.00,2024-02-01\n",
                                        "ledger")});
  CHECK(open_at_end(over, 1) == 0);
  CHECK(open_at_end(over, 0) == cents(50));
  CHECK(paid_by(over, 0, day(2024, 2, 1)) == cents(50));
}

TEST_CASE("ledger one table: open amount gives paid = amount − open, undated") {
  const Ledger l = build_ledger({csv("open.csv",
                                     "Customer,Invoice Date,Due Date,Amount,Outstanding Amount\n"
                                     "Acme,2024-01-01,2024-01-31,100.00,30.00\n"
                                     "Acme,2024-01-09,2024-02-08,50.00,50.00\n",
                                     "ledger")});
  REQUIRE(l.invoices.size() == 2);
  CHECK(l.invoice_id(l.invoices[0]) == "open.csv:2");   // no invoice id in the data: file:line
  CHECK(l.invoice_id(l.invoices[1]) == "open.csv:3");
  REQUIRE(l.payments.size() == 1);
  CHECK(l.payments[0].amount_cents == cents(70));
  CHECK(l.payments[0].date == kMissingDays);
  CHECK(open_at_end(l, 0) == cents(30));
  CHECK(open_at_end(l, 1) == cents(50));
  CHECK(has_text(l.assumptions, "without a date"));

  // ERPNext: paid and outstanding amounts both given and consistent — paid amounts used, no note.
  const Ledger erp = build_ledger({fixture("tests/data/roles/ar_aging_erpnext.csv", "ledger")});
  REQUIRE(erp.invoices.size() == 4);
  CHECK(open_at_end(erp, invoice_index(erp, "ACC-SINV-2024-00011")) == cents(3000));
  CHECK(open_at_end(erp, invoice_index(erp, "ACC-SINV-2023-00102")) == cents(5900));
  CHECK(open_at_end(erp, invoice_index(erp, "ACC-SINV-2024-00027")) == 0);
  CHECK_FALSE(has_text(erp.notes, "disagree"));
  CHECK(erp.customers[customer_index(erp, "Grant Plastics Ltd.")].sales_rep == "Jane Doe");
}

TEST_CASE("ledger one table: paid and open amounts that disagree are noted; the paid amount wins") {
  const Ledger l = build_ledger({csv("both.csv",
                                     "Customer,Invoice No,Invoice Date,Due Date,Invoiced Amount,Paid Amount,Outstanding Amount\n"
                                     "Acme,A1,2024-01-01,2024-01-31,100.00,40.00,50.00\n",
                                     "ledger")});
  CHECK(open_at_end(l, 0) == cents(60));
  CHECK(has_text(l.notes, "both.csv line 2"));
}

TEST_CASE("ledger running ledger (Kingdee): opening balance, FIFO credits, subtotal row rejected, balances agree") {
  for (const char* path : {"tests/data/roles/running_ledger_kingdee.csv", "tests/data/roles/running_ledger_kingdee_gbk.csv"}) {
    CAPTURE(path);
    const Ledger l = build_ledger({fixture(path, "running_ledger")});
    // One customer named after the file (no customer column).
    REQUIRE(l.customers.size() == 1);
    const std::string stem = std::string(path).find("gbk") != std::string::npos ? "running_ledger_kingdee_gbk"
                                                                                 : "running_ledger_kingdee";
    CHECK(l.customers[0].name == stem);
    CHECK(has_text(l.assumptions, "named after its file"));
    CHECK(has_text(l.assumptions, "opening balance"));
    // Invoices: the opening 15,000 (01-01), 12,800 (01-05), 23,100 (02-02). Payments: 15,000 (01-18),
    // 12,800 (02-01), 23,100 (03-28). The 本月合计 row is not a fourth payment.
    REQUIRE(l.invoices.size() == 3);
    REQUIRE(l.payments.size() == 3);
    CHECK(l.invoices[0].amount_cents == cents(15000));
    CHECK(l.invoices[0].invoice_date == day(2024, 1, 1));
    CHECK(l.invoices[0].due_date == day(2024, 1, 31));   // default terms 30 days
    CHECK(l.invoices[1].due_date == day(2024, 2, 4));
    // 01-18: the 15,000 pays the opening balance (due first), not the 12,800 invoice.
    CHECK(paid_by(l, 0, day(2024, 1, 18)) == cents(15000));
    CHECK(paid_by(l, 1, day(2024, 1, 31)) == 0);
    // 02-01 (out of file order, before the 02-02 invoice): pays the 12,800.
    CHECK(paid_by(l, 1, day(2024, 2, 1)) == cents(12800));
    CHECK(paid_by(l, 2, day(2024, 3, 27)) == 0);
    CHECK(open_at_end(l, 2) == 0);
    CHECK(l.credits.empty());
    CHECK_FALSE(has_text(l.notes, "balance"));   // every stated balance matches the entries
    // The 本月合计 row is rejected by the import as a subtotal row (issue #9), not by the ledger.
    CHECK(l.rejected.empty());
    CHECK(l.rows.read == 7);
    CHECK(l.rows.accepted == 6);
    CHECK(l.rows.rejected == 1);
    check_payments_conserved(l);
  }
}

TEST_CASE("ledger running ledger: a balance mismatch is reported with file and line, once") {
  const Ledger l = build_ledger({csv("明细账.csv",
                                     "客户名称,日期,摘要,借方,贷方,方向,余额\n"
                                     "甲公司,2024-01-01,期初余额,,,借,100.00\n"
                                     "甲公司,2024-01-05,销售,50.00,,借,150.00\n"
                                     "乙公司,2024-01-06,销售,80.00,,借,80.00\n"
                                     "甲公司,2024-01-10,收款,,30.00,借,130.00\n"   // 150 − 30 = 120, not 130
                                     "甲公司,2024-01-20,收款,,130.00,平,0.00\n"     // 130 (restarted) − 130 = 0
                                     "乙公司,2024-01-25,收款,,100.00,贷,20.00\n",   // 80 − 100 = −20 (贷 20): over-paid
                                     "running_ledger")});
  REQUIRE(l.customers.size() == 2);
  CHECK(count_text(l.notes, "balance") == 1);
  CHECK(has_text(l.notes, "明细账.csv line 5: balance 130.00 stated, 120.00 computed"));
  // The entries, not the stated balances, make the ledger: 甲公司 owes 100 + 50 and paid 30 + 130,
  // so 10 is credit; 乙公司 owes 80 and paid 100, so 20 is credit (its stated 贷 20 agrees).
  REQUIRE(l.credits.size() == 2);
  CHECK(l.credits[0].customer == customer_index(l, "甲公司"));
  CHECK(l.credits[0].cents == cents(10));
  CHECK(l.credits[0].date == day(2024, 1, 20));
  CHECK(l.credits[1].customer == customer_index(l, "乙公司"));
  CHECK(l.credits[1].cents == cents(20));
  CHECK(l.rows.accepted == 6);
  check_payments_conserved(l);
}

TEST_CASE("ledger running ledger: a negative debit is a credit note, a negative credit a reversed receipt") {
  const Ledger l = build_ledger({csv("rl.csv",
                                     "客户名称,日期,摘要,借方,贷方,余额\n"
                                     "甲公司,2024-01-05,销售,100.00,,100.00\n"
                                     "甲公司,2024-01-10,红字冲销,-30.00,,70.00\n"     // credit note of 30
                                     "甲公司,2024-01-15,收款,,70.00,0.00\n"
                                     "甲公司,2024-01-20,退回收款,,-20.00,20.00\n",   // 20 owed again
                                     "running_ledger")});
  REQUIRE(l.invoices.size() == 3);
  CHECK(l.invoices[1].amount_cents == -cents(30));
  CHECK(l.invoices[2].amount_cents == cents(20));
  CHECK(l.invoices[2].invoice_date == day(2024, 1, 20));
  CHECK(has_text(l.notes, "reversed receipt"));
  CHECK_FALSE(has_text(l.notes, "stated"));   // balances agree with this reading
  CHECK(open_at_end(l, 0) == 0);               // 30 by the credit note, 70 by the receipt
  CHECK(open_at_end(l, 1) == 0);
  CHECK(open_at_end(l, 2) == cents(20));
  CHECK(l.credits.empty());
}
