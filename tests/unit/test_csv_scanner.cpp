// Record scanner: RFC 4180 quoting, line ends, blank lines, broken quotes and their recovery,
// whitespace-separated records, chunking (every split position, 1-byte and random pieces), and
// the dialect sniffer that runs the scanner over the file's first records.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/dialect_sniffer.hpp"
#include "import/record_scanner.hpp"

using namespace overdue;

namespace {

// What the scanner handed out, as plain text: "L<line>:<field>|<field>|…" for records,
// "L<line>!<reason>" for rejected ones, "…~bad" for records with undecodable bytes.
struct Collect : RecordSink {
  std::vector<std::string> out;
  bool on_record(const ScannedRecord& r) override {
    std::string s = "L" + std::to_string(r.line) + ":";
    for (size_t i = 0; i < r.field_count; ++i) s += (i ? "|" : "") + std::string(r.fields[i]);
    if (r.undecodable) s += "~bad";
    out.push_back(s);
    return true;
  }
  bool on_rejected(uint64_t line, ProblemKind kind, std::string_view) override {
    out.push_back("L" + std::to_string(line) + "!" + problem_text(kind));
    return true;
  }
};

// Scans text fed in pieces of the given sizes (cycled; empty = all at once).
std::vector<std::string> scan(std::string_view text, char delimiter = ',',
                              std::vector<size_t> pieces = {}, size_t expected_fields = 0) {
  RecordScanner scanner(delimiter);
  scanner.set_expected_fields(expected_fields);
  Collect sink;
  size_t at = 0, k = 0;
  while (at < text.size()) {
    const size_t len = pieces.empty() ? text.size() : pieces[k++ % pieces.size()];
    scanner.feed(text.substr(at, len), sink);
    at += len;
  }
  scanner.finish(sink);
  return sink.out;
}

using Lines = std::vector<std::string>;

struct Lcg {
  uint32_t state;
  uint32_t next() { return state = state * 1664525u + 1013904223u; }
};

// The same records for every way of cutting the text.
void check_chunking(std::string_view text, char delimiter = ',', size_t expected_fields = 0) {
  const Lines whole = scan(text, delimiter, {}, expected_fields);
  for (size_t split = 0; split <= text.size(); ++split) {
    RecordScanner scanner(delimiter);
    scanner.set_expected_fields(expected_fields);
    Collect sink;
    scanner.feed(text.substr(0, split), sink);
    scanner.feed(text.substr(split), sink);
    scanner.finish(sink);
    REQUIRE_MESSAGE(sink.out == whole, "split at " << split);
  }
  REQUIRE(scan(text, delimiter, {1}, expected_fields) == whole);
  Lcg lcg{12345};
  for (int round = 0; round < 200; ++round) {
    std::vector<size_t> pieces;
    for (int i = 0; i < 16; ++i) pieces.push_back(1 + lcg.next() % 23);
    REQUIRE(scan(text, delimiter, pieces, expected_fields) == whole);
  }
}

}  // namespace

TEST_CASE("every delimiter splits fields") {
  CHECK(scan("a,b,c\n1,2,3\n") == Lines{"L1:a|b|c", "L2:1|2|3"});
  CHECK(scan("a;b;c\n1;2,5;3\n", ';') == Lines{"L1:a|b|c", "L2:1|2,5|3"});
  CHECK(scan("a\tb c\n1\t2\n", '\t') == Lines{"L1:a|b c", "L2:1|2"});
  CHECK(scan("a|b\n1|2\n", '|') == Lines{"L1:a|b", "L2:1|2"});
}

TEST_CASE("whitespace mode: runs of spaces and tabs separate, ends are ignored") {
  CHECK(scan("A11  6 A34\n  A12\t48  A32  \nA14 12 A34", ' ') ==
        Lines{"L1:A11|6|A34", "L2:A12|48|A32", "L3:A14|12|A34"});
  CHECK(scan("\"New York\" 5\n   \n\"a \"\"b\"\"\" 6\n", ' ') ==
        Lines{"L1:New York|5", "L3:a \"b\"|6"});
}

TEST_CASE("quoted fields hold delimiters, doubled quotes and line ends") {
  CHECK(scan("\"a,b\",c\n") == Lines{"L1:a,b|c"});
  CHECK(scan("\"say \"\"hi\"\"\",x\n") == Lines{"L1:say \"hi\"|x"});
  CHECK(scan("\"\"\"\",x\n") == Lines{"L1:\"|x"});
  CHECK(scan("\"\",x\n") == Lines{"L1:|x"});
  CHECK(scan("1,\"two\nlines\",3\n4,5,6\n") == Lines{"L1:1|two\nlines|3", "L3:4|5|6"});
  CHECK(scan("1,\"a\r\nb\rc\",3\r\n4,5,6") == Lines{"L1:1|a\r\nb\rc|3", "L4:4|5|6"});
}

TEST_CASE("a quote inside an unquoted field is a literal character") {
  CHECK(scan("12\" pipe,5\n") == Lines{"L1:12\" pipe|5"});
  CHECK(scan("a\"b\"c,5\n") == Lines{"L1:a\"b\"c|5"});
}

TEST_CASE("LF, CRLF, CR and mixed line ends; physical line numbers") {
  CHECK(scan("a\nb\n") == Lines{"L1:a", "L2:b"});
  CHECK(scan("a\r\nb\r\n") == Lines{"L1:a", "L2:b"});
  CHECK(scan("a\rb\r") == Lines{"L1:a", "L2:b"});
  CHECK(scan("a\r\nb\nc\rd") == Lines{"L1:a", "L2:b", "L3:c", "L4:d"});
  CHECK(scan("a,b") == Lines{"L1:a|b"});  // no line end at the end
}

TEST_CASE("blank lines are skipped but counted as lines") {
  CHECK(scan("a,b\n\n1,2\r\n\r\n  \t\n3,4\n\n") == Lines{"L1:a|b", "L3:1|2", "L6:3|4"});
  CHECK(scan("\n\n") == Lines{});
  CHECK(scan(",\n") == Lines{"L1:|"});  // delimiters only: a record (the builder decides)
}

TEST_CASE("an unterminated quote rejects only its record; scanning resumes on the next line") {
  CHECK(scan("id,name\n1,\"alpha\n2,beta\n3,gamma\n") ==
        Lines{"L1:id|name", "L2!unterminated quote", "L3:2|beta", "L4:3|gamma"});
  // The stray quote pairs with a later opening quote: text follows that "closing" quote.
  CHECK(scan("id,name\n1,\"alpha\n2,beta\n3,\"gamma\"\n") ==
        Lines{"L1:id|name", "L2!unterminated quote", "L3:2|beta", "L4:3|gamma"});
  // A stray quote at the very end.
  CHECK(scan("a,b\n1,\"") == Lines{"L1:a|b", "L2!unterminated quote"});
}

TEST_CASE("a multi-line quoted field in a record of the wrong width was a stray quote") {
  const std::string text = "a,b,c\n1,2,x\"\n3,\"4,5\n6,7,8\n";
  // Without a known width the quote at "x\"" is literal and "\"4,5\n6,7,8\n" runs to the end.
  CHECK(scan(text, ',', {}, 3) ==
        Lines{"L1:a|b|c", "L2:1|2|x\"", "L3!unterminated quote", "L4:6|7|8"});
  // Legitimate multi-line fields in records of the right width are kept.
  CHECK(scan("a,b\n\"x\ny\",2\n", ',', {}, 2) == Lines{"L1:a|b", "L2:x\ny|2"});
  // "1,\"a\nb\",2,3" has 3 fields, not 2: rescanned from its second line.
  CHECK(scan("a,b\n1,\"a\nb\",2,3\nc,d\n", ',', {}, 2) ==
        Lines{"L1:a|b", "L2!unterminated quote", "L3:b\"|2|3", "L4:c|d"});
}

TEST_CASE("text after a closing quote on one line rejects the record") {
  CHECK(scan("a,b\n\"x\"y,2\n3,4\n") == Lines{"L1:a|b", "L2!text after closing quote", "L3:3|4"});
}

TEST_CASE("records with undecodable bytes are flagged") {
  RecordScanner scanner(',');
  Collect sink;
  scanner.undecodable_offsets().push_back(6);
  scanner.feed("a,b\n1,\xEF\xBF", sink);
  scanner.feed("\xBD\n2,3\n", sink);
  scanner.finish(sink);
  CHECK(sink.out == Lines{"L1:a|b", "L2:1|\xEF\xBF\xBD~bad", "L3:2|3"});
}

TEST_CASE("the sink can stop the scan") {
  struct FirstOnly : Collect {
    bool on_record(const ScannedRecord& r) override {
      Collect::on_record(r);
      return false;
    }
  } sink;
  RecordScanner scanner(',');
  CHECK_FALSE(scanner.feed("a\nb\nc\n", sink));
  CHECK(sink.out.size() == 1);
}

TEST_CASE("chunking: every split, 1-byte and random pieces give the same records") {
  check_chunking("id,comment,amount\r\n1,\"two\r\nlines, \"\"quoted\"\"\",10\r\n\r\n"
                 "2,plain \"literal\",20\r3,\"\",30\n4,\"a\rb\",40\n5,\"open,50\n6,x,60\n"
                 "7,\"z\"w,70\n8,last,80");
  check_chunking("a,b,c\n1,\"x\ny\",3\n1,\"x\ny\",3,4\n5,6,7\n", ',', 3);
  check_chunking("A11  6 \"A 34\"\n\n  A12\t48  A32  \r\nA14 12 \"A\n34\"", ' ');
  check_chunking("x;y\r\n1;\"2;3\"\r\n\r\n4;5", ';');
}

TEST_CASE("a long quoted field fed in small pieces is found whole (no rescanning blow-up)") {
  std::string text = "id,note\n1,\"";
  for (int i = 0; i < 200000; ++i) text += i % 50 == 49 ? '\n' : 'x';
  text += "\"\n2,after\n";
  RecordScanner scanner(',');
  Collect sink;
  for (size_t at = 0; at < text.size(); at += 997) scanner.feed(std::string_view(text).substr(at, 997), sink);
  scanner.finish(sink);
  REQUIRE(sink.out.size() == 3);
  CHECK(sink.out[1].size() == 2 + 1 + 2 + 200000);  // "L2:" + "1|" + the note
  CHECK(sink.out[2] == "L4003:2|after");
  // A stray quote that never closes, fed in pieces, still only costs its own record.
  std::string stray = "a,b\n1,\"x\n";
  for (int i = 2; i < 20000; ++i) stray += std::to_string(i) + ",y\n";
  RecordScanner s2(',');
  Collect sink2;
  for (size_t at = 0; at < stray.size(); at += 101) s2.feed(std::string_view(stray).substr(at, 101), sink2);
  s2.finish(sink2);
  REQUIRE(sink2.out.size() == 20000);
  CHECK(sink2.out[1] == "L2!unterminated quote");
  CHECK(sink2.out[2] == "L3:2|y");
  CHECK(sink2.out.back() == "L20000:19999|y");
}

// [SECTION] dialect sniffing ---------------------------------------------------------------------

TEST_CASE("sniffing: the delimiter that splits records consistently") {
  CHECK(sniff_dialect("a,b,c\n1,2,3\n4,5,6\n", true).delimiter == ',');
  CHECK(sniff_dialect("a;b\n1,5;2\n3,25;4\n", true).delimiter == ';');  // decimal commas
  CHECK(sniff_dialect("a\tb c\n1\t2 3\n4\t5 6\n", true).delimiter == '\t');
  CHECK(sniff_dialect("a|b\n1|2\n", true).delimiter == '|');
  CHECK(sniff_dialect("\"x,y\";b\n\"1,2\";3\n", true).delimiter == ';');  // quote-aware
  CHECK(sniff_dialect("A11 6 A34\nA12 48 A32\n", true).delimiter == ' ');
  // Spaces inside values do not beat a consistent real delimiter.
  CHECK(sniff_dialect("due date,amount\n2024-01-05 13:45,5\n2024-01-06 09:00,6\n", true).delimiter == ',');
  // A single column: nothing splits, the comma is kept.
  CHECK(sniff_dialect("amount\n5\n6\n", true).delimiter == ',');
  // A sample cut mid-record ignores the cut record.
  CHECK(sniff_dialect("a;b\n1;2\n3;4\n5,5", false).delimiter == ';');
}

TEST_CASE("sniffing: header or data, and sizes for reserving storage") {
  CHECK(sniff_dialect("name,amount\nA,5\n", true).header);
  CHECK_FALSE(sniff_dialect("1,2\n3,4\n", true).header);
  CHECK_FALSE(sniff_dialect("A11 6 A34\nA12 48 A32\n", true).header);
  CHECK(sniff_dialect(",SeriousDlqin2yrs,age\n1,1,45\n2,0,40\n", true).header);
  CHECK_FALSE(sniff_dialect("2024-01-05,x\n2024-01-06,y\n", true).header);  // a date is data
  const Dialect d = sniff_dialect("ab,c\n12,3\n", true);
  CHECK(d.record_bytes == 5.0);
  REQUIRE(d.field_bytes.size() == 2);
  CHECK(d.field_bytes[0] == 2.0);
  CHECK(first_record_is_header({{"due_date", "x"}, {"text", "text"}}));  // a known header name
}

TEST_CASE("sniffing: known header words mark a header even over text columns") {
  // An empty or repeated name would make an all-text first row data, unless a name is known.
  CHECK(first_record_is_header({{"\xE5\xAE\xA2\xE6\x88\xB7\xE5\x90\x8D\xE7\xA7\xB0", ""},  // 客户名称
                                {"alpha", "beta"}, {"alpha", "beta"}}));
  CHECK(first_record_is_header({{"Customer", "Customer"}, {"Acme", "hello"}}));
  CHECK_FALSE(first_record_is_header({{"foo", ""}, {"bar", "baz"}}));
  CHECK_FALSE(first_record_is_header({{"foo", "foo"}, {"bar", "baz"}}));
}
