#pragma once
// Finds the fingerprint in an image: foreground segmentation by local ridge variance.
#include <opencv2/core.hpp>

namespace rw {

struct ForegroundOptions {
    int blockSize = 9;               // variance window in pixels, about one ridge period
                                     // (9 px at 500 ppi; scale it with the resolution)
    double varianceFraction = 0.08;  // block is foreground if its variance exceeds this
                                     // fraction of the image's high-variance level
};

// CV_8UC1 mask, 255 = print. Holes are filled; only the largest region is kept.
cv::Mat segmentForeground(const cv::Mat& gray, const ForegroundOptions& options = {});

// Bounding box of the mask's nonzero pixels; the whole image when the mask is empty.
cv::Rect foregroundBox(const cv::Mat& mask);

}  // namespace rw
