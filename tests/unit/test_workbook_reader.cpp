// The workbook reader end to end (issue #18): workbooks made at test time by
// tests/unit/make_test_workbooks.py (xlsxwriter, openpyxl, zipfile), read into SheetCells and
// compared cell by cell; the sheet choice, the sheets list, the 1904 system, the day/month swap,
// the containers that are refused with their messages; every workbook read again with budgets of
// 1, 7 and 1000 units gives the same SheetCells byte for byte. A skipped case times a 30,000 × 25
// workbook (run it with -tc='*timing*' --no-skip).
//
// [SECTION] helpers
// [SECTION] cells and types
// [SECTION] sheets: choice, list, errors
// [SECTION] containers and damage
// [SECTION] budgets
// [SECTION] timing (skipped by default)
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/workbook/workbook_reader.hpp"
#include "test_zip_support.hpp"

using namespace overdue;

// [SECTION] helpers ----------------------------------------------------------------------------------

namespace {

// A python3 that has xlsxwriter and openpyxl (Debian's; a pyenv shim earlier on PATH may not).
std::string python_with_workbook_modules() {
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    const std::string probe =
        std::string(python) + " -c 'import xlsxwriter, openpyxl' >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return python;
  }
  return "";
}

// The generated workbooks' folder, made once per run ("" when python3 failed).
const std::string& workbook_dir(bool with_big = false) {
  static std::string dir;
  static bool big_made = false;
  if (dir.empty() || (with_big && !big_made)) {
    const std::string python = python_with_workbook_modules();
    REQUIRE_MESSAGE(!python.empty(), "python3 with xlsxwriter and openpyxl (scripts/setup.sh)");
    const std::string out = std::string(OL_SOURCE_DIR) + "/build/test_workbooks";
    const std::string command = python + " '" + OL_SOURCE_DIR + "/tests/unit/make_test_workbooks.py' '" +
                                out + "'" + (with_big ? " big" : "");
    REQUIRE(std::system(command.c_str()) == 0);
    dir = out;
    big_made = big_made || with_big;
  }
  return dir;
}

std::string workbook_bytes(const std::string& name) {
  const std::string bytes = ziptest::read_file(workbook_dir() + "/" + name);
  REQUIRE_MESSAGE(!bytes.empty(), name);
  return bytes;
}

SheetCells read_named(const std::string& name, WorkbookOptions options = {}) {
  const std::string bytes = workbook_bytes(name);
  return read_workbook(name, bytes, options);
}

std::string dump(const SheetCells& c) {
  std::string s;
  for (size_t r = 0; r < c.row_count(); ++r) {
    s += std::to_string(c.row_number[r]) + ":";
    for (size_t col = 0; col < c.width; ++col) s += "|" + std::string(c.cell(r, col));
    s += "\n";
  }
  return s;
}

std::string dump_sheets(const SheetCells& c) {
  std::string s;
  for (const SheetInfo& i : c.sheets)
    s += i.name + (i.hidden ? " (hidden)" : "") + " " + std::to_string(i.rows) + "\n";
  return s;
}

// Everything in SheetCells as one text, for byte-for-byte comparisons.
std::string dump_all(const SheetCells& c) {
  std::string s = "error=" + c.error + "\nsheet=" + c.sheet + "\n1904=" + std::to_string(c.date1904) +
                  "\nwidth=" + std::to_string(c.width) + "\n" + dump_sheets(c) + dump(c);
  for (const WorkbookCellProblem& p : c.problems)
    s += "problem " + std::to_string(p.row) + "," + std::to_string(p.column) + " " +
         std::to_string(static_cast<int>(p.kind)) + " " + p.text + "\n";
  for (const DateSwap& d : c.date_swaps)
    s += "swap " + std::to_string(d.column) + " " + std::to_string(d.cells) + " " +
         std::to_string(d.swapped) + " " + std::to_string(d.text_month_first) + "\n";
  s += "bytes=" + c.bytes + "\nends=";
  for (uint64_t e : c.end) s += std::to_string(e) + ",";
  return s;
}

SheetCells read_with_budget(const std::string& name, std::string_view bytes, uint64_t units,
                            WorkbookOptions options = {}) {
  WorkbookReader reader(name, bytes, options);
  double last_progress = 0;
  for (int steps = 0;; ++steps) {
    REQUIRE(steps < 10'000'000);
    Budget budget{units};
    const Step step = reader.step(budget);
    CHECK(reader.progress() >= last_progress);
    last_progress = reader.progress();
    if (step == Step::done) break;
  }
  CHECK(reader.progress() == 1.0);
  return reader.take();
}

}  // namespace

// [SECTION] cells and types ------------------------------------------------------------------------

TEST_CASE("workbook: xlsxwriter's cells — shared and rich strings, dates, ids, formulas, errors") {
  const SheetCells c = read_named("basic.xlsx");
  REQUIRE(c.error == "");
  CHECK(c.sheet == "Invoices");
  CHECK_FALSE(c.date1904);
  CHECK(dump(c) ==
        "1:|Aged receivables — March 2024|||||\n"
        "3:|Invoice|Customer|Invoice date|Amount|Customer id|Total\n"
        "4:|INV-001|上海华东贸易有限公司|2024-03-31|1234.5|0001234|2469\n"
        "5:|INV-002|ACME Ltd|2024-01-05 13:45:00|0.1|0000042|\n"
        "6:|INV-003|Rich text|2024-02-29|-20|TRUE|INV-003x\n"
        "7:|INV-004|  spaced  |2024-12-01|1930571429|FALSE|\n"
        "8:|INV-005||2023-07-04|0.3||\n");
  REQUIRE(c.problems.size() == 2);
  CHECK(c.problems[0].row == 5);
  CHECK(c.problems[0].column == 5);
  CHECK(c.problems[0].kind == ProblemKind::excel_cell_error);
  CHECK(c.problems[0].text == "#N/A");
  CHECK(c.problems[1].row == 7);
  CHECK(c.problems[1].text == "#DIV/0!");
  CHECK(c.date_swaps.empty());
  CHECK(dump_sheets(c) == "Invoices 7\nPayments 3\nLookup (hidden) 3\n");
}

TEST_CASE("workbook: openpyxl's inline strings, booleans, dates and formulas without a cached value") {
  const SheetCells c = read_named("openpyxl.xlsx");
  REQUIRE(c.error == "");
  CHECK(c.sheet == "Sheet A");
  CHECK(dump(c) ==
        "1:|Invoice|Amount|Due|Paid|Formula\n"
        "2:|X-1|12.5|2024-05-06|TRUE|\n"
        "3:|X-2|7|2024-05-07 08:30:00|FALSE|\n");
  REQUIRE(c.problems.size() == 2);
  CHECK(c.problems[0].kind == ProblemKind::formula_without_value);
  CHECK(c.problems[0].row == 2);
  CHECK(c.problems[0].column == 4);
  CHECK(c.problems[1].row == 3);
}

TEST_CASE("workbook: the 1904 date system") {
  const SheetCells c = read_named("date1904.xlsx");
  REQUIRE(c.error == "");
  CHECK(c.date1904);
  CHECK(dump(c) == "1:|Date|Amount\n2:|2024-03-31|10\n3:|1904-01-02|20\n");
}

TEST_CASE("workbook: hand-written parts — prefixes, absolute targets, no references, ISO date cells") {
  const SheetCells c = read_named("handmade.xlsx");
  REQUIRE(c.error == "");
  CHECK(c.sheet == "Data");
  CHECK(dump(c) == "1:|Name|When|\n2:|Wang Li|2024-03-31|\n5:||2024-04-01 09:30:00|7\n");
}

TEST_CASE("workbook: a column Excel swapped is swapped back, or kept when asked") {
  const SheetCells c = read_named("swapped.xlsx");
  REQUIRE(c.error == "");
  CHECK(dump(c) ==
        "1:|Invoice date|Amount\n2:|2013-01-02|10\n3:|1/26/2013|20\n4:|2013-03-12|30\n5:|12/31/2013|40\n");
  REQUIRE(c.date_swaps.size() == 1);
  CHECK(c.date_swaps[0].column == 0);
  CHECK(c.date_swaps[0].cells == 2);
  CHECK(c.date_swaps[0].swapped);
  CHECK(c.date_swaps[0].text_month_first);

  WorkbookOptions keep;
  keep.keep_swapped_dates = true;
  const SheetCells kept = read_named("swapped.xlsx", keep);
  CHECK(dump(kept) ==
        "1:|Invoice date|Amount\n2:|2013-02-01|10\n3:|1/26/2013|20\n4:|2013-12-03|30\n5:|12/31/2013|40\n");
  REQUIRE(kept.date_swaps.size() == 1);
  CHECK_FALSE(kept.date_swaps[0].swapped);
}

TEST_CASE("workbook: an .xlsm is read like an .xlsx; its VBA project is never read") {
  const SheetCells xlsm = read_named("macro.xlsm");
  REQUIRE(xlsm.error == "");
  CHECK(dump(xlsm) == dump(read_named("basic.xlsx")));
}

// [SECTION] sheets: choice, list, errors -----------------------------------------------------------

TEST_CASE("workbook: a sheet chosen by name, exactly or ignoring case") {
  WorkbookOptions options;
  options.sheet = "payments";
  const SheetCells c = read_named("basic.xlsx", options);
  REQUIRE(c.error == "");
  CHECK(c.sheet == "Payments");
  CHECK(dump(c) == "1:|Invoice|Paid\n2:|INV-001|100\n3:|INV-002|0.1\n");
  CHECK(dump_sheets(c) == "Invoices 7\nPayments 3\nLookup (hidden) 3\n");
  options.sheet = "Lookup";  // a hidden sheet can be asked for
  CHECK(dump(read_named("basic.xlsx", options)) == "1:|a\n2:|b\n3:|c\n");
}

TEST_CASE("workbook: no sheet named: the first visible sheet holding a value") {
  const SheetCells c = read_named("choose.xlsx");
  REQUIRE(c.error == "");
  CHECK(c.sheet == "Data");
  CHECK(dump_sheets(c) == "Cover 0\nSecret (hidden) 1\nData 2\n");
  CHECK(read_named("only_hidden.xlsx").error ==
        "no visible sheet holds a value; hidden sheets do: Hidden");
  CHECK(read_named("blank.xlsx").error == "the workbook is empty");
}

TEST_CASE("workbook: an unknown sheet is named with the sheets there are") {
  WorkbookOptions options;
  options.sheet = "Receipts";
  const SheetCells c = read_named("basic.xlsx", options);
  CHECK(c.error ==
        "no sheet named 'Receipts' in basic.xlsx; its sheets are: Invoices, Payments, Lookup (hidden)");
  CHECK(dump_sheets(c) == "Invoices 7\nPayments 3\nLookup (hidden) 3\n");  // counted all the same
  CHECK(c.row_count() == 0);
  options.sheet = "Cover";
  CHECK(read_named("choose.xlsx", options).error == "the sheet 'Cover' in choose.xlsx holds no value");
}

// [SECTION] containers and damage ------------------------------------------------------------------

TEST_CASE("workbook: other containers and damaged files, each with its message") {
  CHECK(read_named("sheet.ods").error == "an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV");
  CHECK(read_named("book.xlsb").error == "an Excel binary workbook (.xlsb): save it as .xlsx or CSV");
  CHECK(read_named("other.zip").error == "a zip archive but not an Excel workbook");
  CHECK(read_named("damaged.xlsx").error ==
        "damaged workbook: xl/worksheets/data.xml line 1: mismatched tag");
  CHECK(read_workbook("notes.txt", "Invoice,Amount\n").error == "not a workbook");
  CHECK(read_named("wide.xlsx").error == "the sheet is too large to read: 3100 rows × 16384 columns");

  const std::string basic = workbook_bytes("basic.xlsx");
  const SheetCells truncated = read_workbook("basic.xlsx", std::string_view(basic).substr(0, basic.size() / 2));
  CHECK_FALSE(truncated.error.empty());
  CHECK(truncated.row_count() == 0);
  // A flipped byte inside the sheet's compressed data: a damaged message, never a crash.
  for (size_t at = 100; at < basic.size(); at += basic.size() / 23) {
    std::string damaged = basic;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    const SheetCells c = read_workbook("basic.xlsx", damaged);
    CHECK((c.error.empty() || c.row_count() == 0));
  }

  CHECK(read_workbook("locked.xlsx", ziptest::make_compound({u"EncryptionInfo", u"EncryptedPackage"})).error ==
        "password-protected: remove the password in Excel");
  CHECK(read_workbook("old.xls", ziptest::make_compound({u"Workbook"})).error ==
        "Excel 97–2003 (.xls): save it as .xlsx or CSV");
}

TEST_CASE("workbook: every refusal carries its kind, and the page words it in Chinese") {
  auto kind = [](const SheetCells& c) { return std::string(file_error_kind_name(c.error_kind)); };
  CHECK(kind(read_named("sheet.ods")) == "unsupported_format");
  CHECK(kind(read_named("book.xlsb")) == "unsupported_format");
  CHECK(kind(read_named("other.zip")) == "not_a_workbook");
  CHECK(kind(read_named("damaged.xlsx")) == "damaged_workbook");
  CHECK(kind(read_workbook("notes.txt", "Invoice,Amount\n")) == "not_a_workbook");
  CHECK(kind(read_named("wide.xlsx")) == "too_large");
  CHECK(kind(read_named("blank.xlsx")) == "workbook_empty");
  CHECK(kind(read_named("only_hidden.xlsx")) == "workbook_empty");
  WorkbookOptions options;
  options.sheet = "Receipts";
  CHECK(kind(read_named("basic.xlsx", options)) == "sheet_not_found");
  const std::string basic = workbook_bytes("basic.xlsx");
  CHECK(kind(read_workbook("basic.xlsx", std::string_view(basic).substr(0, basic.size() / 2))) == "damaged_workbook");
  const SheetCells locked = read_workbook("locked.xlsx", ziptest::make_compound({u"EncryptionInfo", u"EncryptedPackage"}));
  CHECK(kind(locked) == "password_protected");
  CHECK(kind(read_workbook("old.xls", ziptest::make_compound({u"Workbook"}))) == "unsupported_format");
  CHECK(read_named("basic.xlsx").error_kind == FileErrorKind::none);

  // English stays the CLI's sentence; Chinese says what happened and keeps the detail.
  CHECK(file_error_message(locked.error_kind, locked.error, Lang::en) == locked.error);
  CHECK(file_error_message(locked.error_kind, locked.error, Lang::zh) == "工作簿设有密码：请先在 Excel 中取消密码");
  const SheetCells damaged = read_named("damaged.xlsx");
  CHECK(file_error_message(damaged.error_kind, damaged.error, Lang::zh) ==
        "工作簿已损坏，无法读取（damaged workbook: xl/worksheets/data.xml line 1: mismatched tag）");
}

// [SECTION] budgets --------------------------------------------------------------------------------

TEST_CASE("workbook: the result does not depend on the budgets") {
  for (const char* name : {"basic.xlsx", "openpyxl.xlsx", "date1904.xlsx", "handmade.xlsx", "swapped.xlsx",
                           "choose.xlsx", "only_hidden.xlsx", "damaged.xlsx", "sheet.ods"}) {
    const std::string bytes = workbook_bytes(name);
    const std::string whole = dump_all(read_workbook(name, bytes));
    for (uint64_t units : {1ull, 7ull, 1000ull}) {
      INFO(name << " budget " << units);
      CHECK(dump_all(read_with_budget(name, bytes, units)) == whole);
    }
  }
}

// [SECTION] timing (skipped by default) --------------------------------------------------------------

TEST_CASE("workbook: timing of a 30,000 × 25 workbook" * doctest::skip()) {
  const std::string bytes = ziptest::read_file(workbook_dir(true) + "/big.xlsx");
  REQUIRE(!bytes.empty());
  SheetCells c;
  double best = 1e9, best_cpu = 1e9;  // wall and process CPU time: a busy machine inflates the first
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    c = read_workbook("big.xlsx", bytes);
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = s < best ? s : best;
    best_cpu = cpu < best_cpu ? cpu : best_cpu;
  }
  REQUIRE(c.error == "");
  CHECK(c.row_count() == 30001);
  CHECK(c.width == 25);
  MESSAGE("big.xlsx: " << bytes.size() / 1024 << " KB, " << c.row_count() << " rows × " << c.width
                       << " columns, " << c.bytes.size() / 1024 << " KB of cell text, read in "
                       << best * 1000 << " ms, " << best_cpu * 1000 << " ms of CPU (best of 3)");
  // A budgeted read gives the same table.
  CHECK(dump_all(read_with_budget("big.xlsx", bytes, 5000)) == dump_all(c));
}
