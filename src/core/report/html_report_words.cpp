// The report's words that are not the classification's (those are in classify_words.cpp).
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {

std::string limit_change_text(const ActionPlan& plan, Lang lang) {
  std::string change;
  if (plan.credit_limit_change_pct == 0)
    change = text(S::limit_keep, lang);
  else if (plan.credit_limit_change_pct <= -100)
    change = text(S::limit_freeze, lang);
  else
    change = textf(lang, S::limit_lower_fmt, -plan.credit_limit_change_pct);
  return textf(lang, S::limit_change_fmt, change.c_str());
}

}  // namespace overdue::report_detail
