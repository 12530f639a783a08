#include "frame_pacer.hpp"

#include <algorithm>

namespace app {

overdue::Budget FramePacer::budget() const {
  return overdue::Budget{std::max<uint64_t>(1, static_cast<uint64_t>(units_))};
}

// The next slice's size from this one's pace: half the old size, half what would have taken
// `target_ms`. A step that took almost no time tells nothing (it may have ended a stage early, or
// had nothing to do) and leaves the size alone, and the size grows by half at most per step:
// doubling on such steps once let the budget run up to a 1.8-second slice when the next stage was
// the payment replay.
void FramePacer::record(double ms, double target_ms) {
  last_ms_ = ms;
  if (ms < 2.0) return;
  const double next = 0.5 * units_ + 0.5 * units_ * target_ms / ms;
  units_ = std::min(most_, std::max(least_, std::min(next, 1.5 * units_)));
}

}  // namespace app
