// The `inspect` JSON document (issue #2): the same bytes from the native CLI, the wasm CLI and the
// page's window.overdueLens.summary().files.
#pragma once
#include <string>
#include <vector>

#include "overdue/import/table.hpp"

namespace overdue {

// {"files":[ … one object per file … ]}, compact, keys in a fixed order, ending without newline.
std::string inspect_json(const std::vector<ImportedFile>& files);
// One file's object, as it appears inside "files".
std::string inspect_file_json(const ImportedFile& file);

}  // namespace overdue
