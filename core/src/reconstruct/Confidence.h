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

}  // namespace rw::reconstruction
