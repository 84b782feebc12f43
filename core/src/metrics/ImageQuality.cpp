// PSNR, SSIM and MAE over the whole print, inside the damage mask and outside it. One pass
// over the pixels accumulates all three regions, since an evaluation calls this thousands of
// times.
#include "ridgeworks/metrics/ImageQuality.h"

#include "MetricsInput.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rw {
namespace {

using metrics_detail::binaryMask;
using metrics_detail::requireGray8;
using metrics_detail::requireSize;

// Wang et al. (2004): an 11-tap Gaussian window of sigma 1.5, and the stabilising constants
// (K1 L)^2 and (K2 L)^2 with K1 = 0.01, K2 = 0.03 for an 8-bit range L = 255.
constexpr int kSsimWindow = 11;
constexpr double kSsimSigma = 1.5;
constexpr double kC1 = (0.01 * 255.0) * (0.01 * 255.0);
constexpr double kC2 = (0.03 * 255.0) * (0.03 * 255.0);

struct Accumulator {
    std::size_t pixels = 0;
    double squared = 0.0;   // sum of squared differences
    double absolute = 0.0;  // sum of absolute differences
    double ssim = 0.0;      // sum of SSIM map values

    void add(double difference, double ssimValue)
    {
        ++pixels;
        squared += difference * difference;
        absolute += std::abs(difference);
        ssim += ssimValue;
    }

    RegionQuality result() const
    {
        RegionQuality q;
        q.pixels = pixels;
        if (pixels == 0) {
            const double nan = std::numeric_limits<double>::quiet_NaN();
            q.psnr = q.ssim = q.mae = nan;
            return q;
        }
        const double n = static_cast<double>(pixels);
        const double mse = squared / n;
        // Identical regions have an infinite PSNR; the cap keeps means finite.
        q.psnr =
            mse > 0.0 ? std::min(kPsnrCapDb, 10.0 * std::log10(255.0 * 255.0 / mse)) : kPsnrCapDb;
        q.ssim = ssim / n;
        q.mae = absolute / n;
        return q;
    }
};

cv::Mat gaussianMean(const cv::Mat& image)
{
    cv::Mat mean;
    cv::GaussianBlur(image, mean, cv::Size(kSsimWindow, kSsimWindow), kSsimSigma, kSsimSigma,
                     cv::BORDER_REFLECT);
    return mean;
}

}  // namespace

cv::Mat ssimMap(const cv::Mat& reference, const cv::Mat& candidate)
{
    requireGray8(reference, "SSIM reference");
    requireGray8(candidate, "SSIM candidate");
    requireSize(candidate, reference.size(), "SSIM candidate");

    // Single precision is enough: the cancellation in E[x^2] - E[x]^2 costs about 0.01 gray
    // level^2, far below C2 = 58.5. Identical inputs still give exactly 1, since both halves of
    // the ratio are then computed from the same numbers in the same order.
    cv::Mat x, y;
    reference.convertTo(x, CV_32F);
    candidate.convertTo(y, CV_32F);
    const cv::Mat muX = gaussianMean(x);
    const cv::Mat muY = gaussianMean(y);
    const cv::Mat xx = gaussianMean(x.mul(x));
    const cv::Mat yy = gaussianMean(y.mul(y));
    const cv::Mat xy = gaussianMean(x.mul(y));

    cv::Mat map(reference.size(), CV_32FC1);
    for (int r = 0; r < map.rows; ++r) {
        const float* mx = muX.ptr<float>(r);
        const float* my = muY.ptr<float>(r);
        const float* sxx = xx.ptr<float>(r);
        const float* syy = yy.ptr<float>(r);
        const float* sxy = xy.ptr<float>(r);
        float* out = map.ptr<float>(r);
        for (int c = 0; c < map.cols; ++c) {
            const double meanX = mx[c], meanY = my[c];
            const double varX = double(sxx[c]) - meanX * meanX;
            const double varY = double(syy[c]) - meanY * meanY;
            const double covXY = double(sxy[c]) - meanX * meanY;
            const double numerator = (2.0 * meanX * meanY + kC1) * (2.0 * covXY + kC2);
            const double denominator = (meanX * meanX + meanY * meanY + kC1) * (varX + varY + kC2);
            out[c] = static_cast<float>(numerator / denominator);
        }
    }
    return map;
}

ImageQuality measureImageQuality(const cv::Mat& reference, const cv::Mat& candidate,
                                 const cv::Mat& mask, const cv::Mat& region)
{
    requireGray8(reference, "reference image");
    requireGray8(candidate, "candidate image");
    requireSize(candidate, reference.size(), "candidate image");
    const cv::Size size = reference.size();
    const cv::Mat damaged = binaryMask(mask, size, "damage mask", 0);
    const cv::Mat counted = binaryMask(region, size, "measured region", 255);
    const cv::Mat ssim = ssimMap(reference, candidate);

    Accumulator whole, inside, outside;
    for (int r = 0; r < size.height; ++r) {
        const unsigned char* a = reference.ptr<unsigned char>(r);
        const unsigned char* b = candidate.ptr<unsigned char>(r);
        const unsigned char* m = damaged.ptr<unsigned char>(r);
        const unsigned char* g = counted.ptr<unsigned char>(r);
        const float* s = ssim.ptr<float>(r);
        for (int c = 0; c < size.width; ++c) {
            if (!g[c])
                continue;
            const double difference = double(b[c]) - double(a[c]);
            whole.add(difference, s[c]);
            (m[c] ? inside : outside).add(difference, s[c]);
        }
    }
    return {whole.result(), inside.result(), outside.result()};
}

}  // namespace rw
