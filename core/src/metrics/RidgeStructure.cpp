// Orientation and ridge-frequency agreement: the fields of each image, compared over a region.
#include "ridgeworks/metrics/RidgeStructure.h"

#include "MetricsInput.h"
#include "RidgeFields.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include <cmath>
#include <limits>

namespace rw {
namespace metrics_detail {

RidgeFields ridgeFields(const cv::Mat& gray, const cv::Mat& where)
{
    return {estimateOrientation(gray), localRidgePeriodWithin(gray, kPeriodBlockSize, where)};
}

RidgeStructureError compareRidgeFields(const RidgeFields& reference, const RidgeFields& candidate,
                                       const cv::Mat& region)
{
    RidgeStructureError error;
    if (cv::countNonZero(region) == 0) {
        error.orientationDeg = error.frequencyPercent = std::numeric_limits<double>::quiet_NaN();
        return error;
    }
    error.orientationDeg =
        meanOrientationErrorDeg(reference.orientation, candidate.orientation, region);

    // The period fields are constant per block: weigh each block by its region pixels, which
    // equals a mean over the region's pixels. A candidate block without a period (a blank or
    // noisy fill) has lost the ridge frequency entirely: 100 %.
    const cv::Size size = region.size();
    double weighted = 0.0, weights = 0.0;
    for (int y = 0; y < size.height; y += kPeriodBlockSize) {
        for (int x = 0; x < size.width; x += kPeriodBlockSize) {
            const cv::Rect block = cv::Rect(x, y, kPeriodBlockSize, kPeriodBlockSize) &
                                   cv::Rect(0, 0, size.width, size.height);
            const float referencePeriod = reference.period.at<float>(y, x);
            if (referencePeriod <= 0.0f)
                continue;
            const int pixels = cv::countNonZero(region(block));
            if (pixels == 0)
                continue;
            const float candidatePeriod = candidate.period.at<float>(y, x);
            // |f_c - f_r| / f_r with f = 1 / period.
            const double relative = candidatePeriod > 0.0f
                                        ? std::abs(double(referencePeriod) / candidatePeriod - 1.0)
                                        : 1.0;
            weighted += pixels * relative;
            weights += pixels;
            ++error.blocks;
        }
    }
    error.frequencyPercent =
        error.blocks > 0 ? 100.0 * weighted / weights : std::numeric_limits<double>::quiet_NaN();
    return error;
}

}  // namespace metrics_detail

RidgeStructureError measureRidgeStructure(const cv::Mat& reference, const cv::Mat& candidate,
                                          const cv::Mat& region)
{
    metrics_detail::requireGray8(reference, "reference image");
    metrics_detail::requireGray8(candidate, "candidate image");
    metrics_detail::requireSize(candidate, reference.size(), "candidate image");
    const cv::Mat selected =
        metrics_detail::binaryMask(region, reference.size(), "measured region", 255);
    return metrics_detail::compareRidgeFields(metrics_detail::ridgeFields(reference, selected),
                                              metrics_detail::ridgeFields(candidate, selected),
                                              selected);
}

}  // namespace rw
