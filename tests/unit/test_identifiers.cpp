// Identifiers are text (issue #17 item 2): customer, invoice and document numbers keep what was
// written (leading zeros, letters, 1930571429.0), and ids match across files exactly.
#include <doctest/doctest.h>

#include "overdue/roles/roles.hpp"
#include "test_values_support.hpp"

using namespace overdue;
using values_test::type_cells;

TEST_CASE("header_suggests_identifier: id words, not counts, money or dates") {
  for (const char* h : {"ID", "customer_id", "customerID", "Customer No", "Cust No.", "cust_number", "doc_id",
                        "Invoice #", "#", "Account Code", "Reference", "客户编号", "客户编码", "科目代码", "单号",
                        "发票号", "电话号码", "DocNo", "InvoiceNumber"}) {
    CAPTURE(h);
    CHECK(header_suggests_identifier(h));
  }
  for (const char* h : {"Customer", "Amount", "Due Date", "NumberOfTimes90DaysLate", "Number of Dependents",
                        "Invoice Date", "Day_due", "客户名称", "金额", "Total", "Notes", "terms"}) {
    CAPTURE(h);
    CHECK_FALSE(header_suggests_identifier(h));
  }
}

TEST_CASE("an id column keeps leading zeros, letters and 1930571429.0 as text, with no cell errors") {
  const auto zeros = type_cells("cust_number", {"0200706844", "0000001", "200706844", "1"});
  CHECK(zeros.col.type == ColumnType::text);
  CHECK(zeros.col.missing == 0);
  CHECK(zeros.result.error_total == 0);
  CHECK(zeros.col.text.at(0) == "0200706844");

  // CCCA02 among 20 numeric ids: not a "missing" cell (the 95 % rule would have made it one).
  std::vector<std::string> mostly_numeric;
  for (int i = 0; i < 20; ++i) mostly_numeric.push_back(std::to_string(200700000 + i));
  mostly_numeric.push_back("CCCA02");
  const auto mixed = type_cells("Customer ID", mostly_numeric);
  CHECK(mixed.col.type == ColumnType::text);
  CHECK(mixed.col.missing == 0);
  CHECK(mixed.result.error_total == 0);

  const auto doc = type_cells("doc_id", {"1930571429.0", "1930571430.0"});
  CHECK(doc.col.type == ColumnType::text);
  CHECK(doc.col.text.at(0) == "1930571429.0");
}

TEST_CASE("plain whole-number ids stay integers; other columns only by their content") {
  // 1, 2, 3 … lose nothing as numbers (the model lab recognises such an id column by its values).
  CHECK(type_cells("ID", {"1", "2", "3"}).col.type == ColumnType::integer);
  // Leading zeros make codes of any column outside money and dates …
  CHECK(type_cells("Party", {"007", "012", "100"}).col.type == ColumnType::text);
  // … but a word among numbers is a typo, a cell error, in a column that is no id's.
  std::vector<std::string> cells(30, "12");
  cells.push_back("A-1001");
  const auto typo = type_cells("Quantity", cells);
  CHECK(typo.col.type == ColumnType::integer);
  CHECK(typo.result.error_total == 1);
  CHECK(type_cells("Customer No", cells).col.type == ColumnType::text);
  const auto money = type_cells("Amount", {"007", "12.50"}, true);
  CHECK(money.col.type == ColumnType::decimal);
  CHECK(money.col.cents[0] == 700);
}

TEST_CASE("a customer column of numbers with a code among them: text once its role is known") {
  std::string csv = "customer,amount,due_date\n";
  for (int i = 0; i < 20; ++i) csv += std::to_string(1001 + i) + ",10.00,2024-01-31\n";
  csv += "CCCA02,5.00,2024-01-31\n";
  const ImportedFile f = ledger_test::csv("customers_numbered.csv", csv, "invoices");
  const Column& customer = f.columns[0];
  CHECK((customer.role == Role::customer_id || customer.role == Role::customer_name));
  CHECK(customer.type == ColumnType::text);
  CHECK(f.cell_errors_total == 0);
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 21);
  CHECK(values_test::open_by_customer(l).at("CCCA02") == 500);
}

TEST_CASE("role_is_identifier: ids, names and accounts are shown as written") {
  CHECK(role_is_identifier(Role::customer_id));
  CHECK(role_is_identifier(Role::customer_name));
  CHECK(role_is_identifier(Role::invoice_id));
  CHECK(role_is_identifier(Role::account));
  CHECK_FALSE(role_is_identifier(Role::amount));
  CHECK_FALSE(role_is_identifier(Role::terms_days));
}

TEST_CASE("ids from two files match exactly: 0200706844 is not 200706844, 0000001 is not 1") {
  const ImportedFile invoices = ledger_test::fixture("tests/data/values/ids_invoices.csv", "invoices");
  const ImportedFile payments = ledger_test::fixture("tests/data/values/ids_payments.csv", "payments");
  const Column& id = values_test::column_named(invoices, "customer_id");
  CHECK(id.role == Role::customer_id);
  CHECK(id.type == ColumnType::text);
  CHECK(id.text.at(0) == "0200706844");
  CHECK(values_test::column_named(invoices, "invoice_id").type == ColumnType::text);
  CHECK(invoices.cell_errors_total == 0);
  CHECK(payments.cell_errors_total == 0);

  const Ledger l = build_ledger({invoices, payments});
  CHECK(l.rejected.empty());
  REQUIRE(l.customers.size() == 5);
  CHECK(l.invoices.size() == 8);
  CHECK(l.invoices[ledger_test::invoice_index(l, "1930571429.0")].amount_cents == 100000);
  // By hand: Walmart 1000.00 + 500.50 + 100.00 − 1000.00 paid on 1930571429.0; Acme 250 + 30 − 100;
  // Costco 75.25 − 25.25; Walmart Inc (200706844) 10 − 4; One (1) 20.
  const auto open = values_test::open_by_customer(l);
  CHECK(open.at("0200706844") == 60050);
  CHECK(open.at("0000001") == 18000);
  CHECK(open.at("CCCA02") == 5000);
  CHECK(open.at("200706844") == 600);
  CHECK(open.at("1") == 2000);
  ledger_test::check_payments_conserved(l);
}
