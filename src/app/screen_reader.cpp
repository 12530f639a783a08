#include "screen_reader.hpp"

#include <set>

#include "format.hpp"
#include "panels.hpp"
#include "platform.hpp"
#include "strings.hpp"

namespace app {
namespace {

struct ScreenReader {
  std::deque<std::string> messages;
  bool started = false;
  Lang page_language = Lang::zh;
  std::set<int> files_announced;   // ids of the files already announced (ids are never reused)
  uint64_t analysis_announced = 0;  // Analysis::revision() of the last result announced
  double notice_until_ms = 0;       // the last notice announced (show_notice sets a new end time)
};

ScreenReader& reader() {
  static ScreenReader r;
  return r;
}

const char* lang_tag(Lang lang) { return lang == Lang::zh ? "zh-CN" : "en"; }

// The words the files panel shows: rows read and rejected, or why the file could not be read.
std::string file_message(const LoadedFile& f) {
  if (f.status == LoadStatus::failed) return trf(S::a11y_file_failed_fmt, f.label().c_str(), file_error_text(f.data.error_kind, f.data.error).c_str());
  return trf(S::a11y_rows_read_fmt, f.label().c_str(), format_count(static_cast<int64_t>(f.data.rows.accepted)).c_str(),
             format_count(static_cast<int64_t>(f.data.rows.rejected)).c_str());
}

// The dashboard's first three tiles: open, overdue (money as the tiles show it), overdue customers.
std::string analysis_message(const Analysis& a) {
  const overdue::MonitorResult& r = a.result();
  int64_t overdue_customers = 0;
  for (const auto& c : r.customers) overdue_customers += c.overdue ? 1 : 0;
  return trf(S::a11y_analysis_ready_fmt, format_cents(r.open_cents, 2, true).c_str(),
             format_cents(r.overdue_cents, 2, true).c_str(), format_count(overdue_customers).c_str());
}

}  // namespace

void announce(const std::string& text) {
  ScreenReader& r = reader();
  r.messages.push_back(text);
  while (r.messages.size() > kLiveMessageCount) r.messages.pop_front();
  platform::announce(text, lang_tag(language()));
}

const std::deque<std::string>& live_messages() { return reader().messages; }

void update_screen_reader(AppState& state) {
  ScreenReader& r = reader();
  if (!r.started || r.page_language != language()) {
    if (!r.started) platform::set_announce_handler([](const std::string& text) { announce(text); });
    r.started = true;
    r.page_language = language();
    platform::set_page_language(lang_tag(language()), tr(S::a11y_canvas_label));
  }
  for (const auto& f : state.files) {
    if (!f->finished() || r.files_announced.count(f->id) > 0) continue;
    r.files_announced.insert(f->id);
    announce(file_message(*f));
  }
  const Analysis& a = state.analysis;
  if (a.available() && !a.pending() && a.revision() != r.analysis_announced) {
    r.analysis_announced = a.revision();
    announce(analysis_message(a));
  }
  if (!state.notice.empty() && state.notice_until_ms != r.notice_until_ms) {
    r.notice_until_ms = state.notice_until_ms;
    announce(state.notice);
  }
}

}  // namespace app
