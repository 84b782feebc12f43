// Minutiae from a gray print: binarise, thin, prune spurs, read endings and bifurcations off
// the skeleton by crossing number, drop those at the print's edge.
#include "MinutiaeExtraction.h"

#include "MetricsInput.h"
#include "RidgeBinarisation.h"
#include "SkeletonTrace.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/metrics/Thinning.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>

namespace rw {
namespace metrics_detail {
namespace {

// Pixels walked along the ridge to read a minutia's direction: about one ridge period, long
// enough to average out the skeleton's pixel steps.
constexpr int kDirectionSteps = 10;
// Two detections of the same kind this close (pixels) are one minutia seen twice (a junction
// can leave two adjacent pixels of crossing number 3).
constexpr double kDuplicateDistance = 3.0;

constexpr double kTwoPi = 2.0 * std::numbers::pi;

double directionTo(cv::Point from, cv::Point to)
{
    const double angle = std::atan2(double(to.y - from.y), double(to.x - from.x));
    return angle < 0.0 ? angle + kTwoPi : angle;
}

double angularDistance(double a, double b)
{
    const double d = std::fmod(std::abs(a - b), kTwoPi);
    return std::min(d, kTwoPi - d);
}

void erase(cv::Mat& skeleton, const std::vector<cv::Point>& points)
{
    for (const cv::Point& p : points)
        skeleton.at<unsigned char>(p) = 0;
}

// Removes spurs (an ending whose ridge reaches a junction within `minLength` pixels: a
// thinning artefact of a bumpy ridge edge) and short fragments (both ends within `minLength`:
// a speck or a dot). Isolated pixels go too.
void pruneSkeleton(cv::Mat& skeleton, int minLength)
{
    std::vector<cv::Point> endings;
    for (int y = 0; y < skeleton.rows; ++y) {
        const unsigned char* row = skeleton.ptr<unsigned char>(y);
        for (int x = 0; x < skeleton.cols; ++x)
            if (row[x] && crossingNumber(skeleton, x, y) <= 1)
                endings.emplace_back(x, y);
    }
    for (const cv::Point& e : endings) {
        if (!skeleton.at<unsigned char>(e))
            continue;  // already removed with another fragment
        const std::vector<cv::Point> starts = branchStarts(skeleton, e);
        if (starts.empty()) {
            skeleton.at<unsigned char>(e) = 0;
            continue;
        }
        SkeletonTrace trace = traceSkeleton(skeleton, starts.front(), {e}, minLength);
        if (trace.end == SkeletonTrace::End::Length)
            continue;
        if (trace.end == SkeletonTrace::End::Junction)
            trace.path.pop_back();  // the junction stays: the ridge it lies on goes on
        skeleton.at<unsigned char>(e) = 0;
        erase(skeleton, trace.path);
    }
}

Minutia ending(const cv::Mat& skeleton, cv::Point p)
{
    Minutia m;
    m.type = Minutia::Type::Ending;
    m.position = cv::Point2d(p.x, p.y);
    const std::vector<cv::Point> starts = branchStarts(skeleton, p);
    if (!starts.empty()) {
        const SkeletonTrace trace = traceSkeleton(skeleton, starts.front(), {p}, kDirectionSteps);
        m.angle = directionTo(p, trace.path.back());
    }
    return m;
}

// A bifurcation's direction is that of its stem: of the three branches, the one farthest in
// angle from the other two (which are the forks).
Minutia bifurcation(const cv::Mat& skeleton, cv::Point p)
{
    Minutia m;
    m.type = Minutia::Type::Bifurcation;
    m.position = cv::Point2d(p.x, p.y);
    const std::vector<cv::Point> starts = branchStarts(skeleton, p);
    std::vector<cv::Point> visited = starts;
    visited.push_back(p);
    std::vector<double> directions;
    for (const cv::Point& start : starts) {
        const SkeletonTrace trace = traceSkeleton(skeleton, start, visited, kDirectionSteps);
        directions.push_back(directionTo(p, trace.path.back()));
    }
    if (directions.size() != 3)
        return m;
    std::size_t stem = 0;
    double closestForks = 1e9;
    for (std::size_t k = 0; k < 3; ++k) {
        const double forks = angularDistance(directions[(k + 1) % 3], directions[(k + 2) % 3]);
        if (forks < closestForks) {
            closestForks = forks;
            stem = k;
        }
    }
    m.angle = directions[stem];
    return m;
}

// The part of the foreground that shows ridges at all: local contrast (Gaussian σ 4 px, about
// half a ridge period) at least kMinRelativeContrast of the foreground's median. A blank or
// flat grey patch (an erased area, a blurred fill) has no ridges to end or fork: like the
// print's edge, it yields no minutiae, and ridges running into it do not "end" there (the
// border margin applies). Minutiae extractors for casework treat low-contrast blocks so.
constexpr double kMinRelativeContrast = 0.3;

cv::Mat ridgeBearing(const cv::Mat& gray, const cv::Mat& foreground)
{
    cv::Mat unit, mean, meanSquares;
    gray.convertTo(unit, CV_32FC1, 1.0 / 255.0);
    cv::GaussianBlur(unit, mean, {0, 0}, 4.0);
    cv::GaussianBlur(unit.mul(unit), meanSquares, {0, 0}, 4.0);
    cv::Mat variance = cv::max(meanSquares - mean.mul(mean), 0.0);
    cv::Mat deviation;
    cv::sqrt(variance, deviation);
    std::vector<float> values;
    for (int y = 0; y < gray.rows; y += 2)
        for (int x = 0; x < gray.cols; x += 2)
            if (foreground.at<unsigned char>(y, x))
                values.push_back(deviation.at<float>(y, x));
    if (values.empty())
        return foreground;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    const float floor = float(kMinRelativeContrast) * values[values.size() / 2];
    return foreground & (deviation >= floor);
}

bool isDuplicate(const std::vector<Minutia>& found, const Minutia& m)
{
    for (const Minutia& other : found) {
        if (other.type == m.type && cv::norm(other.position - m.position) < kDuplicateDistance)
            return true;
    }
    return false;
}

}  // namespace

std::vector<Minutia> extractMinutiae(const cv::Mat& gray, const cv::Mat& foreground,
                                     const cv::Mat& orientation, const MinutiaeOptions& options)
{
    const cv::Mat usable = ridgeBearing(gray, foreground);
    const cv::Mat ridges = binariseRidges(gray, orientation, usable);
    cv::Mat skeleton = thinRidges(ridges);
    pruneSkeleton(skeleton, options.minRidgeLength);

    // Distance to the edge of the ridge-bearing print; outside the image counts as outside.
    cv::Mat padded, distance;
    cv::copyMakeBorder(usable, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::distanceTransform(padded, distance, cv::DIST_L2, cv::DIST_MASK_5);  // ~1 % off: plenty
    const cv::Mat edgeDistance = distance(cv::Rect(1, 1, gray.cols, gray.rows));

    std::vector<Minutia> minutiae;
    for (int y = 0; y < skeleton.rows; ++y) {
        const unsigned char* row = skeleton.ptr<unsigned char>(y);
        const float* edge = edgeDistance.ptr<float>(y);
        for (int x = 0; x < skeleton.cols; ++x) {
            if (!row[x] || edge[x] <= float(options.borderMargin))
                continue;
            const int cn = crossingNumber(skeleton, x, y);
            if (cn != 1 && cn != 3)
                continue;
            const Minutia m = cn == 1 ? ending(skeleton, {x, y}) : bifurcation(skeleton, {x, y});
            if (!isDuplicate(minutiae, m))
                minutiae.push_back(m);
        }
    }
    return minutiae;
}

}  // namespace metrics_detail

std::vector<Minutia> extractMinutiae(const cv::Mat& gray, const cv::Mat& foreground,
                                     const MinutiaeOptions& options)
{
    metrics_detail::requireGray8(gray, "minutiae input");
    if (options.borderMargin < 0 || options.minRidgeLength < 0)
        throw Error(ErrorKind::InvalidArgument,
                    "minutiae border margin and minimum ridge length must not be negative");
    const cv::Mat fg =
        foreground.empty()
            ? metrics_detail::binaryMask(segmentForeground(gray), gray.size(), "foreground", 255)
            : metrics_detail::binaryMask(foreground, gray.size(), "foreground", 255);
    return metrics_detail::extractMinutiae(gray, fg, estimateOrientation(gray), options);
}

}  // namespace rw
