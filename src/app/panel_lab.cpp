// The model lab tab (issue #5, DESIGN.md §5): the setup (accounts file, target, bad value,
// options), a progress line while the steps run one per frame, then five views as tabs: data,
// features, model, evaluation, decisions.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "format.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace lab_view {

const char* model_label(int model) {
  static const S kLabels[] = {S::lab_model_logistic, S::lab_model_scorecard, S::lab_model_tree};
  return tr(kLabels[std::clamp(model, 0, kLabModelCount - 1)]);
}

std::string fixed_text(double value, int decimals) {
  if (std::isnan(value)) return "—";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}
void cell_fixed(double value, int decimals) {
  const std::string s = fixed_text(value, decimals);
  text_right_aligned(s.c_str());
}
void cell_count(uint64_t value) {
  const std::string s = format_count(static_cast<int64_t>(value));
  text_right_aligned(s.c_str());
}
void cell_percent(double ratio, int decimals) {
  const std::string s = std::isnan(ratio) ? "—" : format_percent(ratio, decimals);
  text_right_aligned(s.c_str());
}
void cell_text(const std::string& text) { ImGui::TextUnformatted(text.c_str()); }
void note(const char* text) { text_colored_wrapped(palette().text_muted, text); }
float table_height(size_t rows, size_t max_rows) {
  const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
  return row_h * static_cast<float>(std::min(rows, max_rows) + 1) + 4;
}

}  // namespace lab_view

namespace {
using lab_view::note;

// The distinct values of the target column (for the "bad value" choice), at most 12.
std::vector<std::string> target_values(const overdue::Column& column) {
  std::set<std::string> values;
  for (size_t i = 0; i < column.text.size() && values.size() <= 12; ++i) {
    const std::string_view v = column.text.at(i);
    if (!v.empty()) values.emplace(v);
  }
  return {values.begin(), values.end()};
}

const overdue::Column* target_column(const LoadedFile& file, const std::string& target) {
  for (const auto& c : file.data.columns)
    if (target.empty() ? c.role == overdue::Role::target : c.name == target) return &c;
  return nullptr;
}

void draw_setup(AppState& state) {
  LabState& lab = state.lab;
  const float s = state.dpr;
  if (state.find(lab.file_id) == nullptr) lab.file_id = default_lab_file(state);
  LoadedFile* file = state.find(lab.file_id);

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::lab_file));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(240 * s);
  if (ImGui::BeginCombo("##lab-file", file ? file->label().c_str() : tr(S::lab_no_file))) {
    for (const auto& f : state.files) {
      if (f->status != LoadStatus::done) continue;
      if (ImGui::Selectable(f->label().c_str(), f->id == lab.file_id)) {
        lab.file_id = f->id;
        lab.target.clear();
        lab.bad_value.clear();
      }
      record_item_rect(state, "lab.file." + std::to_string(f->id));  // tests pick a file by its id
    }
    ImGui::EndCombo();
  }
  record_item_rect(state, "lab.file");
  if (file == nullptr) {
    note(tr(S::lab_needs_accounts));
    return;
  }
  const overdue::Column* target = target_column(*file, lab.target);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(S::lab_target));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(220 * s);
  if (ImGui::BeginCombo("##lab-target", target ? target->name.c_str() : tr(S::lab_choose_target))) {
    for (const auto& c : file->data.columns) {
      if (ImGui::Selectable(c.name.c_str(), target == &c)) {
        lab.target = c.name;
        lab.bad_value.clear();
      }
    }
    ImGui::EndCombo();
  }
  record_item_rect(state, "lab.target");
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(S::lab_bad_value));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140 * s);
  const std::string bad_shown = lab.bad_value.empty() ? tr(S::lab_bad_automatic) : lab.bad_value;
  if (ImGui::BeginCombo("##lab-bad", bad_shown.c_str())) {
    if (ImGui::Selectable(tr(S::lab_bad_automatic), lab.bad_value.empty())) lab.bad_value.clear();
    if (target != nullptr) {
      for (const std::string& v : target_values(*target))
        if (ImGui::Selectable(v.c_str(), v == lab.bad_value)) lab.bad_value = v;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(lab.running || target == nullptr);
  if (ImGui::Button((std::string(tr(S::lab_run)) + "###lab-run").c_str())) request_lab_run(lab);
  ImGui::EndDisabled();
  record_item_rect(state, "lab.run");

  if (ImGui::TreeNode((std::string(tr(S::lab_options)) + "###lab-options").c_str())) {
    overdue::ModelLabOptions& o = lab.options;
    const float w = 130 * s;
    float test_share = static_cast<float>(o.test_fraction);
    ImGui::SetNextItemWidth(w);
    if (ImGui::SliderFloat(tr(S::lab_test_share), &test_share, 0.1f, 0.5f, "%.2f")) o.test_fraction = test_share;
    ImGui::SameLine();
    int seed = static_cast<int>(o.seed);
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputInt(tr(S::lab_seed), &seed) && seed >= 0) o.seed = static_cast<uint64_t>(seed);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputDouble(tr(S::lab_l2), &o.l2, 0, 0, "%.6f");
    o.l2 = std::max(0.0, o.l2);
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt(tr(S::lab_tree_depth), &o.tree.max_depth, 1, 8);
    ImGui::SameLine();
    int min_leaf = static_cast<int>(o.tree.min_leaf);
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputInt(tr(S::lab_min_leaf), &min_leaf) && min_leaf >= 1) o.tree.min_leaf = static_cast<size_t>(min_leaf);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::SliderInt(tr(S::lab_folds), &o.folds, 0, 10);
    float min_iv = static_cast<float>(o.selection.min_iv), max_r = static_cast<float>(o.selection.max_correlation);
    ImGui::SetNextItemWidth(w);
    if (ImGui::SliderFloat(tr(S::lab_min_iv), &min_iv, 0.0f, 0.3f, "%.3f")) o.selection.min_iv = min_iv;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (ImGui::SliderFloat(tr(S::lab_max_correlation), &max_r, 0.3f, 1.0f, "%.2f")) o.selection.max_correlation = max_r;
    ImGui::SameLine();
    float cap = static_cast<float>(o.cap_high);
    ImGui::SetNextItemWidth(w);
    if (ImGui::SliderFloat(tr(S::lab_cap_high), &cap, 0.9f, 1.0f, "%.3f")) {
      o.cap_high = cap;
      o.cap_low = cap < 1.0f ? 1.0 - cap : 0.0;
    }
    ImGui::SetNextItemWidth(w);
    ImGui::InputDouble(tr(S::lab_base_score), &o.scorecard.base_score, 0, 0, "%.0f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputDouble(tr(S::lab_base_odds), &o.scorecard.base_odds, 0, 0, "%.1f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    ImGui::InputDouble(tr(S::lab_pdo), &o.scorecard.pdo, 0, 0, "%.1f");
    o.scorecard.base_odds = std::max(0.01, o.scorecard.base_odds);
    o.scorecard.pdo = std::max(1.0, o.scorecard.pdo);
    float reject = static_cast<float>(o.reject_share);
    ImGui::SetNextItemWidth(w);
    if (ImGui::SliderFloat(tr(S::lab_reject_share), &reject, 0.05f, 0.7f, "%.2f")) o.reject_share = reject;
    ImGui::TreePop();
  }
}

void draw_progress(AppState& state) {
  const LabState& lab = state.lab;
  const int done = lab.shown_run()->next_step, total = overdue::model_lab_step_count();
  const std::string label = trf(S::lab_running_fmt, overdue::model_lab_step_name(done), done + 1, total);
  ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total), ImVec2(-1, 0), label.c_str());
  note(tr(S::lab_running_hint));
}

void draw_view_tab(AppState& state, LabView view, S text, const char* id, const overdue::ModelLab& run) {
  LabState& lab = state.lab;
  ImGuiTabItemFlags flags = 0;
  if (lab.switch_view && lab.view == view) flags |= ImGuiTabItemFlags_SetSelected;
  const bool open = ImGui::BeginTabItem((std::string(tr(text)) + "###" + id).c_str(), nullptr, flags);
  record_item_rect(state, std::string("lab.tab.") + id);
  if (!open) return;
  if (!lab.switch_view) lab.view = view;
  // Window padding: a margin where the mouse wheel scrolls the view, not a table inside it.
  ImGui::BeginChild((std::string("##lab-view-") + id).c_str(), ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
  switch (view) {
    case LabView::data: lab_view::draw_data(state, run); break;
    case LabView::features: lab_view::draw_features(state, run); break;
    case LabView::model: lab_view::draw_model(state, run); break;
    case LabView::evaluation: lab_view::draw_evaluation(state, run); break;
    case LabView::decisions: lab_view::draw_decisions(state, run); break;
    case LabView::stability: lab_view::draw_stability(state, run); break;
  }
  ImGui::EndChild();
  ImGui::EndTabItem();
}

void draw_results(AppState& state) {
  LabState& lab = state.lab;
  const overdue::ModelLab& run = *lab.run;
  if (!run.error.empty()) {
    text_colored_wrapped(palette().error, trf(S::lab_error_fmt, run.error.c_str()).c_str());
    return;
  }
  // One line of what ran: rows, bad rate, the three test AUCs, the time in the page.
  const double seconds = (lab.finished_ms - lab.started_ms) / 1000.0;
  note(trf(S::lab_summary_fmt, format_count(static_cast<int64_t>(run.data.rows())).c_str(),
                 format_percent(run.data.rows() ? static_cast<double>(run.data.bad_count()) / run.data.rows() : 0, 2).c_str(),
                 lab_view::fixed_text(run.logistic_eval.test.auc, 3).c_str(),
                 lab_view::fixed_text(run.scorecard_eval.test.auc, 3).c_str(),
                 lab_view::fixed_text(run.tree_eval.test.auc, 3).c_str(),
                 lab_view::fixed_text(seconds, 1).c_str())
                 .c_str());
  const bool switching = lab.switch_view;
  if (ImGui::BeginTabBar("##lab-views")) {
    draw_view_tab(state, LabView::data, S::lab_view_data, "data", run);
    draw_view_tab(state, LabView::features, S::lab_view_features, "features", run);
    draw_view_tab(state, LabView::model, S::lab_view_model, "model", run);
    draw_view_tab(state, LabView::evaluation, S::lab_view_evaluation, "evaluation", run);
    draw_view_tab(state, LabView::decisions, S::lab_view_decisions, "decisions", run);
    draw_view_tab(state, LabView::stability, S::lab_view_stability, "stability", run);
    ImGui::EndTabBar();
  }
  if (switching) lab.switch_view = false;
}

}  // namespace

void draw_lab(AppState& state) {
  using lab_view::note;
  LabState& lab = state.lab;
  heading(tr(S::lab_heading));
  note(tr(S::lab_intro));
  if (ImGui::SmallButton((std::string(tr(S::lab_demo_load)) + "###lab-demo").c_str())) {
    lab.auto_start = true;
    platform::load_demo("credit");
  }
  record_item_rect(state, "lab.demo");
  // The demo data's citation whenever it is the lab's file (CC BY 4.0 asks for attribution).
  if (const LoadedFile* f = state.find(lab.file_id); f != nullptr && f->name == kCreditDemoFileName)
    note(tr(S::lab_demo_citation));
  draw_setup(state);
  ImGui::Separator();
  if (lab.running && lab.job) {
    draw_progress(state);
  } else if (lab.run && lab.show_results) {
    draw_results(state);
  } else {
    note(tr(S::lab_not_run));
  }
}

}  // namespace app
