// The real public data sets in ../shared/data (see its README): exact row counts, column
// types and missing counts; plus a throughput measurement that is skipped unless asked for:
//   overdue_tests --no-skip -tc="bench*"
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "overdue/import/importer.hpp"

using namespace overdue;

namespace {

std::string read_shared(const std::string& path) {
  std::ifstream in(std::string(OL_SHARED_DATA_DIR) + "/" + path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing shared data file " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Column& col(const ImportedFile& f, const std::string& name) {
  for (const Column& c : f.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return f.columns.front();
}

// Feeds the file in 1 MiB chunks, as the page does with File slices.
ImportedFile import_chunked(const std::string& name, const std::string& bytes, size_t chunk) {
  FileImporter importer(name);
  for (size_t at = 0; at < bytes.size(); at += chunk)
    importer.feed(std::string_view(bytes).substr(at, chunk));
  return importer.finish();
}

}  // namespace

TEST_CASE("UCI_Credit_Card.csv: 30,000 rows, 25 typed columns") {
  const std::string bytes = read_shared("uci-credit-default/UCI_Credit_Card.csv");
  const ImportedFile f = import_chunked("UCI_Credit_Card.csv", bytes, 1 << 20);
  REQUIRE(f.error.empty());
  CHECK(f.encoding == Encoding::utf8);
  CHECK(f.delimiter == ',');
  CHECK(f.header);
  CHECK(f.rows.read == 30000);
  CHECK(f.rows.accepted == 30000);
  CHECK(f.rows.rejected == 0);
  CHECK(f.cell_errors_total == 0);
  REQUIRE(f.columns.size() == 25);
  CHECK(f.columns[0].name == "ID");
  CHECK(f.columns[24].name == "default.payment.next.month");
  for (const char* name : {"ID", "SEX", "EDUCATION", "MARRIAGE", "AGE", "PAY_0", "PAY_2", "PAY_6",
                           "default.payment.next.month"})
    CHECK_MESSAGE(col(f, name).type == ColumnType::integer, name);
  // Some amounts are written like 5e+05 in this file: an exponent makes them decimal.
  for (const char* name : {"LIMIT_BAL", "BILL_AMT1", "BILL_AMT6", "PAY_AMT1", "PAY_AMT6"})
    CHECK_MESSAGE(col(f, name).type == ColumnType::decimal, name);
  for (const Column& c : f.columns) CHECK(c.missing == 0);
  CHECK(col(f, "ID").cents[29999] == 3000000);
  CHECK(col(f, "LIMIT_BAL").cents[0] == 2000000);
  int64_t defaults = 0;
  for (int64_t v : col(f, "default.payment.next.month").cents) defaults += v / 100;
  CHECK(defaults == 6636);  // 22.12 % per the data README
  CHECK(f.row_line.front() == 2);
  CHECK(f.row_line.back() == 30001);
}

TEST_CASE("cs-training.csv: 150,000 rows, unnamed index column, NA counts") {
  const std::string bytes = read_shared("give-me-some-credit/cs-training.csv");
  const ImportedFile f = import_chunked("cs-training.csv", bytes, 1 << 20);
  REQUIRE(f.error.empty());
  CHECK(f.rows.read == 150000);
  CHECK(f.rows.accepted == 150000);
  CHECK(f.rows.rejected == 0);
  CHECK(f.cell_errors_total == 0);
  REQUIRE(f.columns.size() == 12);
  // The first header cell is empty: the column is named by position.
  CHECK(f.columns[0].name == "column_1");
  CHECK(f.columns[0].type == ColumnType::integer);
  CHECK(f.columns[0].cents[149999] == 15000000);
  CHECK(col(f, "MonthlyIncome").missing == 29731);
  CHECK(col(f, "NumberOfDependents").missing == 3924);
  CHECK(col(f, "SeriousDlqin2yrs").type == ColumnType::integer);
  CHECK(col(f, "RevolvingUtilizationOfUnsecuredLines").type == ColumnType::decimal);
  CHECK(col(f, "DebtRatio").type == ColumnType::decimal);
  CHECK(col(f, "age").type == ColumnType::integer);
  int64_t bad = 0;
  for (int64_t v : col(f, "SeriousDlqin2yrs").cents) bad += v / 100;
  CHECK(bad == 10026);
  CHECK(col(f, "RevolvingUtilizationOfUnsecuredLines").number[0] == 0.766126609);
  CHECK(f.row_line.back() == 150001);
}

TEST_CASE("bench: import throughput on cs-training.csv" * doctest::skip()) {
  const std::string bytes = read_shared("give-me-some-credit/cs-training.csv");
  double best_ms = 1e9;
  for (int round = 0; round < 5; ++round) {
    const auto t0 = std::chrono::steady_clock::now();
    const ImportedFile f = import_chunked("cs-training.csv", bytes, 16 << 20);
    const auto t1 = std::chrono::steady_clock::now();
    REQUIRE(f.rows.accepted == 150000);
    const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    if (ms < best_ms) best_ms = ms;
  }
  const double mb = static_cast<double>(bytes.size()) / 1e6;
  std::printf("import cs-training.csv: %.1f MB in %.1f ms (best of 5) = %.0f MB/s, %.0f rows/s\n",
              mb, best_ms, mb / (best_ms / 1000.0), 150000.0 / (best_ms / 1000.0));
}
