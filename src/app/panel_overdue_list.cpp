// The overdue list (issues #3 and #4, "The page"): every customer (or only the overdue ones) with
// its priority, type (coloured badge), ability and impact scores, open, overdue, max and weighted
// DPD, oldest open invoice, last payment, revenue share, newly overdue and the payment-pattern
// change; sortable by any column (ties by customer order; by priority by default), filtered by
// type, searchable by name or id through the IME text field. Clicking a row opens the customer
// card. Below it, the overdue-by-sales-rep summary.
#include <algorithm>
#include <cstring>

#include "format.hpp"
#include "keyboard_nav.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "classify_text.hpp"
#include "text_field.hpp"
#include "theme.hpp"

namespace app {
namespace {

enum Column : int {
  col_name, col_id, col_rep, col_open, col_overdue, col_max_dpd, col_weighted_dpd, col_oldest,
  col_last_date, col_last_amount, col_share, col_new, col_pattern,
  // issue #4 (ids after the monitoring ones, so header names "overdue.header.<id>" stay stable)
  col_type, col_priority, col_ability, col_impact,
  // issue #20: the amount in dispute and open ÷ credit limit
  col_in_dispute, col_credit, col_count
};
// Left to right: who to act on first and why, then the monitoring figures.
constexpr int kDisplayOrder[col_count] = {col_name, col_priority, col_type, col_overdue, col_in_dispute, col_max_dpd,
                                          col_ability, col_impact, col_open, col_credit, col_weighted_dpd, col_id,
                                          col_rep, col_oldest, col_last_date, col_last_amount, col_share, col_new,
                                          col_pattern};

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

int32_t oldest_open_date(const overdue::Ledger& l, const overdue::CustomerStatus& c) {
  return c.oldest_open_invoice >= 0 ? l.invoices[c.oldest_open_invoice].invoice_date : overdue::kMissingDays;
}

// -1, 0, 1 comparison of two customers on one column; missing dates sort first ascending.
int compare(const Analysis& an, const overdue::CustomerStatus& a, const overdue::CustomerStatus& b, int column) {
  const overdue::Ledger& l = an.ledger();
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  const overdue::ClassifiedCustomer* ca = column >= col_type ? an.classified(a.customer) : nullptr;
  const overdue::ClassifiedCustomer* cb = column >= col_type ? an.classified(b.customer) : nullptr;
  switch (column) {
    case col_in_dispute: return cmp(a.disputed_cents, b.disputed_cents);
    case col_credit: {   // customers without a limit first ascending; a limit of 0 above any share
      const overdue::CreditStatus* x = overdue::credit_status_of(an.credit_watch(), a.customer);
      const overdue::CreditStatus* y = overdue::credit_status_of(an.credit_watch(), b.customer);
      auto key = [](const overdue::CreditStatus* c) { return !c ? -1.0 : c->utilisation ? *c->utilisation : 1e300; };
      return cmp(key(x), key(y));
    }
    // Customers without a classification (not overdue) sort after every classified one.
    case col_priority: return cmp(ca ? ca->priority : UINT32_MAX, cb ? cb->priority : UINT32_MAX);
    case col_type: return cmp(ca ? static_cast<int>(ca->classification.type) : -1, cb ? static_cast<int>(cb->classification.type) : -1);
    case col_ability: return cmp(ca ? ca->ability.value : -1.0, cb ? cb->ability.value : -1.0);
    case col_impact: return cmp(ca ? ca->impact.value : -1.0, cb ? cb->impact.value : -1.0);
    case col_name: return cmp(l.customers[a.customer].name, l.customers[b.customer].name);
    case col_id: return cmp(l.customers[a.customer].id, l.customers[b.customer].id);
    case col_rep: return cmp(l.customers[a.customer].sales_rep, l.customers[b.customer].sales_rep);
    case col_open: return cmp(a.open_cents, b.open_cents);
    case col_overdue: return cmp(a.overdue_cents, b.overdue_cents);
    case col_max_dpd: return cmp(a.max_dpd, b.max_dpd);
    case col_weighted_dpd: return cmp(a.weighted_dpd, b.weighted_dpd);
    case col_oldest: return cmp(oldest_open_date(l, a), oldest_open_date(l, b));
    case col_last_date: return cmp(a.last_payment_date, b.last_payment_date);
    case col_last_amount: return cmp(a.last_payment_cents, b.last_payment_cents);
    case col_share: return cmp(a.revenue_share, b.revenue_share);
    case col_new: return cmp(a.newly_overdue, b.newly_overdue);
    case col_pattern: {
      const int fa = a.pattern && a.pattern->flagged ? 1 : 0, fb = b.pattern && b.pattern->flagged ? 1 : 0;
      return cmp(fa, fb);
    }
    default: return 0;
  }
}

// The shown rows, rebuilt only when the result, the sort, the search or the filter changes.
struct ListView {
  uint64_t revision = UINT64_MAX;
  uint64_t classify_revision = UINT64_MAX;
  int type_filter = -2;
  int column = -2;
  bool descending = false;
  std::string search;
  bool overdue_only = false;
  std::vector<uint32_t> rows;  // indices into MonitorResult::customers
};
ListView g_view;

void refresh_view(const AppState& state) {
  const Analysis& a = state.analysis;
  if (g_view.revision == a.revision() && g_view.classify_revision == a.classify_revision() &&
      g_view.type_filter == state.customer_type_filter && g_view.column == state.customer_sort_column &&
      g_view.descending == state.customer_sort_descending && g_view.search == state.customer_search &&
      g_view.overdue_only == state.overdue_only)
    return;
  g_view.revision = a.revision();
  g_view.classify_revision = a.classify_revision();
  g_view.type_filter = state.customer_type_filter;
  g_view.column = state.customer_sort_column;
  g_view.descending = state.customer_sort_descending;
  g_view.search = state.customer_search;
  g_view.overdue_only = state.overdue_only;
  g_view.rows.clear();
  const overdue::Ledger& l = a.ledger();
  const auto& customers = a.result().customers;
  const std::string needle = ascii_lower(state.customer_search);
  for (uint32_t i = 0; i < customers.size(); ++i) {
    const overdue::CustomerStatus& c = customers[i];
    if (state.overdue_only && !c.overdue) continue;
    if (state.customer_type_filter >= 0) {
      const overdue::ClassifiedCustomer* cc = a.classified(c.customer);
      if (!cc || static_cast<int>(cc->classification.type) != state.customer_type_filter) continue;
    }
    if (!needle.empty()) {
      const overdue::Customer& info = l.customers[c.customer];
      if (ascii_lower(info.name).find(needle) == std::string::npos &&
          ascii_lower(info.id).find(needle) == std::string::npos)
        continue;
    }
    g_view.rows.push_back(i);
  }
  const int column = g_view.column;
  const bool desc = g_view.descending;
  std::sort(g_view.rows.begin(), g_view.rows.end(), [&](uint32_t x, uint32_t y) {
    const int c = compare(a, customers[x], customers[y], column);
    if (c != 0) return desc ? c > 0 : c < 0;
    return x < y;  // explicit tie-break: customer order
  });
}

void cell_right(const std::string& text) { text_right_aligned(text.c_str()); }

int column_index(int column) {
  for (int i = 0; i < col_count; ++i)
    if (kDisplayOrder[i] == column) return i;
  return 0;
}

std::string date_or_dash(int32_t days) { return days == overdue::kMissingDays ? "—" : format_iso_date(days); }

void draw_customer_table(AppState& state, float height) {
  const Analysis& a = state.analysis;
  const overdue::Ledger& l = a.ledger();
  const auto& customers = a.result().customers;
  const float s = state.dpr;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Hideable;
  flatten_next_table_for_keyboard();  // Tab reaches the rows (keyboard_nav.hpp)
  if (!ImGui::BeginTable("##overdue_list", col_count, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  const ImGuiTableColumnFlags desc_first = ImGuiTableColumnFlags_PreferSortDescending;
  for (int c : kDisplayOrder) {
    switch (c) {
      case col_name: ImGui::TableSetupColumn(tr(overdue::S::col_customer), ImGuiTableColumnFlags_NoHide, 200 * s, c); break;
      case col_priority: ImGui::TableSetupColumn(tr(overdue::S::col_priority), ImGuiTableColumnFlags_DefaultSort, 0, c); break;
      case col_type: ImGui::TableSetupColumn(tr(overdue::S::col_type), 0, 0, c); break;
      case col_ability: ImGui::TableSetupColumn(tr(overdue::S::col_ability), 0, 0, c); break;
      case col_impact: ImGui::TableSetupColumn(tr(overdue::S::col_impact), desc_first, 0, c); break;
      case col_id: ImGui::TableSetupColumn(tr(S::col_customer_id), 0, 90 * s, c); break;
      case col_rep: ImGui::TableSetupColumn(tr(S::col_sales_rep), 0, 90 * s, c); break;
      case col_open: ImGui::TableSetupColumn(tr(S::col_open), desc_first, 120 * s, c); break;
      case col_overdue: ImGui::TableSetupColumn(tr(overdue::S::col_overdue), desc_first, 120 * s, c); break;
      case col_max_dpd: ImGui::TableSetupColumn(tr(overdue::S::col_max_dpd), desc_first, 0, c); break;
      case col_weighted_dpd: ImGui::TableSetupColumn(tr(S::col_weighted_dpd), desc_first, 0, c); break;
      case col_oldest: ImGui::TableSetupColumn(tr(S::col_oldest_open), 0, 0, c); break;
      case col_last_date: ImGui::TableSetupColumn(tr(S::col_last_payment), desc_first, 0, c); break;
      case col_last_amount: ImGui::TableSetupColumn(tr(S::col_last_payment_amount), desc_first, 110 * s, c); break;
      case col_share: ImGui::TableSetupColumn(tr(S::col_revenue_share), desc_first, 0, c); break;
      case col_new: ImGui::TableSetupColumn(tr(S::col_newly_overdue), desc_first, 0, c); break;
      case col_pattern: ImGui::TableSetupColumn(tr(S::col_pattern), desc_first, 260 * s, c); break;
      case col_in_dispute: ImGui::TableSetupColumn(tr(overdue::S::col_in_dispute), desc_first, 120 * s, c); break;
      case col_credit: ImGui::TableSetupColumn(tr(overdue::S::col_utilisation), desc_first, 0, c); break;
      default: break;
    }
  }
  // Header row by hand: header rectangles for the test, and tooltips on the derived columns.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int i = 0; i < col_count; ++i) {
    const int c = kDisplayOrder[i];
    if (!ImGui::TableSetColumnIndex(i)) continue;
    ImGui::PushID(c);
    ImGui::TableHeader(ImGui::TableGetColumnName(i));
    record_item_rect(state, "overdue.header." + std::to_string(c));
    const S tip = c == col_in_dispute   ? S::tip_in_dispute
                  : c == col_credit     ? S::tip_over_limit
                  : c == col_weighted_dpd ? S::tip_weighted_dpd
                  : c == col_share      ? S::tip_revenue_share
                  : c == col_new        ? S::tip_newly_overdue
                  : c == col_priority   ? S::tip_priority
                                        : S::count_;
    if (tip != S::count_ && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", tr(tip));
    ImGui::PopID();
  }

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      state.customer_sort_column = specs->Specs[0].ColumnUserID;
      state.customer_sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      specs->SpecsDirty = false;
    }
  }
  refresh_view(state);

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(g_view.rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const overdue::CustomerStatus& c = customers[g_view.rows[r]];
      const overdue::Customer& info = l.customers[c.customer];
      ImGui::TableNextRow();
      ImGui::PushID(r);
      ImGui::TableSetColumnIndex(column_index(col_name));
      const bool selected = a.selected_customer == static_cast<int>(c.customer);
      if (ImGui::Selectable(info.name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        open_customer_card(state, c.customer);
      }
      if (r < 3) record_item_rect(state, "overdue.row" + std::to_string(r));
      if (const overdue::ClassifiedCustomer* cc = a.classified(c.customer)) {
        ImGui::TableSetColumnIndex(column_index(col_priority));
        cell_right(format_count(cc->priority));
        ImGui::TableSetColumnIndex(column_index(col_type));
        type_badge(cc->classification.type, cc->classification.low_confidence);
        ImGui::TableSetColumnIndex(column_index(col_ability));
        cell_right(format_decimal(cc->ability.value, 0));
        ImGui::TableSetColumnIndex(column_index(col_impact));
        cell_right(format_decimal(cc->impact.value, 0));
      }
      ImGui::TableSetColumnIndex(column_index(col_id));
      ImGui::TextUnformatted(info.id.c_str());
      ImGui::TableSetColumnIndex(column_index(col_rep));
      ImGui::TextUnformatted(info.sales_rep.c_str());
      ImGui::TableSetColumnIndex(column_index(col_open));
      cell_right(format_cents(c.open_cents, 2, true));
      ImGui::TableSetColumnIndex(column_index(col_overdue));
      if (c.overdue_cents > 0) ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
      cell_right(format_cents(c.overdue_cents, 2, true));
      if (c.overdue_cents > 0) ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(column_index(col_in_dispute));
      if (c.disputed_cents != 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        cell_right(format_cents(c.disputed_cents, 2, true));
        ImGui::PopStyleColor();
      }
      ImGui::TableSetColumnIndex(column_index(col_credit));
      if (const overdue::CreditStatus* cs = overdue::credit_status_of(a.credit_watch(), c.customer)) {
        const bool flagged = cs->level != overdue::CreditLevel::within;
        if (flagged)
          ImGui::PushStyleColor(ImGuiCol_Text, cs->level == overdue::CreditLevel::over ? palette().error : palette().warning);
        cell_right(cs->utilisation ? format_percent(*cs->utilisation, 1)
                                   : std::string(flagged ? tr(overdue::S::credit_level_over) : "—"));
        if (flagged) ImGui::PopStyleColor();
      }
      ImGui::TableSetColumnIndex(column_index(col_max_dpd));
      cell_right(c.max_dpd > 0 ? format_count(c.max_dpd) : "0");
      ImGui::TableSetColumnIndex(column_index(col_weighted_dpd));
      cell_right(format_decimal(c.weighted_dpd, 1));
      ImGui::TableSetColumnIndex(column_index(col_oldest));
      ImGui::TextUnformatted(date_or_dash(oldest_open_date(l, c)).c_str());
      ImGui::TableSetColumnIndex(column_index(col_last_date));
      ImGui::TextUnformatted(date_or_dash(c.last_payment_date).c_str());
      ImGui::TableSetColumnIndex(column_index(col_last_amount));
      if (c.last_payment_date != overdue::kMissingDays) cell_right(format_cents(c.last_payment_cents, 2, true));
      ImGui::TableSetColumnIndex(column_index(col_share));
      cell_right(format_percent(c.revenue_share, 1));
      ImGui::TableSetColumnIndex(column_index(col_new));
      if (c.newly_overdue) ImGui::TextColored(palette().warning, "%s", tr(S::newly_overdue_mark));
      ImGui::TableSetColumnIndex(column_index(col_pattern));
      if (c.pattern && c.pattern->flagged) ImGui::TextColored(palette().warning, "%s", c.pattern->summary.c_str());
      else if (c.pattern && !c.pattern->enough_history) text_muted(tr(S::pattern_low_history));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

// All types, or one: the filter applies to classified (overdue) customers.
void draw_type_filter(AppState& state) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::filter_type_label));
  ImGui::SameLine();
  const char* preview = state.customer_type_filter < 0
                            ? tr(S::filter_type_all)
                            : type_label(static_cast<overdue::OverdueType>(state.customer_type_filter));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  if (ImGui::BeginCombo("##type_filter", preview)) {
    if (ImGui::Selectable(tr(S::filter_type_all), state.customer_type_filter < 0)) state.customer_type_filter = -1;
    record_item_rect(state, "overdue.type_filter.all");
    for (int t = 0; t < 3; ++t) {
      if (ImGui::Selectable(type_label(static_cast<overdue::OverdueType>(t)), state.customer_type_filter == t))
        state.customer_type_filter = t;
      record_item_rect(state, "overdue.type_filter." + std::string(overdue::overdue_type_name(static_cast<overdue::OverdueType>(t))));
    }
    ImGui::EndCombo();
  }
  record_item_rect(state, "overdue.type_filter");
}

void draw_sales_reps(AppState& state) {
  const auto& reps = state.analysis.result().sales_reps;
  if (reps.empty()) return;
  heading(tr(S::sales_rep_heading));
  std::vector<size_t> order(reps.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (reps[x].overdue_cents != reps[y].overdue_cents) return reps[x].overdue_cents > reps[y].overdue_cents;
    if (reps[x].sales_rep != reps[y].sales_rep) return reps[x].sales_rep < reps[y].sales_rep;
    return x < y;
  });
  const float s = state.dpr;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##sales_reps", 4, flags)) return;
  ImGui::TableSetupColumn(tr(S::col_sales_rep), 0, 160 * s);
  ImGui::TableSetupColumn(tr(S::col_open), 0, 140 * s);
  ImGui::TableSetupColumn(tr(overdue::S::col_overdue), 0, 140 * s);
  ImGui::TableSetupColumn(tr(S::col_overdue_customers), 0, 150 * s);
  ImGui::TableHeadersRow();
  for (size_t i : order) {
    const overdue::SalesRepStatus& r = reps[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(r.sales_rep.empty() ? tr(S::no_sales_rep) : r.sales_rep.c_str());
    ImGui::TableSetColumnIndex(1);
    cell_right(format_cents(r.open_cents, 2, true));
    ImGui::TableSetColumnIndex(2);
    cell_right(format_cents(r.overdue_cents, 2, true));
    ImGui::TableSetColumnIndex(3);
    cell_right(format_count(r.overdue_customers));
  }
  ImGui::EndTable();
}

}  // namespace

size_t overdue_list_visible_rows() { return g_view.rows.size(); }
std::vector<std::string> overdue_list_first_ids(const AppState& state, size_t n) {
  std::vector<std::string> ids;
  if (!state.analysis.available() || g_view.revision != state.analysis.revision()) return ids;
  for (size_t i = 0; i < g_view.rows.size() && i < n; ++i)
    ids.push_back(state.analysis.ledger().customers[state.analysis.result().customers[g_view.rows[i]].customer].id);
  return ids;
}

void draw_overdue_list(AppState& state) {
  if (!begin_analysis_view(state)) return;
  Analysis& a = state.analysis;
  // One row of controls on a wide page, wrapped on a narrow one.
  const ImGuiStyle& style = ImGui::GetStyle();
  text_field("##customer_search", tr(S::search_customer_hint), state.customer_search,
             std::min(320.0f * state.dpr, ImGui::GetContentRegionAvail().x));
  record_item_rect(state, "overdue.search");
  same_line_if_fits(ImGui::CalcTextSize(tr(S::overdue_only)).x + ImGui::GetFrameHeight() + style.ItemInnerSpacing.x);
  ImGui::Checkbox(tr(S::overdue_only), &state.overdue_only);
  record_item_rect(state, "overdue.only");
  same_line_if_fits(200.0f * state.dpr);
  draw_type_filter(state);
  refresh_view(state);
  const std::string shown = format_count(static_cast<int64_t>(g_view.rows.size()));
  const std::string total = format_count(static_cast<int64_t>(a.result().customers.size()));
  const std::string shown_text = trf(S::customers_shown_fmt, shown.c_str(), total.c_str());
  same_line_if_fits(ImGui::CalcTextSize(shown_text.c_str()).x);
  ImGui::AlignTextToFramePadding();
  text_muted(shown_text.c_str());
  text_muted(tr(S::row_click_hint));

  const float reps_h = a.result().sales_reps.empty()
                           ? 0
                           : ImGui::GetTextLineHeightWithSpacing() *
                                 (3.0f + static_cast<float>(std::min<size_t>(a.result().sales_reps.size(), 8)));
  const float list_h = std::max(200.0f * state.dpr, ImGui::GetContentRegionAvail().y - reps_h);
  draw_customer_table(state, list_h);
  ImGui::Spacing();
  draw_sales_reps(state);
}

}  // namespace app
