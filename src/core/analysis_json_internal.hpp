// Internal to the core: the compact JSON writer of the analysis document, shared by
// analysis_json.cpp and analysis_json_classify.cpp, and the classification writers.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "overdue/analysis_json.hpp"

namespace overdue::analysis_detail {

constexpr int kRatioDecimals = 4;  // shares and ratios
constexpr int kDaysDecimals = 2;   // DSO, BPDSO, ADD, weighted DPD, CEI (percent)

// Compact JSON writer: commas and nesting handled here, values written by money_text, fixed_text
// and iso_date_text (analysis_json.hpp).
class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  JsonWriter& key(const char* k) {
    separate();
    append_string(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  void string(const std::string& s) { separate(); append_string(s); }
  void raw(const std::string& number_or_literal) { separate(); out_ += number_or_literal; }
  void integer(int64_t v) { raw(std::to_string(v)); }
  void unsigned_integer(uint64_t v) { raw(std::to_string(v)); }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void null() { raw("null"); }
  void money(int64_t cents) { raw(money_text(cents)); }
  void fixed(double v, int decimals) { raw(fixed_text(v, decimals)); }
  void date_or_null(int32_t days) {
    if (days == kMissingDays) null();
    else string(iso_date_text(days));
  }
  std::string take() { return std::move(out_); }

 private:
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void append_string(const std::string& s) {
    // Fast path (most names and ids): valid UTF-8 with nothing to escape goes out as it is — the
    // bytes nlohmann would write too. Anything else takes nlohmann's escaping and U+FFFD repair.
    if (plain_utf8(s)) {
      out_ += '"';
      out_ += s;
      out_ += '"';
      return;
    }
    out_ += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  // True when every byte is printable ASCII other than the quote and the backslash, or part of a well-formed
  // UTF-8 sequence (no overlongs, no surrogates, ≤ U+10FFFF).
  static bool plain_utf8(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
      const unsigned char c = p[i];
      if (c < 0x80) {
        if (c < 0x20 || c == '"' || c == '\\') return false;
        ++i;
        continue;
      }
      size_t len = 0;
      unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
      if (c >= 0xC2 && c <= 0xDF) len = 2;
      else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
      } else {
        return false;
      }
      if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return false;
      for (size_t k = 2; k < len; ++k)
        if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
      i += len;
    }
    return true;
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

// What the classification fields need, with the per-customer lookups built once.
struct ClassifyContext {
  const OverdueAnalysis* overdue;
  const ContactLog* contacts;
  const AnalysisSettings* settings;
  std::vector<const ClassifiedCustomer*> by_customer;  // Ledger::customers index → classified, or null
  std::vector<ContactSummary> summaries;               // not-overdue customers' contacts (log present)
};
ClassifyContext make_classify_context(const Ledger& ledger, const MonitorResult& result,
                                      const OverdueAnalysis& overdue, const ContactLog& contacts,
                                      const AnalysisSettings& settings);
// The fields appended to one customer object (the object is open; keys only).
void write_customer_classification(JsonWriter& w, const ClassifyContext& c, uint32_t customer);
// The top-level keys after "notes": types, priority, allowance, contact_log, settings.
void write_classification_top(JsonWriter& w, const Ledger& ledger, const std::vector<ImportedFile>& files,
                              const ClassifyContext& c);

}  // namespace overdue::analysis_detail
