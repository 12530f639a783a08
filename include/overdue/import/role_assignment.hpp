// Column roles and the table kind of an imported table, from the roles vocabulary (roles/roles.hpp).
#pragma once
#include <string>

#include "overdue/import/table.hpp"
#include "overdue/roles/roles.hpp"

namespace overdue {

// Sets Column::role (except where role_set_by_user) and ImportedFile::table_kind from the headers
// and the column types. Derived columns (days late, 逾期天数, 账龄, …) never get an input role.
void assign_roles(ImportedFile& file);

// Table kind from the roles now set (after the user changed some).
TableKind decide_table_kind(const ImportedFile& file);

}  // namespace overdue
