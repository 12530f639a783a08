// overdue-lens: the OverdueLens core on the command line (DESIGN.md §8). Built natively and,
// with Emscripten, as a node program (overdue-lens.js) whose output must match byte for byte.
//   overdue-lens inspect FILE...     detection results as JSON (issue #2)
// Later: analyze, model (one command_<name>.cpp each, registered in kCommands below).
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli_commands.hpp"

namespace overdue::cli {
namespace {

constexpr const char* kVersion = "overdue-lens 0.1.0";

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
};
const Command kCommands[] = {
    {"inspect", run_inspect},
};

}  // namespace

void print_usage(bool to_stderr) {
  std::fputs(
      "usage: overdue-lens <command> [options] FILE...\n"
      "\n"
      "commands:\n"
      "  inspect FILE...   read each CSV file and print, as one JSON document: its encoding,\n"
      "                    delimiter, header, rows read/accepted/rejected, each column's type\n"
      "                    and role, the table kind, rejected rows and cell errors\n"
      "\n"
      "options:\n"
      "  -h, --help        show this text\n"
      "  -V, --version     show the version\n"
      "\n"
      "exit status: 0 success, 1 a file could not be read, 2 wrong usage\n",
      to_stderr ? stderr : stdout);
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "overdue-lens: %s\n\n", message.c_str());
  print_usage(true);
  return kExitUsage;
}

}  // namespace overdue::cli

int main(int argc, char** argv) {
  using namespace overdue::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string& first = args[0];
  if (first == "-h" || first == "--help" || first == "help") {
    print_usage(false);
    return kExitOk;
  }
  if (first == "-V" || first == "--version") {
    std::printf("%s\n", kVersion);
    return kExitOk;
  }
  for (const Command& c : kCommands)
    if (first == c.name) {
      try {
        return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
      } catch (const std::exception& e) {  // never a crash: report and fail
        std::fprintf(stderr, "overdue-lens: internal error: %s\n", e.what());
        return kExitBadInput;
      }
    }
  if (first.size() > 1 && first[0] == '-') return usage_error("unknown option '" + first + "'");
  return usage_error("unknown command '" + first + "'");
}
