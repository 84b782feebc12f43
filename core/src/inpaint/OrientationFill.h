#pragma once
// The ridge orientation inside a hole, carried in from the ridges around it.
#include <opencv2/core.hpp>

namespace rw::inpaint {

// Ridge direction in the hole (CV_32FC1 the image's size, radians, the estimateOrientation
// convention; 0 outside the hole, where nothing reads it) for `image` (CV_32FC1) whose `hole`
// (CV_8UC1, nonzero) is unknown. The structure tensor of the known pixels, smoothed over a
// third of `ridgePeriod` (pixels), is carried in from the rim as a membrane of the doubled-angle
// field (the smoothest field that meets it), which keeps curved flow curved.
cv::Mat fillOrientation(const cv::Mat& image, const cv::Mat& hole, double ridgePeriod);

}  // namespace rw::inpaint
