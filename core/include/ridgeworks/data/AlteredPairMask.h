#pragma once
// The damaged region of an altered print that comes with its clean original (SOCOFing's
// Altered/ prints, or any such pair): SOCOFing's altered prints equal the real ones outside
// the alteration, so the region is where they differ. Used for training pairs and evaluation.
#include <opencv2/core.hpp>

namespace rw {

// |altered − real| above a small threshold, closed to fill chance matches inside the region
// and grown by a pixel to cover its fading edge. CV_8UC1 0/255, the images' (equal) size.
cv::Mat alteredPairMask(const cv::Mat& real, const cv::Mat& altered);

}  // namespace rw
