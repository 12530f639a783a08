// The report's stability section inside the model part (issue #21 §3), written only when the
// caller filled ModelLab::monitoring (`analyze --report … --model DEV --target T --monitor OTHER`
// or `--monitor-by COLUMN`): the score PSI with its band, the per-band table (expected %, actual
// %, contribution) with a small paired-bar chart, the CSI of every card feature highest first,
// and the PSI per month. Keys are "model.monitoring." + the path in `overdue-lens model --json`.
#include <algorithm>
#include <cmath>

#include "overdue/report/analysis_json.hpp"
#include "report/html_report_internal.hpp"

namespace overdue::report_detail {
namespace {

std::string e(std::string_view s) { return html_escape(s); }
std::string th(const char* text, bool number = false) {
  return std::string(number ? "<th class=\"num\">" : "<th>") + e(text) + "</th>";
}

S band_text(const std::string& band);
// The band's badge colour, inline so the shared style sheet (and every report's bytes) stays as is.
const char* band_colour(const std::string& band) {
  return band == "shift" ? "#cc3338" : band == "watch" ? "#c9820f" : "#3a8f4b";
}
std::string badge(const std::string& band, Lang lang) {
  return "<span class=\"badge stab-" + band + "\" style=\"background:" + band_colour(band) + "\">" +
         html_escape(text(band_text(band), lang)) + "</span>";
}
S band_text(const std::string& band) {
  return band == "shift" ? S::stab_shift : band == "watch" ? S::stab_watch : S::stab_stable;
}
// The band as a coloured badge, the index beside it (data-key carries the JSON's value).
std::string index_html(const std::string& key, const StabilityIndex& s, Lang lang) {
  return "<span class=\"num\"" + raw_attr(key, fixed_text(s.index, 6)) + ">" +
         fixed_text(s.index, 4) + "</span> " + badge(s.band, lang);
}

std::string points_range(const StabilityBin& b) {
  const std::string lo = std::isfinite(b.lower) ? fixed_text(b.lower, 0) : "−∞";
  const std::string hi = std::isfinite(b.upper) ? fixed_text(b.upper, 0) : "+∞";
  return "(" + lo + ", " + hi + "]";
}

// Expected (grey) and actual (coloured) share side by side per band, band 1 on the left.
std::string paired_bars_svg(const StabilityIndex& s, const std::string& title) {
  const double w = 480, h = 140, left = 30, bottom = 18, top = 8;
  double top_share = 0.01;
  for (const StabilityBin& b : s.bins) top_share = std::max({top_share, b.expected, b.actual});
  const double slot = (w - left) / double(std::max<size_t>(s.bins.size(), 1));
  const double plot_h = h - bottom - top;
  std::string svg = "<figure><svg viewBox=\"0 0 " + fixed_text(w, 0) + " " + fixed_text(h, 0) +
                    "\" width=\"100%\" role=\"img\"><title>" + e(title) + "</title>";
  svg += "<text x=\"0\" y=\"" + fixed_text(top + 6, 0) + "\" font-size=\"8\">" +
         fixed_text(top_share * 100, 0) + "%</text>";
  for (size_t i = 0; i < s.bins.size(); ++i) {
    const StabilityBin& b = s.bins[i];
    const double x = left + slot * double(i);
    const double bw = slot * 0.38;
    const double he = plot_h * b.expected / top_share, ha = plot_h * b.actual / top_share;
    svg += "<rect x=\"" + fixed_text(x + slot * 0.1, 1) + "\" y=\"" +
           fixed_text(top + plot_h - he, 1) + "\" width=\"" + fixed_text(bw, 1) + "\" height=\"" +
           fixed_text(he, 1) + "\" fill=\"#b8bec8\"/>";
    svg += "<rect x=\"" + fixed_text(x + slot * 0.1 + bw, 1) + "\" y=\"" +
           fixed_text(top + plot_h - ha, 1) + "\" width=\"" + fixed_text(bw, 1) + "\" height=\"" +
           fixed_text(ha, 1) + "\" fill=\"#2f6fb5\"/>";
    svg += "<text x=\"" + fixed_text(x + slot * 0.5, 1) + "\" y=\"" + fixed_text(h - 5, 0) +
           "\" font-size=\"8\" text-anchor=\"middle\">" + std::to_string(b.band) + "</text>";
  }
  svg += "<line x1=\"" + fixed_text(left, 0) + "\" y1=\"" + fixed_text(top + plot_h, 1) +
         "\" x2=\"" + fixed_text(w, 0) + "\" y2=\"" + fixed_text(top + plot_h, 1) +
         "\" stroke=\"#555\"/></svg><figcaption>" + e(title) + "</figcaption></figure>";
  return svg;
}

void write_report(std::string& out, const StabilityReport& r, const std::string& key, Lang lang) {
  auto t = [&](S id) { return text(id, lang); };
  out += "<p>" + fill_html(t(S::stab_score_fmt), {index_html(key + ".score_psi", r.score, lang)}) +
         "</p>";
  out += "<table><thead><tr>" + th(t(S::col_band), true) + th(t(S::col_score_range), true) +
         th(t(S::stab_col_expected), true) + th(t(S::stab_col_actual), true) +
         th(t(S::stab_col_contribution), true) + "</tr></thead><tbody>";
  for (const StabilityBin& b : r.score.bins)
    out += "<tr><td class=\"num\">" + std::to_string(b.band) + "</td>" +
           text_cell(e(points_range(b)), true) +
           text_cell(percent_display(b.expected, 2, lang), true) +
           text_cell(percent_display(b.actual, 2, lang), true) +
           text_cell(fixed_text(b.contribution, 4), true) + "</tr>";
  out += "</tbody></table>";
  out += paired_bars_svg(r.score, t(S::stab_chart_title));

  // Features, the largest index first (ties: the card's order).
  std::vector<size_t> order(r.features.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.features[a].csi.index > r.features[b].csi.index;
  });
  out += "<h4>" + e(t(S::stab_features_heading)) + "</h4><table><thead><tr>" +
         th(t(S::col_feature)) + th(t(S::stab_col_csi), true) + th(t(S::stab_col_reading)) +
         th(t(S::col_bin)) + th(t(S::stab_col_expected), true) + th(t(S::stab_col_actual), true) +
         th(t(S::stab_col_contribution), true) + "</tr></thead><tbody>";
  for (size_t i : order) {
    const FeatureStability& f = r.features[i];
    const std::string csi_key = key + ".features." + std::to_string(i) + ".csi";  // the JSON's path
    for (size_t k = 0; k < f.csi.bins.size(); ++k) {
      const StabilityBin& b = f.csi.bins[k];
      const std::string label = b.label == "no bin" ? t(S::stab_no_bin) : b.label;
      out +=
          "<tr><td>" + (k == 0 ? e(f.feature) : std::string()) + "</td>" +
          (k == 0 ? "<td class=\"num\"" + raw_attr(csi_key, fixed_text(f.csi.index, 6)) + ">" +
                        fixed_text(f.csi.index, 4) + "</td><td>" + badge(f.csi.band, lang) + "</td>"
                  : std::string("<td></td><td></td>")) +
          "<td>" + e(label) + "</td>" + text_cell(percent_display(b.expected, 2, lang), true) +
          text_cell(percent_display(b.actual, 2, lang), true) +
          text_cell(fixed_text(b.contribution, 4), true) + "</tr>";
    }
  }
  out += "</tbody></table>";
}

}  // namespace

void write_model_stability(std::string& out, const ModelLab& lab, Lang lang) {
  const LabMonitoring& m = lab.monitoring;
  if (!m.has_file && !m.has_by_month) return;
  auto t = [&](S id) { return text(id, lang); };
  if (m.has_file) {
    out += "<h3 id=\"model-stability\">" + e(t(S::stab_heading)) + "</h3><p class=\"legend\">" +
           e(textf(lang, S::stab_intro_fmt, m.file.c_str(),
                   count_display(static_cast<int64_t>(m.report.actual_records)).c_str(),
                   count_display(static_cast<int64_t>(m.report.expected_records)).c_str())) +
           "</p>";
    write_report(out, m.report, "model.monitoring", lang);
  }
  if (m.has_by_month) {
    const StabilityByMonth& by = m.by_month;
    out += "<h3 id=\"model-stability-by-month\">" +
           e(textf(lang, S::stab_by_heading_fmt, by.column.c_str())) + "</h3><p class=\"legend\">" +
           e(textf(lang, S::stab_by_intro_fmt,
                   by.months.empty() ? "—" : by.months.front().month.c_str(),
                   count_display(static_cast<int64_t>(by.missing_dates)).c_str())) +
           "</p><table><thead><tr>" + th(t(S::stab_col_month)) + th(t(S::stab_col_records), true) +
           "<th class=\"num\">PSI</th></tr></thead><tbody>";
    for (size_t k = 0; k < by.months.size(); ++k) {
      const MonthStability& month = by.months[k];
      out += "<tr><td>" + e(month.month) + "</td>" +
             text_cell(count_display(static_cast<int64_t>(month.report.actual_records)), true) +
             "<td class=\"num\">" +
             index_html("model.monitoring_by.months." + std::to_string(k) + ".score_psi",
                        month.report.score, lang) +
             "</td></tr>";
    }
    out += "</tbody></table>";
  }
}

}  // namespace overdue::report_detail
