// The dashboard's credit watch (issue #20 §4): the customers over their credit limit or at/above
// the warning share of it (settings credit.warning_share), with open ÷ limit and the limit their
// overdue type's plan suggests against what is open now. Drawn only when the data has limits.
// Clicking a row opens the customer card.
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

std::string money(int64_t cents) { return format_cents(cents, 2, true); }

const char* level_label(overdue::CreditLevel level) {
  return tr(level == overdue::CreditLevel::over      ? overdue::S::credit_level_over
            : level == overdue::CreditLevel::warning ? overdue::S::credit_level_warning
                                                     : overdue::S::credit_level_within);
}

// "open ¥75,000.00 exceeds the suggested limit ¥0.00 by ¥75,000.00", or empty when not overdue.
std::string suggested_text(const overdue::CreditStatus& s) {
  if (s.suggested_limit_cents == overdue::kMissingCents) return {};
  if (s.suggested_headroom_cents < 0)
    return trf(overdue::S::credit_suggested_over_fmt, money(s.open_cents).c_str(), money(s.suggested_limit_cents).c_str(),
               money(-s.suggested_headroom_cents).c_str());
  return trf(overdue::S::credit_suggested_within_fmt, money(s.open_cents).c_str(),
             money(s.suggested_limit_cents).c_str());
}

}  // namespace

void draw_credit_watch(AppState& state) {
  const Analysis& a = state.analysis;
  const overdue::CreditWatch& w = a.credit_watch();
  if (w.with_limit == 0) return;
  heading(tr(overdue::S::credit_heading));
  record_item_rect(state, "credit.heading");
  text_colored_wrapped(palette().text_muted, trf(overdue::S::credit_summary_fmt, format_count(static_cast<int64_t>(w.with_limit)).c_str(),
                 format_count(static_cast<int64_t>(w.over)).c_str(), money(w.over_cents).c_str(),
                 format_count(static_cast<int64_t>(w.warning)).c_str(), format_percent(w.warning_share, 0).c_str())
                 .c_str());
  if (w.flagged.empty()) {
    text_muted(tr(overdue::S::credit_none_flagged));
    ImGui::Spacing();
    return;
  }
  const float s = state.dpr;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX;
  if (ImGui::BeginTable("##credit_watch", 6, flags)) {
    ImGui::TableSetupColumn(tr(overdue::S::col_customer), 0, 200 * s);
    ImGui::TableSetupColumn(tr(overdue::S::role_credit_limit), 0, 130 * s);
    ImGui::TableSetupColumn(tr(overdue::S::col_open_amount), 0, 130 * s);
    ImGui::TableSetupColumn(tr(overdue::S::col_utilisation), 0, 100 * s);
    ImGui::TableSetupColumn(tr(overdue::S::col_credit_level), 0, 100 * s);
    ImGui::TableSetupColumn(tr(overdue::S::col_suggested_limit), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < w.flagged.size(); ++k) {
      const overdue::CreditStatus& c = w.customers[w.flagged[k]];
      const overdue::Customer& info = a.ledger().customers[c.customer];
      ImGui::TableNextRow();
      ImGui::PushID(static_cast<int>(k));
      ImGui::TableSetColumnIndex(0);
      if (ImGui::Selectable(info.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        open_customer_card(state, c.customer);
      if (k < 3) record_item_rect(state, "credit.row" + std::to_string(k));
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(money(c.limit_cents).c_str());
      ImGui::TableSetColumnIndex(2);
      text_right_aligned(money(c.open_cents).c_str());
      ImGui::TableSetColumnIndex(3);
      text_right_aligned(c.utilisation ? format_percent(*c.utilisation, 1).c_str() : "—");
      ImGui::TableSetColumnIndex(4);
      ImGui::TextColored(c.level == overdue::CreditLevel::over ? palette().error : palette().warning, "%s",
                         level_label(c.level));
      ImGui::TableSetColumnIndex(5);
      const std::string note = suggested_text(c);
      if (!note.empty()) ImGui::TextUnformatted(note.c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  text_colored_wrapped(palette().text_muted, tr(S::credit_watch_hint));
  ImGui::Spacing();
}

}  // namespace app
