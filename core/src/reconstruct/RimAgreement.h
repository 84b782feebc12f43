#pragma once
// How well displaced damage put back rejoins the ridges around it, shared by a turned patch
// (PatchTurn) and a z-cut's slid flaps (FlapSlide): the ridges around the hole are continued
// into it, and over a band just inside its rim — where the continued ridges are still in phase
// with the real ones — the damaged pixels a candidate move brings there are correlated with
// them.
#include <opencv2/core.hpp>

#include <cmath>
#include <utility>
#include <vector>

namespace rw::reconstruction {

// Points of the band with the continued ridges' gray levels there.
struct RimBand {
    std::vector<cv::Point> points;
    std::vector<double> expected;
};

// The band from a pixel to 1.5 `ridgePeriod`s inside the rim of `inHole` (CV_8UC1, 255 = hole).
cv::Mat rimBandMask(const cv::Mat& inHole, double ridgePeriod);

// The ridges around `hole` continued into it (rw::continueRidges at `ridgePeriod`), CV_8UC1.
cv::Mat continuedFromRim(const cv::Mat& damaged, const cv::Mat& hole, double ridgePeriod);

// The nonzero points of `inBand`, in row order, with `continued`'s gray levels there.
RimBand rimBandOf(const cv::Mat& inBand, const cv::Mat& continued);

// The gray level of 8-bit `image` at (x, y), bilinear; false where the 2×2 neighbourhood leaves
// the image.
inline bool sampleBilinear(const cv::Mat& image, double x, double y, double& value)
{
    const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
    if (x0 < 0 || y0 < 0 || x0 + 1 >= image.cols || y0 + 1 >= image.rows)
        return false;
    const double fx = x - x0, fy = y - y0;
    const unsigned char* r0 = image.ptr<unsigned char>(y0) + x0;
    const unsigned char* r1 = image.ptr<unsigned char>(y0 + 1) + x0;
    value = (1 - fy) * ((1 - fx) * r0[0] + fx * r0[1]) + fy * ((1 - fx) * r1[0] + fx * r1[1]);
    return true;
}

// Pearson correlation built pair by pair: a read gray level against the continued one.
struct RimCorrelation {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;

    void add(double read, double expected)
    {
        sx += read;
        sy += expected;
        sxx += read * read;
        syy += expected * expected;
        sxy += read * expected;
        ++n;
    }

    // -1 with fewer than `minPairs` pairs.
    double value(int minPairs) const;
};

// The local maxima of `scores` as (score, index), strongest first (ties: lower index first);
// `circular`: the first and last scores are neighbours.
std::vector<std::pair<double, int>> localMaxima(const std::vector<double>& scores, bool circular);

}  // namespace rw::reconstruction
