// Placeholder until the reader lands (issue #18, in progress): every workbook is refused.
#include "overdue/workbook/workbook_reader.hpp"

namespace overdue {

ContainerKind sniff_container(std::string_view b) {
  if (b.size() >= 4 && b.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return ContainerKind::zip;
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return ContainerKind::compound_file;
  return ContainerKind::text;
}

struct WorkbookReader::State {
  SheetCells cells;
};
WorkbookReader::WorkbookReader(std::string, std::string_view, WorkbookOptions) : state_(std::make_unique<State>()) {
  state_->cells.error = "workbooks are not read yet";
}
WorkbookReader::~WorkbookReader() = default;
WorkbookReader::WorkbookReader(WorkbookReader&&) noexcept = default;
WorkbookReader& WorkbookReader::operator=(WorkbookReader&&) noexcept = default;
Step WorkbookReader::step(Budget&) { return Step::done; }
double WorkbookReader::progress() const { return 1.0; }
SheetCells WorkbookReader::take() { return std::move(state_->cells); }

SheetCells read_workbook(std::string file_name, std::string_view bytes, WorkbookOptions options) {
  WorkbookReader reader(std::move(file_name), bytes, std::move(options));
  return run_to_end(reader);
}

}  // namespace overdue
