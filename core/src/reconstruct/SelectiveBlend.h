#pragma once
// Selective reconstruction's blend: the network's estimate inside the damage mask, the input's
// own pixels outside it — untouched, byte for byte.
#include <opencv2/core.hpp>

namespace rw::reconstruction {

// Per-pixel weight of the estimate (CV_32FC1): 0 outside the mask; inside it rising from
// 1/(feather+1) at the mask's edge to 1 at `featherPixels` from the edge (0 = 1 everywhere inside).
cv::Mat featherWeights(const cv::Mat& mask, int featherPixels);

// `input`: CV_8UC1; `estimate`: CV_32FC1 in [0,1]; `weights` from featherWeights. Pixels of
// weight 0 are copied from `input` (not recomputed), so they are bit-identical.
cv::Mat blend(const cv::Mat& input, const cv::Mat& estimate, const cv::Mat& weights);

// The estimate as 8-bit gray, rounded.
cv::Mat toGray(const cv::Mat& estimate);

}  // namespace rw::reconstruction
