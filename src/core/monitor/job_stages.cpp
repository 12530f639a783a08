// StagedWork (monitor_internal.hpp): the stages of MonitorJob and of the replay, run in slices of
// a budget of items so the page can draw between them (issue #7).
#include <algorithm>

#include "monitor/internal.hpp"

namespace overdue::monitor_detail {

void StagedWork::add(Count count, size_t estimate, uint64_t weight, Run run) {
  Stage s;
  s.count = std::move(count);
  s.weight = std::max<uint64_t>(1, weight);
  s.work = static_cast<uint64_t>(estimate) * s.weight;
  s.run = std::move(run);
  total_work_ += s.work;
  stages_.push_back(std::move(s));
}

void StagedWork::add_once(uint64_t weight, std::function<void()> run) {
  add([] { return size_t{1}; }, 1, weight, [f = std::move(run)](size_t, size_t) { f(); });
}

Step StagedWork::step(Budget& b) {
  uint64_t& budget = b.units;
  bool worked = false;  // at least one item per call, so a tiny budget still moves on
  while (stage_ < stages_.size()) {
    Stage& s = stages_[stage_];
    if (!started_) {
      started_ = true;
      cursor_ = 0;
      count_ = s.count();
      total_work_ = total_work_ - s.work + static_cast<uint64_t>(count_) * s.weight;
      s.work = static_cast<uint64_t>(count_) * s.weight;
    }
    if (cursor_ < count_) {
      if (budget < s.weight && worked) return Step::more;
      const uint64_t fit = std::max<uint64_t>(1, budget / s.weight);
      const size_t n = static_cast<size_t>(std::min<uint64_t>(fit, count_ - cursor_));
      s.run(cursor_, cursor_ + n);
      cursor_ += n;
      const uint64_t cost = static_cast<uint64_t>(n) * s.weight;
      budget = budget > cost ? budget - cost : 0;
      done_work_ += cost;
      worked = true;
    }
    if (cursor_ >= count_) {
      ++stage_;
      started_ = false;
    }
  }
  return Step::done;
}

double StagedWork::progress() const {
  if (done()) return 1.0;
  if (total_work_ == 0) return 0.0;
  return std::min(1.0, static_cast<double>(done_work_) / static_cast<double>(total_work_));
}

}  // namespace overdue::monitor_detail
