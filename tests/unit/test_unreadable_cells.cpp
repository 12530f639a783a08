// When a file cannot be used, say exactly why (issue #17 item 8): a role's column with a few
// unreadable cells keeps its type and role, those rows are rejected with their cell's reason and
// every other row is used; "no invoices found" is said only when true, per file, with the reason.
#include <doctest/doctest.h>

#include "overdue/ledger/no_invoices.hpp"
#include "test_values_support.hpp"

using namespace overdue;

namespace {

std::vector<ProblemKind> rejected_kinds(const Ledger& l) {
  std::vector<ProblemKind> kinds;
  for (const LedgerRejectedRow& r : l.rejected) kinds.push_back(r.kind);
  return kinds;
}

}  // namespace

TEST_CASE("amount: 1e23 and NaN among 7 cells keep the column decimal; those 2 rows are rejected") {
  const ImportedFile f = ledger_test::fixture("tests/data/values/unreadable_amounts.csv", "invoices");
  const Column& amount = values_test::column_named(f, "amount");
  CHECK(amount.type == ColumnType::decimal);
  CHECK(amount.role == Role::amount);
  CHECK(f.cell_errors_total == 2);
  REQUIRE(f.cell_errors.size() == 2);
  CHECK(f.cell_errors[0].kind == ProblemKind::amount_out_of_range);
  CHECK(f.cell_errors[0].line == 3);
  CHECK(f.cell_errors[1].kind == ProblemKind::not_a_number);

  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 5);
  CHECK(rejected_kinds(l) == std::vector<ProblemKind>{ProblemKind::amount_out_of_range, ProblemKind::not_a_number});
  CHECK(l.rejected[0].line == 3);
  CHECK(l.rejected[1].line == 5);
  CHECK(l.rows.read == l.rows.accepted + l.rows.set_aside + l.rows.rejected);
  CHECK(l.rows.rejected == 2);
  const auto open = values_test::open_by_customer(l);
  CHECK(open.at("Alpha") == 10000);
  CHECK(open.at("Beta") == 25050);
  CHECK(open.at("Gamma") == 10000);
  CHECK(open.at("Delta") == 500);
  CHECK(no_invoice_reasons(std::vector<ImportedFile>{f}, l, Lang::en).empty());
}

TEST_CASE("due date: 0000-00-00 and 2024-02-30 keep the column dates; those rows: invalid date") {
  const ImportedFile f = ledger_test::fixture("tests/data/values/unreadable_dates.csv", "invoices");
  const Column& due = values_test::column_named(f, "due_date");
  CHECK(due.type == ColumnType::date);
  CHECK(due.role == Role::due_date);
  CHECK(f.cell_errors_total == 2);

  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 5);
  CHECK(rejected_kinds(l) == std::vector<ProblemKind>{ProblemKind::invalid_date, ProblemKind::invalid_date});
  CHECK(l.rejected[0].reason == "invalid date");
  const auto open = values_test::open_by_customer(l);
  CHECK(open.at("Alpha") == 10000);
  CHECK(open.at("Beta") == 25050);
  CHECK(open.at("Gamma") == 10000);
  CHECK(open.at("Delta") == 500);
}

TEST_CASE("a column not named for money still needs 95 % of its values") {
  const auto t = values_test::type_cells("value", {"1", "2", "NaN", "x", "5", "6", "7"});
  CHECK(t.col.type == ColumnType::text);
  CHECK(t.result.error_total == 0);
  // Named for money, a majority is enough; below half, text.
  CHECK(values_test::type_cells("amount", {"1", "2", "NaN", "x", "5"}, true).col.type == ColumnType::integer);
  CHECK(values_test::type_cells("amount", {"1", "NaN", "x", "y"}, true).col.type == ColumnType::text);
}

TEST_CASE("no invoices: said per file, with the reason") {
  // Every amount unreadable: the table is still invoices (the header names the amount); all rows
  // rejected with their cells' reasons.
  const ImportedFile bad = ledger_test::fixture("tests/data/values/unusable_amounts.csv", "invoices");
  const ImportedFile customers = ledger_test::fixture("tests/data/values/customers_only.csv", "customers");
  const ImportedFile unknown = import_bytes("notes.csv", "note,when\nhello,monday\nbye,tuesday\n");
  const std::vector<ImportedFile> files = {bad, customers, unknown};
  const Ledger l = build_ledger(files);
  REQUIRE(l.invoices.empty());
  CHECK(rejected_kinds(l) ==
        std::vector<ProblemKind>{ProblemKind::not_a_number, ProblemKind::not_a_number, ProblemKind::amount_out_of_range});

  const std::vector<std::string> en = no_invoice_reasons(files, l, Lang::en);
  REQUIRE(en.size() == 3);
  CHECK(en[0] == "tests/data/values/unusable_amounts.csv: read as Invoices / sales, but none of its 3 rows gave an "
                 "invoice: 3 rejected, 0 set aside (most often: not a number, 2 rows)");
  CHECK(en[1] == "tests/data/values/customers_only.csv: a customers table (customer details, no invoices)");
  CHECK(en[2] == "notes.csv: no amount column");
  const std::vector<std::string> zh = no_invoice_reasons(files, l, Lang::zh);
  REQUIRE(zh.size() == 3);
  CHECK(zh[1] == "tests/data/values/customers_only.csv：客户表（客户资料，没有发票）");
  CHECK(zh[2] == "notes.csv：没有金额列");
  // A recognised invoices table that lacks a customer column says so, not "every row rejected".
  const std::vector<std::string> no_customer = {"invoices.csv", "invoice,invoice_date,amount\nA1,2024-01-05,10.00\n"};
  const std::vector<ImportedFile> one = {import_bytes(no_customer[0], no_customer[1])};
  const Ledger none = build_ledger(one);
  REQUIRE(none.invoices.empty());
  CHECK(no_invoice_reasons(one, none, Lang::en) == std::vector<std::string>{"invoices.csv: no customer column (customer name or id)"});
}

TEST_CASE("payments: an unreadable date or amount rejects that payment with its reason, not an undated one") {
  const ImportedFile invoices =
      ledger_test::csv("inv.csv", "customer,invoice,invoice_date,amount\nAlpha,A1,2024-01-05,100.00\n", "invoices");
  const ImportedFile payments = ledger_test::csv("pay.csv",
                                                 "customer,payment_date,payment_amount\n"
                                                 "Alpha,2024-02-01,10.00\n"
                                                 "Alpha,2024-02-31,20.00\n"
                                                 "Alpha,2024-03-01,NaN\n"
                                                 "Alpha,2024-03-02,5.00\n",
                                                 "payments");
  const Ledger l = build_ledger({invoices, payments});
  CHECK(rejected_kinds(l) == std::vector<ProblemKind>{ProblemKind::invalid_date, ProblemKind::not_a_number});
  CHECK(l.payments.size() == 2);
  // By hand: 100.00 − 10.00 − 5.00; the 20.00 of "2024-02-31" is not taken as paid.
  CHECK(values_test::open_by_customer(l).at("Alpha") == 8500);
  CHECK_FALSE(ledger_test::has_text(l.assumptions, "paid amounts without a date"));
}
