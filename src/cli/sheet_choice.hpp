// `--sheet [FILE:]NAME` (issue #18): which sheets of which workbooks become tables. A sheet name
// cannot contain ':', so the value splits at its last colon; without FILE the choice applies to
// every workbook given. Several choices for one workbook make several tables of it.
#pragma once
#include <string>
#include <vector>

#include "overdue/import/table.hpp"

namespace overdue::cli {

struct SheetChoice {
  std::string file;   // a path as given or its last component; empty: every workbook
  std::string sheet;
};

// "book.xlsx:Payments" → {book.xlsx, Payments}; "Payments" → {"", Payments}. Returns "" or the
// usage error.
std::string parse_sheet_choice(const std::string& value, SheetChoice& out);

// Imports every path in order; a workbook once per sheet chosen for it (none chosen: its first
// non-empty visible sheet). Prints each failure (a file that cannot be read, an unknown sheet
// naming the sheets there are, a --sheet for a file that is not a workbook or that was not given)
// and returns kExitOk or kExitBadInput; with stop_at_error it returns at the first.
int import_files(const std::vector<std::string>& paths, const std::vector<SheetChoice>& sheets,
                 bool keep_swapped_dates, bool stop_at_error, std::vector<ImportedFile>& out);

// The --help lines of --sheet.
const char* sheet_option_help();

}  // namespace overdue::cli
