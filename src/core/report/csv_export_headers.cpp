// Header rows of the CSV exports (csv_export.hpp): column keys mapped to their texts in the string
// table, and the CsvTable writer. The keys are the JSON field names of analysis_json, so a column can
// be matched to its field.
#include <cstring>
#include <utility>

#include "report/csv_export_internal.hpp"
#include "overdue/report/csv_export.hpp"
#include "overdue/text/strings.hpp"

namespace overdue::csv_detail {
namespace {

constexpr std::pair<const char*, S> kHeaders[] = {
    {"priority", S::csv_col_priority},
    {"customer_id", S::csv_col_customer_id},
    {"customer_name", S::csv_col_customer_name},
    {"sales_rep", S::csv_col_sales_rep},
    {"type", S::csv_col_type},
    {"low_confidence", S::csv_col_low_confidence},
    {"overdue", S::csv_col_overdue},
    {"open", S::csv_col_open},
    {"past_due", S::csv_col_past_due},
    {"max_dpd", S::csv_col_max_dpd},
    {"weighted_dpd", S::csv_col_weighted_dpd},
    {"last_payment", S::csv_col_last_payment},
    {"last_payment_amount", S::csv_col_last_payment_amount},
    {"days_without_payment", S::csv_col_days_without_payment},
    {"ability", S::csv_col_ability},
    {"impact", S::csv_col_impact},
    {"quadrant", S::csv_col_quadrant},
    {"allowance", S::csv_col_allowance},
    {"credit_limit_change_pct", S::csv_col_credit_limit_change_pct},
    {"rules_held", S::csv_col_rules_held},
    {"overdue_flag", S::csv_col_overdue_flag},
    {"newly_overdue", S::csv_col_newly_overdue},
    {"revenue_share", S::csv_col_revenue_share},
    {"bucket", S::csv_col_bucket},
    {"min_dpd", S::csv_col_min_dpd},
    {"invoices", S::csv_col_invoices},
    {"share_of_open", S::csv_col_share_of_open},
    {"date", S::csv_col_date},
    {"overdue_customers", S::csv_col_overdue_customers},
    {"installment", S::csv_col_installment},
    {"amount", S::csv_col_amount},
    {"file", S::csv_col_file},
    {"line", S::csv_col_line},
    {"reason", S::csv_col_reason},
    {"detail", S::csv_col_detail},
    {"rows", S::csv_col_rows},
    // issue #20 §2, §4
    {"in_dispute", S::csv_col_in_dispute},
    {"credit_limit", S::csv_col_credit_limit},
    {"utilisation", S::csv_col_utilisation},
    {"credit_level", S::csv_col_credit_level},
    {"suggested_credit_limit", S::csv_col_suggested_credit_limit},
    {"invoice_id", S::csv_col_invoice_id},
    {"due_date", S::csv_col_due_date},
    {"expected_date", S::csv_col_expected_date},
    {"expected_low", S::csv_col_expected_low},
    {"expected_high", S::csv_col_expected_high},
    {"basis", S::csv_col_basis},
    {"next_action", S::csv_col_next_action},
    {"action_date", S::csv_col_action_date},
    {"last_contact", S::csv_col_last_contact},
    {"promise", S::csv_col_promise},
};

}  // namespace

const char* header_text(std::string_view key, bool zh) {
  for (const auto& [name, id] : kHeaders)
    if (key == name) return text(id, zh ? Lang::zh : Lang::en);
  return nullptr;
}

CsvTable::CsvTable(bool zh, std::initializer_list<const char*> keys) {
  bytes_ = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel and WPS then read the file as UTF-8
  bool first = true;
  for (const char* key : keys) {
    if (!first) bytes_ += ',';
    first = false;
    const char* text = header_text(key, zh);
    bytes_ += csv_field(text ? text : key);
  }
  bytes_ += "\r\n";
}

void CsvTable::row(std::initializer_list<std::string> cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) bytes_ += ',';
    first = false;
    bytes_ += csv_field(cell);
  }
  bytes_ += "\r\n";
}

void CsvTable::row(const std::vector<std::string>& cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) bytes_ += ',';
    first = false;
    bytes_ += csv_field(cell);
  }
  bytes_ += "\r\n";
}

}  // namespace overdue::csv_detail
