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
  const int account = account_column(file);
  if (account >= 0 && holds_general_ledger_accounts(file.columns[static_cast<size_t>(account)]))
    return TableKind::general_ledger;
  return decided;
}

void recognise_general_ledger(ImportedFile& file) {
  if (file.table_kind != TableKind::running_ledger || !file.header) return;
  // An account column already (a header spelled "account"): its content decides.
  if (account_column(file) >= 0) {
    file.table_kind = kind_by_content(file, file.table_kind);
    return;
  }
  int chosen = -1;
  for (size_t c = 0; c < file.columns.size() && chosen < 0; ++c) {
    const Column& column = file.columns[c];
    if (!column.role_set_by_user && header_names_account(column.name) && holds_general_ledger_accounts(column))
      chosen = static_cast<int>(c);
  }
  if (chosen < 0) return;
  Column& account = file.columns[static_cast<size_t>(chosen)];
  const Role freed = account.role;
  account.role = Role::account;
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
