#pragma once
// Walking along a one-pixel-wide ridge skeleton (private to core/metrics): used to prune spurs
// and to read a minutia's direction.
#include <opencv2/core.hpp>

#include <vector>

namespace rw::metrics_detail {

struct SkeletonTrace {
    enum class End { Length, Ending, Junction };
    std::vector<cv::Point> path;  // pixels walked, `first` included
    End end = End::Length;        // why the walk stopped
};

// Walks from `first` along the skeleton (CV_8UC1 0/nonzero) for at most `maxSteps` pixels,
// never entering `visited` (e.g. the minutia pixel and, for a bifurcation, its other
// branches). Stops early at a ridge ending or on reaching a junction (crossing number >= 3,
// that pixel included).
SkeletonTrace traceSkeleton(const cv::Mat& skeleton, cv::Point first,
                            const std::vector<cv::Point>& visited, int maxSteps);

// The 8-neighbours of `p` that are skeleton pixels, one per run of adjacent neighbours (a
// 4-neighbour preferred): the starting pixels of the branches leaving `p`.
std::vector<cv::Point> branchStarts(const cv::Mat& skeleton, cv::Point p);

}  // namespace rw::metrics_detail
