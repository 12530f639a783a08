// Reading accounting exports as they come (issue #9, shared/EXPORT-FORMATS.md): reports, not
// tables. Internal to the core; the results land in ImportedFile::layout and ::rejected.
//
//   export_layout_header.cpp  the header row below title rows, headers spanning 2–3 rows,
//                             the export's date and a customer named in the title rows
//   export_layout_rows.cpp    total / subtotal / label rows out of the data, group rows carried
//                             down as a customer column (before typing): what one row is
//   export_layout_pass.cpp    the pass over every row that acts on it, in slices
//   export_layout_checks.cpp  after typing and roles: the totals check, currencies seen
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/job/job.hpp"

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
// dates, names in at least half its cells and at least two cells the role tables know (or any
// names, when the first record is shorter than the table: title rows written short). Rows below the
// header that hold no value, fewer names than columns and a name under an empty cell of the row
// above continue the header ("借方" over "发生 / 已结 / 未结").
HeaderPosition find_header_position(const std::vector<std::vector<std::string>>& records,
                                    size_t fields);

// One name per column from 1–3 header rows: a name spans rightwards over the empty cells next to
// it while a lower row names those columns; the parts are joined with '-' ("借方-已结-金额").
std::vector<std::string> flatten_header_rows(const std::vector<std::vector<std::string>>& rows);

// The export's date from a title line: "As of Jul 25, 2026", "As at 31 March 2026",
// "截止日期：2026-06-30", "截至2026年6月30日". kMissingDays when the line states none.
int32_t as_of_from_title_line(std::string_view line);

// The customer named by a line above a table: "科目：1122 应收账款-杭州明远科技有限公司" → the
// part after the account name, "辅助项目：客户：XX" / "客户：XX" / "往来单位：XX" → XX. ""
// otherwise.
std::string customer_from_title_line(std::string_view line);

// Non-empty cells of a record joined by single spaces (title lines, group rows).
std::string joined_cells(const std::vector<std::string_view>& cells);

// [SECTION] layout rows (export_layout_rows.cpp) -------------------------------------------------

// A short record (fewer fields than the header, at most two of them non-empty) that the table
// builder padded instead of rejecting: it may be a title, group, total or label row. If the layout
// pass does not recognise it, it is rejected as field_count_mismatch with `detail` as before.
struct PaddedRow {
  size_t row = 0;        // accepted-row index at the time it was padded
  ProblemDetail detail;  // expected and found fields: "expected 8 fields, found 1"
  std::string text;    // the record's text, cut for display
};

// What a row of a report is (export_layout_rows.cpp). `plain_groups`: a row holding one name only
// is a group row (the file is plainly a report and has no customer column).
enum class LayoutRowKind { data, total, subtotal, label, group };
struct LayoutRow {
  LayoutRowKind kind = LayoutRowKind::data;
  bool checkable = false;  // totals: the rows it adds up are all in the file
  std::string customer;    // group rows
};
LayoutRow classify_layout_row(const std::vector<std::string_view>& cells, bool plain_groups);
// The header names a customer column (customer_name or customer_id by the role tables).
bool has_customer_column(const ImportedFile& file);
// total_row, subtotal_row or label_row.
ProblemKind layout_problem_kind(LayoutRowKind kind);

// Before typing: classifies every accepted row, moves total/subtotal/label rows to
// file.rejected (and file.layout.summary_rows), folds group rows into a customer_name column,
// rejects padded rows that were none of these, and reads the title lines (as-of date, customer).
// Rows starting on a line of `data_lines` (the user unmarked them) stay data.
void apply_export_layout(ImportedFile& file, const std::vector<PaddedRow>& padded,
                         const std::vector<uint64_t>& data_lines = {});

// The same pass in slices (export_layout_pass.cpp), for a page that must keep drawing while a
// million rows go through it (issue #7: no task over 200 ms); a job (overdue/job/job.hpp) whose
// result stays in `file` (no take()). A unit is about the time of typing one cell (the same
// budget goes on to ColumnTyper): a row classified costs a unit per 5 columns, a row placed one,
// 8 cells copied one. Cut anywhere, the file ends the same as apply_export_layout's,
// which is this pass run in one step. `file` must outlive the pass and not change between steps.
class ExportLayoutPass {
 public:
  ExportLayoutPass(ImportedFile& file, std::vector<PaddedRow> padded,
                   std::vector<uint64_t> data_lines);
  ~ExportLayoutPass();
  ExportLayoutPass(const ExportLayoutPass&) = delete;
  ExportLayoutPass& operator=(const ExportLayoutPass&) = delete;

  // Step::done once the pass is over (then `budget` is left as it was after the last piece of
  // work); a step that is not the last uses its whole budget.
  Step step(Budget& budget);
  double progress() const;  // 0 … 1

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// After typing and roles: the totals check (file.layout.total_checks and a note per mismatch)
// and the currencies seen.
void check_export_layout(ImportedFile& file);

}  // namespace overdue
