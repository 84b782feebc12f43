#pragma once
// Where each minutia of a reconstruction stands: the print's own, or drawn from estimated
// pixels — and, against a clean original, invented or also in the original — plus the
// original's minutiae there that the reconstruction lost. The same minutiae, paired the same
// way, as measurePrint counts; for showing them (the workbench's Minutiae mode, case reports).
#include "ridgeworks/metrics/Minutiae.h"

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace rw {

enum class MinutiaStanding {
    Evidence,   // the reconstruction's, away from any estimated pixel: the print's own
    Estimated,  // drawn from estimated pixels; no clean original to compare with
    Agrees,     // drawn from estimated pixels, and the clean original has it too
    Invented,   // drawn from estimated pixels, and the clean original does not have it
    Lost,       // the clean original's, near estimated pixels, not in the reconstruction
};

const char* toString(MinutiaStanding standing);  // "evidence", "estimated", "agrees", ...

struct MinutiaMark {
    Minutia minutia;
    MinutiaStanding standing = MinutiaStanding::Evidence;
};

std::size_t countStanding(const std::vector<MinutiaMark>& marks, MinutiaStanding standing);

// `estimate`: CV_8UC1, the reconstruction; `changedMask`: CV_8UC1, nonzero = estimated pixel
// (same size); `clean`: the clean original (same size) or empty. "Near estimated pixels" is
// within the changed pixels grown by the match distance (minutiaeRegion), as measurePrint's
// "inside" figures count. With a clean original, the minutiae are extracted and paired exactly
// as measurePrint does (candidateMinutiae, pairMinutiae); without one, within the estimate's
// own foreground. Throws rw::Error(InvalidArgument) on wrong types or sizes.
std::vector<MinutiaMark> markMinutiae(const cv::Mat& estimate, const cv::Mat& changedMask,
                                      const cv::Mat& clean = {});

}  // namespace rw
