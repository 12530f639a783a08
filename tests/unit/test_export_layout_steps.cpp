// The export-layout pass in slices (ExportLayoutPass, FileImporter::step; issue #7): cut
// into steps of any size, an export ends exactly as with the pass in one piece — rows kept and
// rejected, summary rows and their blocks, the carried customer column, notes, and the typed
// columns after it.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "import/export_layout.hpp"
#include "overdue/import/importer.hpp"

using namespace overdue;

namespace {

std::string read_export(const std::string& name) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
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
  for (size_t i = 0; i < a.rejected.size(); ++i) {
    CHECK(a.rejected[i].line == b.rejected[i].line);
    CHECK(a.rejected[i].reason == b.rejected[i].reason);
    CHECK(a.rejected[i].text == b.rejected[i].text);
  }
  const ExportLayout &x = a.layout, &y = b.layout;
  CHECK(x.group_rows == y.group_rows);
  CHECK(x.as_of == y.as_of);
  CHECK(x.currencies == y.currencies);
  REQUIRE(x.summary_rows.size() == y.summary_rows.size());
  for (size_t i = 0; i < x.summary_rows.size(); ++i) {
    CHECK(x.summary_rows[i].line == y.summary_rows[i].line);
    CHECK(x.summary_rows[i].reason == y.summary_rows[i].reason);
    CHECK(x.summary_rows[i].cells == y.summary_rows[i].cells);
    CHECK(x.summary_rows[i].rows_before == y.summary_rows[i].rows_before);
    CHECK(x.summary_rows[i].block_begin == y.summary_rows[i].block_begin);
    CHECK(x.summary_rows[i].checkable == y.summary_rows[i].checkable);
  }
  REQUIRE(x.total_checks.size() == y.total_checks.size());
  for (size_t i = 0; i < x.total_checks.size(); ++i) {
    CHECK(x.total_checks[i].sum_cents == y.total_checks[i].sum_cents);
    CHECK(x.total_checks[i].rows == y.total_checks[i].rows);
  }
  REQUIRE(a.columns.size() == b.columns.size());
  for (size_t i = 0; i < a.columns.size(); ++i) {
    CHECK(a.columns[i].name == b.columns[i].name);
    CHECK(a.columns[i].type == b.columns[i].type);
    CHECK(a.columns[i].role == b.columns[i].role);
    CHECK(a.columns[i].text.bytes == b.columns[i].text.bytes);
    CHECK(a.columns[i].text.end == b.columns[i].text.end);
    CHECK(a.columns[i].cents == b.columns[i].cents);
    CHECK(a.columns[i].days == b.columns[i].days);
  }
}

// Imports through the importer's job steps of `cells` units; counts the steps.
ImportedFile stepped(const std::string& name, const std::string& bytes, uint64_t cells,
                     int& steps, const ImportOptions& options = {}) {
  FileImporter importer(name, options);
  importer.feed(bytes);
  steps = 1;
  for (Budget b{cells}; importer.step(b) == Step::more; b = Budget{cells}) ++steps;
  return importer.take();
}

// A report many times longer than the fixtures: title rows, customer group rows with invoices
// under them, subtotals (one of them wrong), an aging label, a padded footer, a grand total.
std::string long_report(int customers, int invoices_each) {
  std::ostringstream out;
  out << "Open Invoices\nAs of Jul 25, 2026\n";
  out << "Date,Transaction type,Num,Due date,Amount,Open balance\n";
  int64_t grand = 0;
  for (int c = 0; c < customers; ++c) {
    out << "Customer " << c << ",,,,,\n";
    int64_t sum = 0;
    for (int i = 0; i < invoices_each; ++i) {
      const int64_t cents = 1000 + (c * 37 + i * 11) % 5000;
      sum += cents;
      out << "07/" << (1 + i % 28 < 10 ? "0" : "") << 1 + i % 28 << "/2026,Invoice," << c * 100 + i
          << ",08/0" << 1 + i % 9 << "/2026," << cents / 100 << "." << (cents % 100 < 10 ? "0" : "")
          << cents % 100 << "," << cents / 100 << "." << (cents % 100 < 10 ? "0" : "")
          << cents % 100 << "\n";
    }
    const int64_t stated = c == 3 ? sum + 100 : sum;
    out << "Total for Customer " << c << ",,,,"
        << stated / 100 << "." << (stated % 100 < 10 ? "0" : "") << stated % 100 << ",\n";
    if (c % 7 == 6) out << "CURRENT\n";
    grand += sum;
  }
  out << "TOTAL,,,," << grand / 100 << "." << (grand % 100 < 10 ? "0" : "") << grand % 100 << ",\n";
  out << "Saturday, Jul 25, 2026 09:41:12 AM GMT-7\n";
  return out.str();
}

}  // namespace

TEST_CASE("export layout in steps: every export fixture, cut anywhere, as in one piece") {
  for (const char* name :
       {"exports/erpnext_accounts_receivable.csv", "exports/kingdee_cloud_aging.csv",
        "exports/kingdee_mingxizhang_gbk.csv", "exports/qb_ar_aging_detail.csv",
        "exports/qb_open_invoices.csv", "exports/qb_open_invoices_altered_total.csv",
        "exports/taizhang_traditional.csv", "exports/xero_aged_receivables_detail.csv",
        "exports/yonyou_wanglai_duizhang.csv", "ragged.csv", "repeated_header.csv",
        "invoices_en.csv"}) {
    CAPTURE(name);
    const std::string bytes = read_export(name);
    const ImportedFile whole = import_bytes(name, bytes);
    for (uint64_t cells : {uint64_t{1}, uint64_t{2}, uint64_t{5}, uint64_t{13}, uint64_t{1000}}) {
      CAPTURE(cells);
      int steps = 0;
      check_same(stepped(name, bytes, cells, steps), whole);
    }
  }
}

TEST_CASE("export layout in steps: a long report, its layout rows found and cut anywhere") {
  const std::string bytes = long_report(40, 25);
  const ImportedFile whole = import_bytes("open_invoices.csv", bytes);
  REQUIRE(whole.error.empty());
  // The pass did act: groups carried, subtotals and the total checked, labels and footer out.
  CHECK(whole.layout.group_rows == 40);
  CHECK(whole.rows.accepted == 40 * 25);
  CHECK(whole.layout.summary_rows.size() >= 40 + 1 + 5);
  REQUIRE(!whole.columns.empty());
  CHECK(whole.columns.back().name == "customer_name");
  CHECK(whole.columns.back().text.at(0) == "Customer 0");
  CHECK(whole.columns.back().text.at(40 * 25 - 1) == "Customer 39");
  size_t failed = 0;
  for (const TotalCheck& t : whole.layout.total_checks) failed += t.ok() ? 0 : 1;
  CHECK(failed == 1);  // Customer 3's subtotal (the grand total states the rows' true sum)
  for (uint64_t cells : {uint64_t{1}, uint64_t{3}, uint64_t{7}, uint64_t{499}, uint64_t{4096}}) {
    CAPTURE(cells);
    int steps = 0;
    check_same(stepped("open_invoices.csv", bytes, cells, steps), whole);
    if (cells <= 499) CHECK(steps > 20);  // really cut
  }
  // A row the user unmarked stays data, cut anywhere too.
  ImportOptions unmark;
  unmark.data_lines = {whole.layout.summary_rows.front().line};
  const ImportedFile kept = import_bytes("open_invoices.csv", bytes, unmark);
  CHECK(kept.layout.summary_rows.size() == whole.layout.summary_rows.size() - 1);
  int steps = 0;
  check_same(stepped("open_invoices.csv", bytes, 3, steps, unmark), kept);
}

TEST_CASE("export layout in steps: the pass on its own, budget used and nothing left over") {
  // A table as the builder leaves it: a title row above, a group row, invoices, a subtotal, a
  // padded short row that is no layout row, a total.
  const std::vector<std::vector<std::string>> records = {
      {"Acme Ltd", "", "", ""},           {"2026-07-01", "1", "10.00", "a"},
      {"2026-07-02", "2", "5.50", "b"},   {"Total for Acme Ltd", "", "15.50", ""},
      {"Bolt Co", "", "", ""},            {"2026-07-03", "3", "1.00", "c"},
      {"12.50", "", "", ""},              {"2026-07-04", "4", "2.00", "d"},
      {"TOTAL", "", "18.50", ""}};
  auto make = [&] {
    ImportedFile f;
    f.header = true;
    f.layout.skipped_title_lines = 1;
    f.layout.title_lines = {"Open Invoices As of Jul 25, 2026"};
    for (const char* n : {"Date", "Num", "Amount", "Memo"}) {
      Column c;
      c.name = n;
      f.columns.push_back(c);
    }
    for (size_t r = 0; r < records.size(); ++r) {
      for (size_t c = 0; c < 4; ++c) f.columns[c].text.push(records[r][c]);
      f.row_line.push_back(r + 3);
    }
    f.rows.read = f.rows.accepted = records.size();
    return f;
  };
  ProblemDetail four_found_one;
  four_found_one.expected = 4;
  four_found_one.found = 1;
  const std::vector<PaddedRow> padded = {{6, four_found_one, "12.50"}};
  ImportedFile a = make(), b = make();
  apply_export_layout(a, padded);
  // What the pass did in one piece.
  CHECK(a.layout.as_of != kMissingDays);
  CHECK(a.layout.group_rows == 2);
  CHECK(a.rows.accepted == 4);
  CHECK(a.layout.summary_rows.size() == 2);
  REQUIRE(a.rejected.size() == 3);
  CHECK(a.rejected[1].kind == ProblemKind::field_count_mismatch);
  CHECK(a.rejected[1].reason == "expected 4 fields, found 1");
  REQUIRE(a.columns.size() == 5);
  CHECK(a.columns[4].text.at(3) == "Bolt Co");
  CHECK(a.row_line == std::vector<uint64_t>{4, 5, 8, 10});

  ExportLayoutPass pass(b, padded, {});
  int steps = 0;
  for (;;) {
    Budget budget{3};
    const bool done = pass.step(budget) == Step::done;
    ++steps;
    if (done) break;
    CHECK(budget.units == 0);  // a step that is not the last uses its whole budget
  }
  CHECK(steps > 10);
  CHECK(a.rows.accepted == b.rows.accepted);
  CHECK(a.rows.read == b.rows.read);
  CHECK(a.rows.rejected == b.rows.rejected);
  CHECK(a.notes == b.notes);
  CHECK(a.layout.summary_rows.size() == b.layout.summary_rows.size());
  REQUIRE(a.rejected.size() == b.rejected.size());
  for (size_t i = 0; i < a.rejected.size(); ++i) CHECK(a.rejected[i].text == b.rejected[i].text);
  CHECK(a.row_line == b.row_line);
  REQUIRE(a.columns.size() == b.columns.size());
  for (size_t i = 0; i < a.columns.size(); ++i) {
    CHECK(a.columns[i].text.bytes == b.columns[i].text.bytes);
    CHECK(a.columns[i].text.end == b.columns[i].text.end);
  }
}

// By hand, on a big file: the importer's longest step of a given budget, the layout pass apart.
//   OL_BENCH_CSV=build/bench/ledger_1000000_seed42.csv build/h8/overdue_tests -tc='bench: import steps*' --no-skip
TEST_CASE("bench: import steps, the longest one" * doctest::skip()) {
  const char* path = std::getenv("OL_BENCH_CSV");
  if (path == nullptr) return;
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const uint64_t budget = std::getenv("OL_BENCH_CELLS") ? std::stoull(std::getenv("OL_BENCH_CELLS")) : 1000000;
  FileImporter importer("bench.csv");
  importer.expect_total_bytes(bytes.size());
  for (size_t at = 0; at < bytes.size(); at += 1 << 20) importer.feed(std::string_view(bytes).substr(at, 1 << 20));
  auto now = [] { return std::chrono::steady_clock::now(); };
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  auto t = now();
  Budget first{budget};
  importer.step(first);
  std::printf("end of input %.1f ms\n", ms(t, now()));
  double longest = 0, total = 0;
  int steps = 0;
  for (bool done = false; !done; ++steps) {
    t = now();
    Budget b{budget};
    done = importer.step(b) == Step::done;
    const double d = ms(t, now());
    if (steps < 3) std::printf("step %d: %.1f ms\n", steps, d);
    longest = std::max(longest, d);
    total += d;
  }
  t = now();
  const ImportedFile f = importer.take();
  std::printf("%d steps of %llu cells: longest %.1f ms, total %.1f ms; rest of finish %.1f ms\n", steps,
              static_cast<unsigned long long>(budget), longest, total, ms(t, now()));
  // The layout pass alone, on the typed file's text (it finds nothing: a plain table).
  ImportedFile g = f;
  ExportLayoutPass pass(g, {}, {});
  t = now();
  Budget b = Budget::unbounded();
  pass.step(b);
  std::printf("layout pass alone: %.1f ms for %zu rows × %zu columns\n", ms(t, now()), g.row_count(),
              g.columns.size());
}
