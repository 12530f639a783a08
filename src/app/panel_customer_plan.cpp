// The customer card's scores and plan (issue #4): the ability-to-pay and impact scores with each
// input's raw value, 0–1 component, weight, points and a small bar; the risk quadrant and
// priority; the dated action plan, the installment schedule (its sum shown against the overdue
// amount), the grace-period end, the credit-limit change; the allowance and the contact summary.
#include <algorithm>

#include "classify_text.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

std::string money(int64_t cents) { return format_cents(cents, 2, true); }

void score_table(const char* id, S title, const overdue::Score& score, float width) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(tr(title));
  ImGui::SameLine();
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
  ImGui::TextColored(palette().accent, "%s", trf(S::score_value_fmt, format_decimal(score.value, 1).c_str()).c_str());
  ImGui::PopFont();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable(id, 6, flags, ImVec2(width, 0))) {
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(tr(S::col_input), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(S::col_raw_value), 0, em * 6.0f);
    ImGui::TableSetupColumn(tr(S::col_component), 0, em * 4.0f);
    ImGui::TableSetupColumn(tr(S::col_weight), 0, em * 3.0f);
    ImGui::TableSetupColumn(tr(overdue::S::col_points), 0, em * 3.2f);
    ImGui::TableSetupColumn("##bar", 0, em * 4.0f);
    ImGui::TableHeadersRow();
    double weights = 0;
    for (const auto& in : score.inputs) weights += in.weight;
    for (const overdue::ScoreTerm& in : score.inputs) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", score_input_label(in.input));
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(score_input_value_text(in).c_str());
      ImGui::TableSetColumnIndex(2);
      text_right_aligned(format_decimal(in.component, 2).c_str());
      ImGui::TableSetColumnIndex(3);
      text_right_aligned(format_decimal(in.weight, 0).c_str());
      ImGui::TableSetColumnIndex(4);
      text_right_aligned(format_decimal(in.points, 1).c_str());
      ImGui::TableSetColumnIndex(5);
      // The bar's full length is the most points this input can give (its weight's share of 100).
      const float w = ImGui::GetContentRegionAvail().x;
      const float h = ImGui::GetTextLineHeight() * 0.6f;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float top = p.y + (ImGui::GetTextLineHeight() - h) * 0.5f;
      const double most = weights > 0 ? 100.0 * in.weight / weights : 0;
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + w, top + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 2.0f);
      if (most > 0)
        dl->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + w * static_cast<float>(std::clamp(in.points / most, 0.0, 1.0)), top + h),
                          ImGui::ColorConvertFloat4ToU32(palette().accent), 2.0f);
      ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
    }
    ImGui::EndTable();
  }
  ImGui::EndGroup();
}

void draw_limit_change(const overdue::ActionPlan& plan, const overdue::Customer& info) {
  std::string change;
  if (plan.credit_limit_change_pct == 0) change = tr(overdue::S::limit_keep);
  else if (plan.credit_limit_change_pct <= -100) change = tr(overdue::S::limit_freeze);
  else change = trf(overdue::S::limit_lower_fmt, -plan.credit_limit_change_pct);
  std::string line = trf(overdue::S::limit_change_fmt, change.c_str());
  if (plan.suggested_credit_limit_cents != overdue::kMissingCents && info.credit_limit_cents != overdue::kMissingCents)
    line += " · " + trf(overdue::S::suggested_limit_fmt, money(plan.suggested_credit_limit_cents).c_str(),
                        money(info.credit_limit_cents).c_str());
  else
    line += " · " + std::string(tr(S::no_credit_limit));
  ImGui::TextWrapped("%s", line.c_str());
}

}  // namespace

void draw_scores_breakdown(AppState& state, const overdue::ClassifiedCustomer& c) {
  heading(tr(S::card_scores_heading));
  ImGui::TextUnformatted((std::string(tr(overdue::S::col_quadrant)) + ": " + quadrant_label(c.quadrant) + "   ·   " +
                          tr(overdue::S::col_priority) + ": " + format_count(c.priority)).c_str());
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetFontSize() * 1.5f;
  const bool side_by_side = avail > ImGui::GetFontSize() * 70.0f;
  const float width = side_by_side ? (avail - gap) * 0.5f : avail;
  score_table("##ability", S::score_ability, c.ability, width);
  record_item_rect(state, "customer.ability");
  if (side_by_side) ImGui::SameLine(0, gap);
  score_table("##impact", S::score_impact, c.impact, width);
  record_item_rect(state, "customer.impact");
}

void draw_action_plan(AppState& state, const overdue::ClassifiedCustomer& c) {
  const overdue::ActionPlan& plan = c.plan;
  const overdue::Customer& info = state.analysis.ledger().customers[c.customer];
  heading(tr(overdue::S::card_plan_heading));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  const float em = ImGui::GetFontSize();
  if (!plan.actions.empty() && ImGui::BeginTable("##actions", 3, flags)) {
    ImGui::TableSetupColumn(tr(overdue::S::col_date), 0, em * 6.5f);
    ImGui::TableSetupColumn(tr(overdue::S::col_action), 0, em * 16.0f);
    ImGui::TableSetupColumn(tr(overdue::S::col_amount), 0, em * 8.0f);
    ImGui::TableHeadersRow();
    for (const overdue::PlannedAction& act : plan.actions) {
      // Installment dates are listed once, in the installment table below, with their numbers.
      if (act.action == "installment_due" && !plan.installments.empty()) continue;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(format_iso_date(act.date).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(action_label(act.action));
      ImGui::TableSetColumnIndex(2);
      if (act.cents != overdue::kMissingCents) text_right_aligned(money(act.cents).c_str());
    }
    ImGui::EndTable();
    record_item_rect(state, "customer.actions");
  }
  state.card.actions = plan.actions.size();
  if (plan.grace_end != overdue::kMissingDays)
    ImGui::TextUnformatted(trf(overdue::S::grace_end_fmt, format_iso_date(plan.grace_end).c_str()).c_str());
  state.card.installments_sum_cents = 0;
  state.card.overdue_cents = c.overdue_cents;
  if (!plan.installments.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(overdue::S::installments_heading));
    int64_t sum = 0;
    if (ImGui::BeginTable("##installments", 3, flags)) {
      ImGui::TableSetupColumn(tr(overdue::S::col_installment_no), 0, em * 3.5f);
      ImGui::TableSetupColumn(tr(overdue::S::col_date), 0, em * 6.5f);
      ImGui::TableSetupColumn(tr(overdue::S::col_amount), 0, em * 8.0f);
      ImGui::TableHeadersRow();
      for (const overdue::Installment& in : plan.installments) {
        sum += in.cents;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        text_right_aligned(format_count(in.number).c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(format_iso_date(in.date).c_str());
        ImGui::TableSetColumnIndex(2);
        text_right_aligned(money(in.cents).c_str());
      }
      ImGui::EndTable();
      record_item_rect(state, "customer.installments");
    }
    state.card.installments_sum_cents = sum;
    // The plan asks for the overdue amount the customer does not dispute (issue #20 §2).
    const int64_t asked = c.overdue_cents - state.analysis.result().customers[c.customer].disputed_overdue_cents;
    const ImVec4 color = sum == asked ? palette().success : palette().error;
    ImGui::TextColored(color, "%s", trf(overdue::S::installments_sum_fmt, money(sum).c_str(), money(asked).c_str()).c_str());
  }
  draw_limit_change(plan, info);
  // issue #20 §4: the suggested limit against what is open now.
  if (const overdue::CreditStatus* cs = overdue::credit_status_of(state.analysis.credit_watch(), c.customer);
      cs && cs->suggested_limit_cents != overdue::kMissingCents) {
    const bool over = cs->suggested_headroom_cents < 0;
    const std::string line =
        over ? trf(overdue::S::credit_suggested_over_fmt, money(cs->open_cents).c_str(),
                   money(cs->suggested_limit_cents).c_str(), money(-cs->suggested_headroom_cents).c_str())
             : trf(overdue::S::credit_suggested_within_fmt, money(cs->open_cents).c_str(),
                   money(cs->suggested_limit_cents).c_str());
    text_colored_wrapped(over ? palette().warning : palette().text_muted, line.c_str());
  }
  ImGui::TextUnformatted(trf(S::card_allowance_fmt, money(c.allowance_cents).c_str()).c_str());
}

void draw_contact_summary(AppState& state, const overdue::ClassifiedCustomer& c) {
  heading(tr(S::contacts_heading));
  if (!state.analysis.contacts().present || !c.contacts.evaluated) {
    text_muted(tr(S::contacts_none));
    return;
  }
  const overdue::ContactSummary& k = c.contacts;
  const std::string last = k.last_contact == overdue::kMissingDays ? std::string("—") : format_iso_date(k.last_contact);
  ImGui::TextWrapped("%s", trf(overdue::S::contacts_summary_fmt, format_count(k.contacts).c_str(), format_count(k.promises).c_str(),
                               format_count(k.broken_promises).c_str(), format_count(k.refusals).c_str(),
                               format_count(k.unreachable).c_str(), format_count(k.paid).c_str(), last.c_str()).c_str());
}

}  // namespace app
