// Internal to the core: bin labels shared by model_woe.cpp and model_features.cpp.
#pragma once
#include <string>
#include <vector>

#include "overdue/model/data.hpp"

namespace overdue::model_detail {

std::string range_label(double lower, double upper);  // "(-inf, 2]", "(2, +inf)"
std::string levels_label(const CategoricalFeature& f, const std::vector<int32_t>& levels);

}  // namespace overdue::model_detail
