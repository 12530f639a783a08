// Encoding detection and streaming conversion of a file's bytes to UTF-8.
//
// Detection (detect_encoding) looks at the first bytes of the file: a byte-order mark wins; known
// binary signatures and NUL bytes make the file "binary"; otherwise the sample is tried as UTF-8
// and then as GB18030 (GBK files are GB18030). A sample that is pure ASCII decides nothing yet:
// the decoder then waits for the first non-ASCII byte and decides from the bytes that follow it,
// so a GBK file whose first Chinese character comes late is still read as GBK.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/text/encoding_kind.hpp"
#include "overdue/text/file_error.hpp"

namespace overdue {

struct EncodingGuess {
  std::string error;
  FileErrorKind error_kind = FileErrorKind::none;                  // "empty file", "binary file (PNG image), not a CSV", …
  Encoding encoding = Encoding::utf8;
  bool decided = true;                // false: ASCII so far, decide at the first non-ASCII byte
  size_t bom_bytes = 0;               // byte-order mark to skip
};

// sample: the first bytes of the file; whole_file: the sample is all of it.
EncodingGuess detect_encoding(std::string_view sample, bool whole_file);

// UTF-8 or GB18030 for a run of bytes that starts at a character boundary: UTF-8 when it is
// valid or nearly so (at most one invalid sequence per ten valid multi-byte ones, or per two when
// there are at least 12 valid ones), otherwise the one with fewer invalid sequences, UTF-8 on a tie.
Encoding guess_text_encoding(std::string_view bytes, bool complete);

// Converts a byte stream, fed in chunks of any size, to UTF-8. Bytes that cannot be decoded (and
// NUL bytes, which no text file holds) are written as U+FFFD and the offset (in the UTF-8 output
// stream) of each such replacement is recorded, so the scanner can reject the record holding it.
class TextDecoder {
 public:
  TextDecoder() = default;
  explicit TextDecoder(const EncodingGuess& guess);

  // Appends the UTF-8 of the decodable part of bytes to out (bytes of a character cut by the
  // chunk's end wait for the next call). Offsets of replacements are appended to bad_offsets.
  void decode(std::string_view bytes, std::string& out, std::vector<uint64_t>& bad_offsets);
  // Valid UTF-8 needs no conversion: when the stream is UTF-8, nothing is held and bytes are
  // valid (a character cut by the end is held back for the next call), sets text to the bytes
  // themselves and returns true. Otherwise returns false and the caller uses decode().
  bool pass_through(std::string_view bytes, std::string_view& text);
  // End of input: decodes what is held back; an incomplete character becomes U+FFFD.
  void finish(std::string& out, std::vector<uint64_t>& bad_offsets);

  Encoding encoding() const { return encoding_; }
  uint64_t bytes_out() const { return produced_; }

  // How much of the input after the first non-ASCII byte an undecided decoder looks at.
  static constexpr size_t kDecideWindow = 64 * 1024;

 private:
  void decode_decided(std::string_view bytes, std::string& out, std::vector<uint64_t>& bad,
                      bool at_end);
  void decode_utf8(const unsigned char* s, size_t n, std::string& out, std::vector<uint64_t>& bad,
                   bool at_end);
  void decode_gb18030(const unsigned char* s, size_t n, std::string& out,
                      std::vector<uint64_t>& bad, bool at_end);
  void decode_utf16(const unsigned char* s, size_t n, std::string& out,
                    std::vector<uint64_t>& bad, bool at_end);
  void replace(std::string& out, std::vector<uint64_t>& bad);
  // Appends ASCII/UTF-8 text, with each NUL byte replaced and flagged like an undecodable byte.
  void append_text(const char* s, size_t n, std::string& out, std::vector<uint64_t>& bad);

  Encoding encoding_ = Encoding::utf8;
  bool decided_ = true;
  size_t skip_ = 0;            // byte-order mark bytes still to drop
  std::string held_;           // a character cut by a chunk end, or the undecided window
  uint64_t produced_ = 0;      // UTF-8 bytes written before the current call
  size_t out_start_ = 0;       // out.size() when the current call began
};

}  // namespace overdue
