#pragma once
// Thinning of binary ridges to one-pixel-wide skeletons, the step before minutiae are read
// off by crossing number. Written here rather than taken from opencv_contrib (ximgproc), which
// Ridgeworks does not depend on.
#include <opencv2/core.hpp>

namespace rw {

// Zhang & Suen (1984) parallel thinning, followed by the removal of "staircase" corner pixels
// that Zhang–Suen leaves on diagonal lines (a pixel whose neighbours stay 8-connected without
// it and that joins two 4-neighbours at a right angle). Without that step such corners read as
// bifurcations. `binary`: CV_8UC1, nonzero = ridge. Returns CV_8UC1, 255 = skeleton.
// Throws rw::Error(InvalidArgument) unless `binary` is a non-empty CV_8UC1.
cv::Mat thinRidges(const cv::Mat& binary);

// Crossing number of skeleton pixel (x, y): half the number of 0/1 changes around its eight
// neighbours. 1 = ridge ending, 2 = ridge continues, 3 = bifurcation. `skeleton`: CV_8UC1
// 0/nonzero; pixels outside the image count as 0. Returns 0 for a background pixel.
int crossingNumber(const cv::Mat& skeleton, int x, int y);

}  // namespace rw
