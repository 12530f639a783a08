// Reading accounting exports as they come (issue #9, shared/EXPORT-FORMATS.md): reports, not
// tables. Internal to the core; the results land in ImportedFile::layout and ::rejected.
//
//   export_layout_header.cpp  the header row below title rows, headers spanning 2–3 rows,
//                             the export's date and a customer named in the title rows
//   export_layout_rows.cpp    total / subtotal / label rows out of the data, group rows carried
//                             down as a customer column (before typing)
//   export_layout_checks.cpp  after typing and roles: the totals check, currencies seen
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/table.hpp"

namespace overdue {

// [SECTION] header position (export_layout_header.cpp) ------------------------------------------

struct HeaderPosition {
  size_t index = 0;  // records above the header (title rows)
  size_t rows = 1;   // records that make the header (2–3: a header spanning rows)
};

// At most this many title records are looked through for the header row.
constexpr size_t kMaxTitleRecords = 30;

// Where the header is among the first records of a file. `fields` is the file's usual field
// count. The first record stays the header (index 0) unless it looks like a title: a record with
// at most two non-empty cells, above a record that has the usual field count, no numbers or
// dates, and at least two cells the role tables know. Rows right below the header that hold no
// value, fewer names than columns and a name under an empty cell of the row above continue
// the header ("借方" over "发生 / 已结 / 未结").
HeaderPosition find_header_position(const std::vector<std::vector<std::string>>& records, size_t fields);

// One name per column from 1–3 header rows: a name spans rightwards over the empty cells next to
// it while a lower row names those columns; the parts are joined with '-' ("借方-已结-金额").
std::vector<std::string> flatten_header_rows(const std::vector<std::vector<std::string>>& rows);

// The export's date from a title line: "As of Jul 25, 2026", "As at 31 March 2026",
// "截止日期：2026-06-30", "截至2026年6月30日". kMissingDays when the line states none.
int32_t as_of_from_title_line(std::string_view line);

// The customer named by a line above a table: "科目：1122 应收账款-杭州明远科技有限公司" → the
// part after the account name, "辅助项目：客户：XX" / "客户：XX" / "往来单位：XX" → XX. "" otherwise.
std::string customer_from_title_line(std::string_view line);

// Non-empty cells of a record joined by single spaces (title lines, group rows).
std::string joined_cells(const std::vector<std::string_view>& cells);

// [SECTION] layout rows (export_layout_rows.cpp) -------------------------------------------------

// A short record (fewer fields than the header, at most two of them non-empty) that the table
// builder padded instead of rejecting: it may be a title, group, total or label row. If the layout
// pass does not recognise it, it is rejected with `reason` as before.
struct PaddedRow {
  size_t row = 0;        // accepted-row index at the time it was padded
  std::string reason;    // "expected 8 fields, found 1"
  std::string text;      // the record's text, cut for display
};

// Before typing: classifies every accepted row, moves total/subtotal/label rows to
// file.rejected (and file.layout.summary_rows), folds group rows into a customer_name column,
// rejects padded rows that were none of these, and reads the title lines (as-of date, customer).
// Rows starting on a line of `data_lines` (the user unmarked them) stay data.
void apply_export_layout(ImportedFile& file, const std::vector<PaddedRow>& padded,
                         const std::vector<uint64_t>& data_lines = {});

// After typing and roles: the totals check (file.layout.total_checks and a note per mismatch)
// and the currencies seen.
void check_export_layout(ImportedFile& file);

}  // namespace overdue
