// The what-if sandbox of the customer card (issue #4): the customer's invoices and payments as
// editable rows (date, amount, due), add / remove / move (±7 days) and reset; the scenario's type,
// rule trace and scores next to the real ones with the changes highlighted. The sandbox is a copy
// (overdue::Sandbox): the real ledger and analysis are never touched, as the banner says.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "classify_text.hpp"
#include "format.hpp"
#include "overdue/classify/what_if.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

struct WhatIf {
  int customer = -1;
  uint64_t revision = UINT64_MAX, classify_revision = UINT64_MAX;
  overdue::Sandbox sandbox;
  overdue::SandboxContext context;
  overdue::SandboxResult result;
  bool dirty = true;
  bool edited = false;                 // differs from the real data (reset enabled)
  std::vector<std::array<char, 12>> invoice_dates, due_dates, payment_dates;  // text being typed
};
WhatIf g_sb;

void date_buffer(std::array<char, 12>& buf, int32_t days) {
  const std::string t = days == overdue::kMissingDays ? std::string() : format_iso_date(days);
  std::snprintf(buf.data(), buf.size(), "%s", t.c_str());
}

void sync_buffers() {
  g_sb.invoice_dates.resize(g_sb.sandbox.invoices.size());
  g_sb.due_dates.resize(g_sb.sandbox.invoices.size());
  g_sb.payment_dates.resize(g_sb.sandbox.payments.size());
  for (size_t i = 0; i < g_sb.sandbox.invoices.size(); ++i) {
    date_buffer(g_sb.invoice_dates[i], g_sb.sandbox.invoices[i].invoice_date);
    date_buffer(g_sb.due_dates[i], g_sb.sandbox.invoices[i].due_date);
  }
  for (size_t i = 0; i < g_sb.sandbox.payments.size(); ++i) date_buffer(g_sb.payment_dates[i], g_sb.sandbox.payments[i].date);
}

void reset(const Analysis& a, int customer) {
  g_sb.customer = customer;
  g_sb.revision = a.revision();
  g_sb.classify_revision = a.classify_revision();
  g_sb.sandbox = overdue::make_sandbox(a.ledger(), static_cast<uint32_t>(customer));
  g_sb.context = overdue::make_sandbox_context(a.ledger(), a.result(), &a.contacts(), static_cast<uint32_t>(customer));
  g_sb.dirty = true;
  g_sb.edited = false;
  sync_buffers();
}

void changed() {
  g_sb.dirty = true;
  g_sb.edited = true;
}

// "±7 days" buttons: an invoice moves with its due date; an undated payment stays undated.
void shift_invoice(size_t i, int days) {
  overdue::SandboxInvoice& inv = g_sb.sandbox.invoices[i];
  inv.invoice_date += days;
  if (inv.due_date != overdue::kMissingDays) inv.due_date += days;
  date_buffer(g_sb.invoice_dates[i], inv.invoice_date);
  date_buffer(g_sb.due_dates[i], inv.due_date);
  changed();
}

void shift_payment(size_t i, int days) {
  overdue::SandboxPayment& pay = g_sb.sandbox.payments[i];
  if (pay.date == overdue::kMissingDays) return;
  pay.date += days;
  date_buffer(g_sb.payment_dates[i], pay.date);
  changed();
}

// An ISO date field: the value changes only when the text is a real date.
bool date_field(const char* id, std::array<char, 12>& buf, int32_t& days) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
  if (!ImGui::InputTextWithHint(id, tr(S::whatif_bad_date), buf.data(), buf.size())) return false;
  int32_t d = 0;
  if (!parse_iso_date(buf.data(), d) || d == days) return false;
  days = d;
  return true;
}

bool amount_field(const char* id, int64_t& cents) {
  double units = static_cast<double>(cents) / 100.0;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  if (!ImGui::InputDouble(id, &units, 0, 0, "%.2f")) return false;
  const int64_t c = std::llround(units * 100.0);
  if (c == cents) return false;
  cents = c;
  return true;
}

// The sandbox's buttons in one row under the banner (reachable without scrolling the tables).
void draw_buttons(AppState& state, const Analysis& a, int customer) {
  ImGui::BeginDisabled(!g_sb.edited);
  if (ImGui::Button(tr(S::whatif_reset))) reset(a, customer);
  ImGui::EndDisabled();
  record_item_rect(state, "whatif.reset");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::whatif_remove_payments))) {
    g_sb.sandbox.payments.clear();
    sync_buffers();
    changed();
  }
  record_item_rect(state, "whatif.remove_payments");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::whatif_add_invoice))) {
    // A new invoice dated at the as-of date, due in 30 days, for 1,000.00.
    overdue::add_sandbox_invoice(g_sb.sandbox, g_sb.context.as_of, g_sb.context.as_of + 30, 100000);
    sync_buffers();
    changed();
  }
  record_item_rect(state, "whatif.add_invoice");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::whatif_add_payment))) {
    overdue::add_sandbox_payment(g_sb.sandbox, g_sb.context.as_of, 100000);
    sync_buffers();
    changed();
  }
  record_item_rect(state, "whatif.add_payment");
}

void draw_invoice_rows(AppState&) {
  auto& inv = g_sb.sandbox.invoices;
  ImGui::TextUnformatted(trf(S::whatif_invoices_fmt, format_count(static_cast<int64_t>(inv.size())).c_str()).c_str());
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollY;
  const float h = std::min(ImGui::GetFrameHeightWithSpacing() * (static_cast<float>(inv.size()) + 1.5f), em * 16.0f);
  int remove = -1;
  if (ImGui::BeginTable("##whatif_invoices", 6, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(overdue::S::col_invoice));
    ImGui::TableSetupColumn(tr(overdue::S::col_invoice_date));
    ImGui::TableSetupColumn(tr(S::col_due_date_short));
    ImGui::TableSetupColumn(tr(overdue::S::col_amount));
    ImGui::TableSetupColumn(tr(overdue::S::col_open_amount));
    ImGui::TableSetupColumn("##actions");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < inv.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(inv[i].id.c_str());
      if (inv[i].added) {
        ImGui::SameLine();
        text_muted(tr(S::whatif_added));
      }
      ImGui::TableSetColumnIndex(1);
      if (date_field("##date", g_sb.invoice_dates[i], inv[i].invoice_date)) changed();
      ImGui::TableSetColumnIndex(2);
      if (date_field("##due", g_sb.due_dates[i], inv[i].due_date)) changed();
      ImGui::TableSetColumnIndex(3);
      if (amount_field("##amount", inv[i].amount_cents)) changed();
      ImGui::TableSetColumnIndex(4);
      if (i < g_sb.result.invoices.size() && g_sb.result.invoices[i].used) {
        const auto& st = g_sb.result.invoices[i];
        if (st.overdue) ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
        text_right_aligned(format_cents(st.open_cents, 2, true).c_str());
        if (st.overdue) ImGui::PopStyleColor();
      }
      ImGui::TableSetColumnIndex(5);
      if (ImGui::SmallButton(tr(S::whatif_earlier))) shift_invoice(i, -7);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::whatif_later))) shift_invoice(i, 7);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::whatif_remove))) remove = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove >= 0) {
    inv.erase(inv.begin() + remove);
    sync_buffers();
    changed();
  }
}

void draw_payment_rows(AppState&) {
  auto& pay = g_sb.sandbox.payments;
  ImGui::TextUnformatted(trf(S::whatif_payments_fmt, format_count(static_cast<int64_t>(pay.size())).c_str()).c_str());
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollY;
  const float h = std::min(ImGui::GetFrameHeightWithSpacing() * (static_cast<float>(pay.size()) + 1.5f), em * 16.0f);
  int remove = -1;
  if (!pay.empty() && ImGui::BeginTable("##whatif_payments", 4, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(overdue::S::col_date));
    ImGui::TableSetupColumn(tr(overdue::S::col_amount));
    ImGui::TableSetupColumn(tr(S::col_for_invoice));
    ImGui::TableSetupColumn("##actions");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < pay.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (date_field("##date", g_sb.payment_dates[i], pay[i].date)) changed();
      ImGui::TableSetColumnIndex(1);
      if (amount_field("##amount", pay[i].amount_cents)) changed();
      ImGui::TableSetColumnIndex(2);
      ImGui::AlignTextToFramePadding();
      if (pay[i].invoice_id.empty()) text_muted(tr(S::fifo));
      else ImGui::TextUnformatted(pay[i].invoice_id.c_str());
      if (pay[i].added) {
        ImGui::SameLine();
        text_muted(tr(S::whatif_added));
      }
      ImGui::TableSetColumnIndex(3);
      if (ImGui::SmallButton(tr(S::whatif_earlier))) shift_payment(i, -7);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::whatif_later))) shift_payment(i, 7);
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(S::whatif_remove))) remove = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove >= 0) {
    pay.erase(pay.begin() + remove);
    sync_buffers();
    changed();
  }
}

// Real and scenario side by side: type, scores, overdue, then every rule; changes highlighted.
void draw_comparison(AppState& state, const overdue::ClassifiedCustomer& real) {
  const overdue::SandboxResult& r = g_sb.result;
  const overdue::ClassifiedCustomer& sc = r.customer;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  const float em = ImGui::GetFontSize();
  const ImU32 highlight = ImGui::ColorConvertFloat4ToU32(ImVec4(palette().accent.x, palette().accent.y, palette().accent.z, 0.18f));
  int rules_changed = 0;
  if (!ImGui::BeginTable("##whatif_compare", 3, flags)) return;
  ImGui::TableSetupColumn("", 0, em * 21.0f);
  ImGui::TableSetupColumn(tr(S::whatif_real), 0, em * 11.0f);
  ImGui::TableSetupColumn(tr(S::whatif_scenario), 0, em * 11.0f);
  ImGui::TableHeadersRow();
  const auto row = [&](const char* label, const std::string& a, const std::string& b) {
    ImGui::TableNextRow();
    if (a != b) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, highlight);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(label);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(a.c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(b.c_str());
  };
  ImGui::TableNextRow();
  const bool type_changed = !r.overdue || sc.classification.type != real.classification.type;
  if (type_changed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, highlight);
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(tr(overdue::S::col_type));
  ImGui::TableSetColumnIndex(1);
  type_badge(real.classification.type, real.classification.low_confidence);
  ImGui::TableSetColumnIndex(2);
  if (r.overdue) type_badge(sc.classification.type, sc.classification.low_confidence);
  else text_muted(tr(S::whatif_not_overdue));
  record_item_rect(state, "whatif.scenario_type");
  row(tr(overdue::S::col_overdue), format_cents(real.overdue_cents, 2, true), format_cents(r.status.overdue_cents, 2, true));
  row(tr(S::score_ability), format_decimal(real.ability.value, 1), format_decimal(sc.ability.value, 1));
  row(tr(S::score_impact), format_decimal(real.impact.value, 1), r.overdue ? format_decimal(sc.impact.value, 1) : "—");
  state.card.whatif_rules.clear();
  if (r.overdue) {
    for (size_t i = 0; i < real.classification.rules.size() && i < sc.classification.rules.size(); ++i) {
      const overdue::RuleCheck& a = real.classification.rules[i];
      const overdue::RuleCheck& b = sc.classification.rules[i];
      const auto text = [](const overdue::RuleCheck& k) {
        const std::string v = k.state == overdue::RuleState::not_evaluated ? "—" : rule_value_text(k.id, k.value);
        return v + "  " + rule_state_label(k.state);
      };
      const std::string ta = text(a), tb = text(b);
      rules_changed += ta != tb;
      row(rule_label(b.id), ta, tb);
      state.card.whatif_rules.push_back({std::string(overdue::rule_name(b.id)), rule_value_text(b.id, b.value), rule_threshold_text(b),
                                         overdue::rule_state_name(b.state), "", b.value, b.threshold});
    }
  }
  ImGui::EndTable();
  if (r.overdue) text_muted(trf(S::whatif_changed_fmt, format_count(rules_changed).c_str()).c_str());
}

}  // namespace

void draw_what_if(AppState& state, const overdue::ClassifiedCustomer& real) {
  const Analysis& a = state.analysis;
  const int customer = static_cast<int>(real.customer);
  if (g_sb.customer != customer || g_sb.revision != a.revision()) reset(a, customer);
  if (g_sb.classify_revision != a.classify_revision()) {  // settings edited: same sandbox, new rules
    g_sb.classify_revision = a.classify_revision();
    g_sb.dirty = true;
  }
  const bool open = ImGui::CollapsingHeader(tr(S::whatif_heading));
  record_item_rect(state, "whatif.header");
  state.card.whatif_open = open;
  if (!open) return;
  text_colored_wrapped(palette().warning, tr(S::whatif_banner));
  draw_buttons(state, a, customer);
  if (g_sb.dirty) {
    g_sb.result = overdue::evaluate_sandbox(g_sb.sandbox, g_sb.context, a.applied_settings());
    g_sb.dirty = false;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool side = avail > ImGui::GetFontSize() * 80.0f;
  if (side && ImGui::BeginTable("##whatif_layout", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    draw_invoice_rows(state);
    draw_payment_rows(state);
    ImGui::TableSetColumnIndex(1);
    draw_comparison(state, real);
    ImGui::EndTable();
  } else {
    draw_comparison(state, real);
    ImGui::Spacing();
    draw_invoice_rows(state);
    draw_payment_rows(state);
  }
  if (!g_sb.result.problems.empty()) {
    text_colored_wrapped(palette().warning,
                         trf(S::whatif_problems_fmt, format_count(static_cast<int64_t>(g_sb.result.problems.size())).c_str()).c_str());
    // The core words its problems in English: listed in the English UI only.
    if (language() == Lang::en)
      for (const std::string& p : g_sb.result.problems) text_muted(p.c_str());
  }
  state.card.whatif_edited = g_sb.edited;
  state.card.whatif_overdue = g_sb.result.overdue;
  state.card.whatif_type = g_sb.result.overdue ? overdue::overdue_type_name(g_sb.result.customer.classification.type) : "";
  state.card.whatif_payments = g_sb.sandbox.payments.size();
}

}  // namespace app
