// The whole importer on the fixtures in tests/data/ and on generated files: detection, rows,
// rejections, notes, typing, roles, re-typing, and identical results however the bytes are cut.
//
// [SECTION] helpers
// [SECTION] fixtures
// [SECTION] encodings
// [SECTION] header and shape
// [SECTION] roles and re-typing
// [SECTION] chunking
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/roles/roles.hpp"

using namespace overdue;

// [SECTION] helpers ------------------------------------------------------------------------------

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Everything an ImportedFile holds, as text, for exact comparisons.
std::string dump(const ImportedFile& f, bool with_encoding = true) {
  std::ostringstream o;
  o << "error=" << f.error << "\n";
  if (with_encoding) o << "encoding=" << encoding_name(f.encoding) << "\n";
  o << "delimiter=" << int(f.delimiter) << " header=" << f.header << " kind=" << table_kind_name(f.table_kind)
    << " read=" << f.rows.read << " accepted=" << f.rows.accepted
    << " rejected=" << f.rows.rejected << "\n";
  for (const Column& c : f.columns) {
    o << "col " << c.name << " " << column_type_name(c.type) << " " << c.date_format << " "
      << c.date_order_ambiguous << " role=" << role_name(c.role) << " money=" << c.money
      << " missing=" << c.missing << "\n";
    for (size_t i = 0; i < c.text.size(); ++i) o << "[" << c.text.at(i) << "]";
    o << "\n";
    for (int64_t v : c.cents) o << v << ",";
    for (double v : c.number) {
      uint64_t bits;
      std::memcpy(&bits, &v, 8);
      o << std::hex << bits << std::dec << ",";
    }
    for (int32_t v : c.days) o << v << ",";
    o << "\n";
  }
  for (uint64_t l : f.row_line) o << l << ",";
  o << "\n";
  for (const RejectedRow& r : f.rejected) o << "rej " << r.line << " " << r.reason << " [" << r.text << "]\n";
  for (const CellError& e : f.cell_errors)
    o << "cell " << e.line << " " << e.column << " [" << e.text << "] " << e.reason << "\n";
  o << "cell_errors_total=" << f.cell_errors_total << "\n";
  for (const std::string& n : f.notes) o << "note " << n << "\n";
  return o.str();
}

// Feeds bytes in pieces of the given sizes (cycled).
ImportedFile import_in_pieces(std::string_view bytes, const std::vector<size_t>& pieces) {
  FileImporter importer("x.csv");
  size_t at = 0, k = 0;
  while (at < bytes.size()) {
    const size_t len = pieces[k++ % pieces.size()];
    importer.feed(bytes.substr(at, len));
    at += len;
  }
  CHECK(importer.bytes_fed() == bytes.size());
  return importer.finish();
}

ImportedFile import_split(std::string_view bytes, size_t split) {
  FileImporter importer("x.csv");
  importer.feed(bytes.substr(0, split));
  importer.feed(bytes.substr(split));
  return importer.finish();
}

void check_reconciles(const ImportedFile& f) {
  CHECK(f.rows.read == f.rows.accepted + f.rows.rejected);
  CHECK(f.rejected.size() == f.rows.rejected);
  CHECK(f.row_line.size() == f.rows.accepted);
  CHECK(f.cell_errors.size() == std::min<uint64_t>(f.cell_errors_total, kMaxCellErrorsListed));
  for (const Column& c : f.columns) {
    CHECK(c.text.size() == f.row_count());
    if (c.type == ColumnType::integer || c.type == ColumnType::decimal) {
      CHECK(c.cents.size() == f.row_count());
      CHECK(c.number.size() == f.row_count());
    }
    if (c.type == ColumnType::date) CHECK(c.days.size() == f.row_count());
  }
}

const Column& col(const ImportedFile& f, const std::string& name) {
  for (const Column& c : f.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return f.columns.front();
}

struct Lcg {
  uint32_t state;
  uint32_t next() { return state = state * 1664525u + 1013904223u; }
};

// A file larger than the sniff sample whose tail is full of traps, so that chunk borders fall
// inside quoted fields, CRLFs, multi-byte characters and broken records on the streaming path.
std::string big_tricky_file() {
  std::string s = "id,customer,comment,amount,due date\r\n";
  int id = 1;
  while (s.size() < FileImporter::kSniffBytes + 100) {
    s += std::to_string(id) + ",Customer " + std::to_string(id % 97) + ",plain," +
         std::to_string(id * 7 % 1000) + "." + std::to_string(id % 10) + "0,2024-01-" +
         std::to_string(10 + id % 18) + "\r\n";
    ++id;
  }
  s += "9001,\"Acme, Inc.\",\"two\r\nlines \"\"quoted\"\"\",\"$1,234.50\",2024-02-01\r\n"
       "\r\n"
       "9002,\xE4\xB8\x8A\xE6\xB5\xB7\xE5\x8D\x8E\xE4\xB8\x9C,\xE5\xA4\x87\xE6\xB3\xA8,"
       "1234.5\xE5\x85\x83,2024/2/2\r"
       "9003,ragged,row\n"
       "id,customer,comment,amount,due date\n"
       "9004,quote \"inside\",x,(300.00),2024-02-03\n"
       "9005,\"\",,-,\n"
       ",,,,\n"
       "9006,broken,\"open,1.00,2024-02-04\n"
       "9007,after,ok,2.00,2024-02-05\n"
       "9008,last,no newline,3.00,2024-02-06";
  return s;
}

}  // namespace

// [SECTION] fixtures -----------------------------------------------------------------------------

TEST_CASE("invoices_en.csv: quoted names, money forms, dates, roles") {
  const ImportedFile f = import_bytes("invoices_en.csv", fixture("invoices_en.csv"));
  REQUIRE(f.error.empty());
  check_reconciles(f);
  CHECK(f.encoding == Encoding::utf8);
  CHECK(f.delimiter == ',');
  CHECK(f.header);
  CHECK(f.rows.accepted == 6);
  CHECK(f.columns.size() == 7);
  CHECK(col(f, "Customer").text.at(0) == "Acme, Inc.");
  CHECK(col(f, "Customer").text.at(2) == "Initech \"West\"");
  const Column& amount = col(f, "Amount");
  CHECK(amount.type == ColumnType::decimal);
  CHECK(amount.role == Role::amount);
  CHECK(amount.money);
  CHECK(amount.cents == std::vector<int64_t>{123450, 98000, -30000, 1200000, 45025, 7500});
  const Column& paid = col(f, "Paid Amount");
  CHECK(paid.cents[0] == 0);  // "-" in a money column
  CHECK(paid.missing == 2);   // "" and N/A
  const Column& due = col(f, "Due Date");
  CHECK(due.type == ColumnType::date);
  CHECK(due.date_format == "%Y-%m-%d");
  CHECK(due.role == Role::due_date);
  CHECK(f.row_line == std::vector<uint64_t>{2, 3, 4, 5, 6, 7});
}

TEST_CASE("payments_zh.csv: Chinese headers, ¥/￥/元, (…) negatives, 年月日 dates") {
  const ImportedFile f = import_bytes("payments_zh.csv", fixture("payments_zh.csv"));
  REQUIRE(f.error.empty());
  check_reconciles(f);
  const Column& amount = col(f, "\xE6\x94\xB6\xE6\xAC\xBE\xE9\x87\x91\xE9\xA2\x9D");  // 收款金额
  CHECK(amount.type == ColumnType::decimal);
  CHECK(amount.cents == std::vector<int64_t>{123450, 123450, 30000, -30000, -8880});
  const Column& date = col(f, "\xE6\x94\xB6\xE6\xAC\xBE\xE6\x97\xA5\xE6\x9C\x9F");  // 收款日期
  CHECK(date.type == ColumnType::date);
  CHECK(date.date_format == "%Y\xE5\xB9\xB4%m\xE6\x9C\x88%d\xE6\x97\xA5");
  CHECK(f.table_kind == TableKind::payments);
}

TEST_CASE("ragged.csv: rows with the wrong field count are rejected with a reason") {
  const ImportedFile f = import_bytes("ragged.csv", fixture("ragged.csv"));
  check_reconciles(f);
  CHECK(f.rows.read == 5);
  CHECK(f.rows.accepted == 3);
  REQUIRE(f.rejected.size() == 2);
  CHECK(f.rejected[0].line == 3);
  CHECK(f.rejected[0].reason == "expected 3 fields, found 4");
  CHECK(f.rejected[0].text == "2,beta,20.00,extra");
  CHECK(f.rejected[1].line == 5);
  CHECK(f.rejected[1].reason == "expected 3 fields, found 2");
  CHECK(f.row_line == std::vector<uint64_t>{2, 4, 6});
}

TEST_CASE("quotes_multiline.csv: a multi-line quoted field is one record") {
  const ImportedFile f = import_bytes("quotes_multiline.csv", fixture("quotes_multiline.csv"));
  check_reconciles(f);
  CHECK(f.rows.read == 5);
  CHECK(f.rows.accepted == 5);
  CHECK(f.row_line == std::vector<uint64_t>{2, 4, 5, 6, 7});
  const Column& comment = col(f, "comment");
  CHECK(comment.text.at(0) == "Line one\r\nline two, with a comma");
  CHECK(comment.text.at(1) == "He said \"pay now\"");
  CHECK(comment.text.at(2) == "plain text with a \"quote\" inside");
  CHECK(comment.text.at(4) == "Three\r\nlines\r\nhere");
  CHECK(comment.missing == 1);
}

TEST_CASE("semicolon_eu.csv: semicolons, decimal commas, day-first dotted dates") {
  const ImportedFile f = import_bytes("semicolon_eu.csv", fixture("semicolon_eu.csv"));
  check_reconciles(f);
  CHECK(f.delimiter == ';');
  CHECK(col(f, "Betrag").type == ColumnType::decimal);
  CHECK(col(f, "Betrag").cents == std::vector<int64_t>{123450, 30000, 1200075, 4510});
  CHECK(col(f, "Rechnungsdatum").date_format == "%d.%m.%Y");
  CHECK(col(f, "Menge").type == ColumnType::integer);
}

TEST_CASE("whitespace_headerless.txt: runs of spaces, no header") {
  const ImportedFile f = import_bytes("whitespace_headerless.txt", fixture("whitespace_headerless.txt"));
  check_reconciles(f);
  CHECK(f.delimiter == ' ');
  CHECK_FALSE(f.header);
  CHECK(f.rows.accepted == 5);
  REQUIRE(f.columns.size() == 21);
  CHECK(f.columns[0].name == "column_1");
  CHECK(f.columns[20].name == "column_21");
  CHECK(f.columns[0].text.at(3) == "A11");
  CHECK(f.columns[1].type == ColumnType::integer);
  CHECK(f.columns[4].cents[0] == 116900);
  CHECK(f.row_line.front() == 1);
}

TEST_CASE("dates_day_first.csv and dates_ambiguous.csv: inferred order, flag, re-typing") {
  const ImportedFile d = import_bytes("dates_day_first.csv", fixture("dates_day_first.csv"));
  CHECK(col(d, "invoice date").date_format == "%d/%m/%Y");
  CHECK_FALSE(col(d, "invoice date").date_order_ambiguous);

  ImportedFile a = import_bytes("dates_ambiguous.csv", fixture("dates_ambiguous.csv"));
  Column& date = a.columns[1];
  CHECK(date.date_order_ambiguous);
  CHECK(date.date_format == "%m/%d/%Y");
  const int32_t jan5 = date.days[0];
  bool noted = false;
  for (const std::string& n : a.notes) noted |= n.find("month first assumed") != std::string::npos;
  CHECK(noted);
  date.date_order = DateOrder::day_first;
  retype_column(a, 1);
  CHECK(date.date_format == "%d/%m/%Y");
  CHECK(jan5 == days_from_civil(2024, 1, 5));
  CHECK(date.days[0] == days_from_civil(2024, 5, 1));
  check_reconciles(a);
}

TEST_CASE("excel_serial.csv: serials in a date-named column") {
  const ImportedFile f = import_bytes("excel_serial.csv", fixture("excel_serial.csv"));
  const Column& due = col(f, "due_date");
  CHECK(due.type == ColumnType::date);
  CHECK(due.date_format == "excel-serial");
  CHECK(due.days[0] == 19727);  // 2024-01-05
  CHECK(due.missing == 1);
}

TEST_CASE("repeated_header.csv: repeats are skipped, not counted, noted") {
  const ImportedFile f = import_bytes("repeated_header.csv", fixture("repeated_header.csv"));
  check_reconciles(f);
  CHECK(f.rows.read == 5);
  CHECK(f.rows.rejected == 0);
  CHECK(f.notes == std::vector<std::string>{"header repeated at line 4: skipped",
                                            "header repeated at line 7: skipped"});
  CHECK(col(f, "amount").type == ColumnType::decimal);
}

TEST_CASE("unterminated_quote.csv: only the opening record is lost") {
  const ImportedFile f = import_bytes("unterminated_quote.csv", fixture("unterminated_quote.csv"));
  check_reconciles(f);
  CHECK(f.rows.read == 4);
  CHECK(f.rows.accepted == 3);
  REQUIRE(f.rejected.size() == 1);
  CHECK(f.rejected[0].line == 3);
  CHECK(f.rejected[0].reason == "unterminated quote");
  CHECK(f.rejected[0].text == "2,\"beta,20.00");
  CHECK(f.row_line == std::vector<uint64_t>{2, 4, 5});
}

TEST_CASE("trailing_delimiter.csv: the empty last column is dropped") {
  const ImportedFile f = import_bytes("trailing_delimiter.csv", fixture("trailing_delimiter.csv"));
  check_reconciles(f);
  CHECK(f.rows.accepted == 3);
  REQUIRE(f.columns.size() == 3);
  CHECK(f.columns[2].name == "amount");
  CHECK(f.notes == std::vector<std::string>{"trailing delimiter: empty last column dropped"});
  // Headerless too; but a named or non-empty last column stays.
  CHECK(import_bytes("x", "1,2,\n3,4,\n").columns.size() == 2);
  CHECK(import_bytes("x", "a,b,c\n1,2,\n3,4,\n").columns.size() == 3);
  CHECK(import_bytes("x", "a,b,\n1,2,\n3,4,5\n").columns.size() == 3);
}

TEST_CASE("line_endings_mixed.csv: CRLF, LF, CR, blank lines, no final line end") {
  const ImportedFile f = import_bytes("line_endings_mixed.csv", fixture("line_endings_mixed.csv"));
  check_reconciles(f);
  CHECK(f.rows.read == 4);
  CHECK(f.row_line == std::vector<uint64_t>{2, 4, 5, 7});
  CHECK(col(f, "amount").cents == std::vector<int64_t>{1000, 2000, 3000, 4000});
}

TEST_CASE("bom_utf8.csv, pipe and tab files") {
  const ImportedFile bom = import_bytes("bom_utf8.csv", fixture("bom_utf8.csv"));
  CHECK(bom.encoding == Encoding::utf8_bom);
  CHECK(bom.columns[0].name == "\xE5\xAE\xA2\xE6\x88\xB7");  // 客户, without the BOM
  const ImportedFile pipe = import_bytes("pipe_delimited.csv", fixture("pipe_delimited.csv"));
  CHECK(pipe.delimiter == '|');
  CHECK(col(pipe, "invoice_date").type == ColumnType::date);
  CHECK(col(pipe, "invoice_date").date_format == "%Y/%m/%d");
  const ImportedFile tab = import_bytes("tab_delimited.tsv", fixture("tab_delimited.tsv"));
  CHECK(tab.delimiter == '\t');
  CHECK(col(tab, "customer").text.at(0) == "Alpha Ltd");
  CHECK(col(tab, "due date").date_format == "%Y-%m-%d %H:%M");
}

TEST_CASE("cell_errors.csv: bad cells listed with line, column, text and reason") {
  const ImportedFile f = import_bytes("cell_errors.csv", fixture("cell_errors.csv"));
  check_reconciles(f);
  CHECK(col(f, "invoice_date").type == ColumnType::date);
  CHECK(col(f, "amount").type == ColumnType::decimal);
  REQUIRE(f.cell_errors.size() == 3);
  CHECK(f.cell_errors_total == 3);
  CHECK(f.cell_errors[0].line == 3);
  CHECK(f.cell_errors[0].column == 1);
  CHECK(f.cell_errors[0].text == "2024-02-30");
  CHECK(f.cell_errors[0].reason == "invalid date");
  CHECK(f.cell_errors[1].line == 4);
  CHECK(f.cell_errors[1].column == 2);
  CHECK(f.cell_errors[1].reason == "not a number");
  CHECK(f.cell_errors[2].line == 5);
  CHECK(f.cell_errors[2].text == "0000-01-01");
  CHECK(col(f, "invoice_date").missing == 2);
}

TEST_CASE("missing_markers.csv: missing counts per column") {
  const ImportedFile f = import_bytes("missing_markers.csv", fixture("missing_markers.csv"));
  CHECK(col(f, "amount").missing == 3);  // "-" is zero here (money)
  CHECK(col(f, "score").missing == 1);
  CHECK(col(f, "note").missing == 4);
  CHECK(f.cell_errors_total == 0);
}

// [SECTION] encodings ----------------------------------------------------------------------------

TEST_CASE("GBK file and its UTF-8 twin import identically except the encoding") {
  const ImportedFile gbk = import_bytes("g", fixture("gbk_invoices_gbk.csv"));
  const ImportedFile utf = import_bytes("g", fixture("gbk_invoices_utf8.csv"));
  CHECK(gbk.encoding == Encoding::gb18030);
  CHECK(utf.encoding == Encoding::utf8);
  CHECK(dump(gbk, false) == dump(utf, false));
  CHECK(gbk.rows.accepted == 6);
  CHECK(gbk.table_kind == TableKind::invoices);
  CHECK(gbk.columns[0].text.at(0) ==
        "\xE4\xB8\x8A\xE6\xB5\xB7\xE5\x8D\x8E\xE4\xB8\x9C\xE8\xB4\xB8\xE6\x98\x93"
        "\xE6\x9C\x89\xE9\x99\x90\xE5\x85\xAC\xE5\x8F\xB8");  // 上海华东贸易有限公司
}

TEST_CASE("a large GBK file in random chunks equals its UTF-8 twin") {
  std::string gbk = fixture("gbk_invoices_gbk.csv");
  std::string utf = fixture("gbk_invoices_utf8.csv");
  const std::string gbk_rows = gbk.substr(gbk.find('\n') + 1);
  const std::string utf_rows = utf.substr(utf.find('\n') + 1);
  while (gbk.size() < 3 * FileImporter::kSniffBytes) {
    gbk += gbk_rows;
    utf += utf_rows;
  }
  const std::string expected = dump(import_bytes("x.csv", utf), false);
  CHECK(dump(import_bytes("x.csv", gbk), false) == expected);
  Lcg lcg{2024};
  for (int round = 0; round < 20; ++round) {
    std::vector<size_t> pieces;
    for (int i = 0; i < 32; ++i) pieces.push_back(1 + lcg.next() % 5000);
    const ImportedFile f = import_in_pieces(gbk, pieces);
    REQUIRE(f.encoding == Encoding::gb18030);
    REQUIRE(dump(f, false) == expected);
  }
}

TEST_CASE("Chinese text after a long ASCII start is still recognised as GBK") {
  std::string file = "id,name\n";
  for (int i = 0; file.size() < 2 * FileImporter::kSniffBytes; ++i)
    file += std::to_string(i) + ",plain ascii name\n";
  file += "99999,\xD6\xD0\xCE\xC4\n";  // 中文 in GBK
  const ImportedFile f = import_in_pieces(file, {4096});
  CHECK(f.encoding == Encoding::gb18030);
  CHECK(f.rows.rejected == 0);
  CHECK(f.columns[1].text.at(f.row_count() - 1) == "\xE4\xB8\xAD\xE6\x96\x87");
}

TEST_CASE("UTF-16 with a byte-order mark imports like UTF-8") {
  const std::string utf = fixture("payments_zh.csv");
  // UTF-8 → UTF-16LE (the fixture is all BMP).
  std::string le = "\xFF\xFE";
  for (size_t i = 0; i < utf.size();) {
    const unsigned char c = static_cast<unsigned char>(utf[i]);
    uint32_t cp;
    if (c < 0x80) cp = c, i += 1;
    else if (c < 0xE0) cp = ((c & 0x1F) << 6) | (utf[i + 1] & 0x3F), i += 2;
    else cp = ((c & 0x0F) << 12) | ((utf[i + 1] & 0x3F) << 6) | (utf[i + 2] & 0x3F), i += 3;
    le += static_cast<char>(cp & 0xFF);
    le += static_cast<char>(cp >> 8);
  }
  const ImportedFile f = import_bytes("u16", le);
  CHECK(f.encoding == Encoding::utf16le);
  CHECK(dump(f, false) == dump(import_bytes("u16", utf), false));
}

TEST_CASE("undecodable bytes reject their record only") {
  const std::string file = "name,amount\n\xE5\xBC\xA0\xE4\xB8\x89,1\nbad\xFF\xFE,2\n\xE6\x9D\x8E,3\n";
  const ImportedFile f = import_bytes("x", file);
  check_reconciles(f);
  CHECK(f.encoding == Encoding::utf8);
  CHECK(f.rows.read == 3);
  CHECK(f.rows.accepted == 2);
  REQUIRE(f.rejected.size() == 1);
  CHECK(f.rejected[0].line == 3);
  CHECK(f.rejected[0].reason == "undecodable bytes");
  CHECK(import_bytes("x", "na\xFF" "me,amount\n1,2\n").error.find("undecodable") !=
        std::string::npos);
}

TEST_CASE("binary and empty files give a clear error, never a table") {
  const ImportedFile png = import_bytes("not_a_csv_png.bin", fixture("not_a_csv_png.bin"));
  CHECK(png.error == "binary file (PNG image), not a CSV");
  CHECK(png.columns.empty());
  CHECK(import_bytes("empty.csv", fixture("empty.csv")).error == "empty file");
  CHECK(import_bytes("blank.csv", "\n\r\n  \n").error == "empty file (no records)");
  CHECK(import_bytes("nul.csv", std::string("a,b\n\0\0\0\0", 8)).error.find("binary") == 0);
  FileImporter importer("late.png");
  importer.feed("\x89PNG");
  importer.feed("\r\n\x1a\n....");
  CHECK(importer.finish().error == "binary file (PNG image), not a CSV");
}

// [SECTION] header and shape ---------------------------------------------------------------------

TEST_CASE("header detection") {
  // A first row with numbers is data.
  const ImportedFile numeric = import_bytes("x", "1,2.5,3\n4,5.5,6\n");
  CHECK_FALSE(numeric.header);
  CHECK(numeric.rows.accepted == 2);
  CHECK(numeric.columns[2].name == "column_3");
  // Text over numbers is a header.
  CHECK(import_bytes("x", "foo,bar\n1,2\n").header);
  // Known header names, even over text.
  CHECK(import_bytes("x", "customer,comment\nAlice,hello\n").header);
  // All text with distinct names: a header; a repeated or empty name: data.
  CHECK(import_bytes("x", "alpha,beta\ngamma,delta\n").header);
  CHECK_FALSE(import_bytes("x", "alpha,alpha\ngamma,delta\n").header);
  // A header alone: zero rows, no error.
  const ImportedFile only = import_bytes("x", "customer,amount\n");
  CHECK(only.error.empty());
  CHECK(only.header);
  CHECK(only.rows.read == 0);
  CHECK(only.columns.size() == 2);
}

TEST_CASE("rows of delimiters only are skipped and noted") {
  const ImportedFile f = import_bytes("x", "a,b\n1,2\n,\n , \n3,4\n");
  check_reconciles(f);
  CHECK(f.rows.read == 2);
  CHECK(f.notes == std::vector<std::string>{"2 rows of delimiters only skipped (first at line 3)"});
}

TEST_CASE("an empty header cell is named by position") {
  const ImportedFile f = import_bytes("x", ",name,amount\n1,a,5\n2,b,6\n");
  CHECK(f.columns[0].name == "column_1");
  CHECK(f.columns[1].name == "name");
}

// [SECTION] roles and re-typing ------------------------------------------------------------------

TEST_CASE("a money role makes a lone '-' zero: retype_column") {
  ImportedFile f = import_bytes("x", "id,x\n1,5\n2,-\n3,7\n");
  Column& x = f.columns[1];
  CHECK_FALSE(x.money);
  CHECK(x.missing == 1);
  CHECK(x.cents[1] == kMissingCents);
  x.role = Role::amount;
  x.role_set_by_user = true;
  retype_column(f, 1);
  CHECK(x.money);
  CHECK(x.missing == 0);
  CHECK(x.cents[1] == 0);
}

TEST_CASE("retype_column keeps cell errors and their total in step") {
  std::string text = "when,amount\n";
  for (int i = 1; i <= 40; ++i) text += "0" + std::to_string(1 + i % 9) + "/0" + std::to_string(1 + i % 7) + "/2024,1\n";
  text += "13/01/2024,2\n";  // the only day-first evidence
  text += "x,y\n";           // a cell error in each column
  ImportedFile f = import_bytes("x", text);
  REQUIRE(f.columns[0].type == ColumnType::date);
  CHECK(f.columns[0].date_format == "%d/%m/%Y");
  CHECK(f.cell_errors_total == 2);  // "x" as a date and as an amount
  f.columns[0].date_order = DateOrder::month_first;
  retype_column(f, 0);
  CHECK(f.cell_errors_total == 3);  // now 13/01/2024 does not fit either
  CHECK(f.cell_errors.size() == 3);
  CHECK(f.cell_errors[0].text == "13/01/2024");
  CHECK(f.cell_errors[1].line == 43);
  CHECK(f.cell_errors[1].column == 0);
  CHECK(f.cell_errors[2].column == 1);
  f.columns[0].date_order = DateOrder::automatic;
  retype_column(f, 0);
  CHECK(f.cell_errors_total == 2);
}

// [SECTION] chunking -----------------------------------------------------------------------------

TEST_CASE("chunking: every split, 1-byte chunks and random splits give identical results") {
  const std::string file = big_tricky_file();
  const ImportedFile whole = import_bytes("x.csv", file);
  check_reconciles(whole);
  const std::string expected = dump(whole);
  // The traps are all there.
  CHECK(whole.rows.rejected == 2);  // ragged 9003, unterminated 9006 (then resumed)
  CHECK(whole.rejected[0].reason == "expected 5 fields, found 3");
  CHECK(whole.rejected[1].reason == "unterminated quote");
  bool repeated = false, empty_rows = false;
  for (const std::string& n : whole.notes) {
    repeated |= n.find("header repeated") == 0;
    empty_rows |= n.find("delimiters only") != std::string::npos;
  }
  CHECK(repeated);
  CHECK(empty_rows);
  CHECK(col(whole, "customer").text.at(whole.row_count() - 6) == "Acme, Inc.");
  CHECK(col(whole, "customer").text.at(whole.row_count() - 2) == "after");

  const size_t tail = file.find("9001,");
  for (size_t split = tail - 10; split <= file.size(); ++split)
    REQUIRE_MESSAGE(dump(import_split(file, split)) == expected, "split at " << split);
  for (size_t split : {size_t(0), size_t(1), size_t(2), FileImporter::kSniffBytes - 1,
                       FileImporter::kSniffBytes, FileImporter::kSniffBytes + 1})
    REQUIRE(dump(import_split(file, split)) == expected);
  REQUIRE(dump(import_in_pieces(file, {1})) == expected);
  Lcg lcg{42};
  for (int round = 0; round < 30; ++round) {
    std::vector<size_t> pieces;
    for (int i = 0; i < 64; ++i) pieces.push_back(1 + lcg.next() % 3000);
    REQUIRE(dump(import_in_pieces(file, pieces)) == expected);
  }
}

TEST_CASE("chunking of every fixture: 1-byte chunks and random splits") {
  for (const char* name : {"invoices_en.csv", "payments_zh.csv", "ragged.csv", "quotes_multiline.csv",
                           "semicolon_eu.csv", "whitespace_headerless.txt", "dates_day_first.csv",
                           "excel_serial.csv", "repeated_header.csv", "unterminated_quote.csv",
                           "gbk_invoices_gbk.csv", "line_endings_mixed.csv", "trailing_delimiter.csv"}) {
    const std::string bytes = fixture(name);
    const std::string expected = dump(import_bytes("x.csv", bytes));
    REQUIRE_MESSAGE(dump(import_in_pieces(bytes, {1})) == expected, name);
    for (size_t split = 0; split <= bytes.size(); ++split)
      REQUIRE_MESSAGE(dump(import_split(bytes, split)) == expected, name << " split " << split);
  }
}
