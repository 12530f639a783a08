// Internal to the core: the compact JSON writer of the analysis document, shared by
// analysis_json.cpp and analysis_json_classify.cpp, and the classification writers.
#pragma once
#include "overdue/classify/credit.hpp"
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "overdue/forecast/forecast.hpp"
#include "overdue/report/analysis_json.hpp"

namespace overdue::analysis_detail {

constexpr int kRatioDecimals = 4;  // shares and ratios
constexpr int kDaysDecimals = 2;   // DSO, BPDSO, ADD, weighted DPD, CEI (percent)

// Compact JSON writer: commas and nesting handled here, values formatted straight into the
// output (append_money_text, append_fixed_text, append_iso_date_text in analysis_json.hpp) — a
// 1 M-row analysis is hundreds of MB, so no temporary string per value. With a sink, the text
// is handed out in ~1 MB pieces as objects close (the CLI streams it to its file) instead of
// being held whole.
class JsonWriter {
 public:
  JsonWriter() = default;
  explicit JsonWriter(const TextSink* sink) : sink_(sink) { out_.reserve(kFlushBytes + kFlushBytes / 4); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  JsonWriter& key(std::string_view k) {
    separate();
    append_string(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  void string(std::string_view s) { separate(); append_string(s); }
  void raw(std::string_view number_or_literal) { separate(); out_.append(number_or_literal.data(), number_or_literal.size()); }
  void integer(int64_t v);
  void unsigned_integer(uint64_t v);
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void null() { raw("null"); }
  void money(int64_t cents) { separate(); append_money_text(out_, cents); }
  void fixed(double v, int decimals) { separate(); append_fixed_text(out_, v, decimals); }
  void date_or_null(int32_t days) {
    if (days == kMissingDays) return null();
    separate();
    out_ += '"';
    append_iso_date_text(out_, days);
    out_ += '"';
  }
  // The whole text (no sink), or what is left after the last piece (sink: call flush() instead).
  std::string take() { return std::move(out_); }
  void flush() {
    if (sink_ && !out_.empty()) (*sink_)(out_);
    out_.clear();
  }

 private:
  static constexpr size_t kFlushBytes = 1u << 20;
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
    if (sink_ && out_.size() >= kFlushBytes) flush();
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
  void append_string(std::string_view s);

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
  const TextSink* sink_ = nullptr;
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
void write_classification_top(JsonWriter& w, const Ledger& ledger, FileList files,
                              const ClassifyContext& c);
// "currency": {"reporting", "by_currency": [...]} (analysis_json_currency.cpp), written only when
// a table of the ledger has a currency column.
void write_currency(JsonWriter& w, const Ledger& ledger, const MonitorResult& r);
// Disputes and credit limits (issue #20 §2, §4; analysis_json_credit.cpp): keys inside "totals",
// inside each customer, and the top-level "disputes" and "credit".
void write_dispute_totals(JsonWriter& w, const MonitorResult& r);
void write_customer_credit(JsonWriter& w, const CustomerStatus& c, const CreditWatch& credit);
void write_disputes(JsonWriter& w, const Ledger& ledger, const MonitorResult& r);
void write_credit(JsonWriter& w, const Ledger& ledger, const CreditWatch& credit);
// "forecast": the cash-in forecast and its backtest (issue #20 §1, analysis_json_forecast.cpp).
void write_forecast(JsonWriter& w, const CashForecast& forecast);
// "worklist" (analysis_json_worklist.cpp, issue #20 §3): each overdue customer's next action.
void write_worklist(JsonWriter& w, const Ledger& ledger, const MonitorResult& r, const OverdueAnalysis& overdue,
                    const ContactLog& contacts);

}  // namespace overdue::analysis_detail
