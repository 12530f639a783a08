// Classification of overdue customers into temporary / structural / stubborn (DESIGN.md §4,
// issue #4), with the rule trace, the scores, the risk matrix, the allowance and the action plan.
// docs/method.md states the definitions, each rule with its default and reasoning, and
// whether all or any of a type's rules must hold.
//
// Definitions (used everywhere, one place):
//  * overdue invoice: open with DPD > threshold (MonitorOptions::threshold_days, default 30).
//  * episode: a maximal stretch of days during which the customer has at least one overdue
//    invoice. An invoice is overdue from due + threshold + 1 until the day before the day it is
//    settled (paid on day d = not open at the end of d). The current episode contains the as-of date.
//  * settled: the day the allocations reach the invoice amount (undated allocations: the as-of date).
//  * paid on time: settled on or before due date + on_time_tolerance_days.
//  * days without payment: as-of − last payment date on or before the as-of date, or, when the
//    customer never paid, as-of − the earliest due date among its overdue invoices.
//  * partial payment: a payment that does not settle any invoice it is applied to.
//  * disputed invoice (issue #20 §2, ledger/disputes.hpp): disputed at the as-of date. The rules
//    that read lateness as unwillingness leave it out: it makes no episode (so no DPD and no
//    "days without payment" of its own) and does not count among the settled invoices for the
//    shares paid on time / late. It stays in every amount (overdue, open, balance, scores' amounts).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "overdue/job/job.hpp"
#include "overdue/classify/actions.hpp"
#include "overdue/classify/rules.hpp"
#include "overdue/classify/allowance.hpp"
#include "overdue/ledger/contact_log.hpp"
#include "overdue/monitor/monitor.hpp"
#include "overdue/classify/scores.hpp"

namespace overdue {

struct ClassifySettings {
  int on_time_tolerance_days = 5;          // a few days for bank transfer and booking delays
  // --- temporary (ALL must hold) ---
  double good_record_on_time_share = 0.80; // T1 "≥ 80 % paid on time" (DESIGN.md §4's example)
  int serious_episode_dpd = 60;            // T2 an earlier episode reaching DPD > 60 is "serious":
                                           //    two full billing cycles behind
  int recent_episode_days = 60;            // T3 episode recent/short: began ≤ 60 days ago …
  int payments_continue_days = 30;         //    … or a payment within the last 30 days (one cycle)
  // --- structural (ANY must hold) ---
  int repeated_episodes = 2;               // R1 ≥ 2 episodes including the current one, counting
  int repeated_episodes_lookback_days = 365;  //  earlier episodes that ended in the last 365 days;
  int repeated_episode_gap_days = 30;      //    episodes less than 30 days apart (one billing cycle)
                                           //    count as one: a part-payment that clears the oldest
                                           //    invoice for a week is not a new lapse
  double chronic_late_share = 0.50;        // R2 ≥ 50 % of settled invoices paid late: late is the rule
  double rising_balance_factor = 1.5;      // R3 open ÷ 12-month billing now ≥ 1.5 × what it was
  int rising_balance_lookback_days = 180;  //    180 days ago, and higher at the midpoint too
  double partial_payment_share = 0.50;     // R4 ≥ 50 % of the last 180 days' payments are partial …
  int partial_min_payments = 3;            //    … out of ≥ 3 payments (a pattern, not one event)
  // --- stubborn (ANY must hold) ---
  int stubborn_no_payment_days = 90;       // S1 days without payment > 90 (DESIGN.md §4's example)
  int stubborn_dpd = 180;                  // S2 max DPD > 180 while no payment for > payments_continue_days
  int broken_promises = 1;                 // S3 ≥ 1 broken promise (contact log)
  int refusals = 1;                        // S4 ≥ 1 refusal (contact log)
  // --- too little history ---
  int min_settled_invoices = 3;            // fewer settled invoices before this episode: no record
  int min_history_days = 180;              // or first invoice < 180 days before the as-of date
};

enum class RuleState { held, missed, not_evaluated };
const char* rule_state_name(RuleState s);  // "held", "missed", "not_evaluated"

// One line of the rule trace (the teaching view): "paid on time before this episode: 92 % ≥ 80 % ✓".
struct RuleCheck {
  RuleId id = RuleId::S1_no_payment;   // its type, comparison and label: rule_spec(id)
  double value = 0;        // what was seen (share 0–1, days, count, factor)
  double threshold = 0;
  RuleState state = RuleState::not_evaluated;
  std::string note;        // English: why not evaluated, or extra evidence

  const RuleSpec& spec() const { return rule_spec(id); }
  OverdueType type() const { return spec().type; }
};

// Facts about one customer's history at the as-of date, the inputs of the rules and scores.
struct CustomerHistory {
  struct Episode { int32_t start = 0, end = 0; int32_t max_dpd = 0; };
  std::vector<Episode> episodes;           // chronological; the last one is current when overdue
  bool overdue = false;                    // an episode contains the as-of date
  int32_t episode_start = kMissingDays;    // start of the current episode (overdue only)
  int32_t max_dpd = 0;                     // largest DPD among invoices overdue at the as-of date
  int32_t last_payment_date = kMissingDays;
  uint32_t settled_before_episode = 0, on_time_before_episode = 0;
  int32_t days_without_payment = -1;       // -1 when not overdue and never paid
  int32_t first_invoice_date = kMissingDays;
  uint32_t payments_last_180 = 0, partial_payments_last_180 = 0;
  int64_t paid_last_180_cents = 0;
  int64_t billed_365_cents = 0, paid_365_cents = 0;
  std::optional<double> balance_ratio_now, balance_ratio_mid, balance_ratio_then;  // open ÷ 12-month billing
  uint32_t settled_all = 0, on_time_all = 0;
  // issue #20 §2: invoices disputed at the as-of date, left out of the facts above that read
  // lateness (episodes, max_dpd, days_without_payment, the settled and on-time counts).
  uint32_t disputed_invoices = 0;          // every such invoice issued by the as-of date
  uint32_t disputed_overdue_invoices = 0;  // those open and overdue at the as-of date
};

CustomerHistory customer_history(const Ledger& ledger, uint32_t customer, int32_t as_of, int threshold_days,
                                 const ClassifySettings& s);

struct Classification {
  OverdueType type = OverdueType::temporary;
  std::vector<RuleCheck> rules;            // stubborn, structural, then temporary rules
  std::vector<std::string> reasons;        // the decision in words, incl. "low confidence: too little history"
  bool low_confidence = false;
};

// Decides the type from the history and contact summary. Precedence stubborn > structural >
// temporary: stubborn if ANY stubborn rule held; else structural if ANY structural rule held; else
// temporary if ALL temporary rules that could be evaluated held; else structural ("not a one-off").
Classification classify_customer(const CustomerHistory& h, const ContactSummary& contacts, int32_t as_of,
                                 const ClassifySettings& s);

struct OverdueSettings {
  ClassifySettings classify;
  ScoreSettings scores;
  AllowanceSettings allowance;
  ActionSettings actions;
};

struct ClassifiedCustomer {
  uint32_t customer = 0;                   // index into Ledger::customers
  int64_t overdue_cents = 0;
  CustomerHistory history;
  ContactSummary contacts;
  Classification classification;
  Score ability, impact;
  RiskQuadrant quadrant = RiskQuadrant::routine;
  uint32_t priority = 0;                   // 1 = first to act on
  ActionPlan plan;
  int64_t allowance_cents = 0;
};

struct OverdueAnalysis {
  std::vector<ClassifiedCustomer> customers;  // overdue customers only, in priority order
  AllowanceResult allowance;                  // every open item, not only overdue customers'
  struct TypeTotal { uint32_t customers = 0; int64_t overdue_cents = 0; };
  TypeTotal by_type[3];                        // indexed by OverdueType
};

// Priority: quadrant (act_now first), then impact score descending, then overdue amount
// descending, then customer id, then ledger index — every tie broken explicitly.
OverdueAnalysis analyze_overdue(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts,
                                const OverdueSettings& settings);

// analyze_overdue in slices, for the page: a bounded number of customers per step(), so a change
// of the as-of date or a threshold never holds a frame for the whole classification (1.7 s at
// 1 M rows in wasm). The result is the same as analyze_overdue's (which runs this to the end).
// The ledger, monitor result, contact log and settings must outlive the job (it keeps references).
class OverdueJob {
 public:
  OverdueJob(const Ledger& ledger, const MonitorResult& monitor, const ContactLog* contacts,
             const OverdueSettings& settings);
  ~OverdueJob();
  OverdueJob(const OverdueJob&) = delete;
  OverdueJob& operator=(const OverdueJob&) = delete;
  // A job (overdue/job/job.hpp): does about `budget.units` units (a customer and each of its
  // rows), or one of the set-up passes or the final sort (which use the whole budget);
  // Step::done when the analysis is complete. Deterministic: the slice size never changes the result.
  Step step(Budget& budget);
  double progress() const;     // 0…1
  OverdueAnalysis take();      // once step() returned Step::done

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace overdue
