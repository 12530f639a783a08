// XmlScanner, the UTF-8 XML reader of workbook parts (issue #18): the events of well-formed
// documents however they are cut into pieces, what it refuses (with the line), and which documents
// XmlStream sends to expat instead. The differential fuzz target fuzz_xml_scanner holds it to
// expat on arbitrary bytes.
//
// [SECTION] events
// [SECTION] refused documents
// [SECTION] encodings
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "workbook/xml_scanner.hpp"
#include "workbook/xml_stream.hpp"

using namespace overdue;

namespace {

// Events as one string: "<name a=v;>", "</name>", text as it is.
struct EventLog : XmlScanner::Handler {
  std::string events;
  void start(std::string_view name, const char** attributes) override {
    events += '<';
    events += name;
    for (const char** a = attributes; *a; a += 2) events += std::string(" ") + a[0] + "=" + a[1] + ";";
    events += '>';
  }
  void end(std::string_view name) override { events += "</" + std::string(name) + ">"; }
  void text(const char* t, int n) override { events.append(t, static_cast<size_t>(n)); }
};

// The document fed in pieces of `piece` bytes (0: whole). Returns the events, or "error: …".
std::string scan(std::string_view doc, size_t piece = 0) {
  EventLog log;
  XmlScanner scanner(log);
  bool ok = true;
  if (piece == 0) {
    ok = scanner.feed(doc, true);
  } else {
    for (size_t at = 0; ok && at < doc.size(); at += piece) ok = scanner.feed(doc.substr(at, piece), false);
    if (ok) ok = scanner.feed({}, true);
  }
  return ok ? log.events : "error: " + scanner.error();
}

// The same events whatever the pieces: every size from 1 to 40 bytes and the whole.
std::string scan_every_cut(std::string_view doc) {
  const std::string whole = scan(doc);
  for (size_t piece = 1; piece <= 40; ++piece) {
    INFO("piece " << piece);
    CHECK(scan(doc, piece) == whole);
  }
  return whole;
}

}  // namespace

// [SECTION] events -------------------------------------------------------------------------------
TEST_CASE("xml scanner: a sheet's elements, attributes and text, however the bytes are cut") {
  const std::string doc =
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      "<worksheet xmlns=\"urn:main\" xmlns:r=\"urn:r\"><sheetData>"
      "<row r=\"1\" spans=\"1:2\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"3\"><v>45123.5</v></c></row>"
      "<x:row r='2'><x:c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> a &amp; b </t></is></x:c></x:row>"
      "</sheetData></worksheet>\n";
  CHECK(scan_every_cut(doc) ==
        "<worksheet xmlns=urn:main; xmlns:r=urn:r;><sheetData>"
        "<row r=1; spans=1:2;><c r=A1; t=s;><v>0</v></c><c r=B1; s=3;><v>45123.5</v></c></row>"
        "<x:row r=2;><x:c r=A2; t=inlineStr;><is><t xml:space=preserve;> a & b </t></is></x:c></x:row>"
        "</sheetData></worksheet>");
}

TEST_CASE("xml scanner: references, line ends, CDATA, comments and processing instructions") {
  // Text: the five entities and character references resolved; CR LF and a lone CR become LF
  // (XML 1.0 §2.11), a CR written as &#13; stays.
  CHECK(scan_every_cut("<t>&lt;&gt;&amp;&quot;&apos; &#20013;&#x6587;&#x1F600; a\r\nb\rc&#13;</t>") ==
        "<t><>&\"' \xE4\xB8\xAD\xE6\x96\x87\xF0\x9F\x98\x80 a\nb\nc\r</t>");
  // Attribute values: white space characters become spaces (§3.3.3), references resolved, '>'
  // allowed inside, either quote.
  CHECK(scan_every_cut("<a b=\"1\r\n2\t3\n4\" c='x\"y>z' d=\"&#10;&lt;\"/>") == "<a b=1 2 3 4; c=x\"y>z; d=\n<;></a>");
  // CDATA as text (no references), comments and instructions skipped, prefixes kept.
  CHECK(scan_every_cut("<r><!-- a - b --><![CDATA[<&amp;]]]]><?pi some data?><x:e/></r><!--after-->") ==
        "<r><&amp;]]<x:e></x:e></r>");
  CHECK(scan_every_cut("<r/>") == "<r></r>");
  CHECK(scan_every_cut("<r>\xE5\xB7\xA5\xE4\xBD\x9C\xE8\xA1\xA8</r>") == "<r>\xE5\xB7\xA5\xE4\xBD\x9C\xE8\xA1\xA8</r>");
}

TEST_CASE("xml scanner: position is the byte offset of the token being handled") {
  struct Positions : XmlScanner::Handler {
    XmlScanner* scanner = nullptr;
    std::vector<uint64_t> at;
    void start(std::string_view, const char**) override { at.push_back(scanner->position()); }
    void end(std::string_view) override {}
    void text(const char*, int) override {}
  } positions;
  XmlScanner scanner(positions);
  positions.scanner = &scanner;
  const std::string doc = "<a><b/>  <c x=\"1\"></c></a>";
  for (size_t at = 0; at < doc.size(); at += 3) REQUIRE(scanner.feed(std::string_view(doc).substr(at, 3), false));
  REQUIRE(scanner.feed({}, true));
  CHECK(positions.at == std::vector<uint64_t>{0, 3, 9});
}

// [SECTION] refused documents -------------------------------------------------------------------
TEST_CASE("xml scanner: what is not well formed is refused, with its line") {
  CHECK(scan("<a>\n<b>\n</a>") == "error: line 3: mismatched tag");
  CHECK(scan("<a>\n<b>\n</a>", 2) == "error: line 3: mismatched tag");
  CHECK(scan("<a>&nbsp;</a>") == "error: line 1: undefined entity");
  CHECK(scan("<a>&#0;</a>") == "error: line 1: reference to invalid character number");
  CHECK(scan("<a>&#xD800;</a>") == "error: line 1: reference to invalid character number");
  CHECK(scan("<a b=\"1\" b=\"2\"/>") == "error: line 1: duplicate attribute");
  CHECK(scan("<a b=\"<\"/>").rfind("error: line 1:", 0) == 0);
  CHECK(scan("<a b=\"1\"c=\"2\"/>").rfind("error:", 0) == 0);   // no space between attributes
  CHECK(scan("<a>\x01</a>").rfind("error:", 0) == 0);            // a control character
  CHECK(scan("<a>\xC3\x28</a>").rfind("error:", 0) == 0);        // invalid UTF-8
  CHECK(scan("<a>\xED\xA0\x80</a>").rfind("error:", 0) == 0);    // a surrogate in UTF-8
  CHECK(scan("<a>]]></a>").rfind("error:", 0) == 0);
  CHECK(scan("<a><!-- x -- y --></a>").rfind("error:", 0) == 0);
  CHECK(scan("<a/><b/>") == "error: line 1: junk after document element");
  CHECK(scan("x<a/>").rfind("error:", 0) == 0);
  CHECK(scan("<a>") == "error: line 1: no element found");
  CHECK(scan("<a><b") == "error: line 1: unclosed token");
  CHECK(scan("") == "error: line 1: no element found");
  CHECK(scan(" <?xml version=\"1.0\"?><a/>").rfind("error:", 0) == 0);          // declaration not first
  CHECK(scan("<?xml encoding=\"UTF-8\"?><a/>").rfind("error:", 0) == 0);        // no version
  CHECK(scan("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>").rfind("error:", 0) == 0);
  CHECK(scan("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>") == "error: line 1: document type declarations are not read");
  CHECK(scan("<1a/>").rfind("error:", 0) == 0);
}

// [SECTION] encodings ----------------------------------------------------------------------------
TEST_CASE("xml scanner: documents in other encodings than UTF-8 go to expat") {
  CHECK(sniff_xml_encoding("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>", false) == XmlSniff::utf8);
  CHECK(sniff_xml_encoding("<?xml version='1.0' encoding='utf-8'?>", false) == XmlSniff::utf8);
  CHECK(sniff_xml_encoding("<a/>", false) == XmlSniff::utf8);
  CHECK(sniff_xml_encoding("<?xml version=\"1.0\"?><a/>", false) == XmlSniff::utf8);
  CHECK(sniff_xml_encoding("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", false) == XmlSniff::other_encoding);
  CHECK(sniff_xml_encoding("\xFF\xFE<\0a\0", false) == XmlSniff::other_encoding);
  CHECK(sniff_xml_encoding("<?xm", false) == XmlSniff::need_more);
  CHECK(sniff_xml_encoding("<?xml version=\"1.0\" enc", false) == XmlSniff::need_more);
  CHECK(sniff_xml_encoding("<?xm", true) == XmlSniff::utf8);

  // Through XmlStream: a Latin-1 part and a UTF-16 part read as the same text as UTF-8.
  struct Texts : XmlStream {
    std::string seen;
    void on_start(std::string_view local, const char**) override { seen += "<" + std::string(local) + ">"; }
    void on_end(std::string_view) override {}
    void on_text(const char* t, int n) override { seen.append(t, static_cast<size_t>(n)); }
  };
  Texts latin1;
  const std::string latin1_doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x:t>caf\xE9</x:t>";
  for (size_t at = 0; at < latin1_doc.size(); at += 5)
    REQUIRE(latin1.feed(std::string_view(latin1_doc).substr(at, 5), false));
  REQUIRE(latin1.feed({}, true));
  CHECK(latin1.seen == "<t>caf\xC3\xA9");
  Texts utf16;
  static const char kUtf16[] = "\xFF\xFE<\0t\0>\0\xE9\0<\0/\0t\0>\0";
  const std::string utf16_doc(kUtf16, sizeof kUtf16 - 1);
  REQUIRE(utf16.feed(utf16_doc, true));
  CHECK(utf16.seen == "<t>\xC3\xA9");
}
