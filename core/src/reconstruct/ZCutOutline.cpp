#include "reconstruct/ZCutOutline.h"

#include "reconstruct/RimAgreement.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace rw::reconstruction {
namespace {

// Without this test the bench's 512×512 obliteration ran the whole slide search, 40–60 ms.
constexpr double kMaxShareOutsideQuad = 0.10;
constexpr double kMinShareOfQuadCovered = 0.94;
constexpr double kSourceMarginInPeriods = 0.4;
constexpr double kMinSourceMarginPx = 2.0;

}  // namespace

std::vector<cv::Point> quadrilateralOf(const cv::Mat& inHole, int holePixels)
{
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(inHole.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    if (contours.empty())
        return {};
    const auto largest =
        std::max_element(contours.begin(), contours.end(), [](const auto& a, const auto& b) {
            return cv::contourArea(a) < cv::contourArea(b);
        });
    std::vector<cv::Point> hull, quad;
    cv::convexHull(*largest, hull);
    const double perimeter = cv::arcLength(hull, true);
    for (double share = 0.01; share <= 0.1; share += 0.005) {
        cv::approxPolyDP(hull, quad, share * perimeter, true);
        if (quad.size() <= 4)
            break;
    }
    if (quad.size() != 4)
        return {};
    cv::Mat inQuad = cv::Mat::zeros(inHole.size(), CV_8UC1);
    cv::fillConvexPoly(inQuad, quad, cv::Scalar(255));
    const int quadPixels = cv::countNonZero(inQuad);
    const int shared = cv::countNonZero(inHole & inQuad);
    if (quadPixels == 0 || double(holePixels - shared) / holePixels > kMaxShareOutsideQuad ||
        double(shared) / quadPixels < kMinShareOfQuadCovered)
        return {};
    return quad;
}

std::optional<ZCutEvidence> zCutEvidence(const cv::Mat& damaged, const cv::Mat& hole,
                                         double ridgePeriod)
{
    if (damaged.empty() || hole.empty() || ridgePeriod <= 0.0)
        return std::nullopt;
    const cv::Mat inHole = hole != 0;
    const int holePixels = cv::countNonZero(inHole);
    if (holePixels < 100)
        return std::nullopt;
    ZCutEvidence evidence;
    evidence.quad = quadrilateralOf(inHole, holePixels);
    if (evidence.quad.empty())
        return std::nullopt;
    evidence.inBand = rimBandMask(inHole, ridgePeriod);
    evidence.continued = continuedFromRim(damaged, hole, ridgePeriod);
    return evidence;
}

Flap flapOf(cv::Point a, cv::Point b, cv::Point c, cv::Size size, double ridgePeriod)
{
    Flap flap;
    flap.inside = cv::Mat::zeros(size, CV_8UC1);
    cv::fillConvexPoly(flap.inside, std::vector<cv::Point>{a, b, c}, cv::Scalar(255));
    cv::Mat distance;
    cv::distanceTransform(flap.inside, distance, cv::DIST_L2, 3);
    flap.source = distance >= std::max(kMinSourceMarginPx, kSourceMarginInPeriods * ridgePeriod);
    return flap;
}

}  // namespace rw::reconstruction
