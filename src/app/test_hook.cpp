#include "test_hook.hpp"

#include <nlohmann/json.hpp>

#include "fonts.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the keyboard navigation's item and window (ui().nav)
#include "overdue/report/inspect_json.hpp"
#include "overdue/report/model_json.hpp"
#include "overdue/text/lang.hpp"
#include "nav.hpp"
#include "panel_letters.hpp"
#include "panels.hpp"
#include "screen_reader.hpp"
#include "touch.hpp"

namespace app {
namespace {

// The ImGui ids of the widgets recorded this frame, so ui().nav can name the one the keyboard is on.
struct RecordedIds {
  int frame = -1;
  std::map<ImGuiID, std::string> names;
};
RecordedIds& recorded_ids() {
  static RecordedIds r;
  return r;
}

// Where the keyboard navigation is (issue #22 §5): the focused item's id, its name when recorded,
// its window, its rectangle (CSS px) and whether the focus outline is drawn.
nlohmann::json nav_json(const AppState& state) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const float s = state.dpr > 0 ? state.dpr : 1.0f;
  nlohmann::json nav = {{"id", g.NavId}, {"visible", g.NavCursorVisible && g.NavId != 0}, {"name", nullptr},
                        {"window", g.NavWindow ? g.NavWindow->Name : ""}, {"rect", nullptr}};
  const auto& names = recorded_ids().names;
  if (auto it = names.find(g.NavId); it != names.end()) nav["name"] = it->second;
  if (g.NavWindow && g.NavId != 0) {
    const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
    nav["rect"] = {r.Min.x / s, r.Min.y / s, (r.Max.x - r.Min.x) / s, (r.Max.y - r.Min.y) / s};
  }
  return nav;
}

}  // namespace

std::string summary_json(const AppState& state) {
  // The same per-file objects as `overdue-lens inspect` (one core, two front ends).
  std::string out = "{\"files\":[";
  bool first = true;
  for (const auto& f : state.files) {
    if (!f->finished()) continue;
    if (!first) out += ',';
    first = false;
    out += overdue::inspect_file_json(f->data);
  }
  // The same document as `overdue-lens analyze FILES --as-of D` (null when no ledger was built).
  out += "],\"analysis\":";
  out += state.analysis.json();
  // The model lab's last finished run: the same document as `overdue-lens model FILE --json`.
  const LabState& lab = state.lab;
  const LoadedFile* lab_file = nullptr;
  for (const auto& f : state.files)
    if (f->id == lab.run_file_id) lab_file = f.get();
  if (lab.run && lab.show_results && lab.run->error.empty() && lab_file != nullptr) {
    out += ",\"model\":";
    out += overdue::model_lab_json(*lab.run, lab_file->name);
    out += '}';
  } else {
    out += ",\"model\":null}";
  }
  return out;
}

std::string ui_json(const AppState& state) {
  nlohmann::json j;
  j["language"] = overdue::lang_name(language());
  j["theme"] = state.theme == Theme::dark ? "dark" : "light";
  // The view and its group, and every view with its group (issue #22 §3: nav.hpp's table).
  j["tab"] = view_info(state.tab).id;
  j["group"] = group_id(view_info(state.tab).group);
  nlohmann::json views = nlohmann::json::array();
  for (const ViewInfo& v : app::views()) views.push_back({{"id", v.id}, {"group", group_id(v.group)}});
  j["views"] = views;
  // The layout (issue #22 §1-2): width class, files drawer, text size, touch; labels cut this frame.
  const WidthClass wc = width_class(state);
  j["width_class"] = wc == WidthClass::wide ? "wide" : wc == WidthClass::medium ? "medium" : "narrow";
  j["files_open"] = state.files_open;
  static const char* const kSizes[] = {"s", "m", "l"};
  j["text_size"] = kSizes[state.text_size];
  j["touch"] = state.touch;
  j["cut"] = state.cut_labels;
  j["view_overflow_x"] = state.view_overflow_x;
  // A tooltip drawn last frame (a hover, or a finger's long press: issue #22 §2).
  const ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
  j["tooltip"] = tip != nullptr && tip->WasActive;
  j["touch_drag"] = nlohmann::json::parse(touch_json(state.dpr));
  // The monitoring views: controls in use, computing, the overdue list's rows, selected customer.
  const Analysis& a = state.analysis;
  nlohmann::json an;
  an["pending"] = a.pending();
  an["available"] = a.available();
  an["as_of_text"] = state.as_of_text;
  an["buckets_text"] = state.buckets_text;
  an["threshold"] = a.controls.threshold_days;
  an["search"] = state.customer_search;
  an["overdue_only"] = state.overdue_only;
  an["sort_column"] = state.customer_sort_column;
  an["sort_descending"] = state.customer_sort_descending;
  an["list_rows"] = overdue_list_visible_rows();
  an["list_first_ids"] = overdue_list_first_ids(state, 5);
  an["selected_customer"] = nullptr;
  if (a.available() && a.selected_customer >= 0) an["selected_customer"] = a.ledger().customers[a.selected_customer].id;
  an["ledger_ms"] = a.ledger_ms;
  an["monitor_ms"] = a.monitor_ms;
  an["classify_ms"] = a.classify_ms;
  an["classify_revision"] = a.classify_revision();   // bumped when a settings edit has reclassified
  an["contact_log"] = a.contacts().present;
  an["type_filter"] = state.customer_type_filter;
  an["receivables_account"] = a.receivables_account;   // the mapping screen's pick (issue #17)
  j["analysis"] = an;
  // The open customer card's classification exactly as displayed (issue #4).
  nlohmann::json card;
  card["customer"] = state.card.customer;
  card["type"] = state.card.type;
  card["low_confidence"] = state.card.low_confidence;
  nlohmann::json rules = nlohmann::json::array();
  for (const CardRuleRow& r : state.card.rules)
    rules.push_back({{"id", r.id}, {"value_text", r.value_text}, {"threshold_text", r.threshold_text}, {"state", r.state},
                     {"note", r.note}, {"value", r.value}, {"threshold", r.threshold}});
  card["rules"] = rules;
  card["actions"] = state.card.actions;
  card["installments_sum"] = state.card.installments_sum_cents;
  card["overdue_cents"] = state.card.overdue_cents;
  nlohmann::json whatif;
  whatif["open"] = state.card.whatif_open;
  whatif["edited"] = state.card.whatif_edited;
  whatif["overdue"] = state.card.whatif_overdue;
  whatif["type"] = state.card.whatif_type;
  whatif["payments"] = state.card.whatif_payments;
  nlohmann::json wrules = nlohmann::json::array();
  for (const CardRuleRow& r : state.card.whatif_rules)
    wrules.push_back({{"id", r.id}, {"state", r.state}, {"value", r.value}, {"value_text", r.value_text}});
  whatif["rules"] = wrules;
  card["whatif"] = whatif;
  j["card"] = card;
  j["matrix_hovered"] = state.matrix_hovered;
  j["worklist"] = nlohmann::json::parse(worklist_ui_json(state));   // issue #20 §3
  // The model lab: setup, progress, the page's time per step, what the views show.
  const LabState& lab = state.lab;
  nlohmann::json lj;
  lj["running"] = lab.running;
  lj["done"] = lab.show_results;
  const overdue::ModelLab* run = lab.shown_run();
  lj["error"] = run ? run->error : std::string();
  lj["next_step"] = run ? run->next_step : 0;
  lj["view"] = static_cast<int>(lab.view);
  lj["model"] = static_cast<int>(lab.model);
  lj["wall_ms"] = lab.show_results ? lab.finished_ms - lab.started_ms : 0.0;
  lj["longest_step_ms"] = lab.longest_step_ms;
  nlohmann::json times = nlohmann::json::array();
  if (run)
    for (const auto& t : run->times) times.push_back({{"step", t.step}, {"ms", t.ms}});
  lj["times"] = times;
  lj["shown"] = {{"threshold", lab.shown.threshold}, {"tp", lab.shown.tp}, {"fp", lab.shown.fp},
                 {"tn", lab.shown.tn}, {"fn", lab.shown.fn}, {"cutoff", lab.shown.cutoff},
                 {"approved", lab.shown.approved}, {"approval_rate", lab.shown.approval_rate},
                 {"bad_rate_approved", lab.shown.bad_rate_approved}};
  lj["bands"] = lab.band_rows.size();
  // Stability monitoring (issue #21 §3): the choices, what the view printed, the time it took.
  lj["monitor"] = {{"file_id", lab.monitor_file_id}, {"by", lab.monitor_by}, {"error", lab.monitor_error},
                   {"ms", lab.monitor_ms}, {"frames", lab.monitor_frames},
                   {"compute_ms", lab.monitor_compute_ms}, {"longest_ms", lab.monitor_longest_ms},
                   {"running", lab.monitor_job != nullptr}, {"shown_psi", lab.monitor_shown_psi}};
  j["lab"] = lj;
  j["guide_step"] = state.walkthrough.step;
  j["live"] = live_messages();   // the live region #ol-status, oldest first (issue #22 §6)
  j["nav"] = nav_json(state);
  const overdue::LetterTemplates& letters = letter_templates();   // "" = the default (issue #22 §4)
  j["letters"] = {{"temporary", letters.temporary}, {"structural", letters.structural}, {"stubborn", letters.stubborn}};
  // The rare font parts arrive after start-up (fonts.hpp): whether they are merged, and glyphs of
  // the start-up part (中) and of the rare part only (U+4DAE, CJK Extension A).
  const FontStatus fs = font_status();
  j["fonts"] = {{"rare_loaded", fs.rare_loaded}, {"has_glyph_4DAE", fs.has_glyph_4DAE}, {"has_glyph_4E2D", fs.has_glyph_4E2D}};
  j["dpr"] = state.dpr;
  j["selected"] = nullptr;
  for (const auto& f : state.files) {
    if (f->id != state.selected_id) continue;
    j["selected"] = f->name;
    j["selected_sheet"] = f->sheet();         // issue #18: "" for a CSV
    j["selected_label"] = f->label();
    j["filter"] = f->filter;
    j["filtering"] = f->view.filtering();
    j["visible_rows"] = f->view.rows().size();
    j["total_rows"] = f->view.total_rows();
    j["sort_column"] = f->sort.column;
    j["sort_descending"] = f->sort.descending;
    j["sort_ms"] = f->view.last_sort_ms();
    j["filter_work_ms"] = f->view.last_filter_work_ms();
    // The first shown rows' line numbers: lets a test see the sort order.
    nlohmann::json lines = nlohmann::json::array();
    const auto& rows = f->view.rows();
    for (size_t i = 0; i < rows.size() && i < 5; ++i) {
      if (rows[i] < f->data.row_line.size()) lines.push_back(f->data.row_line[rows[i]]);
    }
    j["first_lines"] = lines;
  }
  j["frame_ms"] = state.last_frame_ms;
  // The last load's frames (load_pacing.hpp): drawn, and given to the work.
  j["load_frames"] = {{"drawn", state.load_pacing.timing().frames_drawn},
                      {"skipped", state.load_pacing.timing().frames_skipped}};
  j["ui_ms"] = state.last_ui_ms;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : state.files) {
    // Milliseconds from the first chunk to the last, and of finish() (typing, roles, kind).
    nlohmann::json fj = {{"name", f->name},
                         {"read_ms", f->end_ms > 0 ? f->end_ms - f->begin_ms : 0.0},
                         {"typing_ms", f->typed_ms > 0 ? f->typed_ms - f->end_ms : 0.0}};
    // Workbooks (issue #18): the table's sheet and label as the page shows them, the workbook's
    // sheets, and whether its bytes are shared with the workbook's other tables (one buffer).
    fj["label"] = f->label();
    fj["sheet"] = f->sheet();
    fj["workbook"] = f->workbook;
    fj["status"] = f->status == LoadStatus::done ? "done" : f->status == LoadStatus::failed ? "failed" : "loading";
    nlohmann::json sheets = nlohmann::json::array();
    for (const overdue::SheetInfo& s : f->data.sheets)
      sheets.push_back({{"name", s.name}, {"rows", s.rows}, {"hidden", s.hidden}});
    fj["sheets"] = sheets;
    fj["bytes_shared_by"] = f->bytes.use_count();
    fj["keep_swapped_dates"] = f->options.keep_swapped_dates;
    nlohmann::json swaps = nlohmann::json::array();
    for (const overdue::DateSwap& d : f->data.date_swaps)
      swaps.push_back({{"column", d.column}, {"cells", d.cells}, {"swapped", d.swapped}});
    fj["date_swaps"] = swaps;
    files.push_back(std::move(fj));
  }
  j["files"] = files;
  j["keep_swapped_dates"] = state.keep_swapped_dates();   // the setting import.excel_date_swap == keep
  nlohmann::json rects = nlohmann::json::object();
  for (const auto& [name, r] : state.widget_rects) rects[name] = {r[0], r[1], r[2], r[3]};
  j["rects"] = rects;
  return j.dump();
}

void record_item_rect(AppState& state, const std::string& name) {
  const ImVec2 mn = ImGui::GetItemRectMin();
  const ImVec2 mx = ImGui::GetItemRectMax();
  const float s = state.dpr > 0 ? state.dpr : 1.0f;
  state.widget_rects[name] = {mn.x / s, mn.y / s, (mx.x - mn.x) / s, (mx.y - mn.y) / s};
  RecordedIds& ids = recorded_ids();
  if (ids.frame != ImGui::GetFrameCount()) {
    ids.frame = ImGui::GetFrameCount();
    ids.names.clear();
  }
  ids.names[ImGui::GetItemID()] = name;
}

}  // namespace app
