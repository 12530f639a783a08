// CSV exports (issue #6, csv_export.hpp): byte format (BOM, CRLF, quoting), the header row in both
// languages, and that every table holds the analysis's figures: one row per overdue customer and
// per customer, aging that adds up to the open amount, installments that add up to each
// structural customer's overdue amount, every rejected row listed.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/report/analysis_json.hpp"
#include "overdue/classify/classify.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/report/csv_export.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"
#include "overdue/monitor/monitor.hpp"
#include "test_analysis_support.hpp"

using namespace overdue;

namespace {

ImportedFile fixture(const std::string& relative) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return import_bytes(relative.substr(relative.rfind('/') + 1), bytes.str());
}

struct Exported {
  std::vector<ImportedFile> files;
  Ledger ledger;
  MonitorResult result;
  OverdueAnalysis overdue;
  CashForecast forecast;
  std::map<std::string, std::string> csv;
};

Exported export_generated(Lang language) {
  Exported e;
  e.files.push_back(fixture("tests/data/ledger/generated_1000.csv"));
  // One more file with a row the ledger rejects (no amount) and one the import rejects.
  e.files.push_back(import_bytes("extra.csv",
                                 "customer,invoice id,invoice date,due date,amount\n"
                                 "Z1,X-1,2024-01-05,2024-02-04,100.00\n"
                                 "Z1,X-2,2024-01-06,2024-02-05,\n"
                                 "Z1,X-3,2024-01-07,2024-02-06,1.00,extra,fields\n"));
  e.ledger = build_ledger(e.files);
  e.result = monitor(e.ledger, MonitorOptions{});
  const ContactLog contacts = build_contact_log(e.files, e.ledger);
  e.overdue = analyze_overdue(e.ledger, e.result, &contacts, OverdueSettings{});
  const AnalysisResult analysis =
      analysis_test::analysis_of(e.files, e.ledger, e.result, e.overdue, contacts, AnalysisSettings{});
  for (CsvFile& f : analysis_csv_files(analysis, language)) e.csv[f.name] = f.bytes;
  e.forecast = analysis.forecast;
  return e;
}

// Records of a CSV export: BOM stripped, split at CRLF, fields split with quotes honoured.
std::vector<std::vector<std::string>> records(const std::string& bytes) {
  std::vector<std::vector<std::string>> out;
  REQUIRE(bytes.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 3; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field), field.clear();
    } else if (c == '\r') {
      REQUIRE(i + 1 < bytes.size());
      REQUIRE(bytes[i + 1] == '\n');
      ++i;
      row.push_back(field), field.clear();
      out.push_back(row), row.clear();
    } else {
      REQUIRE(c != '\n');  // a bare LF outside quotes: not CRLF
      field += c;
    }
  }
  REQUIRE(row.empty());
  REQUIRE(field.empty());
  return out;
}

int64_t cents_of(const std::string& text) {
  const int32_t sign = !text.empty() && text[0] == '-' ? -1 : 1;
  int64_t v = 0;
  for (char c : text)
    if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
  REQUIRE(text.find('.') == text.size() - 3);  // exactly two decimals
  return sign * v;
}

}  // namespace

TEST_CASE("csv_field quotes only what must be quoted") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("北京,上海") == "\"北京,上海\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("") == "");
}

TEST_CASE("CSV exports: eight files, BOM + CRLF, headers in the chosen language") {
  const Exported zh = export_generated(Lang::zh);
  const Exported en = export_generated(Lang::en);
  CHECK(zh.csv.size() == 8);
  for (const char* name : {"overdue.csv", "customers.csv", "aging.csv", "trend.csv", "installments.csv", "worklist.csv",
                           "rejected.csv", "forecast.csv"}) {
    REQUIRE(zh.csv.count(name) == 1);
    REQUIRE(en.csv.count(name) == 1);
    const auto z = records(zh.csv.at(name));
    const auto e = records(en.csv.at(name));
    CHECK(z.size() == e.size());
    CHECK(std::vector<std::vector<std::string>>(z.begin() + 1, z.end()) ==
          std::vector<std::vector<std::string>>(e.begin() + 1, e.end()));  // only the header differs
  }
  CHECK(records(zh.csv.at("customers.csv"))[0][0] == "客户编号");
  CHECK(records(en.csv.at("customers.csv"))[0][0] == "Customer ID");
  // forecast.csv (issue #20 §1): the headers as the issue gives them, one row per open invoice.
  CHECK(records(en.csv.at("forecast.csv"))[0] ==
        std::vector<std::string>{"Invoice ID", "Customer ID", "Customer name", "Open", "Due date", "Expected date",
                                 "Expected low", "Expected high", "Basis"});
  CHECK(records(zh.csv.at("forecast.csv"))[0] ==
        std::vector<std::string>{"发票编号", "客户编号", "客户名称", "未收余额", "到期日", "预计回款日", "预计最早", "预计最晚", "依据"});
  const auto rows = records(en.csv.at("forecast.csv"));
  CHECK(rows.size() == en.forecast.invoices.size() + 1);
  REQUIRE(rows.size() > 1);
  for (size_t k = 1; k < rows.size(); ++k) {
    const std::string& basis = rows[k][8];
    CHECK((basis == "history" || basis == "promise" || basis == "segment" || basis == "book" || basis == "disputed"));
    CHECK(rows[k][5] > iso_date_text(en.result.as_of));  // ISO dates compare as text
    CHECK(rows[k][6] <= rows[k][5]);
    CHECK(rows[k][5] <= rows[k][7]);
  }
  // Issue #20 §3: worklist.csv's headers, exactly.
  CHECK(records(en.csv.at("worklist.csv"))[0] ==
        std::vector<std::string>{"Priority", "Customer ID", "Customer name", "Overdue type", "Overdue", "Next action",
                                 "Action date", "Last contact", "Promise"});
  CHECK(records(zh.csv.at("worklist.csv"))[0] ==
        std::vector<std::string>{"优先级", "客户编号", "客户名称", "逾期类型", "逾期金额", "下一步", "行动日期", "最近联系", "承诺"});
}

TEST_CASE("CSV exports hold the analysis's figures") {
  const Exported e = export_generated(Lang::en);
  const auto overdue = records(e.csv.at("overdue.csv"));
  REQUIRE(e.overdue.customers.size() > 0);
  CHECK(overdue.size() == e.overdue.customers.size() + 1);
  CHECK(overdue[1][0] == "1");  // priority order
  // The worklist: one row per overdue customer in the same priority order as overdue.csv.
  const auto worklist = records(e.csv.at("worklist.csv"));
  REQUIRE(worklist.size() == overdue.size());
  for (size_t i = 1; i < worklist.size(); ++i) {
    CHECK(worklist[i][0] == overdue[i][0]);
    CHECK(worklist[i][1] == overdue[i][1]);
  }
  CHECK(records(e.csv.at("customers.csv")).size() == e.result.customers.size() + 1);

  int64_t aging_total = 0;
  for (size_t i = 1; i < records(e.csv.at("aging.csv")).size(); ++i) aging_total += cents_of(records(e.csv.at("aging.csv"))[i][3]);
  CHECK(aging_total == e.result.open_cents);
  CHECK(records(e.csv.at("trend.csv")).size() == e.result.trend.size() + 1);
  CHECK(records(e.csv.at("trend.csv")).back()[0] == iso_date_text(e.result.as_of));

  // Installments add up to the cent to each structural customer's overdue amount.
  std::map<std::string, int64_t> plan_sum;
  for (const auto& r : std::vector<std::vector<std::string>>(records(e.csv.at("installments.csv")))) {
    if (r[0] == "Customer ID") continue;
    plan_sum[r[0]] += cents_of(r[4]);
  }
  size_t structural = 0;
  for (const ClassifiedCustomer& c : e.overdue.customers) {
    if (c.plan.installments.empty()) continue;
    ++structural;
    CHECK(plan_sum[e.ledger.customers[c.customer].id] == c.overdue_cents);
  }
  CHECK(plan_sum.size() == structural);

  // Every rejected row, import and ledger, is listed: the counts reconcile with rows.rejected.
  const auto rejected = records(e.csv.at("rejected.csv"));
  CHECK(rejected.size() - 1 == e.ledger.rows.rejected);
  bool extra_listed = false;
  for (const auto& r : rejected) extra_listed |= r[0] == "extra.csv";
  CHECK(extra_listed);
}
