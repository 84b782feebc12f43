#pragma once
// Binary dilation, closing and opening with OpenCV's elliptical structuring element, computed row
// by row: the ellipse is a stack of centred horizontal runs, so a dilation is the maximum over its
// rows of 1-D dilations (one per distinct run width) shifted vertically. The result is
// bit-identical to cv::morphologyEx with getStructuringElement(MORPH_ELLIPSE) and OpenCV's
// default border, at a fraction of the cost: OpenCV visits every point of a non-rectangular
// kernel, and the 19×19 ellipse of segmentForeground took 90 % of its time.
#include <opencv2/core.hpp>

namespace rw::image {

// `mask`: CV_8UC1 with values 0/255. `radius` ≥ 1: the ellipse is (2·radius+1)² pixels.
cv::Mat closeWithDisc(const cv::Mat& mask, int radius);
cv::Mat openWithDisc(const cv::Mat& mask, int radius);

}  // namespace rw::image
