#include "inpaint/RidgeSettling.h"

#include "FieldInterpolation.h"
#include "OrientedFilterPass.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "synth/GaborBank.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw::inpaint {
namespace {

// Measured on the 72 held-out synthetic cases of eval's seed 900001, two passes after the
// 0.3.0 U-Net (docs/reconstruction.md, "Ridge settling"): against 1.5, a gain of 2 keeps most
// breaks (4.3 invented minutiae against 3.4) and 1.25 costs orientation (8.8° against 8.5°);
// a gain of 1 lets the ridges fade towards gray (SSIM inside 0.419, with the orientation read
// over a period: fewer minutiae because fewer ridges). The orientation is read over 0.4
// periods so that the filters follow the estimate's bends: over a whole period it cost 0.9°.
constexpr float kSettlingGain = 1.5f;
constexpr double kOrientationSigmaInPeriods = 0.4;
// Local brightness and contrast, over about a ridge and a valley, turn the estimate into a
// ridge signal in [-1, 1] and back; the signal saturates at this many local deviations.
constexpr double kLevelSigmaInPeriods = 0.8;
constexpr double kSignalSpan = 1.2;
constexpr double kMinimumVariance = 1.0 / (255.0 * 255.0);  // one gray level

}  // namespace

cv::Mat settleRidges(const cv::Mat& image, const cv::Mat& hole, double period, int passes)
{
    CV_Assert(image.type() == CV_32FC1 && hole.type() == CV_8UC1 && image.size() == hole.size());
    CV_Assert(period > 0.0 && passes >= 0);
    cv::Mat result = image.clone();
    if (passes == 0 || cv::countNonZero(hole) == 0)
        return result;

    const std::vector<synth::GaborKernel>& bank =
        synth::GaborBank::kernels(synth::GaborBank::periodBin(period));
    const int radius = bank.front().radius;
    // The filters read the signal within `radius` of a hole pixel; the signal there depends on
    // the brightness and contrast windows (4σ) and the orientation window (4σ and the gradient).
    const double levelSigma = kLevelSigmaInPeriods * period;
    const double orientationSigma = kOrientationSigmaInPeriods * period;
    const double widestSigma = std::max(levelSigma, orientationSigma);
    const cv::Rect box =
        boxAround(hole, radius + static_cast<int>(std::ceil(4.0 * widestSigma)) + 2);
    const cv::Mat part = image(box);
    const cv::Mat holePart = hole(box);

    cv::Mat mean, variance;
    cv::GaussianBlur(part, mean, {0, 0}, levelSigma);
    const cv::Mat deviation = part - mean;
    cv::GaussianBlur(deviation.mul(deviation), variance, {0, 0}, levelSigma);
    cv::Mat span;
    cv::sqrt(cv::max(variance, kMinimumVariance), span);
    span *= kSignalSpan;
    // Read at the hole's pixels only: worked out on their box (holeBox, in the part).
    const cv::Rect holeBox = cv::boundingRect(holePart);
    const cv::Mat orientation = estimateOrientationWithin(part, orientationSigma, holeBox);

    synth::PaddedImage current(box.size(), radius);
    for (int y = 0; y < box.height; ++y) {
        const float* v = part.ptr<float>(y);
        const float* m = mean.ptr<float>(y);
        const float* s = span.ptr<float>(y);
        float* signal = current.row(y);
        for (int x = 0; x < box.width; ++x)
            signal[x] = std::clamp((v[x] - m[x]) / s[x], -1.0f, 1.0f);
    }
    synth::PaddedImage next = current;

    std::vector<cv::Point> holePixels;
    cv::findNonZero(holePart, holePixels);
    std::vector<const synth::GaborKernel*> kernelOf(holePixels.size());
    for (std::size_t i = 0; i < holePixels.size(); ++i)
        kernelOf[i] = &bank[std::size_t(
            synth::GaborBank::orientationBin(orientation.at<float>(holePixels[i] - holeBox.tl())))];
    for (int pass = 0; pass < passes; ++pass) {
        cv::parallel_for_(cv::Range(0, static_cast<int>(holePixels.size())),
                          [&](const cv::Range& range) {
                              orientedFilterPass(current, next, holePixels, kernelOf, kSettlingGain,
                                                 cv::Mat(), cv::Point(), range);
                          });
        std::swap(current, next);
    }

    cv::Mat out = result(box);  // a view into `result`
    for (const cv::Point& p : holePixels) {
        const float settled = mean.at<float>(p) + span.at<float>(p) * current.row(p.y)[p.x];
        out.at<float>(p) = std::clamp(settled, 0.0f, 1.0f);
    }
    return result;
}

}  // namespace rw::inpaint
