// limitRidgeReach(): the estimate within R ridge periods of the hole's rim, a smooth fill beyond.
#include "reconstruct/RidgeReach.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include <algorithm>
#include <cmath>

namespace rw::reconstruction {
namespace {

constexpr double kUnmeasuredPeriod = 8.0;  // px, as depthConfidence counts an unmeasured period
constexpr double kSmoothFillRadius = 5.0;  // px, Telea's neighbourhood, as in the Telea baseline

// The print's local mean gray level carried into `hole`: the known pixels' mean over a ridge
// period (a Gaussian of σ = one period, normalised by the known pixels' weight, so the damage
// does not leak in), then Telea's fill of the hole from it. Telea on the print itself smears
// the rim's ridges into dark and light streaks, which read as ridges and make minutiae;
// from the mean it is a plain, smooth gray that shows "unknown". Worked out on the hole's box
// and the pixels around it that the blur and the fill read, not on the whole print.
cv::Mat smoothFill(const cv::Mat& gray, const cv::Mat& hole, double period)
{
    const int margin =
        static_cast<int>(std::ceil(3.0 * period)) + 4 * static_cast<int>(kSmoothFillRadius) + 2;
    cv::Rect box = cv::boundingRect(hole);
    box =
        cv::Rect(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin) &
        cv::Rect(0, 0, gray.cols, gray.rows);
    cv::Mat known, values;
    cv::Mat(hole(box) == 0).convertTo(known, CV_32FC1, 1.0 / 255.0);
    gray(box).convertTo(values, CV_32FC1);
    cv::Mat sum, weight;
    cv::GaussianBlur(values.mul(known), sum, {}, period);
    cv::GaussianBlur(known, weight, {}, period);
    cv::Mat mean = sum / cv::max(weight, 1e-3);
    cv::Mat part;
    cv::inpaint(mean, hole(box), part, kSmoothFillRadius, cv::INPAINT_TELEA);
    cv::Mat filled;
    gray.convertTo(filled, CV_32FC1);
    part.copyTo(filled(box), hole(box));
    return filled / 255.0;
}

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

    cv::Mat depth;  // px to the nearest pixel outside the hole
    cv::distanceTransform(hole != 0, depth, cv::DIST_L2, cv::DIST_MASK_PRECISE);
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
