// The one shape of resumable work in the core (issue #16): the importer's finish, the export-layout
// pass, the ledger, the monitor, the classification, the analysis session and the model lab are
// all jobs that a caller drives in slices, so the page can draw between them (issue #7: no task
// over 200 ms) while the CLI and the tests run them to the end.
//
//   Job job(inputs…);
//   Budget budget{n};
//   while (job.step(budget) == Step::more) { …draw a frame…; budget = Budget{n}; }
//   auto result = job.take();
//
// Every job has
//   Step step(Budget& budget);  // about budget.units of work (at least one item when any is left),
//                               // budget.units lowered by what it used; Step::done once complete
//   double progress() const;    // 0 … 1, for a progress bar
//   T take();                   // the result, moved out once step() returned Step::done
//
// A budget counts work units (a row, an invoice, a customer, a typed cell: each job says what its
// unit is), NEVER time: the core stays deterministic, and where the slices fall never changes a
// result (the jobs' unit tests cut them into 1, 3, 7, 64 … units and compare). Turning a frame's
// milliseconds into units is the page's business (src/app/frame_pacer.hpp).
#pragma once
#include <cstdint>
#include <limits>

namespace overdue {

enum class Step { more, done };

struct Budget {
  uint64_t units = 0;

  // As much as the job wants: run_to_end, the CLI.
  static constexpr Budget unbounded() { return Budget{std::numeric_limits<uint64_t>::max()}; }
  // Takes `cost` units off, never below zero (the last item of a step may cost more than was left).
  constexpr void spend(uint64_t cost) { units = units > cost ? units - cost : 0; }
  constexpr bool spent() const { return units == 0; }
};

// Steps `job` with an unbounded budget until it is done, then returns its result. A job may still
// end a step early at a phase boundary, so this loops.
template <class Job>
auto run_to_end(Job& job) {
  for (;;) {
    Budget budget = Budget::unbounded();
    if (job.step(budget) == Step::done) break;
  }
  return job.take();
}

}  // namespace overdue
