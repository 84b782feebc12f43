#pragma once
// Ridges grown by iterative Gabor filtering (the SFinGe method): start from a few random
// seed imprints and filter the image again and again, each pixel with the Gabor kernel of its
// own orientation and period, clipping the result to [-1, 1]. Ridge patterns spread from the
// seeds along the orientation field; where two of them meet out of phase, the filter settles
// on a ridge ending or bifurcation - which is how the minutiae arise.
#include "ridgeworks/common/Random.h"

#include <opencv2/core.hpp>

namespace rw::synth {

struct GrowthSettings {
    double seedSpacing = 4.0;  // mean distance between seeds, in ridge periods
    double gain = 3.0;         // amplification before clipping; > 1 lets the pattern spread
    double coverage = 0.995;   // fraction of the target that must carry ridges to stop
    int settleIterations = 3;  // more passes after that, so the last-grown parts settle
    int maxIterations = 60;    // a bound whatever happens
};

// `orientation` (CV_32FC1, radians) and `period` (CV_32FC1, pixels) give the field; ridges
// live only in `region` (CV_8UC1) and growth stops once they cover `target` (CV_8UC1, inside
// region). Returns CV_32FC1 in [-1, 1], positive on ridges, 0 outside `region`. The result
// depends only on the inputs and the generator, not on the number of threads.
cv::Mat growRidges(const cv::Mat& orientation, const cv::Mat& period, const cv::Mat& region,
                   const cv::Mat& target, const GrowthSettings& settings, Rng& rng);

}  // namespace rw::synth
