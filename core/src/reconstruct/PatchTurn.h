#pragma once
// A patch turned in place (SOCOFing's central rotation: a disc of the print cut out, rotated
// about its centre and put back) still holds the print's own ridges. Turned back by the right
// angle, they meet the ridges around the damage again. Used by reconstruct() when
// ReconstructionOptions::turnBackRotation is set (docs/reconstruction.md, "Turning back a
// rotated patch").
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <opencv2/core.hpp>

#include <optional>

namespace rw::reconstruction {

// The turn that best rejoins the damage's content to the ridges around it, if one does so
// clearly: a round damage mask (a turn in place maps only a disc onto itself: area at least
// 0.8 of its enclosing circle), a turn of at least 4°, and, over a band from 1 px to 1.5 ridge
// periods inside the mask's rim, a correlation with the ridges continued in from outside
// (rw::continueRidges) of at least 0.35 that beats no turn by 0.25 and the next best of the
// three strongest turns by 0.05. `damaged`:
// CV_8UC1; `hole`: CV_8UC1 nonzero = damaged; `ridgePeriod` > 0 (pixels).
std::optional<PatchTurn> findPatchTurn(const cv::Mat& damaged, const cv::Mat& hole,
                                       double ridgePeriod);

// `damaged` with the content under `hole` turned back by `turn` (bilinear); outside `hole`
// the pixels are the input's.
cv::Mat turnBack(const cv::Mat& damaged, const cv::Mat& hole, const PatchTurn& turn);

}  // namespace rw::reconstruction
