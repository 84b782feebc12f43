// Singular points by the Poincaré index: walking once around a closed loop, an orientation
// field turns by +pi around a core, by -pi around a delta and by 0 elsewhere (2pi around the
// centre of concentric ridges).
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include "AnalysisInput.h"
#include "ridgeworks/common/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace rw {
namespace {

using analysis_detail::toBinaryMask;
using analysis_detail::toFloatImage;

// The square loop of half side r around the origin, in the order of increasing image angle
// (from +x towards +y), so that a core - whose field turns with the angle, as in
// theta = atan2(dy, dx) / 2 - sums to +pi.
std::vector<cv::Point> ringOffsets(int r)
{
    std::vector<cv::Point> ring;
    ring.reserve(static_cast<std::size_t>(8 * r));
    for (int y = -r; y < r; ++y)
        ring.emplace_back(r, y);  // right side, downwards
    for (int x = r; x > -r; --x)
        ring.emplace_back(x, r);  // bottom, leftwards
    for (int y = r; y > -r; --y)
        ring.emplace_back(-r, y);  // left side, upwards
    for (int x = -r; x < r; ++x)
        ring.emplace_back(x, -r);  // top, rightwards
    return ring;
}

// Difference of two axial angles, folded into [-pi/2, pi/2): the smallest turn from a to b.
float axialDifference(float a, float b)
{
    const float pi = std::numbers::pi_v<float>;
    float d = std::fmod(b - a, pi);
    if (d >= 0.5f * pi)
        d -= pi;
    else if (d < -0.5f * pi)
        d += pi;
    return d;
}

struct Cluster {
    cv::Point2d position;
    double weight;  // detected pixels behind it
};

// Connected detections become one candidate each (centroid of the pixels, which for a loop
// of half side r is a 2r x 2r block centred on the singular point); candidates closer than
// mergeDistance are then merged, heaviest first, so the result does not depend on scan order.
std::vector<Cluster> clusterDetections(const cv::Mat& detections, double mergeDistance)
{
    cv::Mat labels, stats, centroids;
    const int count =
        cv::connectedComponentsWithStats(detections, labels, stats, centroids, 8, CV_32S);
    std::vector<Cluster> candidates;
    for (int i = 1; i < count; ++i)
        candidates.push_back({{centroids.at<double>(i, 0), centroids.at<double>(i, 1)},
                              double(stats.at<int>(i, cv::CC_STAT_AREA))});
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Cluster& a, const Cluster& b) { return a.weight > b.weight; });

    std::vector<Cluster> merged;
    for (const Cluster& c : candidates) {
        auto home = std::find_if(merged.begin(), merged.end(), [&](const Cluster& m) {
            return cv::norm(m.position - c.position) < mergeDistance;
        });
        if (home == merged.end()) {
            merged.push_back(c);
            continue;
        }
        const double total = home->weight + c.weight;
        home->position = (home->position * home->weight + c.position * c.weight) / total;
        home->weight = total;
    }
    return merged;
}

// Drops core-delta pairs closer than `distance`, the closest pair first, until none is left.
void cancelPairs(std::vector<Cluster>& cores, std::vector<Cluster>& deltas, double distance)
{
    while (distance > 0.0) {
        std::size_t bestCore = 0, bestDelta = 0;
        double best = distance;
        for (std::size_t i = 0; i < cores.size(); ++i) {
            for (std::size_t j = 0; j < deltas.size(); ++j) {
                const double d = cv::norm(cores[i].position - deltas[j].position);
                if (d < best) {
                    best = d;
                    bestCore = i;
                    bestDelta = j;
                }
            }
        }
        if (best >= distance)
            return;
        cores.erase(cores.begin() + std::ptrdiff_t(bestCore));
        deltas.erase(deltas.begin() + std::ptrdiff_t(bestDelta));
    }
}

}  // namespace

std::vector<SingularPoint> findSingularPoints(const cv::Mat& orientation, const cv::Mat& mask,
                                              const SingularPointSearch& search)
{
    if (search.ringRadius < 1)
        throw Error(ErrorKind::InvalidArgument, "singular-point ring radius must be at least 1");
    if (!(search.mergeDistance >= 0.0) || !(search.pairCancelDistance >= 0.0) ||
        search.borderMargin < 0)
        throw Error(ErrorKind::InvalidArgument,
                    "singular-point merge and cancel distances and border margin must not be "
                    "negative");
    const cv::Mat field = toFloatImage(orientation, "orientation field");
    cv::Mat usable = toBinaryMask(mask, field.size(), "singular-point mask");

    // The image edge counts as a border too (constant 0 outside): a field estimated there has
    // seen reflected pixels and is as unreliable as at the mask's own edge.
    if (search.borderMargin > 0) {
        const int side = 2 * search.borderMargin + 1;
        cv::erode(usable, usable,
                  cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(side, side)),
                  cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    }
    // A pixel counts only when its whole loop lies in the mask.
    const int r = search.ringRadius;
    cv::erode(usable, usable,
              cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * r + 1, 2 * r + 1)),
              cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));

    const std::vector<cv::Point> ring = ringOffsets(r);
    const float pi = std::numbers::pi_v<float>;
    cv::Mat cores = cv::Mat::zeros(field.size(), CV_8UC1);
    cv::Mat deltas = cv::Mat::zeros(field.size(), CV_8UC1);
    for (int y = r; y < field.rows - r; ++y) {
        const unsigned char* ok = usable.ptr<unsigned char>(y);
        for (int x = r; x < field.cols - r; ++x) {
            if (!ok[x])
                continue;
            float turn = 0.0f;
            float previous = field.at<float>(y + ring.back().y, x + ring.back().x);
            for (const cv::Point& o : ring) {
                const float current = field.at<float>(y + o.y, x + o.x);
                turn += axialDifference(previous, current);
                previous = current;
            }
            // In half-turns: +1 core, -1 delta, +2 whorl centre (kept as one core).
            const long halfTurns = std::lround(turn / pi);
            if (halfTurns > 0)
                cores.at<unsigned char>(y, x) = 255;
            else if (halfTurns < 0)
                deltas.at<unsigned char>(y, x) = 255;
        }
    }

    std::vector<Cluster> coreClusters = clusterDetections(cores, search.mergeDistance);
    std::vector<Cluster> deltaClusters = clusterDetections(deltas, search.mergeDistance);
    cancelPairs(coreClusters, deltaClusters, search.pairCancelDistance);

    std::vector<SingularPoint> points;
    for (const Cluster& c : coreClusters)
        points.push_back({SingularPoint::Type::Core, c.position});
    for (const Cluster& c : deltaClusters)
        points.push_back({SingularPoint::Type::Delta, c.position});
    std::sort(points.begin(), points.end(), [](const SingularPoint& a, const SingularPoint& b) {
        if (a.type != b.type)
            return a.type == SingularPoint::Type::Core;
        if (a.position.y != b.position.y)
            return a.position.y < b.position.y;
        return a.position.x < b.position.x;
    });
    return points;
}

}  // namespace rw
