// The scorecard out of the lab (issue #21 §2): the SQL query and the card CSV as downloads, the
// same bytes as `model --export-sql` and `--card-csv` (the page's language picks the CSV headers).
#include "overdue/model/scorecard_export.hpp"
#include "panel_lab_internal.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "test_hook.hpp"

namespace app::lab_view {

void draw_deploy(AppState& state, const overdue::ModelLab& run) {
  heading(tr(S::lab_deploy_heading));
  note(tr(S::lab_deploy_hint));
  if (ImGui::Button((std::string(tr(S::lab_deploy_sql)) + "###lab-sql").c_str())) {
    std::string error;
    const std::string sql =
        overdue::scorecard_sql(run.scorecard, overdue::date_feature_names(run.data), error);
    if (error.empty()) {
      const std::string name = "scorecard.sql";
      platform::download_file(name, "application/sql;charset=utf-8", sql);
      show_notice(state, trf(S::export_saved_fmt, name.c_str()));
    } else {
      show_notice(state, trf(S::lab_error_fmt, error.c_str()));
    }
  }
  record_item_rect(state, "lab.sql");
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr(S::lab_deploy_card_csv)) + "###lab-card").c_str())) {
    const std::string name = "scorecard_card.csv";
    platform::download_file(name, "text/csv;charset=utf-8",
                            overdue::scorecard_card_csv(run.scorecard, language()));
    show_notice(state, trf(S::export_saved_fmt, name.c_str()));
  }
  record_item_rect(state, "lab.card_csv");
}

}  // namespace app::lab_view
