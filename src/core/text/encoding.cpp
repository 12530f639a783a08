// Encoding detection and streaming conversion to UTF-8 (see encoding.hpp).
#include "overdue/text/encoding.hpp"

#include <cstring>

#include "overdue/text/gb18030.hpp"
#include "overdue/text/utf8.hpp"

namespace overdue {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf8_bom: return "utf-8-bom";
    case Encoding::gb18030: return "gb18030";
    case Encoding::utf16le: return "utf-16le";
    case Encoding::utf16be: return "utf-16be";
  }
  return "utf-8";
}

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Files people drop by mistake: say what they are instead of "not a CSV".
const char* binary_signature(std::string_view s) {
  struct Signature { std::string_view magic; const char* what; };
  static const Signature kSignatures[] = {
      {std::string_view("\x89PNG\r\n\x1a\n", 8), "PNG image"},
      {"%PDF", "PDF document"},
      // Zips and OLE2 compound files never get here: the importer hands them to the workbook
      // reader (issue #18), which says what they are.
      {"GIF87a", "GIF image"},
      {"GIF89a", "GIF image"},
      {std::string_view("\xFF\xD8\xFF", 3), "JPEG image"},
      {std::string_view("\x1F\x8B", 2), "gzip archive"},
      {std::string_view("\x7F" "ELF", 4), "executable"},
      {"Rar!", "RAR archive"},
      {std::string_view("7z\xBC\xAF\x27\x1C", 6), "7-Zip archive"},
      {"SQLite format 3", "SQLite database"},
  };
  for (const auto& sig : kSignatures)
    if (starts_with(s, sig.magic)) return sig.what;
  return nullptr;
}

// UTF-16 without a byte-order mark shows as NUL in every other byte (ASCII-range text).
// Returns 1 for little-endian, 2 for big-endian, 0 for neither.
int bomless_utf16(std::string_view s) {
  const size_t n = s.size() < 4096 ? s.size() & ~size_t(1) : 4096;
  if (n < 4) return 0;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += s[i] == '\0';
    zero_odd += s[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 7 && zero_even == 0) return 1;
  if (zero_even * 10 >= pairs * 7 && zero_odd == 0) return 2;
  return 0;
}

}  // namespace

// [SECTION] detection ----------------------------------------------------------------------------

Encoding guess_text_encoding(std::string_view bytes, bool complete) {
  const utf8::Stats u = utf8::stats(bytes, complete);
  if (u.invalid == 0) return Encoding::utf8;
  // UTF-8 with a few stray bytes (a Latin-1 "é" pasted in) stays UTF-8: GB18030 accepts so many
  // byte pairs that it may show fewer errors. GBK text read as UTF-8 has several invalid bytes
  // per accidental valid sequence (measured: 27,631 invalid, 5,994 valid on 20,000 hanzi).
  if (u.invalid * 10 <= u.valid_multibyte) return Encoding::utf8;
  // A small UTF-8 file has few characters to outweigh its stray bytes (tests/data/bad/
  // invalid_utf8.csv: 14 valid, 2 invalid was read as GB18030, every Chinese name garbled). Short
  // GBK text can look like that (2-10 hanzi: up to 3 accidental valid sequences per invalid one),
  // but 12 or more valid sequences at 2 per invalid one never came out of 160,000 random GBK
  // strings of 5-40 characters (measured with Python's codecs).
  if (u.valid_multibyte >= 12 && u.invalid * 2 <= u.valid_multibyte) return Encoding::utf8;
  const size_t gb_bad = gb18030::count_invalid(bytes, complete);
  return gb_bad < u.invalid ? Encoding::gb18030 : Encoding::utf8;
}

EncodingGuess detect_encoding(std::string_view sample, bool whole_file) {
  EncodingGuess g;
  if (sample.empty()) {
    g.error = "empty file";
    g.error_kind = FileErrorKind::empty_file;
    return g;
  }
  if (starts_with(sample, "\xEF\xBB\xBF")) {
    g.encoding = Encoding::utf8_bom;
    g.bom_bytes = 3;
    return g;
  }
  if (starts_with(sample, "\xFF\xFE") && !starts_with(sample, std::string_view("\xFF\xFE\0\0", 4))) {
    g.encoding = Encoding::utf16le;
    g.bom_bytes = 2;
    return g;
  }
  if (starts_with(sample, "\xFE\xFF")) {
    g.encoding = Encoding::utf16be;
    g.bom_bytes = 2;
    return g;
  }
  if (const char* what = binary_signature(sample)) {
    g.error = std::string("binary file (") + what + "), not a CSV";
    g.error_kind = FileErrorKind::binary_file;
    return g;
  }
  if (std::memchr(sample.data(), '\0', sample.size()) != nullptr) {
    if (int u16 = bomless_utf16(sample)) {
      g.encoding = u16 == 1 ? Encoding::utf16le : Encoding::utf16be;
      return g;
    }
    g.error = "binary file (contains NUL bytes), not a CSV";
    g.error_kind = FileErrorKind::binary_file;
    return g;
  }
  // Text has few control characters other than tab, line ends, form feed and Ctrl-Z.
  size_t control = 0;
  for (unsigned char c : sample)
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A;
  if (control * 20 > sample.size()) {
    g.error = "binary file (control bytes), not a CSV";
    g.error_kind = FileErrorKind::binary_file;
    return g;
  }
  size_t first_high = 0;
  while (first_high < sample.size() && static_cast<unsigned char>(sample[first_high]) < 0x80)
    ++first_high;
  if (first_high == sample.size()) {
    g.decided = whole_file;  // pure ASCII: only the rest of the file can tell
    return g;
  }
  g.encoding = guess_text_encoding(sample.substr(first_high), whole_file);
  return g;
}

// [SECTION] decoding -----------------------------------------------------------------------------

TextDecoder::TextDecoder(const EncodingGuess& guess)
    : encoding_(guess.encoding), decided_(guess.decided), skip_(guess.bom_bytes) {}

void TextDecoder::replace(std::string& out, std::vector<uint64_t>& bad) {
  bad.push_back(produced_ + (out.size() - out_start_));
  out.append(utf8::kReplacement);
}

// NUL is no character of a CSV file: detection refuses a file with NUL bytes in its first 64 KiB
// as binary, and one further on (a corrupt export, a binary tail) must not slip into a cell
// either, so it is replaced and flagged like an undecodable byte and its record is rejected.
void TextDecoder::append_text(const char* s, size_t n, std::string& out, std::vector<uint64_t>& bad) {
  while (n > 0) {
    const void* nul = std::memchr(s, '\0', n);
    const size_t run = nul ? static_cast<size_t>(static_cast<const char*>(nul) - s) : n;
    out.append(s, run);
    if (!nul) return;
    replace(out, bad);
    s += run + 1;
    n -= run + 1;
  }
}

void TextDecoder::decode(std::string_view bytes, std::string& out, std::vector<uint64_t>& bad) {
  out_start_ = out.size();
  if (skip_ > 0) {
    const size_t k = skip_ < bytes.size() ? skip_ : bytes.size();
    bytes.remove_prefix(k);
    skip_ -= k;
  }
  if (!decided_) {
    // Pass ASCII through; from the first non-ASCII byte on, hold a window to decide from.
    if (held_.empty()) {
      size_t i = 0;
      while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
      append_text(bytes.data(), i, out, bad);
      bytes.remove_prefix(i);
      if (bytes.empty()) {
        produced_ += out.size() - out_start_;
        return;
      }
    }
    held_.append(bytes.data(), bytes.size());
    if (held_.size() < kDecideWindow) {
      produced_ += out.size() - out_start_;
      return;
    }
    encoding_ = guess_text_encoding(std::string_view(held_).substr(0, kDecideWindow), false);
    decided_ = true;
    std::string window;
    window.swap(held_);
    decode_decided(window, out, bad, false);
  } else {
    decode_decided(bytes, out, bad, false);
  }
  produced_ += out.size() - out_start_;
}

bool TextDecoder::pass_through(std::string_view bytes, std::string_view& text) {
  if (!held_.empty()) return false;
  if (!decided_) {  // ASCII so far: pass ASCII through until the first other byte
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    if (utf8::skip_ascii(s, 0, n) != n || std::memchr(s, '\0', n) != nullptr) return false;
    text = bytes;
    produced_ += n;
    return true;
  }
  if (encoding_ != Encoding::utf8 && encoding_ != Encoding::utf8_bom) return false;
  const size_t skip = skip_ < bytes.size() ? skip_ : bytes.size();  // byte-order mark
  bytes.remove_prefix(skip);
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0, cut = n;
  while (i < n) {
    i = utf8::skip_ascii(s, i, n);
    if (i >= n) break;
    const int len = utf8::sequence_length(s + i, n - i);
    if (len > 0) {
      i += static_cast<size_t>(len);
    } else if (len < 0) {  // cut by the end: hold it back
      cut = i;
      break;
    } else {
      return false;  // invalid bytes: decode() replaces them
    }
  }
  if (std::memchr(s, '\0', cut) != nullptr) return false;  // decode() replaces NUL
  skip_ -= skip;
  held_.assign(bytes.data() + cut, n - cut);
  text = bytes.substr(0, cut);
  produced_ += cut;
  return true;
}

void TextDecoder::finish(std::string& out, std::vector<uint64_t>& bad) {
  out_start_ = out.size();
  if (!decided_) {
    encoding_ = guess_text_encoding(held_, true);
    decided_ = true;
  }
  std::string rest;
  rest.swap(held_);
  decode_decided(rest, out, bad, true);
  produced_ += out.size() - out_start_;
}

// Joins a character cut by the previous chunk's end with the start of this one, then decodes
// the rest in place.
void TextDecoder::decode_decided(std::string_view bytes, std::string& out,
                                 std::vector<uint64_t>& bad, bool at_end) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  auto run = [&](const unsigned char* p, size_t len, bool end) {
    switch (encoding_) {
      case Encoding::utf8:
      case Encoding::utf8_bom: decode_utf8(p, len, out, bad, end); break;
      case Encoding::gb18030: decode_gb18030(p, len, out, bad, end); break;
      case Encoding::utf16le:
      case Encoding::utf16be: decode_utf16(p, len, out, bad, end); break;
    }
  };
  while (!held_.empty() && n > 0) {
    // At most 3 bytes are held; add input bytes one at a time until the character resolves.
    held_.push_back(static_cast<char>(*s));
    ++s;
    --n;
    std::string pending;
    pending.swap(held_);
    run(reinterpret_cast<const unsigned char*>(pending.data()), pending.size(), false);
  }
  if (at_end && !held_.empty()) {
    std::string pending;
    pending.swap(held_);
    run(reinterpret_cast<const unsigned char*>(pending.data()), pending.size(), true);
  }
  run(s, n, at_end);
}

void TextDecoder::decode_utf8(const unsigned char* s, size_t n, std::string& out,
                              std::vector<uint64_t>& bad, bool at_end) {
  size_t i = 0, run_start = 0;
  while (i < n) {
    i = utf8::skip_ascii(s, i, n);
    if (i >= n) break;
    const int len = utf8::sequence_length(s + i, n - i);
    if (len > 0) {
      i += static_cast<size_t>(len);
      continue;
    }
    append_text(reinterpret_cast<const char*>(s + run_start), i - run_start, out, bad);
    if (len < 0 && !at_end) {  // cut by the chunk's end: wait for the rest
      held_.assign(reinterpret_cast<const char*>(s + i), n - i);
      return;
    }
    replace(out, bad);
    ++i;
    run_start = i;
  }
  append_text(reinterpret_cast<const char*>(s + run_start), n - run_start, out, bad);
}

void TextDecoder::decode_gb18030(const unsigned char* s, size_t n, std::string& out,
                                 std::vector<uint64_t>& bad, bool at_end) {
  size_t i = 0;
  uint32_t cp = 0;
  while (i < n) {
    // ASCII other than NUL (1..0x7F) in one unsigned comparison: GBK text alternates short
    // ASCII runs and characters, so this loop is hot.
    size_t ascii_end = i;
    while (ascii_end < n && static_cast<unsigned char>(s[ascii_end] - 1) < 0x7F) ++ascii_end;
    out.append(reinterpret_cast<const char*>(s + i), ascii_end - i);
    i = ascii_end;
    if (i >= n) break;
    if (s[i] == 0) {  // NUL: see append_text
      replace(out, bad);
      ++i;
      continue;
    }
    const int len = gb18030::decode_one(s + i, n - i, cp);
    if (len > 0) {
      utf8::append_code_point(out, cp);
      i += static_cast<size_t>(len);
    } else if (len == -1 && !at_end) {
      held_.assign(reinterpret_cast<const char*>(s + i), n - i);
      return;
    } else {
      replace(out, bad);
      i += len == -4 ? 4 : 1;
    }
  }
}

void TextDecoder::decode_utf16(const unsigned char* s, size_t n, std::string& out,
                               std::vector<uint64_t>& bad, bool at_end) {
  const bool big = encoding_ == Encoding::utf16be;
  auto unit = [&](size_t at) -> uint32_t {
    return big ? (uint32_t(s[at]) << 8) | s[at + 1] : (uint32_t(s[at + 1]) << 8) | s[at];
  };
  size_t i = 0;
  while (i < n) {
    if (n - i < 2) {
      if (!at_end) {
        held_.assign(reinterpret_cast<const char*>(s + i), n - i);
        return;
      }
      replace(out, bad);
      break;
    }
    const uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {  // high surrogate: needs a low one
      if (n - i < 4) {
        if (!at_end) {
          held_.assign(reinterpret_cast<const char*>(s + i), n - i);
          return;
        }
        replace(out, bad);
        i += 2;
        continue;
      }
      const uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        utf8::append_code_point(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
      } else {
        replace(out, bad);
        i += 2;
      }
    } else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0) {  // a lone low surrogate, or NUL
      replace(out, bad);
      i += 2;
    } else {
      utf8::append_code_point(out, u);
      i += 2;
    }
  }
}

}  // namespace overdue
