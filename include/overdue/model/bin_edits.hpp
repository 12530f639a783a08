// Hand edits of the WoE bins (issue #5: "the scorecard's bins can be merged or split by hand and
// the model refitted"). Edits are kept as a list in the lab's options and replayed on the fresh
// automatic bins of every run, so a refit is the same deterministic lab with the edits applied
// right after binning (before imputation: missing values keep their own bin).
#pragma once
#include <string>
#include <vector>

#include "overdue/model/data.hpp"
#include "overdue/model/features.hpp"

namespace overdue {

struct BinEdit {
  enum class Op { merge, split };
  std::string feature;  // FeatureBinning::name
  Op op = Op::merge;
  size_t bin = 0;       // merge: bin i with i+1; split: range bin i
  double at = 0;        // split point, lower < at < upper
};

// "merge age 3" / "split age 2 at 35.5": how the page lists an edit.
std::string describe_bin_edit(const BinEdit& edit);

// Applies the edits in order to `binnings` (recounting each edited feature on the training rows).
// An edit that cannot apply (unknown feature, bin out of range, split point outside the bin) is
// skipped and reported: one line per skipped edit in the result, "" when all applied.
std::string apply_bin_edits(std::vector<FeatureBinning>& binnings, const ModelDataset& data, const RowSubset& train,
                            const std::vector<BinEdit>& edits);

// `record,points,p_bad,reason_1,reason_2,reason_3` for every accepted row of `file` scored by
// the scorecard (record = the 1-based data-record number, as --split-out numbers them; reasons =
// feature names, scorecard_reasons.hpp, empty when fewer than three features cost points). Empty with `error` set when the file
// lacks a column the scorecard needs.
struct Scorecard;
std::string scorecard_scores_csv(const Scorecard& card, const ImportedFile& file, std::string& error);

}  // namespace overdue
