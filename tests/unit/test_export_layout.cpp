// The pieces of the export-layout reader (issue #9) one by one: header position below title rows,
// header rows flattened, title-line dates and customers, and what a plain CSV keeps (no layout
// rule may fire on an ordinary table).
#include <doctest/doctest.h>

#include "overdue/text/civil_date.hpp"
#include "import/export_layout.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/roles/roles.hpp"
#include "overdue/text/value_parsers.hpp"

using namespace overdue;

namespace {
using Records = std::vector<std::vector<std::string>>;
int32_t day(int y, int m, int d) { return days_from_civil(y, m, d); }
}  // namespace

TEST_CASE("export layout: the header is found below title rows, and only there") {
  const Records qb = {
      {"Craig's Design"},
      {"A/R Aging Detail Report"},
      {"As of Jul 25, 2026"},
      {"", "Date", "Transaction type", "Num", "Customer full name", "Due date", "Amount",
       "Open balance"},
      {"Current"},
      {"", "07/10/2026", "Invoice", "1037", "Sonnenschein", "08/09/2026", "362.07", "362.07"}};
  HeaderPosition at = find_header_position(qb, 8);
  CHECK(at.index == 3);
  CHECK(at.rows == 1);
  // A plain table: the first record stays the header.
  const Records plain = {{"customer", "date", "amount"}, {"A", "2024-01-05", "10.00"}};
  at = find_header_position(plain, 3);
  CHECK(at.index == 0);
  CHECK(at.rows == 1);
  // Title-like first rows with no header below them: nothing is skipped (the old rules decide).
  const Records no_header = {{"note"}, {"1", "2", "3"}, {"4", "5", "6"}};
  CHECK(find_header_position(no_header, 3).index == 0);
  // Below a full-width title row a header needs two known names: made-up names are not one...
  const Records unknown = {{"Report", "", ""}, {"foo", "bar", "baz"}, {"1", "2", "3"}};
  CHECK(find_header_position(unknown, 3).index == 0);
  // ... but below title rows written short, the first full-width row of names is the header.
  const Records short_titles = {
      {"Report"}, {"As of 2026-06-30"}, {"Who", "Ref", "How much"}, {"A", "1", "3.00"}};
  CHECK(find_header_position(short_titles, 3).index == 2);
}

TEST_CASE(
    "export layout: a header spanning rows is flattened, a data row below is not taken for one") {
  const Records yonyou = {{"客户名称", "摘要", "借方", "", "", "贷方", "", ""},
                          {"", "", "发生", "已结", "未结", "发生", "已结", "未结"},
                          {"甲公司", "销售", "100.00", "0.00", "100.00", "", "", ""}};
  const HeaderPosition at = find_header_position(yonyou, 8);
  CHECK(at.index == 0);
  CHECK(at.rows == 2);
  CHECK(flatten_header_rows({yonyou[0], yonyou[1]}) ==
        std::vector<std::string>{"客户名称", "摘要", "借方-发生", "借方-已结", "借方-未结",
                                 "贷方-发生", "贷方-已结", "贷方-未结"});
  // Three levels: 借方 over 已结 over 金额/本币.
  const Records three = {{"摘要", "借方", "", "", ""},
                         {"", "已结", "", "未结", ""},
                         {"", "金额", "本币", "金额", "本币"}};
  CHECK(flatten_header_rows(three) == std::vector<std::string>{"摘要", "借方-已结-金额",
                                                               "借方-已结-本币", "借方-未结-金额",
                                                               "借方-未结-本币"});
  // A group row right under a header is one name: not a header row.
  const Records group = {{"", "Date", "Num", "Term", "Open balance"},
                         {"Amy's", "", "", "", ""},
                         {"", "07/01/2026", "1", "Net 30", "5.00"}};
  CHECK(find_header_position(group, 5).rows == 1);
}

TEST_CASE("export layout: the export's date from its title lines") {
  CHECK(as_of_from_title_line("As of Jul 25, 2026") == day(2026, 7, 25));
  CHECK(as_of_from_title_line("As of July 25, 2026") == day(2026, 7, 25));
  CHECK(as_of_from_title_line("As at 31 March 2026") == day(2026, 3, 31));
  CHECK(as_of_from_title_line("截止日期：2026-06-30") == day(2026, 6, 30));
  CHECK(as_of_from_title_line("截至2026年6月30日") == day(2026, 6, 30));
  CHECK(as_of_from_title_line("对账截止日期: 2026/6/30") == day(2026, 6, 30));
  CHECK(as_of_from_title_line("As of 07/25/2026") ==
        day(2026, 7, 25));  // only one reading is a date
  CHECK(as_of_from_title_line("As of 03/04/2026") ==
        kMissingDays);  // 3 April or 4 March: not guessed
  CHECK(as_of_from_title_line("A/R Aging Detail Report") == kMissingDays);
  CHECK(as_of_from_title_line("As of Jul 32, 2026") == kMissingDays);
  CHECK(as_of_from_title_line("As of the end of the month") == kMissingDays);
}

TEST_CASE("export layout: the customer named by a line above the table") {
  CHECK(customer_from_title_line("科目：1122 应收账款-杭州明远科技有限公司") ==
        "杭州明远科技有限公司");
  CHECK(customer_from_title_line("科目: 1122 应收账款 - XX公司") == "XX公司");
  CHECK(customer_from_title_line("科目：1122 应收账款") == "");  // the account itself, no customer
  CHECK(customer_from_title_line("辅助项目：客户：宁波海通") == "宁波海通");
  CHECK(customer_from_title_line("辅助项目: 宁波海通") == "宁波海通");
  CHECK(customer_from_title_line("往来单位：温州立达") == "温州立达");
  CHECK(customer_from_title_line("客户关系部") ==
        "");  // a name that starts with 客户, no separator
  CHECK(customer_from_title_line("应收账款明细账") == "");
}

TEST_CASE(
    "export layout: ordinary tables keep every row (a name-only row is no group row without report "
    "signs)") {
  const ImportedFile f = import_bytes(
      "plain.csv",
      "customer,invoice,date,amount\n"
      "Acme,1,2024-01-05,10.00\n"
      "Total Plumbing Ltd,2,2024-01-06,20.00\n"  // a customer, not a total: it has a date
      "Bolt,3,2024-01-07,30.00\n");
  CHECK(f.rows.accepted == 3);
  CHECK(f.rejected.empty());
  CHECK(f.layout.header_line == 1);
  CHECK(f.layout.skipped_title_lines == 0);
  CHECK(f.layout.group_rows == 0);
  // A short row in a plain file is still rejected for its field count, with its text.
  const ImportedFile g =
      import_bytes("short.csv", "date,invoice,amount,memo\n2024-01-05,1,10.00,x\nBolt\n");
  REQUIRE(g.rejected.size() == 1);
  CHECK(g.rejected[0].line == 3);
  CHECK(g.rejected[0].reason == "expected 4 fields, found 1");
  CHECK(g.rejected[0].text == "Bolt");
  CHECK(g.rows.read == 2);
  CHECK(g.rows.accepted == 1);
}

TEST_CASE(
    "export layout: totals, subtotals and labels in a plain table are rejected with their reason") {
  const ImportedFile f = import_bytes("t.csv",
                                      "客户名称,开票日期,金额\n"
                                      "甲公司,2024-01-05,100.00\n"
                                      "甲公司,2024-01-09,50.00\n"
                                      "小计,,150.00\n"
                                      "乙公司,2024-01-07,30.00\n"
                                      "合计,,181.00\n");  // altered: 180.00 is right
  CHECK(f.rows.accepted == 3);
  REQUIRE(f.rejected.size() == 2);
  CHECK(f.rejected[0].reason == "subtotal row");
  CHECK(f.rejected[1].reason == "total row");
  REQUIRE(f.layout.total_checks.size() == 2);
  CHECK(f.layout.total_checks[0].ok());
  CHECK(f.layout.total_checks[0].rows == 2);
  CHECK_FALSE(f.layout.total_checks[1].ok());
  CHECK(f.layout.total_checks[1].sum_cents == 18000);
  CHECK(f.layout.total_checks[1].rows == 3);
  // Memo text that merely contains 合计 is data.
  const ImportedFile g =
      import_bytes("m.csv", "客户名称,开票日期,金额,备注\n甲公司,2024-01-05,100.00,合计开票\n");
  CHECK(g.rows.accepted == 1);
  CHECK(g.rejected.empty());
}

TEST_CASE("export layout: traditional headers meet the simplified synonyms") {
  CHECK(normalize_header("客戶名稱") == normalize_header("客户名称"));
  CHECK(normalize_header("期末未收帳款") == normalize_header("期末未收账款"));
  CHECK(normalize_header("付款條件") == "付款条件");
  CHECK(normalize_header("Due Date") == "duedate");
}

#include <fstream>
#include <sstream>

#include "overdue/report/inspect_json.hpp"
#include "overdue/ledger/ledger.hpp"

// Every fixture cut, shuffled and salted with layout-looking lines: no crash, the counts always
// reconcile (read = accepted + rejected, in the import and in the ledger), and reading in pieces
// gives the same document. A fixed-seed generator keeps the cases the same on every run.
TEST_CASE("export layout: mangled exports still reconcile their counts") {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&](uint64_t bound) {  // splitmix64
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) % bound;
  };
  const char* const salt[] = {"TOTAL,,,,,,\n",
                              "合计\n",
                              "Total for X\n",
                              "Current\n",
                              "科目：1122 应收账款-某公司\n",
                              ",,,,,,\n",
                              "As of Jul 25, 2026\n",
                              "Bayside Club\n",
                              "本月合计,1,2\n",
                              "\"unterminated\n"};
  for (const char* name :
       {"qb_ar_aging_detail.csv", "qb_open_invoices.csv", "xero_aged_receivables_detail.csv",
        "erpnext_accounts_receivable.csv", "kingdee_mingxizhang_gbk.csv", "kingdee_cloud_aging.csv",
        "yonyou_wanglai_duizhang.csv", "taizhang_traditional.csv"}) {
    std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/exports/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string original = ss.str();
    REQUIRE(!original.empty());
    for (int round = 0; round < 60; ++round) {
      std::vector<std::string> lines;
      size_t at = 0;
      while (at < original.size()) {
        const size_t nl = original.find('\n', at);
        const size_t end = nl == std::string::npos ? original.size() : nl + 1;
        lines.push_back(original.substr(at, end - at));
        at = end;
      }
      for (int edits = 1 + static_cast<int>(next(4)); edits > 0; --edits) {
        const size_t i = next(lines.size());
        switch (next(5)) {
          case 0:
            lines.erase(lines.begin() + static_cast<long>(i));
            break;
          case 1:
            lines.insert(lines.begin() + static_cast<long>(i),
                         salt[next(sizeof salt / sizeof salt[0])]);
            break;
          case 2:
            std::swap(lines[i], lines[next(lines.size())]);
            break;
          case 3:
            lines[i] = lines[i].substr(0, next(lines[i].size() + 1));
            break;
          default:
            lines.insert(lines.begin() + static_cast<long>(i), lines[next(lines.size())]);
            break;
        }
        if (lines.empty()) lines.push_back("x\n");
      }
      std::string bytes;
      for (const std::string& l : lines) bytes += l;
      CAPTURE(name);
      CAPTURE(round);
      const ImportedFile f = import_bytes(name, bytes);
      if (!f.error.empty()) continue;
      CHECK(f.rows.read == f.rows.accepted + f.rows.rejected);
      CHECK(f.rows.accepted == f.row_count());
      for (const Column& c : f.columns) CHECK(c.text.size() == f.row_count());
      const std::string json = inspect_file_json(f);
      const Ledger l = build_ledger({f});
      CHECK(l.rows.read == l.rows.accepted + l.rows.rejected);
      if (round % 10 == 0) {
        FileImporter importer(name);
        for (size_t p = 0; p < bytes.size(); p += 5)
          importer.feed(std::string_view(bytes).substr(p, 5));
        CHECK(inspect_file_json(importer.finish()) == json);
      }
    }
  }
}

TEST_CASE("export layout: dates written with an English month name (Xero, Excel's d-mmm-yyyy)") {
  auto days = [](const char* text) {
    const ParsedDate d = parse_date(text, DateAllowances{});
    return d.ok() ? d.days : kMissingDays;
  };
  CHECK(days("15 Feb 2026") == day(2026, 2, 15));
  CHECK(days("5 jan 2024") == day(2024, 1, 5));
  CHECK(days("05-Jan-2024") == day(2024, 1, 5));
  CHECK(days("31 March 2026") == day(2026, 3, 31));
  CHECK(days("1 Sept 2025") == day(2025, 9, 1));
  CHECK(days("15 Feb 2026 13:45") == day(2026, 2, 15));
  CHECK(parse_date("15 Feb 2026", DateAllowances{}).pattern == DatePattern::day_month_name);
  CHECK(parse_date("30 Feb 2026", DateAllowances{}).status == ParsedDate::Status::invalid_date);
  for (const char* not_date : {"15 Febr 2026", "15 Feb-2026", "15 Feb 26", "1 Month", "3 Months", "15 Feb 2026x",
                               "2 Smith Street", "12-Mayday-2024"})
    CHECK_MESSAGE(days(not_date) == kMissingDays, not_date);
}
