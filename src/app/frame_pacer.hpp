// Sizing the slices of the core's jobs (overdue/job/job.hpp) on the page: the core counts work in
// units and never looks at a clock; the page has a frame to keep (issue #7: no task over 200 ms)
// and turns a millisecond target into units from the pace of the slices before. One pacer per kind
// of unit (typed cells, ledger rows, monitor items, customers, lab steps): import, analysis and
// the model lab all go through step_paced().
#pragma once
#include <cstdint>

#include "overdue/job/job.hpp"
#include "platform.hpp"

namespace app {

class FramePacer {
 public:
  // `first`: units of the first slice; the size never leaves [least, most].
  FramePacer(double first, double least, double most = 5e7) : units_(first), least_(least), most_(most) {}

  overdue::Budget budget() const;
  // The slice just run took `ms` for budget() units: the next one aims at `target_ms`.
  void record(double ms, double target_ms);
  double last_ms() const { return last_ms_; }

 private:
  double units_, least_, most_;
  double last_ms_ = 0;
};

// One slice of `job`, timed and fed back to `pacer`.
template <class Job>
overdue::Step step_paced(Job& job, FramePacer& pacer, double target_ms) {
  overdue::Budget budget = pacer.budget();
  const double t0 = platform::now_ms();
  const overdue::Step step = job.step(budget);
  pacer.record(platform::now_ms() - t0, target_ms);
  return step;
}

}  // namespace app
