#include "reconstruct/RidgeRegrowth.h"

#include "reconstruct/SelectiveBlend.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/inpaint/RidgeContinuation.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw::reconstruction {
namespace {

// The part of the print the regrowth needs: what continueRidges works on (the hole and, around
// it, at least 48 px and twice the hole's depth) and, around that, the reach of the guide's
// smoothing (OpenCV's Gaussian kernel reaches 4σ, the gradient one pixel more), so the result
// is the same as on the whole print at a fraction of the cost on a large one.
cv::Rect regrowthRegion(const cv::Mat& hole, double guideSigma)
{
    cv::Mat distance;
    cv::distanceTransform(hole, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    double depth = 0.0;
    cv::minMaxLoc(distance, nullptr, &depth);
    const int margin = std::max(48, static_cast<int>(std::ceil(2.0 * depth))) +
                       static_cast<int>(std::ceil(4.0 * guideSigma)) + 4;
    cv::Rect box = cv::boundingRect(hole);
    box.x -= margin;
    box.y -= margin;
    box.width += 2 * margin;
    box.height += 2 * margin;
    return box & cv::Rect(0, 0, hole.cols, hole.rows);
}

}  // namespace

void regrowRidgesAlongEstimate(const cv::Mat& gray, const cv::Mat& mask, double ridgePeriod,
                               double share, cv::Mat& estimate)
{
    if (share <= 0.0 || estimate.empty() || mask.empty() || cv::countNonZero(mask) == 0)
        return;
    const cv::Mat hole = mask != 0;
    double period = ridgePeriod;
    if (period <= 0.0)
        period = estimatePrintRidgePeriod(gray, segmentForeground(gray) & ~hole);
    if (period <= 0.0)
        return;  // no ridges around the hole to grow: the continuation would only flatten it

    const double guideSigma = kGuideSigmaInPeriods * period;
    const cv::Rect region = regrowthRegion(hole, guideSigma);
    const cv::Mat print = gray(region).clone();
    const cv::Mat holePart = hole(region).clone();
    cv::Mat estimatePart = estimate(region);

    // The estimate in the hole, the print's own pixels around it: the orientation near the
    // rim then joins the real ridges' one.
    cv::Mat composite = print.clone();
    toGray(estimatePart).copyTo(composite, holePart);
    RidgeContinuationOptions options;
    options.ridgePeriod = period;
    options.guideOrientation = estimateOrientation(composite, guideSigma);
    cv::Mat regrown;
    continueRidges(print, holePart, options).convertTo(regrown, CV_32FC1, 1.0 / 255.0);

    const cv::Mat mixed = (1.0 - share) * estimatePart + share * regrown;
    mixed.copyTo(estimatePart, holePart);  // estimatePart views `estimate`
}

}  // namespace rw::reconstruction
