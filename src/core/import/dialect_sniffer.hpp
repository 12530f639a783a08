// Dialect sniffing from the decoded start of a file: the delimiter (field-count consistency over
// the first records, quote-aware) and whether the first record is a header.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

struct Dialect {
  char delimiter = ',';  // ',' ';' '\t' '|' or ' ' for runs of spaces/tabs
  bool header = true;
  // Title rows above the header (an accounting export's report name, "As of …") and the records
  // the header spans (export_layout.hpp). 0 and 1 for a plain CSV.
  size_t header_index = 0;
  size_t header_rows = 1;
  // Sizes in the sample, so the table can reserve its storage before the first records:
  double record_bytes = 0;          // average bytes per record, line end included
  std::vector<double> field_bytes;  // average bytes per field, by position
};

// How many records of the sample the sniffer looks at.
constexpr size_t kSniffRecords = 100;

// sample: decoded UTF-8 text of the file's start; whole_file: it is all of the file (otherwise a
// record cut by the sample's end is ignored).
Dialect sniff_dialect(std::string_view sample, bool whole_file);

// The header position and sizes from records already split into fields (a CSV sample's, or a
// workbook sheet's first rows, issue #18): fields is the usual field count, record_bytes the
// records' text bytes summed. The delimiter is left at its default.
Dialect dialect_of_records(const std::vector<std::vector<std::string>>& records, size_t fields,
                           double record_bytes);

// Header rule (issue #2), on the first records of a file: the first record is data when one of
// its cells is a number or a date; otherwise it is a header when one of its names is a known
// header, when a column below it is mostly numbers or dates, or when its names are all present
// and distinct (an all-text file, which almost always has a header).
bool first_record_is_header(const std::vector<std::vector<std::string>>& records);

}  // namespace overdue
