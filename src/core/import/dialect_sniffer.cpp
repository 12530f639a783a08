// Dialect sniffing (see dialect_sniffer.hpp).
#include "import/dialect_sniffer.hpp"

#include <algorithm>
#include <map>

#include "import/export_layout.hpp"
#include "overdue/roles/roles.hpp"
#include "import/record_scanner.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

// Collects the first records of a sample.
class SampleSink : public RecordSink {
 public:
  explicit SampleSink(bool keep_text) : keep_text_(keep_text) {}
  bool on_record(const ScannedRecord& r) override {
    counts.push_back(r.field_count);
    if (keep_text_) records.emplace_back(r.fields, r.fields + r.field_count);
    record_bytes += static_cast<double>(r.raw.size() + 1);
    return counts.size() < kSniffRecords;
  }
  double record_bytes = 0;
  bool on_rejected(uint64_t, ProblemKind, std::string_view) override {
    return counts.size() < kSniffRecords;
  }
  std::vector<size_t> counts;
  std::vector<std::vector<std::string>> records;

 private:
  bool keep_text_;
};

struct Consistency {
  size_t fields = 0;   // the most common field count (ties: the larger)
  double share = 0;    // share of records that have it; 0 when fields < 2
};

Consistency consistency(const std::vector<size_t>& counts) {
  Consistency c;
  if (counts.empty()) return c;
  std::map<size_t, size_t> freq;
  for (size_t n : counts) ++freq[n];
  size_t best = 0;
  for (const auto& [fields, times] : freq)
    if (times >= best) {  // ascending keys: ties go to the larger count
      best = times;
      c.fields = fields;
    }
  if (c.fields >= 2) c.share = static_cast<double>(best) / static_cast<double>(counts.size());
  return c;
}

Consistency score(std::string_view sample, bool whole_file, char delimiter) {
  RecordScanner scanner(delimiter);
  SampleSink sink(false);
  if (scanner.feed(sample, sink) && whole_file) scanner.finish(sink);
  return consistency(sink.counts);
}

bool is_value(std::string_view cell) {
  const std::string_view c = trim_cell(cell);
  if (is_missing_marker(c, true)) return false;
  if (parse_number(c, DecimalMark::point, false).ok()) return true;
  if (parse_number(c, DecimalMark::comma, false).ok()) return true;
  return parse_date(c, DateAllowances{}).ok();
}

bool is_known_header(std::string_view cell) {
  const std::string_view c = trim_cell(cell);
  if (c.empty()) return false;
  return header_is_known(c) || header_suggests_date(c) || header_suggests_money(c);
}

}  // namespace

bool first_record_is_header(const std::vector<std::vector<std::string>>& records) {
  if (records.empty()) return true;
  const std::vector<std::string>& first = records[0];
  for (const std::string& cell : first)
    if (is_value(cell)) return false;  // a first row that contains numbers is data
  for (const std::string& cell : first)
    if (is_known_header(cell)) return true;
  if (records.size() == 1) return true;
  for (size_t col = 0; col < first.size(); ++col) {
    if (trim_cell(first[col]).empty()) continue;
    size_t present = 0, values = 0;
    for (size_t r = 1; r < records.size(); ++r) {
      if (col >= records[r].size()) continue;
      const std::string_view c = trim_cell(records[r][col]);
      if (is_missing_marker(c, true)) continue;
      ++present;
      values += is_value(c);
    }
    if (present > 0 && values * 2 > present) return true;  // text over a numeric/date column
  }
  // All text: a header unless a name is missing or repeated.
  std::vector<std::string_view> names;
  for (const std::string& cell : first) {
    const std::string_view c = trim_cell(cell);
    if (c.empty()) return false;
    names.push_back(c);
  }
  std::sort(names.begin(), names.end());
  return std::adjacent_find(names.begin(), names.end()) == names.end();
}

Dialect sniff_dialect(std::string_view sample, bool whole_file) {
  // Real delimiters first, in order of preference on ties; runs of spaces only when no real
  // delimiter splits the records consistently (or clearly less consistently).
  static const char kDelimiters[] = {',', ';', '\t', '|'};
  Dialect d;
  Consistency best;
  for (char delimiter : kDelimiters) {
    const Consistency c = score(sample, whole_file, delimiter);
    if (c.share > best.share || (c.share == best.share && c.share > 0 && c.fields > best.fields)) {
      best = c;
      d.delimiter = delimiter;
    }
  }
  const Consistency spaces = score(sample, whole_file, ' ');
  if (spaces.share > 0 && (best.share == 0 || spaces.share >= best.share + 0.2)) {
    best = spaces;
    d.delimiter = ' ';
  }
  RecordScanner scanner(d.delimiter);
  SampleSink sink(true);
  if (scanner.feed(sample, sink) && whole_file) scanner.finish(sink);
  const char delimiter = d.delimiter;
  d = dialect_of_records(sink.records, best.fields, sink.record_bytes);
  d.delimiter = delimiter;
  return d;
}

Dialect dialect_of_records(const std::vector<std::vector<std::string>>& records, size_t fields,
                           double record_bytes) {
  Dialect d;
  const HeaderPosition at = find_header_position(records, fields);
  d.header_index = at.index;
  d.header_rows = at.rows;
  d.header = at.index > 0 || at.rows > 1 || first_record_is_header(records);
  if (!records.empty()) {
    const size_t n = records.size();
    d.record_bytes = record_bytes / static_cast<double>(n);
    d.field_bytes.assign(records[std::min(at.index, n - 1)].size(), 0.0);
    for (const auto& record : records)
      for (size_t i = 0; i < record.size() && i < d.field_bytes.size(); ++i)
        d.field_bytes[i] += static_cast<double>(record[i].size()) / static_cast<double>(n);
  }
  return d;
}

}  // namespace overdue
