// binning_tables_csv (binning_table_csv.hpp): every feature's binning table as one CSV file.
#include "overdue/report/binning_table_csv.hpp"

#include <cstdio>

#include "overdue/model/binning_table.hpp"
#include "overdue/report/csv_export.hpp"
#include "overdue/text/format.hpp"
#include "overdue/text/strings.hpp"

namespace overdue {
namespace {

std::string p_value_text(double p) {
  if (p < 0) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", p);
  return text;
}

void append_row(std::string& out, const std::string& feature, const std::string& bin,
                const BinningTableRow& r, bool totals) {
  const std::string cells[] = {feature,
                               bin,
                               std::to_string(r.count),
                               fixed_text(r.share, 6),
                               std::to_string(r.non_events),
                               std::to_string(r.events),
                               fixed_text(r.event_rate, 6),
                               totals ? std::string() : fixed_text(r.woe, 6),
                               fixed_text(r.iv, 6),
                               fixed_text(r.js, 6),
                               totals ? std::string() : p_value_text(r.p_value_next)};
  bool first = true;
  for (const std::string& c : cells) {
    if (!first) out += ',';
    first = false;
    out += csv_field(c);
  }
  out += "\r\n";
}

}  // namespace

std::string binning_tables_csv(const std::vector<FeatureBinning>& binnings, Lang lang) {
  std::string out =
      "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel and WPS then read the file as UTF-8
  const S headers[] = {S::bins_csv_feature,    S::bins_csv_bin,         S::bins_csv_count,
                       S::bins_csv_share,      S::bins_csv_non_events,  S::bins_csv_events,
                       S::bins_csv_event_rate, S::bins_csv_woe,         S::bins_csv_iv,
                       S::bins_csv_js,         S::bins_csv_p_value_next};
  bool first = true;
  for (S h : headers) {
    if (!first) out += ',';
    first = false;
    out += csv_field(text(h, lang));
  }
  out += "\r\n";
  for (const FeatureBinning& b : binnings) {
    const BinningTable t = binning_table(b);
    for (const BinningTableRow& r : t.rows) append_row(out, b.name, r.bin, r, false);
    append_row(out, b.name, text(S::bins_csv_totals, lang), t.totals, true);
  }
  return out;
}

}  // namespace overdue
