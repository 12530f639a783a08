// Column roles and table kinds (DESIGN.md §1): guessed from Chinese and English header names,
// correctable by the user.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

// All role names, in the order the mapping screen lists them.
const std::vector<std::string>& all_roles();
// All table kinds: ledger, invoices, payments, running_ledger, customers, contacts, accounts.
const std::vector<std::string>& all_table_kinds();

// Header lower-cased, with spaces, underscores, punctuation and camelCase boundaries removed
// ("Due_Date", "dueDate", "due date" → "duedate"). Chinese text is kept as it is.
std::string normalize_header(std::string_view header);

// Hints the typing step needs before roles are final.
bool header_suggests_date(std::string_view header);   // 日期, date, due, … (allows Excel serials, yyyymmdd)
bool header_suggests_money(std::string_view header);  // 金额, amount, 借方, balance, …
// A header the role tables know: a synonym of some role, or a derived column ("days late",
// 账龄, "1-30"). Lets the header detector recognise a header row by its words.
bool header_is_known(std::string_view header);
bool role_is_money(std::string_view role);
bool role_is_date(std::string_view role);

}  // namespace overdue
