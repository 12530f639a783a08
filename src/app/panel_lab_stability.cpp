// The lab's stability view (issue #21 §3): a second loaded file of new applicants against the
// development file — the score PSI over the lab's bands with its band coloured, the per-band table
// with expected and actual shares side by side, the CSI of every card feature highest first — and
// the same per calendar month of a date column of the development file, with a line of PSI per
// month. The core computes (stability.hpp, one pass over both files); the result is stored in
// run->monitoring, so summary().model is the document `model --monitor/--monitor-by` writes.
//
// [SECTION] computing (on a choice or a new run, never per frame)
// [SECTION] the file comparison
// [SECTION] by month
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "format.hpp"
#include "frame_pacer.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app::lab_view {
namespace {

// [SECTION] computing
// ------------------------------------------------------------------------------ A choice (or a new
// run) starts a StabilityJob; each frame the view is shown runs a paced slice of it (a unit = a
// record; ~1 ms per 3–5k records natively, so 150k rows take a few frames, never one long one). The
// result goes into the run once the job is done.
constexpr double kMonitorSliceMs = 25.0;
FramePacer g_monitor_pacer(5000, 500, 1e6);

void start_job(AppState& state, overdue::ModelLab& run) {
  LabState& lab = state.lab;
  lab.monitor_stale = false;
  lab.monitor_error.clear();
  lab.monitor_job.reset();
  run.monitoring = {};
  const LoadedFile* dev = state.find(lab.run_file_id);
  const LoadedFile* other = state.find(lab.monitor_file_id);
  if (dev == nullptr || !run.scorecard.ok() || (other == nullptr && lab.monitor_by.empty())) return;
  lab.monitor_job =
      std::make_unique<overdue::StabilityJob>(run.scorecard, run.bands, dev->data, run.data.record,
                                              other ? &other->data : nullptr, lab.monitor_by);
  lab.monitor_job_dev = dev->id;
  lab.monitor_job_other = other ? other->id : 0;
  lab.monitor_started_ms = platform::now_ms();
  lab.monitor_frames = 0;
  lab.monitor_compute_ms = lab.monitor_longest_ms = 0;
  lab.monitor_shown_psi.clear();
}

void advance_job(AppState& state, overdue::ModelLab& run) {
  LabState& lab = state.lab;
  if (!lab.monitor_job) return;
  // The files the job reads must still be loaded (a removed file ends the job, unfinished).
  if (state.find(lab.monitor_job_dev) == nullptr ||
      (lab.monitor_job_other != 0 && state.find(lab.monitor_job_other) == nullptr)) {
    lab.monitor_job.reset();
    return;
  }
  ++lab.monitor_frames;
  const double t0 = platform::now_ms();
  const overdue::Step step = step_paced(*lab.monitor_job, g_monitor_pacer, kMonitorSliceMs);
  const double slice = platform::now_ms() - t0;
  lab.monitor_compute_ms += slice;
  lab.monitor_longest_ms = std::max(lab.monitor_longest_ms, slice);
  if (step == overdue::Step::more) return;
  lab.monitor_error = lab.monitor_job->error();
  run.monitoring = lab.monitor_job->take();
  lab.monitor_job.reset();
  lab.monitor_ms = platform::now_ms() - lab.monitor_started_ms;
}

ImVec4 band_colour(const std::string& band) {
  return band == "shift"   ? palette().error
         : band == "watch" ? palette().warning
                           : palette().success;
}
const char* band_text(const std::string& band) {
  return tr(band == "shift"   ? S::lab_stab_shift
            : band == "watch" ? S::lab_stab_watch
                              : S::lab_stab_stable);
}
// "0.0123  stable" with the reading in its band's colour.
void index_line(const std::string& text, const overdue::StabilityIndex& s) {
  ImGui::TextUnformatted(text.c_str());
  ImGui::SameLine();
  ImGui::TextColored(band_colour(s.band), "%s", band_text(s.band));
}

// [SECTION] the file comparison
// ----------------------------------------------------------------------
void draw_file_picker(AppState& state) {
  LabState& lab = state.lab;
  const LoadedFile* chosen = state.find(lab.monitor_file_id);
  ImGui::TextUnformatted(tr(S::lab_stab_pick));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(300 * state.dpr);
  if (ImGui::BeginCombo("##lab-monitor-file",
                        chosen ? chosen->label().c_str() : tr(S::lab_no_file))) {
    if (ImGui::Selectable(tr(S::lab_no_file), chosen == nullptr) && lab.monitor_file_id != 0) {
      lab.monitor_file_id = 0;
      lab.monitor_stale = true;
    }
    int k = 0;
    for (const auto& f : state.files) {
      if (f->status != LoadStatus::done) continue;
      if (ImGui::Selectable(f->label().c_str(), f->id == lab.monitor_file_id) &&
          f->id != lab.monitor_file_id) {
        lab.monitor_file_id = f->id;
        lab.monitor_stale = true;
      }
      record_item_rect(state, "lab.monitor.file." + std::to_string(k++));
    }
    ImGui::EndCombo();
  }
  record_item_rect(state, "lab.monitor.file");
}

void draw_band_table(AppState& state, const overdue::StabilityIndex& score) {
  heading(tr(S::lab_stab_bands_heading));
  const S headers[] = {S::lab_stab_col_band, S::lab_stab_col_points, S::lab_stab_col_expected,
                       S::lab_stab_col_actual, S::lab_stab_col_contribution};
  if (ImGui::BeginTable("##lab-stab-bands", 5, kTableFlags,
                        ImVec2(0, table_height(score.bins.size(), 20)))) {
    for (S h : headers) ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    for (const overdue::StabilityBin& b : score.bins) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      cell_count(static_cast<uint64_t>(b.band));
      ImGui::TableNextColumn();
      cell_text("(" + (std::isfinite(b.lower) ? fixed_text(b.lower, 1) : std::string("−∞")) + ", " +
                (std::isfinite(b.upper) ? fixed_text(b.upper, 1) : std::string("+∞")) + "]");
      ImGui::TableNextColumn();
      cell_percent(b.expected, 2);
      ImGui::TableNextColumn();
      cell_percent(b.actual, 2);
      ImGui::TableNextColumn();
      cell_fixed(b.contribution, 4);
    }
    ImGui::EndTable();
  }
  record_item_rect(state, "lab.monitor.bands");
  // Expected (grey) and actual (the index's colour) side by side per band, band 1 first.
  std::vector<chart::Bar> bars;
  const ImU32 grey = IM_COL32(150, 158, 170, 255);
  const ImU32 actual = ImGui::ColorConvertFloat4ToU32(band_colour(score.band));
  for (const overdue::StabilityBin& b : score.bins) {
    chart::Bar e, a;
    e.label = std::to_string(b.band);
    e.value = b.expected;
    e.color = grey;
    e.tooltip = {std::string(tr(S::lab_stab_col_band)) + " " + std::to_string(b.band),
                 std::string(tr(S::lab_stab_expected)) + " " + format_percent(b.expected, 2)};
    a.value = b.actual;
    a.color = actual;
    a.tooltip = {std::string(tr(S::lab_stab_col_band)) + " " + std::to_string(b.band),
                 std::string(tr(S::lab_stab_actual)) + " " + format_percent(b.actual, 2)};
    bars.push_back(std::move(e));
    bars.push_back(std::move(a));
  }
  chart::legend({{tr(S::lab_stab_expected), grey}, {tr(S::lab_stab_actual), actual}});
  const float w = std::min(ImGui::GetContentRegionAvail().x, 640 * state.dpr);
  chart::bar_chart("##lab-stab-bars", bars, ImVec2(w, w * 0.35f),
                   [](double v) { return format_percent(v, 0); });
  record_item_rect(state, "lab.monitor.chart");
}

void draw_feature_table(AppState& state, const std::vector<overdue::FeatureStability>& features) {
  heading(tr(S::lab_stab_features_heading));
  std::vector<size_t> order(features.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return features[a].csi.index > features[b].csi.index;
  });
  // The feature whose bins are listed below: the user's pick, else the highest index.
  const overdue::FeatureStability* shown = order.empty() ? nullptr : &features[order.front()];
  for (const overdue::FeatureStability& f : features)
    if (f.feature == state.lab.monitor_feature) shown = &f;
  if (shown == nullptr) return;
  if (ImGui::BeginTable("##lab-stab-features", 4, kTableFlags,
                        ImVec2(0, table_height(order.size(), 16)))) {
    ImGui::TableSetupColumn(tr(S::lab_stab_col_feature));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_csi));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_reading));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_bins));
    ImGui::TableHeadersRow();
    for (size_t i : order) {
      const overdue::FeatureStability& f = features[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable((f.feature + "##stab-feature").c_str(), f.feature == shown->feature,
                            ImGuiSelectableFlags_SpanAllColumns))
        state.lab.monitor_feature = f.feature;
      ImGui::TableNextColumn();
      cell_fixed(f.csi.index, 4);
      ImGui::TableNextColumn();
      ImGui::TextColored(band_colour(f.csi.band), "%s", band_text(f.csi.band));
      // The bin whose share moved the most, as "label: expected → actual".
      ImGui::TableNextColumn();
      const overdue::StabilityBin* most = nullptr;
      for (const overdue::StabilityBin& b : f.csi.bins)
        if (most == nullptr ||
            std::fabs(b.actual - b.expected) > std::fabs(most->actual - most->expected))
          most = &b;
      if (most != nullptr &&
          std::fabs(most->actual - most->expected) >= 0.0005)  // a change that prints
        cell_text((most->label == "no bin" ? std::string(tr(S::lab_stab_no_bin)) : most->label) +
                  ": " + format_percent(most->expected, 1) + " → " +
                  format_percent(most->actual, 1));
    }
    ImGui::EndTable();
  }
  record_item_rect(state, "lab.monitor.features");
  // Its per-bin table: expected %, actual %, contribution.
  ImGui::TextUnformatted(trf(S::lab_stab_feature_bins_fmt, shown->feature.c_str()).c_str());
  if (ImGui::BeginTable("##lab-stab-feature-bins", 4, kTableFlags,
                        ImVec2(0, table_height(shown->csi.bins.size(), 12)))) {
    ImGui::TableSetupColumn(tr(S::lab_stab_col_bin));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_expected));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_actual));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_contribution));
    ImGui::TableHeadersRow();
    for (const overdue::StabilityBin& b : shown->csi.bins) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      cell_text(b.label == "no bin" ? std::string(tr(S::lab_stab_no_bin)) : b.label);
      ImGui::TableNextColumn();
      cell_percent(b.expected, 2);
      ImGui::TableNextColumn();
      cell_percent(b.actual, 2);
      ImGui::TableNextColumn();
      cell_fixed(b.contribution, 4);
    }
    ImGui::EndTable();
  }
  record_item_rect(state, "lab.monitor.feature_bins");
}

// [SECTION] by month
// ----------------------------------------------------------------------------------
void draw_by_month(AppState& state, const overdue::ModelLab& run) {
  LabState& lab = state.lab;
  heading(tr(S::lab_stab_by_heading));
  note(tr(S::lab_stab_by_hint));
  const LoadedFile* dev = state.find(lab.run_file_id);
  std::vector<std::string> dates;
  if (dev != nullptr)
    for (const overdue::Column& c : dev->data.columns)
      if (c.type == overdue::ColumnType::date) dates.push_back(c.name);
  if (dates.empty()) {
    note(tr(S::lab_stab_by_no_dates));
    return;
  }
  ImGui::TextUnformatted(tr(S::lab_stab_by_pick));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(240 * state.dpr);
  if (ImGui::BeginCombo("##lab-monitor-by",
                        lab.monitor_by.empty() ? tr(S::lab_no_file) : lab.monitor_by.c_str())) {
    if (ImGui::Selectable(tr(S::lab_no_file), lab.monitor_by.empty()) && !lab.monitor_by.empty()) {
      lab.monitor_by.clear();
      lab.monitor_stale = true;
    }
    for (size_t k = 0; k < dates.size(); ++k) {
      if (ImGui::Selectable(dates[k].c_str(), dates[k] == lab.monitor_by) &&
          dates[k] != lab.monitor_by) {
        lab.monitor_by = dates[k];
        lab.monitor_stale = true;
      }
      record_item_rect(state, "lab.monitor.by." + std::to_string(k));
    }
    ImGui::EndCombo();
  }
  record_item_rect(state, "lab.monitor.by");
  if (!run.monitoring.has_by_month) return;
  const overdue::StabilityByMonth& by = run.monitoring.by_month;
  note(trf(S::lab_stab_by_missing_fmt, format_count(static_cast<int64_t>(by.missing_dates)).c_str())
           .c_str());
  if (by.months.empty()) return;
  std::vector<double> xs;
  chart::Series psi;
  psi.label = "PSI";
  psi.color = IM_COL32(47, 111, 181, 255);
  std::vector<chart::XTick> ticks;
  for (size_t i = 0; i < by.months.size(); ++i) {
    xs.push_back(double(i));
    psi.y.push_back(by.months[i].report.score.index);
    ticks.push_back({double(i), by.months[i].month});
  }
  const float w = std::min(ImGui::GetContentRegionAvail().x, 640 * state.dpr);
  chart::line_chart(
      "##lab-stab-months", xs, {psi}, ImVec2(w, w * 0.35f),
      [](double v) { return fixed_text(v, 2); }, ticks,
      [&](size_t i) { return by.months[i].month; },
      [&](size_t, size_t i) {
        return fixed_text(by.months[i].report.score.index, 4) + "  " +
               band_text(by.months[i].report.score.band);
      });
  record_item_rect(state, "lab.monitor.months_chart");
  if (ImGui::BeginTable("##lab-stab-months-table", 4, kTableFlags,
                        ImVec2(0, table_height(by.months.size(), 12)))) {
    ImGui::TableSetupColumn(tr(S::lab_stab_col_month));
    ImGui::TableSetupColumn(tr(S::lab_stab_col_records));
    ImGui::TableSetupColumn("PSI");
    ImGui::TableSetupColumn(tr(S::lab_stab_col_reading));
    ImGui::TableHeadersRow();
    for (const overdue::MonthStability& m : by.months) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      cell_text(m.month);
      ImGui::TableNextColumn();
      cell_count(m.report.actual_records);
      ImGui::TableNextColumn();
      cell_fixed(m.report.score.index, 4);
      ImGui::TableNextColumn();
      ImGui::TextColored(band_colour(m.report.score.band), "%s", band_text(m.report.score.band));
    }
    ImGui::EndTable();
  }
}

}  // namespace

void draw_stability(AppState& state, const overdue::ModelLab& run) {
  LabState& lab = state.lab;
  if (!run.scorecard.ok()) {
    note(tr(S::lab_decisions_need_scorecard));
    return;
  }
  // The view draws the finished run (draw_results), which the page owns: monitoring is written
  // into it before anything below reads it.
  if (lab.run.get() == &run) {
    if (lab.monitor_stale) start_job(state, *lab.run);
    advance_job(state, *lab.run);
  }
  heading(tr(S::lab_stab_heading));
  note(tr(S::lab_stab_hint));
  if (state.files.size() < 2) note(tr(S::lab_stab_need_file));
  draw_file_picker(state);
  if (!lab.monitor_error.empty())
    text_colored_wrapped(palette().error, trf(S::lab_error_fmt, lab.monitor_error.c_str()).c_str());
  if (lab.monitor_job)
    ImGui::ProgressBar(static_cast<float>(lab.monitor_job->progress()),
                       ImVec2(std::min(ImGui::GetContentRegionAvail().x, 400 * state.dpr), 0));
  const overdue::LabMonitoring& m = run.monitoring;
  if (m.has_file) {
    note(trf(S::lab_stab_counts_fmt,
             format_count(static_cast<int64_t>(m.report.actual_records)).c_str(),
             format_count(static_cast<int64_t>(m.report.expected_records)).c_str())
             .c_str());
    lab.monitor_shown_psi = fixed_text(m.report.score.index, 4);
    index_line(trf(S::lab_stab_psi_fmt, lab.monitor_shown_psi.c_str()), m.report.score);
    record_item_rect(state, "lab.monitor.psi");
    ImGui::SameLine();
    note(trf(S::lab_stab_time_fmt, fixed_text(lab.monitor_compute_ms, 0).c_str()).c_str());
    ImGui::Spacing();
    draw_band_table(state, m.report.score);
    ImGui::Spacing();
    draw_feature_table(state, m.report.features);
  }
  ImGui::Spacing();
  draw_by_month(state, run);
}

}  // namespace app::lab_view
