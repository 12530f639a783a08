// Column roles and table kinds (DESIGN.md §1): guessed from Chinese and English header names,
// correctable by the user.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/roles/role.hpp"

namespace overdue {


// Header lower-cased, with spaces, underscores, punctuation and camelCase boundaries removed
// ("Due_Date", "dueDate", "due date" → "duedate"). Chinese text is kept as it is.
std::string normalize_header(std::string_view header);

// Hints the typing step needs before roles are final.
bool header_suggests_date(std::string_view header);   // 日期, date, due, … (allows Excel serials, yyyymmdd)
bool header_suggests_money(std::string_view header);  // 金额, amount, 借方, balance, …
// An identifier's header (issue #17): id, no, number, code, ref, #, 编号, 编码, 代码, 单号, 号码, …
// ("Customer No", "cust_number", "doc_id", "Invoice #", 客户编码) and not a count ("Number of
// …"), a money or a date header. Its column keeps the text as written (roles/identifier_hint.cpp).
bool header_suggests_identifier(std::string_view header);
// Roles whose cells are identifiers or names, compared and shown as written, never as numbers:
// customer_id, customer_name, invoice_id, account.
bool role_is_identifier(Role role);
// A header the role tables know: a synonym of some role, or a derived column ("days late",
// 账龄, "1-30"). Lets the header detector recognise a header row by its words.
bool header_is_known(std::string_view header);

}  // namespace overdue
