// The importer on workbooks (issue #18): a sheet's rows go through the same header, title-row,
// layout and typing steps as a CSV's records; lines are Excel's row numbers; sheets chosen by
// name; error cells listed as cell errors; Excel's day/month swap found and undone.
#include <doctest/doctest.h>

#include <algorithm>

#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"
#include "test_workbook_support.hpp"

using namespace overdue;

namespace {

const Column* column_named(const ImportedFile& f, const std::string& name) {
  for (const Column& c : f.columns)
    if (c.name == name) return &c;
  return nullptr;
}

// An accounting export's shape: a merged title row, an empty row, the header on row 3, an
// invoices sheet and a hidden notes sheet, an error cell and a zero-padded id.
const char* kTwoSheets = R"PY(
import xlsxwriter, datetime
wb = xlsxwriter.Workbook(path)
ws = wb.add_worksheet('Invoices')
date = wb.add_format({'num_format': 'yyyy-mm-dd'})
pad = wb.add_format({'num_format': '0000000'})
ws.merge_range('A1:E1', 'Receivables as of 2024-03-31')
ws.write_row(2, 0, ['Customer ID', 'Customer', 'Invoice', 'Invoice Date', 'Amount'])
rows = [(17, 'Acme', 'INV-1', datetime.date(2024, 1, 5), 1200.5),
        (17, 'Acme', 'INV-2', datetime.date(2024, 2, 5), 300),
        (42, 'Beta', 'INV-3', datetime.date(2024, 3, 1), 99.99)]
for i, (cid, name, inv, d, amount) in enumerate(rows):
    r = 3 + i
    ws.write_number(r, 0, cid, pad)
    ws.write(r, 1, name)
    ws.write(r, 2, inv)
    ws.write_datetime(r, 3, datetime.datetime.combine(d, datetime.time()), date)
    ws.write_number(r, 4, amount)
ws.write_formula(6, 0, '=NA()', pad, '#N/A')
ws.write(6, 1, 'Gamma')
ws.write(6, 2, 'INV-4')
ws.write_datetime(6, 3, datetime.datetime(2024, 3, 2), date)
ws.write_number(6, 4, 10)
notes = wb.add_worksheet('Notes')
notes.write(0, 0, 'nothing to see')
notes.hide()
pay = wb.add_worksheet('Payments')
pay.write_row(0, 0, ['Invoice', 'Paid Date', 'Paid'])
pay.write(1, 0, 'INV-1')
pay.write_datetime(1, 1, datetime.datetime(2024, 2, 1), date)
pay.write_number(1, 2, 1200.5)
wb.close()
)PY";

}  // namespace

TEST_CASE("workbook import: title rows, header, Excel row numbers, zero-padded ids, error cells") {
  const std::string bytes = test::make_workbook("two_sheets.xlsx", kTwoSheets);
  REQUIRE_FALSE(bytes.empty());
  const ImportedFile f = import_bytes("book.xlsx", bytes);
  REQUIRE(f.error == "");
  CHECK(f.sheet == "Invoices");
  REQUIRE(f.sheets.size() == 3);
  CHECK(f.sheets[1].name == "Notes");
  CHECK(f.sheets[1].hidden);
  CHECK(f.label() == "book.xlsx:Invoices");
  CHECK(f.layout.header_line == 3);
  CHECK(f.layout.skipped_title_lines == 1);
  CHECK(f.rows.accepted == 4);
  REQUIRE(f.row_line.size() == 4);
  CHECK(f.row_line.front() == 4);   // Excel's row 4: the first data row
  const Column* id = column_named(f, "Customer ID");
  REQUIRE(id != nullptr);
  CHECK(id->text.at(0) == "0000017");
  const Column* amount = column_named(f, "Amount");
  REQUIRE(amount != nullptr);
  CHECK(amount->cents[0] == 120050);
  CHECK(amount->cents[2] == 9999);
  const Column* date = column_named(f, "Invoice Date");
  REQUIRE(date != nullptr);
  CHECK(date->type == ColumnType::date);
  CHECK(date->text.at(0) == "2024-01-05");
  // The #N/A cell: missing, listed as a cell error of row 7 with Excel's text.
  const auto error = std::find_if(f.cell_errors.begin(), f.cell_errors.end(),
                                  [](const CellError& e) { return e.kind == ProblemKind::excel_cell_error; });
  REQUIRE(error != f.cell_errors.end());
  CHECK(error->line == 7);
  CHECK(error->text == "#N/A");
  CHECK(error->reason == "cell error #N/A");
}

TEST_CASE("workbook import: a sheet chosen by name, an unknown sheet names the sheets there are") {
  const std::string bytes = test::make_workbook("two_sheets.xlsx", kTwoSheets);
  REQUIRE_FALSE(bytes.empty());
  ImportOptions options;
  options.sheet = "Payments";
  const ImportedFile pay = import_bytes("book.xlsx", bytes, options);
  REQUIRE(pay.error == "");
  CHECK(pay.sheet == "Payments");
  CHECK(pay.rows.accepted == 1);
  CHECK(pay.table_kind == TableKind::payments);
  options.sheet = "Receipts";
  const ImportedFile none = import_bytes("book.xlsx", bytes, options);
  CHECK(none.error.find("Receipts") != std::string::npos);
  CHECK(none.error.find("Payments") != std::string::npos);
}

TEST_CASE("workbook import: the result does not depend on how the bytes are fed or the steps cut") {
  const std::string bytes = test::make_workbook("two_sheets.xlsx", kTwoSheets);
  REQUIRE_FALSE(bytes.empty());
  const ImportedFile whole = import_bytes("book.xlsx", bytes);
  for (const size_t chunk : {size_t(1) << 10, size_t(7), bytes.size()}) {
    FileImporter importer("book.xlsx");
    importer.expect_total_bytes(bytes.size());
    for (size_t at = 0; at < bytes.size(); at += chunk) importer.feed(std::string_view(bytes).substr(at, chunk));
    for (;;) {
      Budget budget{3};
      if (importer.step(budget) == Step::done) break;
    }
    const ImportedFile f = importer.take();
    REQUIRE(f.error == "");
    CHECK(f.rows.accepted == whole.rows.accepted);
    CHECK(f.row_line == whole.row_line);
    REQUIRE(f.columns.size() == whole.columns.size());
    for (size_t c = 0; c < f.columns.size(); ++c) CHECK(f.columns[c].text.bytes == whole.columns[c].text.bytes);
    CHECK(f.cell_errors.size() == whole.cell_errors.size());
  }
}

TEST_CASE("workbook import: Excel's day/month swap is undone and noted; kept when asked") {
  // A month-first CSV opened by Excel with day-first settings: 1/2/2013 became 1 February (a date
  // cell), 1/26/2013 stayed text.
  const std::string bytes = test::make_workbook("swapped.xlsx", R"PY(
import xlsxwriter, datetime
wb = xlsxwriter.Workbook(path)
ws = wb.add_worksheet('Sheet1')
d = wb.add_format({'num_format': 'dd/mm/yyyy'})
ws.write_row(0, 0, ['Invoice', 'Customer', 'Date', 'Amount'])
ws.write_row(1, 0, ['A1', 'Acme']); ws.write_datetime(1, 2, datetime.datetime(2013, 2, 1), d); ws.write_number(1, 3, 10)
ws.write_row(2, 0, ['A2', 'Acme', '1/26/2013', 20])
ws.write_row(3, 0, ['A3', 'Acme']); ws.write_datetime(3, 2, datetime.datetime(2013, 4, 3), d); ws.write_number(3, 3, 30)
ws.write_row(4, 0, ['A4', 'Acme', '2/14/2013', 40])
wb.close()
)PY");
  REQUIRE_FALSE(bytes.empty());
  const ImportedFile f = import_bytes("swapped.xlsx", bytes);
  REQUIRE(f.error == "");
  REQUIRE(f.date_swaps.size() == 1);
  CHECK(f.date_swaps[0].cells == 2);
  CHECK(f.date_swaps[0].swapped);
  const Column* date = column_named(f, "Date");
  REQUIRE(date != nullptr);
  CHECK(date->type == ColumnType::date);
  CHECK(date->text.at(0) == "2013-01-02");   // 2 January, as the CSV meant
  CHECK(date->text.at(2) == "2013-03-04");
  CHECK(date->missing == 0);
  const bool noted = std::any_of(f.notes.begin(), f.notes.end(), [](const std::string& n) {
    return n.find("column Date") != std::string::npos && n.find("swapped back") != std::string::npos;
  });
  CHECK(noted);
  ImportOptions keep;
  keep.keep_swapped_dates = true;
  const ImportedFile kept = import_bytes("swapped.xlsx", bytes, keep);
  REQUIRE(kept.date_swaps.size() == 1);
  CHECK_FALSE(kept.date_swaps[0].swapped);
  const Column* stored = column_named(kept, "Date");
  REQUIRE(stored != nullptr);
  CHECK(stored->text.at(0) == "2013-02-01");
}

TEST_CASE("workbook import: what is not an .xlsx says what it is") {
  CHECK(import_bytes("x.xlsx", std::string("PK\x03\x04garbage", 11)).error != "");
  const std::string ods = test::make_workbook("fake.ods", R"PY(
import zipfile
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
    z.writestr('content.xml', '<x/>')
)PY");
  REQUIRE_FALSE(ods.empty());
  CHECK(import_bytes("fake.ods", ods).error.find(".ods") != std::string::npos);
}

TEST_CASE("workbook import: a running ledger kept one sheet per customer is named after its sheet") {
  // A 台账 workbook: one sheet per customer, no customer column; a default sheet name ("Sheet1")
  // names no one, so that sheet's customer is named after the file as for a CSV.
  const std::string bytes = test::make_workbook("taizhang.xlsx", R"PY(
import xlsxwriter
wb = xlsxwriter.Workbook(path)
for name in ['华星商贸', 'Sheet1']:
    ws = wb.add_worksheet(name)
    ws.write_row(0, 0, ['日期', '凭证字号', '摘要', '借方', '贷方', '方向', '余额'])
    ws.write_row(1, 0, ['2024-01-05', '记-0012', '销售商品', 12800, None, '借', 12800])
    ws.write_row(2, 0, ['2024-01-18', '记-0031', '收到货款', None, 5000, '借', 7800])
wb.close()
)PY");
  REQUIRE_FALSE(bytes.empty());
  std::vector<ImportedFile> files;
  for (const char* sheet : {"华星商贸", "Sheet1"}) {
    ImportOptions options;
    options.sheet = sheet;
    files.push_back(import_bytes("taizhang.xlsx", bytes, options));
    REQUIRE(files.back().error == "");
    CHECK(files.back().table_kind == TableKind::running_ledger);
  }
  const Ledger ledger = build_ledger(files);
  std::vector<std::string> names;
  for (const Customer& c : ledger.customers) names.push_back(c.name);
  CHECK(std::find(names.begin(), names.end(), "华星商贸") != names.end());
  CHECK(std::find(names.begin(), names.end(), "taizhang") != names.end());
  CHECK(ledger.invoices.size() == 2);
}
