// Fuzz target: XmlScanner (the workbook parts' UTF-8 XML reader) against expat on the same bytes.
// The first byte picks how the document is cut into pieces (1 to 64 bytes, or one piece), so
// every token is also seen split across pieces.
//
// Checks, beyond "no crash, no sanitizer report":
// - when expat reads the document, the scanner reads it too and reports the same events: element
//   starts with their attributes in order, ends, and the text (adjacent text joined);
// - when expat refuses it, the scanner refuses it too, except where the scanner is knowingly more
//   lenient or stricter (xml_scanner.hpp): a name character beyond ASCII that expat's name
//   classes refuse, and a document type declaration (the scanner refuses every one);
// - the scanner's events do not depend on how the document was cut.
// Documents that declare another encoding than UTF-8 are not the scanner's (XmlStream gives them
// to expat) and are skipped.
#include <expat.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "workbook/xml_scanner.hpp"

using namespace overdue;

namespace {

// Events as one string: "<name a=v b=w>", "</name>", and text between them.
struct Log {
  std::string events;
  void start(std::string_view name, const char** attributes) {
    events += '<';
    events += name;
    for (const char** a = attributes; *a; a += 2) {
      events += ' ';
      events += a[0];
      events += '=';
      events += a[1];
      events += '\x01';
    }
    events += '>';
  }
  void end(std::string_view name) {
    events += "</";
    events += name;
    events += '>';
  }
  void text(const char* t, int n) { events.append(t, static_cast<size_t>(n)); }
};

struct ScannerLog : XmlScanner::Handler, Log {
  void start(std::string_view name, const char** attributes) override { Log::start(name, attributes); }
  void end(std::string_view name) override { Log::end(name); }
  void text(const char* t, int n) override { Log::text(t, n); }
};

void expat_start(void* log, const char* name, const char** attributes) { static_cast<Log*>(log)->start(name, attributes); }
void expat_end(void* log, const char* name) { static_cast<Log*>(log)->end(name); }
void expat_text(void* log, const char* t, int n) { static_cast<Log*>(log)->text(t, n); }

bool scan(std::string_view doc, size_t piece, ScannerLog& log, std::string& error) {
  XmlScanner scanner(log);
  bool ok = true;
  if (piece == 0) {
    ok = scanner.feed(doc, true);
  } else {
    for (size_t at = 0; ok && at < doc.size(); at += piece)
      ok = scanner.feed(doc.substr(at, piece), false);
    if (ok) ok = scanner.feed({}, true);
  }
  error = scanner.error();
  return ok;
}

// Says which check failed and what each reader saw, then stops (the input is kept as a crash).
[[noreturn]] void mismatch(const char* what, const Log& expat, const std::string& expat_error, const Log& scanner,
                           const std::string& scanner_error) {
  std::fprintf(stderr, "fuzz_xml_scanner: %s\n  expat   %s: %s\n  scanner %s: %s\n", what, expat_error.c_str(),
               expat.events.c_str(), scanner_error.c_str(), scanner.events.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t piece = data[0] & 0x40 ? 0 : static_cast<size_t>(data[0] & 0x3F) + 1;
  const std::string_view doc(reinterpret_cast<const char*>(data + 1), size - 1);
  if (sniff_xml_encoding(doc.substr(0, kXmlSniffBytes), true) != XmlSniff::utf8) return 0;

  Log reference;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &reference);
  XML_SetElementHandler(parser, &expat_start, &expat_end);
  XML_SetCharacterDataHandler(parser, &expat_text);
  const bool expat_ok = XML_Parse(parser, doc.data(), static_cast<int>(doc.size()), 1) == XML_STATUS_OK;
  const XML_Error expat_error = XML_GetErrorCode(parser);
  const XML_Index expat_at = XML_GetErrorByteIndex(parser);
  const std::string expat_message = expat_ok ? "" : XML_ErrorString(expat_error);
  XML_ParserFree(parser);

  ScannerLog whole, cut;
  std::string whole_error, cut_error;
  const bool ok = scan(doc, 0, whole, whole_error);
  const bool cut_ok = scan(doc, piece, cut, cut_error);
  if (ok != cut_ok || whole.events != cut.events || whole_error != cut_error)
    mismatch("the events depend on how the document was cut", whole, whole_error, cut, cut_error);

  const bool has_doctype = doc.find("<!DOCTYPE") != std::string_view::npos;
  if (expat_ok && !ok && !has_doctype) mismatch("expat reads it, the scanner does not", reference, expat_message, whole, whole_error);
  if (expat_ok && ok && whole.events != reference.events) mismatch("different events", reference, expat_message, whole, whole_error);
  if (!expat_ok && ok) {
    // Allowed: expat refused a name character beyond ASCII that the scanner takes.
    const bool name_class = expat_error == XML_ERROR_INVALID_TOKEN && expat_at >= 0 &&
                            static_cast<size_t>(expat_at) < doc.size() &&
                            static_cast<unsigned char>(doc[static_cast<size_t>(expat_at)]) >= 0x80;
    if (!name_class) mismatch("the scanner reads what expat refuses", reference, expat_message, whole, whole_error);
  }
  return 0;
}
