// Fuzz target: the workbook reader's XML side (issue #18). A mutated zip rarely gets past its CRC
// checks, so the input is the parts themselves — the sheet, the shared strings, the styles and the
// workbook part, separated by 0xFF bytes (never in UTF-8 XML) — packed here into a valid stored zip
// with their CRCs, then read as the page reads it: in slices cut from the input's hash, and whole.
// Checks, beyond "no crash, no sanitizer report": the sliced and the whole read agree byte for
// byte; a table read keeps the importer's invariants; the cells are valid UTF-8.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/workbook/workbook_reader.hpp"

using namespace overdue;

namespace {

void put16(std::string& out, uint32_t v) {
  out += char(v & 0xFF);
  out += char((v >> 8) & 0xFF);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A stored (uncompressed) zip of the named parts.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out, directory;
  for (const auto& [name, data] : parts) {
    const uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const uint32_t offset = static_cast<uint32_t>(out.size());
    put32(out, 0x04034b50); put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0);
    put32(out, crc); put32(out, static_cast<uint32_t>(data.size())); put32(out, static_cast<uint32_t>(data.size()));
    put16(out, static_cast<uint32_t>(name.size())); put16(out, 0);
    out += name;
    out += data;
    put32(directory, 0x02014b50); put16(directory, 20); put16(directory, 20); put16(directory, 0);
    put16(directory, 0); put16(directory, 0); put16(directory, 0);
    put32(directory, crc); put32(directory, static_cast<uint32_t>(data.size()));
    put32(directory, static_cast<uint32_t>(data.size()));
    put16(directory, static_cast<uint32_t>(name.size())); put16(directory, 0); put16(directory, 0);
    put16(directory, 0); put16(directory, 0); put32(directory, 0); put32(directory, offset);
    directory += name;
  }
  const uint32_t at = static_cast<uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50); put16(out, 0); put16(out, 0);
  put16(out, static_cast<uint32_t>(parts.size())); put16(out, static_cast<uint32_t>(parts.size()));
  put32(out, static_cast<uint32_t>(directory.size())); put32(out, at); put16(out, 0);
  return out;
}

const char* kWorkbook =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const char* kRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";
const char* kContentTypes =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";

bool same(const SheetCells& a, const SheetCells& b) {
  return a.error == b.error && a.sheet == b.sheet && a.width == b.width && a.row_number == b.row_number &&
         a.bytes == b.bytes && a.end == b.end && a.problems.size() == b.problems.size() &&
         a.date_swaps.size() == b.date_swaps.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = fuzz::as_view(data, size);
  std::vector<std::string> pieces(1);
  for (char c : input) {
    if (static_cast<unsigned char>(c) == 0xFF && pieces.size() < 4) pieces.emplace_back();
    else pieces.back() += c;
  }
  pieces.resize(4);
  const std::string zip = stored_zip({{"[Content_Types].xml", kContentTypes},
                                      {"xl/workbook.xml", pieces[3].empty() ? std::string(kWorkbook) : pieces[3]},
                                      {"xl/_rels/workbook.xml.rels", kRels},
                                      {"xl/worksheets/sheet1.xml", pieces[0]},
                                      {"xl/sharedStrings.xml", pieces[1]},
                                      {"xl/styles.xml", pieces[2]}});
  const SheetCells whole = read_workbook("fuzz.xlsx", zip);
  WorkbookReader reader("fuzz.xlsx", zip);
  const uint64_t seed = fuzz::hash(input);
  for (uint64_t i = 0;; ++i) {
    Budget budget{1 + (seed >> (i % 48)) % 97};
    if (reader.step(budget) == Step::done) break;
  }
  const SheetCells sliced = reader.take();
  FUZZ_CHECK(same(whole, sliced), "sliced read differs from the whole read");
  if (whole.error.empty()) {
    FUZZ_CHECK(whole.end.size() == whole.row_number.size() * whole.width, "cell count");
    FUZZ_CHECK(fuzz::valid_utf8(whole.bytes), "cells are not UTF-8");
  }
  const ImportedFile file = import_bytes("fuzz.xlsx", zip);
  const std::string broken = fuzz::broken_invariant(file);
  FUZZ_CHECK(broken.empty(), broken);
  return 0;
}
