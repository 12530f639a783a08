// Splits decoded UTF-8 text into records and fields (RFC 4180 quoting), fed in pieces of any
// size. Each piece is scanned where it lies: complete records are handed to a sink (fields are
// views into the piece, unescaped only when a field holds doubled quotes) and only the unfinished
// record at the piece's end is copied, to be completed by the next piece. Nothing else is copied.
//
// Rules (issue #2):
// - Line ends: LF, CRLF, CR, mixed. Lines are counted physically; a record's line is the line it
//   starts on. Blank lines (nothing, or only spaces/tabs) are skipped and not counted as records.
// - Quoted fields may hold delimiters, doubled quotes and line ends; a quote inside an unquoted
//   field is a literal character.
// - A quote that never closes rejects only the record that opened it ("unterminated quote"), and
//   scanning resumes at the line after the record's first line. The same happens when a quoted
//   field spanned lines and the record then turned out broken (text after the closing quote, or a
//   field count that differs from the expected one): the quote was most likely a stray one that
//   paired with a quote further down.
// - Text between a closing quote and the next delimiter rejects the record ("text after closing
//   quote").
// - Records holding undecodable bytes (see TextDecoder) are flagged for the sink to reject.
// - Whitespace mode (delimiter ' '): runs of spaces and tabs separate fields, leading and trailing
//   ones are ignored.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/text/problem.hpp"

namespace overdue {

struct ScannedRecord {
  uint64_t line = 0;                      // 1-based physical line where the record starts
  std::string_view raw;                   // the record's text without its line end
  const std::string_view* fields = nullptr;
  size_t field_count = 0;
  bool undecodable = false;               // holds bytes the decoder replaced by U+FFFD
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Returns false to stop scanning (the sniffer only needs the first records).
  virtual bool on_record(const ScannedRecord& record) = 0;
  // kind: unterminated_quote or text_after_quote.
  virtual bool on_rejected(uint64_t line, ProblemKind kind, std::string_view raw) = 0;
};

class RecordScanner {
 public:
  explicit RecordScanner(char delimiter = ',');

  // Offsets, in the stream of all text fed so far, of bytes the decoder could not decode.
  std::vector<uint64_t>& undecodable_offsets() { return bad_; }

  // Expected fields per record once known (0 = not known yet); used to recognise a stray quote.
  void set_expected_fields(size_t n) { expected_fields_ = n; }

  // Scans the next piece of text. Returns false when the sink asked to stop.
  bool feed(std::string_view text, RecordSink& sink);
  // End of the text: the last record needs no line end and an open quote is unterminated.
  bool finish(RecordSink& sink);

  uint64_t line() const { return line_; }

 private:
  enum class Outcome { record, blank, need_more, unterminated, text_after_quote };
  struct Field {
    uint32_t begin, end;  // offsets into the region, or into scratch_ when unescaped
    bool unescaped;
  };

  // Scans the region [b, b + n) (stream offset base) from pos; returns where scanning stopped
  // (the start of an unfinished record, or n). ok is false when the sink asked to stop.
  size_t scan_region(const char* b, size_t n, uint64_t base, size_t pos, bool at_end, bool& ok,
                     RecordSink& sink);
  Outcome scan_record(size_t start, bool at_end, size_t& next, uint64_t& lines);
  Outcome scan_whitespace_record(size_t start, bool at_end, size_t& next, uint64_t& lines);
  // Parses a quoted field starting at b_[p] == '"'. Sets p after the closing quote.
  Outcome scan_quoted(size_t& p, bool at_end, uint64_t& lines, bool& spanned_lines);
  // Where the line that starts at start ends, and the position after its line end.
  size_t end_of_line(size_t start, size_t& after) const;
  bool line_end_complete(size_t e, bool at_end, size_t& after) const;
  bool has_undecodable(uint64_t begin, uint64_t end);
  bool scan_carry(bool at_end, RecordSink& sink);

  char delimiter_;
  bool whitespace_;
  size_t expected_fields_ = 0;
  unsigned char special_[256];  // bytes that end an unquoted field

  // The region being scanned: the caller's text, or carry_.
  const char* b_ = nullptr;
  size_t n_ = 0;
  uint64_t base_ = 0;           // stream offset of b_[0]

  std::string carry_;           // the unfinished record, from its first byte
  uint64_t carry_base_ = 0;     // stream offset of carry_[0]
  bool carry_spans_lines_ = false;  // one more line did not finish it: take whole pieces
  uint64_t fed_ = 0;            // stream offset of the end of the text fed so far
  uint64_t line_ = 1;           // line number at the start of the next record
  // A quoted field opening at stream offset quote_open_ has no closing quote before
  // quote_scan_from_: a record scanned again does not search that stretch again.
  uint64_t quote_open_ = UINT64_MAX;
  uint64_t quote_scan_from_ = 0;
  std::vector<uint64_t> bad_;
  size_t bad_head_ = 0;

  size_t record_end_ = 0;       // end of the last scanned record's text (its line end)
  std::vector<Field> fields_;
  std::vector<std::string_view> views_;
  std::string scratch_;
};

}  // namespace overdue
