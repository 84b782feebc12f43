#pragma once
// How far an estimated pixel deserves trust, in [0,1], from three independent signs:
// the test-time passes agree; the estimate shows ridge detail as strong as the print's own
// undamaged ridges (a grey, blurred fill means the network did not know); and, for a
// detected mask, how sure the detector was that the pixel was damaged at all.
#include <opencv2/core.hpp>

namespace rw::reconstruction {

struct ConfidenceInputs {
    cv::Mat estimate;       // CV_32FC1 in [0,1], the network's output on the print's geometry
    cv::Mat spread;         // CV_32FC1, the passes' standard deviation (may be empty)
    cv::Mat input;          // CV_8UC1, the print as given
    cv::Mat trustedRegion;  // CV_8UC1, undamaged foreground: what "the print's own ridges" means
    cv::Mat probability;    // CV_32FC1 detector output, or empty when the mask was given
    double threshold = 0.5;
    // CV_8UC1, the pixels whose confidence is wanted (the changed ones); empty: all. On a large
    // print with a small hole most of the cost was pixels no one reads.
    cv::Mat where;
};

// CV_32FC1, the print's size; the caller keeps 1 for the input's own pixels. Worked out on the
// box around `where` only: outside that box the map is 0.
cv::Mat estimateConfidence(const ConfidenceInputs& in);

// A fourth sign, for any fill of a hole: how far the pixel lies from the evidence around it.
// 1 at the rim of `hole` (CV_8UC1, nonzero = hole), 1/2 at kHalfConfidenceDepthPeriods ridge
// periods deep, 1/3 at twice that, and so on; `period` ≤ 0 (not measured) counts as 8 px.
// Both the networks and the classical continuation grow the rim's ridges inward, and what
// they draw deep in a hole is mostly a guess: on 30 synthetic 512×512 prints the U-Net's
// minutiae inside the hole matched the clean print's for 28 % of them within a ridge period of
// the rim, 12 % one to two periods in and 3–8 % deeper (docs/reconstruction.md, "Confidence").
cv::Mat depthConfidence(const cv::Mat& hole, double period);

}  // namespace rw::reconstruction
