// Action plans per type (DESIGN.md §4, issue #4): grace period and reminders (temporary),
// installment schedule (structural), escalation ladder (stubborn), credit-limit change.
#include "overdue/classify/actions.hpp"

#include <algorithm>

#include "overdue/text/civil_date.hpp"

namespace overdue {

const char* overdue_type_name(OverdueType t) {
  switch (t) {
    case OverdueType::temporary: return "temporary";
    case OverdueType::structural: return "structural";
    case OverdueType::stubborn: break;
  }
  return "stubborn";
}

std::vector<Installment> installment_schedule(int64_t total_cents, int months, int32_t as_of) {
  std::vector<Installment> out;
  if (months < 1 || total_cents <= 0) return out;
  // Equal parts rounded down; the remainder (< months cents) is added to the FIRST installment.
  const int64_t part = total_cents / months, remainder = total_cents % months;
  for (int k = 1; k <= months; ++k)
    out.push_back({k, add_months(as_of, k), part + (k == 1 ? remainder : 0)});
  return out;
}

ActionPlan plan_actions(const ActionInput& in, const ActionSettings& s) {
  ActionPlan plan;
  auto add = [&](int32_t date, const char* action, int64_t cents = kMissingCents) {
    plan.actions.push_back({date, action, cents});
  };
  switch (in.type) {
    case OverdueType::temporary: {
      plan.grace_end = in.as_of + std::max(1, s.grace_days);
      add(in.as_of + 1, "contact_understanding", in.overdue_cents);
      for (int before : s.grace_reminder_days_before_end) {
        const int32_t d = plan.grace_end - before;
        if (d > in.as_of + 1 && d < plan.grace_end) add(d, "grace_reminder", in.overdue_cents);
      }
      for (int32_t due : in.upcoming_due_dates) {
        const int32_t d = due - s.due_reminder_days_before;
        if (d > in.as_of && d <= plan.grace_end) add(d, "due_reminder");
      }
      add(plan.grace_end, "grace_end", in.overdue_cents);
      plan.credit_limit_change_pct = s.temporary_limit_change_pct;
      break;
    }
    case OverdueType::structural: {
      int months = s.installment_default_months;
      const int64_t monthly = in.paid_last_180_days_cents / 6;  // what it managed to pay per month
      if (monthly > 0) {
        const int64_t need = (in.overdue_cents + monthly - 1) / monthly;
        months = static_cast<int>(std::min<int64_t>(need, s.installment_max_months));
      }
      months = std::clamp(months, std::max(1, s.installment_min_months),
                          std::max(std::max(1, s.installment_min_months), s.installment_max_months));
      plan.installments = installment_schedule(in.overdue_cents, months, in.as_of);
      add(in.as_of + 1, "installment_agreement", in.overdue_cents);
      for (const Installment& i : plan.installments) add(i.date, "installment_due", i.cents);
      plan.credit_limit_change_pct = s.structural_limit_change_pct;
      break;
    }
    case OverdueType::stubborn: {
      static const char* kLadder[] = {"call", "sms", "visit", "formal_demand", "credit_hold", "lawyer"};
      int32_t previous = in.as_of;
      for (size_t k = 0; k < 6; ++k) {
        const int offset = k < s.ladder_days.size() ? s.ladder_days[k] : 1;
        // Keep the ladder strictly after the as-of date and strictly increasing even if the
        // settings are not.
        const int32_t d = std::max(previous + 1, in.as_of + offset);
        add(d, kLadder[k], in.overdue_cents);
        previous = d;
      }
      plan.credit_limit_change_pct = s.stubborn_limit_change_pct;
      break;
    }
  }
  std::stable_sort(plan.actions.begin(), plan.actions.end(),
                   [](const PlannedAction& a, const PlannedAction& b) { return a.date < b.date; });
  if (in.credit_limit_cents != kMissingCents && in.credit_limit_cents >= 0) {
    // limit × (100 + pct) ÷ 100, rounded down to the cent (never suggests more than intended).
    const int pct = std::clamp(plan.credit_limit_change_pct, -100, 1000);
    plan.suggested_credit_limit_cents = in.credit_limit_cents * (100 + pct) / 100;
  }
  return plan;
}

}  // namespace overdue
