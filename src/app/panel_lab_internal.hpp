// Shared by the model lab's views (panel_lab*.cpp): the views and small table helpers.
#pragma once
#include <string>

#include "app_state.hpp"
#include "imgui.h"
#include "lab_state.hpp"
#include "strings.hpp"

namespace app::lab_view {

void draw_data(AppState& state, const overdue::ModelLab& run);        // panel_lab_data.cpp
void draw_features(AppState& state, const overdue::ModelLab& run);    // panel_lab_features.cpp
void draw_model(AppState& state, const overdue::ModelLab& run);       // panel_lab_model.cpp
void draw_evaluation(AppState& state, const overdue::ModelLab& run);  // panel_lab_evaluation.cpp
void draw_decisions(AppState& state, const overdue::ModelLab& run);   // panel_lab_decisions.cpp
void draw_deploy(AppState& state, const overdue::ModelLab& run);      // panel_lab_deploy.cpp (issue #21 §2)
void draw_stability(AppState& state, const overdue::ModelLab& run);   // panel_lab_stability.cpp

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                        ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit |
                                        ImGuiTableFlags_ScrollY;

// issue #21 §1 (panel_lab_bins.cpp): the trend and special values of binning f (with the
// suggested codes and "Run the lab again" when they changed), the bad rate per bin, the download.
void draw_bin_options(AppState& state, const overdue::ModelLab& run, size_t f);
void draw_event_rate_chart(AppState& state, const overdue::FeatureBinning& b);
void draw_bins_download(AppState& state, const overdue::ModelLab& run);

const char* model_label(int model);  // logistic / scorecard / tree in the current language
// Right-aligned numbers in the current table cell.
void cell_fixed(double value, int decimals);
void cell_count(uint64_t value);
void cell_percent(double ratio, int decimals = 1);
void cell_text(const std::string& text);
// A table's height for `rows` rows, capped at `max_rows` (then it scrolls).
float table_height(size_t rows, size_t max_rows);
std::string fixed_text(double value, int decimals);
// Muted text wrapped at the window's edge (the lab's explanations are long).
void note(const char* text);

}  // namespace app::lab_view
