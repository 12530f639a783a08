// The typed vocabulary of column roles and table kinds (DESIGN.md §1). The core compares these
// enums; the names are spoken only at the edges (JSON, the CLI's --map, settings files, the
// mapping screen) through one role_name()/parse_role() and table_kind_name()/parse_table_kind()
// pair each.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace overdue {

// In the order the mapping screen lists them (all_roles()); `none` is a column without a role.
enum class Role : uint8_t {
  none,
  customer_id, customer_name, invoice_id, invoice_date, due_date, terms_days, amount, paid_amount,
  paid_date, payment_date, payment_amount, contact, company, person_in_charge, credit_limit, segment,
  contact_date, channel, outcome, promised_date, promised_amount, entry_date, debit, credit, balance,
  direction, open_amount, currency, sales_rep, status, account, line_amount, disputed, target,
};

// `none` is a table whose kind was not recognised.
enum class TableKind : uint8_t {
  none,
  ledger, invoices, payments, running_ledger, customers, contacts, accounts, general_ledger,
};

std::string_view role_name(Role role);               // "customer_id", …; "" for none
bool parse_role(std::string_view name, Role& out);   // exact role names only; false otherwise
const std::vector<Role>& all_roles();                // every role but none, in the screen's order

std::string_view table_kind_name(TableKind kind);               // "ledger", …; "" for none
bool parse_table_kind(std::string_view name, TableKind& out);   // exact names only
const std::vector<TableKind>& all_table_kinds();                // every kind but none

bool role_is_money(Role role);
bool role_is_date(Role role);

}  // namespace overdue
