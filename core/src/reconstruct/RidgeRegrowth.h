#pragma once
// Ridge regrowth: the inpainting network's estimate firmed up by the classical ridge
// continuation. The network is good at where ridges run and poor at keeping them whole (it
// breaks and forks them where it is unsure, and those are invented minutiae); the
// continuation keeps ridges whole and in phase with the real ones at the rim, but carries the
// orientation across the hole by interpolation, which misses bends, cores and deltas. Here the
// continuation grows the rim's ridges along the orientation the network's estimate shows, and
// the two are mixed (docs/reconstruction.md, "Ridge regrowth").
#include "ridgeworks/inpaint/RidgeContinuation.h"

#include <opencv2/core.hpp>

namespace rw::reconstruction {

// The guide orientation is estimated from the estimate smoothed over this many ridge periods:
// smoother guides gave fewer invented minutiae but a worse orientation on held-out synthetic
// prints (1.5 periods: 4.9 spurious, 9.9°; 1 period: 5.1, 9.1°; none: 6.7, 9.2°).
inline constexpr double kGuideSigmaInPeriods = 1.0;

// `estimate` (CV_32FC1 in [0,1]) becomes, inside `hole` (CV_8UC1, nonzero = hole),
// (1 − share) · estimate + share · regrown ridges; outside it is not touched. All at the
// network's scale: `image` (CV_32FC1 in [0,1]) is the print the network saw, around the hole,
// and `continuation` the starting fill's continuation of the same image and hole, whose
// brightness and contrast the regrowth reuses. Nothing changes when it found no ridge period
// (no ridges around the hole to grow) or share is 0.
void regrowRidgesAlongEstimate(const RidgeContinuation& continuation, const cv::Mat& image,
                               const cv::Mat& hole, double share, cv::Mat& estimate);

}  // namespace rw::reconstruction
