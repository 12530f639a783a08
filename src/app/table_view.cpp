#include "table_view.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace app {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lowered(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool contains_folded(std::string_view haystack, const std::string& needle) {
  if (needle.size() > haystack.size()) return false;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char h, char n) { return ascii_lower(h) == n; }) != haystack.end();
}

// Sort keys are copied next to their row index first, so the sort touches one contiguous array
// instead of chasing column storage (about 3× faster on a million rows in wasm).
// Missing values go last in both directions; equal values keep file order (row index
// ascending), so the result does not depend on the sort algorithm.
template <typename Key>
struct Keyed {
  Key key;
  uint32_t row;
};

template <typename Key, typename Less>
void sort_keyed(std::vector<Keyed<Key>>& keyed, bool descending, Less less) {
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed<Key>& a, const Keyed<Key>& b) {
    if (less(a, b)) return !descending;
    if (less(b, a)) return descending;
    return a.row < b.row;
  });
}

// Present rows sorted by `key_of`, then missing rows in file order.
template <typename Key, typename KeyOf, typename IsMissing, typename Less>
void sort_by_key(std::vector<uint32_t>& rows, bool descending, KeyOf key_of, IsMissing is_missing, Less less) {
  std::vector<Keyed<Key>> keyed;
  std::vector<uint32_t> missing;
  keyed.reserve(rows.size());
  for (uint32_t r : rows) {
    if (is_missing(r)) missing.push_back(r);
    else keyed.push_back({key_of(r), r});
  }
  sort_keyed(keyed, descending, less);
  size_t i = 0;
  for (const auto& k : keyed) rows[i++] = k.row;
  for (uint32_t r : missing) rows[i++] = r;
}

// Rank of every row's text among the column's distinct texts (byte order). Sorting by rank
// compares integers: columns such as customer names repeat a few values many times, and comparing
// those long equal strings over and over is what made text sorts slow.
std::vector<uint32_t> text_ranks(const overdue::TextColumn& text) {
  const size_t n = text.size();
  std::unordered_map<std::string_view, uint32_t> id_of_text;
  std::vector<std::string_view> distinct;
  std::vector<uint32_t> id(n);
  for (size_t r = 0; r < n; ++r) {
    const std::string_view v = text.at(r);
    const auto [it, inserted] = id_of_text.emplace(v, static_cast<uint32_t>(distinct.size()));
    if (inserted) distinct.push_back(v);
    id[r] = it->second;
  }
  std::vector<uint32_t> order(distinct.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
  std::vector<uint32_t> rank(distinct.size());
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<uint32_t>(i);
  for (uint32_t& v : id) v = rank[v];
  return id;
}

}  // namespace

bool row_contains(const overdue::ImportedFile& file, size_t row, const std::string& lowered_needle) {
  for (const overdue::Column& c : file.columns) {
    if (row < c.text.size() && contains_folded(c.text.at(row), lowered_needle)) return true;
  }
  return false;
}

void TableView::resort(const overdue::ImportedFile& file) {
  sorted_.resize(file.row_count());
  std::iota(sorted_.begin(), sorted_.end(), 0u);
  if (sort_.column < 0 || static_cast<size_t>(sort_.column) >= file.columns.size()) {
    if (sort_.descending) std::reverse(sorted_.begin(), sorted_.end());
    return;
  }
  const overdue::Column& c = file.columns[static_cast<size_t>(sort_.column)];
  const size_t n = sorted_.size();
  const bool numeric = c.type == overdue::ColumnType::integer || c.type == overdue::ColumnType::decimal;
  const bool desc = sort_.descending;
  if (numeric && c.number.size() == n) {
    sort_by_key<double>(
        sorted_, desc, [&](uint32_t r) { return c.number[r]; }, [&](uint32_t r) { return std::isnan(c.number[r]); },
        [](const Keyed<double>& a, const Keyed<double>& b) { return a.key < b.key; });
  } else if (c.type == overdue::ColumnType::date && c.days.size() == n) {
    sort_by_key<int32_t>(
        sorted_, desc, [&](uint32_t r) { return c.days[r]; }, [&](uint32_t r) { return c.days[r] == overdue::kMissingDays; },
        [](const Keyed<int32_t>& a, const Keyed<int32_t>& b) { return a.key < b.key; });
  } else {
    // Text: byte order of the UTF-8 text (= code point order), empty cells last.
    const std::vector<uint32_t> rank = text_ranks(c.text);
    sort_by_key<uint32_t>(
        sorted_, desc, [&](uint32_t r) { return rank[r]; },
        [&](uint32_t r) { return r >= c.text.size() || c.text.at(r).empty(); },
        [](const Keyed<uint32_t>& a, const Keyed<uint32_t>& b) { return a.key < b.key; });
  }
}

void TableView::rebuild_visible() {
  visible_.clear();
  if (filter_applied_.empty()) {
    visible_ = sorted_;
    return;
  }
  visible_.reserve(sorted_.size() / 4);
  for (uint32_t r : sorted_) {
    if (match_[r]) visible_.push_back(r);
  }
}

void TableView::update(const overdue::ImportedFile& file, uint64_t revision, SortKey sort,
                       const std::string& filter, const std::function<double()>& now, double deadline_ms) {
  const std::string target = ascii_lowered(filter);
  bool visible_dirty = false;
  if (revision != revision_ || sorted_.size() != file.row_count()) {
    // New or changed data: start over, re-applying the current filter from scratch.
    revision_ = revision;
    sort_ = sort;
    const double t0 = now();
    resort(file);
    last_sort_ms_ = now() - t0;
    match_.assign(file.row_count(), 1);
    filter_applied_.clear();
    filter_target_.clear();
    filtering_ = false;
    visible_dirty = true;
  } else if (sort != sort_) {
    sort_ = sort;
    const double t0 = now();
    resort(file);
    last_sort_ms_ = now() - t0;
    visible_dirty = true;
  }

  if (target != (filtering_ ? filter_target_ : filter_applied_)) {
    if (target.empty()) {
      filtering_ = false;
      filter_applied_.clear();
      visible_dirty = true;
    } else {
      filtering_ = true;
      filter_target_ = target;
      match_next_.assign(file.row_count(), 0);
      filter_next_row_ = 0;
      filter_work_ms_ = 0;
    }
  }

  if (filtering_) {
    const double t0 = now();
    const size_t n = file.row_count();
    constexpr size_t kSlice = 2048;  // rows between clock checks
    while (filter_next_row_ < n) {
      const size_t end = std::min(n, filter_next_row_ + kSlice);
      for (size_t r = filter_next_row_; r < end; ++r) match_next_[r] = row_contains(file, r, filter_target_) ? 1 : 0;
      filter_next_row_ = end;
      if (now() > deadline_ms) break;
    }
    filter_work_ms_ += now() - t0;
    if (filter_next_row_ >= n) {
      match_.swap(match_next_);
      filter_applied_ = filter_target_;
      filtering_ = false;
      last_filter_work_ms_ = filter_work_ms_;
      visible_dirty = true;
    }
  }
  if (visible_dirty) rebuild_visible();
}

double TableView::filter_progress() const {
  if (!filtering_ || match_next_.empty()) return 1.0;
  return static_cast<double>(filter_next_row_) / static_cast<double>(match_next_.size());
}

}  // namespace app
