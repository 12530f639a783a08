// The zip container (APPNOTE.TXT 6.3.x): the end-of-central-directory record found by scanning
// back from the end, zip64's locator/record and extra field, the central directory read into
// entries, and an entry's data through its local header, stored or raw deflate (zlib).
//
// Every offset and size comes from the file and is checked against the bytes before use: a
// truncated or damaged file gives an error, never a read out of bounds.
//
// [SECTION] little-endian reads
// [SECTION] end of central directory (zip64 too)
// [SECTION] central directory
// [SECTION] entry reader: limits, local header, stored, deflate
#include "workbook/zip_archive.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace overdue {

namespace {

// [SECTION] little-endian reads --------------------------------------------------------------

// Callers check `at + width <= bytes.size()` first; these only assemble the value.
uint16_t u16(std::string_view b, uint64_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t u32(std::string_view b, uint64_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint64_t u64(std::string_view b, uint64_t at) {
  return static_cast<uint64_t>(u32(b, at)) | (static_cast<uint64_t>(u32(b, at + 4)) << 32);
}
// True when [at, at + length) lies inside bytes, without overflowing.
bool fits(std::string_view b, uint64_t at, uint64_t length) {
  return at <= b.size() && length <= b.size() - at;
}

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr uint64_t kEndSize = 22, kZip64LocatorSize = 20, kZip64EndSize = 56;
constexpr uint64_t kCentralSize = 46, kLocalHeaderSize = 30;
constexpr uint64_t kMaxComment = 65535;

const char kTruncated[] = "not a complete zip file: truncated or damaged";
const char kSpanned[] = "a zip split across several files (a spanned archive): not supported";

// [SECTION] end of central directory (zip64 too) ---------------------------------------------

struct Directory {
  uint64_t offset = 0, size = 0, entries = 0;
  uint64_t end = 0;      // where the directory must end: the zip64 record or the end record
  bool zip64 = false;
};

// The end record closest to the end whose comment length fits the file. A comment may contain
// the signature itself, so an exact fit (record + comment = the rest of the file) is preferred;
// some writers leave junk after the comment, so a record that merely fits is the fallback.
bool find_end_record(std::string_view b, uint64_t& at) {
  if (b.size() < kEndSize) return false;
  const uint64_t last = b.size() - kEndSize;
  const uint64_t first = last > kMaxComment ? last - kMaxComment : 0;
  bool fallback_found = false;
  uint64_t fallback = 0;
  for (uint64_t pos = last + 1; pos-- > first;) {
    if (u32(b, pos) != kEndSig) continue;
    const uint64_t comment = u16(b, pos + 20);
    if (pos + kEndSize + comment == b.size()) {
      at = pos;
      return true;
    }
    if (!fallback_found && pos + kEndSize + comment <= b.size()) {
      fallback_found = true;
      fallback = pos;
    }
  }
  at = fallback;
  return fallback_found;
}

std::string read_end(std::string_view b, Directory& dir) {
  uint64_t end_at = 0;
  if (!find_end_record(b, end_at)) return kTruncated;
  const uint16_t disk = u16(b, end_at + 4), cd_disk = u16(b, end_at + 6);
  const uint16_t on_disk = u16(b, end_at + 8);
  dir.entries = u16(b, end_at + 10);
  dir.size = u32(b, end_at + 12);
  dir.offset = u32(b, end_at + 16);
  dir.end = end_at;

  // zip64: a locator right before the end record points to the zip64 end record, whose 64-bit
  // fields replace the 16/32-bit ones (which a zip64 writer sets to 0xFFFF / 0xFFFFFFFF).
  const bool has_locator = end_at >= kZip64LocatorSize && u32(b, end_at - kZip64LocatorSize) == kZip64LocatorSig;
  if (has_locator) {
    const uint64_t locator = end_at - kZip64LocatorSize;
    const uint64_t record = u64(b, locator + 8);
    if (record > locator || locator - record < kZip64EndSize || u32(b, record) != kZip64EndSig)
      return std::string(kTruncated) + " (zip64 end record)";
    if (u32(b, record + 16) != 0 || u32(b, record + 20) != 0 || u64(b, record + 24) != u64(b, record + 32))
      return std::string(kSpanned);
    dir.entries = u64(b, record + 32);
    dir.size = u64(b, record + 40);
    dir.offset = u64(b, record + 48);
    dir.end = record;
    dir.zip64 = true;
  } else {
    if (disk != 0 || cd_disk != 0 || on_disk != dir.entries)
      return std::string(kSpanned);
    if (dir.entries == 0xFFFF || dir.size == 0xFFFFFFFF || dir.offset == 0xFFFFFFFF)
      return std::string(kTruncated) + " (zip64 locator missing)";
  }
  if (dir.offset > dir.end || dir.size > dir.end - dir.offset) return kTruncated;
  return "";
}

// [SECTION] central directory ----------------------------------------------------------------

// The zip64 extra field (id 1) holds, in this order, only the values whose 32-bit field is
// 0xFFFFFFFF: uncompressed size, compressed size, local header offset.
bool apply_zip64_extra(std::string_view extra, ZipEntry& e) {
  const bool need_u = e.uncompressed == 0xFFFFFFFF, need_c = e.compressed == 0xFFFFFFFF,
             need_o = e.local_header == 0xFFFFFFFF;
  if (!need_u && !need_c && !need_o) return true;
  uint64_t at = 0;
  while (fits(extra, at, 4)) {
    const uint16_t id = u16(extra, at), length = u16(extra, at + 2);
    if (!fits(extra, at + 4, length)) return false;
    if (id == 1) {
      std::string_view field = extra.substr(at + 4, length);
      uint64_t f = 0;
      auto take = [&](uint64_t& value) {
        if (!fits(field, f, 8)) return false;
        value = u64(field, f);
        f += 8;
        return true;
      };
      return (!need_u || take(e.uncompressed)) && (!need_c || take(e.compressed)) && (!need_o || take(e.local_header));
    }
    at += 4 + length;
  }
  return false;  // 0xFFFFFFFF with no zip64 field to replace it
}

std::string read_directory(std::string_view b, const Directory& dir, std::vector<ZipEntry>& entries) {
  const std::string_view cd = b.substr(dir.offset, dir.size);
  // Each entry takes at least 46 bytes: a count beyond that is a lie, not a reason to reserve.
  if (dir.entries > cd.size() / kCentralSize) return kTruncated;
  entries.reserve(dir.entries);
  uint64_t at = 0;
  while (at < cd.size()) {
    if (!fits(cd, at, kCentralSize) || u32(cd, at) != kCentralSig) return kTruncated;
    ZipEntry e;
    e.flags = u16(cd, at + 8);
    e.method = u16(cd, at + 10);
    e.crc32 = u32(cd, at + 16);
    e.compressed = u32(cd, at + 20);
    e.uncompressed = u32(cd, at + 24);
    const uint64_t name_length = u16(cd, at + 28), extra_length = u16(cd, at + 30), comment_length = u16(cd, at + 32);
    e.local_header = u32(cd, at + 42);
    if (!fits(cd, at + kCentralSize, name_length + extra_length + comment_length)) return kTruncated;
    e.name.assign(cd.substr(at + kCentralSize, name_length));
    if (!apply_zip64_extra(cd.substr(at + kCentralSize + name_length, extra_length), e)) return kTruncated;
    // The local header (30 bytes at least) lies before the directory.
    if (e.local_header > dir.offset || dir.offset - e.local_header < kLocalHeaderSize) return kTruncated;
    entries.push_back(std::move(e));
    at += kCentralSize + name_length + extra_length + comment_length;
  }
  // Without zip64 the 16-bit count wraps for 65,536 entries or more; the walk is the truth then.
  const uint64_t count = entries.size();
  if (count != dir.entries && (dir.zip64 || (count & 0xFFFF) != dir.entries)) return kTruncated;
  return "";
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) : bytes_(bytes) {
  Directory dir;
  error_ = read_end(bytes_, dir);
  if (error_.empty()) error_ = read_directory(bytes_, dir, entries_);
  if (!error_.empty()) entries_.clear();
  if (!error_.empty()) error_kind_ = error_ == kSpanned ? FileErrorKind::unsupported_format : FileErrorKind::damaged_workbook;
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  for (const ZipEntry& e : entries_)
    if (e.name == name) return &e;
  // Open Packaging Conventions compare part names as case-insensitive ASCII (ECMA-376 part 2,
  // §6.2.2.3), and a few writers use '\' as the separator: accept both when no exact match.
  auto same = [](std::string_view stored, std::string_view wanted) {
    if (stored.size() != wanted.size()) return false;
    for (size_t i = 0; i < stored.size(); ++i) {
      char a = stored[i] == '\\' ? '/' : stored[i], c = wanted[i];
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (a != c) return false;
    }
    return true;
  };
  for (const ZipEntry& e : entries_)
    if (same(e.name, name)) return &e;
  return nullptr;
}

// [SECTION] entry reader: limits, local header, stored, deflate -------------------------------

namespace {

// The ratio rule. A real part can compress very well when it is small (a 2 KB [Content_Types].xml
// of repeated tags, the shared strings of a column of one repeated text), so the ratio is only
// judged once the uncompressed bytes reach kRatioFloor (1 MB):
//   refused  when  uncompressed >= 1 MB  and  uncompressed > 200 × compressed
// checked on the directory's sizes before reading, and while inflating at every whole MB of output
// (1 MB, 2 MB, …) on the bytes produced and consumed so far — a directory may declare padding as
// compressed data. Checking at fixed output positions (inflate is stopped exactly there) keeps the
// outcome independent of the chunk sizes a caller asks for. Deflate cannot exceed about 1032:1, so
// 200 leaves a wide margin for real sheet XML (typically 5–30:1); Apache POI's ZipSecureFile
// refuses at 100:1 past 100 KB by default.
constexpr uint64_t kRatioFloor = 1u << 20;

bool ratio_too_high(uint64_t uncompressed, uint64_t compressed) {
  if (uncompressed < kRatioFloor) return false;
  return uncompressed / ZipArchive::kMaxCompressionRatio > compressed ||
         (uncompressed / ZipArchive::kMaxCompressionRatio == compressed &&
          uncompressed % ZipArchive::kMaxCompressionRatio != 0);
}

std::string method_name(uint16_t method) {
  switch (method) {
    case 1: return "shrink";
    case 6: return "implode";
    case 9: return "deflate64";
    case 12: return "bzip2";
    case 14: return "LZMA";
    case 93: return "Zstandard";
    case 95: return "XZ";
    case 98: return "PPMd";
    case 99: return "AES encryption";
    default: return "method " + std::to_string(method);
  }
}

}  // namespace

struct ZipEntryReader::State {
  std::string name;
  uint16_t method = 0;
  uint32_t expected_crc = 0;
  uint64_t expected_size = 0;
  std::string_view data;  // the compressed bytes
  uint64_t consumed = 0, produced = 0;
  uint32_t crc = 0;
  bool finished = false;
  std::string error;
  FileErrorKind error_kind = FileErrorKind::none;
  z_stream z{};
  bool z_open = false;
  std::unique_ptr<char[]> buffer;
  size_t buffer_size = 0;

  ~State() {
    if (z_open) inflateEnd(&z);
  }
  void fail(FileErrorKind kind, std::string why) {
    error = std::move(why);
    error_kind = kind;
    finished = true;
  }
  // At the end of the data (`total` bytes in all, the last piece included): the size and CRC-32
  // must be the directory's. On a mismatch the last piece is withheld, so produced() stays the
  // count of bytes returned.
  void finish(uint64_t total) {
    finished = true;
    if (total != expected_size || crc != expected_crc) error_kind = FileErrorKind::damaged_workbook;
    if (total != expected_size)
      error = "damaged: size mismatch in " + name + " (" + std::to_string(total) + " bytes, the directory says " +
              std::to_string(expected_size) + ")";
    else if (crc != expected_crc)
      error = "damaged: checksum mismatch in " + name;
  }
  void add_crc(const char* p, size_t n) {
    crc = static_cast<uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(p), static_cast<uInt>(n)));
  }
  void open(const ZipArchive& archive, const ZipEntry& entry);
  std::string_view next_stored(size_t max_bytes);
  std::string_view next_deflated(size_t max_bytes);
};

std::string_view ZipEntryReader::State::next_stored(size_t max_bytes) {
  const uint64_t left = data.size() - consumed;
  const size_t n = static_cast<size_t>(std::min<uint64_t>(left, max_bytes));
  std::string_view piece = data.substr(consumed, n);
  add_crc(piece.data(), piece.size());
  consumed += n;
  if (consumed == data.size()) finish(produced + n);
  if (!error.empty()) return {};
  produced += n;
  return piece;
}

std::string_view ZipEntryReader::State::next_deflated(size_t max_bytes) {
  // One byte beyond the declared size is room enough to see that the directory lied; a piece
  // ends at the next whole MB, where the ratio is checked.
  const uint64_t room = expected_size - produced + 1;
  const uint64_t to_milestone = kRatioFloor - produced % kRatioFloor;
  const size_t want = static_cast<size_t>(std::min<uint64_t>(max_bytes, std::min(room, to_milestone)));
  if (buffer_size < want) {
    buffer.reset(new char[want]);
    buffer_size = want;
  }
  z.next_out = reinterpret_cast<Bytef*>(buffer.get());
  z.avail_out = static_cast<uInt>(want);
  size_t got = 0;
  while (z.avail_out > 0) {
    const uint64_t in_left = data.size() - consumed;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));
    z.avail_in = static_cast<uInt>(std::min<uint64_t>(in_left, 1u << 30));
    const uInt in_before = z.avail_in, out_before = z.avail_out;
    const int rc = inflate(&z, Z_NO_FLUSH);
    consumed += in_before - z.avail_in;
    got += out_before - z.avail_out;
    const uint64_t so_far = produced + got;
    if (so_far > expected_size) {
      fail(FileErrorKind::damaged_workbook, name + " holds more data than its directory says (" + std::to_string(expected_size) +
           " bytes): refused as damaged or a possible zip bomb");
      return {};
    }
    if (so_far > ZipArchive::kMaxEntryBytes) {
      fail(FileErrorKind::too_large, name + " refused: it would expand to more than 1 GB");
      return {};
    }
    if (so_far % kRatioFloor == 0 && ratio_too_high(so_far, consumed)) {
      fail(FileErrorKind::too_large, name + ": compression ratio over " + std::to_string(ZipArchive::kMaxCompressionRatio) +
           ": refused as a possible zip bomb");
      return {};
    }
    if (rc == Z_STREAM_END) {
      add_crc(buffer.get(), got);
      finish(so_far);
      if (!error.empty()) return {};
      produced = so_far;
      return std::string_view(buffer.get(), got);
    }
    if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR) {
      fail(FileErrorKind::damaged_workbook, "damaged: the compressed data of " + name + " is corrupt");
      return {};
    }
    if (rc == Z_MEM_ERROR) {
      fail(FileErrorKind::out_of_memory, "out of memory while inflating " + name);
      return {};
    }
    // Z_OK or Z_BUF_ERROR: no progress with no input left means the data ends early.
    if (consumed == data.size() && z.avail_out > 0 && out_before == z.avail_out && in_before == 0) {
      fail(FileErrorKind::damaged_workbook, "damaged: the compressed data of " + name + " ends early (truncated)");
      return {};
    }
  }
  add_crc(buffer.get(), got);
  produced += got;
  return std::string_view(buffer.get(), got);
}

void ZipEntryReader::State::open(const ZipArchive& archive, const ZipEntry& entry) {
  State& s = *this;
  s.name = entry.name;
  s.method = entry.method;
  s.expected_crc = entry.crc32;
  s.expected_size = entry.uncompressed;
  const std::string_view b = archive.bytes();
  if (!archive.error().empty()) return s.fail(archive.error_kind(), archive.error());
  if (entry.flags & 1) return s.fail(FileErrorKind::unsupported_format, entry.name + " is encrypted (a zip with a password): not supported");
  if (entry.method != 0 && entry.method != 8)
    return s.fail(FileErrorKind::unsupported_format, entry.name + " is compressed with " + method_name(entry.method) +
                  ", which is not supported (only stored and deflate)");
  if (entry.uncompressed > ZipArchive::kMaxEntryBytes)
    return s.fail(FileErrorKind::too_large, entry.name + " refused: it would expand to more than 1 GB");
  if (entry.method == 8 && ratio_too_high(entry.uncompressed, entry.compressed))
    return s.fail(FileErrorKind::too_large, entry.name + ": compression ratio over " + std::to_string(ZipArchive::kMaxCompressionRatio) +
                  ": refused as a possible zip bomb");
  if (entry.method == 0 && entry.compressed != entry.uncompressed)
    return s.fail(FileErrorKind::damaged_workbook, "damaged: " + entry.name + " is stored with two different sizes");
  // The local header repeats the name and has its own extra field (its lengths may differ from
  // the directory's); its sizes may be zero (a data descriptor follows the data: flag bit 3), so
  // the sizes are the directory's.
  const uint64_t lh = entry.local_header;
  if (!fits(b, lh, kLocalHeaderSize) || u32(b, lh) != kLocalHeaderSig)
    return s.fail(FileErrorKind::damaged_workbook, std::string(kTruncated) + " (" + entry.name + ")");
  const uint64_t start = lh + kLocalHeaderSize + u16(b, lh + 26) + u16(b, lh + 28);
  if (!fits(b, start, entry.compressed)) return s.fail(FileErrorKind::damaged_workbook, std::string(kTruncated) + " (" + entry.name + ")");
  s.data = b.substr(start, entry.compressed);
  if (entry.method == 8) {
    if (inflateInit2(&s.z, -15) != Z_OK) return s.fail(FileErrorKind::out_of_memory, "out of memory while inflating " + entry.name);
    s.z_open = true;
  } else if (entry.uncompressed == 0) {
    s.finish(0);
  }
}

ZipEntryReader::ZipEntryReader(const ZipArchive& archive, const ZipEntry& entry) : state_(std::make_unique<State>()) {
  state_->open(archive, entry);
}

ZipEntryReader::~ZipEntryReader() = default;
ZipEntryReader::ZipEntryReader(ZipEntryReader&&) noexcept = default;
ZipEntryReader& ZipEntryReader::operator=(ZipEntryReader&&) noexcept = default;

std::string_view ZipEntryReader::next(size_t max_bytes) {
  State& s = *state_;
  if (s.finished) return {};
  max_bytes = std::clamp<size_t>(max_bytes, 1, size_t{1} << 30);
  return s.method == 0 ? s.next_stored(max_bytes) : s.next_deflated(max_bytes);
}
bool ZipEntryReader::done() const { return state_->finished; }
const std::string& ZipEntryReader::error() const { return state_->error; }
FileErrorKind ZipEntryReader::error_kind() const { return state_->error_kind; }
uint64_t ZipEntryReader::produced() const { return state_->produced; }
uint64_t ZipEntryReader::consumed() const { return state_->consumed; }

std::string read_zip_entry(const ZipArchive& archive, const ZipEntry& entry, FileError& error) {
  ZipEntryReader reader(archive, entry);
  std::string out;
  // The declared size may lie: reserve no more than 16 MB on its word.
  if (reader.error().empty()) out.reserve(static_cast<size_t>(std::min<uint64_t>(entry.uncompressed, 1u << 24)));
  while (!reader.done()) {
    const std::string_view piece = reader.next(1u << 20);
    out.append(piece.data(), piece.size());
  }
  error = FileError{reader.error_kind(), reader.error()};
  if (!error.empty()) return {};
  return out;
}

}  // namespace overdue
