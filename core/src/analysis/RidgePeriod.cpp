// Dominant ridge period from the power spectrum: ridges are a narrow-band texture, so the
// power of a fingerprint concentrates on a ring whose radius is the ridge frequency whatever
// the local orientation. Summing the power over rings and taking the peak gives the period.
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include "AnalysisInput.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace rw {
namespace {

using analysis_detail::toBinaryMask;
using analysis_detail::toFloatImage;

// Search range. Below 3 px a "ridge" is barely resolved (Nyquist is 2 px); above 64 px it
// would be a 3000 ppi scan or background shading, not ridges.
constexpr double kMinPeriod = 3.0;
constexpr double kMaxPeriod = 64.0;
// Too few pixels give no meaningful spectrum.
constexpr int kMinPixels = 64;
// Smallest transform size: small regions are zero-padded to at least this, which samples
// the spectrum finely enough for the parabolic peak refinement below.
constexpr int kMinTransformSize = 256;

// A weight that rises smoothly from 0 at the mask border to 1 at `ramp` pixels inside. A
// hard-edged mask would spread the spectrum of its own outline over all frequencies.
cv::Mat taperWindow(const cv::Mat& mask, double ramp)
{
    // Pad with background so that a mask filling its bounding box still tapers at the edge.
    cv::Mat padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::Mat distance;
    cv::distanceTransform(padded, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    cv::Mat window = distance(cv::Rect(1, 1, mask.cols, mask.rows)).clone();
    const float pi = std::numbers::pi_v<float>;
    for (int y = 0; y < window.rows; ++y) {
        float* w = window.ptr<float>(y);
        for (int x = 0; x < window.cols; ++x) {
            const float t = std::min(1.0f, w[x] / float(ramp));
            w[x] = 0.5f - 0.5f * std::cos(pi * t);  // Hann-shaped ramp
        }
    }
    return window;
}

}  // namespace

double estimateRidgePeriod(const cv::Mat& gray, const cv::Mat& mask)
{
    const cv::Mat image = toFloatImage(gray, "ridge-period input");
    const cv::Mat selected = toBinaryMask(mask, image.size(), "ridge-period mask");
    if (cv::countNonZero(selected) < kMinPixels)
        return 0.0;

    const cv::Rect box = cv::boundingRect(selected);
    const cv::Mat region = image(box);
    const cv::Mat regionMask = selected(box);
    const double ramp = std::clamp(std::min(box.width, box.height) / 8.0, 2.0, 16.0);
    const cv::Mat window = taperWindow(regionMask, ramp);

    // Remove the weighted mean so the DC term does not leak into the lowest rings.
    const double weightSum = cv::sum(window)[0];
    if (weightSum <= 0.0)
        return 0.0;
    const double mean = cv::sum(region.mul(window))[0] / weightSum;
    cv::Mat signal = (region - mean).mul(window);

    const int nx = cv::getOptimalDFTSize(std::max(box.width, kMinTransformSize));
    const int ny = cv::getOptimalDFTSize(std::max(box.height, kMinTransformSize));
    cv::Mat padded = cv::Mat::zeros(ny, nx, CV_32FC1);
    signal.copyTo(padded(cv::Rect(0, 0, box.width, box.height)));
    cv::Mat spectrum;
    cv::dft(padded, spectrum, cv::DFT_COMPLEX_OUTPUT);

    // Radial profile: the power of every frequency sample, split linearly between the two
    // nearest rings of width df (one sample of the larger axis).
    const int n = std::max(nx, ny);
    const double df = 1.0 / n;
    const int ringCount = n / 2 + 2;
    std::vector<double> profile(static_cast<std::size_t>(ringCount), 0.0);
    for (int ky = 0; ky < ny; ++ky) {
        const double fy = double(ky <= ny / 2 ? ky : ky - ny) / ny;
        const cv::Vec2f* row = spectrum.ptr<cv::Vec2f>(ky);
        for (int kx = 0; kx < nx; ++kx) {
            const double fx = double(kx <= nx / 2 ? kx : kx - nx) / nx;
            const double ring = std::sqrt(fx * fx + fy * fy) / df;
            const int lower = static_cast<int>(ring);
            if (lower + 1 >= ringCount)
                continue;
            const double power = double(row[kx][0]) * row[kx][0] + double(row[kx][1]) * row[kx][1];
            const double upperShare = ring - lower;
            profile[std::size_t(lower)] += power * (1.0 - upperShare);
            profile[std::size_t(lower + 1)] += power * upperShare;
        }
    }

    // At least two periods must fit in the region for a period to mean anything.
    const double maxPeriod = std::min(kMaxPeriod, std::min(box.width, box.height) / 2.0);
    if (maxPeriod <= kMinPeriod)
        return 0.0;
    const int firstRing = static_cast<int>(std::ceil(1.0 / maxPeriod / df));
    const int lastRing =
        std::min(ringCount - 2, static_cast<int>(std::floor(1.0 / kMinPeriod / df)));
    int best = -1;
    for (int r = firstRing; r <= lastRing; ++r) {
        if (best < 0 || profile[std::size_t(r)] > profile[std::size_t(best)])
            best = r;
    }
    // A maximum on the edge of the range is a slope, not a peak (e.g. background shading or
    // pixel noise), and a flat image has no power at all.
    if (best <= firstRing || best >= lastRing || profile[std::size_t(best)] <= 0.0)
        return 0.0;

    // Parabolic refinement between rings.
    const double left = profile[std::size_t(best - 1)];
    const double centre = profile[std::size_t(best)];
    const double right = profile[std::size_t(best + 1)];
    const double curvature = left - 2.0 * centre + right;
    const double offset = curvature < 0.0 ? 0.5 * (left - right) / curvature : 0.0;
    const double frequency = (best + std::clamp(offset, -0.5, 0.5)) * df;
    return frequency > 0.0 ? 1.0 / frequency : 0.0;
}

}  // namespace rw
