#pragma once
// Smooth random fields for the rendering stages (pressure, dryness, shading). Built from the
// project's portable Rng and our own interpolation, so a seed gives the same field whatever
// OpenCV's SIMD dispatch does on the machine.
#include "ridgeworks/common/Random.h"

#include <opencv2/core.hpp>

namespace rw::synth {

// A CV_32FC1 field of `size` with zero mean and unit standard deviation whose features are
// about `cellSize` pixels apart: Gaussian values on a grid of that spacing, interpolated with
// a cubic B-spline (smooth, no grid artefacts).
cv::Mat smoothNoise(Rng& rng, cv::Size size, double cellSize);

}  // namespace rw::synth
