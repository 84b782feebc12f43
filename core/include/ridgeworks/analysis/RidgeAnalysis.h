#pragma once
// Measurements of ridge structure from pixels alone: local orientation, dominant ridge
// period, singular points. Used to test the generator and, later, by core/metrics.
#include "ridgeworks/synth/SyntheticPrint.h"

#include <opencv2/core.hpp>

#include <vector>

namespace rw {

// Ridge orientation per pixel (CV_32FC1, radians in [0, pi), same convention as
// SyntheticPrint::orientation) from the smoothed gradient structure tensor.
cv::Mat estimateOrientation(const cv::Mat& gray, double smoothingSigma = 6.0);

// Coherence of the structure tensor per pixel (CV_32FC1 in [0, 1]): 1 = clean parallel ridges.
cv::Mat estimateCoherence(const cv::Mat& gray, double smoothingSigma = 6.0);

// Dominant ridge period in pixels from the radial peak of the power spectrum inside `mask`
// (CV_8UC1, nonzero = use; empty = whole image). Returns 0 when no peak is found.
double estimateRidgePeriod(const cv::Mat& gray, const cv::Mat& mask = {});

// Mean absolute angular difference in degrees between two orientation fields (axial
// angles, so 179° vs 1° is 2°), over nonzero `mask` pixels.
double meanOrientationErrorDeg(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask);

// Cores (Poincaré index +1/2) and deltas (-1/2) of an orientation field, restricted to
// nonzero `mask` pixels. Nearby detections are merged.
std::vector<SingularPoint> findSingularPoints(const cv::Mat& orientation, const cv::Mat& mask);

}  // namespace rw
