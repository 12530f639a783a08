// The page's one string table: every user-facing text, in English and Chinese (DESIGN.md §7).
// Panels ask for tr(S::…); no panel holds a user-facing literal.
#pragma once
#include <string>
#include <string_view>

namespace app {

enum class Lang { en, zh };

// One id per text. Keep the order of kEntries in strings.cpp (checked at compile time).
enum class S : int {
  // toolbar
  app_title,
  app_tagline,
  cannot_start_webgl2,
  open_files,
  language_other,
  theme_light,
  theme_dark,
  // empty state
  drop_title,
  drop_hint,
  drop_formats,
  drop_privacy,
  // files panel
  files_heading,
  files_empty,
  status_queued,
  status_reading,
  status_typing,
  status_failed,
  rows_count_fmt,       // "%s rows"
  rejected_count_fmt,   // "%s rejected"
  remove_file,
  kind_not_recognised,
  // tabs
  tab_data,
  tab_mapping,
  tab_summary,
  no_file_selected,
  file_unreadable,
  file_still_loading,
  // mapping screen
  mapping_intro,
  encoding,
  delimiter,
  header_row,
  yes,
  no,
  table_kind,
  delimiter_comma,
  delimiter_semicolon,
  delimiter_tab,
  delimiter_pipe,
  delimiter_spaces,
  column_index,
  column_name,
  column_type,
  column_date_order,
  column_role,
  column_missing,
  column_samples,
  type_text,
  type_integer,
  type_decimal,
  type_date,
  type_money_suffix,
  date_order_automatic,
  date_order_month_first,
  date_order_day_first,
  date_order_ambiguous,
  date_order_not_applicable,
  role_none,
  role_set_by_you,
  kind_set_by_you,
  // data table
  filter_hint,
  rows_shown_fmt,       // "%s of %s rows"
  filtering_fmt,        // "Filtering… %d%%"
  sorting,
  copy_tsv,
  copied_rows_fmt,      // "Copied %s rows"
  copied_rows_capped_fmt,  // "Copied the first %s of %s rows"
  line_number,
  cell_not_parsed,
  // import summary
  summary_rows_heading,
  summary_file,
  summary_read,
  summary_accepted,
  summary_rejected,
  summary_cell_errors,
  summary_total,
  summary_reconciles,
  summary_does_not_reconcile,
  rejected_heading,
  rejected_none,
  cell_errors_heading,
  cell_errors_none,
  cell_errors_listed_fmt,   // "%s listed of %s"
  error_line,
  error_column,
  error_text,
  error_reason,
  notes_heading,
  summary_no_files,
  // role labels (DESIGN.md §1)
  role_customer_id,
  role_customer_name,
  role_invoice_id,
  role_invoice_date,
  role_due_date,
  role_terms_days,
  role_amount,
  role_paid_amount,
  role_paid_date,
  role_payment_date,
  role_payment_amount,
  role_contact,
  role_company,
  role_person_in_charge,
  role_credit_limit,
  role_segment,
  role_contact_date,
  role_channel,
  role_outcome,
  role_promised_date,
  role_promised_amount,
  role_entry_date,
  role_debit,
  role_credit,
  role_balance,
  role_direction,
  role_open_amount,
  role_currency,
  role_sales_rep,
  role_target,
  // table kinds
  kind_ledger,
  kind_invoices,
  kind_payments,
  kind_running_ledger,
  kind_customers,
  kind_contacts,
  kind_accounts,
  count_
};

void set_language(Lang lang);
Lang language();
// "zh", "zh-CN", "zh-TW" … → Chinese; anything else → English.
Lang language_for_locale(std::string_view locale);

const char* tr(S id);
// Label of a role or table-kind name in the current language; nullptr when the name is unknown.
const char* role_label(std::string_view role);
const char* table_kind_label(std::string_view kind);

// printf-style formatting of a translated pattern (patterns only take %s and %d).
std::string trf(S id, ...);

}  // namespace app
