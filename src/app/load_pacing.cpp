#include "load_pacing.hpp"

namespace app {

void LoadPacing::frame_end(bool drawn, bool loading, double now_ms) {
  if (drawn) last_drawn_ms_ = now_ms;
  if (!loading) return;
  if (drawn) ++timing_.frames_drawn;
  else ++timing_.frames_skipped;
}

}  // namespace app
