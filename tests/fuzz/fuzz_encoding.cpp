// Fuzz target: encoding detection, the streaming TextDecoder (UTF-8, GB18030, UTF-16 LE/BE and
// the undecided ASCII-so-far mode) and the GB18030 / UTF-8 primitives under it.
//
// The input is a file's bytes. Checks, beyond "no crash, no sanitizer report":
// - the decoder's output is valid UTF-8, whatever the input and the encoding it was told;
// - each recorded bad offset points at a U+FFFD in the output, offsets strictly increase;
// - fed whole or in pieces (sizes derived from the input, pass_through tried first as
//   FileImporter does), the output and the bad offsets are identical;
// - gb18030::decode_one only returns valid code points, utf8::sequence_length agrees with an
//   independent validator, cut_at_boundary never cuts a character.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/text/encoding.hpp"
#include "fuzz_support.hpp"
#include "overdue/text/gb18030.hpp"
#include "overdue/text/utf8.hpp"

using namespace overdue;

namespace {

struct Decoded {
  std::string text;
  std::vector<uint64_t> bad;
};

Decoded decode(std::string_view bytes, const EncodingGuess& guess, const std::vector<size_t>* pieces) {
  TextDecoder decoder(guess);
  Decoded d;
  auto feed = [&](std::string_view piece) {
    std::string_view text;
    if (decoder.pass_through(piece, text)) {
      d.text.append(text.data(), text.size());
    } else {
      decoder.decode(piece, d.text, d.bad);
    }
  };
  if (pieces) {
    size_t at = 0;
    for (size_t len : *pieces) {
      feed(bytes.substr(at, len));
      at += len;
    }
  } else {
    feed(bytes);
  }
  decoder.finish(d.text, d.bad);
  FUZZ_CHECK(decoder.bytes_out() == d.text.size(), "bytes_out");
  return d;
}

void check_decoding(std::string_view bytes, const EncodingGuess& guess, uint64_t seed) {
  const Decoded whole = decode(bytes, guess, nullptr);
  FUZZ_CHECK(fuzz::valid_utf8(whole.text), std::string("invalid UTF-8 out of ") + encoding_name(guess.encoding));
  uint64_t previous = 0;
  for (size_t i = 0; i < whole.bad.size(); ++i) {
    const uint64_t at = whole.bad[i];
    FUZZ_CHECK(i == 0 || at > previous, "bad offsets not increasing");
    FUZZ_CHECK(at + 3 <= whole.text.size() && whole.text.compare(at, 3, utf8::kReplacement) == 0,
               "bad offset " + std::to_string(at) + " is not a U+FFFD");
    previous = at;
  }
  const std::vector<size_t> pieces = fuzz::chunk_sizes(bytes.size(), seed);
  const Decoded chunked = decode(bytes, guess, &pieces);
  FUZZ_CHECK(whole.text == chunked.text, std::string("whole vs chunked text, ") + encoding_name(guess.encoding));
  FUZZ_CHECK(whole.bad == chunked.bad, std::string("whole vs chunked bad offsets, ") + encoding_name(guess.encoding));
}

void check_primitives(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    uint32_t cp = 0;
    const int len = gb18030::decode_one(s + i, n - i, cp);
    FUZZ_CHECK(len == 0 || len == -1 || len == -4 || len == 1 || len == 2 || len == 4, "decode_one length");
    if (len > 0) {
      FUZZ_CHECK(static_cast<size_t>(len) <= n - i, "decode_one read past the end");
      FUZZ_CHECK(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF), "decode_one code point " + std::to_string(cp));
    }
    if (len == -4) FUZZ_CHECK(n - i >= 4, "decode_one -4 without four bytes");
    const int u = utf8::sequence_length(s + i, n - i);
    if (u > 0) {
      FUZZ_CHECK(static_cast<size_t>(u) <= n - i && fuzz::valid_utf8(bytes.substr(i, u)), "sequence_length");
    } else if (u == 0) {
      for (size_t k = 1; k <= 4 && k <= n - i; ++k)
        FUZZ_CHECK(!fuzz::valid_utf8(bytes.substr(i, k)), "sequence_length rejected a valid sequence");
    }
  }
  gb18030::count_invalid(bytes, true);
  gb18030::count_invalid(bytes, false);
  const utf8::Stats st = utf8::stats(bytes, true);
  FUZZ_CHECK((st.invalid == 0) == fuzz::valid_utf8(bytes), "utf8::stats vs validator");
  utf8::stats(bytes, false);
  for (size_t max : {size_t(0), size_t(1), n / 2, n}) {
    const std::string_view cut = utf8::cut_at_boundary(bytes, max);
    FUZZ_CHECK(cut.size() <= max && cut.data() == bytes.data(), "cut_at_boundary size");
    if (fuzz::valid_utf8(bytes)) FUZZ_CHECK(fuzz::valid_utf8(cut), "cut_at_boundary cut a character");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  const uint64_t seed = fuzz::hash(bytes);

  const EncodingGuess guess = detect_encoding(bytes, true);
  detect_encoding(bytes.substr(0, size / 2), false);
  guess_text_encoding(bytes, true);
  guess_text_encoding(bytes, false);
  if (guess.error.empty()) {
    check_decoding(bytes, guess, seed);
  } else {
    FUZZ_CHECK(guess.error == "empty file" || guess.error.rfind("binary file (", 0) == 0, guess.error);
  }

  // Every decoder on every input, as if detection had said so (a mislabelled file must still
  // decode to valid UTF-8).
  const Encoding forced[] = {Encoding::utf8, Encoding::utf8_bom, Encoding::gb18030, Encoding::utf16le,
                             Encoding::utf16be};
  EncodingGuess g;
  g.encoding = forced[seed % 5];
  g.bom_bytes = (seed >> 8) % 4;
  check_decoding(bytes, g, seed >> 3);
  EncodingGuess undecided;
  undecided.decided = false;
  check_decoding(bytes, undecided, seed >> 5);

  check_primitives(bytes);
  return 0;
}
