#pragma once
// The ridge flow as a second witness for moved skin put back (FlapSwap): where the ridges are
// too fine for the rim band's gray levels to be read reliably (SOCOFing's 3.4 px period), their
// direction still is. The damaged pixels' flow, carried back with the move, is compared with
// the flow of the ridges continued in from around the hole.
#include <opencv2/core.hpp>

#include <vector>

namespace rw::reconstruction {

// Ridge orientation (radians) and coherence of the damaged print and of the ridges continued
// into its hole, from the structure tensor smoothed over 0.6 ridge periods (1.5 px at the least).
struct RimFlow {
    cv::Mat readOrientation, readCoherence;          // of `damaged`
    cv::Mat expectedOrientation, expectedCoherence;  // of `continued`
};

RimFlow rimFlowOf(const cv::Mat& damaged, const cv::Mat& continued, double ridgePeriod);

// How well the flow moves bring back agrees with the expected flow: the coherence-weighted mean
// of cos 2Δθ over the points added, from 1 (the same direction everywhere) to −1 (crossing at
// right angles); −2 when nothing was added.
struct FlowTally {
    double sum = 0.0, weight = 0.0;
    double value() const { return weight > 0.0 ? sum / weight : -2.0; }
};

// Adds `band`'s points to `tally`: `toHere` maps a band point to where its skin lies now, and
// the direction there is carried back by its inverse. Only points whose skin lies in `readable`
// (CV_8UC1, nonzero) count; none does when `toHere` folds the plane.
void addFlowAgreement(const RimFlow& flow, const std::vector<cv::Point>& band,
                      const cv::Matx23d& toHere, const cv::Mat& readable, FlowTally& tally);

// Adds `band`'s points with the damaged pixels' flow where they lie (no move): what a move must
// beat, since skin that only slid keeps its direction.
void addUnmovedFlowAgreement(const RimFlow& flow, const std::vector<cv::Point>& band,
                             FlowTally& tally);

}  // namespace rw::reconstruction
