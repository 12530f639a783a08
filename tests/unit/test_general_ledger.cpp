// General ledgers (issue #17 item 4): only the receivables account's rows are used, every other
// account's rows are set aside one entry per account. Fixtures in tests/data/gl/, open amounts
// computed by hand below.
#include <doctest/doctest.h>

#include "overdue/import/general_ledger_kind.hpp"
#include "overdue/import/role_overrides.hpp"
#include "overdue/ledger/general_ledger.hpp"
#include "overdue/roles/receivables_account.hpp"
#include "test_ledger_support.hpp"

using namespace ledger_test;

namespace {

int64_t open_of(const Ledger& l, const std::string& customer) {
  const size_t c = customer_index(l, customer);
  int64_t open = 0;
  for (size_t i = 0; i < l.invoices.size(); ++i)
    if (l.invoices[i].customer == c) open += open_at_end(l, i);
  return open;
}

const SetAsideRow* set_aside_of(const Ledger& l, const std::string& account) {
  for (const SetAsideRow& s : l.set_aside)
    if (s.detail.value == account) return &s;
  FAIL("no set-aside entry for " << account);
  return nullptr;
}

uint64_t set_aside_rows(const Ledger& l) {
  uint64_t n = 0;
  for (const SetAsideRow& s : l.set_aside) n += s.rows;
  return n;
}

void check_set_aside(const Ledger& l, const std::string& account, uint64_t rows, uint64_t first_line) {
  const SetAsideRow* s = set_aside_of(l, account);
  REQUIRE(s);
  CHECK(s->kind == ProblemKind::not_receivables_account);
  CHECK(s->rows == rows);
  CHECK(s->line == first_line);
  CHECK(s->reason == "not the receivables account (" + account + ")");
}

Role role_of(const ImportedFile& f, const std::string& column) {
  for (const Column& c : f.columns)
    if (c.name == column) return c.role;
  FAIL("no column " << column);
  return Role::none;
}

}  // namespace

TEST_CASE("receivables account: names, codes and sub-accounts") {
  auto check = [](const char* account, bool receivables, const char* customer) {
    const ReceivablesMatch m = match_receivables_account(account);
    CHECK_MESSAGE(m.receivables == receivables, account);
    CHECK_MESSAGE(m.customer == customer, account);
  };
  check("1122.01 应收账款-华东公司", true, "华东公司");
  check("应收账款/华东公司", true, "华东公司");
  check("应收帐款", true, "");
  check("1122", true, "");
  check("112201 华东公司", true, "华东公司");
  check("1131 应收账款", true, "");
  check("Accounts Receivable", true, "");
  check("Accounts Receivable:Acme Ltd", true, "Acme Ltd");
  check("Accounts Receivable (A/R)", true, "");
  check("1200 - Accounts Receivable", true, "");
  check("Debtors Control Account", true, "");
  check("Trade receivables", true, "");
  check("Trade debtors - Acme", true, "Acme");
  check("A/R", true, "");
  check("AR - Acme", true, "Acme");
  // Not trade receivables, or another word that starts alike.
  check("1221 其他应收款", false, "");
  check("应收票据", false, "");
  check("Arrears", false, "");
  check("AR adjustments", false, "");
  check("4000 Sales", false, "");
  check("Other debtors", false, "");

  // The user's pick: the account itself, by code or name, and its sub-accounts.
  CHECK(match_receivables_account("1124.01 客户往来-甲公司", "1124").receivables);
  CHECK(match_receivables_account("1124.01 客户往来-甲公司", "1124").customer == "甲公司");
  CHECK(match_receivables_account("客户往来-乙公司", "客户往来").customer == "乙公司");
  CHECK(match_receivables_account("1150 Due from customers", "due from customers").receivables);
  CHECK_FALSE(match_receivables_account("5001 主营业务收入", "1124").receivables);
  CHECK_FALSE(match_receivables_account("11240 Something", "1124 ").customer.empty());
  // A pick replaces the usual names: Accounts Receivable is then another account.
  CHECK_FALSE(match_receivables_account("Accounts Receivable", "1124").receivables);
}

TEST_CASE("account headers: account columns, not account managers or types") {
  CHECK(header_names_account("科目名称"));
  CHECK(header_names_account("科目代码"));
  CHECK(header_names_account("Account Name"));
  CHECK(header_names_account("AccountCode"));
  CHECK(header_names_account("GL Account"));
  CHECK_FALSE(header_names_account("对方科目"));
  CHECK_FALSE(header_names_account("Account Manager"));
  CHECK_FALSE(header_names_account("Account Type"));
  CHECK_FALSE(header_names_account("Accounts Receivable"));
  CHECK_FALSE(header_names_account("Customer"));
}

TEST_CASE("general ledger, English: the Accounts Receivable rows, customers from the Name column") {
  const ImportedFile f = fixture("tests/data/gl/general_ledger_en.csv", "general_ledger");
  // "Account Code" is the account and "Account Name" is joined to it (not the customer); the
  // Name column is the customer.
  CHECK(role_of(f, "Account Code") == Role::account);
  CHECK(role_of(f, "Account Name") == Role::none);
  CHECK(role_of(f, "Name") == Role::customer_name);
  const Ledger l = build_ledger({f});
  // 9 Accounts Receivable rows: 5 invoices, 4 payments; 11 rows of 3 other accounts set aside.
  CHECK(l.invoices.size() == 5);
  CHECK(l.payments.size() == 4);
  CHECK(l.customers.size() == 3);
  CHECK(l.rejected.empty());
  REQUIRE(l.set_aside.size() == 3);
  check_set_aside(l, "4000 Sales", 5, 3);
  check_set_aside(l, "1000 Bank", 4, 8);
  check_set_aside(l, "2200 Sales Tax Payable", 2, 12);
  CHECK(set_aside_rows(l) + l.invoices.size() + l.payments.size() == f.rows.read);
  // Acme: 1200 + 500 − 1200 (INV-001) − 200 (INV-003) = 300. Birch: 800 + 650 − 300 (named INV-002)
  // = 1150, of which 500 on INV-002. Cedar: 2000 − 1500 (FIFO) = 500.
  CHECK(open_of(l, "Acme Ltd") == cents(300));
  CHECK(open_of(l, "Birch & Co") == cents(1150));
  CHECK(open_of(l, "Cedar Foods") == cents(500));
  CHECK(open_at_end(l, invoice_index(l, "INV-002")) == cents(500));
  CHECK(open_at_end(l, invoice_index(l, "INV-005")) == cents(650));
  CHECK(open_at_end(l, invoice_index(l, "INV-001")) == 0);
  CHECK(has_text(l.assumptions, "general ledger"));
  check_payments_conserved(l);
  // A pick this file does not have (another file's account) leaves it to the usual names.
  LedgerOptions other;
  other.receivables_account = "1124";
  CHECK(open_of(build_ledger({f}, other), "Birch & Co") == cents(1150));

  // A role edit re-decides the kind from the roles, and the content keeps it a general ledger.
  std::vector<ImportedFile> files{f};
  RoleOverride o;
  REQUIRE(parse_role_override("invoice_id=Reference", o).empty());
  REQUIRE(apply_role_overrides(files, {o}).empty());
  CHECK(files[0].table_kind == TableKind::general_ledger);
}

TEST_CASE("general ledger, Chinese 序时账: 1122 sub-accounts are the customers") {
  const ImportedFile f = fixture("tests/data/gl/xushizhang_zh.csv", "general_ledger");
  const Ledger l = build_ledger({f});
  // 华东公司: 11,300 + 3,390 − 6,000 (FIFO on 记-001) = 8,690. 华南公司: 5,650 − 5,650 = 0.
  // 华北公司 (112203, its 科目名称 the customer alone): 2,260.
  CHECK(l.customers.size() == 3);
  CHECK(open_of(l, "华东公司") == cents(8690));
  CHECK(open_of(l, "华南公司") == 0);
  CHECK(open_of(l, "华北公司") == cents(2260));
  CHECK(l.invoices.size() == 4);
  CHECK(l.payments.size() == 2);
  REQUIRE(l.set_aside.size() == 3);
  check_set_aside(l, "6001 主营业务收入", 4, 3);
  check_set_aside(l, "2221.01 应交税费-应交增值税(销项税额)", 4, 4);
  check_set_aside(l, "1002 银行存款", 2, 11);
  // The 本月合计 row repeats the rows above it: the import's layout pass already rejected it.
  CHECK(f.rows.rejected == 1);
  CHECK(l.rejected.empty());
  CHECK(set_aside_rows(l) + l.invoices.size() + l.payments.size() + f.rows.rejected == f.rows.read);
  check_payments_conserved(l);
}

TEST_CASE("general ledger without a receivables account: nothing used, a note lists the accounts") {
  const ImportedFile f = fixture("tests/data/gl/custom_account_zh.csv", "general_ledger");
  const Ledger none = build_ledger({f});
  CHECK(none.invoices.empty());
  CHECK(none.payments.empty());
  CHECK(set_aside_rows(none) == 8);
  CHECK(none.set_aside.size() == 4);
  CHECK(has_text(none.notes, "no receivables account found among its 4 accounts"));
  CHECK(has_text(none.notes, "1124.01 客户往来-甲公司"));
  CHECK(has_text(none.notes, "未找到应收账款科目"));

  SUBCASE("the account the user picks, by code") {
    LedgerOptions options;
    options.receivables_account = "1124";
    const Ledger l = build_ledger({f}, options);
    // 甲公司: 4,000 + 1,500 − 1,000 = 4,500. 乙公司: 2,500.
    CHECK(open_of(l, "甲公司") == cents(4500));
    CHECK(open_of(l, "乙公司") == cents(2500));
    REQUIRE(l.set_aside.size() == 2);
    check_set_aside(l, "5001 主营业务收入", 3, 3);
    check_set_aside(l, "1001 库存现金", 1, 6);
    CHECK_FALSE(has_text(l.notes, "no receivables account"));
  }
  SUBCASE("by name") {
    LedgerOptions options;
    options.receivables_account = "客户往来";
    const Ledger l = build_ledger({f}, options);
    CHECK(open_of(l, "甲公司") == cents(4500));
    CHECK(open_of(l, "乙公司") == cents(2500));
  }
  SUBCASE("the picker's list: accounts with row counts") {
    LedgerOptions options;
    options.receivables_account = "1124";
    const GeneralLedgerAccounts a = general_ledger_accounts(f, options);
    REQUIRE(a.accounts.size() == 4);
    CHECK(a.accounts[0].account == "1124.01 客户往来-甲公司");
    CHECK(a.accounts[0].rows == 3);
    CHECK(a.accounts[0].receivables);
    CHECK(a.accounts[1].account == "5001 主营业务收入");
    CHECK_FALSE(a.accounts[1].receivables);
  }
}

TEST_CASE("one account in the account column: the Yonyou 往来对账单 stays a running ledger") {
  // Every row 1122 应收账款, customers in 对账对象: not a general ledger.
  const ImportedFile f = fixture("tests/data/exports/yonyou_wanglai_duizhang.csv", "running_ledger");
  CHECK(kind_by_content(f, TableKind::running_ledger) == TableKind::running_ledger);
  CHECK(build_ledger({f}).set_aside.empty());
}

TEST_CASE("Xero General Ledger Detail and QuickBooks Journal: Contact / Name is the customer") {
  // Xero: the customer in "Contact" (a contact-person role elsewhere), codes in "Account Code".
  const ImportedFile xero = csv("xero_gl.csv",
                                "Date,Source,Description,Reference,Invoice Number,Contact,Account Code,Account,Debit,Credit\n"
                                "2024-01-05,Receivable Invoice,Consulting,,INV-0001,Acme Ltd,610,Accounts Receivable,1100.00,\n"
                                "2024-01-05,Receivable Invoice,Consulting,,INV-0001,Acme Ltd,200,Sales,,1000.00\n"
                                "2024-01-05,Receivable Invoice,Consulting,,INV-0001,Acme Ltd,820,GST,,100.00\n"
                                "2024-02-01,Receivable Payment,Payment,,INV-0001,Acme Ltd,610,Accounts Receivable,,600.00\n"
                                "2024-02-01,Receivable Payment,Payment,,INV-0001,Acme Ltd,090,Business Bank Account,600.00,\n",
                                "general_ledger");
  const Ledger x = build_ledger({xero});
  CHECK(x.customers.size() == 1);
  CHECK(open_of(x, "Acme Ltd") == cents(500));   // 1,100 − 600 on INV-0001
  CHECK(open_at_end(x, invoice_index(x, "INV-0001")) == cents(500));
  REQUIRE(x.set_aside.size() == 3);
  check_set_aside(x, "200 Sales", 1, 3);
  check_set_aside(x, "820 GST", 1, 4);
  check_set_aside(x, "090 Business Bank Account", 1, 6);   // the code as written, leading zero kept

  // QuickBooks Journal: "Accounts Receivable (A/R)", the customer in "Name".
  const ImportedFile qb = csv("qb_journal.csv",
                              "Date,Transaction Type,Num,Name,Memo/Description,Account,Debit,Credit\n"
                              "01/05/2024,Invoice,1001,Acme Ltd,Consulting,Accounts Receivable (A/R),1100.00,\n"
                              "01/05/2024,Invoice,1001,Acme Ltd,Consulting,Services,,1100.00\n"
                              "02/01/2024,Payment,,Acme Ltd,,Accounts Receivable (A/R),,600.00\n"
                              "02/01/2024,Payment,,Acme Ltd,,Undeposited Funds,600.00,\n",
                              "general_ledger");
  const Ledger q = build_ledger({qb});
  CHECK(open_of(q, "Acme Ltd") == cents(500));
  REQUIRE(q.set_aside.size() == 2);
  check_set_aside(q, "Services", 1, 3);
  check_set_aside(q, "Undeposited Funds", 1, 5);
}

TEST_CASE("general ledger with one amount and its 借/贷 side") {
  // 华东公司: 1,000 billed, 400 received → 600 open; 主营业务收入 and 银行存款 set aside.
  const ImportedFile f = csv("gl_amount_side.csv",
                             "日期,科目名称,摘要,方向,金额\n"
                             "2024-03-01,应收账款-华东公司,销售,借,\"1,000.00\"\n"
                             "2024-03-01,主营业务收入,销售,贷,\"1,000.00\"\n"
                             "2024-03-20,银行存款,收款,借,400.00\n"
                             "2024-03-20,应收账款-华东公司,收款,贷,400.00\n",
                             "general_ledger");
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.size() == 1);
  CHECK(l.payments.size() == 1);
  CHECK(open_of(l, "华东公司") == cents(600));
  CHECK(l.set_aside.size() == 2);
}
