// XmlStream (xml_stream.hpp): XmlScanner for UTF-8 parts, expat for the other encodings.
#include "workbook/xml_stream.hpp"

#include <expat.h>

#include <climits>

namespace overdue {

const char* xml_attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; *a; a += 2)
    if (name == a[0]) return a[1];
  return nullptr;
}

const char* xml_namespaced_attribute(const char** attributes, std::string_view local) {
  for (const char** a = attributes; *a; a += 2) {
    const char* colon = std::strchr(a[0], ':');
    if (colon && local == colon + 1) return a[1];
  }
  return nullptr;
}

XmlStream::XmlStream() = default;

XmlStream::~XmlStream() {
  if (parser_) XML_ParserFree(parser_);
}

bool XmlStream::feed(std::string_view chunk, bool last) {
  if (!error_.empty()) return false;
  if (reader_ == Reader::undecided) {
    // The first bytes say the encoding; wait for the XML declaration's end (a few hundred bytes).
    const bool held = !head_.empty();
    if (held) head_.append(chunk);
    const std::string_view head = held ? std::string_view(head_) : chunk;
    const XmlSniff sniff = sniff_xml_encoding(head, last);
    if (sniff == XmlSniff::need_more) {
      if (!held) head_.assign(chunk);
      return true;
    }
    reader_ = sniff == XmlSniff::utf8 ? Reader::scanner : Reader::expat;
    if (reader_ == Reader::expat) {
      parser_ = XML_ParserCreate(nullptr);
      XML_SetUserData(parser_, this);
      XML_SetElementHandler(parser_, &XmlStream::start_handler, &XmlStream::end_handler);
      XML_SetCharacterDataHandler(parser_, &XmlStream::text_handler);
    }
    if (held) {
      const std::string all = std::move(head_);
      head_.clear();
      return feed_reader(all, last);
    }
  }
  return feed_reader(chunk, last);
}

bool XmlStream::feed_reader(std::string_view chunk, bool last) {
  if (reader_ == Reader::scanner) {
    if (scanner_.feed(chunk, last)) return true;
    error_ = scanner_.error();
    return false;
  }
  // XML_Parse takes an int length: feed a huge chunk in pieces.
  while (chunk.size() > static_cast<size_t>(INT_MAX / 2)) {
    if (!feed_reader(chunk.substr(0, INT_MAX / 2), false)) return false;
    chunk.remove_prefix(INT_MAX / 2);
  }
  if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
      XML_STATUS_OK)
    return true;
  error_ = "line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
           XML_ErrorString(XML_GetErrorCode(parser_));
  return false;
}

uint64_t XmlStream::position() const {
  if (reader_ == Reader::scanner) return scanner_.position();
  if (!parser_) return 0;
  const auto at = XML_GetCurrentByteIndex(parser_);
  return at > 0 ? static_cast<uint64_t>(at) : 0;
}

void XmlStream::start_handler(void* self, const char* name, const char** attributes) {
  static_cast<XmlStream*>(self)->on_start(xml_local_name(name), attributes);
}
void XmlStream::end_handler(void* self, const char* name) {
  static_cast<XmlStream*>(self)->on_end(xml_local_name(name));
}
void XmlStream::text_handler(void* self, const char* text, int length) {
  static_cast<XmlStream*>(self)->on_text(text, length);
}

}  // namespace overdue
