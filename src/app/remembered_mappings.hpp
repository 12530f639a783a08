// Column roles the user chose on the mapping screen, remembered per header signature (issue #6:
// "column mappings per file signature" in the settings): next month's export with the same
// columns, under any file name, is mapped the same as soon as it is read. They travel with the
// settings (download, localStorage) as "mappings" entries with a "signature".
#pragma once
#include <string>

#include "overdue/roles/role.hpp"

namespace app {

class AppState;
struct LoadedFile;

// Records the choice (Role::none clears) for files with `file`'s header, replacing an earlier choice
// for the same column or the same role.
void remember_mapping(AppState& state, const LoadedFile& file, size_t column, overdue::Role role);
// Applies the remembered choices for `file`'s header to it (after it was read). True if any did.
bool apply_remembered_mappings(AppState& state, LoadedFile& file);

}  // namespace app
