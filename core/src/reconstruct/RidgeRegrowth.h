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

// The orientation the regrowth grows along: that of `image` (CV_32FC1 in [0,1], the print)
// with `estimate` (CV_32FC1 in [0,1], the network's estimate) put into `hole` (CV_8UC1,
// nonzero = hole), smoothed over kGuideSigmaInPeriods · `period` (px). Worked out on the hole's
// box only (0 elsewhere: the growth reads it only in the hole). Empty when `period` ≤ 0 or the
// hole is empty.
cv::Mat regrowthGuide(const cv::Mat& image, const cv::Mat& hole, const cv::Mat& estimate,
                      double period);

// The ridges around the hole of `continuation` (a continuation of the print and hole the
// `guide` was worked out for, at the same period) grown into it along `guide`. Returns CV_32FC1
// in [0,1]: inside the hole the regrown ridges, elsewhere the print; empty when `guide` is empty.
cv::Mat regrowRidges(const RidgeContinuation& continuation, const cv::Mat& guide);

// Inside `hole`, `estimate` becomes (1 − share) · estimate + share · regrown; outside it is
// not touched. Nothing changes when `regrown` is empty or share is 0.
void mixRegrownRidges(const cv::Mat& regrown, const cv::Mat& hole, double share, cv::Mat& estimate);

}  // namespace rw::reconstruction
