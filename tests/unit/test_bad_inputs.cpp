// The bad-input corpus (issue #8): one TEST_CASE per file of tests/data/bad/ (and per generated
// case too big to commit: 100,000 columns, a 50 MB field, NUL after the sniffed start), each
// stating its exact outcome — the error message, or the rejected rows with their reasons, or the
// cell errors — and, for every file that imports, read = accepted + rejected. The ledger-level
// cases (credit notes, due before invoice, duplicate ids, unknown customers, early payments) go
// through build_ledger and pin what it does today.
//
// [SECTION] helpers
// [SECTION] files that cannot be read at all
// [SECTION] encodings
// [SECTION] structure: quotes, line ends, field counts, headers
// [SECTION] values: dates and amounts
// [SECTION] generated: 100,000 columns, a 50 MB field, a late NUL
// [SECTION] ledger-level cases
// [SECTION] every file: chunked = whole
// [SECTION] regressions
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "overdue/text/civil_date.hpp"
#include "overdue/text/encoding.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/ledger/ledger.hpp"

using namespace overdue;

namespace {

// [SECTION] helpers ------------------------------------------------------------------------------

const char* const kBadFiles[] = {
    "empty.csv", "header_only.csv", "png_renamed.csv", "utf16le_bom.csv", "utf16be_bom.csv",
    "invalid_utf8.csv", "gbk_broken.csv", "nul_bytes.csv", "unterminated_quote.csv",
    "quote_in_unquoted.csv", "mixed_line_endings.csv", "ragged_rows.csv",
    "duplicated_header_names.csv", "header_repeated.csv", "dates_out_of_range.csv",
    "amount_overflow.csv", "credit_notes.csv", "due_before_invoice.csv",
    "duplicate_invoice_ids.csv", "ledger_invoices.csv", "payments_unknown_customer.csv",
    "payments_before_invoices.csv"};

std::string bad_bytes(const std::string& name) {
  std::ifstream in(std::string(OL_SOURCE_DIR) + "/tests/data/bad/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void check_reconciles(const ImportedFile& f) {
  CHECK(f.rows.read == f.rows.accepted + f.rows.rejected);
  CHECK(f.rejected.size() == f.rows.rejected);
  CHECK(f.row_line.size() == f.rows.accepted);
  for (const Column& c : f.columns) CHECK(c.text.size() == f.row_count());
}

ImportedFile bad(const std::string& name) {
  ImportedFile f = import_bytes(name, bad_bytes(name));
  check_reconciles(f);
  return f;
}

// A file that could not be read: the message, and nothing else.
void check_refused(const ImportedFile& f, const std::string& error, FileErrorKind kind) {
  CHECK(f.error == error);
  CHECK(file_error_kind_name(f.error_kind) == file_error_kind_name(kind));
  CHECK(f.columns.empty());
  CHECK(f.rows.read == 0);
  CHECK(f.rejected.empty());
}

std::vector<std::string> texts(const Column& c) {
  std::vector<std::string> out;
  for (size_t i = 0; i < c.text.size(); ++i) out.emplace_back(c.text.at(i));
  return out;
}

std::vector<std::string> names(const ImportedFile& f) {
  std::vector<std::string> out;
  for (const Column& c : f.columns) out.push_back(c.name);
  return out;
}

// "line reason [text]" per rejected row.
std::vector<std::string> rejections(const ImportedFile& f) {
  std::vector<std::string> out;
  for (const RejectedRow& r : f.rejected)
    out.push_back(std::to_string(r.line) + " " + r.reason + " [" + r.text + "]");
  return out;
}

// "line column [text] reason" per cell error.
std::vector<std::string> cell_errors(const ImportedFile& f) {
  std::vector<std::string> out;
  for (const CellError& e : f.cell_errors)
    out.push_back(std::to_string(e.line) + " " + f.columns[e.column].name + " [" + e.text + "] " + e.reason);
  return out;
}

const Column& col(const ImportedFile& f, const std::string& name) {
  for (const Column& c : f.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return f.columns.front();
}

ImportedFile import_in_pieces(std::string_view bytes, size_t piece) {
  FileImporter importer("pieces.csv");
  for (size_t at = 0; at < bytes.size(); at += piece) importer.feed(bytes.substr(at, piece));
  return importer.finish();
}

int32_t day(int y, int m, int d) { return days_from_civil(y, m, d); }

Ledger ledger_of(const std::vector<std::string>& files) {
  std::vector<ImportedFile> imported;
  for (const std::string& name : files) {
    imported.push_back(bad(name));
    REQUIRE_MESSAGE(imported.back().error.empty(), name << ": " << imported.back().error);
  }
  Ledger l = build_ledger(imported);
  CHECK(l.rows.read == l.rows.accepted + l.rows.rejected);
  return l;
}

const std::string kReplacement = "\xEF\xBF\xBD";

}  // namespace

// [SECTION] files that cannot be read at all -----------------------------------------------------

TEST_CASE("bad/empty.csv: 'empty file'") {
  check_refused(bad("empty.csv"), "empty file", FileErrorKind::empty_file);
}

TEST_CASE("bad/header_only.csv: the columns and no rows, no error") {
  const ImportedFile f = bad("header_only.csv");
  CHECK(f.error.empty());
  CHECK(names(f) == std::vector<std::string>{"客户名称", "发票号", "开票日期", "到期日", "金额"});
  CHECK(f.rows.read == 0);
  CHECK(f.rows.accepted == 0);
  CHECK(f.table_kind == TableKind::invoices);
  for (const Column& c : f.columns) CHECK(c.type == ColumnType::text);  // nothing to type from
  const Ledger l = build_ledger({f});
  CHECK(l.invoices.empty());
  CHECK(l.customers.empty());
  CHECK(l.rows.read == 0);
}

TEST_CASE("bad/png_renamed.csv: 'binary file (PNG image), not a CSV'") {
  check_refused(bad("png_renamed.csv"), "binary file (PNG image), not a CSV", FileErrorKind::binary_file);
}

TEST_CASE("bad/nul_bytes.csv: NUL in the first 64 KiB refuses the file as binary") {
  check_refused(bad("nul_bytes.csv"), "binary file (contains NUL bytes), not a CSV", FileErrorKind::binary_file);
}

// [SECTION] encodings ----------------------------------------------------------------------------

TEST_CASE("bad/utf16le_bom.csv and bad/utf16be_bom.csv: converted, not garbage") {
  for (const char* name : {"utf16le_bom.csv", "utf16be_bom.csv"}) {
    CAPTURE(name);
    const ImportedFile f = bad(name);
    REQUIRE(f.error.empty());
    CHECK(f.encoding == (std::string(name) == "utf16le_bom.csv" ? Encoding::utf16le : Encoding::utf16be));
    CHECK(names(f) == std::vector<std::string>{"客户名称", "发票号", "金额"});
    CHECK(f.rows.read == 2);
    CHECK(f.rows.rejected == 0);
    CHECK(texts(col(f, "客户名称")) == std::vector<std::string>{"华东贸易", "南方五金"});
    CHECK(col(f, "金额").cents == std::vector<int64_t>{120050, 30000});
    CHECK(f.row_line == std::vector<uint64_t>{2, 3});  // CRLF line ends counted once
  }
}

TEST_CASE("bad/invalid_utf8.csv: the two records with invalid bytes are rejected, the rest stays UTF-8") {
  const ImportedFile f = bad("invalid_utf8.csv");
  REQUIRE(f.error.empty());
  CHECK(f.encoding == Encoding::utf8);
  CHECK(f.rows.read == 5);
  CHECK(f.rows.accepted == 3);
  CHECK(texts(col(f, "客户名称")) == std::vector<std::string>{"华东贸易", "南方五金", "北方"});
  CHECK(rejections(f) == std::vector<std::string>{
                             "3 undecodable bytes [Caf" + kReplacement + " Paris,FP002,200]",
                             "5 undecodable bytes [" + kReplacement + kReplacement + ",FP004,400]"});
}

TEST_CASE("bad/gbk_broken.csv: GB18030, the record with the broken sequence rejected") {
  const ImportedFile f = bad("gbk_broken.csv");
  REQUIRE(f.error.empty());
  CHECK(f.encoding == Encoding::gb18030);
  CHECK(f.rows.read == 3);
  CHECK(texts(col(f, "客户名称")) == std::vector<std::string>{"华东贸易", "北方五金"});
  CHECK(col(f, "金额").cents == std::vector<int64_t>{10000, 30000});
  // 0x81 starts a two-byte character but 0x20 cannot end one: one U+FFFD, the space is kept.
  CHECK(rejections(f) == std::vector<std::string>{"3 undecodable bytes [南" + kReplacement + " ,FP002,200]"});
}

// [SECTION] structure: quotes, line ends, field counts, headers ----------------------------------

TEST_CASE("bad/unterminated_quote.csv: only the records that open the quotes are lost") {
  const ImportedFile f = bad("unterminated_quote.csv");
  REQUIRE(f.error.empty());
  CHECK(f.rows.read == 4);
  CHECK(texts(col(f, "customer")) == std::vector<std::string>{"Alpha", "Gamma"});
  CHECK(f.row_line == std::vector<uint64_t>{2, 4});
  CHECK(rejections(f) == std::vector<std::string>{"3 unterminated quote [\"Beta, Ltd,INV2,2.00]",
                                                  "5 unterminated quote [Delta,INV4,\"4.00]"});
}

TEST_CASE("bad/quote_in_unquoted.csv: a quote inside an unquoted field is a character") {
  const ImportedFile f = bad("quote_in_unquoted.csv");
  REQUIRE(f.error.empty());
  CHECK(texts(col(f, "customer")) == std::vector<std::string>{"Alpha 5\" pipes", "Beta \"Big\" Co", "Gamma"});
  CHECK(texts(col(f, "invoice")) == std::vector<std::string>{"INV1", "INV2", "INV\"3"});
  // A field that starts quoted and goes on after the closing quote is broken quoting.
  CHECK(rejections(f) == std::vector<std::string>{"5 text after closing quote [\"Delta\" Ltd,INV4,4.00]"});
}

TEST_CASE("bad/mixed_line_endings.csv: CRLF, LF, CR, blank lines, CRLF inside quotes, no last line end") {
  const ImportedFile f = bad("mixed_line_endings.csv");
  REQUIRE(f.error.empty());
  CHECK(f.rows.read == 5);
  CHECK(f.rows.rejected == 0);
  CHECK(texts(col(f, "customer")) ==
        std::vector<std::string>{"Alpha", "Beta", "Gamma", "Delta\r\nCo", "Epsilon"});
  CHECK(col(f, "amount").cents == std::vector<int64_t>{100, 200, 300, 400, 500});
  // Physical lines: the blank CRLF line 5 and the lone CR line 8 are skipped, the quoted CRLF
  // makes Delta span lines 6-7.
  CHECK(f.row_line == std::vector<uint64_t>{2, 3, 4, 6, 9});
}

TEST_CASE("bad/ragged_rows.csv: short and long rows rejected with their field counts") {
  const ImportedFile f = bad("ragged_rows.csv");
  REQUIRE(f.error.empty());
  CHECK(f.rows.read == 5);  // the blank line 6 is no record
  CHECK(texts(col(f, "customer")) == std::vector<std::string>{"Alpha", "Delta"});
  CHECK(rejections(f) == std::vector<std::string>{"3 expected 3 fields, found 2 [Beta,INV2]",
                                                  "4 expected 3 fields, found 4 [Gamma,INV3,3.00,extra]",
                                                  "7 expected 3 fields, found 1 [Epsilon]"});
}

TEST_CASE("bad/duplicated_header_names.csv: both columns kept, the repeat noted, roles on the first") {
  const ImportedFile f = bad("duplicated_header_names.csv");
  REQUIRE(f.error.empty());
  CHECK(names(f) == std::vector<std::string>{"customer", "amount", "amount", "date", "date"});
  CHECK(f.rows.accepted == 2);
  CHECK(f.columns[1].role == Role::amount);
  CHECK(f.columns[2].role == Role::none);
  CHECK(f.columns[3].role == Role::invoice_date);
  CHECK(f.columns[4].role == Role::none);
  CHECK(f.columns[2].cents == std::vector<int64_t>{200, 400});
  CHECK(f.notes == std::vector<std::string>{
                       "column name amount repeated (columns 2, 3): a role or mapping by this name means the first",
                       "column name date repeated (columns 4, 5): a role or mapping by this name means the first"});
}

TEST_CASE("bad/header_repeated.csv: repeats (also with spaces) skipped and noted; another case is data") {
  const ImportedFile f = bad("header_repeated.csv");
  REQUIRE(f.error.empty());
  CHECK(f.rows.read == 3);
  CHECK(f.rows.rejected == 0);
  CHECK(texts(col(f, "customer")) == std::vector<std::string>{"Alpha", "Beta", "Customer"});
  CHECK(f.row_line == std::vector<uint64_t>{2, 4, 6});
  CHECK(f.notes == std::vector<std::string>{"header repeated at line 3: skipped",
                                            "header repeated at line 5: skipped"});
  // "Amount" is one text among three values of a column named for money: most of them read, so
  // the column stays numeric and "Amount" is a cell error (issue #17 item 8).
  CHECK(col(f, "amount").type == ColumnType::decimal);
  CHECK(f.cell_errors_total == 1);
}

// [SECTION] values: dates and amounts ------------------------------------------------------------

TEST_CASE("bad/dates_out_of_range.csv: 0000-01-01, 2024-02-30, 1899-12-31 are cell errors; 9999-12-31 is a date") {
  const ImportedFile f = bad("dates_out_of_range.csv");
  REQUIRE(f.error.empty());
  CHECK(f.rows.accepted == 65);
  const Column& d = col(f, "invoice date");
  REQUIRE(d.type == ColumnType::date);
  CHECK(d.missing == 3);
  CHECK(d.days[0] == day(2024, 1, 1));
  CHECK(d.days[60] == kMissingDays);                // 0000-01-01
  CHECK(d.days[61] == day(9999, 12, 31));
  CHECK(d.days[62] == kMissingDays);                // 2024-02-30
  CHECK(d.days[64] == day(2024, 2, 29));
  CHECK(cell_errors(f) == std::vector<std::string>{"62 invoice date [0000-01-01] invalid date",
                                                   "64 invoice date [2024-02-30] invalid date",
                                                   "65 invoice date [1899-12-31] invalid date"});
  CHECK(f.cell_errors_total == 3);
}

TEST_CASE("bad/amount_overflow.csv: amounts beyond int64 cents are 'amount out of range'") {
  const ImportedFile f = bad("amount_overflow.csv");
  REQUIRE(f.error.empty());
  CHECK(f.rows.accepted == 127);
  const Column& a = col(f, "amount");
  REQUIRE(a.type == ColumnType::decimal);
  CHECK(a.cents[0] == 725);
  CHECK(a.cents[120] == INT64_MAX);                  // 92233720368547758.07 fits exactly
  CHECK(a.cents[122] == -INT64_MAX);
  CHECK(a.missing == 5);
  CHECK(cell_errors(f) == std::vector<std::string>{
                              "123 amount [92233720368547758.08] amount out of range",
                              "125 amount [-92233720368547758.08] amount out of range",
                              "126 amount [1e17] amount out of range",
                              "127 amount [1e400] amount out of range",
                              "128 amount [99,999,999,999,999,999.99] amount out of range"});
}

// [SECTION] generated: 100,000 columns, a 50 MB field, a late NUL --------------------------------

TEST_CASE("generated: 100,000 columns (header longer than the 64 KiB sniff sample)") {
  constexpr size_t kColumns = 100000;
  std::string s;
  for (size_t i = 0; i < kColumns; ++i) s += (i ? ",c" : "c") + std::to_string(i + 1);
  s += "\n";
  for (int row = 0; row < 3; ++row) {
    for (size_t i = 0; i < kColumns; ++i) s += (i ? "," : "") + std::to_string((row * 7 + i) % 1000);
    s += "\n";
    if (row == 0) {  // one field short
      for (size_t i = 0; i + 1 < kColumns; ++i) s += i ? ",1" : "1";
      s += "\n";
    }
  }
  for (const ImportedFile& f : {import_bytes("wide.csv", s), import_in_pieces(s, 65536)}) {
    check_reconciles(f);
    REQUIRE(f.error.empty());
    CHECK(f.delimiter == ',');
    CHECK(f.header);
    REQUIRE(f.columns.size() == kColumns);
    CHECK(f.columns[0].name == "c1");
    CHECK(f.columns[kColumns - 1].name == "c100000");
    CHECK(f.rows.read == 4);
    CHECK(f.rows.accepted == 3);
    CHECK(f.row_line == std::vector<uint64_t>{2, 4, 5});
    REQUIRE(f.rejected.size() == 1);
    CHECK(f.rejected[0].line == 3);
    CHECK(f.rejected[0].reason == "expected 100000 fields, found 99999");
    CHECK(f.rejected[0].text.size() <= 200);
    CHECK(f.columns[kColumns - 1].type == ColumnType::integer);
    CHECK(f.columns[kColumns - 1].cents == std::vector<int64_t>{99900, 600, 1300});
  }
}

TEST_CASE("generated: one 50 MB field, unquoted and quoted with line breaks") {
  constexpr size_t kField = 50u * 1024 * 1024;
  const std::string plain = "id,note,amount\n1," + std::string(kField, 'x') + ",1.00\n2,short,2.00\n";
  std::string quoted_field;
  quoted_field.reserve(kField);
  while (quoted_field.size() < kField) quoted_field += std::string(1023, 'y') + "\n";
  const std::string quoted = "id,note,amount\n1,\"" + quoted_field + "\",1.00\n2,short,2.00\n";
  struct Case { const std::string* bytes; size_t field; uint64_t second_line; size_t piece; };
  // Whole for one, in 1 MiB pieces (as the page reads a file) for the other: each import of 50 MB
  // costs seconds under the sanitizers.
  for (const Case& c : {Case{&plain, kField, 3, 0}, Case{&quoted, quoted_field.size(), 2 + kField / 1024 + 1, 1 << 20}}) {
    {
      const ImportedFile f = c.piece ? import_in_pieces(*c.bytes, c.piece) : import_bytes("big.csv", *c.bytes);
      check_reconciles(f);
      REQUIRE(f.error.empty());
      CHECK(f.rows.read == 2);
      CHECK(f.rows.accepted == 2);
      const Column& note = col(f, "note");
      CHECK(note.text.at(0).size() == c.field);
      CHECK(note.text.at(1) == "short");
      CHECK(col(f, "amount").cents == std::vector<int64_t>{100, 200});
      CHECK(f.row_line == std::vector<uint64_t>{2, c.second_line});
    }
  }
}

TEST_CASE("generated: a NUL byte after the first 64 KiB rejects its record (regression: it slipped into a cell)") {
  std::string s = "customer,amount\n";
  uint64_t rows = 0;
  for (; s.size() < FileImporter::kSniffBytes + 1000; ++rows)
    s += "Customer " + std::to_string(rows) + "," + std::to_string(rows + 1) + ".00\n";
  s += std::string("Be\0ta,2.00\n", 11) + "Gamma,3.00\n";
  for (const ImportedFile& f : {import_bytes("late_nul.csv", s), import_in_pieces(s, 4096), import_in_pieces(s, 1)}) {
    check_reconciles(f);
    REQUIRE(f.error.empty());
    CHECK(f.rows.read == rows + 2);
    CHECK(f.rows.accepted == rows + 1);
    CHECK(rejections(f) == std::vector<std::string>{std::to_string(rows + 2) + " undecodable bytes [Be" +
                                                    kReplacement + "ta,2.00]"});
    CHECK(col(f, "customer").text.at(f.row_count() - 1) == "Gamma");
  }
}

// [SECTION] ledger-level cases -------------------------------------------------------------------

TEST_CASE("bad/credit_notes.csv: negative invoice amounts are credit notes, applied, not rejected") {
  const Ledger l = ledger_of({"credit_notes.csv"});
  CHECK(l.rows.read == 4);
  CHECK(l.rows.rejected == 0);
  CHECK(l.rejected.empty());
  REQUIRE(l.invoices.size() == 4);
  CHECK(l.invoice_id(l.invoices[1]) == "CN001");
  CHECK(l.invoices[1].amount_cents == -20000);
  CHECK(l.invoice_id(l.invoices[3]) == "CN002");
  CHECK(l.invoices[3].amount_cents == -5000);  // "(50.00)"
  // Each credit note pays its customer's open invoice on the credit note's date: +on the invoice,
  // -on the credit note itself.
  REQUIRE(l.allocations.size() == 4);
  CHECK(l.allocations[0].invoice == 2);
  CHECK(l.allocations[0].cents == 5000);
  CHECK(l.allocations[0].credit_note == 3);
  CHECK(l.allocations[0].date == day(2024, 1, 12));
  CHECK(l.allocations[1].invoice == 3);
  CHECK(l.allocations[1].cents == -5000);
  CHECK(l.allocations[2].invoice == 0);
  CHECK(l.allocations[2].cents == 20000);
  CHECK(l.allocations[2].credit_note == 1);
  CHECK(l.allocations[2].date == day(2024, 1, 20));
  CHECK(l.allocations[3].invoice == 1);
  CHECK(l.allocations[3].cents == -20000);
  CHECK(l.credits.empty());
}

TEST_CASE("bad/due_before_invoice.csv: kept as given, with a note naming the line and both dates") {
  const Ledger l = ledger_of({"due_before_invoice.csv"});
  CHECK(l.rows.rejected == 0);
  REQUIRE(l.invoices.size() == 2);
  CHECK(l.invoices[0].invoice_date == day(2024, 3, 1));
  CHECK(l.invoices[0].due_date == day(2024, 2, 1));
  CHECK(l.notes == std::vector<std::string>{
                       "due_before_invoice.csv line 2: due date 2024-02-01 is before the invoice date 2024-03-01 (kept as given)"});
}

TEST_CASE("bad/duplicate_invoice_ids.csv: a repeated id within a customer is kept and noted; across customers it is fine") {
  const Ledger l = ledger_of({"duplicate_invoice_ids.csv"});
  CHECK(l.rows.accepted == 4);
  CHECK(l.rows.rejected == 0);
  REQUIRE(l.invoices.size() == 4);
  CHECK(l.invoice_id(l.invoices[0]) == "FP001");
  CHECK(l.invoice_id(l.invoices[1]) == "FP001");
  CHECK(l.invoice_id(l.invoices[2]) == "FP001");
  CHECK(l.invoices[0].customer == l.invoices[1].customer);
  CHECK(l.invoices[2].customer != l.invoices[0].customer);
  CHECK(l.notes == std::vector<std::string>{"invoice id FP001 appears 2 times for customer 华东贸易 (all kept)"});
}

TEST_CASE("bad/payments_unknown_customer.csv: a payer without invoices becomes a customer with credit") {
  const Ledger l = ledger_of({"ledger_invoices.csv", "payments_unknown_customer.csv"});
  CHECK(l.rows.read == 5);
  CHECK(l.rows.rejected == 0);
  REQUIRE(l.customers.size() == 3);
  CHECK(l.customers[2].name == "西北建材");
  REQUIRE(l.payments.size() == 3);
  CHECK(l.payments[1].customer == 2);
  // Nothing to pay: both payments wait as customer credit.
  REQUIRE(l.credits.size() == 2);
  CHECK(l.credits[0].customer == 2);
  CHECK(l.credits[0].cents == 70000);
  CHECK(l.credits[1].cents == 10000);
  CHECK(l.allocations.size() == 1);  // only 华东贸易's payment of FP001
  CHECK(l.notes == std::vector<std::string>{
                       "payment at payments_unknown_customer.csv line 4 names invoice FP999, which customer 西北建材 does not have: applied FIFO"});
}

TEST_CASE("bad/payments_before_invoices.csv: money paid before an invoice exists waits for it") {
  const Ledger l = ledger_of({"ledger_invoices.csv", "payments_before_invoices.csv"});
  CHECK(l.rows.rejected == 0);
  CHECK(l.first_date == day(2023, 11, 15));
  REQUIRE(l.allocations.size() == 2);
  // Applied on the invoice date, never before it.
  CHECK(l.allocations[0].invoice == 0);
  CHECK(l.allocations[0].cents == 30000);
  CHECK(l.allocations[0].date == day(2024, 1, 5));
  CHECK(l.allocations[1].invoice == 1);
  CHECK(l.allocations[1].cents == 50000);
  CHECK(l.allocations[1].date == day(2024, 1, 10));
  CHECK(l.credits.empty());
  CHECK(l.notes.empty());  // today: no note that a payment predates the invoice it names
}

// [SECTION] every file: chunked = whole ----------------------------------------------------------

TEST_CASE("bad/*: every file reads the same whole, in 1-byte pieces and in 7-byte pieces") {
  for (const char* name : kBadFiles) {
    CAPTURE(name);
    const std::string bytes = bad_bytes(name);
    const ImportedFile whole = import_bytes("pieces.csv", bytes);
    for (size_t piece : {size_t(1), size_t(7)}) {
      const ImportedFile f = import_in_pieces(bytes, piece);
      CHECK(f.error == whole.error);
      CHECK(f.encoding == whole.encoding);
      CHECK(f.rows.read == whole.rows.read);
      CHECK(f.rows.accepted == whole.rows.accepted);
      CHECK(rejections(f) == rejections(whole));
      CHECK(names(f) == names(whole));
      for (size_t i = 0; i < f.columns.size() && i < whole.columns.size(); ++i)
        CHECK(texts(f.columns[i]) == texts(whole.columns[i]));
      CHECK(f.notes == whole.notes);
    }
  }
}

// [SECTION] regressions --------------------------------------------------------------------------

TEST_CASE("regression: a small UTF-8 file with two stray bytes was read as GB18030 (every name garbled)") {
  // invalid_utf8.csv before the fix: 14 valid multi-byte sequences, 2 invalid, and GB18030 showed
  // fewer errors, so the header became mojibake and the file failed ("the header holds
  // undecodable bytes").
  const std::string bytes = bad_bytes("invalid_utf8.csv");
  const EncodingGuess g = detect_encoding(bytes, true);
  CHECK(g.error.empty());
  CHECK(g.encoding == Encoding::utf8);
  // Short GBK text with accidental valid UTF-8 sequences is still GB18030.
  CHECK(guess_text_encoding("\xC4\xCF\xB7\xBD,\xBB\xAA\xB6\xAB\n", true) == Encoding::gb18030);
}

TEST_CASE("regression: NUL is replaced and flagged by every decoder, whole or cut anywhere") {
  struct Case { Encoding encoding; std::string bytes; };
  const std::string gbk = std::string("\xC4\xCF", 2) + std::string("a\0b", 3);                 // 南 a NUL b
  const std::string le = std::string("\x57\x53\x61\x00\x00\x00\x62\x00", 8);                   // 南 a NUL b
  const std::string be = std::string("\x53\x57\x00\x61\x00\x00\x00\x62", 8);
  const std::string u8 = std::string("\xE5\x8D\x97", 3) + std::string("a\0b", 3);
  for (const Case& c : {Case{Encoding::gb18030, gbk}, Case{Encoding::utf16le, le}, Case{Encoding::utf16be, be},
                        Case{Encoding::utf8, u8}}) {
    CAPTURE(encoding_name(c.encoding));
    for (size_t cut = 0; cut <= c.bytes.size(); ++cut) {
      EncodingGuess g;
      g.encoding = c.encoding;
      TextDecoder d(g);
      std::string out;
      std::vector<uint64_t> bad_at;
      for (std::string_view piece : {std::string_view(c.bytes).substr(0, cut), std::string_view(c.bytes).substr(cut)}) {
        std::string_view text;
        if (d.pass_through(piece, text)) out.append(text);
        else d.decode(piece, out, bad_at);
      }
      d.finish(out, bad_at);
      CHECK(out == "\xE5\x8D\x97" "a" + kReplacement + "b");
      CHECK(bad_at == std::vector<uint64_t>{4});
    }
  }
}
