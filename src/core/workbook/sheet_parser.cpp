// Worksheet parts (sheet_parser.hpp).
#include "workbook/sheet_parser.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace overdue {

namespace {
constexpr uint32_t kExcelColumns = 16384;  // A … XFD
// After this many rows holding a value, the table is sized for the whole part (collect mode).
constexpr uint64_t kRowsBeforeReserve = 1000;
}

bool parse_cell_column(const char* reference, uint32_t& column) {
  uint32_t c = 0;
  const char* p = reference;
  for (; *p; ++p) {
    char ch = *p;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    c = c * 26 + static_cast<uint32_t>(ch - 'A' + 1);
    if (c > kExcelColumns) return false;
  }
  if (p == reference) return false;
  column = c - 1;
  return true;
}

SheetParser::SheetParser(Mode mode, const StringPool& strings, const CellStyles& styles,
                         bool date1904)
    : mode_(mode), strings_(strings), styles_(styles), date1904_(date1904) {
  value_.reserve(256);
}

void SheetParser::on_start(std::string_view local, const char** attributes) {
  // The hot elements first: a sheet is mostly <c> and <v>.
  if (local.size() == 1) {
    switch (local[0]) {
      case 'c': start_cell(attributes); return;
      case 'v':
        if (in_cell_) {
          has_value_ = true;
          value_.clear();
          capture_ = true;
        }
        return;
      case 'f':
        if (in_cell_) has_formula_ = true;
        return;
      case 't':
        if (in_inline_ && in_phonetic_ == 0) capture_ = true;
        return;
      default: return;
    }
  }
  if (local == "row") {
    start_row(attributes);
  } else if (local == "is") {
    if (in_cell_) {
      in_inline_ = true;
      has_value_ = true;
      value_.clear();
    }
  } else if (local == "rPh") {
    ++in_phonetic_;
  }
}

void SheetParser::on_end(std::string_view local) {
  if (local.size() == 1) {
    switch (local[0]) {
      case 'c': end_cell(); return;
      case 'v': case 't': capture_ = false; return;
      default: return;
    }
  }
  if (local == "row") {
    end_row();
  } else if (local == "is") {
    in_inline_ = false;
    capture_ = false;
  } else if (local == "rPh") {
    if (in_phonetic_ > 0) --in_phonetic_;
  }
}

void SheetParser::on_text(const char* text, int length) {
  if (capture_) value_.append(text, static_cast<size_t>(length));
}

void SheetParser::start_row(const char** attributes) {
  const char* r = xml_attribute(attributes, "r");
  const uint64_t number = r ? std::strtoull(r, nullptr, 10) : 0;
  row_number_ = number > 0 ? number : row_number_ + 1;
  row_first_cell_ = table_.cells.size();
  row_last_column_ = -1;
  next_column_ = 0;
  row_has_value_ = false;
  ++work_;
}

void SheetParser::end_row() {
  if (row_has_value_) {
    ++rows_with_value_;
    if (mode_ == Mode::collect) {
      table_.rows.push_back(SheetTable::Row{row_number_, row_first_cell_});
      if (rows_with_value_ == kRowsBeforeReserve) reserve_from_first_rows();
    }
  }
  row_has_value_ = false;
  row_first_cell_ = table_.cells.size();
  row_last_column_ = -1;
}

// The cells, rows and text so far scaled by how much of the part they took, plus a little: a
// sheet's rows are alike, and a wrong guess only costs a later doubling or some unused capacity
// (bounded by the grid limit, kMaxSheetCells). Capacity never changes what is read.
void SheetParser::reserve_from_first_rows() {
  const uint64_t at = position();
  if (expected_bytes_ == 0 || at == 0 || at >= expected_bytes_) return;
  const double scale = 1.02 * static_cast<double>(expected_bytes_) / static_cast<double>(at);
  const auto scaled = [scale](size_t n) {
    return static_cast<size_t>(std::min(static_cast<double>(n) * scale, double(kMaxSheetCells)));
  };
  table_.cells.reserve(scaled(table_.cells.size()));
  table_.rows.reserve(scaled(table_.rows.size()));
  table_.bytes.reserve(scaled(table_.bytes.size()));
}

void SheetParser::start_cell(const char** attributes) {
  in_cell_ = true;
  has_value_ = has_formula_ = in_inline_ = capture_ = false;
  in_phonetic_ = 0;
  type_ = CellType::number;
  style_ = 0;
  column_valid_ = true;
  bool has_reference = false;
  for (const char** a = attributes; *a; a += 2) {
    const char* name = a[0];
    if (name[0] == '\0' || name[1] != '\0') continue;  // only r, t and s are read
    const char* v = a[1];
    switch (name[0]) {
      case 'r':
        has_reference = true;
        column_valid_ = parse_cell_column(v, column_);
        break;
      case 's': style_ = static_cast<uint32_t>(std::strtoul(v, nullptr, 10)); break;
      case 't':
        if (std::strcmp(v, "s") == 0) type_ = CellType::shared;
        else if (std::strcmp(v, "inlineStr") == 0) type_ = CellType::inline_string;
        else if (std::strcmp(v, "str") == 0) type_ = CellType::formula_string;
        else if (std::strcmp(v, "b") == 0) type_ = CellType::boolean;
        else if (std::strcmp(v, "e") == 0) type_ = CellType::error;
        else if (std::strcmp(v, "d") == 0) type_ = CellType::date;
        break;
      default: break;
    }
  }
  if (!has_reference) column_ = next_column_;
  if (column_ >= kExcelColumns) column_valid_ = false;
  if (column_valid_) next_column_ = column_ + 1;
}

void SheetParser::add_problem(ProblemKind kind, std::string_view text) {
  if (mode_ != Mode::collect) return;
  table_.problems.push_back(WorkbookCellProblem{row_number_, column_, kind, std::string(text)});
}

// An ISO 8601 date cell (t="d", written by some generators): "2024-03-31T13:45:00" as
// "2024-03-31 13:45:00", midnight as the date alone.
static bool append_iso_date(std::string& out, std::string_view v) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') {
    out.append(v);
    return false;
  }
  out.append(v.substr(0, 10));
  if (v.size() >= 19 && v[10] == 'T' && v.substr(11, 8) != "00:00:00") {
    out.push_back(' ');
    out.append(v.substr(11, 8));
  }
  return true;
}

void SheetParser::end_cell() {
  if (!in_cell_) return;
  in_cell_ = false;
  capture_ = in_inline_ = false;
  ++work_;
  if (!column_valid_) return;
  std::string& out = mode_ == Mode::collect ? table_.bytes : scratch_;
  if (mode_ == Mode::count) scratch_.clear();
  const size_t before = out.size();
  bool date = false, problem = false;
  // A formula whose cached value is missing (or empty, as openpyxl writes it) has no value to show.
  const bool no_value = !has_value_ || (value_.empty() && type_ != CellType::formula_string &&
                                        type_ != CellType::inline_string);
  if (has_formula_ && no_value) {
    add_problem(ProblemKind::formula_without_value, {});
    problem = true;
  } else if (has_value_) {
    switch (type_) {
      case CellType::shared: {
        char* end = nullptr;
        const unsigned long long i = std::strtoull(value_.c_str(), &end, 10);
        if (end != value_.c_str() && i < strings_.size()) out.append(strings_.at(i));
        break;
      }
      case CellType::inline_string:
      case CellType::formula_string: out.append(value_); break;
      case CellType::boolean:
        if (!value_.empty()) out.append(value_ == "0" ? "FALSE" : "TRUE");
        break;
      case CellType::error:
        add_problem(ProblemKind::excel_cell_error, value_);
        problem = true;
        break;
      case CellType::date: date = append_iso_date(out, value_); break;
      case CellType::number:
        if (!value_.empty())
          date = append_formatted_number(out, value_, styles_.at(style_), date1904_);
        break;
    }
  }
  if (out.size() == before && !problem) return;  // no value: nothing kept
  row_has_value_ = true;
  if (mode_ == Mode::count) return;
  if (static_cast<int64_t>(column_) <= row_last_column_) table_.columns_out_of_order = true;
  row_last_column_ = column_;
  table_.cells.push_back(SheetTable::Cell{out.size(), column_, date});
  if (column_ + 1 > table_.width) table_.width = column_ + 1;
}

}  // namespace overdue
