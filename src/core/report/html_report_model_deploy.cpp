// The report's scorecard direction and scaling (issue #21 §2): printed beside the points table.
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {

std::string scorecard_direction_html(const Scorecard& card, Lang lang) {
  return "<p class=\"legend\">" +
         html_escape(textf(lang, S::model_direction_fmt, fixed_text(card.factor, 4).c_str(),
                           fixed_text(card.offset, 4).c_str())) +
         "</p>";
}

}  // namespace overdue::report_detail
