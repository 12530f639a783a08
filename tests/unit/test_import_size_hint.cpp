// FileImporter::expect_total_bytes is a hint for reserving storage (issue #7): whatever the hint —
// right, far too small, far too large — and however the input is cut, the imported table is the
// same as without it.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "doctest/doctest.h"
#include "overdue/import/importer.hpp"

using namespace overdue;

namespace {

// A ledger whose first rows are short and later rows long, so an estimate from the first 64 KiB
// is too small and the storage must still grow; quoted fields, CJK names, "1,234.50" amounts,
// empty paid amounts, a broken row and a repeated header.
std::string make_ledger(int rows) {
  std::ostringstream out;
  out << "invoice_id,customer,invoice_date,due_date,amount,paid_amount\n";
  uint64_t x = 88172645463325252ull;
  auto next = [&x]() {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int i = 0; i < rows; ++i) {
    const uint64_t r = next();
    const bool late = i > rows / 2;
    std::string name = late ? "\"上海华东贸易有限公司, 分公司 " + std::to_string(r % 97) + "\""
                            : "C" + std::to_string(r % 50);
    const int day = 1 + static_cast<int>(r % 28), month = 1 + static_cast<int>((r >> 8) % 12);
    char date[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", month, day);
    const uint64_t cents = 100 + (r >> 16) % 500000;
    std::string amount = std::to_string(cents / 100) + "." + std::to_string(10 + cents % 90);
    if (cents >= 100000 && (r & 1))
      amount = "\"" + std::to_string(cents / 100000) + "," +
               std::to_string(100 + (cents / 100) % 900) + ".50\"";
    const std::string paid = (r >> 40) % 4 == 0 ? "" : amount;
    out << "INV-" << i << "," << name << "," << date << "," << date << "," << amount << "," << paid
        << "\n";
    if (i == rows / 3) out << "oops,\"unterminated\n";
    if (i == rows / 4) out << "invoice_id,customer,invoice_date,due_date,amount,paid_amount\n";
  }
  return out.str();
}

ImportedFile import_with(const std::string& bytes, uint64_t hint, size_t chunk) {
  FileImporter importer("ledger.csv");
  if (hint > 0) importer.expect_total_bytes(hint);
  for (size_t at = 0; at < bytes.size(); at += chunk)
    importer.feed(std::string_view(bytes).substr(at, chunk));
  return importer.finish();
}

void check_same(const ImportedFile& a, const ImportedFile& b) {
  REQUIRE(a.error == b.error);
  CHECK(a.rows.read == b.rows.read);
  CHECK(a.rows.accepted == b.rows.accepted);
  CHECK(a.rows.rejected == b.rows.rejected);
  CHECK(a.row_line == b.row_line);
  CHECK(a.notes == b.notes);
  CHECK(a.cell_errors_total == b.cell_errors_total);
  REQUIRE(a.rejected.size() == b.rejected.size());
  for (size_t i = 0; i < a.rejected.size(); ++i) CHECK(a.rejected[i].line == b.rejected[i].line);
  REQUIRE(a.columns.size() == b.columns.size());
  for (size_t i = 0; i < a.columns.size(); ++i) {
    const Column& x = a.columns[i];
    const Column& y = b.columns[i];
    CHECK(x.name == y.name);
    CHECK(x.type == y.type);
    CHECK(x.role == y.role);
    CHECK(x.text.bytes == y.text.bytes);
    CHECK(x.text.end == y.text.end);
    CHECK(x.cents == y.cents);
    CHECK(x.days == y.days);
    CHECK(x.missing == y.missing);
  }
}

}  // namespace

TEST_CASE("import size hint: any hint, any cut, the same table") {
  const std::string bytes = make_ledger(6000);
  REQUIRE(bytes.size() > 3 * FileImporter::kSniffBytes);
  const ImportedFile plain = import_bytes("ledger.csv", bytes);
  REQUIRE(plain.error.empty());
  CHECK(plain.rows.rejected == 1);
  CHECK(plain.rows.accepted == 6000);
  CHECK(plain.columns.size() == 6);
  CHECK(plain.columns[4].type == ColumnType::decimal);
  const uint64_t exact = bytes.size();
  for (uint64_t hint : {exact, exact / 10, exact * 3, uint64_t{1}, uint64_t{0}}) {
    for (size_t chunk : {size_t{1} << 20, size_t{4096}, size_t{777}}) {
      CAPTURE(hint);
      CAPTURE(chunk);
      check_same(import_with(bytes, hint, chunk), plain);
    }
  }
}

TEST_CASE("import size hint: a hint larger than a short file") {
  const std::string bytes = "a,b\n1,2\n";
  check_same(import_with(bytes, 1 << 30, 3), import_bytes("ledger.csv", bytes));
}

// By hand: OL_BENCH_CSV=build/bench/ledger_1000000_seed42.csv overdue_tests --no-skip -tc='bench:
// import size hint'
TEST_CASE("bench: import size hint" * doctest::skip()) {
  const char* path = std::getenv("OL_BENCH_CSV");
  if (path == nullptr) return;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (int hinted = 0; hinted < 2; ++hinted) {
    double best = 1e18;
    for (int round = 0; round < 3; ++round) {
      const auto t0 = std::chrono::steady_clock::now();
      const ImportedFile f = import_with(bytes, hinted ? bytes.size() : 0, 1 << 20);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      REQUIRE(f.error.empty());
      best = ms < best ? ms : best;
    }
    std::printf("import %s, %s: %.0f ms (best of 3) = %.0f MB/s\n", path,
                hinted ? "size hint" : "no hint", best,
                static_cast<double>(bytes.size()) / 1e3 / best);
  }
}

// The page types a big file over several frames (FileImporter::step): cut into steps of
// any size, the table is the one finish() makes in one go.
TEST_CASE("import finish in steps: the same table as finish()") {
  const std::string bytes = make_ledger(3000);
  const ImportedFile whole = import_bytes("ledger.csv", bytes);
  REQUIRE(whole.error.empty());
  CHECK(whole.columns[2].type == ColumnType::date);
  CHECK(whole.columns[4].type == ColumnType::decimal);
  CHECK(whole.columns[1].type == ColumnType::text);
  for (uint64_t cells :
       {uint64_t{1}, uint64_t{7}, uint64_t{2999}, uint64_t{3001}, uint64_t{100000}}) {
    CAPTURE(cells);
    FileImporter importer("ledger.csv");
    importer.feed(bytes);
    int steps = 1;
    for (Budget b{cells}; importer.step(b) == Step::more; b = Budget{cells}) ++steps;
    Budget again{cells};
    CHECK(importer.step(again) == Step::done);  // stays finished
    if (cells < 3000) CHECK(steps > 6);  // really cut: 6 columns of 3,000 rows
    check_same(importer.finish(), whole);
  }
  // Date order ambiguity, a decimal comma and a bad file go through the same steps.
  for (const std::string text :
       {std::string("d;v\n05/01/2024;1,5\n06/01/2024;2,25\n"), std::string("\xff\xfe\x00")}) {
    FileImporter stepped("x.csv");
    stepped.feed(text);
    for (Budget b{1}; stepped.step(b) == Step::more; b = Budget{1}) {
    }
    const ImportedFile a = stepped.take();
    const ImportedFile b = import_bytes("x.csv", text);
    check_same(a, b);
    CHECK(a.cell_errors.size() == b.cell_errors.size());
  }
}

// By hand: where finish() spends its time — the first step (end of input, layout pass), the
// typing, and the rest (roles, export-layout checks), which runs in one piece on the page.
TEST_CASE("bench: import finish split" * doctest::skip()) {
  const char* path = std::getenv("OL_BENCH_CSV");
  if (path == nullptr) return;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  FileImporter importer("bench.csv");
  importer.expect_total_bytes(bytes.size());
  auto now = [] { return std::chrono::steady_clock::now(); };
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  const auto t0 = now();
  for (size_t at = 0; at < bytes.size(); at += 1 << 20) importer.feed(std::string_view(bytes).substr(at, 1 << 20));
  const auto t1 = now();
  Budget first{1};
  importer.step(first);
  const auto t2 = now();
  for (Budget b{1000000}; importer.step(b) == Step::more; b = Budget{1000000}) {
  }
  const auto t3 = now();
  const ImportedFile f = importer.take();
  const auto t4 = now();
  REQUIRE(f.error.empty());
  std::printf("feed %.0f ms, end of input + layout %.0f ms, typing %.0f ms, rest of finish %.0f ms\n", ms(t0, t1),
              ms(t1, t2), ms(t2, t3), ms(t3, t4));
}
