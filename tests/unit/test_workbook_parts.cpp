// The workbook reader's pieces, without a zip (issue #18): number formats and number texts, the
// shared strings, styles, workbook and relationships parts, and the sheet parser, each fed its XML
// in pieces of 1, 7 and all bytes (expat's push parser must give the same result however the
// inflated stream is cut); the day/month swap rule on hand-made tables.
//
// [SECTION] number formats
// [SECTION] number and date texts
// [SECTION] shared strings, styles, workbook and relationships parts
// [SECTION] sheets
// [SECTION] day/month swap
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "workbook/date_swap.hpp"
#include "workbook/number_format.hpp"
#include "workbook/shared_strings.hpp"
#include "workbook/sheet_parser.hpp"
#include "workbook/styles.hpp"
#include "workbook/workbook_parts.hpp"

using namespace overdue;

namespace {

// Feeds `xml` to `parser` in pieces of `piece` bytes (0: whole).
bool feed_in_pieces(XmlStream& parser, std::string_view xml, size_t piece) {
  if (piece == 0) return parser.feed(xml, true);
  for (size_t i = 0; i < xml.size(); i += piece)
    if (!parser.feed(xml.substr(i, piece), false)) return false;
  return parser.feed({}, true);
}

constexpr size_t kPieces[] = {1, 7, 0};

std::string number_text(double v) {
  std::string s;
  append_number_text(s, v);
  return s;
}
std::string stored_number_text(std::string_view v) {
  std::string s;
  CHECK(append_number_text(s, v));
  return s;
}
std::string serial_text(double serial, bool date1904 = false, bool time_only = false) {
  std::string s;
  append_serial_text(s, serial, date1904, time_only);
  return s;
}
std::string formatted(std::string_view v, std::string_view code, bool date1904 = false) {
  std::string s;
  append_formatted_number(s, v, parse_number_format(code), date1904);
  return s;
}

}  // namespace

// [SECTION] number formats ---------------------------------------------------------------------------

TEST_CASE("built-in number format ids: dates, times, and the zh-CN ids 27-36 and 50-58") {
  for (uint32_t id : {14u, 15u, 16u, 17u, 22u, 27u, 28u, 29u, 30u, 31u, 36u, 50u, 51u, 52u, 53u, 54u, 57u, 58u})
    CHECK_MESSAGE(builtin_number_format(id).kind == NumberFormatKind::date, id);
  for (uint32_t id : {18u, 19u, 20u, 21u, 45u, 47u, 32u, 33u, 34u, 35u, 55u, 56u})
    CHECK_MESSAGE(builtin_number_format(id).kind == NumberFormatKind::time, id);
  for (uint32_t id : {0u, 1u, 2u, 3u, 4u, 9u, 10u, 11u, 37u, 46u, 49u, 164u})
    CHECK_MESSAGE(builtin_number_format(id).kind == NumberFormatKind::general, id);
}

TEST_CASE("custom number format codes") {
  auto kind = [](std::string_view code) { return parse_number_format(code).kind; };
  CHECK(kind("yyyy-mm-dd") == NumberFormatKind::date);
  CHECK(kind("[$-409]d/m/yyyy;@") == NumberFormatKind::date);
  CHECK(kind("dd/mm/yyyy hh:mm") == NumberFormatKind::date);
  CHECK(kind("mmm-yy") == NumberFormatKind::date);
  CHECK(kind("MMMM") == NumberFormatKind::date);
  CHECK(kind("yyyy\"年\"m\"月\"d\"日\"") == NumberFormatKind::date);
  CHECK(kind("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"") == NumberFormatKind::date);
  CHECK(kind("h:mm:ss") == NumberFormatKind::time);
  CHECK(kind("mm:ss") == NumberFormatKind::time);
  CHECK(kind("h:mm AM/PM") == NumberFormatKind::time);
  CHECK(kind("上午/下午h\"时\"mm\"分\"") == NumberFormatKind::time);
  CHECK(kind("[h]:mm:ss") == NumberFormatKind::general);  // a duration
  CHECK(kind("General") == NumberFormatKind::general);
  CHECK(kind("@") == NumberFormatKind::general);
  CHECK(kind("0.00E+00") == NumberFormatKind::general);
  CHECK(kind("#,##0.00_);[Red](#,##0.00)") == NumberFormatKind::general);
  CHECK(kind("[Red]0.00") == NumberFormatKind::general);
  CHECK(kind("0.00") == NumberFormatKind::general);
  CHECK(kind("0") == NumberFormatKind::general);
  CHECK(kind("\"hours\" 0.0") == NumberFormatKind::general);  // quoted letters are no codes
  CHECK(kind("0\\d") == NumberFormatKind::general);
  CHECK(kind("[$€-407] #,##0.00") == NumberFormatKind::general);

  const NumberFormat id = parse_number_format("0000000");
  CHECK(id.kind == NumberFormatKind::zero_padded);
  CHECK(id.digits == 7);
  const NumberFormat invoice = parse_number_format("\"INV\"000000;-0");
  CHECK(invoice.kind == NumberFormatKind::zero_padded);
  CHECK(invoice.prefix == "INV");
  CHECK(invoice.digits == 6);
  const NumberFormat escaped = parse_number_format("\\I\\D-00000");
  CHECK(escaped.kind == NumberFormatKind::zero_padded);
  CHECK(escaped.prefix == "ID-");
}

// [SECTION] number and date texts --------------------------------------------------------------------

TEST_CASE("numbers: the shortest text that reads back to the same double, without an exponent") {
  CHECK(number_text(1234.5) == "1234.5");
  CHECK(number_text(1930571429) == "1930571429");
  CHECK(number_text(0.1 + 0.2) == "0.30000000000000004");
  CHECK(number_text(0.1) == "0.1");
  CHECK(number_text(-2.5) == "-2.5");
  CHECK(number_text(-0.0) == "0");
  CHECK(number_text(1e20) == "100000000000000000000");
  CHECK(number_text(1e21) == "1e+21");
  CHECK(number_text(123456789012345678.0) == "123456789012345680");
  CHECK(number_text(0.000001) == "0.000001");
  CHECK(number_text(1.5e-7) == "1.5e-7");
  CHECK(number_text(460000000026049.0) == "460000000026049");

  CHECK(stored_number_text("1234.5") == "1234.5");
  CHECK(stored_number_text("12.3400") == "12.34");
  CHECK(stored_number_text("007") == "7");
  CHECK(stored_number_text("-0") == "0");
  CHECK(stored_number_text("100") == "100");
  CHECK(stored_number_text("1.5E-3") == "0.0015");
  CHECK(stored_number_text("5.0000000000000001E-3") == "0.005");
  CHECK(stored_number_text("0.30000000000000004") == "0.30000000000000004");
  CHECK(stored_number_text("2.9999999999999996") == "2.9999999999999996");
  std::string s;
  CHECK_FALSE(append_number_text(s, std::string_view("abc")));
  CHECK_FALSE(append_number_text(s, std::string_view("inf")));
  CHECK_FALSE(append_number_text(s, std::string_view("")));
  CHECK(s.empty());
}

TEST_CASE("numbers: the fast path for stored decimals agrees with the round trip through double") {
  uint64_t x = 0x9E3779B97F4A7C15ull;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  char buf[400];
  int fast = 0;
  for (int i = 0; i < 30000; ++i) {
    const uint64_t r = next();
    switch (i % 3) {
      case 0: {  // any double, as Excel writes one it cannot shorten: 17 digits, maybe an exponent
        double v;
        std::memcpy(&v, &r, sizeof v);
        if (!std::isfinite(v)) continue;
        std::snprintf(buf, sizeof buf, "%.17g", v);
        break;
      }
      case 1:  // amounts: cents
        std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(r % 100000000000ull) / 100);
        break;
      default: {  // few digits at scales from 1e-9 to 1e22
        const int scale = static_cast<int>(r % 32) - 9;
        const double v = static_cast<double>((r >> 8) % 1000000) * std::pow(10.0, scale);
        std::snprintf(buf, sizeof buf, "%.*f", scale < 0 ? -scale : 0, v);
        break;
      }
    }
    std::string from_text;
    REQUIRE(append_number_text(from_text, std::string_view(buf)));
    INFO(buf);
    CHECK(from_text == number_text(std::strtod(buf, nullptr)));
    fast += std::strchr(buf, 'e') == nullptr;
  }
  CHECK(fast > 10000);
}

TEST_CASE("date serials: the 1900 leap-year quirk, the 1904 system, times of day") {
  CHECK(serial_text(1) == "1900-01-01");
  CHECK(serial_text(59) == "1900-02-28");
  CHECK(serial_text(60) == "1900-02-29");  // Lotus 1-2-3's day that never was
  CHECK(serial_text(61) == "1900-03-01");
  CHECK(serial_text(45382) == "2024-03-31");
  CHECK(serial_text(45382.5729166667) == "2024-03-31 13:45:00");
  CHECK(serial_text(45382.99999999) == "2024-04-01");  // rounds to the second, into the next day
  CHECK(serial_text(2958465) == "9999-12-31");
  CHECK(serial_text(2958466) == "2958466");
  CHECK(serial_text(-1) == "-1");
  CHECK(serial_text(0, true) == "1904-01-01");
  CHECK(serial_text(43920, true) == "2024-03-31");
  CHECK(serial_text(0.5, false, true) == "12:00:00");
  CHECK(serial_text(0.5) == "12:00:00");
  CHECK(serial_text(45382.25, false, true) == "2024-03-31 06:00:00");

  CHECK(formatted("45382", "yyyy\"年\"m\"月\"d\"日\"") == "2024-03-31");
  CHECK(formatted("43920", "d/m/yyyy", true) == "2024-03-31");
  CHECK(formatted("1234", "0000000") == "0001234");
  CHECK(formatted("1234", "\"INV\"000000") == "INV001234");
  CHECK(formatted("-12", "0000") == "-0012");
  CHECK(formatted("12.5", "0000") == "12.5");  // not an integer: the number as it is
  CHECK(formatted("1234.5", "#,##0.00") == "1234.5");
  CHECK(formatted("TRUE", "yyyy-mm-dd") == "TRUE");  // not a number: kept as stored
}

// [SECTION] shared strings, styles, workbook and relationships parts ---------------------------------

TEST_CASE("shared strings: plain, rich runs joined, phonetic runs left out, spaces kept") {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"6\" "
      "uniqueCount=\"6\">"
      "<si><t>Invoice</t></si>"
      "<si><r><rPr><b/></rPr><t>上海</t></r><r><t xml:space=\"preserve\"> 华东 &amp; Co</t></r></si>"
      "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t/></si>"
      "<si><t xml:space=\"preserve\">  padded  </t></si>"
      "<si><t>line\nbreak</t></si>"
      "</sst>";
  for (size_t piece : kPieces) {
    SharedStringsParser parser;
    REQUIRE(feed_in_pieces(parser, xml, piece));
    const StringPool pool = parser.take();
    REQUIRE(pool.size() == 6);
    CHECK(pool.at(0) == "Invoice");
    CHECK(pool.at(1) == "上海 华东 & Co");
    CHECK(pool.at(2) == "東京");
    CHECK(pool.at(3) == "");
    CHECK(pool.at(4) == "  padded  ");
    CHECK(pool.at(5) == "line\nbreak");
  }
  SharedStringsParser broken;
  CHECK_FALSE(broken.feed("<sst><si><t>x</si></sst>", true));
  CHECK(broken.error() == "line 1: mismatched tag");
}

TEST_CASE("styles: each cell style's number format, custom codes over built-in ids") {
  const std::string xml =
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0000000\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy;@\"/></numFmts>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"46\"/><xf numFmtId=\"31\"/></cellXfs>"
      "</styleSheet>";
  for (size_t piece : kPieces) {
    StylesParser parser;
    REQUIRE(feed_in_pieces(parser, xml, piece));
    const CellStyles styles = parser.take();
    REQUIRE(styles.formats.size() == 6);
    CHECK(styles.at(0).kind == NumberFormatKind::general);
    CHECK(styles.at(1).kind == NumberFormatKind::date);
    CHECK(styles.at(2).kind == NumberFormatKind::zero_padded);
    CHECK(styles.at(3).kind == NumberFormatKind::date);
    CHECK(styles.at(4).kind == NumberFormatKind::general);
    CHECK(styles.at(5).kind == NumberFormatKind::date);
    CHECK(styles.at(99).kind == NumberFormatKind::general);
  }
}

TEST_CASE("workbook part: sheets in order, hidden states, relationship ids, 1904; any prefix") {
  const std::string xml =
      "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<x:workbookPr date1904=\"true\"/><x:sheets>"
      "<x:sheet name=\"Invoices\" sheetId=\"1\" rel:id=\"rId1\"/>"
      "<x:sheet name=\"Lookup\" sheetId=\"2\" state=\"hidden\" rel:id=\"rId2\"/>"
      "<x:sheet name=\"Secret\" sheetId=\"3\" state=\"veryHidden\" rel:id=\"rId3\"/>"
      "<x:sheet name=\"付款\" sheetId=\"4\" state=\"visible\" rel:id=\"rId5\"/>"
      "</x:sheets></x:workbook>";
  for (size_t piece : kPieces) {
    WorkbookPartParser parser;
    REQUIRE(feed_in_pieces(parser, xml, piece));
    const WorkbookPart part = parser.take();
    CHECK(part.date1904);
    REQUIRE(part.sheets.size() == 4);
    CHECK(part.sheets[0].name == "Invoices");
    CHECK_FALSE(part.sheets[0].hidden);
    CHECK(part.sheets[1].hidden);
    CHECK(part.sheets[2].hidden);
    CHECK(part.sheets[3].name == "付款");
    CHECK_FALSE(part.sheets[3].hidden);
    CHECK(part.sheets[3].relationship == "rId5");
  }
  WorkbookPartParser plain;
  REQUIRE(plain.feed("<workbook><workbookPr date1904=\"0\"/></workbook>", true));
  CHECK_FALSE(plain.take().date1904);
}

TEST_CASE("relationships: targets relative or absolute, and the parts' names") {
  const std::string xml =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
      "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/hyperlink\" Target=\"https://example.com\" TargetMode=\"External\"/>"
      "</Relationships>";
  for (size_t piece : kPieces) {
    RelationshipsParser parser;
    REQUIRE(feed_in_pieces(parser, xml, piece));
    const std::vector<Relationship> r = parser.take();
    REQUIRE(r.size() == 3);
    CHECK(relationship_is(r[0], "worksheet"));
    CHECK(relationship_is(r[1], "worksheet"));
    CHECK_FALSE(relationship_is(r[2], "worksheet"));
    CHECK(r[2].external);
    CHECK(resolve_part_name("xl/workbook.xml", r[0].target) == "xl/worksheets/sheet1.xml");
    CHECK(resolve_part_name("xl/workbook.xml", r[1].target) == "xl/worksheets/sheet2.xml");
  }
  CHECK(resolve_part_name("xl/workbook.xml", "../xl/./styles.xml") == "xl/styles.xml");
  CHECK(resolve_part_name("", "xl/workbook.xml") == "xl/workbook.xml");
  CHECK(relationships_part_name("xl/workbook.xml") == "xl/_rels/workbook.xml.rels");
  CHECK(relationships_part_name("workbook.xml") == "_rels/workbook.xml.rels");
}

// [SECTION] sheets -----------------------------------------------------------------------------------

namespace {

struct ParsedSheet {
  SheetCells cells;
  std::vector<uint64_t> date_cells;
  uint64_t counted_rows = 0;  // by a counting-only pass
};

ParsedSheet parse_sheet(const std::string& xml, size_t piece, const StringPool& strings,
                        const CellStyles& styles, bool date1904 = false) {
  ParsedSheet out;
  SheetParser collect(SheetParser::Mode::collect, strings, styles, date1904);
  REQUIRE(feed_in_pieces(collect, xml, piece));
  SheetParser count(SheetParser::Mode::count, strings, styles, date1904);
  REQUIRE(feed_in_pieces(count, xml, piece));
  out.counted_rows = count.rows_with_value();
  CHECK(collect.rows_with_value() == out.counted_rows);
  REQUIRE(lay_out_sheet(collect.take(), out.cells, out.date_cells));
  return out;
}

StringPool pool_of(std::vector<std::string> strings) {
  StringPool pool;
  for (const std::string& s : strings) {
    pool.bytes += s;
    pool.end.push_back(pool.bytes.size());
  }
  return pool;
}

CellStyles styles_of(std::vector<std::string> codes) {
  CellStyles styles;
  for (const std::string& c : codes) styles.formats.push_back(parse_number_format(c));
  return styles;
}

std::string dump(const SheetCells& c) {
  std::string s;
  for (size_t r = 0; r < c.row_count(); ++r) {
    s += std::to_string(c.row_number[r]) + ":";
    for (size_t col = 0; col < c.width; ++col) s += "|" + std::string(c.cell(r, col));
    s += "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("sheet: every cell type, title rows, empty rows, missing references, any chunking") {
  const StringPool strings = pool_of({"Aged receivables", "Invoice", "Amount", "Date", "ACME 上海", ""});
  const CellStyles styles = styles_of({"General", "yyyy-mm-dd", "0000000", "h:mm"});
  const std::string xml =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<dimension ref=\"A1:F7\"/><sheetData>"
      "<row r=\"1\" spans=\"1:6\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"/></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row>"  // an empty shared string: no value
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"s\"><v>2</v></c>"
      "<c r=\"C3\" t=\"s\"><v>3</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" s=\"2\"><v>1234</v></c><c r=\"B4\"><v>1234.5</v></c>"
      "<c r=\"C4\" s=\"1\"><v>45382</v></c><c r=\"D4\" t=\"b\"><v>1</v></c>"
      "<c r=\"E4\" t=\"str\"><f>A4&amp;\"x\"</f><v>1234x</v></c><c r=\"F4\" s=\"3\"><v>0.5</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"e\"><f>VLOOKUP(1,A1:A2,2,0)</f><v>#N/A</v></c>"
      "<c r=\"B5\"><f>SUM(B4:B4)</f></c><c r=\"C5\" s=\"1\"><v>45382.5729166667</v></c>"
      "<c r=\"D5\" t=\"b\"><v>0</v></c>"
      "<c r=\"E5\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr/><t>line</t></r>"
      "<rPh><t>ignored</t></rPh></is></c></row>"
      "<row><c t=\"s\"><v>4</v></c><c><v>0.1</v></c><c/><c t=\"e\"><v>#DIV/0!</v></c></row>"  // row 6
      "<row r=\"7\"><c r=\"B7\"><f>1+1</f><v></v></c></row>"
      "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:F1\"/></mergeCells></worksheet>";
  std::string first;
  for (size_t piece : kPieces) {
    const ParsedSheet p = parse_sheet(xml, piece, strings, styles);
    const SheetCells& c = p.cells;
    CHECK(p.counted_rows == 6);
    CHECK(c.width == 6);
    const std::string table = dump(c);
    CHECK(table ==
          "1:|Aged receivables|||||\n"
          "3:|Invoice|Amount|Date|||\n"
          "4:|0001234|1234.5|2024-03-31|TRUE|1234x|12:00:00\n"
          "5:|||2024-03-31 13:45:00|FALSE|inline|\n"
          "6:|ACME 上海|0.1||||\n"
          "7:||||||\n");
    REQUIRE(c.problems.size() == 4);
    CHECK(c.problems[0].row == 5);
    CHECK(c.problems[0].column == 0);
    CHECK(c.problems[0].kind == ProblemKind::excel_cell_error);
    CHECK(c.problems[0].text == "#N/A");
    CHECK(c.problems[1].row == 5);
    CHECK(c.problems[1].column == 1);
    CHECK(c.problems[1].kind == ProblemKind::formula_without_value);
    CHECK(c.problems[2].row == 6);
    CHECK(c.problems[2].column == 3);
    CHECK(c.problems[2].text == "#DIV/0!");
    CHECK(c.problems[3].row == 7);
    CHECK(c.problems[3].kind == ProblemKind::formula_without_value);
    // The true date cells: C4 and C5 (rows 2 and 3 of the grid), not the time F4.
    CHECK(p.date_cells == std::vector<uint64_t>{2 * 6 + 2, 3 * 6 + 2});
    if (first.empty()) first = table;
    CHECK(table == first);
  }
}

TEST_CASE("sheet: prefixed elements (<x:row>) and the 1904 date system") {
  const StringPool strings;
  const CellStyles styles = styles_of({"General", "d-mmm-yy"});
  const std::string xml =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData><x:row r=\"2\"><x:c r=\"B2\" s=\"1\"><x:v>43920</x:v></x:c>"
      "<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>text</x:t></x:is></x:c></x:row></x:sheetData>"
      "</x:worksheet>";
  for (size_t piece : kPieces) {
    const ParsedSheet p = parse_sheet(xml, piece, strings, styles, true);
    CHECK(dump(p.cells) == "2:||2024-03-31|text\n");
  }
}

TEST_CASE("sheet: cells out of column order or repeated are laid out by column, the last winning") {
  const StringPool strings;
  const CellStyles styles;
  const std::string xml =
      "<worksheet><sheetData><row r=\"1\"><c r=\"C1\"><v>3</v></c><c r=\"A1\"><v>1</v></c>"
      "<c r=\"A1\"><v>11</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></c></row></sheetData></worksheet>";
  const ParsedSheet p = parse_sheet(xml, 0, strings, styles);
  CHECK(dump(p.cells) == "1:|11||3\n2:||2|\n");
}

TEST_CASE("sheet: damaged XML and references past column XFD") {
  const StringPool strings;
  const CellStyles styles;
  SheetParser parser(SheetParser::Mode::collect, strings, styles, false);
  CHECK_FALSE(parser.feed("<worksheet><sheetData>\n<row>\n<c><v>1</c>", false));
  CHECK(parser.error() == "line 3: mismatched tag");
  uint32_t column = 0;
  CHECK(parse_cell_column("XFD1", column));
  CHECK(column == 16383);
  CHECK_FALSE(parse_cell_column("XFE1", column));
  CHECK_FALSE(parse_cell_column("ZZZZZZZ1", column));
  CHECK_FALSE(parse_cell_column("12", column));
  const ParsedSheet p =
      parse_sheet("<worksheet><sheetData><row><c r=\"ZZZZ1\"><v>1</v></c><c r=\"A1\"><v>2</v></c>"
                  "</row></sheetData></worksheet>",
                  0, strings, styles);
  CHECK(dump(p.cells) == "1:|2\n");
}

// [SECTION] day/month swap ---------------------------------------------------------------------------

namespace {

// A one-column table; cells starting with '=' are true date cells (the rest of the text).
struct SwapTable {
  SheetCells cells;
  std::vector<uint64_t> date_cells;
};
SwapTable swap_table(std::vector<std::string> column) {
  SwapTable t;
  t.cells.width = 1;
  for (size_t i = 0; i < column.size(); ++i) {
    std::string text = column[i];
    if (!text.empty() && text[0] == '=') {
      text.erase(0, 1);
      t.date_cells.push_back(i);
    }
    t.cells.row_number.push_back(i + 1);
    t.cells.bytes += text;
    t.cells.end.push_back(t.cells.bytes.size());
  }
  return t;
}
std::vector<std::string> column_of(const SheetCells& c) {
  std::vector<std::string> out;
  for (size_t r = 0; r < c.row_count(); ++r) out.emplace_back(c.cell(r, 0));
  return out;
}

}  // namespace

TEST_CASE("day/month swap: an M/D/YYYY CSV opened by a day-first Excel is swapped back") {
  SwapTable t = swap_table({"Invoice date", "=2013-02-01", "1/26/2013", "=2013-12-03 13:45:00",
                            "12/31/2013", ""});
  find_date_swaps(t.cells, t.date_cells, false);
  REQUIRE(t.cells.date_swaps.size() == 1);
  const DateSwap& s = t.cells.date_swaps[0];
  CHECK(s.column == 0);
  CHECK(s.cells == 2);
  CHECK(s.swapped);
  CHECK(s.text_month_first);
  CHECK(column_of(t.cells) == std::vector<std::string>{"Invoice date", "2013-01-02", "1/26/2013",
                                                       "2013-03-12 13:45:00", "12/31/2013", ""});
}

TEST_CASE("day/month swap: the mirror case, keep, and the columns left alone") {
  SUBCASE("day-first text, kept as stored") {
    SwapTable t = swap_table({"=2013-02-01", "26.01.2013", "=2013-05-04"});
    find_date_swaps(t.cells, t.date_cells, true);
    REQUIRE(t.cells.date_swaps.size() == 1);
    CHECK_FALSE(t.cells.date_swaps[0].swapped);
    CHECK_FALSE(t.cells.date_swaps[0].text_month_first);
    CHECK(column_of(t.cells) == std::vector<std::string>{"2013-02-01", "26.01.2013", "2013-05-04"});
  }
  SUBCASE("a date cell with a day above 12") {
    SwapTable t = swap_table({"=2013-02-01", "1/26/2013", "=2013-02-13"});
    find_date_swaps(t.cells, t.date_cells, false);
    CHECK(t.cells.date_swaps.empty());
  }
  SUBCASE("no text date") {
    SwapTable t = swap_table({"=2013-02-01", "n/a", "=2013-02-03"});
    find_date_swaps(t.cells, t.date_cells, false);
    CHECK(t.cells.date_swaps.empty());
  }
  SUBCASE("text dates of both orders") {
    SwapTable t = swap_table({"=2013-02-01", "1/26/2013", "26/1/2013"});
    find_date_swaps(t.cells, t.date_cells, false);
    CHECK(t.cells.date_swaps.empty());
  }
  SUBCASE("a text date Excel could have read either way") {
    SwapTable t = swap_table({"=2013-02-01", "1/26/2013", "3/4/2013"});
    find_date_swaps(t.cells, t.date_cells, false);
    CHECK(t.cells.date_swaps.empty());
    CHECK(column_of(t.cells)[0] == "2013-02-01");
  }
  int a = 0, b = 0;
  CHECK(parse_text_date(" 1/26/2013 ", a, b));
  CHECK((a == 1 && b == 26));
  CHECK(parse_text_date("01-26-2013", a, b));
  CHECK_FALSE(parse_text_date("1/26/13", a, b));
  CHECK_FALSE(parse_text_date("1/26-2013", a, b));
  CHECK_FALSE(parse_text_date("2013-01-26", a, b));
}
