// One customer (issues #3 and #4, "The page"): summary figures; when overdue, its type with the
// decision, the rule trace, the scores' breakdown, the action plan and the contact summary
// (panel_customer_classify.cpp, panel_customer_plan.cpp); then the payment-pattern evidence, an invoice
// timeline (issued → due → paid, or still open at the as-of date, with the payments as marks),
// the open items with DPD and bucket, and the payments. Only what was knowable at the as-of date
// is shown: invoices issued later and money received later are left out.
//
// [SECTION] the customer's view, cached per customer
// [SECTION] small pieces: money and dates, bucket labels, figures
// [SECTION] payment-pattern evidence
// [SECTION] invoice timeline
// [SECTION] open items and payments
// [SECTION] the panel
#include <algorithm>

#include "chart.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

// [SECTION] the customer's view, cached per customer ---------------------------------------------

struct InvoiceLine {
  uint32_t invoice = 0;
  int64_t paid_cents = 0;                     // allocations up to the as-of date
  int32_t settled = overdue::kMissingDays;    // the day the open amount reached 0, if it did
};

struct CustomerView {
  uint64_t revision = UINT64_MAX;
  int customer = -1;
  std::vector<InvoiceLine> invoices;          // by invoice date, then id, then index
  std::vector<uint32_t> payments;             // by date, then index
  std::vector<overdue::OpenItem> open_items;  // by DPD descending, then invoice
};
CustomerView g_view;

void refresh(const Analysis& a, int customer) {
  if (g_view.revision == a.revision() && g_view.customer == customer) return;
  g_view = CustomerView{};
  g_view.revision = a.revision();
  g_view.customer = customer;
  const overdue::Ledger& l = a.ledger();
  const int32_t as_of = a.result().as_of;
  std::vector<int32_t> line_of(l.invoices.size(), -1);
  for (uint32_t i = 0; i < l.invoices.size(); ++i) {
    const overdue::Invoice& inv = l.invoices[i];
    if (inv.customer != static_cast<uint32_t>(customer)) continue;
    if (inv.invoice_date != overdue::kMissingDays && inv.invoice_date > as_of) continue;
    line_of[i] = static_cast<int32_t>(g_view.invoices.size());
    g_view.invoices.push_back({i, 0, overdue::kMissingDays});
  }
  // Allocations are sorted by date: the day the running total reaches the amount settles it.
  for (const overdue::Allocation& al : l.allocations) {
    if (al.invoice >= line_of.size() || line_of[al.invoice] < 0 || al.date > as_of) continue;
    InvoiceLine& line = g_view.invoices[line_of[al.invoice]];
    line.paid_cents += al.cents;
    const int64_t amount = l.invoices[al.invoice].amount_cents;
    if (line.settled == overdue::kMissingDays && amount > 0 && line.paid_cents >= amount) line.settled = al.date;
  }
  std::sort(g_view.invoices.begin(), g_view.invoices.end(), [&](const InvoiceLine& x, const InvoiceLine& y) {
    const overdue::Invoice &a1 = l.invoices[x.invoice], &b1 = l.invoices[y.invoice];
    if (a1.invoice_date != b1.invoice_date) return a1.invoice_date < b1.invoice_date;
    if (const int c = l.invoice_id(a1).compare(l.invoice_id(b1)); c != 0) return c < 0;
    return x.invoice < y.invoice;
  });
  for (uint32_t p = 0; p < l.payments.size(); ++p) {
    const overdue::Payment& pay = l.payments[p];
    if (pay.customer == static_cast<uint32_t>(customer) && (pay.date == overdue::kMissingDays || pay.date <= as_of))
      g_view.payments.push_back(p);
  }
  std::stable_sort(g_view.payments.begin(), g_view.payments.end(),
                   [&](uint32_t x, uint32_t y) { return l.payments[x].date < l.payments[y].date; });
  for (const overdue::OpenItem& item : a.result().open_items)
    if (l.invoices[item.invoice].customer == static_cast<uint32_t>(customer)) g_view.open_items.push_back(item);
  std::sort(g_view.open_items.begin(), g_view.open_items.end(), [](const auto& x, const auto& y) {
    if (x.days_past_due != y.days_past_due) return x.days_past_due > y.days_past_due;
    return x.invoice < y.invoice;
  });
}

// [SECTION] small pieces: money and dates, bucket labels, figures --------------------------------

std::string money(int64_t cents) { return format_cents(cents, 2, true); }
std::string date_text(int32_t d) { return d == overdue::kMissingDays ? "—" : format_iso_date(d); }

const char* bucket_label(const overdue::MonitorResult& r, int32_t dpd, std::string& storage) {
  for (const auto& b : r.aging) {
    if (dpd >= b.min_dpd && dpd <= b.max_dpd) {
      if (b.label == "not_due") return tr(overdue::S::bucket_not_due);
      storage = b.label;
      return storage.c_str();
    }
  }
  return "";
}

void figure(const char* title, const std::string& value, const ImVec4* color = nullptr) {
  ImGui::BeginGroup();
  text_muted(title);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
  ImGui::TextUnformatted(value.c_str());
  if (color) ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::EndGroup();
  ImGui::SameLine(0, ImGui::GetFontSize() * 2.5f);
}

// [SECTION] payment-pattern evidence -------------------------------------------------------------

void draw_pattern(const overdue::CustomerStatus& c) {
  heading(tr(S::pattern_heading));
  if (!c.pattern || !c.pattern->enough_history) {
    text_muted(tr(S::pattern_not_enough));
    return;
  }
  const overdue::PatternChange& p = *c.pattern;
  if (p.flagged) {
    text_colored_wrapped(palette().warning, tr(S::pattern_changed));
    for (const std::string& line : p.evidence) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", line.c_str());
    }
  } else {
    text_colored_wrapped(palette().success, tr(S::pattern_steady));
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  const float first_w = ImGui::CalcTextSize(tr(S::pattern_interval)).x + ImGui::CalcTextSize(tr(S::pattern_days_late)).x;
  if (ImGui::BeginTable("##pattern", 3, flags, ImVec2(first_w + ImGui::GetFontSize() * 14.0f, 0))) {
    ImGui::TableSetupColumn("");
    ImGui::TableSetupColumn(tr(S::pattern_baseline));
    ImGui::TableSetupColumn(tr(S::pattern_recent));
    ImGui::TableHeadersRow();
    const struct { S label; double base, recent; bool percent; } rows[] = {
        {S::pattern_interval, p.baseline_interval_days, p.recent_interval_days, false},
        {S::pattern_days_late, p.baseline_days_late, p.recent_days_late, false},
        {S::pattern_paid_ratio, p.baseline_paid_ratio, p.recent_paid_ratio, true}};
    for (const auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(tr(r.label));
      ImGui::TableSetColumnIndex(1);
      text_right_aligned((r.percent ? format_percent(r.base, 0) : format_decimal(r.base, 1)).c_str());
      ImGui::TableSetColumnIndex(2);
      text_right_aligned((r.percent ? format_percent(r.recent, 0) : format_decimal(r.recent, 1)).c_str());
    }
    ImGui::EndTable();
  }
}

// [SECTION] invoice timeline ---------------------------------------------------------------------

// Invoice timeline: one row per invoice (the latest kMaxRows), x = dates up to the as-of date.
void draw_timeline(AppState& state) {
  constexpr size_t kMaxRows = 30;
  const Analysis& a = state.analysis;
  const overdue::Ledger& l = a.ledger();
  const int32_t as_of = a.result().as_of;
  heading(tr(S::detail_timeline));
  if (g_view.invoices.empty()) return;
  const size_t first = g_view.invoices.size() > kMaxRows ? g_view.invoices.size() - kMaxRows : 0;
  if (first > 0) {
    text_muted(trf(S::timeline_more_fmt, format_count(static_cast<int64_t>(kMaxRows)).c_str(),
                   format_count(static_cast<int64_t>(g_view.invoices.size())).c_str()).c_str());
  }
  int32_t x_min = as_of;
  for (size_t i = first; i < g_view.invoices.size(); ++i) {
    const auto& inv = l.invoices[g_view.invoices[i].invoice];
    if (inv.invoice_date != overdue::kMissingDays) x_min = std::min(x_min, inv.invoice_date);
  }
  const ImU32 c_terms = ImGui::ColorConvertFloat4ToU32(ImVec4(palette().accent.x, palette().accent.y, palette().accent.z, 0.45f));
  const ImU32 c_late = ImGui::ColorConvertFloat4ToU32(palette().warning);
  const ImU32 c_open = ImGui::ColorConvertFloat4ToU32(palette().error);
  const ImU32 c_pay = ImGui::ColorConvertFloat4ToU32(palette().success);
  chart::legend({{tr(S::legend_issued_to_due), c_terms}, {tr(S::legend_late), c_late},
                 {tr(S::legend_open), c_open}, {tr(S::legend_payment), c_pay}});

  const size_t rows = g_view.invoices.size() - first;
  const float row_h = ImGui::GetTextLineHeight() * 1.15f;
  const float height = row_h * static_cast<float>(rows + 1) + ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  // Left gutter for invoice ids: the id labels go in as y "ticks" drawn by hand below.
  float gutter = 0;
  for (size_t i = first; i < g_view.invoices.size(); ++i) {
    const std::string_view id = l.invoice_id(l.invoices[g_view.invoices[i].invoice]);
    gutter = std::max(gutter, ImGui::CalcTextSize(id.data(), id.data() + id.size()).x);
  }
  gutter = std::min(gutter, 220.0f * state.dpr) + ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter, origin.y));
  const double span = std::max(1, as_of - x_min);
  const double pad = span * 0.02;
  const int tick_count = std::max(2, static_cast<int>((ImGui::GetContentRegionAvail().x - gutter) /
                                                      (ImGui::CalcTextSize("0000-00-00").x * 1.8f)));
  std::vector<chart::XTick> ticks;
  for (int k = 0; k < tick_count; ++k) {
    const int32_t d = x_min + static_cast<int32_t>(span * k / (tick_count - 1));
    ticks.push_back({static_cast<double>(d), format_iso_date(d)});
  }
  chart::Ticks y;
  y.lo = 0;
  y.hi = static_cast<double>(rows + 1);
  const chart::Plot p = chart::begin_plot("##timeline", ImVec2(ImGui::GetContentRegionAvail().x, height), x_min - pad,
                                          as_of + pad, y, [](double) { return std::string(); }, ticks);
  record_item_rect(state, "customer.timeline");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bar_h = row_h * 0.55f;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hovered = -1;
  // Row 0 (top): payments as marks.
  const float pay_y = p.at(0, y.hi - 0.5).y;
  dl->PushClipRect(p.area.Min, ImVec2(p.area.Max.x + bar_h, p.area.Max.y), true);
  for (uint32_t pi : g_view.payments) {
    const overdue::Payment& pay = l.payments[pi];
    if (pay.date == overdue::kMissingDays) continue;
    const float x = p.at(pay.date, 0).x;
    dl->AddTriangleFilled(ImVec2(x, pay_y - bar_h * 0.6f), ImVec2(x - bar_h * 0.5f, pay_y + bar_h * 0.4f),
                          ImVec2(x + bar_h * 0.5f, pay_y + bar_h * 0.4f), c_pay);
  }
  dl->PopClipRect();
  dl->AddText(ImVec2(origin.x, pay_y - ImGui::GetTextLineHeight() * 0.5f), chart::axis_text_color(), tr(S::legend_payment));
  for (size_t r = 0; r < rows; ++r) {
    const InvoiceLine& line = g_view.invoices[first + r];
    const overdue::Invoice& inv = l.invoices[line.invoice];
    const float cy = p.at(0, y.hi - 1.5 - static_cast<double>(r)).y;
    if (p.hovered && mouse.y >= cy - row_h * 0.5f && mouse.y < cy + row_h * 0.5f) {
      hovered = static_cast<int>(first + r);
      dl->AddRectFilled(ImVec2(p.area.Min.x, cy - row_h * 0.5f), ImVec2(p.area.Max.x, cy + row_h * 0.5f),
                        ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    }
    ImGui::PushClipRect(origin, ImVec2(origin.x + gutter - 4, origin.y + height), true);
    const std::string_view id = l.invoice_id(inv);
    dl->AddText(ImVec2(origin.x, cy - ImGui::GetTextLineHeight() * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), id.data(),
                id.data() + id.size());
    ImGui::PopClipRect();
    if (inv.invoice_date == overdue::kMissingDays || inv.due_date == overdue::kMissingDays) continue;
    const float x_issue = p.at(inv.invoice_date, 0).x;
    const float x_due = p.at(inv.due_date, 0).x;
    const int32_t end = line.settled != overdue::kMissingDays ? line.settled : as_of;
    const float x_end = p.at(end, 0).x;
    const ImVec2 lo(0, cy - bar_h * 0.5f), hi(0, cy + bar_h * 0.5f);
    const bool open = line.settled == overdue::kMissingDays && inv.amount_cents > 0;
    dl->AddRectFilled(ImVec2(x_issue, lo.y), ImVec2(std::max(x_issue + 2, std::min(x_due, x_end)), hi.y), c_terms, 2.0f);
    if (end > inv.due_date) dl->AddRectFilled(ImVec2(x_due, lo.y), ImVec2(x_end, hi.y), open ? c_open : c_late, 2.0f);
    else if (open) dl->AddRect(ImVec2(x_issue, lo.y), ImVec2(x_end + 1, hi.y), c_open, 2.0f, 0, 1.5f);
    if (line.settled != overdue::kMissingDays) dl->AddCircleFilled(ImVec2(x_end, cy), bar_h * 0.35f, c_pay);
  }
  // The as-of date as a dashed-looking vertical line.
  const float x_asof = p.at(as_of, 0).x;
  for (float yy = p.area.Min.y; yy < p.area.Max.y; yy += 6.0f)
    dl->AddLine(ImVec2(x_asof, yy), ImVec2(x_asof, std::min(yy + 3.0f, p.area.Max.y)), chart::axis_text_color(), 1.0f);
  if (hovered >= 0) {
    const InvoiceLine& line = g_view.invoices[hovered];
    const overdue::Invoice& inv = l.invoices[line.invoice];
    ImGui::BeginTooltip();
    const std::string_view id = l.invoice_id(inv);
    ImGui::Text("%s %.*s", tr(overdue::S::col_invoice), static_cast<int>(id.size()), id.data());
    ImGui::Text("%s: %s", tr(overdue::S::col_invoice_date), date_text(inv.invoice_date).c_str());
    ImGui::Text("%s: %s", tr(overdue::S::col_due_date), date_text(inv.due_date).c_str());
    ImGui::Text("%s: %s", tr(overdue::S::col_amount), money(inv.amount_cents).c_str());
    ImGui::Text("%s: %s", tr(overdue::S::col_open_amount), money(inv.amount_cents - line.paid_cents).c_str());
    if (line.settled != overdue::kMissingDays) ImGui::Text("%s: %s", tr(S::legend_payment), date_text(line.settled).c_str());
    ImGui::EndTooltip();
  }
}

// [SECTION] open items and payments --------------------------------------------------------------

void draw_open_items(AppState& state) {
  const Analysis& a = state.analysis;
  const overdue::Ledger& l = a.ledger();
  heading(tr(S::detail_open_items));
  if (g_view.open_items.empty()) {
    text_muted(tr(S::detail_no_open));
    return;
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float h = std::min(line * (static_cast<float>(g_view.open_items.size()) + 1.4f), 320.0f * state.dpr);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("##open_items", 7, flags, ImVec2(0, h))) return;
  ImGui::TableSetupScrollFreeze(1, 1);  // sideways on a narrow page, the invoice stays
  for (overdue::S col : {overdue::S::col_invoice, overdue::S::col_invoice_date, overdue::S::col_due_date,
                         overdue::S::col_amount, overdue::S::col_open_amount, overdue::S::col_dpd, overdue::S::col_bucket})
    ImGui::TableSetupColumn(tr(col));
  ImGui::TableHeadersRow();
  std::string storage;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(g_view.open_items.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const overdue::OpenItem& item = g_view.open_items[i];
      const overdue::Invoice& inv = l.invoices[item.invoice];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const std::string_view id = l.invoice_id(inv);
      ImGui::TextUnformatted(id.data(), id.data() + id.size());
      if (item.disputed) {   // issue #20 §2: in the totals, out of the letter and the lateness rules
        ImGui::SameLine();
        ImGui::TextColored(palette().warning, "%s", tr(overdue::S::disputed_mark));
      }
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(date_text(inv.invoice_date).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(date_text(inv.due_date).c_str());
      ImGui::TableSetColumnIndex(3);
      text_right_aligned(money(inv.amount_cents).c_str());
      ImGui::TableSetColumnIndex(4);
      text_right_aligned(money(item.open_cents).c_str());
      ImGui::TableSetColumnIndex(5);
      const bool over = item.days_past_due > a.result().options.threshold_days;
      if (over) ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
      text_right_aligned(format_count(item.days_past_due).c_str());
      if (over) ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(6);
      ImGui::TextUnformatted(bucket_label(a.result(), item.days_past_due, storage));
    }
  }
  ImGui::EndTable();
}

void draw_payments(AppState& state) {
  const overdue::Ledger& l = state.analysis.ledger();
  heading(tr(S::detail_payments));
  if (g_view.payments.empty()) {
    text_muted(tr(S::detail_no_payments));
    return;
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float h = std::min(line * (static_cast<float>(g_view.payments.size()) + 1.4f), 320.0f * state.dpr);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##payments", 3, flags, ImVec2(0, h))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(overdue::S::col_date));
  ImGui::TableSetupColumn(tr(overdue::S::col_amount));
  ImGui::TableSetupColumn(tr(S::col_for_invoice));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(g_view.payments.size()));
  while (clipper.Step()) {
    // Newest first.
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const overdue::Payment& pay = l.payments[g_view.payments[g_view.payments.size() - 1 - i]];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(date_text(pay.date).c_str());
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(money(pay.amount_cents).c_str());
      ImGui::TableSetColumnIndex(2);
      const std::string_view named = l.named_invoice_id(pay);
      if (named.empty()) text_muted(tr(S::fifo));
      else ImGui::TextUnformatted(named.data(), named.data() + named.size());
    }
  }
  ImGui::EndTable();
}

}  // namespace

// [SECTION] the panel ----------------------------------------------------------------------------

void open_customer_card(AppState& state, uint32_t customer) {
  state.analysis.selected_customer = static_cast<int>(customer);
  state.tab = Tab::customer;
  state.switch_tab = true;
}

void draw_customer_detail(AppState& state) {
  Analysis& a = state.analysis;
  if (!a.available()) {
    draw_analysis_controls(state);
    if (!a.pending()) text_colored_wrapped(palette().warning, tr(S::no_ledger));
    return;
  }
  const int customer = a.selected_customer;
  if (customer < 0 || customer >= static_cast<int>(a.result().customers.size())) {
    text_muted(tr(S::detail_none));
    return;
  }
  refresh(a, customer);
  const overdue::Customer& info = a.ledger().customers[customer];
  const overdue::CustomerStatus& c = a.result().customers[customer];
  if (ImGui::Button(tr(S::back_to_list))) {
    state.tab = Tab::overdue;
    state.switch_tab = true;
  }
  record_item_rect(state, "customer.back");
  ImGui::SameLine();
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.4f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(info.name.c_str());
  ImGui::PopFont();
  record_item_rect(state, "customer.name");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  text_muted((info.id + (info.sales_rep.empty() ? "" : "  ·  " + std::string(tr(S::col_sales_rep)) + ": " + info.sales_rep)).c_str());
  ImGui::Spacing();

  figure(tr(S::col_open), money(c.open_cents));
  figure(tr(overdue::S::col_overdue), money(c.overdue_cents), c.overdue_cents > 0 ? &palette().error : nullptr);
  if (c.disputed_cents != 0)   // issue #20 §2
    figure(tr(overdue::S::kpi_in_dispute), money(c.disputed_cents), &palette().warning);
  if (const overdue::CreditStatus* cs = overdue::credit_status_of(a.credit_watch(), static_cast<uint32_t>(customer)))
    figure(tr(overdue::S::col_utilisation),   // issue #20 §4: open ÷ credit limit
           (cs->utilisation ? format_percent(*cs->utilisation, 1) : std::string("—")) + " / " + money(cs->limit_cents),
           cs->level == overdue::CreditLevel::over      ? &palette().error
           : cs->level == overdue::CreditLevel::warning ? &palette().warning
                                                       : nullptr);
  figure(tr(overdue::S::col_max_dpd), format_count(c.max_dpd));
  figure(tr(S::col_weighted_dpd), format_decimal(c.weighted_dpd, 1));
  figure(tr(S::col_last_payment), c.last_payment_date == overdue::kMissingDays
                                      ? std::string("—")
                                      : date_text(c.last_payment_date) + "  " + money(c.last_payment_cents));
  figure(tr(S::col_revenue_share), format_percent(c.revenue_share, 1));
  ImGui::NewLine();
  ImGui::Separator();

  state.card = CardShown{};
  if (const overdue::ClassifiedCustomer* cc = a.classified(static_cast<uint32_t>(customer))) {
    state.card.customer = info.id;
    draw_type_and_decision(state, *cc);
    ImGui::Spacing();
    draw_rule_trace(state, *cc);
    ImGui::Spacing();
    draw_scores_breakdown(state, *cc);
    ImGui::Spacing();
    draw_action_plan(state, *cc);
    ImGui::Spacing();
    draw_contact_summary(state, *cc);
    ImGui::Spacing();
    draw_what_if(state, *cc);
  } else {
    text_muted(tr(S::card_not_overdue));
  }
  ImGui::Separator();
  draw_pattern(c);
  ImGui::Spacing();
  draw_timeline(state);
  ImGui::Spacing();
  // Side by side when there is room for both, else one under the other.
  if (ImGui::GetContentRegionAvail().x > 1500.0f * state.dpr &&
      ImGui::BeginTable("##detail_tables", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("open", ImGuiTableColumnFlags_WidthStretch, 0.62f);
    ImGui::TableSetupColumn("payments", ImGuiTableColumnFlags_WidthStretch, 0.38f);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    draw_open_items(state);
    ImGui::TableSetColumnIndex(1);
    draw_payments(state);
    ImGui::EndTable();
  } else {
    draw_open_items(state);
    ImGui::Spacing();
    draw_payments(state);
  }
}

}  // namespace app
