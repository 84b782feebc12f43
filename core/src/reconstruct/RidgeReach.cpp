// limitRidgeReach(): the estimate within R ridge periods of the hole's rim, a smooth fill beyond.
#include "reconstruct/RidgeReach.h"

#include "inpaint/FieldInterpolation.h"
#include "ridgeworks/inpaint/SmoothFill.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw::reconstruction {
namespace {

constexpr double kUnmeasuredPeriod = 8.0;  // px, as depthConfidence counts an unmeasured period

}  // namespace

ReachLimited limitRidgeReach(const cv::Mat& estimate, const cv::Mat& gray, const cv::Mat& hole,
                             double period, double reachPeriods)
{
    CV_Assert(estimate.type() == CV_32FC1 && gray.type() == CV_8UC1 && hole.type() == CV_8UC1);
    CV_Assert(estimate.size() == gray.size() && hole.size() == gray.size() && reachPeriods > 0.0);
    const double p = period > 0.0 ? period : kUnmeasuredPeriod;
    ReachLimited out;
    out.ridgeWeight = cv::Mat::ones(gray.size(), CV_32FC1);
    out.estimate = estimate.clone();
    if (cv::countNonZero(hole) == 0)
        return out;

    const cv::Mat depth = inpaint::distanceToKnown(hole);  // px to the nearest pixel outside
    // 1 up to R periods deep, falling linearly to 0 at R + 1 periods.
    cv::Mat weight = ((reachPeriods + 1.0) * p - depth) / p;
    weight = cv::min(cv::max(weight, 0.0), 1.0);
    weight.setTo(1.0f, hole == 0);
    out.ridgeWeight = weight;

    if (cv::countNonZero(weight < 1.0f) == 0)
        return out;  // the hole is shallower than the reach: nothing to replace
    const cv::Mat smooth = smoothFill(gray, hole != 0, p);
    out.estimate = estimate.mul(weight) + smooth.mul(1.0 - weight);
    return out;
}

}  // namespace rw::reconstruction
