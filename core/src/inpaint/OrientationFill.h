#pragma once
// The ridge orientation inside a hole, carried in from the ridges around it.
#include <opencv2/core.hpp>

namespace rw::inpaint {

// Ridge direction per pixel (CV_32FC1, radians, the estimateOrientation convention) for
// `image` (CV_32FC1) whose `hole` (CV_8UC1, nonzero) is unknown. Outside the hole it is the
// structure-tensor orientation of the known pixels, smoothed over a third of `ridgePeriod`
// (pixels). Inside, the doubled-angle field is interpolated from the rim as a membrane (the
// smoothest field that meets it), which keeps curved flow curved.
cv::Mat fillOrientation(const cv::Mat& image, const cv::Mat& hole, double ridgePeriod);

}  // namespace rw::inpaint
