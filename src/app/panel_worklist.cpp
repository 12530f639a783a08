// The Worklist view (issue #20 §3): each overdue customer's next action in priority order, with
// its date ("today's" when within 7 days after the as-of date, marked), the last contact and the
// latest promise's state (the core's build_worklist, as the JSON's "worklist" and worklist.csv).
// On each row the user records an outcome — called, no answer, a promise with its amount and date,
// refused, dispute — which is appended to the contact log the page holds (contact_recording.hpp); the
// analysis follows through the usual jobs. "Download contact log" saves that log as CSV.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "classify_text.hpp"
#include "contact_recording.hpp"
#include "format.hpp"
#include "overdue/classify/worklist.hpp"
#include "overdue/text/value_parsers.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "text_field.hpp"
#include "theme.hpp"

namespace app {
namespace {

// The worklist of the shown analysis, rebuilt when the result or its classification changes.
struct WorklistView {
  uint64_t revision = UINT64_MAX, classify_revision = UINT64_MAX;
  std::vector<overdue::WorklistItem> items;
  size_t today = 0;
};
WorklistView g_view;

// The open "record an outcome" form: for one customer (by id, so it survives the rebuilt list).
struct RecordForm {
  bool open = false;
  std::string customer_id;
  std::string action;                 // the next action it was opened for
  overdue::ContactOutcome outcome = overdue::ContactOutcome::called;
  overdue::ContactChannel channel = overdue::ContactChannel::phone;
  std::string date, amount, promised_date;
  std::string error;
};
RecordForm g_form;
bool g_only_today = false;

const std::vector<overdue::WorklistItem>& worklist(const AppState& state) {
  const Analysis& a = state.analysis;
  if (g_view.revision == a.revision() && g_view.classify_revision == a.classify_revision()) return g_view.items;
  g_view.revision = a.revision();
  g_view.classify_revision = a.classify_revision();
  g_view.items = overdue::build_worklist(a.ledger(), a.overdue(), a.contacts(), a.result().as_of);
  g_view.today = static_cast<size_t>(
      std::count_if(g_view.items.begin(), g_view.items.end(), [](const overdue::WorklistItem& w) { return w.today; }));
  return g_view.items;
}

std::string date_or_dash(int32_t days) { return days == overdue::kMissingDays ? "—" : format_iso_date(days); }

const char* promise_label(overdue::PromiseState p) {
  switch (p) {
    case overdue::PromiseState::pending: return tr(S::wl_promise_pending);
    case overdue::PromiseState::kept: return tr(S::wl_promise_kept);
    case overdue::PromiseState::broken: return tr(S::wl_promise_broken);
    case overdue::PromiseState::none: break;
  }
  return "—";
}

ImVec4 promise_color(overdue::PromiseState p) {
  if (p == overdue::PromiseState::kept) return palette().success;
  if (p == overdue::PromiseState::broken) return palette().error;
  return palette().warning;
}

const char* channel_label(overdue::ContactChannel c) {
  switch (c) {
    case overdue::ContactChannel::sms: return tr(S::wl_channel_sms);
    case overdue::ContactChannel::visit: return tr(S::wl_channel_visit);
    case overdue::ContactChannel::letter: return tr(S::wl_channel_letter);
    default: break;
  }
  return tr(S::wl_channel_phone);
}

void open_form(const AppState& state, const overdue::WorklistItem& item) {
  const Analysis& a = state.analysis;
  g_form = RecordForm{};
  g_form.open = true;
  g_form.customer_id = a.ledger().customers[item.customer].id;
  g_form.action = item.action;
  const overdue::ContactChannel wanted = overdue::action_channel(item.action);
  g_form.channel = wanted == overdue::ContactChannel::other ? overdue::ContactChannel::phone : wanted;
  // Dated on the action's day: the plan's actions all fall after the as-of date, and a contact
  // counts for an action on or after its date (method.md, "Today's worklist").
  const int32_t day = item.date != overdue::kMissingDays ? item.date : a.result().as_of + 1;
  g_form.date = format_iso_date(day);
  g_form.promised_date = format_iso_date(day + 7);
}

// The form's row, or false with g_form.error set.
bool form_row(const AppState& state, overdue::RecordedContact& row) {
  const Analysis& a = state.analysis;
  const overdue::Ledger& l = a.ledger();
  const auto who = std::find_if(l.customers.begin(), l.customers.end(),
                                [](const overdue::Customer& c) { return c.id == g_form.customer_id; });
  if (who == l.customers.end()) return false;
  row.customer_id = who->id;
  row.customer_name = who->name;
  row.outcome = g_form.outcome;
  row.channel = g_form.channel;
  if (!parse_iso_date(overdue::trim_cell(g_form.date), row.date)) {
    g_form.error = tr(S::wl_bad_date);
    return false;
  }
  if (g_form.outcome == overdue::ContactOutcome::promise) {
    if (!parse_iso_date(overdue::trim_cell(g_form.promised_date), row.promised_date)) {
      g_form.error = tr(S::wl_bad_date);
      return false;
    }
    const overdue::ParsedNumber n =
        overdue::parse_number(overdue::trim_cell(g_form.amount), overdue::DecimalMark::point, false);
    if (!n.ok() || n.cents <= 0) {
      g_form.error = tr(S::wl_bad_amount);
      return false;
    }
    row.promised_cents = n.cents;
  }
  return true;
}

void draw_form(AppState& state) {
  if (!g_form.open) return;
  const Analysis& a = state.analysis;
  const overdue::Ledger& l = a.ledger();
  const auto who = std::find_if(l.customers.begin(), l.customers.end(),
                                [](const overdue::Customer& c) { return c.id == g_form.customer_id; });
  if (who == l.customers.end()) {
    g_form.open = false;
    return;
  }
  ImGui::BeginChild("##worklist-form", ImVec2(0, 0), ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY);
  const std::string action = g_form.action.empty() ? tr(S::wl_plan_done) : action_label(g_form.action);
  heading(trf(S::wl_record_for_fmt, who->name.c_str(), action.c_str()).c_str());
  struct Choice {
    overdue::ContactOutcome outcome;
    S label;
    const char* id;
  };
  static const Choice kChoices[] = {{overdue::ContactOutcome::called, S::wl_outcome_called, "called"},
                                    {overdue::ContactOutcome::unreachable, S::wl_outcome_no_answer, "no_answer"},
                                    {overdue::ContactOutcome::promise, S::wl_outcome_promise, "promise"},
                                    {overdue::ContactOutcome::refused, S::wl_outcome_refused, "refused"},
                                    {overdue::ContactOutcome::dispute, S::wl_outcome_dispute, "dispute"}};
  for (const Choice& c : kChoices) {
    if (ImGui::RadioButton(tr(c.label), g_form.outcome == c.outcome)) g_form.outcome = c.outcome;
    record_item_rect(state, std::string("worklist.outcome.") + c.id);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  const float field_w = ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4.0f;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::wl_channel));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  if (ImGui::BeginCombo("##wl-channel", channel_label(g_form.channel))) {
    for (overdue::ContactChannel c : {overdue::ContactChannel::phone, overdue::ContactChannel::sms,
                                      overdue::ContactChannel::visit, overdue::ContactChannel::letter}) {
      if (ImGui::Selectable(channel_label(c), g_form.channel == c)) g_form.channel = c;
      record_item_rect(state, std::string("worklist.channel.") + overdue::contact_channel_name(c));
    }
    ImGui::EndCombo();
  }
  record_item_rect(state, "worklist.channel");
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(S::wl_contact_date));
  ImGui::SameLine();
  text_field("##wl-date", "YYYY-MM-DD", g_form.date, field_w);
  record_item_rect(state, "worklist.date");
  if (g_form.outcome == overdue::ContactOutcome::promise) {
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(S::wl_promised_amount));
    ImGui::SameLine();
    text_field("##wl-amount", "0.00", g_form.amount, field_w * 1.3f);
    record_item_rect(state, "worklist.amount");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(S::wl_promised_date));
    ImGui::SameLine();
    text_field("##wl-promised-date", "YYYY-MM-DD", g_form.promised_date, field_w);
    record_item_rect(state, "worklist.promised_date");
  }
  const bool busy = state.busy();
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(tr(S::wl_save))) {
    g_form.error.clear();
    overdue::RecordedContact row;
    if (form_row(state, row)) {
      if (record_contact(state, row)) {
        show_notice(state, trf(S::wl_recorded_fmt, contact_log_download_name(state).c_str()));
        g_form.open = false;
      } else {
        g_form.error = tr(S::wl_busy);
      }
    }
  }
  record_item_rect(state, "worklist.save");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(S::wl_cancel))) g_form.open = false;
  record_item_rect(state, "worklist.cancel");
  if (busy) {
    ImGui::SameLine();
    text_muted(tr(S::wl_busy));
  }
  if (!g_form.error.empty()) text_colored_wrapped(palette().error, g_form.error.c_str());
  ImGui::EndChild();
}

void draw_downloads(AppState& state) {
  const bool have_log = contact_log_table(state) != nullptr;
  ImGui::BeginDisabled(!have_log);
  if (ImGui::Button(tr(S::wl_download_log))) {
    const std::string name = contact_log_download_name(state);
    platform::download_file(name, "text/csv;charset=utf-8", contact_log_download_bytes(state));
    show_notice(state, trf(S::export_saved_fmt, name.c_str()));
  }
  ImGui::EndDisabled();
  record_item_rect(state, "worklist.download_log");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::wl_download_csv))) {
    for (const overdue::CsvFile& f : state.analysis.csv_files(language())) {
      if (f.name != "worklist.csv") continue;
      platform::download_file(f.name, "text/csv;charset=utf-8", f.bytes);
      show_notice(state, trf(S::export_saved_fmt, f.name.c_str()));
    }
  }
  record_item_rect(state, "worklist.download_csv");
  ImGui::SameLine();
  ImGui::Checkbox(tr(S::wl_only_today), &g_only_today);
  record_item_rect(state, "worklist.only_today");
  text_muted(tr(have_log ? S::wl_keeps_nothing : S::wl_no_log));
}

void draw_table(AppState& state, const std::vector<overdue::WorklistItem>& items) {
  const Analysis& a = state.analysis;
  const overdue::Ledger& l = a.ledger();
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##worklist", 9, flags, ImVec2(0, 0))) return;
  // The record button next to the priority, so it stays in view when the table scrolls sideways.
  ImGui::TableSetupScrollFreeze(3, 1);
  ImGui::TableSetupColumn(tr(overdue::S::col_priority), 0, em * 4.0f);
  ImGui::TableSetupColumn(tr(S::wl_col_record), 0, em * 5.5f);
  ImGui::TableSetupColumn(tr(overdue::S::col_customer), 0, em * 9.0f);
  ImGui::TableSetupColumn(tr(overdue::S::col_type), 0, em * 6.0f);
  ImGui::TableSetupColumn(tr(overdue::S::col_overdue), 0, em * 8.0f);
  ImGui::TableSetupColumn(tr(S::wl_col_next_action), 0, em * 12.0f);
  ImGui::TableSetupColumn(tr(S::wl_col_date), 0, em * 8.5f);
  ImGui::TableSetupColumn(tr(S::wl_col_last_contact), 0, em * 6.5f);
  ImGui::TableSetupColumn(tr(S::wl_col_promise), 0, em * 5.0f);
  ImGui::TableHeadersRow();
  // Shown rows: every item, or today's only; the test names the first rows shown.
  std::vector<size_t> shown;
  for (size_t i = 0; i < items.size(); ++i)
    if (!g_only_today || items[i].today) shown.push_back(i);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const overdue::WorklistItem& item = items[shown[static_cast<size_t>(r)]];
      const overdue::ClassifiedCustomer& cc = a.overdue().customers[item.position];
      const overdue::Customer& who = l.customers[item.customer];
      ImGui::TableNextRow();
      // Today's rows stand out: a tinted row behind the usual stripes.
      if (item.today) {
        ImVec4 tint = palette().accent;
        tint.w = 0.16f;
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::ColorConvertFloat4ToU32(tint));
      }
      ImGui::PushID(r);
      ImGui::TableSetColumnIndex(0);
      text_right_aligned(format_count(item.priority).c_str());
      ImGui::TableSetColumnIndex(1);
      if (ImGui::SmallButton(tr(S::wl_record_button))) open_form(state, item);
      if (r < 5) record_item_rect(state, "worklist.record." + std::to_string(r));
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(who.name.c_str());
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", who.id.c_str());
      ImGui::TableSetColumnIndex(3);
      type_badge(cc.classification.type, cc.classification.low_confidence);
      ImGui::TableSetColumnIndex(4);
      text_right_aligned(format_cents(cc.overdue_cents, 2, true).c_str());
      ImGui::TableSetColumnIndex(5);
      if (item.action.empty()) text_muted(tr(S::wl_plan_done));
      else ImGui::TextUnformatted(action_label(item.action));
      ImGui::TableSetColumnIndex(6);
      ImGui::TextUnformatted(date_or_dash(item.date).c_str());
      if (item.today) {
        ImGui::SameLine();
        ImGui::TextColored(palette().accent, "%s", tr(S::wl_today));
      }
      ImGui::TableSetColumnIndex(7);
      ImGui::TextUnformatted(date_or_dash(item.last_contact).c_str());
      ImGui::TableSetColumnIndex(8);
      if (item.promise == overdue::PromiseState::none) {
        text_muted("—");
      } else {
        ImGui::TextColored(promise_color(item.promise), "%s", promise_label(item.promise));
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort) && item.promised_date != overdue::kMissingDays)
          ImGui::SetTooltip("%s", trf(S::wl_promise_tip_fmt, format_iso_date(item.promised_date).c_str(),
                                      item.promised_cents == overdue::kMissingCents
                                          ? "—"
                                          : format_cents(item.promised_cents, 2, true).c_str())
                                      .c_str());
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_worklist(AppState& state) {
  if (!begin_analysis_view(state)) return;
  const std::vector<overdue::WorklistItem>& items = worklist(state);
  heading(tr(S::wl_heading));
  text_muted(trf(S::wl_summary_fmt, format_count(static_cast<int64_t>(items.size())).c_str(),
                 format_count(static_cast<int64_t>(g_view.today)).c_str())
                 .c_str());
  ImGui::TextWrapped("%s", tr(S::wl_hint));
  draw_downloads(state);
  draw_form(state);
  ImGui::Spacing();
  draw_table(state, items);
}

std::string worklist_ui_json(const AppState& state) {
  nlohmann::json j;
  nlohmann::json rows = nlohmann::json::array();
  const Analysis& a = state.analysis;
  if (a.available() && g_view.revision == a.revision() && g_view.classify_revision == a.classify_revision())
    for (const overdue::WorklistItem& w : g_view.items)
      rows.push_back({{"customer", a.ledger().customers[w.customer].id},
                      {"priority", w.priority},
                      {"action", w.action},
                      {"date", w.date == overdue::kMissingDays ? std::string() : format_iso_date(w.date)},
                      {"today", w.today},
                      {"promise", overdue::promise_state_name(w.promise)}});
  j["rows"] = rows;
  j["today"] = g_view.today;
  j["form_open"] = g_form.open;
  j["form_customer"] = g_form.customer_id;
  j["form_error"] = g_form.error;
  j["contact_log"] = contact_log_table(state) ? contact_log_table(state)->name : std::string();
  return j.dump();
}

}  // namespace app
