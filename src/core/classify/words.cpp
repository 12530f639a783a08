// The classification in words (include/overdue/classify/words.hpp): the page's card and types
// view, the report and the letters all say it with these.
#include "overdue/classify/words.hpp"

#include <cmath>

#include "classify/internal.hpp"
#include "overdue/text/format.hpp"

namespace overdue {

const char* type_text(OverdueType t, Lang lang) {
  switch (t) {
    case OverdueType::temporary:
      return text(S::type_temporary, lang);
    case OverdueType::structural:
      return text(S::type_structural, lang);
    case OverdueType::stubborn:
      break;
  }
  return text(S::type_stubborn, lang);
}

const char* type_long_text(OverdueType t, Lang lang) {
  switch (t) {
    case OverdueType::temporary:
      return text(S::type_temporary_long, lang);
    case OverdueType::structural:
      return text(S::type_structural_long, lang);
    case OverdueType::stubborn:
      break;
  }
  return text(S::type_stubborn_long, lang);
}

const char* quadrant_text(RiskQuadrant q, Lang lang) {
  switch (q) {
    case RiskQuadrant::act_now:
      return text(S::quad_act_now, lang);
    case RiskQuadrant::negotiate:
      return text(S::quad_negotiate, lang);
    case RiskQuadrant::monitor_closely:
      return text(S::quad_monitor_closely, lang);
    case RiskQuadrant::routine:
      break;
  }
  return text(S::quad_routine, lang);
}

namespace {

std::string count_text(double v) { return count_display(std::llround(v)); }

struct Named {
  const char* id;
  S text;
};

template <size_t N>
const char* lookup(const Named (&table)[N], const std::string& id, Lang lang) {
  for (const Named& n : table)
    if (id == n.id) return text(n.text, lang);
  return id.c_str();
}

}  // namespace

const char* rule_text(RuleId id, Lang lang) { return text(rule_spec(id).label_text, lang); }

const char* rule_state_text(RuleState s, Lang lang) {
  switch (s) {
    case RuleState::held:
      return text(S::state_held, lang);
    case RuleState::missed:
      return text(S::state_missed, lang);
    case RuleState::not_evaluated:
      break;
  }
  return text(S::state_not_evaluated, lang);
}

std::string rule_value_text(RuleId id, double value, Lang lang) {
  switch (rule_spec(id).value_kind) {
    case RuleValueKind::share:
      return percent_display(value, 0, lang);
    case RuleValueKind::days:
      return days_display(std::llround(value), lang);
    case RuleValueKind::factor:
      return "×" + fixed_text(value, 2);
    case RuleValueKind::count:
      break;
  }
  return count_text(value);
}

// "; 2 disputed invoices left out" when disputes were left out of the episodes and the shares
// (issue #20 §2), so the trace says why the counts are smaller than the invoices.
static std::string disputed_note(const CustomerHistory& h, Lang lang) {
  if (h.disputed_invoices == 0) return "";
  return "; " + textf(lang, S::note_disputed_left_out_fmt, count_text(h.disputed_invoices).c_str());
}

std::string rule_note_text(const RuleCheck& r, const ClassifiedCustomer& c, int32_t as_of,
                           const ClassifySettings& s, Lang lang) {
  // The evidence of classify_customer()'s notes (classify/rules.cpp) from the same facts, in
  // `lang`.
  const CustomerHistory& h = c.history;
  const bool never_paid = h.last_payment_date == kMissingDays;
  const bool paid_recently = !never_paid && as_of - h.last_payment_date <= s.payments_continue_days;
  switch (r.id) {
    case RuleId::S1_no_payment: {
      if (r.state == RuleState::not_evaluated)
        return text(!h.overdue && h.disputed_overdue_invoices > 0 ? S::note_all_overdue_disputed
                                                                   : S::note_not_overdue_never_paid,
                    lang);
      return never_paid ? text(S::note_never_paid, lang) : "";
    }
    case RuleId::S2_deep_dpd_not_paying:
      return h.max_dpd > s.stubborn_dpd && paid_recently
                 ? textf(lang, S::note_deep_but_paid_fmt, s.payments_continue_days)
                 : "";
    case RuleId::S3_broken_promises:
    case RuleId::S4_refusals:
      return c.contacts.evaluated ? "" : text(S::note_no_contact_log, lang);
    case RuleId::R1_repeated_episodes:
      return textf(lang, S::note_episodes_all_fmt,
                   count_text(static_cast<double>(h.episodes.size())).c_str(),
                   s.repeated_episode_gap_days) + disputed_note(h, lang);
    case RuleId::R2_chronic_lateness: {
      std::string note =
          textf(lang, S::note_late_of_fmt, count_text(h.settled_all - h.on_time_all).c_str(),
                count_text(h.settled_all).c_str());
      if (r.state == RuleState::not_evaluated)
        note += textf(lang, S::note_need_fmt, count_text(s.min_settled_invoices).c_str());
      return note + disputed_note(h, lang);
    }
    case RuleId::T1_good_record: {
      if (r.state != RuleState::not_evaluated) return "";
      return textf(lang, S::note_record_short_fmt, count_text(h.settled_before_episode).c_str(),
                   count_text(s.min_settled_invoices).c_str());
    }
    case RuleId::R3_rising_balance: {
      if (r.state == RuleState::not_evaluated)
        return textf(lang, S::note_needs_billing_fmt, s.rising_balance_lookback_days);
      const classify_detail::BalanceRise rise = classify_detail::balance_rise(h);
      return textf(lang, S::note_rise_mid_fmt, percent_display(rise.by_mid, 0, lang).c_str(),
                   text(rise.gradual ? S::note_rose_both : S::note_not_rose_both, lang));
    }
    case RuleId::R4_keeps_paying_partially: {
      if (r.state == RuleState::not_evaluated)
        return textf(lang, S::note_only_payments_fmt, count_text(h.payments_last_180).c_str());
      return textf(lang, S::note_partial_of_fmt, count_text(h.partial_payments_last_180).c_str(),
                   count_text(h.payments_last_180).c_str());
    }
    case RuleId::T2_no_earlier_serious_episode:
      return textf(lang, S::note_serious_fmt, s.serious_episode_dpd);
    case RuleId::T3_recent_or_paying: {
      if (paid_recently) return textf(lang, S::note_paid_ago_fmt, as_of - h.last_payment_date);
      if (never_paid) return text(S::note_no_payment_yet, lang);
      return textf(lang, S::note_last_payment_ago_fmt, as_of - h.last_payment_date);
    }
  }
  return "";
}

std::string decision_text(const Classification& c, Lang lang) {
  auto count = [&](OverdueType t, RuleState st) {
    int n = 0;
    for (const RuleCheck& r : c.rules) n += r.type() == t && r.state == st;
    return n;
  };
  S sentence = S::decide_temporary;
  if (c.type == OverdueType::stubborn)
    sentence = S::decide_stubborn;
  else if (c.type == OverdueType::structural)
    sentence = count(OverdueType::structural, RuleState::held) > 0 ? S::decide_structural
                                                                   : S::decide_structural_fallback;
  // The counts are those of the group that decided (for the fallback: the temporary rules).
  const OverdueType group =
      sentence == S::decide_structural_fallback ? OverdueType::temporary : c.type;
  return std::string(text(sentence, lang)) + " (" +
         textf(lang, S::rule_counts_fmt, count(group, RuleState::held),
               count(group, RuleState::missed), count(group, RuleState::not_evaluated)) +
         ")";
}

std::string low_confidence_text(const ClassifiedCustomer& c, int32_t as_of, Lang lang) {
  if (!c.classification.low_confidence) return "";
  const CustomerHistory& h = c.history;
  const std::string first = h.first_invoice_date == kMissingDays
                                ? std::string("—")
                                : days_display(as_of - h.first_invoice_date, lang);
  return textf(lang, S::low_confidence_fmt, count_display(h.settled_all).c_str(), first.c_str());
}

const char* action_text(const std::string& id, Lang lang) {
  static const Named kActions[] = {
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
  return lookup(kActions, id, lang);
}

const char* score_input_text(ScoreInput input, Lang lang) {
  switch (input) {
    case ScoreInput::paid_ratio:
      return text(S::in_paid_ratio, lang);
    case ScoreInput::recency:
      return text(S::in_recency, lang);
    case ScoreInput::partial_trend:
      return text(S::in_partial_trend, lang);
    case ScoreInput::on_time_share:
      return text(S::in_on_time_share, lang);
    case ScoreInput::overdue_amount:
      return text(S::in_overdue_amount, lang);
    case ScoreInput::overdue_share:
      return text(S::in_overdue_share, lang);
    case ScoreInput::dpd_severity:
      return text(S::in_dpd_severity, lang);
    case ScoreInput::revenue_share:
      break;
  }
  return text(S::in_revenue_share, lang);
}

}  // namespace overdue
