// Output files of the commands (cli_output.hpp).
#include "cli_output.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <memory>

namespace overdue::cli {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::unique_ptr<std::FILE, FileCloser> out(std::fopen(path.c_str(), "wb"));
  if (!out) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), out.get()) == text.size();
  return std::fclose(out.release()) == 0 && ok;
}

bool write_output_or_report(const std::string& path, const std::string& text) {
  if (write_output(path, text)) return true;
  std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", path.c_str());
  return false;
}

bool stream_output_or_report(const std::string& path, const Producer& produce) {
  const bool to_stdout = path.empty() || path == "-";
  std::unique_ptr<std::FILE, FileCloser> file(to_stdout ? nullptr : std::fopen(path.c_str(), "wb"));
  std::FILE* out = to_stdout ? stdout : file.get();
  bool ok = out != nullptr;
  if (ok) {
    produce([&](std::string_view piece) {
      if (ok && std::fwrite(piece.data(), 1, piece.size(), out) != piece.size()) ok = false;
    });
    ok = (to_stdout ? std::fflush(stdout) == 0 : std::fclose(file.release()) == 0) && ok;
  }
  if (!ok) std::fprintf(stderr, "overdue-lens: %s: cannot write the file\n", path.c_str());
  return ok;
}

bool ensure_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST) {
    struct stat st {};
    return ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  }
  return false;
}

}  // namespace overdue::cli
