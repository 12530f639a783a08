// A general ledger told by its content (issue #17 item 4). The table-kind rules
// (roles/kind_rules.cpp) call a file with an account, a debit and a credit column a general ledger
// only when it has no customer column; a Xero- or QuickBooks-style general ledger with a Name or
// Contact column then reads as a running ledger of the accounts. The account column's values
// decide: two accounts or more, one of them the receivables account → a general ledger. One
// account only (用友 往来对账单: 科目 应收账款 on every row) stays a running ledger.
#pragma once
#include "overdue/import/table.hpp"

namespace overdue {

// After assign_roles: a running ledger whose account-named column (科目名称, Account Name …)
// holds general-ledger content becomes a general ledger; that column takes the account role, and
// the role it held (an "Account Name" read as the customer's name) goes to the next column whose
// header offers it ("Name"). Columns the user mapped are never changed.
void recognise_general_ledger(ImportedFile& file);

// The kind after a role edit: `decided` (decide_table_kind), or general_ledger when it is a
// running ledger whose account column holds general-ledger content.
TableKind kind_by_content(const ImportedFile& file, TableKind decided);

}  // namespace overdue
