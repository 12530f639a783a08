// Table builder (see table_builder.hpp).
#include "import/table_builder.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "overdue/text/utf8.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {

TableBuilder::TableBuilder(ImportedFile& file, bool header, RecordScanner& scanner)
    : file_(file), scanner_(scanner), header_(header) {}

void TableBuilder::set_size_estimate(double record_bytes, std::vector<double> field_bytes) {
  sample_record_bytes_ = record_bytes;
  sample_field_bytes_ = std::move(field_bytes);
}

void TableBuilder::expect_text(size_t text_bytes) {
  const uint64_t rows_seen = file_.row_line.size();
  const double per_record = rows_seen > 0 ? static_cast<double>(accepted_bytes_) / rows_seen
                                          : sample_record_bytes_;
  if (per_record <= 0) return;
  const size_t rows = static_cast<size_t>(static_cast<double>(text_bytes) / per_record * 1.02) + 16;
  if (!have_shape_) {
    pending_rows_ += rows;
    return;
  }
  reserve_rows(rows);
}

namespace {
// Capacity for at least `needed`, growing by half at least (amortised like push_back).
size_t grown_capacity(size_t capacity, size_t needed) {
  return needed <= capacity ? capacity : std::max(needed, capacity + capacity / 2);
}
}  // namespace

void TableBuilder::reserve_rows(size_t more_rows) {
  const size_t rows_seen = file_.row_line.size();
  const size_t target = rows_seen + more_rows;
  file_.row_line.reserve(grown_capacity(file_.row_line.capacity(), target));
  for (size_t i = 0; i < field_count_; ++i) {
    std::vector<uint32_t>& end = file_.columns[i].text.end;
    end.reserve(grown_capacity(end.capacity(), target));
    CellBytes& c = cell_bytes_[i];
    const double per_cell = rows_seen > 0 ? static_cast<double>(c.size()) / rows_seen
                            : i < sample_field_bytes_.size() ? sample_field_bytes_[i] : 8.0;
    const size_t bytes = c.size() + static_cast<size_t>(per_cell * more_rows * 1.02) + 64;
    if (bytes > c.capacity()) c.reserve(grown_capacity(c.capacity(), bytes));
  }
}

void TableBuilder::set_header_position(size_t index, size_t rows) {
  header_index_ = index;
  header_rows_ = rows < 1 ? 1 : rows;
}

void TableBuilder::force_header_line(uint64_t line, size_t rows) {
  forced_header_line_ = line;
  header_rows_ = rows < 1 ? 1 : rows;
}

void TableBuilder::take_shape(const ScannedRecord& r) {
  std::vector<std::string> names(r.field_count);
  if (header_) {
    for (size_t i = 0; i < r.field_count; ++i) names[i] = std::string(trim_cell(r.fields[i]));
    file_.layout.header_line = r.line;
    file_.layout.header_rows = 1;
    first_header_row_ = names;
  }
  take_shape(std::move(names));
}

void TableBuilder::take_shape(std::vector<std::string> names) {
  have_shape_ = true;
  field_count_ = names.size();
  scanner_.set_expected_fields(field_count_);
  file_.columns.resize(field_count_);
  cell_bytes_.resize(field_count_);
  for (size_t i = 0; i < field_count_; ++i) {
    const std::string& name = names[i];
    // Unnamed columns (headerless files, an empty header cell such as the row-number column of
    // cs-training.csv) are called column_1, column_2, … by position.
    file_.columns[i].name = name.empty() ? "column_" + std::to_string(i + 1) : name;
    if (header_) header_fields_.emplace_back(name);
  }
  last_name_empty_ = !header_ || header_fields_.back().empty();
  if (header_) note_repeated_names();
  if (pending_rows_ > 0) reserve_rows(pending_rows_);
  pending_rows_ = 0;
}

// Two columns with one name are both kept, but a role or a --map override names a column by its
// name, which then means the first of them: say so instead of letting the second go unnoticed.
void TableBuilder::note_repeated_names() {
  std::unordered_map<std::string_view, std::vector<size_t>> positions;
  std::vector<std::string_view> order;  // names in order of first appearance
  for (size_t i = 0; i < header_fields_.size(); ++i) {
    const std::string_view name = header_fields_[i];
    if (name.empty()) continue;  // unnamed columns get distinct column_N names
    std::vector<size_t>& at = positions[name];
    if (at.size() == 1) order.push_back(name);
    at.push_back(i + 1);
  }
  size_t listed = 0;
  for (std::string_view name : order) {
    if (++listed > kMaxHeaderNotes) break;
    const std::vector<size_t>& at = positions[name];
    std::string note = "column name " + std::string(name) + " repeated (columns ";
    for (size_t k = 0; k < at.size() && k < 10; ++k) note += (k ? ", " : "") + std::to_string(at[k]);
    if (at.size() > 10) note += ", … " + std::to_string(at.size()) + " in all";
    file_.notes.push_back(note + "): a role or mapping by this name means the first");
  }
  if (order.size() > kMaxHeaderNotes)
    file_.notes.push_back(std::to_string(order.size() - kMaxHeaderNotes) + " more repeated column names");
}

bool TableBuilder::is_header_again(const ScannedRecord& r) const {
  if (!header_ || r.field_count != field_count_ || first_header_row_.size() != field_count_) return false;
  for (size_t i = 0; i < field_count_; ++i)
    if (trim_cell(r.fields[i]) != first_header_row_[i]) return false;
  return true;
}

// Title records (kept as text for the layout pass) and the rows of a multi-row header. Returns
// false when the record is neither (it is the single header row or data).
bool TableBuilder::take_title_or_header_row(const ScannedRecord& r) {
  const bool title = forced_header_line_ > 0 ? r.line < forced_header_line_ : records_seen_ < header_index_;
  if (title) {
    ++records_seen_;
    const std::string text = joined_cells(std::vector<std::string_view>(r.fields, r.fields + r.field_count));
    if (!text.empty()) {
      ++file_.layout.skipped_title_lines;
      constexpr size_t kMaxTitleLinesKept = 50;
      if (file_.layout.title_lines.size() < kMaxTitleLinesKept)
        file_.layout.title_lines.emplace_back(utf8::cut_at_boundary(text, kRejectedTextBytes));
    }
    return true;
  }
  if (header_rows_ < 2) return false;
  if (header_buffer_.empty()) {
    file_.layout.header_line = r.line;
    first_header_row_.clear();
    for (size_t i = 0; i < r.field_count; ++i) first_header_row_.emplace_back(trim_cell(r.fields[i]));
  }
  header_buffer_.emplace_back(r.fields, r.fields + r.field_count);
  if (header_buffer_.size() < header_rows_) return true;
  file_.layout.header_rows = static_cast<uint32_t>(header_rows_);
  std::vector<std::string> names = flatten_header_rows(header_buffer_);
  header_buffer_.clear();
  take_shape(std::move(names));
  return true;
}

void TableBuilder::reject(uint64_t line, ProblemKind kind, ProblemDetail detail, std::string_view raw) {
  ++file_.rows.read;
  ++file_.rows.rejected;
  RejectedRow row;
  row.line = line;
  row.kind = kind;
  row.reason = problem_text(kind, detail);
  row.detail = std::move(detail);
  row.text = std::string(utf8::cut_at_boundary(raw, kRejectedTextBytes));
  file_.rejected.push_back(std::move(row));
}

bool TableBuilder::on_record(const ScannedRecord& r) {
  if (!have_shape_) {
    if (header_ && take_title_or_header_row(r)) return true;
    if (header_ && r.undecodable) {
      file_.error = "the header (line " + std::to_string(r.line) + ") holds undecodable bytes";
      file_.error_kind = FileErrorKind::undecodable_header;
      return false;
    }
    take_shape(r);
    if (header_) return true;
  } else if (is_header_again(r)) {
    if (++header_repeats_ <= kMaxHeaderNotes)
      file_.notes.push_back("header repeated at line " + std::to_string(r.line) + ": skipped");
    return true;
  }
  if (r.field_count > 1) {  // a row of delimiters only (Excel writes them for formatted rows)
    bool empty = true;
    for (size_t i = 0; i < r.field_count && empty; ++i) empty = trim_cell(r.fields[i]).empty();
    if (empty) {
      if (empty_rows_++ == 0) first_empty_row_line_ = r.line;
      return true;
    }
  }
  if (r.undecodable) {
    reject(r.line, ProblemKind::undecodable_bytes, {}, r.raw);
  } else if (r.field_count != field_count_) {
    ProblemDetail detail;
    detail.expected = field_count_;
    detail.found = r.field_count;
    size_t named = 0;
    for (size_t i = 0; i < r.field_count; ++i) named += !trim_cell(r.fields[i]).empty();
    if (header_ && r.field_count < field_count_ && named <= 2) {
      // Maybe a report's group, total or label row written short (QuickBooks): the layout pass
      // decides, and rejects it with this reason if it is none of them.
      padded_.push_back({file_.row_line.size(), detail,
                         std::string(utf8::cut_at_boundary(r.raw, kRejectedTextBytes))});
      for (size_t i = 0; i < field_count_; ++i)
        push_cell(i, i < r.field_count ? r.fields[i] : std::string_view());
      file_.row_line.push_back(r.line);
      ++file_.rows.read;
      ++file_.rows.accepted;
    } else {
      reject(r.line, ProblemKind::field_count_mismatch, std::move(detail), r.raw);
    }
  } else {
    for (size_t i = 0; i < field_count_; ++i) push_cell(i, r.fields[i]);
    file_.row_line.push_back(r.line);
    accepted_bytes_ += r.raw.size() + 1;
    ++file_.rows.read;
    ++file_.rows.accepted;
  }
  return true;
}

void TableBuilder::push_cell(size_t column, std::string_view cell) {
  CellBytes& c = cell_bytes_[column];
  if (c.size() + cell.size() > c.capacity()) c.reserve(std::max<size_t>({c.capacity() * 2, c.size() + cell.size(), 4096}));
  c.append(cell.data(), cell.size());
  file_.columns[column].text.end.push_back(static_cast<uint32_t>(c.size()));
}

bool TableBuilder::on_rejected(uint64_t line, ProblemKind kind, std::string_view raw) {
  reject(line, kind, {}, raw);
  return true;
}

void TableBuilder::finish() {
  if (!file_.error.empty()) return;
  for (size_t i = 0; i < cell_bytes_.size() && i < file_.columns.size(); ++i) {
    file_.columns[i].text.bytes = std::move(cell_bytes_[i]);
  }
  cell_bytes_.clear();
  if (!have_shape_ && forced_header_line_ > 0) {
    file_.error = "no record starts on line " + std::to_string(forced_header_line_) + " (the header line chosen)";
    file_.error_kind = FileErrorKind::header_line_missing;
    return;
  }
  if (!have_shape_ && file_.rows.read == 0) {
    file_.error = "empty file (no records)";
    file_.error_kind = FileErrorKind::empty_file;
    return;
  }
  if (header_repeats_ > kMaxHeaderNotes)
    file_.notes.push_back("header repeated " + std::to_string(header_repeats_ - kMaxHeaderNotes) +
                          " more times: skipped");
  if (empty_rows_ > 0)
    file_.notes.push_back(std::to_string(empty_rows_) +
                          " rows of delimiters only skipped (first at line " +
                          std::to_string(first_empty_row_line_) + ")");
  // Trailing delimiter: an unnamed last column whose every cell is empty is an artefact of a
  // delimiter at the end of each line ("a,b," / "1,2,"), not data: drop it.
  if (have_shape_ && field_count_ >= 2 && last_name_empty_) {
    const TextColumn& last = file_.columns.back().text;
    bool all_empty = true;
    for (size_t i = 0; i < last.size() && all_empty; ++i) all_empty = trim_cell(last.at(i)).empty();
    if (all_empty) {
      file_.columns.pop_back();
      file_.notes.push_back("trailing delimiter: empty last column dropped");
    }
  }
}

}  // namespace overdue
