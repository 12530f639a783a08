// Column roles and table kinds (DESIGN.md §1): header normalisation, the synonym families in
// both languages, kind decisions, derived columns, exact role names, and the typing hints.
// Files are built by hand here so these tests do not depend on the importer.
//
// [SECTION] helpers: files built by hand
// [SECTION] header normalisation
// [SECTION] synonyms and exact role names
// [SECTION] a date's role follows the table
// [SECTION] table kinds
// [SECTION] conflicts: derived columns, two candidates for one role
// [SECTION] values check the header; headerless files; the user's roles
// [SECTION] typing hints and names
// [SECTION] end to end: the fixtures in tests/data/roles through the importer
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/import/importer.hpp"
#include "overdue/import/role_assignment.hpp"
#include "overdue/roles/header_text.hpp"
#include "overdue/roles/synonyms.hpp"

using namespace overdue;

// [SECTION] helpers: files built by hand ---------------------------------------------------------

namespace {

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::text;
  std::vector<std::string> cells;
};

bool is_missing_cell(const std::string& s) { return s.empty() || s == "NA" || s == "-"; }

// A file as the importer would leave it before assign_roles: names, types, raw text, missing counts.
ImportedFile make_file(const std::vector<ColumnSpec>& specs, bool header = true) {
  ImportedFile file;
  file.name = "test.csv";
  file.header = header;
  size_t rows = 0;
  for (const ColumnSpec& s : specs) {
    Column c;
    c.name = s.name;
    c.type = s.type;
    for (const std::string& cell : s.cells) {
      c.text.push(cell);
      if (is_missing_cell(cell)) ++c.missing;
    }
    rows = std::max(rows, s.cells.size());
    file.columns.push_back(std::move(c));
  }
  for (size_t i = 0; i < rows; ++i) file.row_line.push_back(i + 2);
  file.rows.read = file.rows.accepted = rows;
  return file;
}

// Columns named by headers only, typed the way their names suggest, with one plausible value each.
ImportedFile file_with_headers(const std::vector<std::string>& headers) {
  std::vector<ColumnSpec> specs;
  for (const std::string& h : headers) {
    if (header_suggests_date(h)) specs.push_back({h, ColumnType::date, {"2024-01-05"}});
    else if (header_suggests_money(h)) specs.push_back({h, ColumnType::decimal, {"1234.50"}});
    else specs.push_back({h, ColumnType::text, {"x"}});
  }
  ImportedFile f = make_file(specs);
  assign_roles(f);
  return f;
}

std::string role_of(const ImportedFile& f, const std::string& header) {
  for (const Column& c : f.columns)
    if (c.name == header) return std::string(role_name(c.role));
  FAIL("no column " << header);
  return "";
}

bool has_candidate(const std::string& header, const std::string& role) {
  for (const RoleCandidate& c : synonym_candidates(normalize_header(header)))
    if (role_name(c.role) == role) return true;
  return false;
}

}  // namespace

// [SECTION] header normalisation -----------------------------------------------------------------

TEST_CASE("normalize_header ignores case, separators, punctuation and camelCase") {
  CHECK(normalize_header("Due_Date") == "duedate");
  CHECK(normalize_header("dueDate") == "duedate");
  CHECK(normalize_header("due date") == "duedate");
  CHECK(normalize_header("DUE-DATE") == "duedate");
  CHECK(normalize_header("  Invoice No. ") == "invoiceno");
  CHECK(normalize_header("Invoice #") == "invoice");
  CHECK(normalize_header("default.payment.next.month") == "defaultpaymentnextmonth");
  CHECK(normalize_header("Party's Name") == "partysname");
}

TEST_CASE("normalize_header keeps Chinese, drops full-width punctuation and unit brackets") {
  CHECK(normalize_header("客户名称") == "客户名称");
  CHECK(normalize_header("【客户名称】") == "客户名称");
  CHECK(normalize_header("客户：名称") == "客户名称");
  CHECK(normalize_header("客户　名称") == "客户名称");  // ideographic space
  CHECK(normalize_header("金额(元)") == "金额");
  CHECK(normalize_header("金额（元）") == "金额");
  CHECK(normalize_header("尚未收款金额(本位币)") == "尚未收款金额");
  CHECK(normalize_header("账期（天）") == "账期");
  CHECK(normalize_header("Amount (USD)") == "amount");
  CHECK(normalize_header("ＤＵＥ　ＤＡＴＥ") == "duedate");  // full-width letters from an IME
  // A bracket that is not a unit keeps its words: only the brackets go.
  CHECK(normalize_header("Balance (Original)") == "balanceoriginal");
  CHECK(normalize_header("期初余额（原币）") == "期初余额");
  CHECK(normalize_header("Amount ¥") == "amount");
}

TEST_CASE("normalize_header survives invalid UTF-8") {
  const std::string bad = std::string("Amo\xff") + "unt\xe4\xb8";  // stray byte and a cut character
  const std::string n = normalize_header(bad);
  CHECK(n.find("amo") == 0);
  CHECK(n.size() >= 6);
}

// [SECTION] synonyms and exact role names --------------------------------------------------------

TEST_CASE("the synonym table names only real roles") {
  CHECK(synonym_table_problems().empty());
}

TEST_CASE("a header spelled like a role name takes that role") {
  for (const Role role_id : all_roles()) {
    const std::string role(role_name(role_id));
    CAPTURE(role);
    const std::vector<RoleCandidate> c = synonym_candidates(normalize_header(role));
    REQUIRE(!c.empty());
    CHECK(c.front().role == role_id);
    CHECK(c.front().strength == kExactRoleName);
    // Alone in a file (no kind to contradict it), the column gets exactly that role.
    ImportedFile f = make_file({{role, ColumnType::text, {}}});
    assign_roles(f);
    CHECK(f.columns[0].role == role_id);
  }
  ImportedFile f = file_with_headers({"Customer_ID", "Invoice_Date", "Due_Date", "Amount", "Paid_Date"});
  CHECK(role_of(f, "Due_Date") == "due_date");
  CHECK(role_of(f, "Paid_Date") == "paid_date");
  CHECK(f.table_kind == TableKind::ledger);
}

TEST_CASE("synonym families, Chinese and English") {
  struct Case {
    const char* header;
    const char* role;
  };
  const Case cases[] = {
      {"客户编号", "customer_id"}, {"客户代码", "customer_id"}, {"往来单位编码", "customer_id"},
      {"Customer ID", "customer_id"}, {"Customer No", "customer_id"},
      {"客户名称", "customer_name"}, {"客户", "customer_name"}, {"单位名称", "customer_name"},
      {"往来单位", "customer_name"}, {"Customer", "customer_name"}, {"Client", "customer_name"},
      {"Customer full name", "customer_name"},
      {"发票号", "invoice_id"}, {"单据编号", "invoice_id"}, {"Invoice No", "invoice_id"},
      {"Invoice #", "invoice_id"}, {"Num", "invoice_id"}, {"Doc No.", "invoice_id"},
      {"发票日期", "invoice_date"}, {"开票日期", "invoice_date"}, {"单据日期", "invoice_date"},
      {"Invoice Date", "invoice_date"}, {"Txn Date", "invoice_date"}, {"Date", "invoice_date"},
      {"到期日", "due_date"}, {"到期日期", "due_date"}, {"应收日期", "due_date"}, {"Due date", "due_date"},
      {"账期", "terms_days"}, {"信用期", "terms_days"}, {"付款条件", "terms_days"}, {"Terms", "terms_days"},
      {"Net Days", "terms_days"},
      {"金额", "amount"}, {"价税合计", "amount"}, {"发票金额", "amount"}, {"应收金额", "amount"},
      {"Amount", "amount"}, {"Total", "amount"}, {"Invoice Amount", "amount"}, {"Invoice Total", "amount"},
      {"已收金额", "paid_amount"}, {"Paid", "paid_amount"}, {"Amount Paid", "paid_amount"},
      {"收款金额", "payment_amount"}, {"Payment Amount", "payment_amount"},
      {"收款日期", "paid_date"}, {"Settled Date", "paid_date"}, {"Cleared Date", "paid_date"},
      {"Date Paid", "payment_date"}, {"Receipt Date", "payment_date"}, {"收款日期", "payment_date"},
      {"借方", "debit"}, {"借方金额", "debit"}, {"贷方", "credit"}, {"贷方发生额", "credit"},
      {"余额", "balance"}, {"方向", "direction"}, {"余额方向", "direction"},
      {"未收金额", "open_amount"}, {"Open balance", "open_amount"}, {"Outstanding Amount", "open_amount"},
      {"Balance Due", "open_amount"}, {"Amount Due", "open_amount"},
      {"币种", "currency"}, {"币别", "currency"}, {"Currency", "currency"},
      {"业务员", "sales_rep"}, {"销售员", "sales_rep"}, {"Sales Rep", "sales_rep"},
      {"Salesperson", "sales_rep"}, {"Rep", "sales_rep"},
      {"联系人", "contact"}, {"电话", "contact"}, {"Phone", "contact"},
      {"公司名称", "company"}, {"Company", "company"},
      {"负责人", "person_in_charge"}, {"Person in charge", "person_in_charge"},
      {"信用额度", "credit_limit"}, {"Credit Limit", "credit_limit"}, {"LIMIT_BAL", "credit_limit"},
      {"客户分类", "segment"}, {"Customer Group", "segment"},
      {"联系日期", "contact_date"}, {"催收日期", "contact_date"}, {"Contact Date", "contact_date"},
      {"方式", "channel"}, {"Channel", "channel"}, {"结果", "outcome"}, {"Outcome", "outcome"},
      {"承诺日期", "promised_date"}, {"Promised Date", "promised_date"},
      {"承诺金额", "promised_amount"}, {"Promised Amount", "promised_amount"},
      {"凭证日期", "entry_date"}, {"日期", "entry_date"},
      {"target", "target"}, {"default", "target"}, {"label", "target"}, {"bad", "target"}, {"y", "target"},
      {"SeriousDlqin2yrs", "target"}, {"default.payment.next.month", "target"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.header);
    CHECK(has_candidate(c.header, c.role));
  }
  // Spellings that differ only in punctuation must not collide ("Customer #" once made
  // "Customer" a customer id).
  CHECK(synonym_candidates(normalize_header("Customer")).front().role == Role::customer_name);
  CHECK(synonym_candidates(normalize_header("Invoice #")).front().role == Role::invoice_id);
  // Unknown words stay unknown.
  CHECK(synonym_candidates(normalize_header("备注")).empty());
  CHECK(synonym_candidates(normalize_header("Memo")).empty());
  CHECK(synonym_candidates(normalize_header("RevolvingUtilizationOfUnsecuredLines")).empty());
}

// [SECTION] a date's role follows the table ------------------------------------------------------

TEST_CASE("a Chinese one-table ledger") {
  const ImportedFile f = file_with_headers(
      {"客户编号", "客户名称", "发票号", "开票日期", "到期日", "价税合计(元)", "已收金额", "收款日期", "业务员", "逾期天数"});
  CHECK(f.table_kind == TableKind::ledger);
  CHECK(role_of(f, "客户编号") == "customer_id");
  CHECK(role_of(f, "客户名称") == "customer_name");
  CHECK(role_of(f, "发票号") == "invoice_id");
  CHECK(role_of(f, "开票日期") == "invoice_date");
  CHECK(role_of(f, "到期日") == "due_date");
  CHECK(role_of(f, "价税合计(元)") == "amount");
  CHECK(role_of(f, "已收金额") == "paid_amount");
  CHECK(role_of(f, "收款日期") == "paid_date");  // ledger: the invoice's settlement date
  CHECK(role_of(f, "业务员") == "sales_rep");
  CHECK(role_of(f, "逾期天数") == "");
}

TEST_CASE("收款日期 is payment_date in a payments table") {
  const ImportedFile f = file_with_headers({"客户名称", "收款日期", "收款金额", "发票号", "币种"});
  CHECK(f.table_kind == TableKind::payments);
  CHECK(role_of(f, "收款日期") == "payment_date");
  CHECK(role_of(f, "收款金额") == "payment_amount");
  CHECK(role_of(f, "发票号") == "invoice_id");
  CHECK(role_of(f, "币种") == "currency");
}

TEST_CASE("'date paid' is paid_date in a ledger and payment_date in payments") {
  const ImportedFile ledger =
      file_with_headers({"Customer", "Invoice No", "Invoice Date", "Due Date", "Amount", "Date Paid"});
  CHECK(ledger.table_kind == TableKind::ledger);
  CHECK(role_of(ledger, "Date Paid") == "paid_date");
  const ImportedFile payments = file_with_headers({"Customer", "Date Paid", "Amount", "Invoice No"});
  CHECK(payments.table_kind == TableKind::payments);
  CHECK(role_of(payments, "Date Paid") == "payment_date");
  CHECK(role_of(payments, "Amount") == "payment_amount");  // "amount" in a payments table
}

TEST_CASE("'date' alone means the date of whatever the table records") {
  const ImportedFile invoices = file_with_headers({"Date", "Num", "Customer", "Due Date", "Amount"});
  CHECK(invoices.table_kind == TableKind::invoices);
  CHECK(role_of(invoices, "Date") == "invoice_date");

  const ImportedFile payments = file_with_headers({"Customer", "Date", "Payment Amount", "Invoice No"});
  CHECK(payments.table_kind == TableKind::payments);
  CHECK(role_of(payments, "Date") == "payment_date");

  const ImportedFile running = file_with_headers({"日期", "凭证字号", "摘要", "借方", "贷方", "方向", "余额"});
  CHECK(running.table_kind == TableKind::running_ledger);
  CHECK(role_of(running, "日期") == "entry_date");
  CHECK(role_of(running, "借方") == "debit");
  CHECK(role_of(running, "贷方") == "credit");
  CHECK(role_of(running, "方向") == "direction");
  CHECK(role_of(running, "余额") == "balance");
  CHECK(role_of(running, "凭证字号") == "");
  CHECK(role_of(running, "摘要") == "");

  const ImportedFile contacts = file_with_headers({"客户名称", "日期", "方式", "结果", "承诺日期", "承诺金额", "备注"});
  CHECK(contacts.table_kind == TableKind::contacts);
  CHECK(role_of(contacts, "日期") == "contact_date");
  CHECK(role_of(contacts, "方式") == "channel");
  CHECK(role_of(contacts, "结果") == "outcome");
  CHECK(role_of(contacts, "承诺日期") == "promised_date");
  CHECK(role_of(contacts, "承诺金额") == "promised_amount");
}

// [SECTION] table kinds --------------------------------------------------------------------------

TEST_CASE("kinds: invoices, ledger with an open balance, customers, accounts, unknown") {
  // QuickBooks A/R aging detail: an open balance makes it a ledger; aging columns stay unmapped.
  const ImportedFile qb = file_with_headers(
      {"Date", "Transaction type", "Num", "Customer full name", "Due date", "Amount", "Open balance", "Past Due"});
  CHECK(qb.table_kind == TableKind::ledger);
  CHECK(role_of(qb, "Open balance") == "open_amount");
  CHECK(role_of(qb, "Past Due") == "");

  const ImportedFile zh_invoices = file_with_headers({"客户名称", "发票编号", "开票日期", "应收金额", "付款条件"});
  CHECK(zh_invoices.table_kind == TableKind::invoices);
  CHECK(role_of(zh_invoices, "付款条件") == "terms_days");

  // Zoho's invoice export: "Balance" there is the invoice's open amount.
  const ImportedFile zoho = file_with_headers(
      {"Customer Name", "Payment Terms", "Invoice Status", "Invoice#", "Invoice Date", "Due Date", "Total", "Balance"});
  CHECK(zoho.table_kind == TableKind::ledger);
  CHECK(role_of(zoho, "Balance") == "open_amount");
  CHECK(role_of(zoho, "Total") == "amount");
  CHECK(role_of(zoho, "Invoice#") == "invoice_id");

  const ImportedFile customers =
      file_with_headers({"客户编号", "客户名称", "联系人", "电话", "负责人", "信用额度", "客户分类"});
  CHECK(customers.table_kind == TableKind::customers);
  CHECK(role_of(customers, "联系人") == "contact");
  CHECK(role_of(customers, "电话") == "");  // contact is taken by the earlier column
  CHECK(role_of(customers, "负责人") == "person_in_charge");
  CHECK(role_of(customers, "信用额度") == "credit_limit");
  CHECK(role_of(customers, "客户分类") == "segment");

  const ImportedFile unknown = file_with_headers({"备注", "Memo", "x"});
  CHECK(unknown.table_kind == TableKind::none);
  for (const Column& c : unknown.columns) CHECK(c.role == Role::none);
}

TEST_CASE("accounts: a 0/1 target and no invoice roles") {
  ImportedFile uci = make_file({{"ID", ColumnType::integer, {"1", "2", "3"}},
                                {"LIMIT_BAL", ColumnType::integer, {"20000", "120000", "90000"}},
                                {"AGE", ColumnType::integer, {"24", "26", "34"}},
                                {"PAY_0", ColumnType::integer, {"2", "-1", "0"}},
                                {"BILL_AMT1", ColumnType::integer, {"3913", "2682", "29239"}},
                                {"default.payment.next.month", ColumnType::integer, {"1", "1", "0"}}});
  assign_roles(uci);
  CHECK(uci.table_kind == TableKind::accounts);
  CHECK(uci.columns[0].role == Role::customer_id);
  CHECK(uci.columns[1].role == Role::credit_limit);
  CHECK(uci.columns[2].role == Role::none);  // AGE: a feature (and "age" is never an input role)
  CHECK(uci.columns[3].role == Role::none);
  CHECK(uci.columns[4].role == Role::none);
  CHECK(uci.columns[5].role == Role::target);

  ImportedFile gmsc = make_file({{"column_1", ColumnType::integer, {"1", "2", "3"}},
                                 {"SeriousDlqin2yrs", ColumnType::integer, {"1", "0", "0"}},
                                 {"age", ColumnType::integer, {"45", "40", "38"}},
                                 {"MonthlyIncome", ColumnType::integer, {"9120", "NA", "3042"}}});
  assign_roles(gmsc);
  CHECK(gmsc.table_kind == TableKind::accounts);
  CHECK(gmsc.columns[1].role == Role::target);

  // A "target" with three values is no 0/1 flag: not an accounts table, no target role.
  ImportedFile three = make_file({{"ID", ColumnType::integer, {"1", "2", "3"}},
                                  {"y", ColumnType::integer, {"0", "1", "2"}}});
  assign_roles(three);
  CHECK(three.columns[1].role == Role::none);
  CHECK(three.table_kind == TableKind::none);

  // Text flags with two values count; missing markers are not a third value.
  ImportedFile text_flag = make_file({{"id", ColumnType::integer, {"1", "2", "3", "4"}},
                                      {"bad", ColumnType::text, {"yes", "no", "NA", "yes"}}});
  assign_roles(text_flag);
  CHECK(text_flag.columns[1].role == Role::target);
  CHECK(text_flag.table_kind == TableKind::accounts);
}

// [SECTION] conflicts: derived columns, two candidates for one role ------------------------------

TEST_CASE("derived columns never take an input role") {
  const char* derived[] = {"Days Late", "days to settle", "Days Overdue", "age", "Age (Days)", "Aging",
                           "逾期天数", "账龄", "超期天数", "过期天数", "最长逾期天数", "1-30", "31 - 60",
                           "61–90", "> 90", "90+", "current", "Older", "0-30天", "365以上", "1年以内",
                           "1-2年", "3年以上", "< 1 Month", "2 Months", "121-Above",
                           "91 or more days past due", "Past Due", "Overdue"};
  for (const char* h : derived) {
    CAPTURE(h);
    CHECK(is_derived_header(h));
    CHECK_FALSE(header_suggests_date(h));
  }
  const char* inputs[] = {"Due Date", "Amount", "Terms", "客户名称", "到期日", "1", "Q1", "2024", "日期"};
  for (const char* h : inputs) {
    CAPTURE(h);
    CHECK_FALSE(is_derived_header(h));
  }
  // Even with an invoice table around them, they stay unmapped.
  const ImportedFile f = file_with_headers(
      {"Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Days Late", "days to settle", "1-30", "> 90"});
  CHECK(f.table_kind == TableKind::invoices);
  for (const char* h : {"Days Late", "days to settle", "1-30", "> 90"}) CHECK(role_of(f, h) == "");
}

TEST_CASE("two columns never share a role: the better match wins, ties by column order") {
  // Generic 金额 comes first, specific 价税合计 later: the specific header wins.
  ImportedFile f = file_with_headers({"客户", "开票日期", "金额", "价税合计"});
  CHECK(role_of(f, "价税合计") == "amount");
  CHECK(role_of(f, "金额") == "");
  // Original and home currency (原币/本币) side by side: the home-currency column takes the role
  // (issue #9; ImportOptions::prefer_original_currency switches), whichever comes first.
  f = file_with_headers({"客户", "单据日期", "原币金额", "本币金额"});
  CHECK(role_of(f, "本币金额") == "amount");
  CHECK(role_of(f, "原币金额") == "");
  // Unit brackets do not make two headers different roles: the currency side decides.
  f = file_with_headers({"往来单位名称", "到期日", "尚未收款金额(原币)", "尚未收款金额(本位币)"});
  CHECK(role_of(f, "尚未收款金额(本位币)") == "open_amount");
  CHECK(role_of(f, "尚未收款金额(原币)") == "");
}

TEST_CASE("exports with two candidates for one role") {
  // ERPNext: "Party" is the key, "Customer Name" the name.
  ImportedFile f = file_with_headers({"Posting Date", "Party", "Customer Name", "Voucher No", "Due Date",
                                      "Invoice Grand Total", "Outstanding Amount"});
  CHECK(f.table_kind == TableKind::ledger);
  CHECK(role_of(f, "Party") == "customer_id");
  CHECK(role_of(f, "Customer Name") == "customer_name");
  // Kingdee 精斗云 客户对账单: 应收金额 (after discount) is the amount, not 出库金额.
  f = file_with_headers({"单据日期", "单据编号", "商品名称", "数量", "单价", "出库金额", "整单折扣额", "应收金额",
                         "实际收款金额", "应收款余额"});
  CHECK(f.table_kind == TableKind::ledger);
  CHECK(role_of(f, "应收金额") == "amount");
  CHECK(role_of(f, "出库金额") == "");
  CHECK(role_of(f, "实际收款金额") == "paid_amount");
  CHECK(role_of(f, "应收款余额") == "open_amount");
  // Excel 台账: 应收增加/应收减少 are debit/credit, so 应收余额 is the running balance.
  f = file_with_headers({"日期", "摘要", "应收增加", "应收减少", "应收余额"});
  CHECK(f.table_kind == TableKind::running_ledger);
  CHECK(role_of(f, "应收余额") == "balance");
}

// [SECTION] values check the header; headerless files; the user's roles --------------------------

TEST_CASE("header_is_known") {
  CHECK(header_is_known("客户名称"));
  CHECK(header_is_known("Invoice #"));
  CHECK(header_is_known("账龄"));
  CHECK(header_is_known("31-60"));
  CHECK_FALSE(header_is_known("A11"));
  CHECK_FALSE(header_is_known("2024-01-05"));
  CHECK_FALSE(header_is_known("上海嘉禾贸易有限公司"));
}

TEST_CASE("column values check the header's guess") {
  // 到期日 holding text that is not dates: no date role.
  ImportedFile f = make_file({{"客户", ColumnType::text, {"甲公司"}},
                              {"到期日", ColumnType::text, {"月底"}},
                              {"开票日期", ColumnType::date, {"2024-01-05"}},
                              {"金额", ColumnType::decimal, {"10.00"}}});
  assign_roles(f);
  CHECK(f.columns[1].role == Role::none);
  CHECK(f.columns[2].role == Role::invoice_date);
  // A money header over text is not money.
  f = make_file({{"Customer", ColumnType::text, {"A"}},
                 {"Invoice Date", ColumnType::date, {"2024-01-05"}},
                 {"Invoice Amount", ColumnType::text, {"see notes"}}});
  assign_roles(f);
  CHECK(f.columns[2].role == Role::none);
  // ... but a header spelled like the role name keeps the role: the user said so.
  f = make_file({{"Customer", ColumnType::text, {"A"}},
                 {"invoice_date", ColumnType::text, {"2024-02-30"}},
                 {"Amount", ColumnType::text, {"see notes"}}});
  assign_roles(f);
  CHECK(f.columns[1].role == Role::invoice_date);
  CHECK(f.columns[2].role == Role::amount);
  // An empty column cannot contradict its header.
  f = make_file({{"Customer", ColumnType::text, {"A"}},
                 {"Invoice Date", ColumnType::date, {"2024-01-05"}},
                 {"Due Date", ColumnType::text, {""}},
                 {"Amount", ColumnType::decimal, {"1.00"}}});
  assign_roles(f);
  CHECK(f.columns[2].role == Role::due_date);
  // A numbered party is a customer id.
  f = make_file({{"Party", ColumnType::integer, {"1001"}},
                 {"Posting Date", ColumnType::date, {"2024-01-05"}},
                 {"Invoiced Amount", ColumnType::decimal, {"5.00"}}});
  assign_roles(f);
  CHECK(f.columns[0].role == Role::customer_id);
  CHECK(f.columns[1].role == Role::invoice_date);
}

TEST_CASE("headerless files get no roles") {
  ImportedFile f = make_file({{"column_1", ColumnType::text, {"A11"}}, {"column_2", ColumnType::integer, {"6"}}},
                             /*header=*/false);
  assign_roles(f);
  CHECK(f.table_kind == TableKind::none);
  CHECK(f.columns[0].role == Role::none);
  CHECK(f.columns[1].role == Role::none);
}

TEST_CASE("roles the user set are kept and reserved; the kind follows the roles") {
  ImportedFile f = file_with_headers({"客户名称", "收款日期", "收款金额"});
  REQUIRE(f.table_kind == TableKind::payments);
  // The user says the amount column is something else: it is not re-guessed.
  f.columns[2].role = Role::none;
  f.columns[2].role_set_by_user = true;
  assign_roles(f);
  CHECK(f.columns[2].role == Role::none);
  CHECK(f.table_kind == TableKind::none);
  // The user maps another column to a role: no guessed column may take it.
  ImportedFile g = file_with_headers({"客户名称", "开票日期", "价税合计", "金额"});
  REQUIRE(role_of(g, "价税合计") == "amount");
  g.columns[3].role = Role::amount;
  g.columns[3].role_set_by_user = true;
  assign_roles(g);
  CHECK(g.columns[3].role == Role::amount);
  CHECK(g.columns[2].role == Role::none);
  // decide_table_kind reads the roles as they are now.
  ImportedFile h = file_with_headers({"Customer", "Date", "Amount"});
  CHECK(h.table_kind == TableKind::invoices);
  h.columns[1].role = Role::payment_date;
  h.columns[2].role = Role::payment_amount;
  CHECK(decide_table_kind(h) == TableKind::payments);
  h.columns[1].role = Role::contact_date;
  h.columns[2].role = Role::promised_amount;
  CHECK(decide_table_kind(h) == TableKind::contacts);
}

// [SECTION] typing hints and names ---------------------------------------------------------------

TEST_CASE("header_suggests_date and header_suggests_money") {
  for (const char* h : {"日期", "开票日期", "到期日", "Due Date", "dueDate", "txn_dt", "Posting Date", "DATE_PAID",
                        "创建时间", "Pay Day"}) {
    CAPTURE(h);
    CHECK(header_suggests_date(h));
  }
  for (const char* h : {"age", "AGE", "Days Late", "Terms", "账期", "Net Days", "Candidate Count", "Amount",
                        "NumberOfTimes90DaysLate", "客户名称", "ID"}) {
    CAPTURE(h);
    CHECK_FALSE(header_suggests_date(h));
  }
  for (const char* h : {"金额", "金额(元)", "收入（万元）", "价税合计", "单价", "借方", "余额", "Amount", "BILL_AMT1", "PAY_AMT6",
                        "LIMIT_BAL", "Total", "Open balance", "Unit Price", "信用额度", "Fee ($)"}) {
    CAPTURE(h);
    CHECK(header_suggests_money(h));
  }
  for (const char* h : {"付款条件", "客户名称", "Due Date", "PAY_0", "ID", "Terms", "收款日期", "元通商贸有限公司"}) {
    CAPTURE(h);
    CHECK_FALSE(header_suggests_money(h));
  }
}

TEST_CASE("role and table-kind names: one spelling each way") {
  for (const Role r : all_roles()) {
    Role back = Role::none;
    REQUIRE(parse_role(role_name(r), back));
    CHECK(back == r);
  }
  for (const TableKind k : all_table_kinds()) {
    TableKind back = TableKind::none;
    REQUIRE(parse_table_kind(table_kind_name(k), back));
    CHECK(back == k);
  }
  Role r = Role::amount;
  CHECK_FALSE(parse_role("", r));
  CHECK_FALSE(parse_role("Amount", r));  // exact names only: headers go through the synonyms
  CHECK_FALSE(parse_role("none", r));
  CHECK(r == Role::amount);              // untouched on failure
  CHECK(role_name(Role::none).empty());
  CHECK(table_kind_name(TableKind::none).empty());
}

TEST_CASE("role_is_money and role_is_date") {
  for (Role r : {Role::amount, Role::paid_amount, Role::payment_amount, Role::debit, Role::credit, Role::balance,
                 Role::open_amount, Role::credit_limit, Role::promised_amount})
    CHECK(role_is_money(r));
  for (Role r : {Role::invoice_date, Role::due_date, Role::paid_date, Role::payment_date, Role::contact_date,
                 Role::promised_date, Role::entry_date})
    CHECK(role_is_date(r));
  CHECK_FALSE(role_is_money(Role::terms_days));
  CHECK_FALSE(role_is_money(Role::target));
  CHECK_FALSE(role_is_date(Role::terms_days));
  CHECK_FALSE(role_is_date(Role::customer_id));
  CHECK_FALSE(role_is_money(Role::none));
  CHECK(all_roles().size() == 34);
  CHECK(all_table_kinds().size() == 8);
}

// [SECTION] end to end: the fixtures in tests/data/roles through the importer -------------------

namespace {

ImportedFile import_fixture(const std::string& name) {
  const std::string path = std::string(OL_SOURCE_DIR) + "/tests/data/roles/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return import_bytes(name, bytes.str());
}

// "header=role" for every column, in order; "header=" when the column has no role.
std::string role_map(const ImportedFile& f) {
  std::string out;
  for (const Column& c : f.columns) out += c.name + "=" + std::string(role_name(c.role)) + ";";
  return out;
}

}  // namespace

TEST_CASE("fixtures: each realistic export gets its kind and roles") {
  struct Case {
    const char* file;
    const char* kind;
    const char* roles;
  };
  const Case cases[] = {
      {"ledger_zh.csv", "ledger",
       "客户编号=customer_id;客户名称=customer_name;发票号=invoice_id;开票日期=invoice_date;到期日=due_date;"
       "价税合计(元)=amount;已收金额=paid_amount;收款日期=paid_date;业务员=sales_rep;逾期天数=;"},
      {"running_ledger_kingdee.csv", "running_ledger",
       "日期=entry_date;凭证字号=;摘要=;借方=debit;贷方=credit;方向=direction;余额=balance;"},
      {"invoices_quickbooks.csv", "invoices",
       "Date=invoice_date;Transaction type=;Num=invoice_id;Customer=customer_name;Due date=due_date;"
       "Terms=terms_days;Amount=amount;"},
      {"ar_aging_erpnext.csv", "ledger",
       "Posting Date=invoice_date;Customer=customer_name;Voucher No=invoice_id;Due Date=due_date;"
       "Invoiced Amount=amount;Paid Amount=paid_amount;Outstanding Amount=open_amount;Age (Days)=;0-30=;"
       "31-60=;61-90=;91-120=;121-Above=;Currency=currency;Sales Person=sales_rep;"},
      {"payments_zh.csv", "payments",
       "客户名称=customer_name;收款日期=payment_date;收款金额=payment_amount;发票号=invoice_id;币种=currency;"},
      {"payments_en.csv", "payments",
       "Customer=customer_name;Date Paid=payment_date;Amount=payment_amount;Invoice No=invoice_id;Payment Method=;"},
      {"customers_zh.csv", "customers",
       "客户编号=customer_id;客户名称=customer_name;联系人=contact;电话=;负责人=person_in_charge;"
       "信用额度=credit_limit;客户分类=segment;"},
      {"contacts_zh.csv", "contacts",
       "客户名称=customer_name;联系日期=contact_date;方式=channel;结果=outcome;承诺日期=promised_date;"
       "承诺金额=promised_amount;备注=;"},
      {"accounts_en.csv", "accounts",
       "id=customer_id;age=;income=;debt_ratio=;times_30_59_late=;open_credit_lines=;default=target;"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const ImportedFile f = import_fixture(c.file);
    REQUIRE(f.error.empty());
    CHECK(table_kind_name(f.table_kind) == c.kind);
    CHECK(role_map(f) == c.roles);
    // The kind shown is the one the roles imply, as after any user edit.
    CHECK(decide_table_kind(f) == f.table_kind);
  }
}

TEST_CASE("fixtures: a GBK running ledger maps like its UTF-8 twin") {
  const ImportedFile utf8 = import_fixture("running_ledger_kingdee.csv");
  const ImportedFile gbk = import_fixture("running_ledger_kingdee_gbk.csv");
  CHECK(gbk.encoding == Encoding::gb18030);
  CHECK(gbk.table_kind == TableKind::running_ledger);
  CHECK(role_map(gbk) == role_map(utf8));
}
