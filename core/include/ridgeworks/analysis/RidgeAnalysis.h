#pragma once
// Measurements of ridge structure from pixels alone: local orientation, dominant ridge
// period, singular points. Used to test the generator and, later, by core/metrics.
#include "ridgeworks/synth/SyntheticPrint.h"

#include <opencv2/core.hpp>

#include <vector>

namespace rw {

// Ridge orientation per pixel (CV_32FC1, radians in [0, pi), same convention as
// SyntheticPrint::orientation) from the smoothed gradient structure tensor.
cv::Mat estimateOrientation(const cv::Mat& gray, double smoothingSigma = 6.0);

// estimateOrientation(gray, smoothingSigma)(within), bit for bit, worked out only there (the
// smoothing still reads the pixels around `within`): where only part of an image's orientation
// is read, the rest of the smoothing is not paid for. Throws rw::Error(InvalidArgument) for an
// empty `within` or one that leaves the image.
cv::Mat estimateOrientationWithin(const cv::Mat& gray, double smoothingSigma,
                                  const cv::Rect& within);

// Coherence of the structure tensor per pixel (CV_32FC1 in [0, 1]): 1 = clean parallel ridges.
cv::Mat estimateCoherence(const cv::Mat& gray, double smoothingSigma = 6.0);

// Dominant ridge period in pixels from the radial peak of the power spectrum inside `mask`
// (CV_8UC1, nonzero = use; empty = whole image). Returns 0 when no peak is found.
// Periods from 3 to 64 px are searched, and at most half the mask's bounding box; the
// mask's edge is tapered over up to 16 px so its outline does not masquerade as ridges.
double estimateRidgePeriod(const cv::Mat& gray, const cv::Mat& mask = {});

// The ridge period of a print (px), for putting it at a network's training scale: the
// estimateRidgePeriod of `region` (CV_8UC1, nonzero = usable ridges; empty = whole image),
// made robust for small, low-resolution prints. SOCOFing's 96×103 prints have ridges of
// about 3.5 px, at the edge of the spectral search, where the peak is often missed (0) or
// loses to the outline of the print (10–25 px). So the print is enlarged 2×, 3× and 4× until a
// period is found that a finger of the region's size can have: between 1/60 and 1/8 of the
// region's smaller side (a whole fingertip is 30–50 ridges wide; a fragment fewer), or, when
// the print at every enlargement agrees on it (within 10 %), down to 1/6 of that side (a small
// crop shows only 7–8 ridges across). 0 when no plausible period is found.
double estimatePrintRidgePeriod(const cv::Mat& gray, const cv::Mat& region = {});

// The ridge period of a damaged print (px), for reconstructing it: estimatePrintRidgePeriod of
// its whole `foreground` (CV_8UC1, nonzero = print), the damage included, else of the part
// outside `damage` (CV_8UC1, nonzero = damaged; may be empty). Damage rarely changes the ridge
// spacing (rotated, cut and smudged ridges keep it), and the whole print shows a period far more
// often than the thin ring of ridges a large hole leaves: on SOCOFing's 2,471 real alterations
// of the validation slice the undamaged part alone gave no period, or one more than 15 % off the
// clean print's, 324 times; the whole print first, 156 times. Only the period comes from the
// damaged pixels, never a fill. 0 when neither part shows a plausible period.
double estimateDamagedPrintRidgePeriod(const cv::Mat& gray, const cv::Mat& foreground,
                                       const cv::Mat& damage);

// Mean absolute angular difference in degrees between two orientation fields (axial
// angles, so 179° vs 1° is 2°), over nonzero `mask` pixels (empty = whole image). Returns NaN
// when the mask selects no pixel.
double meanOrientationErrorDeg(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask);

// How findSingularPoints looks for singular points. The defaults suit fields estimated with
// estimateOrientation at 500 ppi as well as analytic fields.
struct SingularPointSearch {
    // Half side, in pixels, of the square loop along which the Poincaré index of a pixel is
    // summed (8 * ringRadius samples). Larger loops ignore pixel-level noise but cannot tell
    // apart two singular points closer than the loop.
    int ringRadius = 2;
    // Detections of the same type closer than this (pixels) are merged into one point, their
    // position the pixel-count weighted mean.
    double mergeDistance = 8.0;
    // The mask is eroded by this many pixels first, so that the unreliable field near the
    // border of the fingerprint area produces no spurious points.
    int borderMargin = 0;
    // A core and a delta closer than this (pixels) cancel out and are both dropped, closest
    // pairs first. No ridge fits between a real core and delta less than about one and a half
    // ridge periods apart; such a pair in a field estimated from an image is a local twist
    // (a crease, a smudge). 0 keeps every point, as the index alone says.
    double pairCancelDistance = 0.0;
};

// Cores (Poincaré index +1/2) and deltas (-1/2) of an orientation field, restricted to
// nonzero `mask` pixels (empty = whole image): a pixel counts when its whole loop lies in the
// mask. Nearby detections are merged. A whorl centre of index +1 (concentric ridges) is
// reported as one core. Sorted by type (cores first), then by y, then by x.
std::vector<SingularPoint> findSingularPoints(const cv::Mat& orientation, const cv::Mat& mask,
                                              const SingularPointSearch& search = {});

}  // namespace rw
