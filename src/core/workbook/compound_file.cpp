// OLE2 compound files ([MS-CFB]): the header, the FAT (its sectors listed by the header's DIFAT
// and the DIFAT chain), and the directory chain's 128-byte entries, enough to list the stream
// names. Every sector number is checked against the file, and every chain is cut off after as
// many steps as the file has sectors (a longer chain loops).
#include "workbook/compound_file.hpp"

#include <cstdint>
#include <optional>
#include "overdue/text/utf8.hpp"

namespace overdue {

namespace {

constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kFreeSector = 0xFFFFFFFF;
constexpr uint32_t kMaxRegularSector = 0xFFFFFFFA;  // larger values are markers
constexpr size_t kHeaderDifatEntries = 109;
constexpr size_t kDirectoryEntrySize = 128;

uint16_t u16(std::string_view b, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t u32(std::string_view b, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[3]) << 24);
}


// UTF-16LE code units to UTF-8; an unpaired surrogate becomes U+FFFD.
std::string utf16le_to_utf8(std::string_view b) {
  std::string out;
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    uint32_t c = u16(b, i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < b.size()) {
      const uint32_t low = u16(b, i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        utf8::append_code_point(out, 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    utf8::append_code_point(out, c);
  }
  return out;
}

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view bytes) : b_(bytes) {}

  // The directory's names, or nothing when the file is not a readable compound file.
  std::optional<std::vector<std::string>> names() {
    if (!read_header() || !read_fat()) return std::nullopt;
    std::vector<std::string> out;
    uint32_t sector = first_directory_sector_;
    for (size_t steps = 0; sector != kEndOfChain; ++steps) {
      if (steps > sector_count_) return std::nullopt;  // a loop in the chain
      std::string_view s;
      if (!sector_bytes(sector, s)) return std::nullopt;
      for (size_t at = 0; at < s.size(); at += kDirectoryEntrySize) {
        const std::string_view entry = s.substr(at, kDirectoryEntrySize);
        const uint8_t type = static_cast<uint8_t>(entry[66]);
        if (type != 1 && type != 2) continue;  // unallocated (0), the root (5), or garbage
        // The name's length in bytes includes its terminating NUL (at most 32 UTF-16 units).
        const uint16_t length = u16(entry, 64);
        if (length < 2 || length > 64 || length % 2 != 0) continue;
        out.push_back(utf16le_to_utf8(entry.substr(0, length - 2)));
      }
      sector = next(sector);
    }
    return out;
  }

 private:
  bool read_header() {
    static const char kSignature[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if (b_.size() < 512 || b_.substr(0, 8) != std::string_view(kSignature, 8)) return false;
    if (u16(b_, 28) != 0xFFFE) return false;  // byte order mark
    shift_ = u16(b_, 30);
    if (shift_ != 9 && shift_ != 12) return false;  // 512-byte (v3) or 4096-byte (v4) sectors
    sector_size_ = size_t{1} << shift_;
    // Sector n starts at (n + 1) × sector size: the header fills sector "-1".
    // Only whole sectors count: a cut file is damaged, not a directory with fewer names.
    sector_count_ = b_.size() >> shift_;
    sector_count_ = sector_count_ > 0 ? sector_count_ - 1 : 0;
    fat_sectors_ = u32(b_, 44);
    first_directory_sector_ = u32(b_, 48);
    first_difat_sector_ = u32(b_, 68);
    difat_sectors_ = u32(b_, 72);
    return fat_sectors_ <= sector_count_ && difat_sectors_ <= sector_count_;
  }

  // The bytes of a whole sector of the file.
  bool sector_bytes(uint32_t sector, std::string_view& out) const {
    if (sector > kMaxRegularSector || sector >= sector_count_) return false;
    const size_t at = (static_cast<size_t>(sector) + 1) << shift_;
    if (at > b_.size() || b_.size() - at < sector_size_) return false;
    out = b_.substr(at, sector_size_);
    return true;
  }

  // The FAT sectors are listed by the header (109 of them) and then by the DIFAT chain, whose
  // sectors hold (sector size / 4 − 1) numbers and the next DIFAT sector's number.
  bool read_fat() {
    std::vector<uint32_t> fat_sector_list;
    for (size_t i = 0; i < kHeaderDifatEntries && fat_sector_list.size() < fat_sectors_; ++i)
      fat_sector_list.push_back(u32(b_, 76 + 4 * i));
    uint32_t difat = first_difat_sector_;
    for (size_t steps = 0; fat_sector_list.size() < fat_sectors_; ++steps) {
      if (steps >= difat_sectors_ || steps > sector_count_) return false;
      std::string_view s;
      if (!sector_bytes(difat, s)) return false;
      const size_t per_sector = sector_size_ / 4 - 1;
      for (size_t i = 0; i < per_sector && fat_sector_list.size() < fat_sectors_; ++i)
        fat_sector_list.push_back(u32(s, 4 * i));
      difat = u32(s, 4 * per_sector);
    }
    fat_.reserve(fat_sector_list.size() * (sector_size_ / 4));
    for (uint32_t sector : fat_sector_list) {
      std::string_view s;
      if (!sector_bytes(sector, s)) return false;
      for (size_t at = 0; at < s.size(); at += 4) fat_.push_back(u32(s, at));
    }
    return true;
  }

  // The sector after this one in its chain; a sector the FAT does not cover ends nothing well,
  // so it reads as a free sector, which sector_bytes() refuses.
  uint32_t next(uint32_t sector) const { return sector < fat_.size() ? fat_[sector] : kFreeSector; }

  std::string_view b_;
  unsigned shift_ = 9;
  size_t sector_size_ = 512;
  size_t sector_count_ = 0;
  uint32_t fat_sectors_ = 0, first_directory_sector_ = 0, first_difat_sector_ = 0, difat_sectors_ = 0;
  std::vector<uint32_t> fat_;
};

bool same_name(std::string_view a, std::string_view b) {  // compound-file names ignore case
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool ends_with_ignoring_case(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && same_name(s.substr(s.size() - tail.size()), tail);
}

}  // namespace

std::vector<std::string> compound_file_names(std::string_view bytes) {
  CompoundFile file(bytes);
  auto names = file.names();
  return names ? std::move(*names) : std::vector<std::string>{};
}

// Order matters. A password-protected .xlsx (ECMA-376 agile or standard encryption, [MS-OFFCRYPTO])
// is a compound file with EncryptionInfo and EncryptedPackage streams: say "password" first, since
// that is what the user can fix. WPS .et files are BIFF-based like .xls (WPS also writes its
// WpsCustomData/KSOProduct streams into the .xls and .doc files it saves), so their streams do not
// tell them from an .xls: the file name does (.et, .ett). Then a Workbook (BIFF8) or Book (BIFF5)
// stream is an Excel 97–2003 .xls.
CompoundFileKind classify_compound_file(std::string_view bytes, std::string_view file_name) {
  CompoundFile file(bytes);
  const auto names = file.names();
  if (!names) return CompoundFileKind::damaged;
  for (const std::string& n : *names)
    if (same_name(n, "EncryptionInfo") || same_name(n, "EncryptedPackage")) return CompoundFileKind::encrypted_workbook;
  if (ends_with_ignoring_case(file_name, ".et") || ends_with_ignoring_case(file_name, ".ett"))
    return CompoundFileKind::wps_spreadsheet;
  for (const std::string& n : *names)
    if (same_name(n, "Workbook") || same_name(n, "Book")) return CompoundFileKind::excel_97_2003;
  return CompoundFileKind::other;
}

}  // namespace overdue
