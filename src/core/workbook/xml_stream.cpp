// expat behind XmlStream (xml_stream.hpp).
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

XmlStream::XmlStream() : parser_(XML_ParserCreate(nullptr)) {
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlStream::start_handler, &XmlStream::end_handler);
  XML_SetCharacterDataHandler(parser_, &XmlStream::text_handler);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

bool XmlStream::feed(std::string_view chunk, bool last) {
  if (!error_.empty()) return false;
  // XML_Parse takes an int length: feed a huge chunk in pieces.
  while (chunk.size() > static_cast<size_t>(INT_MAX / 2)) {
    if (!feed(chunk.substr(0, INT_MAX / 2), false)) return false;
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
