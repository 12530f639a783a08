// The report's binning tables (issue #21 §1): in the model section, the binning table
// (binning_table.hpp) of each feature of the scorecard, with the pairs of bins whose bad rates do
// not differ significantly marked.
#include <cstdio>

#include "overdue/model/binning_table.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string th(const char* text, bool number) {
  return std::string(number ? "<th class=\"num\">" : "<th>") + html_escape(text) + "</th>";
}

std::string p_value_html(const BinningTableRow& r) {
  if (r.p_value_next < 0) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", r.p_value_next);
  return r.merge_suggested ? std::string("* ") + text : std::string(text);
}

}  // namespace

void write_model_bins(std::string& out, const ModelLab& lab, Lang lang) {
  if (!lab.scorecard.ok() || lab.scorecard.features.empty()) return;
  auto t = [&](S id) { return text(id, lang); };
  out += "<h3>" + html_escape(t(S::bins_report_heading)) + "</h3><p class=\"legend\">" +
         html_escape(t(S::bins_report_legend)) + "</p><table class=\"points\"><thead><tr>" +
         th(t(S::bins_csv_feature), false) + th(t(S::bins_csv_bin), false) +
         th(t(S::bins_csv_count), true) + th(t(S::bins_csv_share), true) +
         th(t(S::bins_csv_non_events), true) + th(t(S::bins_csv_events), true) +
         th(t(S::bins_csv_event_rate), true) + th(t(S::bins_csv_woe), true) +
         th(t(S::bins_csv_iv), true) + th(t(S::bins_csv_js), true) +
         th(t(S::bins_csv_p_value_next), true) + "</tr></thead><tbody>";
  for (const ScorecardFeature& f : lab.scorecard.features) {
    const BinningTable table = binning_table(f.binning);
    for (size_t k = 0; k < table.rows.size(); ++k) {
      const BinningTableRow& r = table.rows[k];
      out += "<tr><td>" + (k == 0 ? html_escape(f.name) : std::string()) + "</td><td>" +
             html_escape(r.bin) + "</td>" +
             text_cell(count_display(static_cast<int64_t>(r.count)), true) +
             text_cell(percent_display(r.share, 1, lang), true) +
             text_cell(count_display(static_cast<int64_t>(r.non_events)), true) +
             text_cell(count_display(static_cast<int64_t>(r.events)), true) +
             text_cell(percent_display(r.event_rate, 2, lang), true) +
             text_cell(fixed_text(r.woe, 4), true) + text_cell(fixed_text(r.iv, 4), true) +
             text_cell(fixed_text(r.js, 4), true) + text_cell(p_value_html(r), true) + "</tr>";
    }
    const BinningTableRow& s = table.totals;
    out += "<tr><td></td><td>" + html_escape(t(S::bins_csv_totals)) + "</td>" +
           text_cell(count_display(static_cast<int64_t>(s.count)), true) +
           text_cell(percent_display(1.0, 1, lang), true) +
           text_cell(count_display(static_cast<int64_t>(s.non_events)), true) +
           text_cell(count_display(static_cast<int64_t>(s.events)), true) +
           text_cell(percent_display(s.event_rate, 2, lang), true) + "<td></td>" +
           text_cell(fixed_text(s.iv, 4), true) + text_cell(fixed_text(s.js, 4), true) +
           "<td></td></tr>";
  }
  out += "</tbody></table>";
}

}  // namespace overdue::report_detail
