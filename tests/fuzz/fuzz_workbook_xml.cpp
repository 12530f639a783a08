// Fuzz target: the workbook reader's XML side (issue #18) — the sheet, shared strings, styles and
// workbook parts — behind a valid zip, so that mutations reach the parsers instead of failing the
// zip's checksums. The input is split at 0xFF bytes (never in UTF-8) into: a sheet part, a shared
// strings part, a styles part, a second sheet part and, when present, a workbook part replacing
// the default one (two sheets, the second hidden). The first byte picks the budget of a second,
// stepped read, whether swapped dates are kept, and a sheet name to ask for.
//
// Checks, beyond "no crash, no sanitizer report":
// - the stepped read equals the unbounded one (results never depend on budgets);
// - without an error: `end` has rows × width ends, never decreasing, the last at bytes.size();
//   each problem's row is a kept row and its column inside the width; each date swap's column
//   too; the chosen sheet is one of `sheets`;
// - with an error: no table;
// - the importer on the same zip keeps its invariants (read = accepted + rejected, …).
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

void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// A zip of stored entries.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    const uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const uint32_t offset = static_cast<uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0);
    put32(out, crc), put32(out, static_cast<uint32_t>(data.size())), put32(out, static_cast<uint32_t>(data.size()));
    put16(out, static_cast<uint32_t>(name.size())), put16(out, 0);
    out += name;
    out += data;
    put32(central, 0x02014b50);
    put16(central, 20), put16(central, 20), put16(central, 0), put16(central, 0), put16(central, 0),
        put16(central, 0);
    put32(central, crc), put32(central, static_cast<uint32_t>(data.size())),
        put32(central, static_cast<uint32_t>(data.size()));
    put16(central, static_cast<uint32_t>(name.size())), put16(central, 0), put16(central, 0);
    put16(central, 0), put16(central, 0), put32(central, 0), put32(central, offset);
    central += name;
  }
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size())), put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(central.size())), put32(out, central_offset);
  put16(out, 0);
  return out;
}

const char* const kWorkbook =
    "<workbook xmlns:r=\"r\"><workbookPr date1904=\"0\"/><sheets>"
    "<sheet name=\"One\" r:id=\"rId1\"/><sheet name=\"Two\" state=\"hidden\" r:id=\"rId2\"/>"
    "</sheets></workbook>";
const char* const kRelationships =
    "<Relationships>"
    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"x/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

std::string dump_all(const SheetCells& c) {
  std::string s = c.error + "\n" + c.sheet + "\n" + std::to_string(c.width) + "\n";
  for (const SheetInfo& i : c.sheets) s += i.name + " " + std::to_string(i.hidden) + " " + std::to_string(i.rows) + "\n";
  for (uint64_t r : c.row_number) s += std::to_string(r) + ",";
  s += "\n" + c.bytes + "\n";
  for (uint64_t e : c.end) s += std::to_string(e) + ",";
  for (const WorkbookCellProblem& p : c.problems)
    s += std::to_string(p.row) + " " + std::to_string(p.column) + " " + std::to_string(int(p.kind)) + p.text + "\n";
  for (const DateSwap& d : c.date_swaps)
    s += std::to_string(d.column) + " " + std::to_string(d.cells) + std::to_string(d.swapped) + "\n";
  return s;
}

void check_shape(const SheetCells& c) {
  if (!c.error.empty()) {
    FUZZ_CHECK(c.row_count() == 0 && c.end.empty() && c.bytes.empty(), "a table despite " + c.error);
    return;
  }
  FUZZ_CHECK(c.end.size() == c.row_count() * c.width, "end size");
  uint64_t previous = 0;
  for (uint64_t e : c.end) {
    FUZZ_CHECK(e >= previous, "ends decrease");
    previous = e;
  }
  FUZZ_CHECK(previous == c.bytes.size(), "last end");
  for (const WorkbookCellProblem& p : c.problems) {
    FUZZ_CHECK(p.column < c.width, "problem column");
    bool kept = false;
    for (uint64_t r : c.row_number) kept = kept || r == p.row;
    FUZZ_CHECK(kept, "problem row " + std::to_string(p.row));
  }
  for (const DateSwap& d : c.date_swaps) FUZZ_CHECK(d.column < c.width && d.cells > 0, "swap");
  bool known = false;
  for (const SheetInfo& i : c.sheets) known = known || i.name == c.sheet;
  FUZZ_CHECK(known, "chosen sheet " + c.sheet);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string> parts;
  size_t begin = 0;
  for (size_t i = 0; i <= input.size(); ++i)
    if (i == input.size() || static_cast<uint8_t>(input[i]) == 0xFF) {
      parts.emplace_back(input.substr(begin, i - begin));
      begin = i + 1;
    }
  parts.resize(5);
  const std::string zip = stored_zip({
      {"xl/workbook.xml", parts[4].empty() ? std::string(kWorkbook) : parts[4]},
      {"xl/_rels/workbook.xml.rels", kRelationships},
      {"xl/worksheets/sheet1.xml", parts[0]},
      {"xl/sharedStrings.xml", parts[1]},
      {"xl/styles.xml", parts[2]},
      {"xl/worksheets/sheet2.xml", parts[3]},
  });
  WorkbookOptions options;
  options.keep_swapped_dates = control & 1;
  if (control & 2) options.sheet = control & 4 ? "two" : "Three";
  const SheetCells whole = read_workbook("fuzz.xlsx", zip, options);
  check_shape(whole);

  WorkbookReader reader("fuzz.xlsx", zip, options);
  const uint64_t units = 1 + (control >> 3);
  for (int steps = 0;; ++steps) {
    FUZZ_CHECK(steps < 50'000'000, "no end");
    Budget budget{units};
    if (reader.step(budget) == Step::done) break;
  }
  FUZZ_CHECK(dump_all(reader.take()) == dump_all(whole), "a stepped read differs");

  // The importer on the same bytes (title rows, header, typing, cell problems): its invariants.
  ImportOptions import_options;
  import_options.sheet = options.sheet;
  import_options.keep_swapped_dates = options.keep_swapped_dates;
  const ImportedFile file = import_bytes("fuzz.xlsx", zip, import_options);
  const std::string broken = fuzz::broken_invariant(file);
  FUZZ_CHECK(broken.empty(), broken);
  return 0;
}
