// Zips and compound files made in the test itself, byte by byte, so that a test can plant exactly
// the damage it checks (a lying size, a wrong CRC, an encrypted flag, a loop in a sector chain).
// Zips from a real writer come from Python's zipfile (make_zip_with_python).
#pragma once
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace ziptest {

inline void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
inline void put64(std::string& s, uint64_t v) {
  put32(s, static_cast<uint32_t>(v));
  put32(s, static_cast<uint32_t>(v >> 32));
}
inline void set32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Raw deflate (no zlib header), as a zip entry holds it.
inline std::string deflate_raw(std::string_view data, int level = 6) {
  z_stream z{};
  deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline uint32_t crc_of(std::string_view data) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

struct Entry {
  std::string name;
  std::string data;  // uncompressed
  uint16_t method = 8;
  uint16_t flags = 0;
  bool zip64 = false;            // sizes and offset in the central zip64 extra field
  bool data_descriptor = false;  // flag bit 3: zeros in the local header, a descriptor after the data
  std::string local_extra;       // extra field in the local header only
  // Lies the directory tells (applied after the true values are computed).
  std::optional<uint64_t> declared_uncompressed, declared_compressed;
  std::optional<uint32_t> declared_crc;
  std::string after_data;        // bytes after the compressed data, counted in the declared size
  std::optional<std::string> raw;  // compressed bytes to store instead of the real ones
};

struct Options {
  std::string comment;
  bool zip64_end = false;  // zip64 end record + locator, 0xFFFF/0xFFFFFFFF in the classic one
};

inline std::string make_zip(const std::vector<Entry>& entries, const Options& options = {}) {
  std::string out, central;
  for (const Entry& e : entries) {
    std::string packed = e.raw ? *e.raw : (e.method == 8 ? deflate_raw(e.data) : e.data);
    packed += e.after_data;
    const uint64_t offset = out.size();
    const uint32_t crc = e.declared_crc.value_or(crc_of(e.data));
    const uint64_t csize = e.declared_compressed.value_or(packed.size());
    const uint64_t usize = e.declared_uncompressed.value_or(e.data.size());
    const uint16_t flags = static_cast<uint16_t>(e.flags | (e.data_descriptor ? 8 : 0));
    put32(out, 0x04034b50);
    put16(out, e.zip64 ? 45 : 20);
    put16(out, flags);
    put16(out, e.method);
    put16(out, 0);
    put16(out, 0x21);
    put32(out, e.data_descriptor ? 0 : crc);
    put32(out, e.data_descriptor ? 0 : static_cast<uint32_t>(csize));
    put32(out, e.data_descriptor ? 0 : static_cast<uint32_t>(usize));
    put16(out, static_cast<uint32_t>(e.name.size()));
    put16(out, static_cast<uint32_t>(e.local_extra.size()));
    out += e.name;
    out += e.local_extra;
    out += packed;
    if (e.data_descriptor) {
      put32(out, 0x08074b50);
      put32(out, crc);
      put32(out, static_cast<uint32_t>(csize));
      put32(out, static_cast<uint32_t>(usize));
    }
    std::string extra;
    if (e.zip64) {
      put16(extra, 1);
      put16(extra, 24);
      put64(extra, usize);
      put64(extra, csize);
      put64(extra, offset);
    }
    put32(central, 0x02014b50);
    put16(central, 45);
    put16(central, e.zip64 ? 45 : 20);
    put16(central, flags);
    put16(central, e.method);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, crc);
    put32(central, e.zip64 ? 0xFFFFFFFF : static_cast<uint32_t>(csize));
    put32(central, e.zip64 ? 0xFFFFFFFF : static_cast<uint32_t>(usize));
    put16(central, static_cast<uint32_t>(e.name.size()));
    put16(central, static_cast<uint32_t>(extra.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, e.zip64 ? 0xFFFFFFFF : static_cast<uint32_t>(offset));
    central += e.name;
    central += extra;
  }
  const uint64_t cd_offset = out.size();
  out += central;
  if (options.zip64_end) {
    const uint64_t record = out.size();
    put32(out, 0x06064b50);
    put64(out, 44);
    put16(out, 45);
    put16(out, 45);
    put32(out, 0);
    put32(out, 0);
    put64(out, entries.size());
    put64(out, entries.size());
    put64(out, central.size());
    put64(out, cd_offset);
    put32(out, 0x07064b50);
    put32(out, 0);
    put64(out, record);
    put32(out, 1);
  }
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, options.zip64_end ? 0xFFFF : static_cast<uint32_t>(entries.size()));
  put16(out, options.zip64_end ? 0xFFFF : static_cast<uint32_t>(entries.size()));
  put32(out, options.zip64_end ? 0xFFFFFFFF : static_cast<uint32_t>(central.size()));
  put32(out, options.zip64_end ? 0xFFFFFFFF : static_cast<uint32_t>(cd_offset));
  put16(out, static_cast<uint32_t>(options.comment.size()));
  out += options.comment;
  return out;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a Python script (with `out` bound to the output path) and returns the file it wrote, or ""
// when python3 failed. Debian's python3 first: python3-xlsxwriter and python3-openpyxl are its
// packages (a pyenv python3 earlier on PATH lacks them).
inline std::string make_with_python(const std::string& tag, const std::string& script) {
  const std::string python = std::ifstream("/usr/bin/python3").good() ? "/usr/bin/python3" : "python3";
  const std::string dir = std::string(OL_SOURCE_DIR) + "/build";
  const std::string py = dir + "/ziptest_" + tag + ".py", out = dir + "/ziptest_" + tag + ".bin";
  {
    std::ofstream f(py, std::ios::binary);
    f << "out = r'''" << out << "'''\n" << script;
  }
  std::remove(out.c_str());
  if (std::system((python + " '" + py + "'").c_str()) != 0) return "";
  std::string bytes = read_file(out);
  std::remove(py.c_str());
  std::remove(out.c_str());
  return bytes;
}

// [SECTION] compound files (OLE2, [MS-CFB]) --------------------------------------------------

struct CompoundOptions {
  unsigned shift = 9;             // 9: 512-byte sectors (v3), 12: 4096-byte sectors (v4)
  size_t fat_sectors = 1;         // more than 109 puts the rest in DIFAT sectors
  bool directory_loop = false;    // the directory chain's last sector points back to its first
  bool fat_sector_out_of_range = false;
};

// A compound file with these stream names (all empty) under the root. Layout: FAT sectors, DIFAT
// sectors, directory sectors.
inline std::string make_compound(const std::vector<std::u16string>& names, const CompoundOptions& o = {}) {
  const size_t ss = size_t{1} << o.shift;
  const size_t per_difat = ss / 4 - 1;
  const size_t difat_sectors = o.fat_sectors > 109 ? (o.fat_sectors - 109 + per_difat - 1) / per_difat : 0;
  const size_t entries = names.size() + 1;
  const size_t dir_sectors = (entries * 128 + ss - 1) / ss;
  const size_t first_difat = o.fat_sectors, first_dir = o.fat_sectors + difat_sectors;
  const size_t total = first_dir + dir_sectors;

  std::string header;
  header += std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  header += std::string(16, '\0');
  put16(header, 0x3E);
  put16(header, o.shift == 12 ? 4 : 3);
  put16(header, 0xFFFE);
  put16(header, o.shift);
  put16(header, 6);
  header += std::string(6, '\0');
  put32(header, o.shift == 12 ? static_cast<uint32_t>(dir_sectors) : 0);
  put32(header, static_cast<uint32_t>(o.fat_sectors));
  put32(header, static_cast<uint32_t>(first_dir));
  put32(header, 0);
  put32(header, 4096);
  put32(header, 0xFFFFFFFE);
  put32(header, 0);
  put32(header, difat_sectors ? static_cast<uint32_t>(first_difat) : 0xFFFFFFFE);
  put32(header, static_cast<uint32_t>(difat_sectors));
  for (size_t i = 0; i < 109; ++i) {
    uint32_t v = i < o.fat_sectors ? static_cast<uint32_t>(i) : 0xFFFFFFFF;
    if (i == 0 && o.fat_sector_out_of_range) v = 100000;
    put32(header, v);
  }
  header.resize(ss, '\0');

  std::vector<uint32_t> fat(o.fat_sectors * ss / 4, 0xFFFFFFFF);
  for (size_t i = 0; i < o.fat_sectors; ++i) fat[i] = 0xFFFFFFFD;
  for (size_t i = 0; i < difat_sectors; ++i) fat[first_difat + i] = 0xFFFFFFFC;
  for (size_t i = 0; i < dir_sectors; ++i)
    fat[first_dir + i] = i + 1 < dir_sectors ? static_cast<uint32_t>(first_dir + i + 1)
                                             : (o.directory_loop ? static_cast<uint32_t>(first_dir) : 0xFFFFFFFE);
  std::string body;
  for (uint32_t v : fat) put32(body, v);
  for (size_t d = 0; d < difat_sectors; ++d) {
    std::string s;
    for (size_t i = 0; i < per_difat; ++i) {
      const size_t k = 109 + d * per_difat + i;
      put32(s, k < o.fat_sectors ? static_cast<uint32_t>(k) : 0xFFFFFFFF);
    }
    put32(s, d + 1 < difat_sectors ? static_cast<uint32_t>(first_difat + d + 1) : 0xFFFFFFFE);
    body += s;
  }
  std::string dir;
  auto entry = [&](const std::u16string& name, uint8_t type, uint32_t child, uint32_t right) {
    std::string e;
    for (char16_t c : name) put16(e, c);
    put16(e, 0);
    e.resize(64, '\0');
    put16(e, static_cast<uint32_t>((name.size() + 1) * 2));
    e += static_cast<char>(type);
    e += static_cast<char>(1);  // black
    put32(e, 0xFFFFFFFF);       // left
    put32(e, right);
    put32(e, child);
    e.resize(116, '\0');
    put32(e, 0xFFFFFFFE);  // start sector
    put64(e, 0);           // size
    dir += e;
  };
  // The streams hang off the root as a right-leaning list (a valid, if unbalanced, tree).
  entry(u"Root Entry", 5, names.empty() ? 0xFFFFFFFF : 1, 0xFFFFFFFF);
  for (size_t i = 0; i < names.size(); ++i)
    entry(names[i], 2, 0xFFFFFFFF, i + 1 < names.size() ? static_cast<uint32_t>(i + 2) : 0xFFFFFFFF);
  dir.resize(dir_sectors * ss, '\0');
  body += dir;
  (void)total;
  return header + body;
}

}  // namespace ziptest
