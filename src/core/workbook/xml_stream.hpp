// The parts of a workbook parsed a chunk at a time (a sheet or a shared-strings part can be tens of
// megabytes): by XmlScanner (xml_scanner.hpp) when the part is UTF-8, as every generator writes
// them, else by expat's push parser, which reads the other encodings XML allows. Elements and
// attributes are known by their local names whatever prefix a generator chose (<x:row> is <row>,
// r:id is id). The prefix is dropped rather than resolved: no part we read uses one local name in
// two namespaces where it matters (x14's <xm:f> sits outside <c>).
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "workbook/xml_scanner.hpp"

struct XML_ParserStruct;

namespace overdue {

// The local part of an element or attribute name: "row" of "x:row" (after the first colon).
// One pass over the name, inline: strchr then strlen on every element was some 3% of a sheet's
// read time (names are one to a few bytes: the call costs more than the scan).
inline std::string_view xml_local_name(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}
inline std::string_view xml_local_name(const char* name) {
  const char* local = name;
  const char* p = name;
  for (; *p; ++p)
    if (*p == ':' && local == name) local = p + 1;
  return std::string_view(local, static_cast<size_t>(p - local));
}

// The value of the attribute without a namespace named `name` (expat's {name, value, …, nullptr}
// list), nullptr when absent.
const char* xml_attribute(const char** attributes, std::string_view name);
// The value of an attribute in some namespace with this local name ("r:id" as "id"), or nullptr.
const char* xml_namespaced_attribute(const char** attributes, std::string_view local);

class XmlStream : private XmlScanner::Handler {
 public:
  XmlStream();
  virtual ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next piece of the document (`last`: the end). False once the XML is not well
  // formed; error() then says where and what ("line 3: mismatched tag").
  bool feed(std::string_view chunk, bool last);
  const std::string& error() const { return error_; }
  // Bytes of the document parsed up to the event being handled (call from a handler).
  uint64_t position() const;

 protected:
  virtual void on_start(std::string_view local, const char** attributes) = 0;
  virtual void on_end(std::string_view local) = 0;
  virtual void on_text(const char* text, int length) = 0;

 private:
  enum class Reader { undecided, scanner, expat };
  bool feed_reader(std::string_view chunk, bool last);
  // XmlScanner::Handler
  void start(std::string_view name, const char** attributes) override { on_start(xml_local_name(name), attributes); }
  void end(std::string_view name) override { on_end(xml_local_name(name)); }
  void text(const char* text, int length) override { on_text(text, length); }
  // expat's handlers
  static void start_handler(void* self, const char* name, const char** attributes);
  static void end_handler(void* self, const char* name);
  static void text_handler(void* self, const char* text, int length);

  Reader reader_ = Reader::undecided;
  std::string head_;  // the first bytes, until they say the encoding
  XmlScanner scanner_{*this};
  XML_ParserStruct* parser_ = nullptr;  // another encoding than UTF-8 only
  std::string error_;
};

}  // namespace overdue
