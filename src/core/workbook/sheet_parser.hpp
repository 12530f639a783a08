// A worksheet part (xl/worksheets/sheetN.xml) streamed into a SheetTable: <sheetData> rows of
// <c> cells, each with its type (t), style (s) and reference (r), its cached value <v>, its
// formula <f> (only whether it has one) and, for inline strings, <is><t>…</t></is>. Rows and cells
// without r follow the previous one. The cell text conventions are workbook_reader.hpp's.
#pragma once
#include <cstdint>
#include <string>

#include "workbook/shared_strings.hpp"
#include "workbook/sheet_table.hpp"
#include "workbook/styles.hpp"
#include "workbook/xml_stream.hpp"

namespace overdue {

class SheetParser : public XmlStream {
 public:
  enum class Mode {
    collect,  // keep the cells (the sheet being read)
    count,    // count the rows holding a value only (the other sheets, for SheetCells::sheets)
  };
  // `strings` and `styles` must outlive the parser.
  SheetParser(Mode mode, const StringPool& strings, const CellStyles& styles, bool date1904);

  uint64_t rows_with_value() const { return rows_with_value_; }
  uint64_t work_done() const { return work_; }  // cells and rows parsed so far (budget units)
  SheetTable take() { return std::move(table_); }
  // The part's size (the zip's declared uncompressed size): lets collect mode size its table once
  // from the first rows instead of growing it by doubling (the copies were some 4% of a read).
  void expect_bytes(uint64_t xml_bytes) { expected_bytes_ = xml_bytes; }

 protected:
  void on_start(std::string_view local, const char** attributes) override;
  void on_end(std::string_view local) override;
  void on_text(const char* text, int length) override;

 private:
  enum class CellType : uint8_t { number, shared, inline_string, formula_string, boolean, error, date };
  void start_row(const char** attributes);
  void end_row();
  void start_cell(const char** attributes);
  void end_cell();
  void add_problem(ProblemKind kind, std::string_view text);
  void reserve_from_first_rows();

  const Mode mode_;
  const StringPool& strings_;
  const CellStyles& styles_;
  const bool date1904_;

  SheetTable table_;
  std::string scratch_;   // count mode: the cell's text, to see whether it is empty
  uint64_t rows_with_value_ = 0;
  uint64_t work_ = 0;
  uint64_t expected_bytes_ = 0;

  // The row being read.
  uint64_t row_number_ = 0;
  uint64_t row_first_cell_ = 0;
  int64_t row_last_column_ = -1;  // of the last cell kept (collect mode)
  uint32_t next_column_ = 0;       // of a cell without r
  bool row_has_value_ = false;
  // The cell being read.
  bool in_cell_ = false;
  uint32_t column_ = 0;
  bool column_valid_ = true;
  CellType type_ = CellType::number;
  uint32_t style_ = 0;
  bool has_value_ = false;    // a <v> element
  bool has_formula_ = false;  // an <f> element
  bool in_inline_ = false;    // inside <is>
  int in_phonetic_ = 0;       // inside <rPh> (a phonetic guide: not the text)
  bool capture_ = false;      // character data goes to value_
  std::string value_;         // <v>'s text, or the inline string's
};

// The 0-based column of a cell reference ("AB12" → 27); false when it has no letters or is past
// Excel's last column (XFD).
bool parse_cell_column(const char* reference, uint32_t& column);

}  // namespace overdue
