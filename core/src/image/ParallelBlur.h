#pragma once
// cv::GaussianBlur on more than one thread. OpenCV blurs an image on one thread; here the rows
// are cut into strips blurred side by side. A strip is a view into the whole image, so the
// blur reads its real neighbours across the cut and only the image's own edges get the border
// rule: the result is bit-identical to one call on the whole image.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace rw::image {

// As cv::GaussianBlur(src, kernel size from sigma, sigma, sigma, border) returns it; `src` is
// not changed (an in-place blur is not possible strip by strip).
cv::Mat gaussianBlurInParallel(const cv::Mat& src, double sigma, int border = cv::BORDER_DEFAULT);

}  // namespace rw::image
