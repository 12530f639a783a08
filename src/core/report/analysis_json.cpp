// The `analyze` JSON document (issue #3). Written by hand with a small writer rather than through
// nlohmann's number formatting: money must print as exactly two decimals from int64 cents, and
// doubles as fixed decimals, so the native and the wasm CLI print the same bytes. nlohmann is used
// only to escape strings (invalid UTF-8 becomes U+FFFD instead of throwing).
//
// Fields (money in currency units, ratios rounded to 4 decimals, day averages and CEI to 2):
//   as_of, threshold_days, step, bucket_edges, dso_window_days
//   rows        {read, accepted, rejected, set_aside}  import + ledger, over all files
//               (read = accepted + set_aside + rejected)
//   totals      {open, past_due, overdue, invoices_open, customers, overdue_customers,
//                newly_overdue_customers, in_dispute, in_dispute_overdue, in_dispute_invoices}
//   currency    {reporting, by_currency: [{currency, invoices, open, overdue, rate|null}]}, only when
//                a table has a currency column (analysis_json_currency.cpp)
//   aging       [{bucket, min_dpd, max_dpd|null, open, invoices}]   Σ open = totals.open exactly
//   metrics     {dso, bpdso, add, cei, overdue_ratio, top_n, top_n_share, window_days, dso_method}
//   customers   every customer seen, in ledger order: {id, name, sales_rep, open, past_due,
//                overdue, overdue_flag, newly_overdue, max_dpd, weighted_dpd, oldest_open_invoice,
//                last_payment, last_payment_amount, revenue_share, pattern_history,
//                pattern_change (evidence when flagged, else null), in_dispute, credit_limit,
//                utilisation, credit_level (analysis_json_credit.cpp),
//                then the classification fields (analysis_json_classify.cpp)}
//   sales_reps  [{sales_rep, open, overdue, overdue_customers}]   most overdue first
//   credits     over-payments kept as customer credit: [{customer_id, customer, date, amount}]
//   trend       [{date, open, overdue, overdue_customers}]
//   rejected    import and ledger rejections: [{file, line, reason}] (+ rejected_total)
//   set_aside   only when rows were set aside: [{file, line, reason (draft, void,
//               not_receivables_account), detail, rows}] by file, then line (+ set_aside_total)
//   assumptions, notes                                from the ledger
//   disputes, credit  disputed open invoices and credit limits (analysis_json_credit.cpp)
//   types, priority, allowance, contact_log, settings  the classification (analysis_json_classify.cpp)
//   forecast    expected cash per week, next 7 / 30 days, backtest (analysis_json_forecast.cpp)
//   worklist    [{priority, customer, action, date, last_contact, promise, today}] each overdue
//               customer's next action, in priority order (analysis_json_worklist.cpp, issue #20 §3)
#include "overdue/report/analysis_result.hpp"
#include "overdue/report/analysis_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "report/analysis_json_internal.hpp"
#include "overdue/ledger/line_items.hpp"
#include "overdue/text/civil_date.hpp"

namespace overdue {
namespace {

using analysis_detail::JsonWriter;
using analysis_detail::kDaysDecimals;
using analysis_detail::kRatioDecimals;

void write_rows(JsonWriter& w, const Ledger& ledger) {
  w.key("rows").begin_object();
  w.key("read").unsigned_integer(ledger.rows.read);
  w.key("accepted").unsigned_integer(ledger.rows.accepted);
  w.key("rejected").unsigned_integer(ledger.rows.rejected);
  w.key("set_aside").unsigned_integer(ledger.rows.set_aside);
  w.end_object();
}

void write_totals(JsonWriter& w, const MonitorResult& r) {
  uint64_t overdue_customers = 0, newly = 0;
  for (const CustomerStatus& c : r.customers) {
    overdue_customers += c.overdue ? 1 : 0;
    newly += c.newly_overdue ? 1 : 0;
  }
  w.key("totals").begin_object();
  w.key("open").money(r.open_cents);
  w.key("past_due").money(r.past_due_cents);
  w.key("overdue").money(r.overdue_cents);
  w.key("invoices_open").unsigned_integer(r.invoices_open);
  w.key("customers").unsigned_integer(r.customers.size());
  w.key("overdue_customers").unsigned_integer(overdue_customers);
  w.key("newly_overdue_customers").unsigned_integer(newly);
  analysis_detail::write_dispute_totals(w, r);
  w.end_object();
}

void write_aging(JsonWriter& w, const MonitorResult& r) {
  w.key("aging").begin_array();
  for (size_t b = 0; b < r.aging.size(); ++b) {
    const AgingBucket& a = r.aging[b];
    w.begin_object();
    w.key("bucket").string(a.label);
    w.key("min_dpd");
    if (b == 0) w.null();  // not_due: any DPD ≤ 0
    else w.integer(a.min_dpd);
    w.key("max_dpd");
    if (b + 1 == r.aging.size() && b != 0) w.null();  // the last bucket is open-ended
    else w.integer(a.max_dpd);
    w.key("open").money(a.open_cents);
    w.key("invoices").unsigned_integer(a.invoices);
    w.end_object();
  }
  w.end_array();
}

void write_metrics(JsonWriter& w, const MonitorResult& r) {
  const PortfolioMetrics& m = r.metrics;
  w.key("metrics").begin_object();
  w.key("dso").fixed(m.dso, kDaysDecimals);
  w.key("bpdso").fixed(m.bpdso, kDaysDecimals);
  w.key("add").fixed(m.add, kDaysDecimals);
  w.key("cei").fixed(m.cei, kDaysDecimals);
  w.key("overdue_ratio").fixed(m.overdue_ratio, kRatioDecimals);
  w.key("top_n").integer(r.options.top_n);
  w.key("top_n_share").fixed(m.top_n_share, kRatioDecimals);
  w.key("window_days").integer(r.options.dso_window_days);
  // Receivables at the as-of date / credit sales in the window × window days (monitor_metrics.cpp).
  w.key("dso_method").string("average");
  w.end_object();
}

void write_pattern(JsonWriter& w, const std::optional<PatternChange>& p) {
  if (!p || !p->flagged) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("summary").string(p->summary);
  w.key("baseline_interval_days").fixed(p->baseline_interval_days, kDaysDecimals);
  w.key("recent_interval_days").fixed(p->recent_interval_days, kDaysDecimals);
  w.key("baseline_days_late").fixed(p->baseline_days_late, kDaysDecimals);
  w.key("recent_days_late").fixed(p->recent_days_late, kDaysDecimals);
  w.key("baseline_paid_ratio").fixed(p->baseline_paid_ratio, kRatioDecimals);
  w.key("recent_paid_ratio").fixed(p->recent_paid_ratio, kRatioDecimals);
  w.key("recent_from").date_or_null(p->recent_from);
  w.key("baseline_payment_days").unsigned_integer(p->baseline_payment_days);
  w.key("recent_payment_days").unsigned_integer(p->recent_payment_days);
  w.key("days_since_last_payment");
  if (p->days_since_last_payment < 0) w.null();
  else w.integer(p->days_since_last_payment);
  w.key("evidence").begin_array();
  for (const std::string& e : p->evidence) w.string(e);
  w.end_array();
  w.end_object();
}

void write_customers(JsonWriter& w, const Ledger& ledger, const MonitorResult& r,
                     const analysis_detail::ClassifyContext& classify, const CreditWatch& credit) {
  w.key("customers").begin_array();
  for (const CustomerStatus& c : r.customers) {
    const Customer& who = ledger.customers[c.customer];
    w.begin_object();
    w.key("id").string(who.id);
    w.key("name").string(who.name);
    w.key("sales_rep").string(who.sales_rep);
    w.key("open").money(c.open_cents);
    w.key("past_due").money(c.past_due_cents);
    w.key("overdue").money(c.overdue_cents);
    w.key("overdue_flag").boolean(c.overdue);
    w.key("newly_overdue").boolean(c.newly_overdue);
    w.key("max_dpd").integer(c.max_dpd);
    w.key("weighted_dpd").fixed(c.weighted_dpd, kDaysDecimals);
    w.key("oldest_open_invoice");
    if (c.oldest_open_invoice < 0) {
      w.null();
    } else {
      const Invoice& inv = ledger.invoices[static_cast<size_t>(c.oldest_open_invoice)];
      w.begin_object();
      w.key("id").string(ledger.invoice_id(inv));
      w.key("invoice_date").date_or_null(inv.invoice_date);
      w.key("due_date").date_or_null(inv.due_date);
      w.end_object();
    }
    w.key("last_payment").date_or_null(c.last_payment_date);
    w.key("last_payment_amount");
    if (c.last_payment_date == kMissingDays) w.null();
    else w.money(c.last_payment_cents);
    w.key("revenue_share").fixed(c.revenue_share, kRatioDecimals);
    w.key("pattern_history").boolean(c.pattern && c.pattern->enough_history);
    w.key("pattern_change");
    write_pattern(w, c.pattern);
    analysis_detail::write_customer_credit(w, c, credit);
    analysis_detail::write_customer_classification(w, classify, c.customer);
    w.end_object();
  }
  w.end_array();
}

void write_sales_reps(JsonWriter& w, const MonitorResult& r) {
  w.key("sales_reps").begin_array();
  for (const SalesRepStatus& s : r.sales_reps) {
    w.begin_object();
    w.key("sales_rep").string(s.sales_rep);
    w.key("open").money(s.open_cents);
    w.key("overdue").money(s.overdue_cents);
    w.key("overdue_customers").unsigned_integer(s.overdue_customers);
    w.end_object();
  }
  w.end_array();
}

void write_credits(JsonWriter& w, const Ledger& ledger) {
  w.key("credits").begin_array();
  for (const CustomerCredit& c : ledger.credits) {
    w.begin_object();
    const bool known = c.customer < ledger.customers.size();
    w.key("customer_id").string(known ? ledger.customers[c.customer].id : std::string());
    w.key("customer").string(known ? ledger.customers[c.customer].name : std::string());
    w.key("date").date_or_null(c.date);
    w.key("amount").money(c.cents);
    w.end_object();
  }
  w.end_array();
}

void write_trend(JsonWriter& w, const MonitorResult& r) {
  w.key("trend").begin_array();
  for (const TrendPoint& p : r.trend) {
    w.begin_object();
    w.key("date").string(iso_date_text(p.date));
    w.key("open").money(p.open_cents);
    w.key("overdue").money(p.overdue_cents);
    w.key("overdue_customers").unsigned_integer(p.overdue_customers);
    w.end_object();
  }
  w.end_array();
}

struct RejectedEntry {
  uint32_t file;
  uint64_t line;
  const std::string* reason;
};

void write_rejected(JsonWriter& w, const Ledger& ledger, FileList files) {
  // Import rejections (from each file) and ledger rejections, by file, then line.
  std::vector<RejectedEntry> all;
  for (size_t f = 0; f < files.size(); ++f)
    for (const RejectedRow& row : files[f].rejected)
      all.push_back({static_cast<uint32_t>(f), row.line, &row.reason});
  for (const LedgerRejectedRow& row : ledger.rejected) all.push_back({row.file, row.line, &row.reason});
  std::stable_sort(all.begin(), all.end(), [](const RejectedEntry& a, const RejectedEntry& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  w.key("rejected").begin_array();
  for (size_t i = 0; i < all.size() && i < kMaxRejectedListed; ++i) {
    w.begin_object();
    w.key("file").string(all[i].file < files.size() ? files[all[i].file].label() : std::to_string(all[i].file));
    w.key("line").unsigned_integer(all[i].line);
    w.key("reason").string(*all[i].reason);
    w.end_object();
  }
  w.end_array();
  if (all.size() > kMaxRejectedListed) w.key("rejected_total").unsigned_integer(all.size());
}

// Drafts, void invoices and other accounts' rows (issue #17): data, but not receivables.
void write_set_aside(JsonWriter& w, const Ledger& ledger, FileList files) {
  if (ledger.set_aside.empty()) return;
  std::vector<const SetAsideRow*> all;
  for (const SetAsideRow& s : ledger.set_aside) all.push_back(&s);
  std::stable_sort(all.begin(), all.end(), [](const SetAsideRow* a, const SetAsideRow* b) {
    return a->file != b->file ? a->file < b->file : a->line < b->line;
  });
  w.key("set_aside").begin_array();
  for (size_t i = 0; i < all.size() && i < kMaxRejectedListed; ++i) {
    const SetAsideRow& s = *all[i];
    w.begin_object();
    w.key("file").string(s.file < files.size() ? files[s.file].label() : std::to_string(s.file));
    w.key("line").unsigned_integer(s.line);
    w.key("reason").string(std::string(set_aside_reason_name(s.kind)));
    w.key("detail").string(s.detail.value);
    w.key("rows").unsigned_integer(s.rows);
    w.end_object();
  }
  w.end_array();
  if (all.size() > kMaxRejectedListed) w.key("set_aside_total").unsigned_integer(all.size());
}

void write_strings(JsonWriter& w, const char* key, const std::vector<std::string>& list) {
  w.key(key).begin_array();
  for (const std::string& s : list) w.string(s);
  w.end_array();
}

}  // namespace

const char* replay_step_name(ReplayStep step) {
  switch (step) {
    case ReplayStep::day: return "day";
    case ReplayStep::week: return "week";
    case ReplayStep::month: return "month";
  }
  return "week";
}

namespace {

void write_document(JsonWriter& w, const Ledger& ledger, FileList files, const MonitorResult& r,
                    const OverdueAnalysis& overdue, const ContactLog& contacts, const AnalysisSettings& settings,
                    const CashForecast& forecast) {
  const analysis_detail::ClassifyContext classify =
      analysis_detail::make_classify_context(ledger, r, overdue, contacts, settings);
  w.begin_object();
  w.key("as_of").date_or_null(r.as_of);
  w.key("threshold_days").integer(r.options.threshold_days);
  w.key("step").string(replay_step_name(r.options.step));
  w.key("bucket_edges").begin_array();
  for (size_t b = 1; b + 1 < r.aging.size(); ++b) w.integer(r.aging[b].max_dpd);
  w.end_array();
  write_rows(w, ledger);
  write_totals(w, r);
  if (ledger.currency.has_column) analysis_detail::write_currency(w, ledger, r);
  write_aging(w, r);
  write_metrics(w, r);
  const CreditWatch credit = credit_watch(ledger, r, overdue, settings.credit.warning_share);
  write_customers(w, ledger, r, classify, credit);
  write_sales_reps(w, r);
  write_credits(w, ledger);
  write_trend(w, r);
  write_rejected(w, ledger, files);
  write_set_aside(w, ledger, files);
  write_strings(w, "assumptions", ledger.assumptions);
  write_strings(w, "notes", ledger.notes);
  analysis_detail::write_disputes(w, ledger, r);
  analysis_detail::write_credit(w, ledger, credit);
  analysis_detail::write_classification_top(w, ledger, files, classify);
  analysis_detail::write_forecast(w, forecast);
  analysis_detail::write_worklist(w, ledger, r, overdue, contacts);
  w.end_object();
}

}  // namespace

std::string analysis_json(const AnalysisResult& r) {
  JsonWriter w;
  write_document(w, r.ledger, r.file_list(), r.monitor, r.overdue, r.contacts, r.settings, r.forecast);
  return w.take();
}

void write_analysis_json(const AnalysisResult& r, const TextSink& sink) {
  JsonWriter w(&sink);
  write_document(w, r.ledger, r.file_list(), r.monitor, r.overdue, r.contacts, r.settings, r.forecast);
  w.flush();
}

}  // namespace overdue
