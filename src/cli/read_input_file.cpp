// Chunked file reading for the CLI: the whole file is never held in memory at once; the
// importer keeps its state across chunk borders (issue #2). Error texts are our own, not
// strerror(), so the native and the wasm CLI (node's file system under NODERAWFS) agree.
#include "read_input_file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "overdue/import/importer.hpp"

namespace overdue::cli {
namespace {

constexpr size_t kChunkBytes = 1 << 20;  // 1 MiB: large enough for throughput, small in memory

std::string open_error_text(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES: return "permission denied";
    case EISDIR: return "is a directory";
    default: return "cannot open the file";
  }
}

ImportedFile failed(const std::string& path, const std::string& error) {
  ImportedFile f;
  f.name = file_name_of(path);
  f.error = error;
  return f;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string file_name_of(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

ImportedFile import_file_at(const std::string& path, const ImportOptions& options) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return failed(path, open_error_text(errno));
  if (S_ISDIR(info.st_mode)) return failed(path, open_error_text(EISDIR));
  std::unique_ptr<std::FILE, FileCloser> in(std::fopen(path.c_str(), "rb"));
  if (!in) return failed(path, open_error_text(errno));

  FileImporter importer(file_name_of(path), options);
  importer.expect_total_bytes(static_cast<uint64_t>(info.st_size));  // storage reserved once, no growth copies
  std::vector<char> buffer(kChunkBytes);
  for (;;) {
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get());
    if (n > 0) importer.feed(std::string_view(buffer.data(), n));
    if (n < buffer.size()) {
      if (std::ferror(in.get())) return failed(path, "read error");
      break;
    }
  }
  return importer.finish();
}

std::string read_text_file(const std::string& path, std::string& out) {
  out.clear();
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return open_error_text(errno);
  if (S_ISDIR(info.st_mode)) return open_error_text(EISDIR);
  std::unique_ptr<std::FILE, FileCloser> in(std::fopen(path.c_str(), "rb"));
  if (!in) return open_error_text(errno);
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get());
    out.append(buffer.data(), n);
    if (n < buffer.size()) return std::ferror(in.get()) ? "read error" : "";
  }
}

}  // namespace overdue::cli
