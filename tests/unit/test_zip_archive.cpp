// The zip container (src/core/workbook/zip_archive.cpp): directory, zip64, chunked reading,
// damage and zip bombs. Zips are made here (test_zip_support.hpp) or by Python's zipfile.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_zip_support.hpp"
#include "workbook/zip_archive.hpp"

using namespace overdue;
using ziptest::Entry;
using ziptest::make_zip;

namespace {

// Some text that compresses like a sheet does (varying numbers, repeated tags).
std::string sheet_like(size_t rows) {
  std::string s = "<?xml version=\"1.0\"?><worksheet><sheetData>";
  for (size_t r = 1; r <= rows; ++r)
    s += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
         std::to_string(r * 7919 % 100003) + "</v></c></row>";
  return s + "</sheetData></worksheet>";
}

struct Read {
  std::string bytes;
  std::string error;
  uint64_t produced = 0, consumed = 0;
  size_t pieces = 0;
};

Read read_in_chunks(const ZipArchive& zip, const ZipEntry& e, size_t chunk) {
  ZipEntryReader reader(zip, e);
  Read r;
  bool piece_too_long = false, piece_with_error = false;
  while (!reader.done()) {
    const std::string_view piece = reader.next(chunk);
    piece_too_long |= piece.size() > std::max<size_t>(chunk, 1);
    piece_with_error |= !reader.error().empty() && !piece.empty();
    r.bytes.append(piece.data(), piece.size());
    if (!piece.empty()) ++r.pieces;
    if (r.pieces > 100000000) break;  // a reader that never ends fails below instead of hanging
  }
  CHECK(!piece_too_long);
  CHECK(!piece_with_error);
  CHECK(reader.next(chunk).empty());  // stays at the end
  r.error = reader.error();
  r.produced = reader.produced();
  r.consumed = reader.consumed();
  return r;
}

std::string only_error(const std::string& zip_bytes, size_t chunk = 65536) {
  ZipArchive zip(zip_bytes);
  if (!zip.error().empty()) return zip.error();
  for (const ZipEntry& e : zip.entries()) {
    const Read r = read_in_chunks(zip, e, chunk);
    if (!r.error.empty()) return r.error;
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("zip: stored and deflate entries, found by name, read whole") {
  const std::string sheet = sheet_like(2000);
  Entry stored{"[Content_Types].xml", "<Types/>", 0};
  Entry deflated{"xl/worksheets/sheet1.xml", sheet, 8};
  Entry empty{"xl/empty.xml", "", 8};
  Entry empty_stored{"docProps/empty", "", 0};
  const std::string bytes = make_zip({stored, deflated, empty, empty_stored});
  ZipArchive zip(bytes);
  REQUIRE(zip.error().empty());
  REQUIRE(zip.entries().size() == 4);
  const ZipEntry* s = zip.find("xl/worksheets/sheet1.xml");
  REQUIRE(s != nullptr);
  CHECK(s->method == 8);
  CHECK(s->uncompressed == sheet.size());
  CHECK(s->compressed < sheet.size() / 3);
  CHECK(zip.find("xl/worksheets/sheet2.xml") == nullptr);
  // OPC part names compare as case-insensitive ASCII; a '\' separator is accepted.
  CHECK(zip.find("XL/Worksheets/Sheet1.xml") == s);
  FileError error;
  CHECK(read_zip_entry(zip, *s, error) == sheet);
  CHECK(error.empty());
  CHECK(read_zip_entry(zip, *zip.find("[Content_Types].xml"), error) == "<Types/>");
  CHECK(error.empty());
  CHECK(read_zip_entry(zip, *zip.find("xl/empty.xml"), error).empty());
  CHECK(error.empty());
  CHECK(read_zip_entry(zip, *zip.find("docProps/empty"), error).empty());
  CHECK(error.empty());
}

TEST_CASE("zip: every chunk size gives the same bytes, produced and consumed add up") {
  const std::string sheet = sheet_like(30000);  // ~1.3 MB of XML
  std::string random_bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) random_bytes += static_cast<char>((x = x * 1103515245 + 12345) >> 24);
  const std::string bytes = make_zip({{"sheet.xml", sheet, 8}, {"stored.xml", sheet, 0}, {"random.bin", random_bytes, 8}});
  ZipArchive zip(bytes);
  REQUIRE(zip.error().empty());
  for (const ZipEntry& e : zip.entries()) {
    const std::string& expected = e.name == "random.bin" ? random_bytes : sheet;
    for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{100}, size_t{4096}, size_t{65536},
                         size_t{1} << 20, size_t{64} << 20}) {
      if (chunk == 1 && e.name != "random.bin") continue;  // one byte at a time: once is enough
      CAPTURE(e.name);
      CAPTURE(chunk);
      const Read r = read_in_chunks(zip, e, chunk);
      CHECK(r.error.empty());
      CHECK(r.bytes == expected);
      CHECK(r.produced == expected.size());
      CHECK(r.consumed <= e.compressed);
      CHECK(r.consumed + 8 >= e.compressed);  // inflate reads (nearly) all of it
    }
  }
  // next(0) still makes progress.
  ZipEntryReader reader(zip, *zip.find("sheet.xml"));
  CHECK(reader.next(0).size() == 1);
}

TEST_CASE("zip: an archive comment, also one that holds the end signature, and the longest one") {
  const std::vector<Entry> entries{{"a.txt", "hello", 0}, {"b.txt", std::string(5000, 'b'), 8}};
  static const char fake_end[] = "PK\x05\x06 fake end record in the comment";
  for (const std::string& comment :
       {std::string("made by a test"), std::string(fake_end, sizeof fake_end - 1),
        std::string(65535, 'c')}) {
    ziptest::Options o;
    o.comment = comment;
    const std::string bytes = make_zip(entries, o);
    ZipArchive zip(bytes);
    REQUIRE(zip.error().empty());
    REQUIRE(zip.entries().size() == 2);
    FileError error;
    CHECK(read_zip_entry(zip, *zip.find("b.txt"), error) == std::string(5000, 'b'));
  }
}

TEST_CASE("zip: zip64 end record and zip64 extra fields in the directory") {
  Entry a{"xl/workbook.xml", "<workbook/>", 8};
  a.zip64 = true;
  Entry b{"xl/worksheets/sheet1.xml", sheet_like(500), 8};
  b.zip64 = true;
  Entry c{"plain.txt", "not zip64", 0};
  ziptest::Options o;
  o.zip64_end = true;
  const std::string bytes = make_zip({a, b, c}, o);
  ZipArchive zip(bytes);
  REQUIRE(zip.error().empty());
  REQUIRE(zip.entries().size() == 3);
  CHECK(zip.entries()[1].uncompressed == b.data.size());
  CHECK(zip.entries()[1].local_header > 0);
  FileError error;
  CHECK(read_zip_entry(zip, zip.entries()[0], error) == "<workbook/>");
  CHECK(read_zip_entry(zip, zip.entries()[1], error) == b.data);
  CHECK(read_zip_entry(zip, zip.entries()[2], error) == "not zip64");
  CHECK(error.empty());

  SUBCASE("0xFFFFFFFF in the directory without a zip64 field is damage") {
    std::string broken = bytes;
    const size_t extra_id = broken.find(std::string("\x01\x00\x18\x00", 4));
    REQUIRE(extra_id != std::string::npos);
    broken[extra_id] = 0x09;  // the field is no longer zip64's
    CHECK(contains(ZipArchive(broken).error(), "truncated or damaged"));
  }
  SUBCASE("0xFFFF in the end record without a zip64 locator is damage") {
    std::string broken = bytes;
    const size_t locator = broken.rfind(std::string("PK\x06\x07", 4));
    REQUIRE(locator != std::string::npos);
    broken[locator] = 'X';
    CHECK(contains(ZipArchive(broken).error(), "truncated or damaged"));
  }
}

TEST_CASE("zip: Python's zipfile — zip64 local headers, data descriptors, a comment") {
  const std::string bytes = ziptest::make_with_python("pyzip", R"(
import io, zipfile
class Unseekable(io.RawIOBase):
    def __init__(self): self.buf = bytearray()
    def writable(self): return True
    def write(self, b): self.buf += b; return len(b)
s = Unseekable()
with zipfile.ZipFile(s, 'w', zipfile.ZIP_DEFLATED) as z:   # unseekable: data descriptors
    z.writestr('[Content_Types].xml', '<Types/>' * 10)
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        f.write(b''.join(b'<row r="%d"><c><v>%d</v></c></row>' % (i, i * 31) for i in range(20000)))
    z.writestr(zipfile.ZipInfo('stored.txt'), 'stored text')
    z.comment = b'python'
open(out, 'wb').write(bytes(s.buf))
)");
  REQUIRE(!bytes.empty());
  ZipArchive zip(bytes);
  REQUIRE(zip.error().empty());
  REQUIRE(zip.entries().size() == 3);
  const ZipEntry* sheet = zip.find("xl/worksheets/sheet1.xml");
  REQUIRE(sheet != nullptr);
  CHECK((sheet->flags & 8) != 0);  // a data descriptor follows the data
  std::string expected;
  for (int i = 0; i < 20000; ++i)
    expected += "<row r=\"" + std::to_string(i) + "\"><c><v>" + std::to_string(i * 31) + "</v></c></row>";
  FileError error;
  CHECK(read_zip_entry(zip, *sheet, error) == expected);
  CHECK(error.empty());
  CHECK(read_zip_entry(zip, *zip.find("stored.txt"), error) == "stored text");
  CHECK(only_error(bytes, 333).empty());
}

TEST_CASE("zip: Python's zipfile — zip64 directory fields and end record") {
  // zipfile writes zip64 structures past its limits; lowering them before close() makes it write
  // them for a small archive (the extra field in the directory, the zip64 end record, the locator).
  const std::string bytes = ziptest::make_with_python("pyzip64", R"(
import io, zipfile
b = io.BytesIO()
z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
z.writestr('xl/sharedStrings.xml', b'<sst>' + b'<si><t>Paid</t></si>' * 400 + b'</sst>')
z.writestr('b.txt', 'b')
zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 1, 1
z.close()
open(out, 'wb').write(b.getvalue())
)");
  REQUIRE(!bytes.empty());
  REQUIRE(bytes.find(std::string("PK\x06\x06", 4)) != std::string::npos);  // a zip64 end record
  ZipArchive zip(bytes);
  REQUIRE(zip.error().empty());
  REQUIRE(zip.entries().size() == 2);
  std::string expected = "<sst>";
  for (int i = 0; i < 400; ++i) expected += "<si><t>Paid</t></si>";
  expected += "</sst>";
  FileError error;
  CHECK(read_zip_entry(zip, *zip.find("xl/sharedStrings.xml"), error) == expected);
  CHECK(read_zip_entry(zip, *zip.find("b.txt"), error) == "b");
  CHECK(error.empty());
}

TEST_CASE("zip: workbooks from xlsxwriter and openpyxl — every part reads, in any chunk size") {
  for (const char* writer : {"xlsxwriter", "openpyxl"}) {
    CAPTURE(writer);
    const std::string script = std::string(writer) == "xlsxwriter" ? R"(
import xlsxwriter
wb = xlsxwriter.Workbook(out)
ws = wb.add_worksheet('Invoices')
for r in range(3000):
    ws.write_row(r, 0, ['INV-%05d' % r, 'Customer %d' % (r % 40), r * 1.25, '2024-03-%02d' % (r % 28 + 1)])
wb.close()
)" : R"(
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
for r in range(3000):
    ws.append(['INV-%05d' % r, 'Customer %d' % (r % 40), r * 1.25])
wb.save(out)
)";
    const std::string bytes = ziptest::make_with_python(writer, script);
    REQUIRE(!bytes.empty());
    ZipArchive zip(bytes);
    REQUIRE(zip.error().empty());
    REQUIRE(zip.find("xl/workbook.xml") != nullptr);
    REQUIRE(zip.find("xl/worksheets/sheet1.xml") != nullptr);
    for (const ZipEntry& e : zip.entries()) {
      CAPTURE(e.name);
      FileError error;
      const std::string whole = read_zip_entry(zip, e, error);
      CHECK(error.empty());
      CHECK(whole.size() == e.uncompressed);
      const Read r = read_in_chunks(zip, e, 333);
      CHECK(r.error.empty());
      CHECK(r.bytes == whole);
    }
    FileError error;
    const std::string sheet = read_zip_entry(zip, *zip.find("xl/worksheets/sheet1.xml"), error);
    CHECK(sheet.find("<sheetData>") != std::string::npos);
  }
}

TEST_CASE("zip: data descriptors and a local extra field of their own") {
  Entry a{"a.xml", sheet_like(100), 8};
  a.data_descriptor = true;
  Entry b{"b.xml", "bbb", 0};
  b.local_extra = std::string("\x99\x99\x04\x00" "abcd", 8);
  const std::string bytes = make_zip({a, b});
  CHECK(only_error(bytes).empty());
  ZipArchive zip(bytes);
  FileError error;
  CHECK(read_zip_entry(zip, *zip.find("b.xml"), error) == "bbb");
}

TEST_CASE("zip: every prefix of a zip is an error, never a crash") {
  const std::string bytes =
      make_zip({{"[Content_Types].xml", "<Types/>", 0}, {"xl/worksheets/sheet1.xml", sheet_like(50), 8}});
  REQUIRE(only_error(bytes).empty());
  for (size_t n = 0; n < bytes.size(); ++n) {
    CAPTURE(n);
    const std::string prefix = bytes.substr(0, n);
    ZipArchive zip(prefix);
    CHECK(contains(zip.error(), "not a complete zip file: truncated or damaged"));
    CHECK(zip.entries().empty());
    // An entry of the whole file against the cut one is refused too, never read beyond the end.
    ZipEntryReader reader(zip, ZipArchive(bytes).entries()[1]);
    CHECK(reader.next().empty());
    CHECK(!reader.error().empty());
  }
}

TEST_CASE("zip: bytes cut out of the middle, and a directory pointing outside the file") {
  const std::string bytes = make_zip({{"a.xml", sheet_like(300), 8}, {"b.xml", sheet_like(10), 8}});
  for (size_t at : {size_t{10}, size_t{100}, size_t{1000}, bytes.size() / 2}) {
    CAPTURE(at);
    std::string cut = bytes;
    cut.erase(at, 7);
    CHECK(!only_error(cut).empty());
  }
  // A local header offset beyond the directory.
  std::string moved = bytes;
  const size_t cd = moved.find(std::string("PK\x01\x02", 4));
  ziptest::set32(moved, cd + 42, 0x7FFFFFF0);
  CHECK(contains(ZipArchive(moved).error(), "truncated or damaged"));
  // A compressed size beyond the file.
  std::string longer = bytes;
  ziptest::set32(longer, cd + 20, 0x7FFFFFF0);
  ZipArchive zip(longer);
  REQUIRE(zip.error().empty());
  FileError error;
  CHECK(read_zip_entry(zip, zip.entries()[0], error).empty());
  CHECK(contains(error.text, "truncated or damaged"));
  CHECK(error.kind == FileErrorKind::damaged_workbook);
  // An entry count the directory cannot hold.
  std::string counted = bytes;
  const size_t end = counted.rfind(std::string("PK\x05\x06", 4));
  counted[end + 8] = counted[end + 10] = 3;
  CHECK(contains(ZipArchive(counted).error(), "truncated or damaged"));
  // A zip split across disks.
  std::string spanned = bytes;
  spanned[end + 4] = 1;
  CHECK(contains(ZipArchive(spanned).error(), "several files"));
  CHECK(ZipArchive(spanned).error_kind() == FileErrorKind::unsupported_format);
  // Not a zip at all; an empty file.
  CHECK(contains(ZipArchive("name,amount\nACME,100\n").error(), "not a complete zip file"));
  CHECK(contains(ZipArchive("").error(), "not a complete zip file"));
}

TEST_CASE("zip: a corrupted deflate stream and a CRC mismatch are errors") {
  const std::string sheet = sheet_like(3000);
  SUBCASE("corrupt") {
    Entry e{"xl/worksheets/sheet1.xml", sheet, 8};
    std::string packed = ziptest::deflate_raw(sheet);
    for (size_t i = 20; i < 60; ++i) packed[i] = static_cast<char>(packed[i] ^ 0x5A);
    e.raw = packed;
    const std::string error = only_error(make_zip({e}));
    CHECK(contains(error, "damaged"));
    CHECK(contains(error, "xl/worksheets/sheet1.xml"));
  }
  SUBCASE("cut short, directory agrees with the cut") {
    Entry e{"xl/worksheets/sheet1.xml", sheet, 8};
    e.raw = ziptest::deflate_raw(sheet).substr(0, 500);
    CHECK(contains(only_error(make_zip({e})), "ends early"));
  }
  SUBCASE("CRC mismatch, deflated and stored, at every chunk size") {
    for (uint16_t method : {uint16_t{8}, uint16_t{0}}) {
      Entry e{"xl/worksheets/sheet1.xml", sheet, method};
      e.declared_crc = ziptest::crc_of(sheet) ^ 1;
      for (size_t chunk : {size_t{1000}, size_t{1} << 20})
        CHECK(only_error(make_zip({e}), chunk) == "damaged: checksum mismatch in xl/worksheets/sheet1.xml");
    }
  }
  SUBCASE("shorter than the directory says") {
    Entry e{"a.xml", sheet, 8};
    e.declared_uncompressed = sheet.size() + 10;
    CHECK(contains(only_error(make_zip({e})), "size mismatch in a.xml"));
  }
  SUBCASE("stored with two sizes") {
    Entry e{"a.xml", sheet, 0};
    e.declared_uncompressed = sheet.size() - 1;
    CHECK(contains(only_error(make_zip({e})), "damaged"));
  }
}

TEST_CASE("zip: encrypted entries and unsupported methods are refused with words") {
  Entry e{"xl/workbook.xml", "<workbook/>", 8};
  e.flags = 1;
  CHECK(contains(only_error(make_zip({e})), "xl/workbook.xml is encrypted"));
  Entry b{"xl/workbook.xml", "<workbook/>", 12};
  b.raw = "BZh9whatever";
  const std::string error = only_error(make_zip({b}));
  CHECK(contains(error, "bzip2"));
  CHECK(contains(error, "not supported"));
  Entry u{"x", "y", 77};
  u.raw = "y";
  CHECK(contains(only_error(make_zip({u})), "method 77"));
}

TEST_CASE("zip: small entries that compress very well are read (the ratio rule starts at 1 MB)") {
  // 900 KB of one repeated row: a ratio near 1000, but small.
  std::string repeated;
  while (repeated.size() < 900000) repeated += "<si><t>Paid in full</t></si>";
  const std::string bytes = make_zip({{"xl/sharedStrings.xml", repeated, 8}, {"[Content_Types].xml", std::string(4000, 'x'), 8}});
  ZipArchive zip(bytes);
  REQUIRE(zip.error().empty());
  CHECK(zip.entries()[0].uncompressed / zip.entries()[0].compressed > 200);
  FileError error;
  CHECK(read_zip_entry(zip, zip.entries()[0], error) == repeated);
  CHECK(error.empty());
}

TEST_CASE("zip: zip bombs are refused, early and cheaply") {
  // 50 MB of zeros deflate to ~50 KB (ratio ~1000); made once for all the subcases.
  static const uint64_t zeros_size = 50u << 20;
  static const std::string packed = ziptest::deflate_raw(std::string(zeros_size, '\0'), 9);
  static const uint32_t zeros_crc = ziptest::crc_of(std::string(zeros_size, '\0'));
  SUBCASE("honest directory: refused before inflating") {
    Entry e{"xl/worksheets/sheet1.xml", "", 8};
    e.raw = packed;
    e.declared_uncompressed = zeros_size;
    e.declared_crc = zeros_crc;
    const std::string bytes = make_zip({e});
    ZipArchive zip(bytes);
    REQUIRE(zip.error().empty());
    ZipEntryReader reader(zip, zip.entries()[0]);
    CHECK(reader.done());
    CHECK(reader.next().empty());
    CHECK(reader.produced() == 0);
    CHECK(reader.error() == "xl/worksheets/sheet1.xml: compression ratio over 200: refused as a possible zip bomb");
  }
  SUBCASE("the directory lies about the uncompressed size: stopped just past it") {
    Entry e{"xl/worksheets/sheet1.xml", "", 8};
    e.raw = packed;
    e.declared_uncompressed = 100000;
    const std::string bytes = make_zip({e});
    ZipArchive zip(bytes);
    ZipEntryReader reader(zip, zip.entries()[0]);
    while (!reader.done()) reader.next(65536);
    CHECK(contains(reader.error(), "more data than its directory says"));
    CHECK(reader.produced() <= 100000);
  }
  SUBCASE("the directory lies about the compressed size (padding after the data): the running ratio stops it") {
    Entry e{"xl/worksheets/sheet1.xml", "", 8};
    e.raw = packed;
    e.after_data = std::string(zeros_size / 150, 'p');  // declared ratio ~150: passes on paper
    e.declared_uncompressed = zeros_size;
    e.declared_crc = zeros_crc;
    const std::string bytes = make_zip({e});
    ZipArchive zip(bytes);
    ZipEntryReader reader(zip, zip.entries()[0]);
    CHECK(reader.error().empty());
    while (!reader.done()) reader.next(65536);
    CHECK(contains(reader.error(), "compression ratio over 200"));
    CHECK(reader.produced() < (2u << 20));  // stopped after about 1 MB, not 50 MB
  }
  SUBCASE("over 1 GB declared") {
    Entry e{"xl/worksheets/sheet1.xml", "", 8};
    e.raw = std::string(6u << 20, '\0');  // ratio under 200 on paper
    e.declared_uncompressed = (1ull << 30) + 1;
    const std::string bytes = make_zip({e});
    ZipArchive zip(bytes);
    FileError error;
    CHECK(read_zip_entry(zip, zip.entries()[0], error).empty());
    CHECK(error.text == "xl/worksheets/sheet1.xml refused: it would expand to more than 1 GB");
    CHECK(error.kind == FileErrorKind::too_large);
  }
}

TEST_CASE("zip: a moved-from reader and reading after the end") {
  const std::string bytes = make_zip({{"a", "abc", 8}});
  ZipArchive zip(bytes);
  ZipEntryReader first(zip, zip.entries()[0]);
  ZipEntryReader second = std::move(first);
  CHECK(second.next() == "abc");
  CHECK(second.next().empty());
  CHECK(second.done());
  CHECK(second.error().empty());
  CHECK(second.produced() == 3);
}
