// Strategy per type turned into concrete dated actions (DESIGN.md §4, issue #4).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "overdue/import/table.hpp"

namespace overdue {

enum class OverdueType { temporary, structural, stubborn };
const char* overdue_type_name(OverdueType t);  // "temporary", "structural", "stubborn"

struct ActionSettings {
  // Temporary: a grace period (宽限期) of 30 days — one billing cycle — with reminders 7 days and
  // 1 day before it ends, and a reminder 3 days before each open invoice falls due in the grace period.
  int grace_days = 30;
  std::vector<int> grace_reminder_days_before_end{7, 1};
  int due_reminder_days_before = 3;
  // Structural: installments (分期还款) sized to what the customer paid per month over the last
  // 180 days, between 3 and 12 months; 6 months when it paid nothing. The remainder cents go on
  // the FIRST installment (the schedule never ends with an odd amount and collects sooner).
  int installment_min_months = 3;
  int installment_max_months = 12;
  int installment_default_months = 6;
  // Stubborn: escalation ladder, days after the as-of date, strictly increasing.
  std::vector<int> ladder_days{1, 3, 7, 14, 21, 45};  // call, SMS, visit, formal demand, credit hold, lawyer
  // Credit-limit change by type, percent of the current limit (−100 = freeze at 0).
  int temporary_limit_change_pct = 0;      // keep: a good customer hit by a one-off shock
  int structural_limit_change_pct = -50;   // lower the limit (DESIGN.md §4 "lower credit limit")
  int stubborn_limit_change_pct = -100;    // credit hold (限制交易额度 to nothing)
};

struct PlannedAction {
  int32_t date = kMissingDays;
  std::string action;   // id: "call", "sms", "visit", "formal_demand", "credit_hold", "lawyer",
                        // "contact_understanding", "grace_reminder", "due_reminder", "grace_end",
                        // "installment_agreement"
  int64_t cents = kMissingCents;  // the amount concerned, when there is one
};

struct Installment {
  int number = 0;       // 1-based
  int32_t date = kMissingDays;
  int64_t cents = 0;
};

struct ActionPlan {
  std::vector<PlannedAction> actions;     // by date, then ladder/list order
  std::vector<Installment> installments;  // structural only; add up exactly to ActionInput::overdue_cents
  int32_t grace_end = kMissingDays;       // temporary only
  int credit_limit_change_pct = 0;
  int64_t suggested_credit_limit_cents = kMissingCents;  // when the customer has a credit limit
};

// What the plan needs to know about a customer.
struct ActionInput {
  OverdueType type = OverdueType::temporary;
  int32_t as_of = kMissingDays;
  int64_t overdue_cents = 0;                 // what is asked for: disputed invoices left out
  int64_t paid_last_180_days_cents = 0;
  std::vector<int32_t> upcoming_due_dates;   // open invoices not yet overdue, ascending
  int64_t credit_limit_cents = kMissingCents;
};

// n installments adding up exactly to total (remainder on the first), monthly from as_of + 1 month.
std::vector<Installment> installment_schedule(int64_t total_cents, int months, int32_t as_of);
ActionPlan plan_actions(const ActionInput& in, const ActionSettings& s);

}  // namespace overdue
