#pragma once
// Classical ridge continuation into a hole: the orientation field and the ridge contrast are
// interpolated from the ridges around the hole, and the ridges themselves are grown inward by
// iterated oriented Gabor filtering (as the synthetic generator grows them), starting from
// the real ridges at the rim so their phase carries on. No learning; deterministic.
//
// It is a baseline of its own ("ridge-continuation" in every evaluation) and the starting
// fill the inpainting U-Net refines (model cards with holeFill "ridge-continuation").
#include <opencv2/core.hpp>

namespace rw {

struct RidgeContinuationOptions {
    // Ridge period in pixels; 0 = measured from the ridges outside the hole.
    double ridgePeriod = 0.0;
    // Bound on the growth passes. Each pass carries ridges about one period further in.
    int maxIterations = 60;
    // Optional ridge orientation to grow along inside the hole (CV_32FC1, radians, the
    // image's size); empty = carried across the hole from its surroundings.
    cv::Mat guideOrientation;
};

// `damaged`: CV_8UC1; `mask`: CV_8UC1, nonzero = hole (what lies under it is ignored).
// Returns CV_8UC1: outside the hole bit-identical to `damaged`; inside, continued ridges at
// the contrast and brightness of the surroundings (background stays background). Where no
// ridges surround the hole (no period can be measured) the hole gets the surroundings' mean
// brightness. An empty or all-zero mask returns a copy. Throws rw::Error(InvalidArgument)
// on a wrong type or size.
cv::Mat continueRidges(const cv::Mat& damaged, const cv::Mat& mask,
                       const RidgeContinuationOptions& options = {});

}  // namespace rw
