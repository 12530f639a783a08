// The `inspect` JSON document (issue #2). Keys in a fixed order (ordered_json), compact, UTF-8.
// The native CLI, the wasm CLI and the page all print it from here, so they agree byte for byte:
// only integers, booleans and strings are written, never doubles.
#include "overdue/report/inspect_json.hpp"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "overdue/ledger/line_items.hpp"
#include "overdue/text/civil_date.hpp"
#include "overdue/text/format.hpp"

namespace overdue {
namespace {

using Json = nlohmann::ordered_json;

std::string day_text(int32_t days) {
  const CivilDate d = civil_from_days(days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

Json column_json(const Column& c) {
  Json j;
  j["name"] = c.name;
  j["type"] = column_type_name(c.type);
  j["role"] = c.role == Role::none ? Json(nullptr) : Json(std::string(role_name(c.role)));
  // Issue #17: how sure the role is and the header words that decided it. The confidence is kept
  // to two decimals (a double printed in its shortest form, the same in native and wasm). A column
  // without a role has neither (confidence 0, no words): the keys are left out, as "derived" is.
  // A role the user set (--map, the mapping screen) is certain and decided by no header word,
  // whatever the guess before it said.
  if (c.role != Role::none) {
    j["confidence"] = c.role_set_by_user ? 1.0 : static_cast<double>(std::llround(c.role_confidence * 100.0)) / 100.0;
    j["matched_words"] = c.role_set_by_user ? std::vector<std::string>{} : c.matched_words;
  }
  if (c.type == ColumnType::date) {
    j["date_format"] = c.date_format;
    if (c.date_order_ambiguous) j["date_order_ambiguous"] = true;
  }
  j["missing"] = c.missing;
  if (c.derived) j["derived"] = true;  // someone else's analysis: shown, never an input
  return j;
}

// A workbook's sheets (issue #18): every one, in workbook order.
Json sheets_json(const std::vector<SheetInfo>& sheets) {
  Json list = Json::array();
  for (const SheetInfo& s : sheets) list.push_back(Json{{"name", s.name}, {"rows", s.rows}, {"hidden", s.hidden}});
  return list;
}

Json file_json(const ImportedFile& f) {
  Json j;
  j["name"] = f.name;
  if (!f.sheet.empty()) j["sheet"] = f.sheet;
  if (!f.sheets.empty()) j["sheets"] = sheets_json(f.sheets);
  if (!f.error.empty()) {  // the file could not be read at all: nothing else is known
    j["error"] = f.error;
    return j;
  }
  if (f.sheets.empty()) {  // a workbook has cells, not an encoding and a delimiter
    j["encoding"] = encoding_name(f.encoding);
    j["delimiter"] = std::string(1, f.delimiter);
  }
  if (!f.date_swaps.empty()) {
    Json swaps = Json::array();
    for (const DateSwap& s : f.date_swaps)
      swaps.push_back(Json{{"column", s.column < f.columns.size() ? f.columns[s.column].name : std::to_string(s.column)},
                           {"cells", s.cells},
                           {"text_dates", s.text_month_first ? "month_first" : "day_first"},
                           {"swapped", s.swapped}});
    j["excel_date_swaps"] = swaps;
  }
  j["header"] = f.header;
  // Issue #9: where the header was found below title rows, and the group rows folded into a
  // customer column.
  j["header_line"] = f.layout.header_line;
  if (f.layout.header_rows > 1) j["header_rows"] = f.layout.header_rows;
  j["skipped_title_lines"] = f.layout.skipped_title_lines;
  j["group_rows"] = f.layout.group_rows;
  if (f.layout.as_of != kMissingDays) j["as_of"] = day_text(f.layout.as_of);
  if (!f.layout.amount_basis.empty()) j["amount_basis"] = f.layout.amount_basis;
  if (!f.layout.currencies.empty()) j["currencies"] = f.layout.currencies;
  j["table"] = f.table_kind == TableKind::none ? Json(nullptr) : Json(std::string(table_kind_name(f.table_kind)));
  // Issue #17: what the ledger will make of an invoices table — its line-item layout, and the rows
  // it sets aside by status (Draft, Void …; `inspect` has no settings: drafts are set aside).
  const LineItemLayout line_items = detect_line_items(f);
  const std::vector<SetAsideRow> set_aside = status_set_aside(f, line_items, false);
  uint64_t set_aside_rows = 0;
  for (const SetAsideRow& s : set_aside) set_aside_rows += s.rows;
  j["rows"] = Json{{"read", f.rows.read},
                   {"accepted", f.rows.accepted - set_aside_rows},
                   {"rejected", f.rows.rejected},
                   {"set_aside", set_aside_rows}};
  if (line_items.line_items) j["line_items"] = Json{{"rows", line_items.rows}, {"invoices", line_items.invoices}};

  Json columns = Json::array();
  for (const Column& c : f.columns) columns.push_back(column_json(c));
  j["columns"] = std::move(columns);

  Json rejected = Json::array();
  for (const RejectedRow& r : f.rejected) rejected.push_back(Json{{"line", r.line}, {"reason", r.reason}});
  j["rejected"] = std::move(rejected);
  if (!set_aside.empty()) {
    Json list = Json::array();
    for (const SetAsideRow& s : set_aside)
      list.push_back(Json{{"line", s.line}, {"reason", std::string(set_aside_reason_name(s.kind))},
                          {"detail", s.detail.value}, {"rows", s.rows}});
    j["set_aside"] = std::move(list);
  }
  if (!f.layout.total_checks.empty()) {
    Json checks = Json::array();
    for (const TotalCheck& t : f.layout.total_checks)
      checks.push_back(Json{{"line", t.line}, {"column", t.column}, {"stated", money_text(t.stated_cents)},
                            {"sum", money_text(t.sum_cents)}, {"rows", t.rows}, {"ok", t.ok()}});
    j["total_checks"] = std::move(checks);
  }

  Json cell_errors = Json::array();
  for (const CellError& e : f.cell_errors) {
    // Columns are named, not numbered, so a reader can find them in the file.
    const std::string column = e.column < f.columns.size() ? f.columns[e.column].name : std::to_string(e.column);
    cell_errors.push_back(Json{{"line", e.line}, {"column", column}, {"text", e.text}, {"reason", e.reason}});
  }
  j["cell_errors"] = std::move(cell_errors);
  if (f.cell_errors_total > f.cell_errors.size()) j["cell_errors_total"] = f.cell_errors_total;

  j["notes"] = f.notes;
  return j;
}

// Invalid UTF-8 (a name or cell from a file that is neither UTF-8 nor GB18030) becomes U+FFFD
// instead of an exception from dump().
std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string inspect_file_json(const ImportedFile& file) { return dump(file_json(file)); }

std::string inspect_json(const std::vector<ImportedFile>& files) {
  Json doc;
  Json list = Json::array();
  for (const ImportedFile& f : files) list.push_back(file_json(f));
  doc["files"] = std::move(list);
  return dump(doc);
}

}  // namespace overdue
