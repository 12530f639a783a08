// Excel workbooks (issue #18): an .xlsx/.xlsm file's chosen sheet read into rows of cell text that
// the importer then treats like a CSV export's records (title rows, header detection, typing).
// Native and wasm read a workbook identically: zlib and expat are built from the same Debian 12
// sources for both (CMakeLists.txt, docs/import.md).
//
// Cell text is what the CSV importer already reads:
//   text (shared, inline, rich-text runs joined)  as stored
//   number, general format       shortest text that reads back to the same double ("1234.5", "1930571429")
//   number with a date format    "2024-03-31", or "2024-03-31 13:45:00" when it has a time of day
//                                (built-in formats 14–22 and 45–47, custom formats with y/m/d; the 1900
//                                leap-year quirk and the 1904 date system)
//   number, zero-padded format   "0001234" for "0000000" (an id keeps its zeros)
//   boolean                      "TRUE" / "FALSE"
//   error (#N/A, #DIV/0!, …)     "" and a WorkbookCellProblem{excel_cell_error, "#N/A"}
//   formula, no cached value     "" and a WorkbookCellProblem{formula_without_value}
// The sheet is streamed: its XML is inflated and parsed a chunk at a time (expat's push parser),
// never held whole; what is kept is the table's cell text.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/text/file_error.hpp"
#include "overdue/text/problem.hpp"

namespace overdue {

// What the first bytes (and the name, for formats that share a container) say a file is.
enum class ContainerKind {
  text,            // not a container: a CSV (or anything else the text importer reads or refuses)
  zip,             // a zip: .xlsx/.xlsm, or .xlsb/.ods/another zip (told apart by WorkbookReader)
  compound_file,   // OLE2: .xls, a password-protected workbook, WPS .et (WorkbookReader says which)
};
ContainerKind sniff_container(std::string_view first_bytes);

struct SheetInfo {
  std::string name;
  bool hidden = false;  // state="hidden" or "veryHidden"
  uint64_t rows = 0;    // rows holding at least one value
};

struct WorkbookOptions {
  std::string sheet;            // empty: the first non-empty visible sheet in workbook order
  bool keep_swapped_dates = false;  // import.excel_date_swap=keep: do not swap day/month back
};

// A cell read as missing, with why (listed by the importer as a cell error of its column).
struct WorkbookCellProblem {
  uint64_t row = 0;      // Excel row number (1-based)
  uint32_t column = 0;   // 0-based (A = 0)
  ProblemKind kind = ProblemKind::excel_cell_error;
  std::string text;      // the error as Excel shows it: "#N/A", "#DIV/0!"; empty for a formula
};

// Excel opened a CSV in the other locale (issue #18): the column's true date cells all have a
// day ≤ 12 while its text dates are month-first with a day > 12 (or the mirror case).
struct DateSwap {
  uint32_t column = 0;     // 0-based sheet column
  uint64_t cells = 0;      // date cells whose day and month were (or would be) swapped
  bool swapped = false;    // false: kept as stored (WorkbookOptions::keep_swapped_dates)
  bool text_month_first = true;  // the text dates are month-first (false: day-first)
};

// The sheet as rows × width cells of text, row-major; only rows holding a value.
struct SheetCells {
  std::string error;             // non-empty: no table could be read (a clear message for the user)
  FileErrorKind error_kind = FileErrorKind::none;
  std::vector<SheetInfo> sheets; // every sheet in workbook order
  std::string sheet;             // the one read
  bool date1904 = false;
  uint32_t width = 0;            // 1 + the last column holding a value in any row
  std::vector<uint64_t> row_number;  // Excel row number of each kept row
  std::string bytes;             // cell text back to back
  std::vector<uint64_t> end;     // end of cell (row × width + column) in bytes
  std::vector<WorkbookCellProblem> problems;  // in row, column order
  std::vector<DateSwap> date_swaps;

  size_t row_count() const { return row_number.size(); }
  std::string_view cell(size_t row, size_t column) const {
    const size_t i = row * width + column;
    const uint64_t b = i == 0 ? 0 : end[i - 1];
    return std::string_view(bytes).substr(b, end[i] - b);
  }
};

// A job (overdue/job/job.hpp): each step inflates and parses about budget.units cells of the
// sheet. `bytes` is the whole file and must outlive the reader.
class WorkbookReader {
 public:
  WorkbookReader(std::string file_name, std::string_view bytes, WorkbookOptions options = {});
  ~WorkbookReader();
  WorkbookReader(WorkbookReader&&) noexcept;
  WorkbookReader& operator=(WorkbookReader&&) noexcept;

  Step step(Budget& budget);
  double progress() const;
  SheetCells take();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Convenience: the whole sheet at once.
SheetCells read_workbook(std::string file_name, std::string_view bytes, WorkbookOptions options = {});

}  // namespace overdue
