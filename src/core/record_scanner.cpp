// Record scanner (see record_scanner.hpp).
//
// Each call to scan() walks the buffer record by record. A record that is not complete yet
// (no line end, an open quote, a CR that might be followed by LF) is left in place and scanned
// again from its start when more text has arrived; complete records are never scanned twice.
#include "record_scanner.hpp"

#include <cstring>

namespace overdue {

RecordScanner::RecordScanner(char delimiter)
    : delimiter_(delimiter), whitespace_(delimiter == ' ') {
  std::memset(special_, 0, sizeof(special_));
  special_[static_cast<unsigned char>('\n')] = 1;
  special_[static_cast<unsigned char>('\r')] = 1;
  if (whitespace_) {
    special_[static_cast<unsigned char>(' ')] = 1;
    special_[static_cast<unsigned char>('\t')] = 1;
  } else {
    special_[static_cast<unsigned char>(delimiter)] = 1;
  }
}

// [SECTION] driver -------------------------------------------------------------------------------

bool RecordScanner::scan(bool at_end, RecordSink& sink) {
  bool go_on = true;
  while (go_on && pos_ < buf_.size()) {
    size_t next = pos_;
    uint64_t lines = 0;
    const Outcome outcome = whitespace_ ? scan_whitespace_record(pos_, at_end, next, lines)
                                        : scan_record(pos_, at_end, next, lines);
    if (outcome == Outcome::need_more) break;
    const uint64_t start_line = line_;
    if (outcome == Outcome::blank) {
      pos_ = next;
      line_ += lines;
      continue;
    }
    if (outcome == Outcome::record) {
      ScannedRecord r;
      r.line = start_line;
      r.raw = std::string_view(buf_).substr(pos_, record_end_ - pos_);
      views_.resize(fields_.size());
      for (size_t i = 0; i < fields_.size(); ++i) {
        const Field& f = fields_[i];
        const std::string& from = f.unescaped ? scratch_ : buf_;
        views_[i] = std::string_view(from).substr(f.begin, f.end - f.begin);
      }
      r.fields = views_.data();
      r.field_count = views_.size();
      r.undecodable = has_undecodable(base_ + pos_, base_ + next);
      go_on = sink.on_record(r);
      pos_ = next;
      line_ += lines;
      continue;
    }
    // A rejected record. Its text for display is its first line.
    size_t after_first_line = 0;
    const size_t first_line_end = end_of_line(pos_, after_first_line);
    const std::string_view first_line = std::string_view(buf_).substr(pos_, first_line_end - pos_);
    if (outcome == Outcome::unterminated) {
      // Resume at the line after the record's first line.
      go_on = sink.on_rejected(start_line, "unterminated quote", first_line);
      pos_ = after_first_line;
      line_ += 1;
    } else {  // text_after_quote, on a single line: the record ends with its line
      go_on = sink.on_rejected(start_line, "text after closing quote", first_line);
      pos_ = next;
      line_ += lines;
    }
  }
  compact();
  return go_on;
}

void RecordScanner::compact() {
  if (pos_ == 0) return;
  if (pos_ >= buf_.size()) {
    base_ += buf_.size();
    buf_.clear();
  } else if (pos_ >= buf_.size() / 2 || pos_ >= (1u << 20)) {
    base_ += pos_;
    buf_.erase(0, pos_);
  } else {
    return;  // cheap to keep; erased on a later round
  }
  pos_ = 0;
  // Drop undecodable offsets that lie before the buffer.
  while (bad_head_ < bad_.size() && bad_[bad_head_] < base_) ++bad_head_;
  if (bad_head_ > 0 && bad_head_ == bad_.size()) {
    bad_.clear();
    bad_head_ = 0;
  }
}

bool RecordScanner::has_undecodable(uint64_t begin, uint64_t end) {
  while (bad_head_ < bad_.size() && bad_[bad_head_] < begin) ++bad_head_;
  return bad_head_ < bad_.size() && bad_[bad_head_] < end;
}

// [SECTION] line ends ----------------------------------------------------------------------------

size_t RecordScanner::end_of_line(size_t start, size_t& after) const {
  const size_t n = buf_.size();
  size_t e = start;
  while (e < n && buf_[e] != '\n' && buf_[e] != '\r') ++e;
  after = e;
  if (e < n) after = buf_[e] == '\r' && e + 1 < n && buf_[e + 1] == '\n' ? e + 2 : e + 1;
  return e;
}

// A line end starts at e (or the text ends there). False when a CR is the last byte and more
// text could bring its LF.
bool RecordScanner::line_end_complete(size_t e, bool at_end, size_t& after) const {
  const size_t n = buf_.size();
  if (e >= n) {
    if (!at_end) return false;
    after = n;
    return true;
  }
  if (buf_[e] == '\n') {
    after = e + 1;
    return true;
  }
  // CR
  if (e + 1 < n) {
    after = buf_[e + 1] == '\n' ? e + 2 : e + 1;
    return true;
  }
  if (!at_end) return false;
  after = e + 1;
  return true;
}

// [SECTION] quoted fields ------------------------------------------------------------------------

RecordScanner::Outcome RecordScanner::scan_quoted(size_t& p, bool at_end, uint64_t& lines,
                                                  bool& spanned_lines) {
  const char* b = buf_.data();
  const size_t n = buf_.size();
  const size_t open = p;
  size_t q = p + 1;
  size_t segment = q;           // start of text not yet copied to scratch_
  bool escaped = false;
  for (;;) {
    const void* hit = q < n ? std::memchr(b + q, '"', n - q) : nullptr;
    if (hit == nullptr) return at_end ? Outcome::unterminated : Outcome::need_more;
    const size_t h = static_cast<size_t>(static_cast<const char*>(hit) - b);
    if (h + 1 >= n && !at_end) return Outcome::need_more;  // might be a doubled quote
    if (h + 1 < n && b[h + 1] == '"') {                      // "" is one quote
      if (!escaped) {
        escaped = true;
        fields_.push_back(Field{static_cast<uint32_t>(scratch_.size()), 0, true});
      }
      scratch_.append(b + segment, h + 1 - segment);
      q = segment = h + 2;
      continue;
    }
    // The closing quote. Count the line ends inside the field.
    uint64_t inside = 0;
    for (size_t i = open + 1; i < h; ++i) {
      if (b[i] == '\n') ++inside;
      else if (b[i] == '\r' && b[i + 1] != '\n') ++inside;
    }
    if (inside > 0) spanned_lines = true;
    lines += inside;
    if (escaped) {
      scratch_.append(b + segment, h - segment);
      fields_.back().end = static_cast<uint32_t>(scratch_.size());
    } else {
      fields_.push_back(Field{static_cast<uint32_t>(open + 1), static_cast<uint32_t>(h), false});
    }
    p = h + 1;
    return Outcome::record;
  }
}

// [SECTION] delimited records --------------------------------------------------------------------

RecordScanner::Outcome RecordScanner::scan_record(size_t start, bool at_end, size_t& next,
                                                  uint64_t& lines) {
  const char* b = buf_.data();
  const size_t n = buf_.size();
  fields_.clear();
  scratch_.clear();
  lines = 0;
  bool spanned_lines = false;
  bool any_quoted = false;
  size_t p = start;
  size_t record_end;  // position of the line end (or n)
  for (;;) {
    if (p < n && b[p] == '"') {
      any_quoted = true;
      const Outcome o = scan_quoted(p, at_end, lines, spanned_lines);
      if (o != Outcome::record) return o;
      if (p < n && b[p] == delimiter_) {
        ++p;
        continue;
      }
      if (p >= n || b[p] == '\n' || b[p] == '\r') {
        record_end = p;
        break;
      }
      if (spanned_lines) return Outcome::unterminated;
      size_t after = 0;
      const size_t e = end_of_line(p, after);
      if (after >= n && !at_end) return Outcome::need_more;
      next = after;
      lines += e < n ? 1 : 0;
      return Outcome::text_after_quote;
    }
    // Unquoted: up to the next delimiter or line end; a quote here is a literal character.
    size_t q = p;
    while (q < n && !special_[static_cast<unsigned char>(b[q])]) ++q;
    fields_.push_back(Field{static_cast<uint32_t>(p), static_cast<uint32_t>(q), false});
    if (q < n && b[q] == delimiter_) {
      p = q + 1;
      continue;
    }
    record_end = q;
    break;
  }
  size_t after = 0;
  if (!line_end_complete(record_end, at_end, after)) return Outcome::need_more;
  record_end_ = record_end;
  next = after;
  lines += record_end < n ? 1 : 0;
  if (spanned_lines && expected_fields_ != 0 && fields_.size() != expected_fields_)
    return Outcome::unterminated;
  if (fields_.size() == 1 && !any_quoted) {  // blank: nothing, or only spaces and tabs
    bool blank = true;
    for (size_t i = start; i < record_end && blank; ++i) blank = b[i] == ' ' || b[i] == '\t';
    if (blank) return Outcome::blank;
  }
  return Outcome::record;
}

// [SECTION] whitespace-separated records ---------------------------------------------------------

RecordScanner::Outcome RecordScanner::scan_whitespace_record(size_t start, bool at_end,
                                                             size_t& next, uint64_t& lines) {
  const char* b = buf_.data();
  const size_t n = buf_.size();
  fields_.clear();
  scratch_.clear();
  lines = 0;
  bool spanned_lines = false;
  auto skip_blanks = [&](size_t p) {
    while (p < n && (b[p] == ' ' || b[p] == '\t')) ++p;
    return p;
  };
  size_t p = skip_blanks(start);
  size_t record_end;
  for (;;) {
    if (p >= n || b[p] == '\n' || b[p] == '\r') {
      record_end = p;
      break;
    }
    if (b[p] == '"') {
      const Outcome o = scan_quoted(p, at_end, lines, spanned_lines);
      if (o != Outcome::record) return o;
      if (p < n && b[p] != ' ' && b[p] != '\t' && b[p] != '\n' && b[p] != '\r') {
        if (spanned_lines) return Outcome::unterminated;
        size_t after = 0;
        const size_t e = end_of_line(p, after);
        if (after >= n && !at_end) return Outcome::need_more;
        next = after;
        lines += e < n ? 1 : 0;
        return Outcome::text_after_quote;
      }
    } else {
      size_t q = p;
      while (q < n && !special_[static_cast<unsigned char>(b[q])]) ++q;
      fields_.push_back(Field{static_cast<uint32_t>(p), static_cast<uint32_t>(q), false});
      p = q;
    }
    p = skip_blanks(p);
  }
  if (record_end >= n && !at_end) return Outcome::need_more;  // more fields may follow
  size_t after = 0;
  if (!line_end_complete(record_end, at_end, after)) return Outcome::need_more;
  record_end_ = record_end;
  next = after;
  lines += record_end < n ? 1 : 0;
  if (spanned_lines && expected_fields_ != 0 && fields_.size() != expected_fields_)
    return Outcome::unterminated;
  return fields_.empty() ? Outcome::blank : Outcome::record;
}

}  // namespace overdue
