// Currencies on the page (issue #17 item 6): the reporting currency's sign on every amount, and —
// beside the ledger's notes, where the page says what was left out — one row per currency with
// its invoices, open and overdue amounts in its own money, and a rate field for each currency
// that has none yet. A rate given here rebuilds the analysis from the ledger, as `analyze --rate
// CODE=RATE` would (the same settings, so the page's JSON stays the CLI's).
#include <map>

#include "format.hpp"
#include "overdue/ledger/currency.hpp"
#include "overdue/text/currency_names.hpp"
#include "panels.hpp"
#include "strings.hpp"
#include "test_hook.hpp"
#include "text_field.hpp"
#include "theme.hpp"

namespace app {

void sync_money_symbol(const AppState& state) {
  const Analysis& a = state.analysis;
  const std::string reporting = a.has_ledger() ? a.ledger().currency.reporting : std::string();
  const bool column = a.has_ledger() && a.ledger().currency.has_column;
  // No currency column: the ¥ the page always showed (its users' ledgers are in yuan). With one,
  // the data table's cells go without a sign: each row's currency is in its own column.
  set_money_symbol(reporting.empty() ? std::string() : overdue::currency_symbol(reporting), !column);
}

void draw_currency_panel(AppState& state) {
  Analysis& a = state.analysis;
  if (!a.has_ledger()) return;
  const overdue::LedgerCurrencies& lc = a.ledger().currency;
  if (!lc.has_column || lc.used.empty()) return;

  // The figures at the shown as-of date, recomputed only when the result changes.
  static uint64_t figures_revision = ~uint64_t{0};
  static std::vector<overdue::CurrencyFigures> figures;
  if (figures_revision != a.revision()) {
    figures_revision = a.revision();
    const overdue::MonitorResult& r = a.result();
    const int32_t as_of = r.as_of != overdue::kMissingDays ? r.as_of : a.ledger().last_date;
    figures = overdue::currency_figures(a.ledger(), as_of, r.options.threshold_days);
  }
  static std::map<std::string, std::string> rate_text;   // what is typed, per currency
  static std::string invalid;                             // the currency whose rate was refused

  ImGui::PushID("currencies");
  ImGui::TextUnformatted(tr(S::currency_heading));
  ImGui::TextWrapped("%s", trf(S::currency_reporting_fmt, lc.reporting.c_str()).c_str());
  std::string left_out;
  for (const overdue::CurrencyFigures& f : figures)
    if (f.rate_micros == 0) left_out += (left_out.empty() ? "" : ", ") + f.code;
  if (!left_out.empty()) text_colored_wrapped(palette().error, trf(S::currency_left_out_fmt, left_out.c_str()).c_str());

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##by_currency", 5, flags)) {
    ImGui::TableSetupColumn(tr(S::currency_col_code));
    ImGui::TableSetupColumn(tr(S::currency_col_invoices));
    ImGui::TableSetupColumn(tr(S::currency_col_open));
    ImGui::TableSetupColumn(tr(S::currency_col_overdue));
    ImGui::TableSetupColumn(tr(S::currency_col_rate), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const overdue::CurrencyFigures& f : figures) {
      ImGui::PushID(f.code.c_str());
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(f.code.c_str());
      ImGui::TableSetColumnIndex(1);
      text_right_aligned(format_count(static_cast<int64_t>(f.invoices)).c_str());
      ImGui::TableSetColumnIndex(2);
      text_right_aligned(format_cents(f.open_cents, 2, false).c_str());
      ImGui::TableSetColumnIndex(3);
      text_right_aligned(format_cents(f.overdue_cents, 2, false).c_str());
      ImGui::TableSetColumnIndex(4);
      if (f.rate_micros != 0) {
        ImGui::TextUnformatted(overdue::rate_text(f.rate_micros).c_str());
      } else {
        // RATE = reporting units per unit of this currency (`--rate CODE=RATE`).
        std::string& typed = rate_text[f.code];
        const std::string hint = trf(S::currency_rate_hint_fmt, lc.reporting.c_str());
        text_field(("##rate-" + f.code).c_str(), hint.c_str(), typed, 120.0f * state.dpr);
        record_item_rect(state, "currency.rate." + f.code);
        ImGui::SameLine();
        const bool use = ImGui::SmallButton(tr(S::currency_use_rate));
        record_item_rect(state, "currency.use." + f.code);
        if (use) {
          int64_t micros = 0;
          if (overdue::parse_rate_micros(typed, micros)) {
            overdue::set_rate(a.ledger_options.currency.rates, overdue::CurrencyRate{f.code, micros});
            a.ledger_options_edited();
            invalid.clear();
          } else {
            invalid = f.code;
          }
        }
        if (invalid == f.code) text_colored_wrapped(palette().error, tr(S::currency_rate_invalid));
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
    record_item_rect(state, "currency.table");   // for the browser test
  }
  ImGui::PopID();
}

}  // namespace app
