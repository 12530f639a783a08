// Streaming CSV import: feed a file's bytes in chunks of any size (a quoted field, a multi-byte
// character or a CRLF may straddle two chunks), then finish() to get the typed table.
// The importer sniffs encoding and dialect from the first bytes it sees (it buffers up to
// kSniffBytes before it starts scanning, or less if finish() comes first).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/import/table.hpp"
#include "overdue/job/job.hpp"

namespace overdue {

struct ImportOptions {
  // Forced encoding/delimiter, header row, … may come later. Defaults detect everything.
  // An export with both 原币 and 本位币 amounts: use the original-currency ones (default: home).
  bool prefer_original_currency = false;
  // The user moved the header (the mapping screen): the record starting on this physical line is
  // the header and every record above it a title row. 0: detected. header_rows > 0 sets how many
  // records the header spans (0: 1 when header_line is set, else detected).
  uint64_t header_line = 0;
  uint32_t header_rows = 0;
  // Rows the user unmarked: physical lines that stay data even when they look like a total,
  // label or group row.
  std::vector<uint64_t> data_lines;
  // Workbooks (issue #18): the sheet to read (empty: the first non-empty visible one), and
  // import.excel_date_swap=keep (day/month swapped by Excel left as stored).
  std::string sheet;
  bool keep_swapped_dates = false;
};

class FileImporter {
 public:
  explicit FileImporter(std::string file_name, ImportOptions options = {});
  ~FileImporter();
  FileImporter(FileImporter&&) noexcept;
  FileImporter& operator=(FileImporter&&) noexcept;

  void feed(std::string_view bytes);
  // The input's total size when known (a File's size, a stat): the rows' storage is reserved once
  // for the whole file instead of growing — and copying — piece by piece. Only a hint: a wrong
  // size costs time or spare room, never a different result. Call before the first feed().
  void expect_total_bytes(uint64_t bytes);
  // Ends the input: scans what is left, types the columns, guesses roles and the table kind
  // (run_to_end of the job below).
  ImportedFile finish();
  // The same work as a job (overdue/job/job.hpp), for a page that must keep drawing while a
  // million rows are typed: the first step ends the input and scans what is left; each does about
  // `budget.units` typed cells' worth of work (the export-layout pass over every row, then typing);
  // Step::done once take() has only the quick rest to do (roles, notes). The result does not
  // depend on the steps. No feed() after the first step.
  Step step(Budget& budget);
  double progress() const;  // 0 … 1 of the finishing work (bytes_fed() tells the reading)
  ImportedFile take();
  uint64_t bytes_fed() const;

  static constexpr size_t kSniffBytes = 64 * 1024;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Convenience: the whole file at once (the CLI and the tests).
ImportedFile import_bytes(std::string file_name, std::string_view bytes, ImportOptions options = {});

// Re-derives one column's type and typed values from its raw text, e.g. after the user changed its
// role (a money role makes a lone "-" zero) or its day/month order. Updates missing counts and
// the file's cell_errors for that column.
void retype_column(ImportedFile& file, size_t column_index);

// "book.xlsx:Sheet1 column Due: Excel swapped day and month in 12 date cells (it opened a
// month-first CSV with day-first settings); swapped back" (issue #18): the import note and the
// analysis note.
std::string date_swap_note(const ImportedFile& file, const DateSwap& swap);

// Runs the totals check of an export again (ImportedFile::layout.total_checks and its notes),
// e.g. after the user changed a column's role: only columns with a summable money role are
// compared with the total rows (issue #9).
void recheck_totals(ImportedFile& file);

}  // namespace overdue
