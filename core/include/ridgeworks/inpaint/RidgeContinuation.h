#pragma once
// Classical ridge continuation into a hole: the orientation field and the ridge contrast are
// interpolated from the ridges around the hole, and the ridges themselves are grown inward by
// iterated oriented Gabor filtering (as the synthetic generator grows them), starting from
// the real ridges at the rim so their phase carries on. No learning; deterministic.
//
// It is a baseline of its own ("ridge-continuation" in every evaluation) and the starting
// fill the inpainting U-Net refines (model cards with holeFill "ridge-continuation").
#include <opencv2/core.hpp>

namespace rw {

struct RidgeContinuationOptions {
    // Ridge period in pixels; 0 = measured from the ridges outside the hole.
    double ridgePeriod = 0.0;
    // Bound on the growth passes. Each pass carries ridges about one period further in.
    int maxIterations = 60;
    // Optional ridge orientation to grow along inside the hole (CV_32FC1, radians, the
    // image's size); empty = carried across the hole from its surroundings.
    cv::Mat guideOrientation;
};

// `damaged`: CV_8UC1; `mask`: CV_8UC1, nonzero = hole (what lies under it is ignored).
// Returns CV_8UC1: outside the hole bit-identical to `damaged`; inside, continued ridges at
// the contrast and brightness of the surroundings (background stays background). Where no
// ridges surround the hole (no period can be measured) the hole gets the surroundings' mean
// brightness. An empty or all-zero mask returns a copy. Throws rw::Error(InvalidArgument)
// on a wrong type or size.
cv::Mat continueRidges(const cv::Mat& damaged, const cv::Mat& mask,
                       const RidgeContinuationOptions& options = {});

// continueRidges in two steps, for growing one hole along more than one orientation: the
// constructor does the work that does not depend on the orientation (the period, the part of
// the image around the hole, the surroundings' brightness and contrast: about half of the
// cost), grow() the rest. The inpainting U-Net's starting fill and its ridge regrowth grow the
// same hole, the second time along the network's own orientation (reconstruct/RidgeRegrowth).
class RidgeContinuation {
public:
    // How grow() will be called: with guides only, or (also) without one, along the orientation
    // carried in from the rim. In the second case the constructor works that orientation out
    // too, side by side with the surroundings (neither reads the other).
    enum class Growth { AlongGuides, AlongOwnField };

    // `damaged`, `mask` and `ridgePeriod` as for continueRidges (same checks and errors).
    RidgeContinuation(const cv::Mat& damaged, const cv::Mat& mask, double ridgePeriod = 0.0,
                      Growth growth = Growth::AlongGuides);

    // The same, with the brightness and contrast taken from `reduced`, a continuation of the
    // same print and hole at a smaller size, enlarged instead of measured again (they are
    // smooth over a ridge period). Measured after all when `reduced` does not cover this
    // image's work region.
    RidgeContinuation(const cv::Mat& damaged, const cv::Mat& mask, double ridgePeriod,
                      const RidgeContinuation& reduced);

    // continueRidges(damaged, mask, {ridgePeriod, maxIterations, guideOrientation}).
    cv::Mat grow(const cv::Mat& guideOrientation = {}, int maxIterations = 60) const;

    // The period the ridges are grown at (measured when none was given); 0 when none was
    // found, and then grow() fills the hole with the surroundings' brightness only.
    double period() const { return period_; }

private:
    bool prepare(const cv::Mat& mask, double ridgePeriod);  // false: nothing to fill
    void measureSurroundings();
    // The orientation in the hole, carried in from the rim (0 elsewhere in the work region).
    cv::Mat carriedInOrientation() const;
    // The scale the surrounding fields are smoothed at: the period, or 8 px when none was found.
    double smoothingPeriod() const { return period_ > 0.0 ? period_ : 8.0; }

    cv::Mat damaged_;    // CV_8UC1, the caller's image (shared, not copied)
    cv::Mat hole_;       // CV_8UC1, 255 = hole; empty when there is nothing to fill
    cv::Rect work_;      // the hole and the surroundings it is filled from
    cv::Mat image_;      // CV_32FC1 in [0,1], damaged_(work_)
    cv::Mat mean_;       // local brightness, CV_32FC1, work_'s size
    cv::Mat amplitude_;  // local ridge contrast (standard deviation), CV_32FC1
    cv::Mat ownField_;   // the orientation carried in from the rim (Growth::AlongOwnField)
    double period_ = 0.0;
};

}  // namespace rw
