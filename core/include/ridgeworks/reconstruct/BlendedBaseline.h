#pragma once
// A classical baseline as selective reconstruction would show it: the baseline fills the
// damage mask, and its fill is blended in with the same feather the network's estimate gets.
// Comparisons (eval, the workbench's metrics) then differ only in the fill, not in the blend.
#include "ridgeworks/metrics/Baselines.h"

#include <opencv2/core.hpp>

namespace rw {

// `damaged`: CV_8UC1; `mask`: CV_8UC1 of its size, nonzero = damaged. featherPixels 0 gives
// applyBaseline's result unchanged. Outside the mask the pixels are the input's own.
cv::Mat blendedBaseline(Baseline baseline, const cv::Mat& damaged, const cv::Mat& mask,
                        int featherPixels);

}  // namespace rw
