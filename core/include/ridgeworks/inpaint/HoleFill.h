#pragma once
// What the inpainting U-Net finds in the hole before it starts: the choice is part of a
// model (its card records it), and training data and reconstruction must make the same one.
#include "ridgeworks/inpaint/RidgeContinuation.h"

#include <opencv2/core.hpp>

#include <optional>
#include <string>

namespace rw {

enum class HoleFill {
    // "grey": the damaged pixels are passed on and the network blanks the hole to mid-grey
    // itself (the models of Ridgeworks 0.5 and before).
    Grey,
    // "ridge-continuation": the hole holds rw::continueRidges' classical fill, which the
    // network refines (and the network no longer blanks it).
    RidgeContinuation,
};

const char* toString(HoleFill fill);  // "grey", "ridge-continuation"
std::optional<HoleFill> holeFillFromString(const std::string& name);

// The U-Net's image input for `fill`: `image` (CV_32FC1 in [0,1]) unchanged for Grey; for
// RidgeContinuation, the hole (`mask` CV_32FC1, > 0.5 = hole) replaced by the continuation
// of the ridges around it. `ridgePeriod` 0 = measured. Outside the hole the pixels are kept.
// `continuation`, when given, receives the RidgeContinuation the fill was grown with (none for
// Grey), so a caller can grow the same hole again along another orientation.
cv::Mat prepareHoleInput(HoleFill fill, const cv::Mat& image, const cv::Mat& mask,
                         double ridgePeriod = 0.0,
                         std::optional<RidgeContinuation>* continuation = nullptr);

}  // namespace rw
