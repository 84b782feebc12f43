#pragma once
// Ridge/valley separation for minutiae extraction (private to core/metrics).
#include <opencv2/core.hpp>

namespace rw::metrics_detail {

// 255 where `gray` (CV_8UC1, dark ridges) shows a ridge inside `foreground` (CV_8UC1 0/255).
// The image is smoothed along the ridges given by `orientation` (CV_32FC1 radians, as
// estimateOrientation), then compared with its local mean. Specks and pores smaller than a
// short ridge piece are cleaned away.
cv::Mat binariseRidges(const cv::Mat& gray, const cv::Mat& orientation, const cv::Mat& foreground);

}  // namespace rw::metrics_detail
