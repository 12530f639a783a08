// The lab's data view: what the model saw. Records read / accepted / rejected (they reconcile),
// the target and its bad rate, the split, each column's profile, the imputation and capping done,
// the identifiers set aside and every rejected record with its reason.
#include <cmath>

#include "format.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"

namespace app::lab_view {
namespace {

void draw_counts(const overdue::ModelLab& run) {
  const overdue::ModelDataset& d = run.data;
  const double bad_rate = d.rows() ? static_cast<double>(d.bad_count()) / static_cast<double>(d.rows()) : 0;
  ImGui::TextUnformatted(trf(S::lab_records_fmt, format_count(static_cast<int64_t>(d.records_read)).c_str(),
                             format_count(static_cast<int64_t>(d.accepted)).c_str(),
                             format_count(static_cast<int64_t>(d.rejected_count)).c_str())
                             .c_str());
  ImGui::TextUnformatted(trf(S::lab_target_fmt, d.target_name.c_str(), d.bad_value.c_str(),
                             format_count(static_cast<int64_t>(d.bad_count())).c_str(),
                             format_percent(bad_rate, 2).c_str())
                             .c_str());
  ImGui::TextUnformatted(trf(S::lab_split_fmt, format_count(static_cast<int64_t>(run.split.train.size())).c_str(),
                             format_count(static_cast<int64_t>(run.split.test.size())).c_str(),
                             static_cast<int>(run.options.seed), fixed_text(run.options.test_fraction, 2).c_str())
                             .c_str());
  if (!d.identifiers.empty()) {
    std::string ids;
    for (const std::string& name : d.identifiers) ids += (ids.empty() ? "" : ", ") + name;
    note(trf(S::lab_identifiers_fmt, ids.c_str()).c_str());
  }
}

void draw_profile(const overdue::ModelLab& run) {
  heading(tr(S::lab_profile));
  const auto& rows = run.profile;
  const S headers[] = {S::lab_col_name, S::lab_col_kind, S::lab_col_type, S::lab_col_missing, S::lab_col_missing_rate,
                       S::lab_col_distinct, S::lab_col_min, S::lab_col_p25, S::lab_col_median, S::lab_col_p75,
                       S::lab_col_max};
  if (!ImGui::BeginTable("##lab-profile", 11, kTableFlags, ImVec2(0, table_height(rows.size(), 14)))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (S h : headers) ImGui::TableSetupColumn(tr(h));
  ImGui::TableHeadersRow();
  for (const overdue::ColumnProfile& p : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    cell_text(p.name);
    ImGui::TableNextColumn();
    cell_text(p.kind);
    ImGui::TableNextColumn();
    cell_text(p.import_type);
    ImGui::TableNextColumn();
    cell_count(p.missing);
    ImGui::TableNextColumn();
    cell_percent(p.missing_rate, 2);
    ImGui::TableNextColumn();
    cell_count(p.distinct);
    const bool numeric = p.kind == "numeric" || p.kind == "identifier";
    const double values[] = {p.min, p.quantiles[2], p.quantiles[3], p.quantiles[4], p.max};
    for (double v : values) {
      ImGui::TableNextColumn();
      if (numeric) cell_fixed(v, std::fabs(v) >= 1000 || v == static_cast<int64_t>(v) ? 0 : 3);
    }
  }
  ImGui::EndTable();
}

void draw_preparation(const overdue::ModelLab& run) {
  if (!run.imputation.empty()) {
    heading(tr(S::lab_imputation));
    if (ImGui::BeginTable("##lab-imputation", 4, kTableFlags, ImVec2(0, table_height(run.imputation.size(), 8)))) {
      ImGui::TableSetupColumn(tr(S::lab_col_name));
      ImGui::TableSetupColumn(tr(S::lab_col_method));
      ImGui::TableSetupColumn(tr(S::lab_col_value));
      ImGui::TableSetupColumn(tr(S::lab_col_imputed));
      ImGui::TableHeadersRow();
      for (const overdue::ImputationReport& r : run.imputation) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cell_text(r.name);
        ImGui::TableNextColumn();
        cell_text(r.method);
        ImGui::TableNextColumn();
        cell_text(r.method == "mode" ? r.level : fixed_text(r.value, 4));
        ImGui::TableNextColumn();
        cell_count(r.imputed);
      }
      ImGui::EndTable();
    }
    note(tr(S::lab_imputation_note));
  }
  if (!run.capping.empty()) {
    heading(tr(S::lab_capping));
    if (ImGui::BeginTable("##lab-capping", 4, kTableFlags, ImVec2(0, table_height(run.capping.size(), 8)))) {
      ImGui::TableSetupColumn(tr(S::lab_col_name));
      ImGui::TableSetupColumn(tr(S::lab_col_low));
      ImGui::TableSetupColumn(tr(S::lab_col_high));
      ImGui::TableSetupColumn(tr(S::lab_col_capped));
      ImGui::TableHeadersRow();
      for (const overdue::CappingReport& r : run.capping) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cell_text(r.name);
        ImGui::TableNextColumn();
        cell_fixed(r.low, 3);
        ImGui::TableNextColumn();
        cell_fixed(r.high, 3);
        ImGui::TableNextColumn();
        cell_count(r.capped_low + r.capped_high);
      }
      ImGui::EndTable();
    }
  }
}

void draw_rejected(const overdue::ModelLab& run) {
  const auto& rejected = run.data.rejected;
  if (rejected.empty()) return;
  heading(trf(S::lab_rejected_fmt, format_count(static_cast<int64_t>(rejected.size())).c_str()).c_str());
  if (!ImGui::BeginTable("##lab-rejected", 3, kTableFlags, ImVec2(0, table_height(rejected.size(), 10)))) return;
  ImGui::TableSetupColumn(tr(S::lab_col_record));
  ImGui::TableSetupColumn(tr(S::lab_col_line));
  ImGui::TableSetupColumn(tr(S::lab_col_reason), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rejected.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const overdue::ModelRejectedRecord& r = rejected[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      cell_count(r.record);
      ImGui::TableNextColumn();
      cell_count(r.line);
      ImGui::TableNextColumn();
      cell_text(r.reason);
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_data(AppState& /*state*/, const overdue::ModelLab& run) {
  draw_counts(run);
  ImGui::Spacing();
  draw_profile(run);
  draw_preparation(run);
  draw_rejected(run);
}

}  // namespace app::lab_view
