#include "reconstruct/Confidence.h"

#include "image/ParallelBlur.h"
#include "inpaint/FieldInterpolation.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw::reconstruction {
namespace {

// A test-time-augmentation spread at which an estimate gets no confidence: 0.1 is ±25 gray
// levels, i.e. the passes disagree about whether a pixel is ridge or valley.
constexpr float kSpreadForNoConfidence = 0.1f;
// Local contrast is measured over a Gaussian window of this σ (px): about half a ridge period
// at 500 ppi, so a ridge/valley pair falls inside it.
constexpr double kContrastSigma = 4.0;

// Depth into the hole, in ridge periods, at which a filled pixel keeps half its confidence.
// Each growth pass carries the ridges about one period inward, and every pass can drift in
// phase; measured on the 72 held-out synthetic cases of `eval`, the continuation's error
// inside the mask grows with depth (docs/reconstruction.md, "Ridge continuation as a method").
constexpr double kHalfConfidenceDepthPeriods = 3.0;
// Used for the depth scale when the print's period cannot be measured (the fill is then the
// surroundings' mean brightness, which the detail term already distrusts).
constexpr double kAssumedPeriodPixels = 8.0;

cv::Mat localStdDev(const cv::Mat& image)
{
    cv::Mat mean, meanSquares;
    mean = image::gaussianBlurInParallel(image, kContrastSigma);
    meanSquares = image::gaussianBlurInParallel(image.mul(image), kContrastSigma);
    cv::Mat variance = meanSquares - mean.mul(mean);
    cv::max(variance, 0.0, variance);
    cv::Mat deviation;
    cv::sqrt(variance, deviation);
    return deviation;
}

// The median local contrast of the print's trusted ridges; 0 when there are none.
float typicalContrast(const cv::Mat& deviation, const cv::Mat& region)
{
    std::vector<float> values;
    for (int y = 0; y < deviation.rows; y += 2)
        for (int x = 0; x < deviation.cols; x += 2)
            if (region.empty() || region.at<uchar>(y, x))
                values.push_back(deviation.at<float>(y, x));
    if (values.empty())
        return 0.0f;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// The box around `where`, with the reach of localStdDev's smoothing (OpenCV's Gaussian
// kernel reaches 4σ): inside `where`'s own box the map is then what the whole print gives.
cv::Rect workedBox(const cv::Mat& where, cv::Size size)
{
    if (where.empty())
        return {0, 0, size.width, size.height};
    return inpaint::boxAround(where, static_cast<int>(std::ceil(4.0 * kContrastSigma)) + 1);
}

}  // namespace

cv::Mat estimateConfidence(const ConfidenceInputs& in)
{
    const cv::Rect box = workedBox(in.where, in.estimate.size());
    cv::Mat confidence = cv::Mat::zeros(in.estimate.size(), CV_32FC1);
    if (box.empty())
        return confidence;
    cv::Mat part(box.size(), CV_32FC1, cv::Scalar(1.0f));
    if (!in.spread.empty()) {
        cv::Mat agreement = 1.0f - in.spread(box) / kSpreadForNoConfidence;
        part = cv::max(agreement, 0.0f);
    }

    // The reference is the whole print's: its typical undamaged ridge contrast.
    cv::Mat inputUnit;
    in.input.convertTo(inputUnit, CV_32FC1, 1.0 / 255.0);
    const float reference = typicalContrast(localStdDev(inputUnit), in.trustedRegion);
    if (reference > 1e-3f) {
        cv::Mat detail = localStdDev(in.estimate(box)) / reference;
        cv::min(detail, 1.0f, detail);
        part = part.mul(detail);
    }

    if (!in.probability.empty()) {
        // 0.5 at the threshold, 1 at probability 1.
        cv::Mat certainty =
            0.5 + (in.probability(box) - in.threshold) / (2.0 * (1.0 - in.threshold));
        cv::min(cv::max(certainty, 0.5), 1.0, certainty);
        part = part.mul(certainty);
    }
    part.copyTo(confidence(box));
    return confidence;
}

cv::Mat depthConfidence(const cv::Mat& hole, double period)
{
    const cv::Mat depth = inpaint::distanceToKnown(hole);
    const double halfAt =
        kHalfConfidenceDepthPeriods * (period > 0.0 ? period : kAssumedPeriodPixels);
    cv::Mat confidence = depth * (1.0 / halfAt) + 1.0;
    cv::divide(1.0, confidence, confidence);
    return confidence;
}

}  // namespace rw::reconstruction
