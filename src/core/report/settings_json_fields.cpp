// The settings field table (document order = the order of this list), the key list, equality and
// the range checks. Ranges: days are whole numbers in [0, 100000] (some must be ≥ 1 because they
// divide or bound a window), shares in [0, 1], weights ≥ 0 with a positive sum per score, rates in
// basis points [0, 10000], credit-limit changes in [−100, 1000] percent (actions.cpp clamps the same).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "overdue/roles/roles.hpp"
#include "report/settings_json_internal.hpp"
#include "overdue/text/lang.hpp"
#include "overdue/text/utf8.hpp"

namespace overdue {
namespace settings_detail {
namespace {

constexpr double kMaxDays = 100000;
constexpr double kMaxWeight = 1e6;

#define OL_FIELD(key, kind, lo, hi, member) \
  Field { key, FieldKind::kind, lo, hi, [](AnalysisSettings& s) -> void* { return &s.member; } }

std::vector<Field> make_fields() {
  return {
      OL_FIELD("language", language, 0, 0, language),
      OL_FIELD("analysis.as_of", date_or_null, 0, 0, monitor.as_of),
      OL_FIELD("analysis.threshold_days", integer, 0, kMaxDays, monitor.threshold_days),
      OL_FIELD("analysis.bucket_edges", int_list, 1, kMaxDays, monitor.bucket_edges),
      OL_FIELD("analysis.step", step, 0, 0, monitor.step),
      OL_FIELD("analysis.dso_window_days", integer, 1, kMaxDays, monitor.dso_window_days),
      OL_FIELD("analysis.top_n", integer, 1, kMaxDays, monitor.top_n),

      OL_FIELD("classify.on_time_tolerance_days", integer, 0, kMaxDays, overdue.classify.on_time_tolerance_days),
      OL_FIELD("classify.good_record_on_time_share", number, 0, 1, overdue.classify.good_record_on_time_share),
      OL_FIELD("classify.serious_episode_dpd", integer, 0, kMaxDays, overdue.classify.serious_episode_dpd),
      OL_FIELD("classify.recent_episode_days", integer, 0, kMaxDays, overdue.classify.recent_episode_days),
      OL_FIELD("classify.payments_continue_days", integer, 0, kMaxDays, overdue.classify.payments_continue_days),
      OL_FIELD("classify.repeated_episodes", integer, 1, kMaxDays, overdue.classify.repeated_episodes),
      OL_FIELD("classify.repeated_episodes_lookback_days", integer, 0, kMaxDays,
               overdue.classify.repeated_episodes_lookback_days),
      OL_FIELD("classify.repeated_episode_gap_days", integer, 0, kMaxDays, overdue.classify.repeated_episode_gap_days),
      OL_FIELD("classify.chronic_late_share", number, 0, 1, overdue.classify.chronic_late_share),
      OL_FIELD("classify.rising_balance_factor", number, 0, 1000, overdue.classify.rising_balance_factor),
      OL_FIELD("classify.rising_balance_lookback_days", integer, 1, kMaxDays,
               overdue.classify.rising_balance_lookback_days),
      OL_FIELD("classify.partial_payment_share", number, 0, 1, overdue.classify.partial_payment_share),
      OL_FIELD("classify.partial_min_payments", integer, 1, kMaxDays, overdue.classify.partial_min_payments),
      OL_FIELD("classify.stubborn_no_payment_days", integer, 0, kMaxDays, overdue.classify.stubborn_no_payment_days),
      OL_FIELD("classify.stubborn_dpd", integer, 0, kMaxDays, overdue.classify.stubborn_dpd),
      OL_FIELD("classify.broken_promises", integer, 1, kMaxDays, overdue.classify.broken_promises),
      OL_FIELD("classify.refusals", integer, 1, kMaxDays, overdue.classify.refusals),
      OL_FIELD("classify.min_settled_invoices", integer, 0, kMaxDays, overdue.classify.min_settled_invoices),
      OL_FIELD("classify.min_history_days", integer, 0, kMaxDays, overdue.classify.min_history_days),

      OL_FIELD("scores.ability.paid_ratio", number, 0, kMaxWeight, overdue.scores.ability.paid_ratio),
      OL_FIELD("scores.ability.recency", number, 0, kMaxWeight, overdue.scores.ability.recency),
      OL_FIELD("scores.ability.partial_trend", number, 0, kMaxWeight, overdue.scores.ability.partial_trend),
      OL_FIELD("scores.ability.on_time_share", number, 0, kMaxWeight, overdue.scores.ability.on_time_share),
      OL_FIELD("scores.impact.overdue_amount", number, 0, kMaxWeight, overdue.scores.impact.overdue_amount),
      OL_FIELD("scores.impact.overdue_share", number, 0, kMaxWeight, overdue.scores.impact.overdue_share),
      OL_FIELD("scores.impact.dpd_severity", number, 0, kMaxWeight, overdue.scores.impact.dpd_severity),
      OL_FIELD("scores.impact.revenue_share", number, 0, kMaxWeight, overdue.scores.impact.revenue_share),
      OL_FIELD("scores.recency_horizon_days", integer, 1, kMaxDays, overdue.scores.recency_horizon_days),
      OL_FIELD("scores.share_cap", number, 0, 1, overdue.scores.share_cap),
      OL_FIELD("scores.severity_dpd_cap", integer, 1, kMaxDays, overdue.scores.severity_dpd_cap),
      OL_FIELD("scores.high_ability", number, 0, 100, overdue.scores.high_ability),
      OL_FIELD("scores.high_impact", number, 0, 100, overdue.scores.high_impact),

      OL_FIELD("allowance.method", allowance_method, 0, 0, overdue.allowance.method),
      OL_FIELD("allowance.dpd_bands", bands, 0, 10000, overdue.allowance.dpd_bands),
      OL_FIELD("allowance.age_bands", bands, 0, 10000, overdue.allowance.age_bands),

      OL_FIELD("actions.grace_days", integer, 1, kMaxDays, overdue.actions.grace_days),
      OL_FIELD("actions.grace_reminder_days_before_end", int_list, 1, kMaxDays,
               overdue.actions.grace_reminder_days_before_end),
      OL_FIELD("actions.due_reminder_days_before", integer, 0, kMaxDays, overdue.actions.due_reminder_days_before),
      OL_FIELD("actions.installment_min_months", integer, 1, 120, overdue.actions.installment_min_months),
      OL_FIELD("actions.installment_max_months", integer, 1, 120, overdue.actions.installment_max_months),
      OL_FIELD("actions.installment_default_months", integer, 1, 120, overdue.actions.installment_default_months),
      OL_FIELD("actions.ladder_days", int_list, 1, kMaxDays, overdue.actions.ladder_days),
      OL_FIELD("actions.temporary_limit_change_pct", integer, -100, 1000, overdue.actions.temporary_limit_change_pct),
      OL_FIELD("actions.structural_limit_change_pct", integer, -100, 1000,
               overdue.actions.structural_limit_change_pct),
      OL_FIELD("actions.stubborn_limit_change_pct", integer, -100, 1000, overdue.actions.stubborn_limit_change_pct),

      // issue #17: drafts kept as invoices (--keep-drafts); a general ledger's receivables account
      OL_FIELD("import.keep_drafts", boolean, 0, 0, ledger.keep_drafts),
      OL_FIELD("import.receivables_account", text, 0, 0, ledger.receivables_account),
      // issue #18: day/month that Excel swapped (it opened a CSV in the other locale) kept as stored
      OL_FIELD("import.excel_date_swap", date_swap, 0, 0, import.keep_swapped_dates),
      // issue #20 §4: the share of its credit limit at which a customer is listed as near it
      OL_FIELD("credit.warning_share", number, 0, 1, credit.warning_share),
      // issue #22: the page's text size
      OL_FIELD("ui.text_size", text_size, 0, 0, ui.text_size),
  };
}
#undef OL_FIELD

// 30 → "30", 0.5 → "0.5" (shortest text that reads back equal; locale-free).
std::string number_text(double v) {
  if (std::isfinite(v) && v > -1e15 && v < 1e15 && v == std::trunc(v))
    return std::to_string(static_cast<int64_t>(v));
  return nlohmann::json(v).dump();
}

}  // namespace

std::string range_error(const Field& f, double v) {
  const bool whole = f.kind == FieldKind::integer || f.kind == FieldKind::int_list;
  return std::string(f.key) + ": expected " + (whole ? "a whole number" : "a number") + " in [" +
         number_text(f.lo) + ", " + number_text(f.hi) + "], got " + number_text(v);
}

namespace {

std::string check_bands(const Field& f, const std::vector<AllowanceBand>& bands, bool age) {
  const std::string key = f.key;
  if (bands.empty()) return key + ": at least one band is needed";
  for (size_t i = 0; i < bands.size(); ++i) {
    const AllowanceBand& b = bands[i];
    const std::string at = key + "[" + std::to_string(i) + "]";
    if (b.label.empty()) return at + ".label: must not be empty";
    if (utf8::count_invalid(b.label, true) != 0) return at + ".label: not valid UTF-8 text";
    if (b.rate_bp < 0 || b.rate_bp > 10000)
      return at + ".rate_bp: expected a whole number in [0, 10000], got " + std::to_string(b.rate_bp);
    if (b.from == std::numeric_limits<int32_t>::min()) {
      if (i != 0) return at + ".from: only the first band may have no lower bound (null)";
      continue;
    }
    if (age && b.from < 0) return at + ".from: years of age must be ≥ 0, got " + std::to_string(b.from);
    if (i > 0 && b.from <= bands[i - 1].from)
      return at + ".from: band lower bounds must be strictly increasing, got " + std::to_string(b.from) +
             " after " + (bands[i - 1].from == std::numeric_limits<int32_t>::min() ? std::string("null")
                                                                                   : std::to_string(bands[i - 1].from));
  }
  return "";
}

double weight_sum(const AbilityWeights& w) { return w.paid_ratio + w.recency + w.partial_trend + w.on_time_share; }
double weight_sum(const ImpactWeights& w) {
  return w.overdue_amount + w.overdue_share + w.dpd_severity + w.revenue_share;
}

}  // namespace

const std::vector<Field>& fields() {
  static const std::vector<Field> list = make_fields();
  return list;
}

const Field* find_field(const std::string& key) {
  for (const Field& f : fields())
    if (key == f.key) return &f;
  return nullptr;
}

}  // namespace settings_detail

using settings_detail::Field;
using settings_detail::FieldKind;

std::vector<std::string> setting_keys() {
  std::vector<std::string> keys;
  for (const Field& f : settings_detail::fields()) keys.push_back(f.key);
  for (const std::string& key : settings_detail::currency_keys()) keys.push_back(key);   // not in the field table
  return keys;
}

std::string validate_settings(const AnalysisSettings& settings) {
  AnalysisSettings& s = const_cast<AnalysisSettings&>(settings);  // the table's refs are non-const; only read here
  for (const Field& f : settings_detail::fields()) {
    void* p = f.ref(s);
    switch (f.kind) {
      case FieldKind::integer: {
        const int v = *static_cast<int*>(p);
        if (v < f.lo || v > f.hi) return settings_detail::range_error(f, v);
        break;
      }
      case FieldKind::number: {
        const double v = *static_cast<double*>(p);
        if (!(v >= f.lo && v <= f.hi)) return settings_detail::range_error(f, v);
        break;
      }
      case FieldKind::int_list: {
        const auto& list = *static_cast<std::vector<int>*>(p);
        for (int v : list)
          if (v < f.lo || v > f.hi) return settings_detail::range_error(f, v);
        break;
      }
      default: break;
    }
  }
  const MonitorOptions& m = s.monitor;
  if (m.bucket_edges.empty()) return "analysis.bucket_edges: at least one edge is needed";
  for (size_t i = 1; i < m.bucket_edges.size(); ++i)
    if (m.bucket_edges[i] <= m.bucket_edges[i - 1]) return "analysis.bucket_edges: edges must be strictly increasing";
  const OverdueSettings& o = s.overdue;
  if (!(settings_detail::weight_sum(o.scores.ability) > 0))
    return "scores.ability: the weights must add up to more than 0";
  if (!(settings_detail::weight_sum(o.scores.impact) > 0))
    return "scores.impact: the weights must add up to more than 0";
  if (!(o.scores.share_cap > 0)) return "scores.share_cap: must be greater than 0";
  const Field* dpd = settings_detail::find_field("allowance.dpd_bands");
  const Field* age = settings_detail::find_field("allowance.age_bands");
  if (std::string e = settings_detail::check_bands(*dpd, o.allowance.dpd_bands, false); !e.empty()) return e;
  if (std::string e = settings_detail::check_bands(*age, o.allowance.age_bands, true); !e.empty()) return e;
  const ActionSettings& a = o.actions;
  if (a.installment_min_months > a.installment_default_months)
    return "actions.installment_min_months: must be ≤ installment_default_months (" +
           std::to_string(a.installment_default_months) + "), got " + std::to_string(a.installment_min_months);
  if (a.installment_default_months > a.installment_max_months)
    return "actions.installment_default_months: must be ≤ installment_max_months (" +
           std::to_string(a.installment_max_months) + "), got " + std::to_string(a.installment_default_months);
  if (a.ladder_days.size() != 6)
    return "actions.ladder_days: expected 6 days (call, sms, visit, formal_demand, credit_hold, lawyer), got " +
           std::to_string(a.ladder_days.size());
  for (size_t i = 1; i < a.ladder_days.size(); ++i)
    if (a.ladder_days[i] <= a.ladder_days[i - 1]) return "actions.ladder_days: days must be strictly increasing";
  // Written back as it is: text that is not UTF-8 could not be.
  if (utf8::count_invalid(s.ledger.receivables_account, true) != 0)
    return "import.receivables_account: not valid UTF-8 text";
  // A currency the names table does not know is kept as written (the ledger keeps such a cell
  // too), so it must at least be text that a settings file can hold.
  if (utf8::count_invalid(s.ledger.currency.reporting, true) != 0) return "currency.reporting: not valid UTF-8 text";
  for (const CurrencyRate& r : s.ledger.currency.rates)
    if (utf8::count_invalid(r.code, true) != 0) return "currency.rates: a currency code is not valid UTF-8 text";
  for (size_t i = 0; i < s.mappings.size(); ++i) {  // roles are checked as they are read
    const RoleOverride& r = s.mappings[i];
    const std::string at = "mappings[" + std::to_string(i) + "]";
    if (r.column.empty()) return at + ".column: must not be empty";
    // The file is UTF-8 JSON: text that is not UTF-8 could not be written back as it is.
    if (utf8::count_invalid(r.file, true) != 0 || utf8::count_invalid(r.column, true) != 0)
      return at + ": file and column must be valid UTF-8 text";
  }
  return "";
}

bool operator==(const AnalysisSettings& a, const AnalysisSettings& b) {
  // Through the field table so a new field is compared too; mappings on their own.
  auto& x = const_cast<AnalysisSettings&>(a);
  auto& y = const_cast<AnalysisSettings&>(b);
  for (const Field& f : settings_detail::fields()) {
    void* p = f.ref(x);
    void* q = f.ref(y);
    bool same = true;
    switch (f.kind) {
      case FieldKind::integer: same = *static_cast<int*>(p) == *static_cast<int*>(q); break;
      case FieldKind::number: same = *static_cast<double*>(p) == *static_cast<double*>(q); break;
      case FieldKind::language: same = *static_cast<Lang*>(p) == *static_cast<Lang*>(q); break;
      case FieldKind::step: same = *static_cast<ReplayStep*>(p) == *static_cast<ReplayStep*>(q); break;
      case FieldKind::allowance_method:
        same = *static_cast<AllowanceMethod*>(p) == *static_cast<AllowanceMethod*>(q);
        break;
      case FieldKind::date_or_null: same = *static_cast<int32_t*>(p) == *static_cast<int32_t*>(q); break;
      case FieldKind::int_list:
        same = *static_cast<std::vector<int>*>(p) == *static_cast<std::vector<int>*>(q);
        break;
      case FieldKind::boolean:
      case FieldKind::date_swap: same = *static_cast<bool*>(p) == *static_cast<bool*>(q); break;
      case FieldKind::text: same = *static_cast<std::string*>(p) == *static_cast<std::string*>(q); break;
      case FieldKind::text_size: same = *static_cast<int*>(p) == *static_cast<int*>(q); break;
      case FieldKind::bands: {
        const auto& u = *static_cast<std::vector<AllowanceBand>*>(p);
        const auto& v = *static_cast<std::vector<AllowanceBand>*>(q);
        same = u.size() == v.size();
        for (size_t i = 0; same && i < u.size(); ++i)
          same = u[i].label == v[i].label && u[i].from == v[i].from && u[i].rate_bp == v[i].rate_bp;
        break;
      }
    }
    if (!same) return false;
  }
  if (a.mappings.size() != b.mappings.size()) return false;
  for (size_t i = 0; i < a.mappings.size(); ++i)
    if (a.mappings[i].file != b.mappings[i].file || a.mappings[i].role != b.mappings[i].role ||
        a.mappings[i].column != b.mappings[i].column)
      return false;
  return a.letters == b.letters && a.ledger.keep_drafts == b.ledger.keep_drafts &&
         a.ledger.receivables_account == b.ledger.receivables_account && a.ledger.currency == b.ledger.currency;
}

}  // namespace overdue
