// SheetCells → ImportedFile through TableBuilder (import/workbook_table.hpp).
#include "import/workbook_table.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "import/dialect_sniffer.hpp"
#include "import/record_scanner.hpp"
#include "import/table_builder.hpp"

namespace overdue {

namespace {

// The record's text for rejected-row display: cells joined as a CSV line would show them.
// Sized once and filled by copies (one append per cell was a tenth of the sheet → table time).
void join_cells(const std::string_view* fields, size_t count, std::string& out) {
  size_t size = count > 0 ? count - 1 : 0;
  for (size_t i = 0; i < count; ++i) size += fields[i].size();
  out.resize(size);
  char* p = &out[0];
  for (size_t i = 0; i < count; ++i) {
    if (i) *p++ = ',';
    if (!fields[i].empty()) std::memcpy(p, fields[i].data(), fields[i].size());
    p += fields[i].size();
  }
}

// The sheet's rows handed to the builder; false once it stops. Kept apart from
// build_table_from_sheet with no local that needs destroying: in wasm (C++ exceptions done in JS)
// every call from a function holding such a local goes through a JS trampoline (invoke_*), which
// was about 5% of a workbook's import in the page. Not inlined back for that reason.
[[gnu::noinline]] bool feed_rows(const SheetCells& cells, TableBuilder& builder, std::string_view* fields, std::string& raw) {
  for (size_t r = 0; r < cells.row_count(); ++r) {
    for (size_t c = 0; c < cells.width; ++c) fields[c] = cells.cell(r, c);
    join_cells(fields, cells.width, raw);
    ScannedRecord record;
    record.line = cells.row_number[r];
    record.raw = raw;
    record.fields = fields;
    record.field_count = cells.width;
    if (!builder.on_record(record)) return false;
  }
  return true;
}

Dialect sheet_dialect(const SheetCells& cells) {
  std::vector<std::vector<std::string>> first;
  double bytes = 0;
  const size_t n = std::min(cells.row_count(), kSniffRecords);
  for (size_t r = 0; r < n; ++r) {
    std::vector<std::string> row;
    for (size_t c = 0; c < cells.width; ++c) {
      row.emplace_back(cells.cell(r, c));
      bytes += static_cast<double>(row.back().size() + 1);
    }
    first.push_back(std::move(row));
  }
  return dialect_of_records(first, cells.width, bytes);
}

void note_date_swaps(ImportedFile& file) {
  for (const DateSwap& swap : file.date_swaps) file.notes.push_back(date_swap_note(file, swap));
}

}  // namespace

void build_table_from_sheet(ImportedFile& file, SheetCells& cells, const ImportOptions& options,
                            std::vector<PaddedRow>& padded) {
  file.sheet = cells.sheet;
  file.sheets = cells.sheets;
  file.date_swaps = cells.date_swaps;
  file.encoding = Encoding::utf8;
  file.delimiter = ',';
  if (!cells.error.empty()) {
    file.error = cells.error;
    file.error_kind = cells.error_kind;
    return;
  }
  const Dialect dialect = sheet_dialect(cells);
  file.header = dialect.header;
  RecordScanner scanner(',');  // not scanning: TableBuilder tells it the expected field count
  const bool forced = options.header_line > 0;
  if (forced) file.header = true;
  TableBuilder builder(file, dialect.header || forced, scanner);
  if (forced) {
    builder.force_header_line(options.header_line, options.header_rows > 0 ? options.header_rows : 1);
  } else {
    builder.set_header_position(dialect.header_index,
                                options.header_rows > 0 ? options.header_rows : dialect.header_rows);
  }
  builder.set_size_estimate(dialect.record_bytes, dialect.field_bytes);
  builder.expect_text(cells.bytes.size() + cells.end.size());
  std::vector<std::string_view> fields(cells.width);
  std::string raw;
  feed_rows(cells, builder, fields.data(), raw);
  // The table has its own copy of the text now: the sheet's can go before typing.
  std::string().swap(cells.bytes);
  std::vector<uint64_t>().swap(cells.end);
  builder.finish();
  padded = builder.padded();
  note_date_swaps(file);
}

std::string date_swap_note(const ImportedFile& file, const DateSwap& swap) {
  std::string column;
  if (swap.column < file.columns.size()) {
    column = file.columns[swap.column].name;
  } else {  // cannot happen while width is the last column holding a value: Excel's letters
    for (uint32_t c = swap.column + 1; c > 0; c = (c - 1) / 26) column.insert(column.begin(), char('A' + (c - 1) % 26));
  }
  const std::string order = swap.text_month_first ? "month-first" : "day-first";
  const std::string other = swap.text_month_first ? "day-first" : "month-first";
  return file.label() + " column " + column + ": Excel swapped day and month in " + std::to_string(swap.cells) +
         " date cells (it opened a " + order + " CSV with " + other + " settings); " +
         (swap.swapped ? "swapped back" : "kept as stored (import.excel_date_swap=keep)");
}

void add_workbook_cell_problems(ImportedFile& file, const std::vector<WorkbookCellProblem>& problems) {
  std::vector<CellError> added;
  for (const WorkbookCellProblem& p : problems) {
    if (p.column >= file.columns.size()) continue;
    // Accepted rows only: a title or header cell holding #REF! is not a data cell.
    if (!std::binary_search(file.row_line.begin(), file.row_line.end(), p.row)) continue;
    ProblemDetail detail;
    detail.value = p.text;
    added.push_back({p.row, p.column, p.text, p.kind, problem_text(p.kind, detail)});
  }
  if (added.empty()) return;
  file.cell_errors_total += added.size();
  file.cell_errors.insert(file.cell_errors.end(), added.begin(), added.end());
  std::stable_sort(file.cell_errors.begin(), file.cell_errors.end(), [](const CellError& a, const CellError& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  if (file.cell_errors.size() > kMaxCellErrorsListed) file.cell_errors.resize(kMaxCellErrorsListed);
}

}  // namespace overdue
