// Encoding detection and streaming conversion to UTF-8: UTF-8 (BOM or not), GB18030/GBK,
// UTF-16 with a byte-order mark, binary and empty files; characters cut by chunk borders.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "overdue/text/encoding.hpp"
#include "overdue/text/gb18030.hpp"
#include "overdue/text/utf8.hpp"

using namespace overdue;

namespace {

// "中文客户" in GBK, and the same in UTF-8.
const std::string kGbk = "\xD6\xD0\xCE\xC4\xBF\xCD\xBB\xA7";
const std::string kUtf8 = "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAE\xA2\xE6\x88\xB7";

struct Decoded {
  std::string text;
  std::vector<uint64_t> bad;
  Encoding encoding;
};

// Decodes bytes fed in pieces of the given sizes (cycled), then finishes.
Decoded decode(const EncodingGuess& guess, std::string_view bytes, std::vector<size_t> pieces = {}) {
  TextDecoder decoder(guess);
  Decoded d;
  size_t at = 0, k = 0;
  while (at < bytes.size()) {
    const size_t len = pieces.empty() ? bytes.size() : pieces[k++ % pieces.size()];
    decoder.decode(bytes.substr(at, len), d.text, d.bad);
    at += len;
  }
  decoder.finish(d.text, d.bad);
  d.encoding = decoder.encoding();
  return d;
}

EncodingGuess guess_of(Encoding e, size_t bom = 0) {
  EncodingGuess g;
  g.encoding = e;
  g.bom_bytes = bom;
  return g;
}

// A simple LCG (Numerical Recipes constants): the same numbers on every platform.
struct Lcg {
  uint32_t state;
  uint32_t next() { return state = state * 1664525u + 1013904223u; }
};

}  // namespace

TEST_CASE("detect: empty, binary signatures and NUL bytes are errors") {
  CHECK(detect_encoding("", true).error == "empty file");
  CHECK(detect_encoding(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), true).error ==
        "binary file (PNG image), not a CSV");
  CHECK(detect_encoding("%PDF-1.7\n", true).error.find("PDF") != std::string::npos);
  // A zip never reaches detect_encoding (the importer reads it as a workbook, issue #18); if it
  // did, it would still be binary.
  CHECK(detect_encoding(std::string("PK\x03\x04\x14\0", 6), true).error.find("binary") !=
        std::string::npos);
  CHECK(detect_encoding(std::string("a,b\n1,\0\0\x01\x02", 10), true).error ==
        "binary file (contains NUL bytes), not a CSV");
  CHECK(detect_encoding("\x01\x02\x03\x04\x05\x06,a\n", true).error.find("binary") !=
        std::string::npos);
  CHECK(detect_encoding("a,b\n1,2\n", true).error.empty());
}

TEST_CASE("detect: byte-order marks") {
  const EncodingGuess bom = detect_encoding("\xEF\xBB\xBF" "a,b\n", true);
  CHECK(bom.encoding == Encoding::utf8_bom);
  CHECK(bom.bom_bytes == 3);
  CHECK(detect_encoding(std::string("\xFF\xFE" "a\0", 4), true).encoding == Encoding::utf16le);
  CHECK(detect_encoding(std::string("\xFE\xFF\0a", 4), true).encoding == Encoding::utf16be);
  // UTF-16 without a byte-order mark (ASCII text: every other byte is NUL).
  CHECK(detect_encoding(std::string("a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0", 16), true).encoding ==
        Encoding::utf16le);
}

TEST_CASE("detect: UTF-8 versus GB18030 from the sample") {
  CHECK(detect_encoding("name\n" + kUtf8 + "\n", true).encoding == Encoding::utf8);
  CHECK(detect_encoding("name\n" + kGbk + "\n", true).encoding == Encoding::gb18030);
  // A sample cut inside a character is not held against UTF-8.
  const std::string cut = "name\n" + kUtf8.substr(0, kUtf8.size() - 1);
  CHECK(detect_encoding(cut, false).encoding == Encoding::utf8);
  // Pure ASCII decides nothing until the file is complete.
  CHECK_FALSE(detect_encoding("a,b\n1,2\n", false).decided);
  CHECK(detect_encoding("a,b\n1,2\n", true).decided);
}

TEST_CASE("GB18030 decoding: two-byte, four-byte BMP and supplementary planes") {
  uint32_t cp = 0;
  const auto one = [&](std::string s) {
    return gb18030::decode_one(reinterpret_cast<const unsigned char*>(s.data()), s.size(), cp);
  };
  CHECK(one("\xD6\xD0") == 2);
  CHECK(cp == 0x4E2D);                      // 中
  CHECK(one("\xA1\xA1") == 2);
  CHECK(cp == 0x3000);                      // ideographic space
  CHECK(one("\x81\x30\x81\x30") == 4);
  CHECK(cp == 0x80);                        // first four-byte code
  CHECK(one("\x81\x30\x84\x36") == 4);
  CHECK(cp == 0xA5);                        // ¥ (second run of the table)
  CHECK(one("\x84\x31\xA4\x39") == 4);
  CHECK(cp == 0xFFFF);                      // last BMP code
  CHECK(one("\x90\x30\x81\x30") == 4);
  CHECK(cp == 0x10000);                     // supplementary planes are linear
  CHECK(one("\xE3\x32\x9A\x35") == 4);
  CHECK(cp == 0x10FFFF);
  CHECK(one("\xE3\x32\x9A\x36") == -4);     // beyond U+10FFFF
  CHECK(one("\x80") == 0);
  CHECK(one("\xFF") == 0);
  CHECK(one("\xD6") == -1);                 // incomplete
  CHECK(one("\x81\x30\x81") == -1);
  CHECK(one("\xD6\x0A") == 0);              // a bad trail: the newline is read again as ASCII
}

TEST_CASE("GB18030 stream: identical output for every split, bad bytes replaced") {
  const std::string gbk = "id,name\n1," + kGbk + "\n2,\x81\x30\x81\x30\x90\x30\x81\x30\n";
  const std::string expected = "id,name\n1," + kUtf8 + "\n2,\xC2\x80\xF0\x90\x80\x80\n";
  const EncodingGuess g = guess_of(Encoding::gb18030);
  CHECK(decode(g, gbk).text == expected);
  for (size_t split = 0; split <= gbk.size(); ++split) {
    TextDecoder d(g);
    std::string out;
    std::vector<uint64_t> bad;
    d.decode(std::string_view(gbk).substr(0, split), out, bad);
    d.decode(std::string_view(gbk).substr(split), out, bad);
    d.finish(out, bad);
    REQUIRE_MESSAGE(out == expected, "split at " << split);
    REQUIRE(bad.empty());
  }
  CHECK(decode(g, gbk, {1}).text == expected);
  const Decoded broken = decode(g, "a\x80" "b\xD6");  // 0x80 and a lead byte cut by the end
  CHECK(broken.text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  REQUIRE(broken.bad.size() == 2);
  CHECK(broken.bad[0] == 1);
  CHECK(broken.bad[1] == 5);
}

TEST_CASE("UTF-8 stream: BOM dropped, characters straddling chunks, invalid bytes flagged") {
  const std::string text = "\xEF\xBB\xBF" "a," + kUtf8 + ",\xF0\x9F\x98\x80\n";
  const EncodingGuess g = detect_encoding(text, true);
  const std::string expected = text.substr(3);
  for (size_t split = 0; split <= text.size(); ++split) {
    TextDecoder d(g);
    std::string out;
    std::vector<uint64_t> bad;
    d.decode(std::string_view(text).substr(0, split), out, bad);
    d.decode(std::string_view(text).substr(split), out, bad);
    d.finish(out, bad);
    REQUIRE_MESSAGE(out == expected, "split at " << split);
    REQUIRE(bad.empty());
  }
  CHECK(decode(g, text, {1}).text == expected);
  const Decoded bad = decode(guess_of(Encoding::utf8), "ok\n\xC3(\n\xED\xA0\x80\n");
  CHECK(bad.text == "ok\n\xEF\xBF\xBD(\n\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n");
  REQUIRE(bad.bad.size() == 4);  // a lone lead byte, and a surrogate's three bytes
  CHECK(bad.bad[0] == 3);
  CHECK(utf8::count_invalid("ok\n\xC3(\n", true) == 1);
}

TEST_CASE("UTF-16 with a byte-order mark is converted, surrogate pairs included") {
  // "a,中\n😀" in UTF-16LE and UTF-16BE.
  const std::string le("\xFF\xFE" "a\0,\0\x2D\x4E\n\0\x3D\xD8\x00\xDE", 14);
  const std::string be("\xFE\xFF\0a\0,\x4E\x2D\0\n\xD8\x3D\xDE\x00", 14);
  const std::string expected = "a,\xE4\xB8\xAD\n\xF0\x9F\x98\x80";
  CHECK(decode(detect_encoding(le, true), le).text == expected);
  CHECK(decode(detect_encoding(be, true), be).text == expected);
  Lcg lcg{7};
  for (int round = 0; round < 50; ++round) {
    std::vector<size_t> pieces;
    for (int i = 0; i < 8; ++i) pieces.push_back(1 + lcg.next() % 5);
    REQUIRE(decode(detect_encoding(le, true), le, pieces).text == expected);
  }
  const Decoded lone = decode(guess_of(Encoding::utf16le), std::string("\x00\xDC" "a\0", 4));
  CHECK(lone.text == "\xEF\xBF\xBD" "a");
  CHECK(lone.bad.size() == 1);
}

TEST_CASE("an ASCII start decides nothing: the first non-ASCII bytes decide later") {
  std::string ascii(TextDecoder::kDecideWindow + 100, 'x');
  ascii += "\n";
  EncodingGuess g = detect_encoding(std::string_view(ascii).substr(0, 1000), false);
  REQUIRE_FALSE(g.decided);
  const std::string gbk_file = ascii + kGbk + "\n";
  for (size_t piece : {size_t(1) << 16, size_t(4096), size_t(7)}) {
    const Decoded d = decode(g, gbk_file, {piece});
    CHECK(d.encoding == Encoding::gb18030);
    CHECK(d.text == ascii + kUtf8 + "\n");
  }
  const Decoded u = decode(g, ascii + kUtf8 + "\n", {4096});
  CHECK(u.encoding == Encoding::utf8);
  CHECK(u.text == ascii + kUtf8 + "\n");
}

TEST_CASE("cut_at_boundary never splits a character") {
  CHECK(utf8::cut_at_boundary(kUtf8, 4) == kUtf8.substr(0, 3));
  CHECK(utf8::cut_at_boundary(kUtf8, 6) == kUtf8.substr(0, 6));
  CHECK(utf8::cut_at_boundary("abc", 10) == "abc");
}

TEST_CASE("valid UTF-8 passes through without a copy; a cut character waits") {
  const std::string text = "\xEF\xBB\xBF" "a," + kUtf8 + "\n";
  TextDecoder d(detect_encoding(text, true));
  std::string_view out;
  const size_t cut = 6;  // inside the first Chinese character
  REQUIRE(d.pass_through(std::string_view(text).substr(0, cut), out));
  CHECK(out == "a,");  // BOM dropped, the cut character held back
  CHECK(out.data() == text.data() + 3);
  // Something is held now: the next piece goes through decode().
  CHECK_FALSE(d.pass_through(std::string_view(text).substr(cut), out));
  std::string rest;
  std::vector<uint64_t> bad;
  d.decode(std::string_view(text).substr(cut), rest, bad);
  CHECK(rest == kUtf8 + "\n");
  CHECK(d.bytes_out() == text.size() - 3);
  // Invalid bytes are never passed through, and the BOM is still dropped by decode().
  TextDecoder e(detect_encoding(text, true));
  const std::string invalid = "\xEF\xBB\xBF" "a\xFF\n";
  CHECK_FALSE(e.pass_through(invalid, out));
  std::string fixed;
  e.decode(invalid, fixed, bad);
  CHECK(fixed == "a\xEF\xBF\xBD\n");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == 1);
  // GB18030 always converts.
  TextDecoder g(guess_of(Encoding::gb18030));
  CHECK_FALSE(g.pass_through("abc", out));
}

TEST_CASE("UTF-8 with a few stray Latin-1 bytes is not mistaken for GB18030") {
  std::string text = "name,city\n";
  for (int i = 0; i < 20; ++i) text += kUtf8 + std::to_string(i) + "," + kUtf8 + "\n";
  // "été" in Latin-1: E9 74 is a valid GB18030 pair, so GB18030 shows fewer errors than UTF-8.
  const std::string stray = "\xE9t\xE9,Paris\n";
  CHECK(gb18030::count_invalid(stray, true) < utf8::count_invalid(stray, true));
  CHECK(guess_text_encoding(text + stray, true) == Encoding::utf8);
  CHECK(guess_text_encoding(kGbk + "," + kGbk + "\n", true) == Encoding::gb18030);
  const utf8::Stats st = utf8::stats(text + stray, true);
  CHECK(st.invalid == 2);
  CHECK(st.valid_multibyte == 20 * 8);
}
