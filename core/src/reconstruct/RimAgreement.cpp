#include "reconstruct/RimAgreement.h"

#include "ridgeworks/inpaint/RidgeContinuation.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace rw::reconstruction {

cv::Mat rimBandMask(const cv::Mat& inHole, double ridgePeriod)
{
    cv::Mat depth;
    cv::distanceTransform(inHole, depth, cv::DIST_L2, 3);
    return inHole & (depth >= 1.0) & (depth <= 1.5 * ridgePeriod);
}

cv::Mat continuedFromRim(const cv::Mat& damaged, const cv::Mat& hole, double ridgePeriod)
{
    RidgeContinuationOptions continuation;
    continuation.ridgePeriod = ridgePeriod;
    return continueRidges(damaged, hole, continuation);
}

RimBand rimBandOf(const cv::Mat& inBand, const cv::Mat& continued)
{
    RimBand band;
    cv::findNonZero(inBand, band.points);
    band.expected.reserve(band.points.size());
    for (const cv::Point& p : band.points)
        band.expected.push_back(continued.at<unsigned char>(p));
    return band;
}

double RimCorrelation::value(int minPairs) const
{
    if (n < minPairs)
        return -1.0;
    const double cov = sxy / n - (sx / n) * (sy / n);
    const double vx = sxx / n - (sx / n) * (sx / n), vy = syy / n - (sy / n) * (sy / n);
    return cov / std::sqrt(std::max(1e-9, vx * vy));
}

std::vector<std::pair<double, int>> localMaxima(const std::vector<double>& scores, bool circular)
{
    const int count = static_cast<int>(scores.size());
    std::vector<std::pair<double, int>> peaks;
    for (int i = 0; i < count; ++i) {
        const double s = scores[std::size_t(i)];
        const bool hasBefore = circular || i > 0, hasAfter = circular || i + 1 < count;
        const double before = hasBefore ? scores[std::size_t((i + count - 1) % count)] : s;
        const double after = hasAfter ? scores[std::size_t((i + 1) % count)] : s;
        if (s >= before && s >= after)
            peaks.push_back({s, i});
    }
    std::sort(peaks.begin(), peaks.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    return peaks;
}

}  // namespace rw::reconstruction
