// GB18030 (a superset of GBK and GB2312) decoding, table-driven and independent of the C
// library, so native and WebAssembly builds decode identically. Tables come from Python's codec
// (scripts/gen_gb18030_table.py).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace overdue::gb18030 {

// Decodes the character starting at s[0]. Returns the number of bytes it used (1, 2 or 4) and
// sets cp; 0 when s[0] does not start a valid sequence (the caller writes U+FFFD and moves on by
// one byte, so an ASCII byte after a bad lead byte is still read as ASCII); -1 when the bytes
// could be a valid sequence but available is too short to tell; -4 when a well-formed four-byte
// sequence maps to no character (the caller writes U+FFFD and skips all four bytes).
int decode_one(const unsigned char* s, size_t available, uint32_t& cp) noexcept;

// Number of invalid sequences in bytes; an incomplete sequence at the end is not counted unless
// complete is true.
size_t count_invalid(std::string_view bytes, bool complete) noexcept;

}  // namespace overdue::gb18030
