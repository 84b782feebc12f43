#pragma once
// Input checks shared by the ridge measurements: every public function accepts any
// single-channel depth and an optional mask, and says clearly what is wrong otherwise.
#include <opencv2/core.hpp>

namespace rw::analysis_detail {

// The image as CV_32FC1 (values unchanged, not rescaled). Throws rw::Error(InvalidArgument)
// for an empty or multi-channel image.
cv::Mat toFloatImage(const cv::Mat& image, const char* what);

// The mask as CV_8UC1 with 255 where `mask` is nonzero; all 255 when `mask` is empty. Throws
// rw::Error(InvalidArgument) when its size differs from `size` or it has several channels.
cv::Mat toBinaryMask(const cv::Mat& mask, cv::Size size, const char* what);

}  // namespace rw::analysis_detail
