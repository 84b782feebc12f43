#pragma once
// Ridge regrowth: the inpainting network's estimate firmed up by the classical ridge
// continuation. The network is good at where ridges run and poor at keeping them whole (it
// breaks and forks them where it is unsure, and those are invented minutiae); the
// continuation keeps ridges whole and in phase with the real ones at the rim, but carries the
// orientation across the hole by interpolation, which misses bends, cores and deltas. Here the
// continuation grows the rim's ridges along the orientation the network's estimate shows, and
// the two are mixed (docs/reconstruction.md, "Ridge regrowth").
#include <opencv2/core.hpp>

namespace rw::reconstruction {

// The guide orientation is estimated from the estimate smoothed over this many ridge periods:
// smoother guides gave fewer invented minutiae but a worse orientation on held-out synthetic
// prints (1.5 periods: 4.9 spurious, 9.9°; 1 period: 5.1, 9.1°; none: 6.7, 9.2°).
inline constexpr double kGuideSigmaInPeriods = 1.0;

// `estimate` (CV_32FC1 in [0,1], the print's size) becomes, inside `mask` (CV_8UC1, nonzero =
// hole), (1 − share) · estimate + share · regrown ridges; outside it is not touched. `gray` is
// the damaged print (CV_8UC1), whose pixels outside the hole the ridges are grown from;
// `ridgePeriod` its ridge period in pixels (0: measured around the hole, and nothing is changed
// when no period can be found). share 0 leaves the estimate as it is.
void regrowRidgesAlongEstimate(const cv::Mat& gray, const cv::Mat& mask, double ridgePeriod,
                               double share, cv::Mat& estimate);

}  // namespace rw::reconstruction
