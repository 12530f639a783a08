// "Accessible report" (issue #22 §6): to a screen reader the canvas is a blank box, but the HTML
// report is semantic HTML (headings, tables with headers, figures with their numbers), so
// everything the canvas shows can be read there. This opens the report of the current analysis —
// the bytes "Export → Report" downloads — in a new browser tab from a Blob: nothing is uploaded.
// The Blob document inherits the page's Content-Security-Policy, which allows the report's one
// inline stylesheet by its hash (scripts/page_csp.py).
#include "imgui.h"
#include "panel_letters.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"
#include "test_hook.hpp"

namespace app {

void draw_accessible_report_item(AppState& state) {
  if (ImGui::MenuItem(tr(S::a11y_report_open), nullptr, false, state.analysis.available())) {
    // Opened while the click's user activation lasts (this frame), so no pop-up blocker objects.
    const bool opened = platform::open_html_in_new_tab(report_html(state));
    show_notice(state, tr(opened ? S::a11y_report_opened : S::a11y_report_blocked));
  }
  record_item_rect(state, "export.accessible_report");
}

}  // namespace app
