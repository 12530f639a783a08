// Text helpers for matching column headers (internal to the core): the derived-column test and
// the word split used by the generic date/money hints. normalize_header itself is public
// (overdue/roles/roles.hpp) and implemented in role_header_text.cpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

// True for columns that are someone else's analysis, not inputs (DESIGN.md §1,
// EXPORT-FORMATS.md "Derived columns"): days late / days to settle / days overdue, age, aging,
// 逾期天数, 账龄, 超期天数, and aging-bucket columns such as "1-30", "31 - 60", "> 90", "90+",
// "0-30天", "365以上", "1年以内", "< 1 Month", "Older", "Current".
bool is_derived_header(std::string_view header);

// Lower-case ASCII words of a header, split at non-alphanumerics, camelCase boundaries and
// letter/digit changes: "dueDate_2" → {"due", "date", "2"}. Non-ASCII text separates words.
std::vector<std::string> header_words(std::string_view header);

}  // namespace overdue
