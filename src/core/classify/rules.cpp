// classify_customer(): the rules of DESIGN.md §4 with their trace, and the decision
// (precedence stubborn > structural > temporary). Rule ids are stable: the page translates by id.
//   stubborn   — ANY of S1..S4 is enough (each alone shows unwillingness or a stopped payer)
//   structural — ANY of R1..R4 is enough (each alone shows a lasting inability, not a one-off)
//   temporary  — ALL of T1..T3 that could be evaluated (a good record AND a short or still-paying episode)
// When no stubborn or structural rule holds but a temporary rule missed, the customer is structural:
// the record is not good enough for a one-off, and "willing but unable" fits better than "stubborn".
#include <string>

#include "overdue/classify/classify.hpp"
#include "classify/internal.hpp"

namespace overdue {
namespace {

RuleCheck rule(RuleId id, double value, double threshold, RuleState state, std::string note = {}) {
  return RuleCheck{id, value, threshold, state, std::move(note)};
}

RuleState held_if(bool b) { return b ? RuleState::held : RuleState::missed; }

std::string days_text(int32_t d) { return std::to_string(d) + " d"; }

// The same words as rule_note_text's (words.cpp), in English.
std::string disputed_note(const CustomerHistory& h) {
  return h.disputed_invoices == 0 ? "" : "; " + std::to_string(h.disputed_invoices) + " disputed invoices left out";
}


}  // namespace

namespace classify_detail {

BalanceRise balance_rise(const CustomerHistory& h) {
  BalanceRise r;
  const double then = h.balance_ratio_then.value_or(0), mid = h.balance_ratio_mid.value_or(0),
               now = h.balance_ratio_now.value_or(0);
  r.factor = then > 0 ? now / then : 0;
  r.by_mid = now > then ? (mid - then) / (now - then) : 0;
  r.gradual = now > then && r.by_mid >= 1.0 / 3.0 && now > mid;
  return r;
}

}  // namespace classify_detail

const char* rule_state_name(RuleState s) {
  switch (s) {
    case RuleState::held: return "held";
    case RuleState::missed: return "missed";
    case RuleState::not_evaluated: break;
  }
  return "not_evaluated";
}

Classification classify_customer(const CustomerHistory& h, const ContactSummary& contacts, int32_t as_of,
                                 const ClassifySettings& s) {
  Classification c;
  c.rules.reserve(11);   // every rule below gives one check: no regrowth per customer
  const bool enough_record = h.settled_before_episode >= static_cast<uint32_t>(s.min_settled_invoices);
  const std::string record_note = "only " + std::to_string(h.settled_before_episode) +
                                  " settled invoices before this episode (need " +
                                  std::to_string(s.min_settled_invoices) + ")";
  const bool paid_recently = h.last_payment_date != kMissingDays && as_of - h.last_payment_date <= s.payments_continue_days;

  // --- stubborn (ANY) ---
  const auto S = OverdueType::stubborn;
  if (h.days_without_payment >= 0)
    c.rules.push_back(rule(RuleId::S1_no_payment, h.days_without_payment,
                           s.stubborn_no_payment_days, held_if(h.days_without_payment > s.stubborn_no_payment_days),
                           h.last_payment_date == kMissingDays ? "never paid: counted from the first overdue due date"
                                                               : ""));
  else
    c.rules.push_back(rule(RuleId::S1_no_payment, 0, s.stubborn_no_payment_days, RuleState::not_evaluated,
                           !h.overdue && h.disputed_overdue_invoices > 0 ? "every overdue invoice is disputed"
                                                                          : "not overdue and never paid"));
  {
    const bool deep = h.max_dpd > s.stubborn_dpd;
    c.rules.push_back(rule(RuleId::S2_deep_dpd_not_paying, h.max_dpd,
                           s.stubborn_dpd, held_if(deep && !paid_recently),
                           deep && paid_recently ? "deep, but a payment came in the last " +
                                                       std::to_string(s.payments_continue_days) + " days"
                                                 : ""));
  }
  if (contacts.evaluated) {
    c.rules.push_back(rule(RuleId::S3_broken_promises, contacts.broken_promises,
                           s.broken_promises, held_if(contacts.broken_promises >= static_cast<uint32_t>(s.broken_promises))));
    c.rules.push_back(rule(RuleId::S4_refusals, contacts.refusals, s.refusals,
                           held_if(contacts.refusals >= static_cast<uint32_t>(s.refusals))));
  } else {
    c.rules.push_back(rule(RuleId::S3_broken_promises, 0, s.broken_promises,
                           RuleState::not_evaluated, "no contact log"));
    c.rules.push_back(rule(RuleId::S4_refusals, 0, s.refusals, RuleState::not_evaluated,
                           "no contact log"));
  }

  // --- structural (ANY) ---
  const auto R = OverdueType::structural;
  {
    // Episodes less than repeated_episode_gap_days apart are one lapse for this rule; a lapse
    // counts when it ended within the look-back (the current one always does).
    uint32_t recent_episodes = 0;
    for (size_t k = 0; k < h.episodes.size(); ++k) {
      const bool joins_next =
          k + 1 < h.episodes.size() && h.episodes[k + 1].start - h.episodes[k].end - 1 < s.repeated_episode_gap_days;
      if (!joins_next && h.episodes[k].end > as_of - s.repeated_episodes_lookback_days) ++recent_episodes;
    }
    c.rules.push_back(rule(RuleId::R1_repeated_episodes, recent_episodes,
                           s.repeated_episodes,
                           held_if(recent_episodes >= static_cast<uint32_t>(s.repeated_episodes)),
                           std::to_string(h.episodes.size()) + " episodes in all; less than " +
                               std::to_string(s.repeated_episode_gap_days) + " days apart count as one" +
                               disputed_note(h)));
  }
  // Chronic lateness is a habit of the whole history, the current episode included: a customer
  // who always pays 60 days late is in one endless episode, so "before this episode" sees nothing.
  {
    const bool enough_settled = h.settled_all >= static_cast<uint32_t>(s.min_settled_invoices);
    const double late_share = h.settled_all ? 1.0 - static_cast<double>(h.on_time_all) / h.settled_all : 0;
    c.rules.push_back(rule(RuleId::R2_chronic_lateness, late_share,
                           s.chronic_late_share,
                           enough_settled ? held_if(late_share >= s.chronic_late_share) : RuleState::not_evaluated,
                           std::to_string(h.settled_all - h.on_time_all) + " of " + std::to_string(h.settled_all) +
                               " settled invoices" +
                               (enough_settled ? "" : " (need " + std::to_string(s.min_settled_invoices) + ")") +
                               disputed_note(h)));
  }
  // A rising balance means a slow build-up, not one sudden stop (classify_detail::balance_rise).
  if (h.balance_ratio_now && h.balance_ratio_mid && h.balance_ratio_then && *h.balance_ratio_then > 0) {
    const classify_detail::BalanceRise rise = classify_detail::balance_rise(h);
    const double factor = rise.factor, by_mid = rise.by_mid;
    const bool gradual = rise.gradual;
    c.rules.push_back(rule(RuleId::R3_rising_balance, factor,
                           s.rising_balance_factor, held_if(factor >= s.rising_balance_factor && gradual),
                           std::to_string(static_cast<int>(by_mid * 100 + (by_mid < 0 ? -0.5 : 0.5))) +
                               " % of the rise by the midpoint (" +
                               (gradual ? "a gradual rise" : "a gradual rise needs ≥ 33 % and still rising") + ")"));
  } else {
    c.rules.push_back(rule(RuleId::R3_rising_balance, 0,
                           s.rising_balance_factor, RuleState::not_evaluated,
                           "needs billing history from 180 days ago and a balance then"));
  }
  {
    const bool enough = h.payments_last_180 >= static_cast<uint32_t>(s.partial_min_payments);
    const double share = h.payments_last_180 ? static_cast<double>(h.partial_payments_last_180) / h.payments_last_180 : 0;
    c.rules.push_back(rule(RuleId::R4_keeps_paying_partially, share,
                           s.partial_payment_share,
                           enough ? held_if(share >= s.partial_payment_share) : RuleState::not_evaluated,
                           enough ? std::to_string(h.partial_payments_last_180) + " of " +
                                        std::to_string(h.payments_last_180) + " payments"
                                  : "only " + std::to_string(h.payments_last_180) + " payments in the last 180 days"));
  }

  // --- temporary (ALL) ---
  const auto T = OverdueType::temporary;
  const double on_time = h.settled_before_episode ? static_cast<double>(h.on_time_before_episode) / h.settled_before_episode : 0;
  c.rules.push_back(rule(RuleId::T1_good_record, on_time, s.good_record_on_time_share,
                         enough_record ? held_if(on_time >= s.good_record_on_time_share) : RuleState::not_evaluated,
                         enough_record ? "" : record_note));
  {
    uint32_t serious = 0;
    const size_t earlier = h.episodes.size() - (h.overdue ? 1 : 0);
    for (size_t k = 0; k < earlier; ++k) serious += h.episodes[k].max_dpd > s.serious_episode_dpd;
    c.rules.push_back(rule(RuleId::T2_no_earlier_serious_episode, serious, 0,
                           held_if(serious == 0),
                           "serious = DPD > " + std::to_string(s.serious_episode_dpd)));
  }
  {
    const int32_t length = h.overdue ? as_of - h.episode_start + 1 : 0;
    const bool recent = length <= s.recent_episode_days;
    c.rules.push_back(rule(RuleId::T3_recent_or_paying, length,
                           s.recent_episode_days, held_if(recent || paid_recently),
                           paid_recently ? "paid " + days_text(as_of - h.last_payment_date) + " ago"
                                         : (h.last_payment_date == kMissingDays
                                                ? std::string("no payment yet")
                                                : "last payment " + days_text(as_of - h.last_payment_date) + " ago")));
  }

  // --- decision ---
  auto count = [&](OverdueType t, RuleState st) {
    int n = 0;
    for (const RuleCheck& r : c.rules) n += r.type() == t && r.state == st;
    return n;
  };
  auto summary = [&](OverdueType t) {
    return std::to_string(count(t, RuleState::held)) + " held, " + std::to_string(count(t, RuleState::missed)) +
           " missed, " + std::to_string(count(t, RuleState::not_evaluated)) + " not evaluated";
  };
  if (count(S, RuleState::held) > 0) {
    c.type = S;
    c.reasons.push_back("stubborn: at least one stubborn rule held (any is enough; " + summary(S) + ")");
  } else if (count(R, RuleState::held) > 0) {
    c.type = R;
    c.reasons.push_back("structural: no stubborn rule held; at least one structural rule held (any is enough; " +
                        summary(R) + ")");
  } else if (count(T, RuleState::missed) == 0) {
    c.type = T;
    c.reasons.push_back("temporary: no stubborn or structural rule held; every temporary rule that could be "
                        "evaluated held (all must; " + summary(T) + ")");
  } else {
    c.type = R;
    c.reasons.push_back("structural: no stubborn or structural rule held, but a temporary rule missed (" +
                        summary(T) + "): not a one-off, so not temporary");
  }
  // Too little history = too little data about the customer at all (settled invoices, months of
  // billing); a long current episode alone is not "little history" (T1 says when it cannot judge).
  const bool short_history = h.first_invoice_date == kMissingDays || h.first_invoice_date > as_of - s.min_history_days;
  if (h.settled_all < static_cast<uint32_t>(s.min_settled_invoices) || short_history) {
    c.low_confidence = true;
    c.reasons.push_back("low confidence: too little history (" + std::to_string(h.settled_all) +
                        " settled invoices, first invoice " +
                        (h.first_invoice_date == kMissingDays ? std::string("unknown")
                                                              : days_text(as_of - h.first_invoice_date) + " before") +
                        " the as-of date)");
  }
  return c;
}

}  // namespace overdue
