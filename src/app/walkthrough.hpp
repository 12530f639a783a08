// The guided walkthrough (issue #6, DESIGN.md §7): a few steps with next / back over the demo —
// what the aging means, why these customers are overdue, how a type was decided (the rule trace),
// the strategy per type, and in the model lab what AUC and KS mean. Each step opens its tab and
// outlines the widget it talks about. Opens by itself when the demo ledger is loaded; closable;
// reopened from the "Guide" button at the end of the tab bar.
#pragma once

namespace app {

class AppState;

constexpr int kWalkthroughSteps = 5;

struct Walkthrough {
  int step = -1;            // -1: closed
  bool dismissed = false;   // closed by the user: do not reopen by itself
  bool entering = false;    // the step just changed: open its tab on the next draw
};

void open_walkthrough(AppState& state, int step = 0);
// Draws the guide window and the outline of its target; call after the main window.
void draw_walkthrough(AppState& state);

}  // namespace app
