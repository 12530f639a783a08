// The user's column-role corrections outside the mapping screen: `analyze --map ROLE=COLUMN`
// (every file with that column) and `--map FILE:ROLE=COLUMN` (only the file with that base name;
// FILE:SHEET for one sheet of a workbook, FILE for all its sheets).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "overdue/import/table.hpp"

namespace overdue {

struct RoleOverride {
  std::string file;    // base name of the file it is limited to (or FILE:SHEET); empty: every file
  Role role = Role::none;  // Role::none clears the column's role ("none" in ROLE=COLUMN)
  std::string column;  // column name as the file's header has it
  // header_signature() of the files it is limited to; empty: any. The page remembers the user's
  // role choices this way, so next month's export with the same columns (under any file name)
  // is mapped the same. An override whose signature no file has is not an error: it waits for
  // its kind of file.
  std::string signature;
};

// A file's header signature: 16 hex digits of FNV-1a (64-bit) over its column names in order,
// each followed by a 0x1F byte. Files with the same header have the same signature.
std::string header_signature(const ImportedFile& file);

// The role as ROLE=COLUMN spells it: its name, or "none".
std::string_view role_override_name(Role role);

// Parses "ROLE=COLUMN" or "FILE:ROLE=COLUMN" (the first '=' ends the role, so a column name may
// contain '=' or ':'). Returns an empty string on success, else what is wrong.
std::string parse_role_override(std::string_view text, RoleOverride& out);

// For every file the override applies to that has the column (exact header text, else the same
// normalize_header() form): sets the role, marks it set by the user, clears that role from the
// file's other columns (a role names one column), re-types the touched columns (a money role makes
// a lone "-" zero, …) and re-decides the table kind. Returns one message per override that matched
// no column in any file it applies to (empty: all applied).
std::vector<std::string> apply_role_overrides(std::vector<ImportedFile>& files,
                                              const std::vector<RoleOverride>& overrides);

}  // namespace overdue
