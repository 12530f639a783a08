#include "classify_text.hpp"

#include <cmath>
#include <cstring>

#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "theme.hpp"

namespace app {

const char* type_label(overdue::OverdueType t) {
  switch (t) {
    case overdue::OverdueType::temporary: return tr(S::type_temporary);
    case overdue::OverdueType::structural: return tr(S::type_structural);
    case overdue::OverdueType::stubborn: break;
  }
  return tr(S::type_stubborn);
}

const char* type_long_label(overdue::OverdueType t) {
  switch (t) {
    case overdue::OverdueType::temporary: return tr(S::type_temporary_long);
    case overdue::OverdueType::structural: return tr(S::type_structural_long);
    case overdue::OverdueType::stubborn: break;
  }
  return tr(S::type_stubborn_long);
}

ImVec4 type_color(overdue::OverdueType t) {
  // Blue-green (calm: it will pass), amber (lasting: plan it), red (act): the traffic-light
  // order of the precedence, mid-saturation so white text on a badge and the dots read on both themes.
  switch (t) {
    case overdue::OverdueType::temporary: return ImVec4(0.16f, 0.56f, 0.62f, 1.0f);
    case overdue::OverdueType::structural: return ImVec4(0.85f, 0.55f, 0.08f, 1.0f);
    case overdue::OverdueType::stubborn: break;
  }
  return ImVec4(0.80f, 0.20f, 0.22f, 1.0f);
}

const char* quadrant_label(overdue::RiskQuadrant q) {
  switch (q) {
    case overdue::RiskQuadrant::act_now: return tr(S::quad_act_now);
    case overdue::RiskQuadrant::negotiate: return tr(S::quad_negotiate);
    case overdue::RiskQuadrant::monitor_closely: return tr(S::quad_monitor_closely);
    case overdue::RiskQuadrant::routine: break;
  }
  return tr(S::quad_routine);
}

RuleValueKind rule_value_kind(const std::string& id) {
  if (id == "S1_no_payment" || id == "S2_deep_dpd_not_paying" || id == "T3_recent_or_paying") return RuleValueKind::days;
  if (id == "R2_chronic_lateness" || id == "R4_keeps_paying_partially" || id == "T1_good_record") return RuleValueKind::share;
  if (id == "R3_rising_balance") return RuleValueKind::factor;
  return RuleValueKind::count;
}

std::string rule_value_text(const std::string& id, double value) {
  switch (rule_value_kind(id)) {
    case RuleValueKind::share: return format_decimal(value * 100.0, 0) + " %";
    case RuleValueKind::days: return trf(S::days_short_fmt, format_count(std::llround(value)).c_str());
    case RuleValueKind::factor: return "×" + format_decimal(value, 2);
    case RuleValueKind::count: break;
  }
  return format_count(std::llround(value));
}

std::string rule_threshold_text(const overdue::RuleCheck& r) {
  return r.op + " " + rule_value_text(r.id, r.threshold);
}

const char* rule_label(const std::string& id) {
  static const struct { const char* id; S text; } kRules[] = {
      {"S1_no_payment", S::rule_S1_no_payment},
      {"S2_deep_dpd_not_paying", S::rule_S2_deep_dpd_not_paying},
      {"S3_broken_promises", S::rule_S3_broken_promises},
      {"S4_refusals", S::rule_S4_refusals},
      {"R1_repeated_episodes", S::rule_R1_repeated_episodes},
      {"R2_chronic_lateness", S::rule_R2_chronic_lateness},
      {"R3_rising_balance", S::rule_R3_rising_balance},
      {"R4_keeps_paying_partially", S::rule_R4_keeps_paying_partially},
      {"T1_good_record", S::rule_T1_good_record},
      {"T2_no_earlier_serious_episode", S::rule_T2_no_earlier_serious_episode},
      {"T3_recent_or_paying", S::rule_T3_recent_or_paying},
  };
  for (const auto& r : kRules)
    if (id == r.id) return tr(r.text);
  return id.c_str();
}

const char* rule_state_label(overdue::RuleState s) {
  switch (s) {
    case overdue::RuleState::held: return tr(S::state_held);
    case overdue::RuleState::missed: return tr(S::state_missed);
    case overdue::RuleState::not_evaluated: break;
  }
  return tr(S::state_not_evaluated);
}

namespace {
std::string count_text(int64_t n) { return format_count(n); }
}  // namespace

std::string rule_note(const overdue::RuleCheck& r, const overdue::ClassifiedCustomer& c, int32_t as_of,
                      const overdue::ClassifySettings& s) {
  // Mirrors the notes of classify_rules.cpp case by case, from the same facts.
  const overdue::CustomerHistory& h = c.history;
  const bool never_paid = h.last_payment_date == overdue::kMissingDays;
  const bool paid_recently = !never_paid && as_of - h.last_payment_date <= s.payments_continue_days;
  const std::string& id = r.id;
  if (id == "S1_no_payment") {
    if (r.state == overdue::RuleState::not_evaluated) return tr(S::note_not_overdue_never_paid);
    return never_paid ? tr(S::note_never_paid) : "";
  }
  if (id == "S2_deep_dpd_not_paying")
    return h.max_dpd > s.stubborn_dpd && paid_recently ? trf(S::note_deep_but_paid_fmt, s.payments_continue_days) : "";
  if (id == "S3_broken_promises" || id == "S4_refusals")
    return c.contacts.evaluated ? "" : tr(S::note_no_contact_log);
  if (id == "R1_repeated_episodes")
    return trf(S::note_episodes_all_fmt, count_text(static_cast<int64_t>(h.episodes.size())).c_str(), s.repeated_episode_gap_days);
  if (id == "R2_chronic_lateness") {
    // The whole history (settled_all), not only the record before this episode.
    std::string note = trf(S::note_late_of_fmt, count_text(h.settled_all - h.on_time_all).c_str(), count_text(h.settled_all).c_str());
    if (r.state == overdue::RuleState::not_evaluated) note += trf(S::note_need_fmt, count_text(s.min_settled_invoices).c_str());
    return note;
  }
  if (id == "T1_good_record") {
    if (r.state != overdue::RuleState::not_evaluated) return "";
    return trf(S::note_record_short_fmt, count_text(h.settled_before_episode).c_str(),
               count_text(s.min_settled_invoices).c_str());
  }
  if (id == "R3_rising_balance") {
    if (r.state == overdue::RuleState::not_evaluated) return trf(S::note_needs_billing_fmt, s.rising_balance_lookback_days);
    // "Gradual": at least a third of the rise by the midpoint, and still rising (classify_rules.cpp).
    const double then = h.balance_ratio_then.value_or(0), mid = h.balance_ratio_mid.value_or(0),
                 now = h.balance_ratio_now.value_or(0);
    const double by_mid = now > then ? (mid - then) / (now - then) : 0;
    const bool gradual = now > then && by_mid >= 1.0 / 3.0 && now > mid;
    return trf(S::note_rise_mid_fmt, (format_decimal(by_mid * 100.0, 0) + " %").c_str(),
               tr(gradual ? S::note_rose_both : S::note_not_rose_both));
  }
  if (id == "R4_keeps_paying_partially") {
    if (r.state == overdue::RuleState::not_evaluated) return trf(S::note_only_payments_fmt, count_text(h.payments_last_180).c_str());
    return trf(S::note_partial_of_fmt, count_text(h.partial_payments_last_180).c_str(), count_text(h.payments_last_180).c_str());
  }
  if (id == "T2_no_earlier_serious_episode") return trf(S::note_serious_fmt, s.serious_episode_dpd);
  if (id == "T3_recent_or_paying") {
    if (paid_recently) return trf(S::note_paid_ago_fmt, as_of - h.last_payment_date);
    if (never_paid) return tr(S::note_no_payment_yet);
    return trf(S::note_last_payment_ago_fmt, as_of - h.last_payment_date);
  }
  return "";
}

std::string decision_text(const overdue::Classification& c) {
  auto count = [&](overdue::OverdueType t, overdue::RuleState st) {
    int n = 0;
    for (const overdue::RuleCheck& r : c.rules) n += r.type == t && r.state == st;
    return n;
  };
  const overdue::OverdueType t = c.type;
  S sentence = S::decide_temporary;
  if (t == overdue::OverdueType::stubborn) sentence = S::decide_stubborn;
  else if (t == overdue::OverdueType::structural)
    sentence = count(overdue::OverdueType::structural, overdue::RuleState::held) > 0 ? S::decide_structural
                                                                                      : S::decide_structural_fallback;
  // The counts are those of the group that decided (for the fallback: the temporary rules).
  const overdue::OverdueType group = sentence == S::decide_structural_fallback ? overdue::OverdueType::temporary : t;
  return std::string(tr(sentence)) + " (" +
         trf(S::rule_counts_fmt, count(group, overdue::RuleState::held), count(group, overdue::RuleState::missed),
             count(group, overdue::RuleState::not_evaluated)) + ")";
}

std::string low_confidence_text(const overdue::ClassifiedCustomer& c, int32_t as_of) {
  if (!c.classification.low_confidence) return "";
  const overdue::CustomerHistory& h = c.history;
  const std::string first = h.first_invoice_date == overdue::kMissingDays
                                ? std::string("—")
                                : trf(S::days_short_fmt, format_count(as_of - h.first_invoice_date).c_str());
  return trf(S::low_confidence_fmt, format_count(h.settled_all).c_str(), first.c_str());
}

const char* score_input_label(const std::string& id) {
  static const struct { const char* id; S text; } kInputs[] = {
      {"paid_ratio", S::in_paid_ratio},         {"recency", S::in_recency},
      {"partial_trend", S::in_partial_trend},   {"on_time_share", S::in_on_time_share},
      {"overdue_amount", S::in_overdue_amount}, {"overdue_share", S::in_overdue_share},
      {"dpd_severity", S::in_dpd_severity},     {"revenue_share", S::in_revenue_share},
  };
  for (const auto& in : kInputs)
    if (id == in.id) return tr(in.text);
  return id.c_str();
}

std::string score_input_value_text(const overdue::ScoreInput& in) {
  if (in.id == "recency")
    return in.value < 0 ? tr(S::never) : trf(S::days_short_fmt, format_count(std::llround(in.value)).c_str());
  if (in.id == "dpd_severity") return trf(S::days_short_fmt, format_decimal(in.value, 1).c_str());
  if (in.id == "overdue_amount") return format_cents(std::llround(in.value * 100.0), 2, true);
  return format_decimal(in.value * 100.0, 1) + " %";
}

const char* action_label(const std::string& id) {
  static const struct { const char* id; S text; } kActions[] = {
      {"call", S::act_call},
      {"sms", S::act_sms},
      {"visit", S::act_visit},
      {"formal_demand", S::act_formal_demand},
      {"credit_hold", S::act_credit_hold},
      {"lawyer", S::act_lawyer},
      {"contact_understanding", S::act_contact_understanding},
      {"grace_reminder", S::act_grace_reminder},
      {"due_reminder", S::act_due_reminder},
      {"grace_end", S::act_grace_end},
      {"installment_agreement", S::act_installment_agreement},
      {"installment_due", S::act_installment_due},
  };
  for (const auto& a : kActions)
    if (id == a.id) return tr(a.text);
  return id.c_str();
}

void type_badge(overdue::OverdueType t, bool low_confidence, bool long_label) {
  const char* text = long_label ? type_long_label(t) : type_label(t);
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float pad = ImGui::GetFontSize() * 0.35f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::Dummy(ImVec2(ts.x + pad * 2, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + ts.x + pad * 2, p.y + h), ImGui::ColorConvertFloat4ToU32(type_color(t)), h * 0.3f);
  dl->AddText(ImVec2(p.x + pad, p.y), IM_COL32_WHITE, text);
  if (low_confidence) {
    ImGui::SameLine(0, pad);
    text_muted("?");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::low_confidence_mark));
  }
}

}  // namespace app
