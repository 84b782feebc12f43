#pragma once
// Input checks shared by the metrics: every metric compares 8-bit gray prints and takes
// optional 8-bit masks, and a wrong type or size must say which argument was wrong.
#include <opencv2/core.hpp>

namespace rw::metrics_detail {

// Throws rw::Error(InvalidArgument) unless `image` is a non-empty CV_8UC1.
void requireGray8(const cv::Mat& image, const char* what);

// Throws rw::Error(InvalidArgument) unless `image` is `size` (used for the second image).
void requireSize(const cv::Mat& image, cv::Size size, const char* what);

// 255 where `mask` is nonzero (CV_8UC1, `size`); an empty mask gives `whenEmpty` everywhere.
// Throws rw::Error(InvalidArgument) unless the mask is empty or a CV_8UC1 of `size`.
cv::Mat binaryMask(const cv::Mat& mask, cv::Size size, const char* what, unsigned char whenEmpty);

}  // namespace rw::metrics_detail
