// Cell access by role and the row markers real accounting exports need (DESIGN.md §1: subtotal,
// total and opening-balance rows "must never be read as invoices").
#include <algorithm>
#include <cstdio>

#include "overdue/text/civil_date.hpp"
#include "ledger/internal.hpp"

namespace overdue::ledger_detail {

int find_role(const ImportedFile& file, Role role) {
  for (size_t c = 0; c < file.columns.size(); ++c)
    if (file.columns[c].role == role) return static_cast<int>(c);
  return -1;
}

std::string_view cell_text(const ImportedFile& file, int column, size_t row) {
  if (column < 0) return {};
  const TextColumn& text = file.columns[static_cast<size_t>(column)].text;
  return row < text.size() ? trim_cell(text.at(row)) : std::string_view{};
}

int32_t cell_days(const ImportedFile& file, int column, size_t row) {
  if (column < 0) return kMissingDays;
  const Column& c = file.columns[static_cast<size_t>(column)];
  return c.type == ColumnType::date && row < c.days.size() ? c.days[row] : kMissingDays;
}

int64_t cell_cents(const ImportedFile& file, int column, size_t row) {
  if (column < 0) return kMissingCents;
  const Column& c = file.columns[static_cast<size_t>(column)];
  const bool numeric = c.type == ColumnType::integer || c.type == ColumnType::decimal;
  return numeric && row < c.cents.size() ? c.cents[row] : kMissingCents;
}

bool has_oversized_amount(const ImportedFile& file, size_t row) {
  for (const Column& c : file.columns) {
    // Money roles only: a numeric customer id such as Zoho's 460000000026049 is no amount.
    if (!role_is_money(c.role) || (c.type != ColumnType::integer && c.type != ColumnType::decimal) || row >= c.cents.size())
      continue;
    const int64_t v = c.cents[row];
    if (v != kMissingCents && (v > kMaxLedgerAmountCents || v < -kMaxLedgerAmountCents)) return true;
  }
  return false;
}

namespace {

// Labels are short: a long cell that happens to contain 合计 is a description, not a subtotal.
constexpr size_t kMaxMarkerCellBytes = 36;

// ASCII lower-case copy of a short cell into a caller's buffer (no allocation: called per cell).
std::string_view ascii_lower(std::string_view s, char (&buffer)[kMaxMarkerCellBytes]) {
  const size_t n = std::min(s.size(), sizeof buffer);
  for (size_t i = 0; i < n; ++i) {
    const char ch = s[i];
    buffer[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return std::string_view(buffer, n);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool is_subtotal_label(std::string_view cell) {
  if (cell.empty() || cell.size() > kMaxMarkerCellBytes) return false;
  for (std::string_view zh : {"合计", "累计", "小计", "总计"})
    if (contains(cell, zh)) return true;
  char buffer[kMaxMarkerCellBytes];
  const std::string_view lower = ascii_lower(cell, buffer);
  return lower == "total" || lower == "totals" || lower == "grand total" || starts_with(lower, "total for ") ||
         starts_with(lower, "total:") || starts_with(lower, "subtotal") || starts_with(lower, "sub-total") ||
         starts_with(lower, "sub total");
}

bool is_opening_label(std::string_view cell) {
  if (cell.empty() || cell.size() > kMaxMarkerCellBytes) return false;
  for (std::string_view zh : {"期初余额", "期初", "上年结转", "上期结转", "年初余额", "承前页"})
    if (contains(cell, zh)) return true;
  char buffer[kMaxMarkerCellBytes];
  const std::string_view lower = ascii_lower(cell, buffer);
  return starts_with(lower, "opening balance") || starts_with(lower, "balance forward") ||
         starts_with(lower, "balance brought forward") || starts_with(lower, "brought forward") ||
         lower == "balance b/f" || lower == "b/f";
}

// Cheap test run on every cell first: every marker above contains 计 (合计, 累计, 小计, 总计), 初
// (期初, 年初), 结转 or 承前, or is ASCII starting with t/s/g/o/b (total, subtotal, grand total,
// opening balance, balance forward/brought forward, b/f).
bool might_be_marker(std::string_view cell) {
  const bool ascii = std::all_of(cell.begin(), cell.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (!ascii) return contains(cell, "计") || contains(cell, "初") || contains(cell, "结转") || contains(cell, "承前");
  const char first = static_cast<char>(cell[0] | 0x20);   // ASCII letter to lower case
  return first == 't' || first == 's' || first == 'g' || first == 'o' || first == 'b';
}

}  // namespace

RowMark row_mark(const ImportedFile& file, size_t row) {
  for (const Column& c : file.columns) {
    if (c.type != ColumnType::text || row >= c.text.size()) continue;
    const std::string_view cell = trim_cell(c.text.at(row));
    if (cell.empty() || cell.size() > kMaxMarkerCellBytes || !might_be_marker(cell)) continue;
    if (is_subtotal_label(cell)) return RowMark::subtotal;
    if (is_opening_label(cell)) return RowMark::opening;
  }
  return RowMark::entry;
}

int terms_days_of_cell(const ImportedFile& file, int column, size_t row) {
  constexpr int kMaxTermsDays = 3650;
  if (column < 0) return -1;
  const Column& c = file.columns[static_cast<size_t>(column)];
  if (c.type == ColumnType::integer || c.type == ColumnType::decimal) {
    const int64_t cents = row < c.cents.size() ? c.cents[row] : kMissingCents;
    if (cents == kMissingCents || cents < 0 || cents % 100 != 0 || cents / 100 > kMaxTermsDays) return -1;
    return static_cast<int>(cents / 100);
  }
  const std::string_view cell = cell_text(file, column, row);
  if (cell.empty()) return -1;
  // "Net 30", "月结30天", "30 days", "N30": the first run of ASCII digits.
  size_t i = 0;
  while (i < cell.size() && !(cell[i] >= '0' && cell[i] <= '9')) ++i;
  if (i < cell.size()) {
    int days = 0;
    for (; i < cell.size() && cell[i] >= '0' && cell[i] <= '9'; ++i) {
      days = days * 10 + (cell[i] - '0');
      if (days > kMaxTermsDays) return -1;
    }
    return days;
  }
  if (cell.size() > kMaxMarkerCellBytes) return -1;
  char buffer[kMaxMarkerCellBytes];
  const std::string_view lower = ascii_lower(cell, buffer);
  for (std::string_view word : {"due on receipt", "on receipt", "upon receipt", "due upon receipt", "payable on receipt",
                                 "cod", "c.o.d.", "cash", "immediate"})
    if (lower == word) return 0;
  for (std::string_view zh : {"货到付款", "貨到付款", "现结", "現結", "现款", "現款", "见票即付", "見票即付", "即付"})
    if (contains(cell, zh)) return 0;
  return -1;
}

std::string cents_text(int64_t cents) {
  const bool negative = cents < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", negative ? "-" : "",
                static_cast<unsigned long long>(magnitude / 100), static_cast<unsigned long long>(magnitude % 100));
  return buffer;
}

std::string date_text(int32_t days) {
  if (days == kMissingDays) return "(no date)";
  const CivilDate d = civil_from_days(days);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

std::string generated_invoice_id(const ImportedFile& file, uint64_t line) {
  // File name without directories: ids stay the same wherever the file was read from.
  // A workbook's sheets each have their own rows (issue #18): the sheet is part of the id.
  return file_base_name(file.name) + ":" + (file.sheet.empty() ? "" : file.sheet + ":") + std::to_string(line);
}

std::string file_base_name(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

// A workbook's rows are Excel's row numbers: "book.xlsx:Payments row 12" (issue #18).
std::string where(const ImportedFile& file, uint64_t line) {
  return file.label() + (file.sheet.empty() ? " line " : " row ") + std::to_string(line);
}

// [SECTION] notes

void NoteLog::note(const std::string& kind, std::string text) {
  if (++count_by_kind_[kind] <= kNotesPerKind) notes_.push_back(std::move(text));
}

void NoteLog::assume(std::string_view text) {
  for (const std::string& a : assumptions_)
    if (a == text) return;
  assumptions_.emplace_back(text);
}

void NoteLog::finish(Ledger& ledger) {
  for (std::string& n : notes_) ledger.notes.push_back(std::move(n));
  for (const auto& [kind, count] : count_by_kind_)
    if (count > kNotesPerKind)
      ledger.notes.push_back("… and " + std::to_string(count - kNotesPerKind) + " more: " + kind);
  for (std::string& a : assumptions_) ledger.assumptions.push_back(std::move(a));
  notes_.clear();
  assumptions_.clear();
  count_by_kind_.clear();
}

}  // namespace overdue::ledger_detail
