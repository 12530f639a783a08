// The monitoring controls above the dashboard and the overdue list (issue #3, "The page"):
// as-of date (typed YYYY-MM-DD, a slider over the data's span, or "latest"), the overdue
// threshold, the aging bucket edges and the replay step. Editing one changes
// state.analysis.controls; the analysis reruns on the next frames.
#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "overdue/ledger/no_invoices.hpp"

#include "format.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "text_field.hpp"
#include "theme.hpp"

namespace app {
namespace {

// Controls groups sit three spacings apart.
void wrap_group(float width) { same_line_if_fits(width, 3.0f); }

void label(const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  ImGui::SameLine();
}

void tooltip_on_hover(const char* text) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

const char* edges_error_text(EdgesError e) {
  switch (e) {
    case EdgesError::empty: return tr(S::edges_empty);
    case EdgesError::not_a_number: return tr(S::edges_not_number);
    case EdgesError::not_increasing: return tr(S::edges_not_increasing);
    case EdgesError::none: break;
  }
  return "";
}

}  // namespace

void draw_analysis_controls(AppState& state) {
  Analysis& a = state.analysis;
  AnalysisControls& c = a.controls;
  const float s = state.dpr;
  const float field_w = ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 4.0f;

  // Keep the as-of field showing the date in use unless the user is typing a different one.
  int32_t typed = 0;
  const bool text_is_date = parse_iso_date(state.as_of_text, typed);
  if (a.available() && !a.pending() && !platform::text_overlay_open() && (state.as_of_text.empty() || text_is_date))
    state.as_of_text = format_iso_date(a.result().as_of);

  // [as-of] text, slider, latest
  ImGui::BeginGroup();
  label(tr(overdue::S::as_of_date));
  if (text_field("##as_of", "YYYY-MM-DD", state.as_of_text, field_w)) {
    int32_t d = 0;
    if (parse_iso_date(state.as_of_text, d)) {
      c.as_of = d;
      c.as_of_latest = false;
    }
  }
  record_item_rect(state, "analysis.as_of");
  if (a.available() && a.ledger().first_date != overdue::kMissingDays && a.ledger().last_date > a.ledger().first_date) {
    // On a narrow page the slider gets a line of its own, as wide as there is room (a finger's
    // travel), with "Latest" after it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float latest_w = ImGui::CalcTextSize(tr(S::as_of_latest)).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    float slider_w = 180.0f * s;
    const float line_start = ImGui::GetCursorScreenPos().x;   // the next line's start, under the field
    same_line_if_fits(slider_w + latest_w, 1.0f);
    if (ImGui::GetCursorScreenPos().x == line_start)
      slider_w = std::max(slider_w, std::min(ImGui::GetContentRegionAvail().x - latest_w, 480.0f * s));
    // The as-of asked for, not the one of the result shown: while the new analysis computes the
    // slider stays where the user left it.
    int value = c.as_of_latest ? a.result().as_of : c.as_of;
    const std::string shown = format_iso_date(value);  // the slider's text: the date, not the day number
    ImGui::SetNextItemWidth(slider_w);
    if (ImGui::SliderInt("##as_of_slider", &value, a.ledger().first_date, a.ledger().last_date, shown.c_str(),
                         ImGuiSliderFlags_AlwaysClamp)) {
      c.as_of = value;
      c.as_of_latest = false;
      state.as_of_text = format_iso_date(value);
    }
    record_item_rect(state, "analysis.as_of_slider");
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(c.as_of_latest);
  if (ImGui::Button(tr(S::as_of_latest))) {
    c.as_of_latest = true;
    state.as_of_text.clear();
  }
  ImGui::EndDisabled();
  record_item_rect(state, "analysis.as_of_latest");
  tooltip_on_hover(tr(S::as_of_latest_tip));
  ImGui::EndGroup();
  int32_t check = 0;
  const bool as_of_invalid = !state.as_of_text.empty() && !parse_iso_date(state.as_of_text, check);

  // [threshold]
  // Room for four digits beside the - and + buttons, which grow to a fingertip's size on touch.
  const ImGuiStyle& st = ImGui::GetStyle();
  const float threshold_w = std::max(110.0f * s, ImGui::CalcTextSize("0000").x + st.FramePadding.x * 2 +
                                                     2 * (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x));
  wrap_group(ImGui::CalcTextSize(tr(overdue::S::threshold_days)).x + st.ItemSpacing.x + threshold_w);
  ImGui::BeginGroup();
  label(tr(overdue::S::threshold_days));
  tooltip_on_hover(tr(S::threshold_tip));
  int threshold = c.threshold_days;
  ImGui::SetNextItemWidth(threshold_w);
  if (ImGui::InputInt("##threshold", &threshold, 1, 10)) c.threshold_days = std::clamp(threshold, 0, 3650);
  record_item_rect(state, "analysis.threshold");
  ImGui::EndGroup();

  // [bucket edges]
  const float buckets_w = ImGui::CalcTextSize("30,60,90,180,365").x + ImGui::GetStyle().FramePadding.x * 4.0f;
  wrap_group(ImGui::CalcTextSize(tr(overdue::S::bucket_edges)).x + st.ItemSpacing.x + buckets_w);
  ImGui::BeginGroup();
  label(tr(overdue::S::bucket_edges));
  tooltip_on_hover(tr(S::bucket_edges_tip));
  std::vector<int> edges;
  if (text_field("##buckets", "30,60,90,180", state.buckets_text, buckets_w) &&
      parse_bucket_edges(state.buckets_text, edges) == EdgesError::none)
    c.bucket_edges = edges;
  record_item_rect(state, "analysis.buckets");
  ImGui::EndGroup();
  const EdgesError edges_error = parse_bucket_edges(state.buckets_text, edges);

  // [replay step]
  wrap_group(ImGui::CalcTextSize(tr(overdue::S::replay_step)).x + 260.0f * s);
  ImGui::BeginGroup();
  label(tr(overdue::S::replay_step));
  const struct { overdue::ReplayStep step; overdue::S text; const char* id; } steps[] = {
      {overdue::ReplayStep::day, overdue::S::step_day, "analysis.step_day"},
      {overdue::ReplayStep::week, overdue::S::step_week, "analysis.step_week"},
      {overdue::ReplayStep::month, overdue::S::step_month, "analysis.step_month"}};
  for (const auto& st : steps) {
    if (&st != &steps[0]) ImGui::SameLine();
    if (ImGui::RadioButton(tr(st.text), c.step == st.step)) c.step = st.step;
    record_item_rect(state, st.id);
  }
  ImGui::EndGroup();

  // [keep drafts] shown once the data has drafts (or the switch is on), so other files' pages are
  // unchanged.
  bool drafts = a.keep_drafts;
  if (a.has_ledger())
    for (const overdue::SetAsideRow& r : a.ledger().set_aside) drafts = drafts || r.kind == overdue::ProblemKind::draft_invoice;
  if (drafts) {
    wrap_group(ImGui::CalcTextSize(tr(S::keep_drafts)).x + 40.0f * s);
    ImGui::Checkbox(tr(S::keep_drafts), &a.keep_drafts);
    record_item_rect(state, "analysis.keep_drafts");
    tooltip_on_hover(tr(S::keep_drafts_tip));
  }

  // Messages under the controls: invalid input, computing, the data's span.
  if (as_of_invalid) text_colored_wrapped(palette().error, tr(S::as_of_invalid));
  if (edges_error != EdgesError::none) text_colored_wrapped(palette().error, edges_error_text(edges_error));
  if (a.pending()) {
    // The previous figures stay on screen while the new ones compute (issue #7): say so.
    const int percent = static_cast<int>(a.progress() * 100.0);
    text_muted(trf(a.available() ? S::analysis_updating_fmt : S::analysis_computing_fmt, percent).c_str());
  } else if (a.available() && a.ledger().first_date != overdue::kMissingDays) {
    const std::string from = format_iso_date(a.ledger().first_date), to = format_iso_date(a.ledger().last_date);
    text_muted(trf(S::data_span_fmt, from.c_str(), to.c_str()).c_str());
  }
}

void apply_analysis_controls_json(AppState& state, const std::string& json) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return;
  AnalysisControls& c = state.analysis.controls;
  if (j.contains("as_of") && j["as_of"].is_string()) {
    const std::string text = j["as_of"].get<std::string>();
    int32_t d = 0;
    if (text == "latest") {
      c.as_of_latest = true;
      state.as_of_text.clear();
    } else if (parse_iso_date(text, d)) {
      c.as_of_latest = false;
      c.as_of = d;
      state.as_of_text = text;
    }
  }
  if (j.contains("threshold") && j["threshold"].is_number_integer())
    c.threshold_days = std::clamp(j["threshold"].get<int>(), 0, 3650);
  if (j.contains("buckets") && j["buckets"].is_array()) {
    std::vector<int> edges;
    for (const auto& v : j["buckets"]) if (v.is_number_integer()) edges.push_back(v.get<int>());
    std::vector<int> checked;
    if (parse_bucket_edges(bucket_edges_text(edges), checked) == EdgesError::none) {
      c.bucket_edges = checked;
      state.buckets_text = bucket_edges_text(checked);
    }
  }
  if (j.contains("step") && j["step"].is_string()) {
    const std::string step = j["step"].get<std::string>();
    if (step == "day") c.step = overdue::ReplayStep::day;
    if (step == "week") c.step = overdue::ReplayStep::week;
    if (step == "month") c.step = overdue::ReplayStep::month;
  }
}

bool begin_analysis_view(AppState& state) {
  draw_analysis_controls(state);
  ImGui::Separator();
  ImGui::Spacing();
  const Analysis& a = state.analysis;
  if (a.available()) return true;
  if (!a.pending()) {
    text_colored_wrapped(palette().warning, tr(S::no_ledger));
    // A ledger was built but gave no invoice: each file says why (issue #17 item 8), computed
    // once per result (the rejected rows can be many).
    static uint64_t reasons_revision = ~0ull;
    static overdue::Lang reasons_lang = overdue::Lang::en;
    static std::vector<std::string> reasons;
    if (a.has_ledger() && (reasons_revision != a.revision() || reasons_lang != language())) {
      reasons = overdue::no_invoice_reasons(a.files(), a.ledger(), language());
      reasons_revision = a.revision();
      reasons_lang = language();
    }
    if (a.has_ledger())
      for (const std::string& line : reasons) text_colored_wrapped(palette().text_muted, line.c_str());
  }
  return false;
}

}  // namespace app
