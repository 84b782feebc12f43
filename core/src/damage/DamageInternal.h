#pragma once
// Shared by the damage sources: what one kind computes before applyDamage confines it to the
// foreground and derives the mask.
#include "ridgeworks/common/Random.h"
#include "ridgeworks/damage/Damage.h"

#include <opencv2/core.hpp>

#include <string>

namespace rw::damage {

struct DamageInput {
    const cv::Mat& gray;        // CV_8UC1, never modified
    const cv::Mat& foreground;  // CV_8UC1, 255 = print, at least one pixel
    const DamageParameters& parameters;
    double scale;  // ppi / 500: the parameter table's pixel sizes are at 500 ppi
    const cv::Mat& userMask;
};

struct DamageResult {
    cv::Mat image;           // CV_8UC1 candidate for every pixel; only the masked ones are kept
    cv::Mat region;          // CV_8UC1 where the kind altered the print; empty = a global change,
                             // whose mask is the foreground pixels that actually changed
    DamageParameters drawn;  // what the seed chose (angle, centre, ...), added to `applied`
    std::string detail;      // for the summary line
};

// SOCOFing-style alterations (Alterations.cpp).
DamageResult obliterate(const DamageInput& in, Rng& rng);
DamageResult rotateCentre(const DamageInput& in, Rng& rng);
DamageResult zCut(const DamageInput& in, Rng& rng);
DamageResult zPlasty(const DamageInput& in, Rng& rng);
DamageResult blankUserMask(const DamageInput& in, Rng& rng);

// ChaLearn 2018 degradations (Degradations.cpp).
DamageResult blur(const DamageInput& in, Rng& rng);
DamageResult changeContrast(const DamageInput& in, Rng& rng);
DamageResult elasticDistort(const DamageInput& in, Rng& rng);
DamageResult scratch(const DamageInput& in, Rng& rng);
DamageResult occlude(const DamageInput& in, Rng& rng);
DamageResult addClutter(const DamageInput& in, Rng& rng);

// Helpers (DamageShapes.cpp).

// The print smeared to its local mean gray: ridges averaged away, the finger's shading kept.
// Only foreground pixels feed the mean, so the paper does not bleach the rim.
cv::Mat localBackground(const cv::Mat& gray, const cv::Mat& foreground, double sigma);

// Smooth random field (CV_32FC1, about unit variance) whose blobs are about `cellPx` wide.
cv::Mat smoothNoise(cv::Size size, double cellPx, Rng& rng);

// The gray level of blank paper around the print (median of the non-foreground pixels;
// a light default when the print fills the image).
double paperLevel(const cv::Mat& gray, const cv::Mat& foreground);

// Blends `fill` into `gray` inside `region`, fully from `featherPx` inwards, at least half at
// the region's edge, so the damage has no hard seam but every region pixel is altered.
cv::Mat blendInto(const cv::Mat& gray, const cv::Mat& fill, const cv::Mat& region,
                  double featherPx);

// Grows a shape drawn by `draw(scale, mask)` until it covers `target` of the foreground
// (bisection on the scale; shapes must grow with the scale). Returns the drawn mask; the last
// call of `draw` is the one returned, so callers may keep what it computed. When `target`
// cannot be reached, the shape at `maxScale` is returned.
template <typename Draw>
cv::Mat fitToArea(const cv::Mat& foreground, double target, double maxScale, Draw draw)
{
    const double fgArea = cv::countNonZero(foreground);
    double lo = 0.0, hi = maxScale;
    for (int i = 0; i < 24; ++i) {
        const double mid = 0.5 * (lo + hi);
        cv::Mat shape = cv::Mat::zeros(foreground.size(), CV_8UC1);
        draw(mid, shape);
        const double covered = cv::countNonZero(shape & foreground) / fgArea;
        if (covered < target)
            lo = mid;
        else
            hi = mid;
    }
    cv::Mat best = cv::Mat::zeros(foreground.size(), CV_8UC1);
    draw(hi, best);
    return best;
}

// printf-style text for DamageResult::detail; every argument is a double, so patterns use %f.
std::string describe(const char* pattern, double a, double b = 0.0);

// Centroid of the foreground.
cv::Point2d foregroundCentroid(const cv::Mat& foreground);

}  // namespace rw::damage
