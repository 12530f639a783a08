// The report's first two sections: data and reconciliation (what was read, what was rejected and
// why) and the parameters the analysis used (so a printed report says how it was made).
#include <algorithm>

#include "overdue/report/analysis_json.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string e(std::string_view s) { return html_escape(s); }

struct Rejected {
  uint32_t file;
  uint64_t line;
  const std::string* reason;
};

void setting_row_html(std::string& out, std::string_view label_html, std::string_view value_html) {
  out += "<tr><td>" + std::string(label_html) + "</td><td class=\"num\">" +
         std::string(value_html) + "</td></tr>";
}

void setting_row(std::string& out, std::string_view label, std::string_view value_html) {
  setting_row_html(out, e(label), value_html);
}

std::string int_list(const std::vector<int>& values) {
  std::string s;
  for (int v : values) s += (s.empty() ? "" : ", ") + std::to_string(v);
  return s;
}

std::string share(double v, Lang lang) { return percent_display(v, 0, lang); }
std::string number(double v) {
  return fixed_text(v, v == static_cast<double>(static_cast<int64_t>(v)) ? 0 : 2);
}

}  // namespace

void open_section(std::string& out, const char* id, const char* title) {
  out += "<section class=\"report-section\" id=\"";
  out += id;
  out += "\"><h2>" + e(title) + "</h2>";
}

void close_section(std::string& out) { out += "</section>\n"; }

void write_reconciliation(std::string& out, const Context& c) {
  open_section(out, "reconciliation", c.t(S::sec_reconciliation));
  out += "<h3>" + e(c.t(S::rec_files_heading)) + "</h3><table><thead><tr><th>" +
         e(c.t(S::summary_file)) + "</th><th>" + e(c.t(S::table_kind)) + "</th><th>" +
         e(c.t(S::encoding)) + "</th><th class=\"num\">" + e(c.t(S::summary_read)) +
         "</th><th class=\"num\">" + e(c.t(S::summary_accepted)) + "</th><th class=\"num\">" +
         e(c.t(S::summary_rejected)) + "</th></tr></thead><tbody>";
  RowCounts import_total;
  for (size_t f = 0; f < c.files.size(); ++f) {
    const ImportedFile& file = c.files[f];
    const char* kind = file.table_kind == TableKind::none ? c.t(S::kind_not_recognised)
                                               : table_kind_label(table_kind_name(file.table_kind), c.lang);
    out += "<tr><td>" + e(file.name) + "</td><td>" + e(kind ? std::string_view(kind) : table_kind_name(file.table_kind)) +
           "</td><td>" + e(encoding_name(file.encoding)) + "</td><td class=\"num\">" +
           count_display(static_cast<int64_t>(file.rows.read)) + "</td><td class=\"num\">" +
           count_display(static_cast<int64_t>(file.rows.accepted)) + "</td><td class=\"num\">" +
           count_display(static_cast<int64_t>(file.rows.rejected)) + "</td></tr>";
    import_total.read += file.rows.read;
    import_total.accepted += file.rows.accepted;
    import_total.rejected += file.rows.rejected;
  }
  out += "</tbody></table>";

  // The ledger's counts are the JSON's "rows" (import and ledger together).
  const RowCounts& rows = c.ledger.rows;
  out += "<h3>" + e(c.t(S::rec_ledger_heading)) + "</h3><p>";
  // Set-aside rows (drafts, void invoices, other accounts) appear only when there are some, so the
  // report of a file with none reads as before.
  const bool set_aside = rows.set_aside > 0;
  out += "<span" + raw_attr("rows.read", std::to_string(rows.read)) + ">" +
         count_display(static_cast<int64_t>(rows.read)) + "</span> = <span" +
         raw_attr("rows.accepted", std::to_string(rows.accepted)) + ">" +
         count_display(static_cast<int64_t>(rows.accepted)) + "</span> + <span";
  if (set_aside)
    out += raw_attr("rows.set_aside", std::to_string(rows.set_aside)) + ">" +
           count_display(static_cast<int64_t>(rows.set_aside)) + "</span> + <span";
  const bool reconciles = rows.read == rows.accepted + rows.set_aside + rows.rejected;
  out += raw_attr("rows.rejected", std::to_string(rows.rejected)) + ">" +
         count_display(static_cast<int64_t>(rows.rejected)) + "</span> · " +
         e(c.t(!reconciles ? S::summary_does_not_reconcile
                           : set_aside ? S::summary_reconciles_set_aside : S::summary_reconciles)) +
         "</p><p class=\"legend\">" +
         e(set_aside ? textf(c.lang, S::rec_rows_set_aside_fmt, count_display(static_cast<int64_t>(rows.read)).c_str(),
                             count_display(static_cast<int64_t>(rows.accepted)).c_str(),
                             count_display(static_cast<int64_t>(rows.set_aside)).c_str(),
                             count_display(static_cast<int64_t>(rows.rejected)).c_str())
                     : textf(c.lang, S::rec_rows_fmt, count_display(static_cast<int64_t>(rows.read)).c_str(),
                             count_display(static_cast<int64_t>(rows.accepted)).c_str(),
                             count_display(static_cast<int64_t>(rows.rejected)).c_str())) +
         "</p><p>" +
         e(textf(c.lang, S::ledger_counts_fmt,
                 count_display(static_cast<int64_t>(c.ledger.customers.size())).c_str(),
                 count_display(static_cast<int64_t>(c.ledger.invoices.size())).c_str(),
                 count_display(static_cast<int64_t>(c.ledger.payments.size())).c_str())) +
         "</p>";

  // Rejected rows: import and ledger, by file then line (the order of the JSON and rejected.csv).
  std::vector<Rejected> all;
  for (size_t f = 0; f < c.files.size(); ++f)
    for (const RejectedRow& row : c.files[f].rejected)
      all.push_back({static_cast<uint32_t>(f), row.line, &row.reason});
  for (const LedgerRejectedRow& row : c.ledger.rejected)
    all.push_back({row.file, row.line, &row.reason});
  std::stable_sort(all.begin(), all.end(), [](const Rejected& a, const Rejected& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  out += "<h3>" + e(c.t(S::rejected_heading)) + "</h3>";
  if (all.empty()) {
    out += "<p>" + e(c.t(S::rejected_none)) + "</p>";
  } else {
    out += "<table class=\"rejected\"" + raw_attr("rejected_count", std::to_string(all.size())) +
           "><thead><tr><th>" + e(c.t(S::summary_file)) + "</th><th class=\"num\">" +
           e(c.t(S::error_line)) + "</th><th>" + e(c.t(S::error_reason)) +
           "</th></tr></thead><tbody>";
    for (size_t i = 0; i < all.size() && i < kReportRejectedListed; ++i) {
      const std::string file =
          all[i].file < c.files.size() ? c.files[all[i].file].label() : std::to_string(all[i].file);
      out += "<tr><td>" + e(file) + "</td><td class=\"num\">" + std::to_string(all[i].line) +
             "</td><td>" + e(*all[i].reason) + "</td></tr>";
    }
    out += "</tbody></table>";
    if (all.size() > kReportRejectedListed)
      out += "<p class=\"note\">" +
             e(textf(c.lang, S::rec_rejected_listed_fmt,
                     count_display(static_cast<int64_t>(kReportRejectedListed)).c_str(),
                     count_display(static_cast<int64_t>(all.size())).c_str())) +
             "</p>";
  }

  if (!c.ledger.set_aside.empty()) {
    std::vector<const SetAsideRow*> list;
    for (const SetAsideRow& r : c.ledger.set_aside) list.push_back(&r);
    std::stable_sort(list.begin(), list.end(), [](const SetAsideRow* a, const SetAsideRow* b) {
      return a->file != b->file ? a->file < b->file : a->line < b->line;
    });
    out += "<h3>" + e(c.t(S::set_aside_heading)) + "</h3><table class=\"rejected\"><thead><tr><th>" +
           e(c.t(S::summary_file)) + "</th><th class=\"num\">" + e(c.t(S::error_line)) + "</th><th>" +
           e(c.t(S::error_reason)) + "</th><th class=\"num\">" + e(c.t(S::csv_col_rows)) + "</th></tr></thead><tbody>";
    for (size_t i = 0; i < list.size() && i < kReportRejectedListed; ++i) {
      const SetAsideRow& r = *list[i];
      const std::string file = r.file < c.files.size() ? c.files[r.file].label() : std::to_string(r.file);
      out += "<tr><td>" + e(file) + "</td><td class=\"num\">" + std::to_string(r.line) + "</td><td>" + e(r.reason) +
             "</td><td class=\"num\">" + count_display(static_cast<int64_t>(r.rows)) + "</td></tr>";
    }
    out += "</tbody></table>";
  }

  const ContactLog& log = c.contacts;
  out += "<p>";
  if (log.present)
    out += e(textf(c.lang, S::rec_contact_log_fmt,
                   count_display(static_cast<int64_t>(log.rows_read)).c_str(),
                   count_display(static_cast<int64_t>(log.contacts.size())).c_str(),
                   count_display(static_cast<int64_t>(log.rejected.size())).c_str()));
  else
    out += e(c.t(S::rec_no_contact_log));
  out += "</p>";
  if (!c.ledger.assumptions.empty()) {
    out += "<h3>" + e(c.t(S::ledger_assumptions)) + "</h3><ul>";
    for (const std::string& a : c.ledger.assumptions) out += "<li>" + e(a) + "</li>";
    out += "</ul>";
  }
  if (!c.ledger.notes.empty()) {
    out += "<h3>" + e(c.t(S::ledger_notes)) + "</h3><ul>";
    for (size_t i = 0; i < c.ledger.notes.size() && i < kReportRejectedListed; ++i)
      out += "<li>" + e(c.ledger.notes[i]) + "</li>";
    out += "</ul>";
  }
  close_section(out);
}

void write_parameters(std::string& out, const Context& c) {
  const Lang lang = c.lang;
  const MonitorOptions& m = c.result.options;
  const OverdueSettings& o = c.settings.overdue;
  const ClassifySettings& k = o.classify;
  open_section(out, "parameters", c.t(S::sec_parameters));
  const std::string head = "<table class=\"settings\"><thead><tr><th>" + e(c.t(S::col_setting)) +
                           "</th><th class=\"num\">" + e(c.t(S::col_value)) +
                           "</th></tr></thead><tbody>";
  out += "<h3>" + e(c.t(S::param_monitor_heading)) + "</h3>" + head;
  setting_row(out, c.t(S::as_of_date),
              "<span" + raw_attr("as_of", iso_date_text(c.result.as_of)) + ">" +
                  iso_date_text(c.result.as_of) + "</span>");
  setting_row(out, c.t(S::threshold_days),
              "<span" + raw_attr("threshold_days", std::to_string(m.threshold_days)) + ">" +
                  std::to_string(m.threshold_days) + "</span>");
  setting_row(out, c.t(S::bucket_edges), int_list(m.bucket_edges));
  const S step = m.step == ReplayStep::day     ? S::step_day
                 : m.step == ReplayStep::month ? S::step_month
                                               : S::step_week;
  setting_row(out, c.t(S::replay_step), e(c.t(step)));
  setting_row(out, c.t(S::param_dso_window), e(days_display(m.dso_window_days, lang)));
  setting_row(out, c.t(S::param_top_n), std::to_string(m.top_n));
  out += "</tbody></table>";

  out += "<h3>" + e(c.t(S::param_rules_heading)) + "</h3>" + head;
  const struct {
    S label;
    std::string value;
  } rules[] = {
      {S::set_tolerance, std::to_string(k.on_time_tolerance_days)},
      {S::set_no_payment_days, std::to_string(k.stubborn_no_payment_days)},
      {S::set_stubborn_dpd, std::to_string(k.stubborn_dpd)},
      {S::set_broken, std::to_string(k.broken_promises)},
      {S::set_refusals, std::to_string(k.refusals)},
      {S::set_repeated, std::to_string(k.repeated_episodes)},
      {S::set_repeated_lookback, std::to_string(k.repeated_episodes_lookback_days)},
      {S::set_repeated_gap, std::to_string(k.repeated_episode_gap_days)},
      {S::set_chronic_late, fixed_text(k.chronic_late_share * 100, 0)},
      {S::set_rising_factor, number(k.rising_balance_factor)},
      {S::set_rising_lookback, std::to_string(k.rising_balance_lookback_days)},
      {S::set_partial_share, fixed_text(k.partial_payment_share * 100, 0)},
      {S::set_partial_min, std::to_string(k.partial_min_payments)},
      {S::set_good_record, fixed_text(k.good_record_on_time_share * 100, 0)},
      {S::set_serious_dpd, std::to_string(k.serious_episode_dpd)},
      {S::set_recent_episode, std::to_string(k.recent_episode_days)},
      {S::set_payments_continue, std::to_string(k.payments_continue_days)},
      {S::set_min_settled, std::to_string(k.min_settled_invoices)},
      {S::set_min_history, std::to_string(k.min_history_days)},
  };
  for (const auto& r : rules) setting_row(out, c.t(r.label), r.value);
  out += "</tbody></table>";

  const ScoreSettings& sc = o.scores;
  out += "<h3>" + e(c.t(S::param_weights_heading)) + "</h3>" + head;
  setting_row(out, c.t(S::weights_ability),
              e(std::string(c.t(S::in_paid_ratio)) + " " + number(sc.ability.paid_ratio) + " · " +
                c.t(S::in_recency) + " " + number(sc.ability.recency) + " · " +
                c.t(S::in_partial_trend) + " " + number(sc.ability.partial_trend) + " · " +
                c.t(S::in_on_time_share) + " " + number(sc.ability.on_time_share)));
  setting_row(out, c.t(S::weights_impact),
              e(std::string(c.t(S::in_overdue_amount)) + " " + number(sc.impact.overdue_amount) +
                " · " + c.t(S::in_overdue_share) + " " + number(sc.impact.overdue_share) + " · " +
                c.t(S::in_dpd_severity) + " " + number(sc.impact.dpd_severity) + " · " +
                c.t(S::in_revenue_share) + " " + number(sc.impact.revenue_share)));
  setting_row(out, c.t(S::param_recency_horizon), e(days_display(sc.recency_horizon_days, lang)));
  setting_row(out, c.t(S::param_share_cap), e(share(sc.share_cap, lang)));
  setting_row(out, c.t(S::param_severity_cap), e(days_display(sc.severity_dpd_cap, lang)));
  setting_row(out, c.t(S::set_high_ability), number(sc.high_ability));
  setting_row(out, c.t(S::set_high_impact), number(sc.high_impact));
  out += "</tbody></table>";

  const AllowanceSettings& al = o.allowance;
  out += "<h3>" + e(c.t(S::allowance_heading)) + "</h3>" + head;
  setting_row(out, c.t(S::allowance_method),
              e(c.t(al.method == AllowanceMethod::dpd_bucket ? S::method_dpd_bucket
                                                             : S::method_invoice_age)));
  const std::vector<AllowanceBand>& bands =
      al.method == AllowanceMethod::dpd_bucket ? al.dpd_bands : al.age_bands;
  for (const AllowanceBand& b : bands)
    setting_row_html(out, allowance_band_label(b.label, al.method, lang),
                     percent_display(b.rate_bp / 10000.0, 2, lang));
  out += "</tbody></table>";

  const ActionSettings& a = o.actions;
  out += "<h3>" + e(c.t(S::param_actions_heading)) + "</h3>" + head;
  setting_row(
      out, c.t(S::param_grace),
      e(days_display(a.grace_days, lang) + "; " +
        textf(lang, S::param_days_list_fmt, int_list(a.grace_reminder_days_before_end).c_str())));
  setting_row(out, c.t(S::param_due_reminder), e(days_display(a.due_reminder_days_before, lang)));
  setting_row(out, c.t(S::param_installments),
              std::to_string(a.installment_min_months) + " / " +
                  std::to_string(a.installment_default_months) + " / " +
                  std::to_string(a.installment_max_months));
  setting_row(out, c.t(S::param_ladder), e(int_list(a.ladder_days)));
  setting_row(out, c.t(S::param_limits),
              std::to_string(a.temporary_limit_change_pct) + " % / " +
                  std::to_string(a.structural_limit_change_pct) + " % / " +
                  std::to_string(a.stubborn_limit_change_pct) + " %");
  out += "</tbody></table>";
  close_section(out);
}

}  // namespace overdue::report_detail
