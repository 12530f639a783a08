// Replaying hand edits of the WoE bins; scoring another file with a scorecard as CSV.
#include "overdue/model/bin_edits.hpp"

#include <cstdio>

#include "overdue/model/scorecard.hpp"
#include "overdue/model/scorecard_reasons.hpp"
#include "overdue/text/format.hpp"

namespace overdue {
namespace {

std::string number_text(double v, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}


}  // namespace

std::string describe_bin_edit(const BinEdit& edit) {
  if (edit.op == BinEdit::Op::merge)
    return "merge " + edit.feature + " bins " + std::to_string(edit.bin + 1) + "+" + std::to_string(edit.bin + 2);
  char at[64];
  std::snprintf(at, sizeof at, "%.6g", edit.at);
  return "split " + edit.feature + " bin " + std::to_string(edit.bin + 1) + " at " + at;
}

std::string apply_bin_edits(std::vector<FeatureBinning>& binnings, const ModelDataset& data, const RowSubset& train,
                            const std::vector<BinEdit>& edits) {
  std::string skipped;
  for (const BinEdit& e : edits) {
    FeatureBinning* b = nullptr;
    for (FeatureBinning& f : binnings)
      if (f.name == e.feature) b = &f;
    std::string why;
    if (b == nullptr) why = "no binned feature named " + e.feature;
    else if (e.op == BinEdit::Op::merge) why = merge_bins(*b, e.bin);
    else why = split_bin(*b, e.bin, e.at);
    if (!why.empty()) {
      skipped += describe_bin_edit(e) + ": " + why + "\n";
      continue;
    }
    recount_bins(*b, feature_values(data, *b), data.target, train);
  }
  return skipped;
}

std::string scorecard_scores_csv(const Scorecard& card, const ImportedFile& file, std::string& error) {
  const std::vector<ScoredRecord> scored = score_file_with_reasons(card, file, error);
  if (!error.empty()) return "";
  std::string out = "record,points,p_bad,reason_1,reason_2,reason_3\n";
  for (const ScoredRecord& s : scored) {
    out += std::to_string(s.record) + "," + number_text(s.points, 2) + "," +
           number_text(points_to_bad_probability(card, s.points), 6);
    for (int r : s.reasons) out += "," + (r < 0 ? std::string() : csv_field(card.features[static_cast<size_t>(r)].name));
    out += "\n";
  }
  return out;
}

}  // namespace overdue
