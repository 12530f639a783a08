// Writing the commands' outputs (shared by command_analyze.cpp and command_model.cpp): a file or
// stdout, and an output directory.
#pragma once
#include <string>

namespace overdue::cli {

// Writes `text` to `path`, or to stdout when path is empty or "-". False when it cannot.
bool write_output(const std::string& path, const std::string& text);
// write_output, and on failure "overdue-lens: PATH: cannot write the file" on stderr.
bool write_output_or_report(const std::string& path, const std::string& text);
// Creates DIR if it is missing (one level, like `mkdir`); true when it exists afterwards.
bool ensure_directory(const std::string& dir);

}  // namespace overdue::cli
