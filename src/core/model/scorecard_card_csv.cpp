// The scorecard as a CSV a spreadsheet opens (scorecard_export.hpp): UTF-8 BOM, three columns,
// one row per bin, one no-bin row per feature, then the scaling and the direction as rows of
// their own, so the file stays one clean table.
#include <cstdio>
#include <limits>

#include "overdue/model/scorecard_export.hpp"
#include "overdue/text/format.hpp"

namespace overdue {
namespace {


std::string number_text(double v, const char* format) {
  char text[64];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

std::string row(const std::string& a, const std::string& b, const std::string& c) {
  return csv_field(a) + "," + csv_field(b) + "," + csv_field(c) + "\n";
}

// What scores in the no-bin row: a missing value without a missing bin, an unseen level without a
// pooled rare bin (scorecard_bin_of_value decides, so the label follows the rule).
std::string no_bin_label(const ScorecardFeature& f, bool en) {
  const bool missing = scorecard_bin_of_value(f, std::numeric_limits<double>::quiet_NaN()) < 0;
  const bool unseen = f.binning.categorical && scorecard_bin_of_value(f, kUnseenLevel) < 0;
  std::string label = en ? "no bin (WoE 0)" : "无分箱（WoE 0）";
  if (!missing && !unseen) return label;
  label += en ? ": " : "：";
  if (missing) label += en ? "missing" : "缺失值";
  if (missing && unseen) label += en ? ", " : "、";
  if (unseen) label += en ? "unseen level" : "训练中未见的取值";
  return label;
}

}  // namespace

std::string scorecard_card_csv(const Scorecard& card, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out = "\xEF\xBB\xBF";
  out += en ? row("Feature", "Bin", "Points") : row("特征", "分箱", "分数");
  for (const ScorecardFeature& f : card.features) {
    for (size_t k = 0; k < f.bins.size(); ++k)
      out += row(f.name, f.bins[k].label,
                 number_text(scorecard_points_of_bin(f, static_cast<int>(k)), "%.4f"));
    out += row(f.name, no_bin_label(f, en), number_text(scorecard_points_of_bin(f, -1), "%.4f"));
  }
  const std::string scaling = en ? "(scaling)" : "（刻度）";
  out += row(scaling,
             en ? "direction: a higher score means a lower risk" : "方向：分数越高，风险越低", "");
  out += row(scaling, en ? "base score" : "基准分", number_text(card.base_score, "%.10g"));
  out += row(scaling, en ? "base odds (good:bad)" : "基准好坏比（好:坏）",
             number_text(card.base_odds, "%.10g"));
  out += row(scaling, en ? "PDO (points to double the odds)" : "PDO（好坏比翻倍所需分数）",
             number_text(card.pdo, "%.10g"));
  out += row(scaling, en ? "factor = PDO / ln 2" : "因子 = PDO / ln 2",
             number_text(card.factor, "%.6f"));
  out += row(
      scaling,
      en ? "offset = base score - factor * ln(base odds)" : "偏移 = 基准分 - 因子 × ln(基准好坏比)",
      number_text(card.offset, "%.6f"));
  return out;
}

}  // namespace overdue
