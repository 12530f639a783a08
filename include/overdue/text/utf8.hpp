// UTF-8 helpers shared by the decoders and the scanner: encoding a code point, validating a byte
// run (streaming: a sequence may straddle two chunks), and cutting text at a character boundary.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace overdue::utf8 {

// U+FFFD, written where input bytes could not be decoded.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Appends the UTF-8 form of code point cp (cp <= 0x10FFFF, not a surrogate).
void append_code_point(std::string& out, uint32_t cp);

// Length of the valid UTF-8 sequence starting at s[0] (1..4), 0 when s[0] starts no valid
// sequence (stray continuation byte, overlong form, surrogate, > U+10FFFF), or -1 when the bytes
// are a valid but incomplete prefix of a sequence (more input could complete it). Follows the
// Unicode "maximal subpart" practice: callers replace one invalid byte at a time.
int sequence_length(const unsigned char* s, size_t available) noexcept;

// Valid multi-byte sequences and invalid ones (each maximal invalid subpart counts once) in
// bytes. When complete is false, an incomplete sequence at the very end is not counted (the
// sample was cut).
struct Stats {
  size_t valid_multibyte = 0;
  size_t invalid = 0;
};
Stats stats(std::string_view bytes, bool complete) noexcept;
inline size_t count_invalid(std::string_view bytes, bool complete) noexcept {
  return stats(bytes, complete).invalid;
}

// Index of the first byte ≥ 0x80 in s[i, n), or n: the decoders' ASCII fast path, eight bytes
// at a time (most of a CSV file is ASCII).
inline size_t skip_ascii(const unsigned char* s, size_t i, size_t n) noexcept {
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

// The longest prefix of text of at most max_bytes that does not cut a UTF-8 sequence.
std::string_view cut_at_boundary(std::string_view text, size_t max_bytes) noexcept;

}  // namespace overdue::utf8
