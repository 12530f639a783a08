// The ledger stage of the reconciliation (DESIGN.md §1 "Nothing is lost"): rows read = accepted +
// rejected over import and ledger, the rows the ledger could not use with file, line and reason,
// and the assumptions and notes the ledger made (e.g. paid amounts without a date).
#include <type_traits>

#include "format.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "theme.hpp"

namespace app {
namespace {

void bullet_list(const std::vector<std::string>& lines, float max_height) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float h = std::min(max_height, line * static_cast<float>(lines.size()) + line * 0.5f);
  ImGui::BeginChild("##list", ImVec2(0, h), ImGuiChildFlags_None);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) ImGui::BulletText("%s", lines[i].c_str());
  ImGui::EndChild();
}

// Rows the ledger set aside or rejected: file, line, (rows,) reason; scrolls past `max_height`.
template <typename Row>
void row_problem_table(const char* id, const std::vector<Row>& rows, const Analysis& a, float max_height) {
  constexpr bool with_row_count = std::is_same_v<Row, overdue::SetAsideRow>;   // one entry may stand for N rows
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float h = std::min(max_height, line * static_cast<float>(rows.size() + 1) + line);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable(id, with_row_count ? 4 : 3, flags, ImVec2(0, h))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(overdue::S::summary_file));
  ImGui::TableSetupColumn(tr(overdue::S::error_line));
  if (with_row_count) ImGui::TableSetupColumn(tr(overdue::S::csv_col_rows));
  ImGui::TableSetupColumn(tr(overdue::S::error_reason), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Row& r = rows[static_cast<size_t>(i)];
      int column = 0;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(column++);
      ImGui::TextUnformatted(r.file < a.files().size() ? table_label(a.files()[r.file]).c_str() : "?");
      ImGui::TableSetColumnIndex(column++);
      text_right_aligned(format_count(static_cast<int64_t>(r.line)).c_str());
      if constexpr (with_row_count) {
        ImGui::TableSetColumnIndex(column++);
        text_right_aligned(format_count(static_cast<int64_t>(r.rows)).c_str());
      }
      ImGui::TableSetColumnIndex(column);
      ImGui::TextUnformatted(r.reason.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_ledger_summary(AppState& state) {
  const Analysis& a = state.analysis;
  if (!a.has_ledger()) return;
  const overdue::Ledger& l = a.ledger();
  const float s = state.dpr;
  ImGui::Spacing();
  heading(tr(S::ledger_heading));
  const std::string customers = format_count(static_cast<int64_t>(l.customers.size()));
  const std::string invoices = format_count(static_cast<int64_t>(l.invoices.size()));
  const std::string payments = format_count(static_cast<int64_t>(l.payments.size()));
  ImGui::TextWrapped("%s", trf(overdue::S::ledger_counts_fmt, customers.c_str(), invoices.c_str(), payments.c_str()).c_str());
  const std::string read = format_count(static_cast<int64_t>(l.rows.read));
  const std::string accepted = format_count(static_cast<int64_t>(l.rows.accepted));
  const std::string rejected = format_count(static_cast<int64_t>(l.rows.rejected));
  const bool reconciles = l.rows.read == l.rows.accepted + l.rows.set_aside + l.rows.rejected;
  const std::string set_aside = format_count(static_cast<int64_t>(l.rows.set_aside));
  // Wrapped: on a phone the sentence is wider than the page.
  const ImVec4 colour = reconciles ? palette().success : palette().error;
  if (l.rows.set_aside > 0)   // drafts, void invoices, other accounts' rows: counted apart
    text_colored_wrapped(colour,
        trf(S::ledger_rows_set_aside_fmt, read.c_str(), accepted.c_str(), set_aside.c_str(), rejected.c_str()).c_str());
  else
    text_colored_wrapped(colour, trf(S::ledger_rows_fmt, read.c_str(), accepted.c_str(), rejected.c_str()).c_str());
  record_item_rect(state, "ledger.rows");
  int64_t credit = 0;
  for (const auto& c : l.credits) credit += c.cents;
  if (credit != 0) ImGui::TextWrapped("%s", trf(S::ledger_credits_fmt, format_cents(credit, 2, true).c_str()).c_str());
  draw_currency_panel(state);   // per currency, with rate fields for those left out (panel_currency.cpp)

  if (!l.assumptions.empty()) {
    ImGui::PushID("assumptions");
    ImGui::TextUnformatted(tr(overdue::S::ledger_assumptions));
    bullet_list(l.assumptions, 120.0f * s);
    ImGui::PopID();
  }
  if (!l.notes.empty()) {
    ImGui::PushID("notes");
    ImGui::TextUnformatted(tr(overdue::S::ledger_notes));
    bullet_list(l.notes, 160.0f * s);
    ImGui::PopID();
  }

  if (!l.set_aside.empty()) {
    ImGui::TextWrapped("%s", tr(overdue::S::set_aside_heading));
    row_problem_table("##ledger_set_aside", l.set_aside, a, 200.0f * s);
    record_item_rect(state, "ledger.set_aside");
  }

  ImGui::TextWrapped("%s", tr(S::ledger_rejected_heading));
  if (l.rejected.empty())
    text_colored_wrapped(palette().text_muted, tr(S::ledger_rejected_none));
  else
    row_problem_table("##ledger_rejected", l.rejected, a, 240.0f * s);
  const std::string ledger_ms = format_decimal(a.ledger_ms, 0), monitor_ms = format_decimal(a.monitor_ms, 0);
  text_colored_wrapped(palette().text_muted, trf(S::computed_in_fmt, ledger_ms.c_str(), monitor_ms.c_str()).c_str());
}

}  // namespace app
