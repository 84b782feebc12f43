#pragma once
// The per-image half of RidgeStructure.h: the orientation and ridge-period fields of one
// print, computed once and compared over several regions (measurePrint compares the whole
// foreground and the damage mask, and reuses the orientation for minutiae extraction).
#include "ridgeworks/metrics/RidgeStructure.h"

#include <opencv2/core.hpp>

namespace rw::metrics_detail {

// Block size of the period field: about three ridges at 500 ppi, enough for a spectral peak.
inline constexpr int kPeriodBlockSize = 32;

struct RidgeFields {
    cv::Mat orientation;  // CV_32FC1 radians [0, pi), estimateOrientation's
    cv::Mat period;       // CV_32FC1, localRidgePeriod(gray, kPeriodBlockSize)
};

// `where`: CV_8UC1 0/255. Periods are estimated only for blocks holding a nonzero pixel, and
// only from nonzero pixels (empty = every block, every pixel); the others stay 0.
RidgeFields ridgeFields(const cv::Mat& gray, const cv::Mat& where);

// localRidgePeriod without the checks, restricted like ridgeFields.
cv::Mat localRidgePeriodWithin(const cv::Mat& gray, int blockSize, const cv::Mat& where);

// `region`: CV_8UC1 0/255 of the fields' size (already validated).
RidgeStructureError compareRidgeFields(const RidgeFields& reference, const RidgeFields& candidate,
                                       const cv::Mat& region);

}  // namespace rw::metrics_detail
