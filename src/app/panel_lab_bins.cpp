// The lab's binning controls (issue #21 §1), drawn in the features view under the bins of the
// feature shown: the trend of its bad rate, its special values with the suggested codes, the bad
// rate per bin as bars, and the binning table's download. Trends and specials go into the lab's
// options (like the bin edits) and apply when the lab runs again.
#include <algorithm>
#include <cstdio>

#include "chart.hpp"
#include "format.hpp"
#include "overdue/report/binning_table_csv.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app::lab_view {
namespace {

using overdue::BinTrend;

struct TrendChoice {
  BinTrend trend;
  S label;
};
constexpr TrendChoice kTrends[] = {
    {BinTrend::automatic, S::lab_trend_auto},        {BinTrend::ascending, S::lab_trend_ascending},
    {BinTrend::descending, S::lab_trend_descending}, {BinTrend::peak, S::lab_trend_peak},
    {BinTrend::valley, S::lab_trend_valley},         {BinTrend::none, S::lab_trend_none},
};

std::string code_text(double code) {
  char text[40];
  std::snprintf(text, sizeof text, "%.6g", code);
  return text;
}

const char* why_text(overdue::SpecialSuggestion::Why why) {
  switch (why) {
    case overdue::SpecialSuggestion::Why::spike:
      return tr(S::lab_special_why_spike);
    case overdue::SpecialSuggestion::Why::negative:
      return tr(S::lab_special_why_negative);
    case overdue::SpecialSuggestion::Why::outlying:
      return tr(S::lab_special_why_outlying);
  }
  return "";
}

void set_trend(overdue::BinningOptions& o, const std::string& feature, BinTrend t) {
  o.trends.erase(
      std::remove_if(o.trends.begin(), o.trends.end(),
                     [&](const overdue::FeatureTrend& f) { return f.feature == feature; }),
      o.trends.end());
  if (t != o.default_trend) o.trends.push_back({feature, t});
}

// The feature's codes replaced by `codes` (one entry per feature; none when empty).
void set_specials(overdue::BinningOptions& o, const std::string& feature,
                  const std::vector<double>& codes) {
  o.specials.erase(
      std::remove_if(o.specials.begin(), o.specials.end(),
                     [&](const overdue::FeatureSpecials& s) { return s.feature == feature; }),
      o.specials.end());
  if (!codes.empty()) o.specials.push_back({feature, codes});
}

// Whether the setup's specials or trends differ from the ones the shown run used.
bool binning_options_changed(const overdue::BinningOptions& a, const overdue::BinningOptions& b,
                             const std::vector<overdue::FeatureBinning>& binnings) {
  for (const overdue::FeatureBinning& f : binnings)
    if (!f.categorical && (a.specials_of(f.name) != b.specials_of(f.name) ||
                           a.trend_of(f.name) != b.trend_of(f.name)))
      return true;
  return false;
}

void draw_trend(AppState& state, const overdue::FeatureBinning& b) {
  overdue::BinningOptions& o = state.lab.options.binning;
  const BinTrend now = o.trend_of(b.name);
  ImGui::TextUnformatted(tr(S::lab_trend_label));
  for (const TrendChoice& c : kTrends) {
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(c.label), now == c.trend) && now != c.trend)
      set_trend(o, b.name, c.trend);
    record_item_rect(state, std::string("lab.trend.") + overdue::bin_trend_name(c.trend));
  }
  note(tr(S::lab_trend_hint));
}

void draw_specials(AppState& state, const overdue::ModelLab& run, size_t f) {
  const overdue::FeatureBinning& b = run.binnings[f];
  overdue::BinningOptions& o = state.lab.options.binning;
  std::vector<double> codes = o.specials_of(b.name);
  ImGui::TextUnformatted(tr(S::lab_specials_label));
  if (codes.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(S::lab_specials_none));
  }
  for (size_t k = 0; k < codes.size(); ++k) {
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(k));
    const std::string label = code_text(codes[k]) + "  ×";
    if (ImGui::SmallButton(label.c_str())) {
      codes.erase(codes.begin() + static_cast<long>(k));
      set_specials(o, b.name, codes);
      ImGui::PopID();
      return;
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s",
                        trf(S::lab_special_remove_tip_fmt, code_text(codes[k]).c_str()).c_str());
    ImGui::PopID();
  }
  static double new_code = 0;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110 * state.dpr);
  ImGui::InputDouble("##lab-special-code", &new_code, 0, 0, "%.6g");
  ImGui::SameLine();
  if (ImGui::SmallButton((std::string(tr(S::lab_special_add)) + "###lab-special-add").c_str()) &&
      std::find(codes.begin(), codes.end(), new_code) == codes.end()) {
    codes.push_back(new_code);
    set_specials(o, b.name, codes);
  }
  record_item_rect(state, "lab.special_add");
  if (f >= run.special_suggestions.size()) return;
  size_t shown = 0;
  for (const overdue::SpecialSuggestion& s : run.special_suggestions[f]) {
    if (std::find(codes.begin(), codes.end(), s.code) != codes.end()) continue;
    const std::string text =
        trf(S::lab_special_suggest_fmt, code_text(s.code).c_str(),
            format_count(static_cast<int64_t>(s.rows)).c_str(), why_text(s.why));
    ImGui::PushID(static_cast<int>(1000 + shown));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
    if (ImGui::SmallButton(text.c_str())) {
      codes.push_back(s.code);
      set_specials(o, b.name, codes);
    }
    ImGui::PopStyleColor();
    record_item_rect(state, "lab.special_suggest." + std::to_string(shown));
    ImGui::PopID();
    ++shown;
  }
}

}  // namespace

void draw_bin_options(AppState& state, const overdue::ModelLab& run, size_t f) {
  LabState& lab = state.lab;
  const overdue::FeatureBinning& b = run.binnings[f];
  if (b.categorical) {
    note(tr(S::lab_specials_text_feature));
  } else {
    draw_trend(state, b);
    draw_specials(state, run, f);
  }
  if (binning_options_changed(lab.options.binning, run.options.binning, run.binnings)) {
    text_colored_wrapped(palette().warning, tr(S::lab_bins_options_pending));
    ImGui::BeginDisabled(lab.running);
    if (ImGui::Button((std::string(tr(S::lab_bins_rerun)) + "###lab-bins-rerun").c_str()))
      request_lab_run(lab);
    ImGui::EndDisabled();
    record_item_rect(state, "lab.bins_rerun");
  }
}

void draw_event_rate_chart(AppState& state, const overdue::FeatureBinning& b) {
  ImGui::TextUnformatted(tr(S::lab_event_rate_heading));
  std::vector<chart::Bar> bars;
  for (const overdue::WoeBin& w : b.bins) {
    chart::Bar bar;
    bar.label = w.label;
    bar.value = w.bad_rate;
    bar.color = w.kind == overdue::WoeBin::Kind::range || w.kind == overdue::WoeBin::Kind::levels
                    ? ImGui::ColorConvertFloat4ToU32(palette().accent)
                    : IM_COL32(160, 160, 160, 255);  // special and missing bins: outside the trend
    bar.value_label = format_percent(w.bad_rate, 1);
    bar.tooltip = {w.label, format_percent(w.bad_rate, 2)};
    bars.push_back(std::move(bar));
  }
  chart::bar_chart("##lab-event-rate", bars, ImVec2(-1, 180 * state.dpr),
                   [](double v) { return format_percent(v, 0); });
  record_item_rect(state, "lab.event_rate_chart");
}

void draw_bins_download(AppState& state, const overdue::ModelLab& run) {
  if (ImGui::Button((std::string(tr(S::lab_bins_download)) + "###lab-bins-download").c_str())) {
    const std::string name = "binning_table.csv";
    platform::download_file(name, "text/csv;charset=utf-8",
                            overdue::binning_tables_csv(run.binnings, language()));
    show_notice(state, trf(S::export_saved_fmt, name.c_str()));
  }
  record_item_rect(state, "lab.bins_download");
}

}  // namespace app::lab_view
