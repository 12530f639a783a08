// A workbook sheet (SheetCells, issue #18) handed to the same table building as a CSV's records:
// the header and title rows found from its first rows, every kept row a record whose line is its
// Excel row number, so rejected rows and cell errors name the row a user sees in Excel.
#pragma once
#include <vector>

#include "import/export_layout.hpp"
#include "overdue/import/importer.hpp"
#include "overdue/workbook/workbook_reader.hpp"

namespace overdue {

// Fills `file` (columns, rows, rejected, notes, sheet, sheets, date_swaps) from `cells`; the
// padded rows are for the export-layout pass, as TableBuilder::padded(). Sets file.error when the
// sheet held nothing usable.
void build_table_from_sheet(ImportedFile& file, SheetCells& cells, const ImportOptions& options,
                            std::vector<PaddedRow>& padded);

// After typing: the cells the workbook held as errors or formulas without a value, listed as cell
// errors of their columns (accepted rows only), and the notes on day/month swaps.
void add_workbook_cell_problems(ImportedFile& file, const std::vector<WorkbookCellProblem>& problems);

}  // namespace overdue
