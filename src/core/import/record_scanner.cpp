// Record scanner (see record_scanner.hpp).
//
// feed() scans each piece of text in place. A record cut by the piece's end is copied to carry_;
// the next piece is appended to it one line at a time until the record is complete (usually the
// first line does it), then the rest of that piece is scanned in place again. A record that is
// not complete yet is scanned again from its start when more text has arrived, except that a
// quoted field's search for its closing quote resumes where it stopped; complete records are
// never scanned twice.
//
// [SECTION] driver
// [SECTION] line ends
// [SECTION] quoted fields
// [SECTION] delimited records
// [SECTION] whitespace-separated records
#include "import/record_scanner.hpp"

#include <algorithm>
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

bool RecordScanner::feed(std::string_view text, RecordSink& sink) {
  const uint64_t text_base = fed_;
  fed_ += text.size();
  size_t pos = 0;
  while (!carry_.empty() && pos < text.size()) {
    size_t end = text.size();
    if (!carry_spans_lines_) {  // complete the unfinished record with one more line
      const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
      const void* cr = std::memchr(text.data() + pos, '\r', text.size() - pos);
      const char* first = nl == nullptr ? static_cast<const char*>(cr)
                          : cr == nullptr ? static_cast<const char*>(nl)
                          : std::min(static_cast<const char*>(nl), static_cast<const char*>(cr));
      if (first != nullptr) {
        end = static_cast<size_t>(first - text.data()) + 1;
        if (*first == '\r' && end < text.size() && text[end] == '\n') ++end;
      }
    }
    carry_.append(text.data() + pos, end - pos);
    pos = end;
    const uint64_t record_start = carry_base_;
    if (!scan_carry(false, sink)) return false;
    if (!carry_.empty() && carry_base_ == record_start) carry_spans_lines_ = true;
  }
  if (pos < text.size()) {
    bool ok = true;
    const size_t n = text.size() - pos;
    const size_t stop = scan_region(text.data() + pos, n, text_base + pos, 0, false, ok, sink);
    if (stop < n) {
      carry_.assign(text.data() + pos + stop, n - stop);
      carry_base_ = text_base + pos + stop;
      carry_spans_lines_ = false;
    }
    if (!ok) return false;
  }
  return true;
}

bool RecordScanner::finish(RecordSink& sink) {
  const bool ok = carry_.empty() || scan_carry(true, sink);
  carry_.clear();
  return ok;
}

bool RecordScanner::scan_carry(bool at_end, RecordSink& sink) {
  bool ok = true;
  const size_t stop = scan_region(carry_.data(), carry_.size(), carry_base_, 0, at_end, ok, sink);
  if (stop >= carry_.size()) {
    carry_base_ += carry_.size();
    carry_.clear();
  } else if (stop > 0) {
    carry_.erase(0, stop);
    carry_base_ += stop;
    carry_spans_lines_ = false;
  }
  return ok;
}

size_t RecordScanner::scan_region(const char* b, size_t n, uint64_t base, size_t pos, bool at_end,
                                  bool& ok, RecordSink& sink) {
  b_ = b;
  n_ = n;
  base_ = base;
  while (ok && pos < n) {
    size_t next = pos;
    uint64_t lines = 0;
    const Outcome outcome = whitespace_ ? scan_whitespace_record(pos, at_end, next, lines)
                                        : scan_record(pos, at_end, next, lines);
    if (outcome == Outcome::need_more) break;
    const uint64_t start_line = line_;
    if (outcome == Outcome::blank) {
      pos = next;
      line_ += lines;
      continue;
    }
    if (outcome == Outcome::record) {
      ScannedRecord r;
      r.line = start_line;
      r.raw = std::string_view(b + pos, record_end_ - pos);
      views_.resize(fields_.size());
      for (size_t i = 0; i < fields_.size(); ++i) {
        const Field& f = fields_[i];
        const char* from = f.unescaped ? scratch_.data() : b;
        views_[i] = std::string_view(from + f.begin, f.end - f.begin);
      }
      r.fields = views_.data();
      r.field_count = views_.size();
      r.undecodable = has_undecodable(base + pos, base + next);
      ok = sink.on_record(r);
      pos = next;
      line_ += lines;
      continue;
    }
    // A rejected record. Its text for display is its first line.
    size_t after_first_line = 0;
    const size_t first_line_end = end_of_line(pos, after_first_line);
    const std::string_view first_line(b + pos, first_line_end - pos);
    if (outcome == Outcome::unterminated) {
      // Resume at the line after the record's first line.
      ok = sink.on_rejected(start_line, ProblemKind::unterminated_quote, first_line);
      pos = after_first_line;
      line_ += 1;
    } else {  // text_after_quote, on a single line: the record ends with its line
      ok = sink.on_rejected(start_line, ProblemKind::text_after_quote, first_line);
      pos = next;
      line_ += lines;
    }
  }
  return pos;
}

bool RecordScanner::has_undecodable(uint64_t begin, uint64_t end) {
  if (bad_head_ == bad_.size()) return false;
  while (bad_head_ < bad_.size() && bad_[bad_head_] < begin) ++bad_head_;
  const bool hit = bad_head_ < bad_.size() && bad_[bad_head_] < end;
  if (bad_head_ == bad_.size()) {
    bad_.clear();
    bad_head_ = 0;
  }
  return hit;
}

// [SECTION] line ends ----------------------------------------------------------------------------

size_t RecordScanner::end_of_line(size_t start, size_t& after) const {
  size_t e = start;
  while (e < n_ && b_[e] != '\n' && b_[e] != '\r') ++e;
  after = e;
  if (e < n_) after = b_[e] == '\r' && e + 1 < n_ && b_[e + 1] == '\n' ? e + 2 : e + 1;
  return e;
}

// A line end starts at e (or the text ends there). False when a CR is the last byte and more
// text could bring its LF.
bool RecordScanner::line_end_complete(size_t e, bool at_end, size_t& after) const {
  if (e >= n_) {
    if (!at_end) return false;
    after = n_;
    return true;
  }
  if (b_[e] == '\n') {
    after = e + 1;
    return true;
  }
  if (e + 1 < n_) {  // CR
    after = b_[e + 1] == '\n' ? e + 2 : e + 1;
    return true;
  }
  if (!at_end) return false;
  after = e + 1;
  return true;
}

// [SECTION] quoted fields ------------------------------------------------------------------------

RecordScanner::Outcome RecordScanner::scan_quoted(size_t& p, bool at_end, uint64_t& lines,
                                                  bool& spanned_lines) {
  const char* b = b_;
  const size_t n = n_;
  const size_t open = p;
  size_t q = p + 1;
  size_t segment = q;           // start of text not yet copied to scratch_
  bool escaped = false;
  if (base_ + open == quote_open_ && quote_scan_from_ > base_ + q) q = quote_scan_from_ - base_;
  for (;;) {
    const void* hit = q < n ? std::memchr(b + q, '"', n - q) : nullptr;
    const size_t h = hit ? static_cast<size_t>(static_cast<const char*>(hit) - b) : n;
    if (h == n || (h + 1 >= n && !at_end)) {  // no closing quote yet (or maybe a doubled one)
      if (!at_end && !escaped) {
        quote_open_ = base_ + open;
        quote_scan_from_ = base_ + h;
      }
      return at_end ? Outcome::unterminated : Outcome::need_more;
    }
    if (h + 1 < n && b[h + 1] == '"') {  // "" is one quote
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
    for (const char* c = b + open + 1; c < b + h; ++c) {
      c = static_cast<const char*>(std::memchr(c, '\n', static_cast<size_t>(b + h - c)));
      if (c == nullptr) break;
      ++inside;
    }
    if (std::memchr(b + open + 1, '\r', h - open - 1) != nullptr) {  // CRs not followed by LF
      for (size_t i = open + 1; i < h; ++i) inside += b[i] == '\r' && b[i + 1] != '\n';
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
  const char* b = b_;
  const size_t n = n_;
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
  const char* b = b_;
  const size_t n = n_;
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
