// The inspect JSON (issue #2): exact shape and key order, errors, limits, encodings.
// ImportedFile values are built by hand so the shape is tested apart from the importer.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "overdue/report/inspect_json.hpp"

using namespace overdue;

namespace {

Column column(const std::string& name, ColumnType type, const std::string& role, uint64_t missing) {
  Column c;
  c.name = name;
  c.type = type;
  parse_role(role, c.role);  // "" stays Role::none
  c.missing = missing;
  return c;
}

ImportedFile small_ledger() {
  ImportedFile f;
  f.name = "应收台账.csv";
  f.encoding = Encoding::gb18030;
  f.delimiter = ',';
  f.header = true;
  f.table_kind = TableKind::ledger;
  f.rows = {5, 4, 1};
  f.columns.push_back(column("客户名称", ColumnType::text, "customer_name", 0));
  f.columns.back().role_confidence = 0.9;  // issue #17: printed with two decimals
  f.columns.back().matched_words = {"客户", "名称"};
  Column due = column("到期日", ColumnType::date, "due_date", 1);
  due.date_format = "%Y年%m月%d日";
  f.columns.push_back(due);
  Column paid = column("paid on", ColumnType::date, "", 0);
  paid.date_format = "%m/%d/%Y";
  paid.date_order_ambiguous = true;
  f.columns.push_back(paid);
  f.columns.push_back(column("金额", ColumnType::decimal, "amount", 0));
  f.columns.push_back(column("张数", ColumnType::integer, "", 2));
  f.row_line = {2, 3, 5, 6};
  ProblemDetail five_found_seven;
  five_found_seven.expected = 5;
  five_found_seven.found = 7;
  f.rejected.push_back({4, ProblemKind::field_count_mismatch, five_found_seven,
                        problem_text(ProblemKind::field_count_mismatch, five_found_seven), "a,b,c,d,e,f,g"});
  f.cell_errors.push_back({6, 3, "12..5", ProblemKind::not_a_number, problem_text(ProblemKind::not_a_number)});
  f.cell_errors_total = 1;
  f.notes.push_back("header repeated at line 7: skipped");
  return f;
}

}  // namespace

TEST_CASE("inspect JSON: exact shape and key order") {
  const std::string expected =
      R"({"name":"应收台账.csv","encoding":"gb18030","delimiter":",","header":true,)"
      R"("header_line":0,"skipped_title_lines":0,"group_rows":0,"table":"ledger",)"
      R"("rows":{"read":5,"accepted":4,"rejected":1,"set_aside":0},)"
      R"("columns":[{"name":"客户名称","type":"text","role":"customer_name","confidence":0.9,)"
      R"("matched_words":["客户","名称"],"missing":0},)"
      R"({"name":"到期日","type":"date","role":"due_date","confidence":0.0,"matched_words":[],)"
      R"("date_format":"%Y年%m月%d日","missing":1},)"
      R"({"name":"paid on","type":"date","role":null,"date_format":"%m/%d/%Y","date_order_ambiguous":true,"missing":0},)"
      R"({"name":"金额","type":"decimal","role":"amount","confidence":0.0,"matched_words":[],"missing":0},)"
      R"({"name":"张数","type":"integer","role":null,"missing":2}],)"
      R"("rejected":[{"line":4,"reason":"expected 5 fields, found 7"}],)"
      R"("cell_errors":[{"line":6,"column":"金额","text":"12..5","reason":"not a number"}],)"
      R"("notes":["header repeated at line 7: skipped"]})";
  CHECK(inspect_file_json(small_ledger()) == expected);
  CHECK(inspect_json({small_ledger()}) == R"({"files":[)" + expected + "]}");
}

TEST_CASE("inspect JSON: several files, null table, empty lists") {
  ImportedFile plain;
  plain.name = "x.txt";
  plain.delimiter = ' ';
  plain.header = false;
  plain.encoding = Encoding::utf8_bom;
  const std::string plain_json =
      R"({"name":"x.txt","encoding":"utf-8-bom","delimiter":" ","header":false,)"
      R"("header_line":0,"skipped_title_lines":0,"group_rows":0,"table":null,)"
      R"("rows":{"read":0,"accepted":0,"rejected":0,"set_aside":0},"columns":[],"rejected":[],"cell_errors":[],"notes":[]})";
  CHECK(inspect_file_json(plain) == plain_json);
  CHECK(inspect_json({plain, small_ledger()}) ==
        R"({"files":[)" + plain_json + "," + inspect_file_json(small_ledger()) + "]}");
  CHECK(inspect_json({}) == R"({"files":[]})");
}

TEST_CASE("inspect JSON: a file that could not be read has only its name and the error") {
  ImportedFile bad;
  bad.name = "logo.png";
  bad.error = "binary file (PNG image), not a CSV";
  bad.rows = {3, 3, 0};  // ignored: nothing was read
  CHECK(inspect_file_json(bad) == R"({"name":"logo.png","error":"binary file (PNG image), not a CSV"})");
}

TEST_CASE("inspect JSON: tab delimiter and escapes") {
  ImportedFile f;
  f.name = "a\"b\\c.tsv";
  f.delimiter = '\t';
  const nlohmann::json parsed = nlohmann::json::parse(inspect_file_json(f));
  CHECK(parsed["delimiter"] == "\t");
  CHECK(parsed["name"] == "a\"b\\c.tsv");
  CHECK(inspect_file_json(f).find(R"("delimiter":"\t")") != std::string::npos);
}

TEST_CASE("inspect JSON: cell_errors_total only when some were left out") {
  ImportedFile f = small_ledger();
  CHECK(inspect_file_json(f).find("cell_errors_total") == std::string::npos);
  f.cell_errors_total = 12345;
  const nlohmann::json parsed = nlohmann::json::parse(inspect_file_json(f));
  CHECK(parsed["cell_errors_total"] == 12345);
  CHECK(parsed["cell_errors"].size() == 1);
  // Right after the listed errors, before the notes.
  const std::string s = inspect_file_json(f);
  CHECK(s.find("\"cell_errors_total\"") > s.find("\"cell_errors\""));
  CHECK(s.find("\"cell_errors_total\"") < s.find("\"notes\""));
}

TEST_CASE("inspect JSON: invalid UTF-8 does not throw and becomes U+FFFD") {
  ImportedFile f = small_ledger();
  f.name = "bad\xff.csv";
  f.columns[0].name = "\xe5\xae";  // a cut character
  f.cell_errors[0].text = "\x80\x81";
  std::string s;
  CHECK_NOTHROW(s = inspect_file_json(f));
  CHECK(s.find("bad\xef\xbf\xbd.csv") != std::string::npos);
  CHECK(nlohmann::json::parse(s).is_object());
}

TEST_CASE("inspect JSON: Chinese is written as UTF-8, not escaped") {
  const std::string s = inspect_file_json(small_ledger());
  CHECK(s.find("客户名称") != std::string::npos);
  CHECK(s.find("\\u") == std::string::npos);
}
