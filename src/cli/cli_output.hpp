// Writing the commands' outputs (shared by command_analyze.cpp and command_model.cpp): a file or
// stdout, and an output directory.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace overdue::cli {

// Writes `text` to `path`, or to stdout when path is empty or "-". False when it cannot.
bool write_output(const std::string& path, const std::string& text);
// write_output, and on failure "overdue-lens: PATH: cannot write the file" on stderr.
bool write_output_or_report(const std::string& path, const std::string& text);
// Writes what `produce` hands to the sink it gets, piece by piece as it comes (a 1 M-row analysis
// is hundreds of MB: never held whole), to `path` or stdout; reports a failure like
// write_output_or_report.
using Producer = std::function<void(const std::function<void(std::string_view)>& sink)>;
bool stream_output_or_report(const std::string& path, const Producer& produce);
// Creates DIR if it is missing (one level, like `mkdir`); true when it exists afterwards.
bool ensure_directory(const std::string& dir);

}  // namespace overdue::cli
