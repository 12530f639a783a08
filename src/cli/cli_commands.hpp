// The overdue-lens commands. main.cpp parses the command word and hands the rest of the
// arguments to one of these; each returns the process exit status (DESIGN.md §8: 0 success,
// 1 bad input, 2 wrong usage). One file per command: command_inspect.cpp, later
// command_analyze.cpp and command_model.cpp.
#pragma once
#include <string>
#include <vector>

namespace overdue::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

// Prints the usage text to stderr (after a usage error) or stdout (--help).
void print_usage(bool to_stderr);
// "overdue-lens: <message>" on stderr, then the usage text; returns kExitUsage.
int usage_error(const std::string& message);

// overdue-lens inspect FILE...
int run_inspect(const std::vector<std::string>& args);
// overdue-lens analyze FILES... [options]: receivables at an as-of date (issue #3)
int run_analyze(const std::vector<std::string>& args);
// overdue-lens model FILE --target COLUMN [options]: the credit-risk model lab (issue #5)
int run_model(const std::vector<std::string>& args);

}  // namespace overdue::cli
