#pragma once
// A hole filled with no ridges at all: the print's local mean gray level carried into it. Where
// ridges cannot be drawn honestly — beyond the examiner's ridge reach, or in a print whose ridge
// period cannot be measured, so that any ridges would be drawn at a guessed spacing — the
// examiner sees a plain "unknown" instead of plausible invented detail.
#include <opencv2/core.hpp>

namespace rw {

// `gray`: CV_8UC1 print; `hole`: CV_8UC1, nonzero = fill, the print's size; `period`: the
// print's ridge period in px, the scale of the local mean (≤ 0: not measured, 8 px is used).
// Returns CV_32FC1 in [0,1], the print's size: `gray` / 255 outside the hole, the known pixels'
// mean over a ridge period (a Gaussian of σ = one period, normalised by the known pixels'
// weight, so the damage does not leak in) carried into the hole by OpenCV's Telea inpainting.
// Throws rw::Error(InvalidArgument) for other types or sizes.
cv::Mat smoothFill(const cv::Mat& gray, const cv::Mat& hole, double period);

}  // namespace rw
