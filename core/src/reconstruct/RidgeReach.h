#pragma once
// Ridges drawn only within reach of the print's own. What any fill draws deep in a large hole
// is mostly invented: on 30 synthetic 512×512 prints fewer than one in ten of the U-Net's
// minutiae there matched the clean print's. With a reach of R ridge periods the estimate is
// kept up to R periods from the hole's rim and gives way, over one more period, to a plain
// gray at the print's local mean level (carried into the hole by OpenCV's Telea inpainting),
// so the examiner sees "unknown" instead of plausible invented detail (docs/reconstruction.md,
// "Ridge reach").
#include <opencv2/core.hpp>

namespace rw::reconstruction {

struct ReachLimited {
    cv::Mat estimate;     // CV_32FC1 in [0,1]: the estimate within reach, the smooth fill beyond
    cv::Mat ridgeWeight;  // CV_32FC1 in [0,1]: the estimate's share per pixel (1 outside the hole)
};

// `estimate`: CV_32FC1 in [0,1], the print's size (read inside `hole` only); `gray`: the
// CV_8UC1 print the smooth fill starts from; `hole`: CV_8UC1, nonzero = damaged; `period`:
// the print's ridge period in px (≤ 0: not measured, counted as 8 px); `reachPeriods` > 0.
ReachLimited limitRidgeReach(const cv::Mat& estimate, const cv::Mat& gray, const cv::Mat& hole,
                             double period, double reachPeriods);

}  // namespace rw::reconstruction
