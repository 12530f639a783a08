// XmlScanner (xml_scanner.hpp).
//
// [SECTION] characters and names
// [SECTION] feeding: pieces, unfinished tokens, line numbers
// [SECTION] tokens: text, start tag, end tag, comment / CDATA, processing instruction
// [SECTION] references and attribute values
// [SECTION] encoding sniff
#include "workbook/xml_scanner.hpp"

#include <algorithm>
#include <cstring>

namespace overdue {

// [SECTION] characters and names ------------------------------------------------------------------
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool is_xml_char(uint32_t c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  if (c <= 0xD7FF) return true;
  if (c < 0xE000) return false;
  if (c <= 0xFFFD) return true;
  return c >= 0x10000 && c <= 0x10FFFF;
}

// The length of the UTF-8 character at p (a byte ≥ 0x80) whose code point is an XML character;
// 0 when the bytes are not one (overlong, surrogate, past U+10FFFF, cut short, U+FFFE/U+FFFF).
size_t utf8_xml_char(const char* p, const char* e) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const size_t avail = static_cast<size_t>(e - p);
  const unsigned char b = s[0];
  size_t n;
  uint32_t c;
  if (b >= 0xC2 && b <= 0xDF) n = 2, c = b & 0x1Fu;
  else if (b >= 0xE0 && b <= 0xEF) n = 3, c = b & 0x0Fu;
  else if (b >= 0xF0 && b <= 0xF4) n = 4, c = b & 0x07u;
  else return 0;
  if (avail < n) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3Fu);
  }
  if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000)) return 0;  // overlong
  return is_xml_char(c) ? n : 0;
}

// Writes code point c as UTF-8 at out; returns its length (1 to 4).
size_t write_utf8(char* out, uint32_t c) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

bool is_name_start_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool is_name_ascii(char c) {
  return is_name_start_ascii(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// The end of the XML name starting at p (before `e`), or nullptr when p does not start one.
// Letters beyond ASCII are taken as name characters when they are valid UTF-8: workbook
// generators write ASCII names, and the Unicode name classes would cost a table for nothing.
const char* scan_name(const char* p, const char* e) {
  const char* q = p;
  while (q < e) {
    const char c = *q;
    if (static_cast<unsigned char>(c) >= 0x80) {
      const size_t n = utf8_xml_char(q, e);
      if (n == 0) return nullptr;
      q += n;
    } else if (q == p ? is_name_start_ascii(c) : is_name_ascii(c)) {
      ++q;
    } else {
      break;
    }
  }
  return q == p ? nullptr : q;
}

// The first byte c in [p, e), or nullptr. Most searches here are short (a cell's value, a tag):
// a plain loop over the first bytes beats a call into memchr (in wasm a C loop itself; the UCI
// workbook's read: 8 % less time in node).
inline const char* find_byte(const char* p, const char* e, char c) {
  const char* const stop = e - p > 32 ? p + 32 : e;
  for (; p < stop; ++p)
    if (*p == c) return p;
  if (p == e) return nullptr;
  return static_cast<const char*>(std::memchr(p, c, static_cast<size_t>(e - p)));
}

// The first "ab" (two bytes) in [p, e), or nullptr.
const char* find_pair(const char* p, const char* e, char a, char b) {
  while (p + 1 < e) {
    const void* hit = std::memchr(p, a, static_cast<size_t>(e - p - 1));
    if (!hit) return nullptr;
    const char* h = static_cast<const char*>(hit);
    if (h[1] == b) return h;
    p = h + 1;
  }
  return nullptr;
}

// One pseudo-attribute of an XML declaration (name = "value", the value of [A-Za-z0-9._-]) at p,
// after white space; `name` empty when only white space is left. False when it is malformed.
bool next_pseudo_attribute(const char*& p, const char* e, std::string_view& name, std::string_view& value) {
  name = value = {};
  if (p == e) return true;
  if (!is_space(*p)) return false;
  while (p < e && is_space(*p)) ++p;
  if (p == e) return true;
  const char* const n = p;
  while (p < e && *p != '=' && !is_space(*p)) {
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
    ++p;
  }
  if (p == n) return false;
  name = std::string_view(n, static_cast<size_t>(p - n));
  while (p < e && is_space(*p)) ++p;
  if (p == e || *p != '=') return false;
  ++p;
  while (p < e && is_space(*p)) ++p;
  if (p == e || (*p != '"' && *p != '\'')) return false;
  const char quote = *p++;
  const char* const v = p;
  for (; p < e && *p != quote; ++p) {
    const char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
      return false;
  }
  if (p == e) return false;
  value = std::string_view(v, static_cast<size_t>(p - v));
  ++p;
  return true;
}

// The XML declaration between "<?xml" and "?>": version, then optionally encoding and standalone,
// in that order (XML 1.0 §2.8, as expat checks it).
bool xml_declaration_ok(const char* p, const char* e) {
  std::string_view name, value;
  if (!next_pseudo_attribute(p, e, name, value) || name != "version") return false;
  if (!next_pseudo_attribute(p, e, name, value)) return false;
  if (name == "encoding") {
    if (value.empty() || !((value[0] >= 'a' && value[0] <= 'z') || (value[0] >= 'A' && value[0] <= 'Z'))) return false;
    if (!next_pseudo_attribute(p, e, name, value)) return false;
  }
  if (name.empty()) return true;
  if (name != "standalone" || (value != "yes" && value != "no")) return false;
  while (p < e && is_space(*p)) ++p;
  return p == e;
}

}  // namespace

// [SECTION] feeding: pieces, unfinished tokens, line numbers --------------------------------------
bool XmlScanner::feed(std::string_view chunk, bool last) {
  if (!error_.empty()) return false;
  // An unfinished token from the last piece: complete it in pending_ with as few of this piece's
  // bytes as it takes (doubling), then go back to reading the piece where it lies.
  size_t take = 4096;
  while (!pending_.empty()) {
    take = std::min(chunk.size(), std::max(take, pending_.size()));
    const size_t held = pending_.size();
    pending_.append(chunk.data(), take);
    chunk.remove_prefix(take);
    const bool at_end = last && chunk.empty();
    const size_t used = scan(pending_.data(), pending_.size(), at_end);
    if (!error_.empty()) return false;
    lines_ += static_cast<uint64_t>(std::count(pending_.data(), pending_.data() + used, '\n'));
    consumed_ += used;
    if (used >= held) {
      // The held token is done: what is left came from this piece, so read it there.
      const size_t back = pending_.size() - used;
      chunk = std::string_view(chunk.data() - back, chunk.size() + back);
      pending_.clear();
      break;
    }
    pending_.erase(0, used);
    if (chunk.empty()) return true;
    take *= 2;
  }
  if (chunk.empty() && !last) return true;
  const size_t used = scan(chunk.data(), chunk.size(), last);
  if (!error_.empty()) return false;
  lines_ += static_cast<uint64_t>(std::count(chunk.data(), chunk.data() + used, '\n'));
  consumed_ += used;
  pending_.assign(chunk.data() + used, chunk.size() - used);
  return true;
}

bool XmlScanner::fail(const char* at, const char* message) {
  if (!error_.empty()) return false;
  const uint64_t line = lines_ + static_cast<uint64_t>(std::count(base_, std::max(at, base_), '\n'));
  error_ = "line " + std::to_string(line) + ": " + message;
  return false;
}

size_t XmlScanner::scan(const char* data, size_t size, bool last) {
  const char* p = data;
  const char* const end = data + size;
  base_ = data;
  if (size > 0 && consumed_ == 0 && !started_) {  // a UTF-8 byte-order mark is not part of the document
    static const char kBom[] = "\xEF\xBB\xBF";
    const size_t n = std::min<size_t>(size, 3);
    if (std::memcmp(p, kBom, n) == 0) {
      if (n < 3 && !last) return 0;
      if (n == 3) p += 3;
    }
  }
  while (p < end) {
    position_ = consumed_ + static_cast<uint64_t>(p - data);
    const char* next;
    if (*p != '<') next = text_token(p, end, last);
    else if (end - p < 2) next = nullptr;
    else if (p[1] == '/') next = end_tag(p, end);
    else if (p[1] == '!') next = bang_token(p, end);
    else if (p[1] == '?') next = pi_token(p, end);
    else next = start_tag(p, end);
    if (!error_.empty()) return static_cast<size_t>(p - data);
    if (!next) {
      if (last) fail(p, "unclosed token");
      return static_cast<size_t>(p - data);
    }
    started_ = true;
    searched_ = 0;
    quote_ = 0;
    p = next;
  }
  if (last && (!root_seen_ || !open_starts_.empty())) fail(end, "no element found");
  return static_cast<size_t>(p - data);
}

// [SECTION] tokens: text, start tag, end tag, comment / CDATA, processing instruction ------------
const char* XmlScanner::text_token(const char* p, const char* end, bool last) {
  const char* const lt = find_byte(p + searched_, end, '<');
  const char* e = lt ? lt : end;
  if (!lt && !last) {
    searched_ = static_cast<size_t>(end - p);
    return nullptr;
  }
  return emit_text(p, e, false) ? e : nullptr;
}

bool XmlScanner::emit_text(const char* p, const char* e, bool cdata) {
  if (open_starts_.empty()) {  // outside the root: only white space
    for (const char* q = p; q < e; ++q)
      if (!is_space(*q)) return fail(q, root_closed_ ? "junk after document element" : "not well-formed (invalid token)");
    return true;
  }
  if (p == e) return true;
  // Most text is plain: hand it over where it lies. Copy only once a reference or a CR appears.
  bool copied = false;
  const char* run = p;
  const char* q = p;
  const auto flush = [&](const char* upto) {
    if (!copied) text_bytes_.clear();
    copied = true;
    text_bytes_.append(run, static_cast<size_t>(upto - run));
  };
  while (q < e) {
    const unsigned char b = static_cast<unsigned char>(*q);
    if ((b >= 0x20 && b < 0x80 && b != '&' && b != ']') || b == '\n' || b == '\t') {
      ++q;
    } else if (b == ']') {
      if (!cdata && e - q >= 3 && q[1] == ']' && q[2] == '>') return fail(q, "not well-formed (invalid token)");
      ++q;
    } else if (b >= 0x80) {
      const size_t n = utf8_xml_char(q, e);
      if (n == 0) return fail(q, "not well-formed (invalid token)");
      q += n;
    } else if (b == '\r') {
      flush(q);
      text_bytes_.push_back('\n');
      q += (q + 1 < e && q[1] == '\n') ? 2 : 1;
      run = q;
    } else if (b == '&' && !cdata) {
      flush(q);
      char decoded[4];
      size_t n = 0;
      q = decode_reference(q, e, decoded, n);
      if (!q) return false;
      text_bytes_.append(decoded, n);
      run = q;
    } else if (b == '&') {
      ++q;
    } else {
      return fail(q, "not well-formed (invalid token)");
    }
  }
  if (!copied) {
    handler_.text(p, static_cast<int>(e - p));
    return true;
  }
  flush(e);
  if (!text_bytes_.empty()) handler_.text(text_bytes_.data(), static_cast<int>(text_bytes_.size()));
  return true;
}

const char* XmlScanner::start_tag(const char* p, const char* end) {
  // Find the closing '>' outside quoted values first ('>' may stand inside a value).
  char quote = quote_;
  const char* q = p + std::max<size_t>(1, searched_);
  while (q < end) {
    if (quote) {
      const char* const c = find_byte(q, end, quote);
      if (!c) {
        q = end;
        break;
      }
      q = c + 1;
      quote = 0;
      continue;
    }
    const char c = *q;
    if (c == '>') break;
    if (c == '"' || c == '\'') quote = c;
    ++q;
  }
  if (q >= end) {
    searched_ = static_cast<size_t>(end - p);
    quote_ = quote;
    return nullptr;
  }
  const char* const gt = q;
  const char* const name = p + 1;
  const char* const name_end = scan_name(name, gt);
  if (!name_end) return fail(name, "not well-formed (invalid token)"), nullptr;
  if (root_closed_) return fail(p, "junk after document element"), nullptr;

  // Attribute names and values go to one buffer, NUL-terminated for the handler. Decoding never
  // lengthens a value and each attribute takes at least four bytes of markup (space, '=', two
  // quotes) against its two NULs, so the tag's own length is room enough: sized once, no appends.
  const size_t room = static_cast<size_t>(gt - name_end) + 1;
  if (attribute_buffer_.size() < room) attribute_buffer_.resize(std::max(room, 2 * attribute_buffer_.size()));
  char* w = attribute_buffer_.data();
  attributes_.clear();
  bool self_closing = false;
  q = name_end;
  for (;;) {
    bool space = false;
    while (q < gt && is_space(*q)) ++q, space = true;
    if (q == gt) break;
    if (*q == '/') {
      if (q + 1 != gt) return fail(q, "not well-formed (invalid token)"), nullptr;
      self_closing = true;
      break;
    }
    if (!space) return fail(q, "not well-formed (invalid token)"), nullptr;
    const char* const an = q;
    const char* const an_end = scan_name(an, gt);
    if (!an_end) return fail(an, "not well-formed (invalid token)"), nullptr;
    q = an_end;
    while (q < gt && is_space(*q)) ++q;
    if (q == gt || *q != '=') return fail(q, "not well-formed (invalid token)"), nullptr;
    ++q;
    while (q < gt && is_space(*q)) ++q;
    if (q == gt || (*q != '"' && *q != '\'')) return fail(q, "not well-formed (invalid token)"), nullptr;
    const char qc = *q++;
    const char* const ve = find_byte(q, gt, qc);
    if (!ve) return fail(q, "not well-formed (invalid token)"), nullptr;  // cannot happen: gt is outside quotes
    // A name given twice is not well formed.
    const size_t name_length = static_cast<size_t>(an_end - an);
    for (size_t k = 0; k < attributes_.size(); k += 2)
      if (std::strncmp(attributes_[k], an, name_length) == 0 && attributes_[k][name_length] == '\0')
        return fail(an, "duplicate attribute"), nullptr;
    attributes_.push_back(w);
    std::memcpy(w, an, name_length);
    w += name_length;
    *w++ = '\0';
    attributes_.push_back(w);
    w = write_attribute_value(q, ve, w);
    if (!w) return nullptr;
    *w++ = '\0';
    q = ve + 1;
  }
  attributes_.push_back(nullptr);

  const std::string_view element(name, static_cast<size_t>(name_end - name));
  root_seen_ = true;
  if (!self_closing) {
    open_starts_.push_back(static_cast<uint32_t>(open_names_.size()));
    open_names_.append(element);
    open_names_.push_back('\0');
  }
  handler_.start(element, attributes_.data());
  if (self_closing) {
    handler_.end(element);
    if (open_starts_.empty()) root_closed_ = true;
  }
  return gt + 1;
}

const char* XmlScanner::end_tag(const char* p, const char* end) {
  const char* const gt = find_byte(p + std::max<size_t>(2, searched_), end, '>');
  if (!gt) {
    searched_ = static_cast<size_t>(end - p);
    return nullptr;
  }
  const char* const name = p + 2;
  const char* const name_end = scan_name(name, gt);
  if (!name_end) return fail(name, "not well-formed (invalid token)"), nullptr;
  for (const char* q = name_end; q < gt; ++q)
    if (!is_space(*q)) return fail(q, "not well-formed (invalid token)"), nullptr;
  const std::string_view element(name, static_cast<size_t>(name_end - name));
  if (open_starts_.empty() || element != std::string_view(open_names_.c_str() + open_starts_.back()))
    return fail(p, "mismatched tag"), nullptr;
  open_names_.resize(open_starts_.back());
  open_starts_.pop_back();
  if (open_starts_.empty()) root_closed_ = true;
  handler_.end(element);
  return gt + 1;
}

const char* XmlScanner::bang_token(const char* p, const char* end) {
  const size_t avail = static_cast<size_t>(end - p);
  if (avail < 4) return nullptr;
  if (p[2] == '-' && p[3] == '-') {  // <!-- comment -->: no "--" inside
    const char* const body = p + 4;
    const char* from = std::max(body, p + searched_ - std::min<size_t>(searched_, 2));
    const char* dash = find_pair(from, end, '-', '-');
    if (!dash || dash + 2 >= end) {
      searched_ = avail;
      return nullptr;
    }
    if (dash[2] != '>') return fail(dash, "not well-formed (invalid token)"), nullptr;
    return check_characters(body, dash) ? dash + 3 : nullptr;
  }
  static const char kCdata[] = "<![CDATA[";
  const size_t n = std::min<size_t>(avail, 9);
  if (std::memcmp(p, kCdata, n) == 0) {
    if (avail < 9) return nullptr;
    const char* const body = p + 9;
    const char* from = std::max(body, p + searched_ - std::min<size_t>(searched_, 2));
    const char* close = find_pair(from, end, ']', ']');
    while (close && close + 2 < end && close[2] != '>') close = find_pair(close + 1, end, ']', ']');
    if (!close || close + 2 >= end) {
      searched_ = avail;
      return nullptr;
    }
    if (open_starts_.empty()) return fail(p, "not well-formed (invalid token)"), nullptr;
    return emit_text(body, close, true) ? close + 3 : nullptr;
  }
  // <!DOCTYPE …> and anything else: a workbook part has no document type declaration, and
  // refusing it means no entity of a DTD can ever expand.
  return fail(p, "document type declarations are not read"), nullptr;
}

const char* XmlScanner::pi_token(const char* p, const char* end) {
  const char* from = p + std::max<size_t>(2, searched_ > 0 ? searched_ - 1 : 0);
  const char* close = find_pair(from, end, '?', '>');
  if (!close) {
    searched_ = static_cast<size_t>(end - p);
    return nullptr;
  }
  const char* const target = p + 2;
  const char* const target_end = scan_name(target, close);
  if (!target_end) return fail(target, "not well-formed (invalid token)"), nullptr;
  if (target_end < close && !is_space(*target_end)) return fail(target_end, "not well-formed (invalid token)"), nullptr;
  const std::string_view name(target, static_cast<size_t>(target_end - target));
  const bool xml_like = name.size() == 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l';
  if (xml_like) {
    // Only the document's very first bytes may be its XML declaration, spelt in lower case.
    if (name != "xml") return fail(p, "a processing instruction may not be named xml"), nullptr;
    if (started_) return fail(p, "XML or text declaration not at start of entity"), nullptr;
    if (!xml_declaration_ok(target_end, close)) return fail(p, "XML declaration not well-formed"), nullptr;
    return close + 2;
  }
  return check_characters(target_end, close) ? close + 2 : nullptr;
}

bool XmlScanner::check_characters(const char* p, const char* e) {
  for (const char* q = p; q < e;) {
    const unsigned char b = static_cast<unsigned char>(*q);
    if (b >= 0x80) {
      const size_t n = utf8_xml_char(q, e);
      if (n == 0) return fail(q, "not well-formed (invalid token)");
      q += n;
    } else if (b < 0x20 && !is_space(*q)) {
      return fail(q, "not well-formed (invalid token)");
    } else {
      ++q;
    }
  }
  return true;
}

// [SECTION] references and attribute values -------------------------------------------------------
const char* XmlScanner::decode_reference(const char* p, const char* e, char* out, size_t& length) {
  const void* semi = std::memchr(p + 1, ';', static_cast<size_t>(e - p - 1));
  if (!semi) return fail(p, "not well-formed (invalid token)"), nullptr;
  const char* const s = static_cast<const char*>(semi);
  const std::string_view body(p + 1, static_cast<size_t>(s - p - 1));
  length = 1;
  if (!body.empty() && body[0] == '#') {
    uint32_t c = 0;
    const bool hex = body.size() > 1 && body[1] == 'x';
    const size_t first = hex ? 2 : 1;
    if (body.size() == first) return fail(p, "not well-formed (invalid token)"), nullptr;
    for (size_t i = first; i < body.size(); ++i) {
      const char d = body[i];
      uint32_t v;
      if (d >= '0' && d <= '9') v = static_cast<uint32_t>(d - '0');
      else if (hex && d >= 'a' && d <= 'f') v = static_cast<uint32_t>(d - 'a' + 10);
      else if (hex && d >= 'A' && d <= 'F') v = static_cast<uint32_t>(d - 'A' + 10);
      else return fail(p, "not well-formed (invalid token)"), nullptr;
      c = c * (hex ? 16 : 10) + v;
      if (c > 0x10FFFF) return fail(p, "reference to invalid character number"), nullptr;
    }
    if (!is_xml_char(c)) return fail(p, "reference to invalid character number"), nullptr;
    length = write_utf8(out, c);
    return s + 1;
  }
  if (body == "lt") *out = '<';
  else if (body == "gt") *out = '>';
  else if (body == "amp") *out = '&';
  else if (body == "quot") *out = '"';
  else if (body == "apos") *out = '\'';
  else if (scan_name(body.data(), body.data() + body.size()) == body.data() + body.size())
    return fail(p, "undefined entity"), nullptr;
  else
    return fail(p, "not well-formed (invalid token)"), nullptr;
  return s + 1;
}

char* XmlScanner::write_attribute_value(const char* p, const char* e, char* w) {
  const char* run = p;
  const char* q = p;
  const auto flush = [&](const char* upto) {
    std::memcpy(w, run, static_cast<size_t>(upto - run));
    w += upto - run;
  };
  while (q < e) {
    const unsigned char b = static_cast<unsigned char>(*q);
    if (b >= 0x20 && b < 0x80 && b != '&' && b != '<') {
      ++q;
      continue;
    }
    if (b >= 0x80) {
      const size_t n = utf8_xml_char(q, e);
      if (n == 0) return fail(q, "not well-formed (invalid token)"), nullptr;
      q += n;
      continue;
    }
    flush(q);
    if (b == '\r' || b == '\n' || b == '\t') {  // §3.3.3: each white space character as a space
      *w++ = ' ';
      q += (b == '\r' && q + 1 < e && q[1] == '\n') ? 2 : 1;
    } else if (b == '&') {
      size_t n = 0;
      q = decode_reference(q, e, w, n);
      if (!q) return nullptr;
      w += n;
    } else {  // '<' or a control character
      return fail(q, "not well-formed (invalid token)"), nullptr;
    }
    run = q;
  }
  flush(e);
  return w;
}

// [SECTION] encoding sniff ------------------------------------------------------------------------
XmlSniff sniff_xml_encoding(std::string_view head, bool last) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(head[i]); };
  if (head.size() >= 2 && ((byte(0) == 0xFE && byte(1) == 0xFF) || (byte(0) == 0xFF && byte(1) == 0xFE)))
    return XmlSniff::other_encoding;
  if (head.size() >= 2 && (byte(0) == 0 || byte(1) == 0)) return XmlSniff::other_encoding;  // UTF-16/32, no mark
  std::string_view s = head;
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  static constexpr std::string_view kDecl = "<?xml";
  if (s.size() < kDecl.size()) {
    if (!last && kDecl.substr(0, s.size()) == s && head.size() < kXmlSniffBytes) return XmlSniff::need_more;
    return XmlSniff::utf8;
  }
  if (s.substr(0, kDecl.size()) != kDecl) return XmlSniff::utf8;
  const size_t close = s.find("?>");
  if (close == std::string_view::npos)
    return !last && head.size() < kXmlSniffBytes ? XmlSniff::need_more : XmlSniff::utf8;
  const std::string_view decl = s.substr(0, close);
  const size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return XmlSniff::utf8;
  size_t i = at + 8;
  while (i < decl.size() && is_space(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') return XmlSniff::utf8;  // malformed: the scanner says so
  ++i;
  while (i < decl.size() && is_space(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return XmlSniff::utf8;
  const size_t value_end = decl.find(decl[i], i + 1);
  if (value_end == std::string_view::npos) return XmlSniff::utf8;
  const std::string_view name = decl.substr(i + 1, value_end - i - 1);
  static constexpr std::string_view kUtf8 = "utf-8";
  bool utf8 = name.size() == kUtf8.size();
  for (size_t k = 0; utf8 && k < name.size(); ++k) utf8 = (name[k] | 0x20) == kUtf8[k];
  return utf8 ? XmlSniff::utf8 : XmlSniff::other_encoding;
}

}  // namespace overdue
