// Reads a file from disk into the core's streaming importer, in chunks (the CLI's only file I/O).
#pragma once
#include <string>

#include "overdue/import/importer.hpp"

namespace overdue::cli {

// Imports the file at `path`. The result is named after the path's last component, as the page
// names a dropped file, so the CLI and the page print the same JSON for the same file.
// A file that cannot be opened or read gets ImportedFile::error.
ImportedFile import_file_at(const std::string& path, const ImportOptions& options = {});

// Reads a small text file (a settings file) whole. Returns "" on success, else the error text
// (the same words as import_file_at's).
std::string read_text_file(const std::string& path, std::string& out);

// The last component of a path ("data/a.csv" → "a.csv").
std::string file_name_of(const std::string& path);

}  // namespace overdue::cli
