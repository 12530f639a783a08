// After typing and roles (see export_layout.hpp; issue #9):
//  * the totals check: each total or subtotal row's figure in a summable money column (amount,
//    open amount, paid amount, debit, credit — never a running balance or a derived bucket) is
//    compared with the sum of the data rows it covers: a subtotal covers the rows since the
//    previous group, label, subtotal or total row; a total covers the rows since the previous
//    total (or the file's start). A mismatch is reported (a note and a failed TotalCheck), never
//    fixed: the rows, not the printed total, make the analysis. 本年累计 is not checked (it also
//    holds months the export does not print).
//  * the currencies seen in the currency column.
#include <algorithm>
#include <cstdio>

#include "overdue/text/civil_date.hpp"
#include "import/export_layout.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/text/value_parsers.hpp"
#include "overdue/text/format.hpp"

namespace overdue {
namespace {

bool is_summable_role(Role role) {
  for (const Role r : {Role::amount, Role::open_amount, Role::paid_amount, Role::payment_amount, Role::debit, Role::credit})
    if (role == r) return true;
  return false;
}

// 本月合计 sums its month only: a ledger often prints it for the last month alone, so the rows it
// covers are those of the block dated in the month of the row's own date.
int32_t month_key(int32_t days) {
  if (days == kMissingDays) return kMissingDays;
  const CivilDate d = civil_from_days(days);
  return d.year * 12 + d.month;
}

bool is_monthly(const SummaryRow& s) {
  return std::any_of(s.cells.begin(), s.cells.end(),
                     [](const std::string& c) { return c == "本月合计" || c == "本月合計"; });
}

// Month of a monthly total from its own date cell (the first date-typed column with a role).
int32_t summary_month(const ImportedFile& file, const SummaryRow& s, int& date_column) {
  date_column = -1;
  for (size_t c = 0; c < file.columns.size() && c < s.cells.size(); ++c) {
    const Column& col = file.columns[c];
    if (col.type != ColumnType::date || col.role == Role::none) continue;
    date_column = static_cast<int>(c);
    const ParsedDate d = parse_date(s.cells[c], DateAllowances{});
    return d.ok() && !d.order_matters() ? month_key(d.days) : kMissingDays;
  }
  return kMissingDays;
}

void check_totals(ImportedFile& file) {
  ExportLayout& layout = file.layout;
  const DecimalMark mark = file.delimiter == ';' ? DecimalMark::comma : DecimalMark::point;
  size_t failed = 0;
  for (const SummaryRow& s : layout.summary_rows) {
    if (!s.checkable) continue;
    int date_column = -1;
    const int32_t month = is_monthly(s) ? summary_month(file, s, date_column) : kMissingDays;
    for (size_t c = 0; c < file.columns.size() && c < s.cells.size(); ++c) {
      const Column& col = file.columns[c];
      if (!is_summable_role(col.role) || col.derived) continue;
      if (col.type != ColumnType::integer && col.type != ColumnType::decimal) continue;
      if (trim_cell(s.cells[c]).empty()) continue;
      const ParsedNumber stated = parse_number(trim_cell(s.cells[c]), mark, true);
      if (!stated.ok()) continue;
      TotalCheck check;
      check.line = s.line;
      check.column = col.name;
      check.stated_cents = stated.cents;
      bool overflow = false;
      for (size_t r = s.block_begin; r < s.rows_before && r < col.cents.size(); ++r) {
        if (col.cents[r] == kMissingCents) continue;
        if (month != kMissingDays &&
            month_key(file.columns[static_cast<size_t>(date_column)].days[r]) != month)
          continue;
        overflow =
            overflow || __builtin_add_overflow(check.sum_cents, col.cents[r], &check.sum_cents);
        ++check.rows;
      }
      if (overflow) continue;
      if (!check.ok() && ++failed <= 20)
        file.notes.push_back("totals check: line " + std::to_string(s.line) + " (" + s.reason +
                             ") states " + money_text(check.stated_cents) + " for " + col.name +
                             ", the " + std::to_string(check.rows) + " rows above it add up to " +
                             money_text(check.sum_cents) + " (reported, not corrected)");
      layout.total_checks.push_back(std::move(check));
    }
  }
  if (failed > 20)
    file.notes.push_back("totals check: " + std::to_string(failed - 20) + " more mismatches");
  if (failed == 0 && !layout.total_checks.empty())
    file.notes.push_back("totals check: " + std::to_string(layout.total_checks.size()) +
                         " figures on total rows agree with the rows above them");
}

void note_currencies(ImportedFile& file) {
  constexpr size_t kMaxCurrencies = 20;
  std::vector<std::string> seen;
  for (const Column& col : file.columns) {
    if (col.role != Role::currency) continue;
    for (size_t r = 0; r < col.text.size(); ++r) {
      const std::string_view c = trim_cell(col.text.at(r));
      if (c.empty() || std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
      if (seen.size() == kMaxCurrencies) break;
      seen.emplace_back(c);
    }
    break;
  }
  std::sort(seen.begin(), seen.end());
  file.layout.currencies = std::move(seen);
}

}  // namespace

void recheck_totals(ImportedFile& file) { check_export_layout(file); }

void check_export_layout(ImportedFile& file) {
  // Run again after a role change: the previous findings go first.
  file.layout.total_checks.clear();
  auto& notes = file.notes;
  notes.erase(
      std::remove_if(notes.begin(), notes.end(),
                     [](const std::string& n) { return n.rfind("totals check: ", 0) == 0; }),
      notes.end());
  note_currencies(file);
  check_totals(file);
}

}  // namespace overdue
