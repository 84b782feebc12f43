#pragma once
// extractMinutiae with the orientation field supplied (private to core/metrics): measurePrint
// already has it from the ridge-structure measurement.
#include "ridgeworks/metrics/Minutiae.h"

namespace rw::metrics_detail {

// `gray`: CV_8UC1; `foreground`: CV_8UC1 0/255; `orientation`: estimateOrientation(gray).
std::vector<Minutia> extractMinutiae(const cv::Mat& gray, const cv::Mat& foreground,
                                     const cv::Mat& orientation, const MinutiaeOptions& options);

}  // namespace rw::metrics_detail
