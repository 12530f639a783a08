// "How the classification works" (issue #4, the teaching view): the words (episode, paid on time,
// days without payment, partial payment), the three types with their strategy, each type's rules
// in plain words with the LIVE thresholds, all-vs-any and the precedence, too little history; the
// thresholds and score weights are editable right here (sane ranges) and the whole analysis
// follows; "reset to defaults". Text follows docs/method.md.
#include <algorithm>
#include <cmath>

#include "classify_text.hpp"
#include "format.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "overdue/report/settings_json.hpp"
#include "settings_io.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

std::string pct(double share) { return format_decimal(share * 100.0, 0) + " %"; }

// Each editor records its rectangle as "teach.<settings key>" (the key of settings_json.hpp /
// `analyze --set`), so a test can click the field the CLI flag names.
struct Editor {
  AppState& state;
  bool changed = false;

  void field_start(const char* label, const char* key) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 19.0f);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    ImGui::PushID(key);
  }
  void field_end(const char* key) {
    record_item_rect(state, std::string("teach.") + key);
    ImGui::PopID();
  }
  void integer(const char* label, const char* key, int& v, int lo, int hi) {
    field_start(label, key);
    int x = v;
    if (ImGui::InputInt("##v", &x, 1, 10)) {
      x = std::clamp(x, lo, hi);
      if (x != v) {
        v = x;
        changed = true;
      }
    }
    field_end(key);
  }
  // A share in [0, 1] edited as a percentage.
  void share(const char* label, const char* key, double& v) {
    field_start(label, key);
    float x = static_cast<float>(v * 100.0);
    if (ImGui::InputFloat("##v", &x, 1.0f, 5.0f, "%.0f")) {
      const double nv = std::clamp(static_cast<double>(x), 0.0, 100.0) / 100.0;
      if (std::abs(nv - v) > 1e-12) {
        v = nv;
        changed = true;
      }
    }
    field_end(key);
  }
  void number(const char* label, const char* key, double& v, double lo, double hi, const char* fmt, float step) {
    field_start(label, key);
    float x = static_cast<float>(v);
    if (ImGui::InputFloat("##v", &x, step, step * 5.0f, fmt)) {
      const double nv = std::clamp(static_cast<double>(x), lo, hi);
      if (std::abs(nv - v) > 1e-12) {
        v = nv;
        changed = true;
      }
    }
    field_end(key);
  }
};

void bullet_text(const std::string& text) {
  ImGui::Bullet();
  ImGui::TextWrapped("%s", text.c_str());
}

void type_section(overdue::OverdueType t, S desc, S any_all) {
  ImGui::Spacing();
  type_badge(t, false, true);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(desc));
  text_muted(tr(any_all));
}

}  // namespace

void draw_teaching(AppState& state) {
  Analysis& a = state.analysis;
  overdue::ClassifySettings& c = a.settings.classify;
  overdue::ScoreSettings& sc = a.settings.scores;
  Editor ed{state};
  ImGui::BeginChild("##teaching", ImVec2(0, 0), ImGuiChildFlags_None);
  heading(tr(S::teach_heading));
  ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 60.0f ? ImGui::GetFontSize() * 60.0f : 0.0f);
  ImGui::TextWrapped("%s", tr(S::teach_intro));
  if (ImGui::Button(tr(S::teach_reset))) {
    a.settings = overdue::OverdueSettings{};
    a.settings_language = overdue::AnalysisSettings{}.language;  // the settings document's default too
    a.settings_edited();
  }
  record_item_rect(state, "teach.reset");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::settings_copy))) {
    platform::set_clipboard_text(page_settings_json(state).c_str());
    show_notice(state, tr(S::settings_copied));
  }
  record_item_rect(state, "teach.copy_settings");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::settings_save))) download_settings(state);
  record_item_rect(state, "teach.save_settings");
  if (a.available()) {
    const auto& by = a.overdue().by_type;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(trf(S::teach_now_fmt, format_count(by[0].customers).c_str(), format_count(by[1].customers).c_str(),
                               format_count(by[2].customers).c_str()).c_str());
    record_item_rect(state, "teach.counts");
  }

  text_muted(tr(S::settings_hint));
  ImGui::Separator();
  heading(tr(S::teach_words_heading));
  bullet_text(trf(S::word_episode_fmt, a.controls.threshold_days));
  bullet_text(trf(S::word_on_time_fmt, c.on_time_tolerance_days));
  bullet_text(tr(S::word_days_without));
  bullet_text(tr(S::word_partial));
  ed.integer(tr(overdue::S::set_tolerance), "classify.on_time_tolerance_days", c.on_time_tolerance_days, 0, 60);

  ImGui::Separator();
  heading(tr(S::teach_types_heading));
  text_colored_wrapped(palette().accent, tr(S::teach_precedence));

  type_section(overdue::OverdueType::stubborn, S::teach_stubborn_desc, S::teach_any);
  bullet_text(trf(S::teach_S1_fmt, c.stubborn_no_payment_days));
  bullet_text(trf(S::teach_S2_fmt, c.stubborn_dpd, c.payments_continue_days));
  bullet_text(trf(S::teach_S3_fmt, c.broken_promises));
  bullet_text(trf(S::teach_S4_fmt, c.refusals));
  ImGui::Indent();
  ed.integer(tr(overdue::S::set_no_payment_days), "classify.stubborn_no_payment_days", c.stubborn_no_payment_days, 1, 3650);
  ed.integer(tr(overdue::S::set_stubborn_dpd), "classify.stubborn_dpd", c.stubborn_dpd, 1, 3650);
  ed.integer(tr(overdue::S::set_broken), "classify.broken_promises", c.broken_promises, 1, 100);
  ed.integer(tr(overdue::S::set_refusals), "classify.refusals", c.refusals, 1, 100);
  ImGui::Unindent();

  type_section(overdue::OverdueType::structural, S::teach_structural_desc, S::teach_any);
  bullet_text(trf(S::teach_R1_fmt, c.repeated_episodes, c.repeated_episodes_lookback_days, c.repeated_episode_gap_days));
  bullet_text(trf(S::teach_R2_fmt, pct(c.chronic_late_share).c_str()));
  bullet_text(trf(S::teach_R3_fmt, format_decimal(c.rising_balance_factor, 2).c_str(), c.rising_balance_lookback_days));
  bullet_text(trf(S::teach_R4_fmt, pct(c.partial_payment_share).c_str(), c.partial_min_payments));
  ImGui::Indent();
  ed.integer(tr(overdue::S::set_repeated), "classify.repeated_episodes", c.repeated_episodes, 1, 50);
  ed.integer(tr(overdue::S::set_repeated_lookback), "classify.repeated_episodes_lookback_days", c.repeated_episodes_lookback_days, 30, 3650);
  ed.integer(tr(overdue::S::set_repeated_gap), "classify.repeated_episode_gap_days", c.repeated_episode_gap_days, 0, 365);
  ed.share(tr(overdue::S::set_chronic_late), "classify.chronic_late_share", c.chronic_late_share);
  ed.number(tr(overdue::S::set_rising_factor), "classify.rising_balance_factor", c.rising_balance_factor, 1.0, 10.0, "%.2f", 0.1f);
  ed.integer(tr(overdue::S::set_rising_lookback), "classify.rising_balance_lookback_days", c.rising_balance_lookback_days, 30, 730);
  ed.share(tr(overdue::S::set_partial_share), "classify.partial_payment_share", c.partial_payment_share);
  ed.integer(tr(overdue::S::set_partial_min), "classify.partial_min_payments", c.partial_min_payments, 1, 100);
  ImGui::Unindent();

  type_section(overdue::OverdueType::temporary, S::teach_temporary_desc, S::teach_all);
  bullet_text(trf(S::teach_T1_fmt, pct(c.good_record_on_time_share).c_str()));
  bullet_text(trf(S::teach_T2_fmt, c.serious_episode_dpd));
  bullet_text(trf(S::teach_T3_fmt, c.recent_episode_days, c.payments_continue_days));
  ImGui::Indent();
  ed.share(tr(overdue::S::set_good_record), "classify.good_record_on_time_share", c.good_record_on_time_share);
  ed.integer(tr(overdue::S::set_serious_dpd), "classify.serious_episode_dpd", c.serious_episode_dpd, 1, 3650);
  ed.integer(tr(overdue::S::set_recent_episode), "classify.recent_episode_days", c.recent_episode_days, 1, 3650);
  ed.integer(tr(overdue::S::set_payments_continue), "classify.payments_continue_days", c.payments_continue_days, 1, 365);
  ImGui::Unindent();

  ImGui::Spacing();
  text_colored_wrapped(palette().warning, trf(S::teach_low_conf_fmt, c.min_settled_invoices, c.min_history_days).c_str());
  ImGui::Indent();
  ed.integer(tr(overdue::S::set_min_settled), "classify.min_settled_invoices", c.min_settled_invoices, 0, 100);
  ed.integer(tr(overdue::S::set_min_history), "classify.min_history_days", c.min_history_days, 0, 3650);
  ImGui::Unindent();

  ImGui::Separator();
  heading(tr(S::teach_scores_heading));
  ImGui::TextWrapped("%s", tr(S::teach_formula));
  text_muted(tr(S::teach_ability_inputs));
  text_muted(tr(S::teach_impact_inputs));
  ImGui::TextUnformatted(tr(overdue::S::weights_ability));
  ImGui::Indent();
  ed.number(tr(overdue::S::in_paid_ratio), "scores.ability.paid_ratio", sc.ability.paid_ratio, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::in_recency), "scores.ability.recency", sc.ability.recency, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::in_partial_trend), "scores.ability.partial_trend", sc.ability.partial_trend, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::in_on_time_share), "scores.ability.on_time_share", sc.ability.on_time_share, 0, 100, "%.0f", 1);
  ImGui::Unindent();
  ImGui::TextUnformatted(tr(overdue::S::weights_impact));
  ImGui::Indent();
  ed.number(tr(overdue::S::in_overdue_amount), "scores.impact.overdue_amount", sc.impact.overdue_amount, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::in_overdue_share), "scores.impact.overdue_share", sc.impact.overdue_share, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::in_dpd_severity), "scores.impact.dpd_severity", sc.impact.dpd_severity, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::in_revenue_share), "scores.impact.revenue_share", sc.impact.revenue_share, 0, 100, "%.0f", 1);
  ImGui::Unindent();
  // A score needs a positive sum of weights: an all-zero edit puts the default back on the last one.
  if (sc.ability.paid_ratio + sc.ability.recency + sc.ability.partial_trend + sc.ability.on_time_share <= 0)
    sc.ability.on_time_share = overdue::AbilityWeights{}.on_time_share;
  if (sc.impact.overdue_amount + sc.impact.overdue_share + sc.impact.dpd_severity + sc.impact.revenue_share <= 0)
    sc.impact.revenue_share = overdue::ImpactWeights{}.revenue_share;
  ImGui::TextWrapped("%s", tr(S::teach_matrix));
  ImGui::Indent();
  ed.number(tr(overdue::S::set_high_ability), "scores.high_ability", sc.high_ability, 0, 100, "%.0f", 1);
  ed.number(tr(overdue::S::set_high_impact), "scores.high_impact", sc.high_impact, 0, 100, "%.0f", 1);
  ImGui::Unindent();
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  if (ed.changed) a.settings_edited();
}

}  // namespace app
