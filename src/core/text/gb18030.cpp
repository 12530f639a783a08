// GB18030 decoding: single bytes 0x00-0x7F are ASCII; lead 0x81-0xFE + trail 0x40-0x7E/0x80-0xFE
// is a two-byte character (table); lead + 0x30-0x39 + 0x81-0xFE + 0x30-0x39 is a four-byte
// sequence whose linear index maps to the BMP through runs (table) or, from 0x90308130 on, to
// U+10000.. directly (GB18030-2005 §6.3 / WHATWG Encoding "gb18030 ranges").
#include "overdue/text/gb18030.hpp"

namespace overdue::gb18030 {
namespace {

struct Gb18030FourByteRun {
  uint32_t linear;      // first linear index of the run
  uint32_t code_point;  // its code point; the following indexes map to the following code points
};

#include "gb18030_table.inc"

constexpr uint32_t kRunCount = sizeof(kGb18030FourByteBmp) / sizeof(kGb18030FourByteBmp[0]);
constexpr uint32_t kBmpFourByteEnd = 39420;        // linear index of 0x8431A530
constexpr uint32_t kSupplementaryStart = 189000;   // linear index of 0x90308130 (U+10000)

// Code point of a BMP four-byte linear index, or 0 when none (binary search of the runs).
uint32_t bmp_from_linear(uint32_t linear) {
  if (linear >= kBmpFourByteEnd) return 0;
  uint32_t lo = 0, hi = kRunCount - 1;  // the last entry is the sentinel
  while (hi - lo > 1) {
    const uint32_t mid = (lo + hi) / 2;
    if (kGb18030FourByteBmp[mid].linear <= linear) lo = mid; else hi = mid;
  }
  return kGb18030FourByteBmp[lo].code_point + (linear - kGb18030FourByteBmp[lo].linear);
}

int two_byte_trail_index(unsigned char t) {
  if (t >= 0x40 && t <= 0x7E) return t - 0x40;
  if (t >= 0x80 && t <= 0xFE) return t - 0x80 + 63;
  return -1;
}

}  // namespace

int decode_one(const unsigned char* s, size_t available, uint32_t& cp) noexcept {
  const unsigned char b1 = s[0];
  if (b1 < 0x80) {
    cp = b1;
    return 1;
  }
  if (b1 == 0x80 || b1 == 0xFF) return 0;
  if (available < 2) return -1;
  const unsigned char b2 = s[1];
  const int trail = two_byte_trail_index(b2);
  if (trail >= 0) {
    cp = kGb18030TwoByte[(b1 - 0x81) * 190 + trail];
    return cp != 0 ? 2 : 0;
  }
  if (b2 < 0x30 || b2 > 0x39) return 0;
  if (available < 3) return -1;
  const unsigned char b3 = s[2];
  if (b3 < 0x81 || b3 > 0xFE) return 0;
  if (available < 4) return -1;
  const unsigned char b4 = s[3];
  if (b4 < 0x30 || b4 > 0x39) return 0;
  const uint32_t linear = ((static_cast<uint32_t>(b1 - 0x81) * 10 + (b2 - 0x30)) * 126 +
                           (b3 - 0x81)) * 10 + (b4 - 0x30);
  if (linear < kBmpFourByteEnd) {
    cp = bmp_from_linear(linear);
    return 4;
  }
  if (linear >= kSupplementaryStart && linear - kSupplementaryStart <= 0x10FFFF - 0x10000) {
    cp = 0x10000 + (linear - kSupplementaryStart);
    return 4;
  }
  return -4;
}

size_t count_invalid(std::string_view bytes, bool complete) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0, invalid = 0;
  uint32_t cp = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int len = decode_one(s + i, n - i, cp);
    if (len > 0) {
      i += static_cast<size_t>(len);
    } else if (len == -1 && !complete) {
      break;
    } else {
      ++invalid;
      i += len == -4 ? 4 : 1;
    }
  }
  return invalid;
}

}  // namespace overdue::gb18030
