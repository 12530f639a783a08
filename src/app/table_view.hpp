// Sorted and filtered row order of one imported table, kept as index vectors so a million rows
// scroll through ImGuiListClipper without copying data. Sorting is by typed value with the row
// index as explicit tie-break (deterministic); filtering runs in slices across frames so typing
// in the filter never freezes the page. No ImGui here.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "overdue/import/table.hpp"

namespace app {

struct SortKey {
  int column = -1;          // -1 = file order (by line)
  bool descending = false;
  bool operator==(const SortKey& o) const { return column == o.column && descending == o.descending; }
  bool operator!=(const SortKey& o) const { return !(*this == o); }
};

class TableView {
 public:
  // Brings the view up to date with the file (whose content changes bump `revision`), the sort key
  // and the filter text; filtering work stops when now() passes `deadline_ms`, to go on next frame.
  void update(const overdue::ImportedFile& file, uint64_t revision, SortKey sort, const std::string& filter,
              const std::function<double()>& now, double deadline_ms);

  const std::vector<uint32_t>& rows() const { return visible_; }  // rows to show, in order
  bool filtering() const { return filtering_; }
  double filter_progress() const;                                 // 0…1 while filtering
  size_t total_rows() const { return sorted_.size(); }
  // Measurements: time the last sort took, and the work time of the last completed filter.
  double last_sort_ms() const { return last_sort_ms_; }
  double last_filter_work_ms() const { return last_filter_work_ms_; }

 private:
  void resort(const overdue::ImportedFile& file);
  void rebuild_visible();

  uint64_t revision_ = UINT64_MAX;
  SortKey sort_;
  std::vector<uint32_t> sorted_;   // every accepted row, in sort order
  std::vector<uint8_t> match_;     // per row: passes the applied filter
  std::vector<uint32_t> visible_;  // sorted_ ∩ match_

  std::string filter_applied_;
  std::string filter_target_;      // lower-cased (ASCII) needle being applied
  std::vector<uint8_t> match_next_;
  size_t filter_next_row_ = 0;
  bool filtering_ = false;
  double filter_work_ms_ = 0;
  double last_sort_ms_ = 0;
  double last_filter_work_ms_ = 0;
};

// Rows of `file` whose raw text contains `needle` in any column, ASCII case-insensitively
// (other bytes, e.g. Chinese, compare exactly). Exposed for the filter's slices.
bool row_contains(const overdue::ImportedFile& file, size_t row, const std::string& lowered_needle);

}  // namespace app
