#pragma once
// Smooth fields (orientation tensor, brightness, contrast) carried into a hole from its
// surroundings.
#include <opencv2/core.hpp>

namespace rw::inpaint {

// Per pixel, the distance (CV_32FC1, pixels) to the nearest pixel outside `unknown` (CV_8UC1,
// nonzero = unknown); 0 on known pixels. What interpolateFromSurroundings takes.
cv::Mat distanceToKnown(const cv::Mat& unknown);

// The bounding box of `mask`'s nonzero pixels grown by `margin` on every side, within the
// image: the part of an image that work on a hole needs.
cv::Rect boxAround(const cv::Mat& mask, int margin);

// Normalised convolution whose scale grows with the distance to the known pixels: at a known
// pixel, the weighted Gaussian mean of `values` at `baseSigma`; `distance` pixels into the
// hole, at about baseSigma + distance, so every hole pixel is reached and deep pixels average
// over the whole rim (a smooth, Shepard-like interpolation). Between the scales (powers of two
// of baseSigma) the result is blended linearly in log scale, so no seams appear.
// `values`: CV_32FC(n); `weight`: CV_32FC1 >= 0, 0 = unknown; `distance`: CV_32FC1, a pixel's
// distance to the nearest known pixel (0 on known pixels). Pixels no scale reaches get 0.
cv::Mat interpolateFromSurroundings(const cv::Mat& values, const cv::Mat& weight,
                                    const cv::Mat& distance, double baseSigma);

}  // namespace rw::inpaint

namespace rw::inpaint {

// Membrane (harmonic) interpolation: the field that agrees with `values` where `weight` is
// high and is as smooth as possible (discrete Laplace equation) elsewhere, e.g.
// v = (Σ neighbours + λ·w·v0) / (4 + λ·w) per pixel. Unlike a distance-weighted average it
// carries curved flows across a hole instead of averaging its opposite sides to nothing.
// `values`: CV_32FC(n); `weight`: CV_32FC1 in [0,1]. Solved coarse to fine (a pyramid, then
// over-relaxed sweeps at each level).
cv::Mat membraneInterpolation(const cv::Mat& values, const cv::Mat& weight);

}  // namespace rw::inpaint
