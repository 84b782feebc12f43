#pragma once
// How well a predicted damage mask (the damage-detector's, at its threshold) matches the true
// one: intersection over union, and the two ways it can be wrong — flagging undamaged
// pixels (precision) and missing damaged ones (recall).
#include <opencv2/core.hpp>

namespace rw {

struct MaskAgreement {
    double iou = 1.0;                // |P ∩ T| / |P ∪ T|; 1 when both masks are empty
    double precision = 1.0;          // |P ∩ T| / |P|: flagged pixels that are damaged; 1 when none is flagged
    double recall = 1.0;             // |P ∩ T| / |T|: damaged pixels that are flagged; 1 when none is damaged
    double predictedFraction = 0.0;  // |P| / all pixels
};

// `predicted`, `truth`: CV_8UC1 of the same size, nonzero = damaged. Throws
// rw::Error(InvalidArgument) on type or size mismatches or empty images.
MaskAgreement measureMaskAgreement(const cv::Mat& predicted, const cv::Mat& truth);

}  // namespace rw
