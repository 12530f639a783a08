// A zip archive's central directory and its entries read a chunk at a time (stored or deflate,
// through zlib's raw inflate). The archive's bytes are the caller's and must outlive the reader.
// Refuses what could exhaust memory: an entry over kMaxEntryBytes uncompressed, or whose
// compression ratio exceeds kMaxCompressionRatio (a zip bomb), both by the directory's sizes and
// while inflating (a directory may lie).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/text/file_error.hpp"

namespace overdue {

struct ZipEntry {
  std::string name;            // as stored ("xl/worksheets/sheet1.xml")
  uint16_t method = 0;         // 0 stored, 8 deflate
  uint16_t flags = 0;          // bit 0: encrypted (refused)
  uint32_t crc32 = 0;
  uint64_t compressed = 0;
  uint64_t uncompressed = 0;
  uint64_t local_header = 0;   // offset of the local file header
};

class ZipArchive {
 public:
  // Reads the end-of-central-directory record (zip64 too) and the directory. On failure error()
  // says why in words a user can act on ("not a complete zip file: truncated or damaged").
  explicit ZipArchive(std::string_view bytes);
  const std::string& error() const { return error_; }
  FileErrorKind error_kind() const { return error_kind_; }
  const std::vector<ZipEntry>& entries() const { return entries_; }
  // The entry with this name, nullptr when absent. An exact match first; failing that, one that
  // differs only in ASCII case or uses '\' for '/' (OPC part names compare case-insensitively,
  // and a few writers use backslashes).
  const ZipEntry* find(std::string_view name) const;
  std::string_view bytes() const { return bytes_; }

  static constexpr uint64_t kMaxEntryBytes = 1ull << 30;   // 1 GB
  static constexpr uint64_t kMaxCompressionRatio = 200;

 private:
  std::string_view bytes_;
  std::vector<ZipEntry> entries_;
  std::string error_;
  FileErrorKind error_kind_ = FileErrorKind::none;
};

// Inflates one entry in chunks: next() returns the next piece (a view valid until the next call;
// at most max_bytes, at least one byte before the end; max_bytes 0 counts as 1), empty at the end
// or on error. At the end the CRC-32 and size are checked; on a mismatch the last piece is
// withheld (error() says why). Refusals by the directory's sizes (encrypted, unsupported method,
// over 1 GB, ratio over 200 from 1 MB on) are known right after construction: error() is set and
// done() is true before any next(). The ratio rule is in zip_archive.cpp.
class ZipEntryReader {
 public:
  ZipEntryReader(const ZipArchive& archive, const ZipEntry& entry);
  ~ZipEntryReader();
  ZipEntryReader(ZipEntryReader&&) noexcept;
  ZipEntryReader& operator=(ZipEntryReader&&) noexcept;

  std::string_view next(size_t max_bytes = 64 * 1024);
  bool done() const;                 // the whole entry was read (or an error stopped it)
  const std::string& error() const;  // non-empty: damaged data, CRC mismatch, a bomb refused
  FileErrorKind error_kind() const;
  uint64_t produced() const;         // uncompressed bytes returned so far
  uint64_t consumed() const;         // compressed bytes so far (for progress)

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A whole (small) entry: workbook.xml, relationships, styles. Empty with error set on failure.
std::string read_zip_entry(const ZipArchive& archive, const ZipEntry& entry, FileError& error);

}  // namespace overdue
