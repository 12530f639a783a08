// The page's panels, one file each. Each draws from AppState and changes it only through its
// methods; none holds a user-facing literal (strings.hpp).
#pragma once
#include <string>
#include <vector>

#include "app_state.hpp"
#include "imgui.h"

namespace app {

void draw_main_window(AppState& state);  // layout.cpp: toolbar, files column, tabs

void draw_toolbar(AppState& state);                           // panel_toolbar.cpp
// Export menu item: the HTML report in a new tab, for screen readers (accessible_report.cpp).
void draw_accessible_report_item(AppState& state);
void draw_files_panel(AppState& state);                       // panel_files.cpp
void draw_empty_state(AppState& state);                       // panel_empty.cpp
void draw_mapping_panel(AppState& state, LoadedFile& file);   // panel_mapping.cpp
// The file's line-item layout and rows set aside by status (issue #17), judged by the core as
// `inspect` does, once per revision and keep-drafts choice (panel_mapping.cpp).
void judge_invoices(LoadedFile& file, bool keep_drafts);
void draw_export_layout(AppState& state, LoadedFile& file);   // panel_layout.cpp (issue #9)
void draw_gl_account_picker(AppState& state, LoadedFile& file);   // panel_gl_account.cpp (issue #17)
// Workbooks (issue #18, panel_workbook.cpp): the sheet read and the sheet picker; Excel's day/month
// swap per column with the "keep as stored" switch; the swap of one column, if any.
void draw_sheet_picker(AppState& state, LoadedFile& file);
void draw_date_swaps(AppState& state, LoadedFile& file);
const overdue::DateSwap* date_swap_of(const LoadedFile& file, size_t column);
void draw_data_panel(AppState& state, LoadedFile& file);      // panel_data_table.cpp
void draw_import_summary(AppState& state);                    // panel_import_summary.cpp

// Monitoring (issue #3): shared controls, the overview, the overdue list, one customer.
void draw_analysis_controls(AppState& state);                 // panel_analysis_controls.cpp
// The top of every analysis view: the controls, a separator, and the "no ledger" warning when
// there is nothing to show yet. Returns whether the analysis is available.
bool begin_analysis_view(AppState& state);                   // panel_analysis_controls.cpp
void draw_dashboard(AppState& state);                         // panel_dashboard.cpp
// Customers over their credit limit or near it (issue #20 §4); nothing without limits.
void draw_credit_watch(AppState& state);                      // panel_credit_watch.cpp
void draw_forecast_chart(AppState& state, float height);     // panel_forecast.cpp (issue #20 §1)
void draw_overdue_list(AppState& state);                      // panel_overdue_list.cpp
void draw_customer_detail(AppState& state);                   // panel_customer_detail.cpp
void draw_ledger_summary(AppState& state);                    // panel_ledger_summary.cpp
// Currencies (issue #17 item 6): the reporting currency's money sign for the frame, and the
// per-currency table with the rate fields of the currencies left out.
void sync_money_symbol(const AppState& state);                // panel_currency.cpp
void draw_currency_panel(AppState& state);                    // panel_currency.cpp
// The customer card's classification parts (issue #4).
void draw_type_and_decision(AppState& state, const overdue::ClassifiedCustomer& c);  // panel_customer_classify.cpp
void draw_rule_trace(AppState& state, const overdue::ClassifiedCustomer& c);         // panel_customer_classify.cpp
void draw_scores_breakdown(AppState& state, const overdue::ClassifiedCustomer& c);   // panel_customer_plan.cpp
void draw_action_plan(AppState& state, const overdue::ClassifiedCustomer& c);        // panel_customer_plan.cpp
void draw_contact_summary(AppState& state, const overdue::ClassifiedCustomer& c);    // panel_customer_plan.cpp
void draw_what_if(AppState& state, const overdue::ClassifiedCustomer& real);         // panel_what_if.cpp
// Types overview with the allowance and the risk matrix; the teaching panel (issue #4).
void draw_types_view(AppState& state);                        // panel_types.cpp
void draw_teaching(AppState& state);                          // panel_teaching.cpp
// Opens a customer's card (from the list or the risk matrix).
void open_customer_card(AppState& state, uint32_t customer);
// The overdue list's shown rows (for ui()): count and the first customers' ids.
size_t overdue_list_visible_rows();
std::vector<std::string> overdue_list_first_ids(const AppState& state, size_t n);
// Applies {"as_of":"YYYY-MM-DD"|"latest","threshold":N,"buckets":[…],"step":"day|week|month"}
// from the test hook (any subset of the keys).
void apply_analysis_controls_json(AppState& state, const std::string& json);

// Today's worklist (issue #20 §3): next actions, recording a call, the contact log's download
// (panel_worklist.cpp); what it shows, as JSON for the test hook's ui().
void draw_worklist(AppState& state);
std::string worklist_ui_json(const AppState& state);

// Small shared widgets (widgets.cpp).
void text_muted(const char* text);
// Puts the next item, `width` wide, on this line when it still fits, else on a new line (a narrow
// page wraps a row of controls instead of pushing them past the edge).
void same_line_if_fits(float width, float spacing_factor = 1.0f);
void text_colored_wrapped(const ImVec4& color, const char* text);
void heading(const char* text);
// Right-aligns `text` in the current table cell / line.
void text_right_aligned(const char* text_begin, const char* text_end = nullptr);
void show_notice(AppState& state, std::string text);
// "text", "integer", … in the current language.
const char* column_type_label(overdue::ColumnType type);

}  // namespace app
