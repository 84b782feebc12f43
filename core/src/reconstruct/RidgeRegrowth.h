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
// prints (1.5 periods: 4.9 spurious, 9.9°; 1 period: 5.1, 9.1°; none: 6.7, 9.2°). With 0.6.1
// it is a trade between synthetic and real prints, like the regrowth's share: 0.5 / 0.7 / 1 /
// 1.5 periods gave 8.15 / 8.19 / 8.29 / 8.48° on synthetic prints but 9.01 / 8.93 / 8.85 /
// 8.78° on real ones with hard damage (docs/reconstruction.md, "Ridge regrowth").
inline constexpr double kGuideSigmaInPeriods = 1.0;

// The ridges around `hole` (CV_8UC1, nonzero = hole) grown into it along the orientation of
// `estimate` (CV_32FC1 in [0,1], the network's estimate there). `image` (CV_32FC1 in [0,1]) is
// the print around the hole and `continuation` a continuation of the same image and hole (the
// starting fill's, whose brightness and contrast are reused). Returns CV_32FC1 in [0,1]:
// inside the hole the regrown ridges, elsewhere `image`; empty when the continuation found no
// ridge period (no ridges around the hole to grow).
cv::Mat regrowRidges(const RidgeContinuation& continuation, const cv::Mat& image,
                     const cv::Mat& hole, const cv::Mat& estimate);

// Inside `hole`, `estimate` becomes (1 − share) · estimate + share · regrown; outside it is
// not touched. Nothing changes when `regrown` is empty or share is 0.
void mixRegrownRidges(const cv::Mat& regrown, const cv::Mat& hole, double share,
                      cv::Mat& estimate);

}  // namespace rw::reconstruction
