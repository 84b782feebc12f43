#include "reconstruct/RidgeRegrowth.h"

#include "inpaint/FieldInterpolation.h"

#include "ridgeworks/analysis/RidgeAnalysis.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw::reconstruction {
namespace {

// The part of the print the guide is worked out on. The growth reads the guide only at hole
// pixels, and there the structure tensor depends on pixels within the reach of its smoothing
// (OpenCV's Gaussian kernel reaches 4σ) and of the gradient (one pixel more): on the hole's box
// and that reach around it, the guide in the hole is the same as on the whole print.
cv::Rect guideRegion(const cv::Mat& hole, double guideSigma)
{
    return inpaint::boxAround(hole, static_cast<int>(std::ceil(4.0 * guideSigma)) + 2);
}

}  // namespace

cv::Mat regrowthGuide(const cv::Mat& image, const cv::Mat& hole, const cv::Mat& estimate,
                      double period)
{
    if (period <= 0.0 || cv::countNonZero(hole) == 0)
        return {};
    // The orientation of the estimate in the hole and of the print's own pixels around it (so
    // it joins the real ridges' orientation at the rim), worked out only where the
    // continuation reads it.
    const double guideSigma = kGuideSigmaInPeriods * period;
    const cv::Rect region = guideRegion(hole, guideSigma);
    cv::Mat composite = image(region).clone();
    estimate(region).copyTo(composite, hole(region));
    // Only the hole's own box is read (the composite's pixels around it still smooth it).
    const cv::Rect holeBox = cv::boundingRect(hole);
    cv::Mat guide = cv::Mat::zeros(image.size(), CV_32FC1);
    estimateOrientationWithin(composite, guideSigma, holeBox - region.tl()).copyTo(guide(holeBox));
    return guide;
}

cv::Mat regrowRidges(const RidgeContinuation& continuation, const cv::Mat& guide)
{
    if (guide.empty())
        return {};
    cv::Mat regrown;
    continuation.grow(guide).convertTo(regrown, CV_32FC1, 1.0 / 255.0);
    return regrown;
}

void mixRegrownRidges(const cv::Mat& regrown, const cv::Mat& hole, double share, cv::Mat& estimate)
{
    if (regrown.empty() || share <= 0.0)
        return;
    const cv::Rect box = cv::boundingRect(hole);  // the mix changes nothing outside it
    cv::Mat part = estimate(box);                 // a view into `estimate`
    const cv::Mat mixed = (1.0 - share) * part + share * regrown(box);
    mixed.copyTo(part, hole(box));
}

}  // namespace rw::reconstruction
