// Roles from words (issue #17 item 1): the header splitter, the word scores, the best total
// assignment, the content vetoes, and each column's confidence and deciding words. Files are
// built by hand (as in test_roles.cpp) so these tests do not depend on the importer.
//
// [SECTION] helpers
// [SECTION] words of a header
// [SECTION] scores of a header
// [SECTION] assignment: one role per column, one column per role, the best total
// [SECTION] content: ids that name several customers, numbers distinct on every row, currencies
// [SECTION] confidence and deciding words
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "overdue/import/role_assignment.hpp"
#include "overdue/report/inspect_json.hpp"
#include "overdue/roles/header_words.hpp"
#include "overdue/roles/word_scores.hpp"

using namespace overdue;

// [SECTION] helpers ------------------------------------------------------------------------------

namespace {

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::text;
  std::vector<std::string> cells;
};

ImportedFile make_file(const std::vector<ColumnSpec>& specs) {
  ImportedFile file;
  file.name = "words.csv";
  size_t rows = 0;
  for (const ColumnSpec& s : specs) {
    Column c;
    c.name = s.name;
    c.type = s.type;
    for (const std::string& cell : s.cells) {
      c.text.push(cell);
      if (cell.empty()) ++c.missing;
    }
    rows = std::max(rows, s.cells.size());
    file.columns.push_back(std::move(c));
  }
  for (size_t i = 0; i < rows; ++i) file.row_line.push_back(i + 2);
  file.rows.read = file.rows.accepted = rows;
  return file;
}

std::vector<std::string> repeat(const std::string& v, size_t n) { return std::vector<std::string>(n, v); }

std::string words_of(std::string_view header) {
  std::string out;
  for (const HeaderWord& w : header_role_words(header)) out += (out.empty() ? "" : " ") + w.canonical;
  return out;
}

Role best_role(std::string_view header) {
  const std::vector<RoleCandidate> c = header_candidates(header);
  return c.empty() ? Role::none : c.front().role;
}

}  // namespace

// [SECTION] words of a header --------------------------------------------------------------------

TEST_CASE("a header splits into canonical words") {
  CHECK(words_of("cust_number") == "customer number");
  CHECK(words_of("CustNo") == "customer number");
  CHECK(words_of("Invoice #") == "invoice number");
  CHECK(words_of("invoice.due_date") == "invoice due date");
  CHECK(words_of("InvoiceAmountDue") == "invoice amount due");
  CHECK(words_of("total_open_amount") == "total open amount");
  CHECK(words_of("Acct Bal") == "account balance");
  CHECK(words_of("Doc Dt") == "document date");
  CHECK(words_of("CCY") == "currency");
  CHECK(words_of("Date of the Invoice") == "date invoice");  // filler words dropped
  CHECK(words_of("Payments") == "payment");                  // plural
  CHECK(words_of("Status") == "status");                     // not a plural
  CHECK(words_of("Amount (USD)") == "amount");               // a unit in brackets
  CHECK(words_of("Date Issued") == "date issue");
  CHECK(words_of("Day_due") == "day due");
  CHECK(words_of("BILL_AMT1") == "bill amount 1");
  CHECK(words_of("POBox") == "po box");
  CHECK(words_of("P. O. #") == "po number");  // single letters in a row are one word
  CHECK(words_of("G/L Account") == "ledger account");
}

TEST_CASE("Chinese headers split into the known accounting words") {
  CHECK(words_of("往来单位名称") == "customer name");
  CHECK(words_of("客户编号") == "customer number");
  CHECK(words_of("单据日期") == "document date");
  CHECK(words_of("到期日") == "due date");
  CHECK(words_of("应收余额") == "receivable balance");
  CHECK(words_of("金额（元）") == "amount");
  CHECK(words_of("客戶名稱") == "customer name");  // traditional characters fold first
  CHECK(words_of("科目名称") == "ledger name");
  CHECK(words_of("是否争议") == "是 否 dispute");  // unknown characters are words of their own
}

TEST_CASE("matched words are shown as written") {
  const std::vector<HeaderWord> w = header_role_words("Cust #");
  REQUIRE(w.size() == 2);
  CHECK(w[0].shown == "cust");
  CHECK(w[1].shown == "#");
}

// [SECTION] scores of a header -------------------------------------------------------------------

TEST_CASE("the word patterns name only real roles") { CHECK(word_pattern_problems().empty()); }

TEST_CASE("headers no phrase knows are scored by their words") {
  CHECK(best_role("cust_number") == Role::customer_id);
  CHECK(best_role("Client Ref No") == Role::customer_id);  // client → customer, no → number
  CHECK(best_role("Date Issued") == Role::invoice_date);
  CHECK(best_role("due_in_date") == Role::due_date);
  CHECK(best_role("total_open_amount") == Role::open_amount);
  CHECK(best_role("InvoiceAmountDue") == Role::open_amount);
  CHECK(best_role("InvoiceAmountPaid") == Role::paid_amount);
  CHECK(best_role("Invoice Status") == Role::status);
  CHECK(best_role("状态") == Role::status);
  CHECK(best_role("Account Name") == Role::account);
  CHECK(best_role("科目名称") == Role::account);
  CHECK(best_role("科目代码") == Role::account);
  CHECK(best_role("Line Total") == Role::line_amount);
  CHECK(best_role("Item Total") == Role::line_amount);
  CHECK(best_role("Disputed") == Role::disputed);
  CHECK(best_role("争议") == Role::disputed);
  CHECK(best_role("往来单位简称") == Role::customer_name);
  CHECK(best_role("单据金额") == Role::amount);
  CHECK(best_role("Inv Status") == Role::status);
  CHECK(best_role("GL Acct") == Role::account);
  CHECK(best_role("Line Amt") == Role::line_amount);
  CHECK(best_role("明细金额") == Role::line_amount);
  CHECK(best_role("Is Disputed?") == Role::disputed);
  CHECK(best_role("单据状态") == Role::status);
}

TEST_CASE("excluding words keep a figure out of the wrong role") {
  for (const char* h : {"Tax 1 Amount", "Discount Amount", "Item Price", "Invoice Tax Total", "Day_due", "Sales tax"}) {
    CAPTURE(h);
    for (const RoleCandidate& c : header_candidates(h)) {
      CHECK(c.role != Role::amount);
      CHECK(c.role != Role::due_date);
    }
  }
  for (const RoleCandidate& c : header_candidates("Credit Limit Amount")) CHECK(c.role != Role::credit);
  for (const RoleCandidate& c : header_candidates("争议金额")) CHECK(c.role != Role::amount);  // a disputed amount
  for (const RoleCandidate& c : header_candidates("P. O. #")) CHECK(c.role != Role::invoice_id);
  CHECK(header_candidates("Memo").empty());
  // A numbered series (the model lab's BILL_AMT1 … PAY_AMT6) is no receivables column.
  CHECK(header_candidates("BILL_AMT1").empty());
  CHECK(header_candidates("PAY_0").empty());
  CHECK(header_candidates("Days Overdue").empty());  // derived: someone else's analysis
}

TEST_CASE("scores: the role's own name, then phrases, then words") {
  const std::vector<RoleCandidate> exact = header_candidates("due_date");
  REQUIRE(!exact.empty());
  CHECK(exact.front().score == 1.0);
  const std::vector<RoleCandidate> phrase = header_candidates("开票日期");
  REQUIRE(!phrase.empty());
  CHECK(phrase.front().score == doctest::Approx(0.9));
  const std::vector<RoleCandidate> second = header_candidates("Date Paid");  // payment_date, then paid_date
  REQUIRE(second.size() == 2);
  CHECK(second[1].score == doctest::Approx(0.88));
  const std::vector<RoleCandidate> words = header_candidates("cust_number");
  REQUIRE(!words.empty());
  CHECK(words.front().score == doctest::Approx(0.85));  // every word of the header in the pattern
  CHECK(words.front().strength == kSpecificMatch);
  // A pattern covering part of the header scores lower: 0.85 × (0.6 + 0.4 × 2/3).
  const std::vector<RoleCandidate> partial = header_candidates("primary cust_number");
  REQUIRE(!partial.empty());
  CHECK(partial.front().score == doctest::Approx(0.74));
}

// [SECTION] assignment: one role per column, one column per role, the best total ---------------

TEST_CASE("the best total beats a greedy first pick") {
  // "Open balance" may be the open amount (0.9) or the balance (0.88); "remaining" can only be the
  // open amount (0.75). Taking the best single pick first would leave "remaining" without a role
  // (total 0.9); the best total gives both a role (0.88 + 0.75).
  ImportedFile f = make_file({{"Open balance", ColumnType::decimal, {"10.00"}},
                              {"remaining", ColumnType::decimal, {"10.00"}}});
  assign_roles(f);
  CHECK(f.columns[0].role == Role::balance);
  CHECK(f.columns[1].role == Role::open_amount);
}

TEST_CASE("one role per column and one column per role, the earlier column on a tie") {
  ImportedFile f = make_file({{"Customer", ColumnType::text, {"A"}},
                              {"Invoice Date", ColumnType::date, {"2024-01-01"}},
                              {"Amount", ColumnType::decimal, {"1.00"}},
                              {"Amount", ColumnType::decimal, {"2.00"}}});
  assign_roles(f);
  CHECK(f.columns[2].role == Role::amount);
  CHECK(f.columns[3].role == Role::none);
}

TEST_CASE("thousands of candidate columns stay a small problem") {
  // Only the best few columns of each role take part in the assignment.
  std::vector<ColumnSpec> specs = {{"Customer", ColumnType::text, {"A"}}, {"Invoice Date", ColumnType::date, {"2024-01-01"}}};
  for (int i = 0; i < 3000; ++i) specs.push_back({"Amount", ColumnType::decimal, {"1.00"}});
  ImportedFile f = make_file(specs);
  assign_roles(f);
  CHECK(f.columns[2].role == Role::amount);
  size_t with_role = 0;
  for (const Column& c : f.columns) with_role += c.role != Role::none;
  CHECK(with_role == 3);
}

TEST_CASE("a phrase whose roles the values rule out falls back to its words") {
  // Invoicely's "Due" holds dates: a due date, not the amount due.
  ImportedFile f = make_file({{"Client", ColumnType::text, {"A", "B"}},
                              {"Date", ColumnType::date, {"2024-01-01", "2024-01-02"}},
                              {"Due", ColumnType::date, {"2024-02-01", "2024-02-02"}},
                              {"Total", ColumnType::decimal, {"10.00", "20.00"}}});
  assign_roles(f);
  CHECK(f.columns[2].role == Role::due_date);
  CHECK(f.table_kind == TableKind::invoices);
  // Xero's "Due" is an amount: never a due date.
  f = make_file({{"Client", ColumnType::text, {"A"}},
                 {"Date", ColumnType::date, {"2024-01-01"}},
                 {"Due", ColumnType::decimal, {"5.00"}},
                 {"Total", ColumnType::decimal, {"10.00"}}});
  assign_roles(f);
  CHECK(f.columns[2].role != Role::due_date);
}

TEST_CASE("Day_due is a count of days, never a date role") {
  for (ColumnType type : {ColumnType::integer, ColumnType::date}) {
    ImportedFile f = make_file({{"cust_number", ColumnType::text, {"C1", "C2"}},
                                {"posting_date", ColumnType::date, {"2020-01-01", "2020-01-02"}},
                                {"total_open_amount", ColumnType::decimal, {"5.00", "6.00"}},
                                {"Day_due", type, {"13", "45"}}});
    assign_roles(f);
    CHECK(f.columns[3].role == Role::none);
  }
}

// [SECTION] content: ids that name several customers, numbers distinct on every row, currencies --

TEST_CASE("an id that stands for several names is no customer id: the names decide") {
  // The seller's own AccountId on every row, four customers.
  ImportedFile f = make_file({{"AccountId", ColumnType::text, repeat("ACC-778", 4)},
                              {"Customer Name", ColumnType::text, {"Ada Ltd", "Bo Inc", "Cy LLC", "Di SA"}},
                              {"Invoice Date", ColumnType::date, {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"}},
                              {"Amount", ColumnType::decimal, {"1.00", "2.00", "3.00", "4.00"}}});
  assign_roles(f);
  CHECK(f.columns[0].role == Role::none);
  CHECK(f.columns[1].role == Role::customer_name);
  // A real customer id: one name each.
  f = make_file({{"AccountId", ColumnType::text, {"A1", "B2", "A1", "C3"}},
                 {"Customer Name", ColumnType::text, {"Ada Ltd", "Bo Inc", "Ada Ltd", "Cy LLC"}},
                 {"Invoice Date", ColumnType::date, {"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"}},
                 {"Amount", ColumnType::decimal, {"1.00", "2.00", "3.00", "4.00"}}});
  assign_roles(f);
  CHECK(f.columns[0].role == Role::customer_id);
}

TEST_CASE("in a transaction table of 20 rows, a value distinct on every row is no customer") {
  std::vector<std::string> ids, customers, dates, amounts;
  for (int i = 0; i < 20; ++i) {
    ids.push_back("SINV-" + std::to_string(1000 + i));
    customers.push_back(i % 2 ? "Hooli" : "Raviga");
    dates.push_back("2024-03-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1));
    amounts.push_back(std::to_string(10 + i) + ".00");
  }
  ImportedFile f = make_file({{"ID", ColumnType::text, ids},
                              {"Customer", ColumnType::text, customers},
                              {"Date", ColumnType::date, dates},
                              {"Grand Total", ColumnType::decimal, amounts}});
  assign_roles(f);
  CHECK(f.columns[0].role == Role::invoice_id);
  CHECK(f.columns[1].role == Role::customer_name);
  // Under 20 rows the rule does not speak: "ID" stays the customer's id.
  for (Column& c : f.columns) {
    std::vector<std::string> keep;
    for (size_t i = 0; i < 5; ++i) keep.emplace_back(c.text.at(i));
    c.text = TextColumn{};
    for (const std::string& s : keep) c.text.push(s);
  }
  f.row_line.resize(5);
  assign_roles(f);
  CHECK(f.columns[0].role == Role::customer_id);
}

TEST_CASE("a currency column holds currency codes or names") {
  ImportedFile f = make_file({{"Customer", ColumnType::text, {"A", "B", "C"}},
                              {"Invoice Date", ColumnType::date, {"2024-01-01", "2024-01-02", "2024-01-03"}},
                              {"Amount", ColumnType::decimal, {"1.00", "2.00", "3.00"}},
                              {"Currency", ColumnType::text, {"人民币", "US$", "￥"}}});
  assign_roles(f);
  CHECK(f.columns[3].role == Role::currency);
  f = make_file({{"Customer", ColumnType::text, {"A", "B", "C"}},
                 {"Invoice Date", ColumnType::date, {"2024-01-01", "2024-01-02", "2024-01-03"}},
                 {"Amount", ColumnType::decimal, {"1.00", "2.00", "3.00"}},
                 {"Curr", ColumnType::text, {"north", "south", "east"}}});
  assign_roles(f);
  CHECK(f.columns[3].role == Role::none);
}

// [SECTION] confidence and deciding words --------------------------------------------------------

TEST_CASE("each column's confidence and deciding words") {
  ImportedFile f = make_file({{"cust_number", ColumnType::text, {"C1"}},
                              {"Date Issued", ColumnType::date, {"2024-01-01"}},
                              {"Total", ColumnType::decimal, {"1.00"}},
                              {"Memo", ColumnType::text, {"x"}}});
  assign_roles(f);
  CHECK(f.columns[0].role == Role::customer_id);
  CHECK(f.columns[0].role_confidence == doctest::Approx(0.85));
  CHECK(f.columns[0].matched_words == std::vector<std::string>{"cust", "number"});
  CHECK(f.columns[1].role == Role::invoice_date);
  CHECK(f.columns[1].matched_words == std::vector<std::string>{"date", "issued"});
  CHECK(f.columns[3].role == Role::none);
  CHECK(f.columns[3].role_confidence == 0);
  CHECK(f.columns[3].matched_words.empty());
  // The user's own choice: certain, decided by no header word.
  f.columns[3].role = Role::segment;
  f.columns[3].role_set_by_user = true;
  assign_roles(f);
  CHECK(f.columns[3].role_confidence == 1);
  CHECK(f.columns[3].matched_words.empty());
}

TEST_CASE("inspect writes each role's confidence and words; none for a column without a role") {
  ImportedFile f = make_file({{"cust_number", ColumnType::text, {"C1"}},
                              {"Date Issued", ColumnType::date, {"2024-01-01"}},
                              {"Total", ColumnType::decimal, {"1.00"}},
                              {"Memo", ColumnType::text, {"x"}}});
  assign_roles(f);
  std::string json = inspect_file_json(f);
  CHECK(json.find(R"("role":"customer_id","confidence":0.85,"matched_words":["cust","number"])") != std::string::npos);
  CHECK(json.find(R"("role":"amount","confidence":0.55,"matched_words":["total"])") != std::string::npos);
  CHECK(json.find(R"({"name":"Memo","type":"text","role":null,"missing":0})") != std::string::npos);
  // A role set with --map or on the mapping screen: certain, no words, whatever was guessed before.
  f.columns[2].role_set_by_user = true;
  json = inspect_file_json(f);
  CHECK(json.find(R"("role":"amount","confidence":1.0,"matched_words":[])") != std::string::npos);
}
