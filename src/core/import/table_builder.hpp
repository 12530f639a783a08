// Turns scanned records into the columns of an ImportedFile: the header, accepted rows (raw text
// per column), rejected rows with their reasons, skipped repeated headers and empty rows.
// Typing happens afterwards, on whole columns (column_typing.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "import/export_layout.hpp"
#include "overdue/import/table.hpp"
#include "import/record_scanner.hpp"

namespace overdue {

class TableBuilder : public RecordSink {
 public:
  // header: the first record names the columns; scanner learns the expected field count.
  TableBuilder(ImportedFile& file, bool header, RecordScanner& scanner);

  // Sizes from the sniffer's sample, for reserving storage before any statistics exist.
  void set_size_estimate(double record_bytes, std::vector<double> field_bytes);
  // Title records above the header and the records the header spans (the sniffer's finding).
  void set_header_position(size_t index, size_t rows);
  // The user's choice instead: the record starting on `line` is the header (ImportOptions).
  void force_header_line(uint64_t line, size_t rows);
  // Short records padded for the layout pass (export_layout.hpp), after finish().
  const std::vector<PaddedRow>& padded() const { return padded_; }
  // The scanner is about to read text_bytes more: reserve room for the rows they likely hold,
  // so storage grows once per piece instead of doubling many times (each doubling copies and
  // touches fresh memory).
  void expect_text(size_t text_bytes);

  bool on_record(const ScannedRecord& record) override;
  bool on_rejected(uint64_t line, ProblemKind kind, std::string_view raw) override;

  // After the last record: drops a trailing-delimiter column, writes the notes. Sets
  // file.error when the file held no record at all.
  void finish();

  // Rejected rows keep this much of their text for display.
  static constexpr size_t kRejectedTextBytes = 200;
  // Repeated headers (and repeated column names) are listed one note each up to this many, then
  // summed up.
  static constexpr size_t kMaxHeaderNotes = 20;

 private:
  void take_shape(const ScannedRecord& record);
  void take_shape(std::vector<std::string> names);  // trimmed names, or all empty when headerless
  bool take_title_or_header_row(const ScannedRecord& record);
  void reject(uint64_t line, ProblemKind kind, ProblemDetail detail, std::string_view raw);
  bool is_header_again(const ScannedRecord& record) const;
  void note_repeated_names();

  // Cell text is gathered here (finish() hands the bytes to the columns). Room is reserved, never
  // resized: a resize zero-fills what it adds and a growth copies everything so far; together
  // they were ~30 % of the import (perf, 1 M rows). With the file's size known
  // (FileImporter::expect_total_bytes) the first reservation is usually the last.
  using CellBytes = std::string;
  void push_cell(size_t column, std::string_view cell);
  void reserve_rows(size_t more_rows);

  ImportedFile& file_;
  std::vector<CellBytes> cell_bytes_;
  RecordScanner& scanner_;
  bool header_;
  bool have_shape_ = false;
  size_t field_count_ = 0;
  std::vector<std::string> header_fields_;   // trimmed, for spotting a repeated header
  bool last_name_empty_ = false;             // the header's last name is empty (or no header)
  uint64_t header_repeats_ = 0;
  uint64_t empty_rows_ = 0;                  // records of delimiters only
  uint64_t first_empty_row_line_ = 0;
  double sample_record_bytes_ = 0;
  std::vector<double> sample_field_bytes_;
  uint64_t accepted_bytes_ = 0;   // raw bytes of accepted records, line ends included
  size_t pending_rows_ = 0;       // expected rows announced before the header was read
  size_t header_index_ = 0;       // title records above the header
  size_t header_rows_ = 1;        // records the header spans
  size_t records_seen_ = 0;       // title and header records taken so far
  uint64_t forced_header_line_ = 0;  // 0: header_index_ decides
  std::vector<std::vector<std::string>> header_buffer_;  // a multi-row header being read
  std::vector<std::string> first_header_row_;            // trimmed, for spotting a repeat
  std::vector<PaddedRow> padded_;
};

}  // namespace overdue
