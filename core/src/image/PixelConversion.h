#pragma once
#include <opencv2/core.hpp>

namespace rw::detail {

// Any decoded image (8/16-bit integer or float; 1–4 channels) to 8-bit gray.
// Colour is converted with the ITU-R BT.601 luma weights; alpha is ignored rather than
// composited, because scanners (and SOCOFing's 32-bit BMPs) store meaningless alpha.
cv::Mat toGray8(const cv::Mat& decoded);

}  // namespace rw::detail
