#include "reconstruct/RidgeRegrowth.h"

#include "reconstruct/SelectiveBlend.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/inpaint/RidgeContinuation.h"

namespace rw::reconstruction {

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

    // The estimate in the hole, the print's own pixels around it: the orientation near the
    // rim then joins the real ridges' one.
    cv::Mat composite = gray.clone();
    toGray(estimate).copyTo(composite, hole);
    RidgeContinuationOptions options;
    options.ridgePeriod = period;
    options.guideOrientation = estimateOrientation(composite, kGuideSigmaInPeriods * period);
    cv::Mat regrown;
    continueRidges(gray, hole, options).convertTo(regrown, CV_32FC1, 1.0 / 255.0);

    const cv::Mat mixed = (1.0 - share) * estimate + share * regrown;
    mixed.copyTo(estimate, hole);
}

}  // namespace rw::reconstruction
