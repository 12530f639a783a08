// A general ledger told by its content (include/overdue/import/general_ledger_kind.hpp).
#include "overdue/import/general_ledger_kind.hpp"

#include "overdue/roles/receivables_account.hpp"
#include "overdue/roles/roles.hpp"
#include "overdue/roles/synonyms.hpp"
#include "overdue/text/value_parsers.hpp"

namespace overdue {
namespace {

// Two distinct accounts or more, one of them the receivables account (by name or code). The match
// is tried once per run of equal cells: a ledger is sorted by account or by date, never random.
bool holds_general_ledger_accounts(const Column& column) {
  std::string_view first, previous;
  bool first_seen = false, several = false, receivables = false;
  for (size_t i = 0; i < column.text.size() && !(several && receivables); ++i) {
    const std::string_view cell = trim_cell(column.text.at(i));
    if (is_missing_marker(cell, true)) continue;
    if (!first_seen) {
      first = cell;
      first_seen = true;
    } else if (cell != first) {
      several = true;
    }
    if (cell != previous && match_receivables_account(cell).receivables) receivables = true;
    previous = cell;
  }
  return several && receivables;
}

int account_column(const ImportedFile& file) {
  for (size_t c = 0; c < file.columns.size(); ++c)
    if (file.columns[c].role == Role::account) return static_cast<int>(c);
  return -1;
}

}  // namespace

TableKind kind_by_content(const ImportedFile& file, TableKind decided) {
  if (decided != TableKind::running_ledger) return decided;
  // The account role's column, and role-less columns headed like an account: the reader joins
  // them ("Account Code" 1200 + "Account Name" Accounts Receivable), so either may tell.
  for (const Column& column : file.columns)
    if ((column.role == Role::account ||
         (column.role == Role::none && !column.derived && file.header && header_names_account(column.name))) &&
        holds_general_ledger_accounts(column))
      return TableKind::general_ledger;
  return decided;
}

void recognise_general_ledger(ImportedFile& file) {
  if (file.table_kind != TableKind::running_ledger || !file.header) return;
  if (kind_by_content(file, file.table_kind) == TableKind::general_ledger) {
    file.table_kind = TableKind::general_ledger;
    return;
  }
  // A column headed like an account that another role took ("Account Name" read as the customer
  // beside "Account Code"): its accounts decide, and its role moves on.
  const int existing = account_column(file);
  int chosen = -1;
  for (size_t c = 0; c < file.columns.size() && chosen < 0; ++c) {
    const Column& column = file.columns[c];
    if (static_cast<int>(c) != existing && !column.role_set_by_user && header_names_account(column.name) &&
        holds_general_ledger_accounts(column))
      chosen = static_cast<int>(c);
  }
  if (chosen < 0) return;
  Column& account = file.columns[static_cast<size_t>(chosen)];
  const Role freed = account.role;
  // With an account column already, this one is joined to it by the reader (role none).
  account.role = existing >= 0 ? Role::none : Role::account;
  if (freed != Role::none) {
    // The freed role to the column whose header offers it most strongly (ties: the earlier one).
    int best = -1, best_strength = 0;
    for (size_t c = 0; c < file.columns.size(); ++c) {
      const Column& column = file.columns[c];
      if (static_cast<int>(c) == chosen || column.role != Role::none || column.derived) continue;
      for (const RoleCandidate& cand : synonym_candidates(normalize_header(column.name)))
        if (cand.role == freed && cand.strength > best_strength) {
          best = static_cast<int>(c);
          best_strength = cand.strength;
        }
    }
    if (best >= 0) file.columns[static_cast<size_t>(best)].role = freed;
  }
  file.table_kind = TableKind::general_ledger;
}

}  // namespace overdue
