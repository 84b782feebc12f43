#include "SkeletonTrace.h"

#include "ridgeworks/metrics/Thinning.h"

#include <algorithm>
#include <array>

namespace rw::metrics_detail {
namespace {

// Clockwise from north, as in Thinning.cpp; even indices are 4-neighbours.
const std::array<cv::Point, 8> kRing = {cv::Point(0, -1), cv::Point(1, -1), cv::Point(1, 0),
                                        cv::Point(1, 1),  cv::Point(0, 1),  cv::Point(-1, 1),
                                        cv::Point(-1, 0), cv::Point(-1, -1)};

bool isSet(const cv::Mat& skeleton, cv::Point p)
{
    return p.x >= 0 && p.y >= 0 && p.x < skeleton.cols && p.y < skeleton.rows &&
           skeleton.at<unsigned char>(p) != 0;
}

bool contains(const std::vector<cv::Point>& points, cv::Point p)
{
    return std::find(points.begin(), points.end(), p) != points.end();
}

}  // namespace

SkeletonTrace traceSkeleton(const cv::Mat& skeleton, cv::Point first,
                            const std::vector<cv::Point>& visited, int maxSteps)
{
    SkeletonTrace trace;
    cv::Point current = first;
    trace.path.push_back(current);
    while (true) {
        if (crossingNumber(skeleton, current.x, current.y) >= 3) {
            trace.end = SkeletonTrace::End::Junction;
            return trace;
        }
        if (int(trace.path.size()) >= maxSteps) {
            trace.end = SkeletonTrace::End::Length;
            return trace;
        }
        // Next pixel: an unvisited neighbour, 4-neighbours first (a diagonal step past a
        // 4-neighbour would skip a pixel of the ridge).
        bool found = false;
        cv::Point next;
        for (int pass = 0; pass < 2 && !found; ++pass) {
            for (std::size_t i = std::size_t(pass); i < 8; i += 2) {
                const cv::Point candidate = current + kRing[i];
                if (isSet(skeleton, candidate) && !contains(trace.path, candidate) &&
                    !contains(visited, candidate)) {
                    next = candidate;
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            trace.end = SkeletonTrace::End::Ending;
            return trace;
        }
        current = next;
        trace.path.push_back(current);
    }
}

std::vector<cv::Point> branchStarts(const cv::Mat& skeleton, cv::Point p)
{
    std::array<bool, 8> set{};
    for (std::size_t i = 0; i < 8; ++i)
        set[i] = isSet(skeleton, p + kRing[i]);
    std::vector<cv::Point> starts;
    // Walk the ring from the first unset position so that no run wraps around the start.
    std::size_t origin = 0;
    while (origin < 8 && set[origin])
        ++origin;
    if (origin == 8)
        return starts;  // surrounded: not a thin skeleton pixel
    for (std::size_t k = 1; k <= 8; ++k) {
        const std::size_t i = (origin + k) % 8;
        if (!set[i])
            continue;
        const bool runStarts = !set[(i + 7) % 8];
        if (runStarts) {
            starts.push_back(p + kRing[i]);
        } else if (i % 2 == 0) {
            starts.back() = p + kRing[i];  // a 4-neighbour in the run is the better start
        }
    }
    return starts;
}

}  // namespace rw::metrics_detail
