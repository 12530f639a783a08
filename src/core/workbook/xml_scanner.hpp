// A UTF-8 XML tokenizer for the parts of a workbook, fed a piece at a time. expat spent most of a
// sheet's read time on things a workbook part does not need (position tracking over every byte,
// salted hashing of each element and attribute name, its DTD machinery): on the 30,000 × 25 UCI
// workbook it was ~55 % of the import. This scanner does only what the parts need and still
// refuses what is not well-formed XML: mismatched or unclosed tags, bad names, duplicate
// attributes, '<' in an attribute value, undefined entities, invalid character references,
// invalid UTF-8 and control characters, text outside the root, "--" in a comment, a second
// XML declaration. It does not read documents in other encodings or with a document type
// declaration: XmlStream sends the former to expat, and a workbook part never has the latter
// (refused, so no entity can expand).
//
// What the handler sees is what expat reports for the same document (a differential fuzz target,
// fuzz_xml_scanner, holds the two to it): element names as written (the prefix kept), attribute
// values with entities resolved and whitespace normalised (XML 1.0 §3.3.3), text with entities
// resolved and line ends normalised to "\n" (§2.11), CDATA sections as text. Text may come in
// several calls (at entity references, CDATA sections and between pieces).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace overdue {

class XmlScanner {
 public:
  struct Handler {
    virtual ~Handler() = default;
    // `name` NUL-terminated; `attributes` {name, value, …, nullptr}, valid during the call.
    virtual void start(std::string_view name, const char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(const char* text, int length) = 0;
  };

  explicit XmlScanner(Handler& handler) : handler_(handler) {}

  // Scans the next piece (`last`: the end of the document). False once it is not well formed;
  // error() then says where and what ("line 3: mismatched tag").
  bool feed(std::string_view chunk, bool last);
  const std::string& error() const { return error_; }
  // Bytes of the document before the token being handled (call from a handler).
  uint64_t position() const { return position_; }

 private:
  // Scans whole tokens of [data, data + size); returns the bytes consumed (the rest is an
  // unfinished token, kept for the next piece). Sets error_ on a fault.
  size_t scan(const char* data, size_t size, bool last);
  // Each token kind: `p` at its first byte; returns its end, nullptr when it is not complete in
  // [p, end) (or on a fault, error_ set).
  const char* text_token(const char* p, const char* end, bool last);
  const char* start_tag(const char* p, const char* end);
  const char* end_tag(const char* p, const char* end);
  const char* bang_token(const char* p, const char* end);  // comment, CDATA, DOCTYPE
  const char* pi_token(const char* p, const char* end);
  // Emits character data [p, e) of content (or a CDATA section: no references).
  bool emit_text(const char* p, const char* e, bool cdata);
  // Writes the value [p, e) of an attribute at w, references resolved and white space
  // normalised; returns the end of what it wrote, nullptr on a fault.
  char* write_attribute_value(const char* p, const char* e, char* w);
  // The character of the reference at p ("&amp;", "&#60;"; up to e) as UTF-8 at out (room for
  // 4 bytes), its length in `length`; returns the byte after its ';', nullptr on a fault.
  const char* decode_reference(const char* p, const char* e, char* out, size_t& length);
  // The bytes [p, e) of a comment or an instruction are XML characters in UTF-8.
  bool check_characters(const char* p, const char* e);
  bool fail(const char* at, const char* message);

  Handler& handler_;
  std::string error_;
  std::string pending_;        // an unfinished token carried to the next piece
  const char* base_ = nullptr; // the buffer scan() is reading (for line numbers on a fault)
  uint64_t consumed_ = 0;      // bytes of the document before base_
  uint64_t lines_ = 1;         // line of base_
  uint64_t position_ = 0;
  size_t searched_ = 0;        // of an unfinished token: its bytes already searched for its end
  char quote_ = 0;             // …and, inside a start tag, the open quote at that point
  bool started_ = false;       // past the point where an XML declaration may stand
  bool root_seen_ = false;
  bool root_closed_ = false;
  std::string open_names_;     // the open elements' names, each followed by '\0'
  std::vector<uint32_t> open_starts_;
  std::vector<char> attribute_buffer_;  // the tag's attribute names and values, NUL-terminated
  std::vector<const char*> attributes_;
  std::string text_bytes_;
};

// The parts of a workbook are read by XmlScanner unless they are in another encoding than UTF-8:
// a UTF-16 byte-order mark or first bytes, or an XML declaration naming another encoding. Decides
// from the document's first bytes; `complete` = `head` holds the whole declaration or the whole
// document, else the caller waits for more bytes (kXmlSniffBytes at most).
enum class XmlSniff { utf8, other_encoding, need_more };
constexpr size_t kXmlSniffBytes = 512;
XmlSniff sniff_xml_encoding(std::string_view head, bool last);

}  // namespace overdue
