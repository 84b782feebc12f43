#pragma once
// What a z-cut leaves for the flaps to be put back from, shared by slid flaps (FlapSlide) and
// swapped ones (FlapSwap): the mask's quadrilateral, and the triangles either side of one of
// its diagonals with the part of each that is the flap's own skin (away from the cut's edges,
// which core/damage paints over and real cuts scar).
#include <opencv2/core.hpp>

#include <optional>
#include <vector>

namespace rw::reconstruction {

// The outline of `inHole` (CV_8UC1, 255 = hole; `holePixels` of them) as four corners in order
// around it, or none when it is not a quadrilateral: at most 10 % of the hole may lie outside
// the four corners fitted to its convex outline, and the hole must cover at least 94 % of them.
// On 36 synthetic and 24 real z-cuts at most 8 % of the mask lay outside and it covered at least
// 94.7 %; obliterations whose outline simplifies to four corners had 12–54 % outside and covered
// 78–100 % (docs/reconstruction.md).
std::vector<cv::Point> quadrilateralOf(const cv::Mat& inHole, int holePixels);

// What the searches for slid and swapped flaps read: the mask's quadrilateral, the band from a
// pixel to 1.5 ridge periods inside its rim (where the ridges continued in from outside are
// still in phase with the real ones: rimBandMask), and those continued ridges.
struct ZCutEvidence {
    std::vector<cv::Point> quad;
    cv::Mat inBand;     // CV_8UC1, 255 in the band
    cv::Mat continued;  // CV_8UC1, continuedFromRim
};

// None when there is nothing to search: no image, no ridge period, a hole under 100 pixels, or
// a mask that is not a quadrilateral. `hole`: CV_8UC1 nonzero = damaged.
std::optional<ZCutEvidence> zCutEvidence(const cv::Mat& damaged, const cv::Mat& hole,
                                         double ridgePeriod);

// The bars flaps put back (slid or swapped) must clear: the rim-band correlation of both flaps
// together, its gain over the damaged pixels where they lie, its lead over the next candidate
// move, and each flap's own gain. Chosen for slides (FlapSlide.cpp: of 62 z-cut slides and 11
// surgical z-cuts that passed at a correlation of 0.35, a gain of 0.25 for each flap and a
// correlation of 0.4 kept 39 and none) and used unchanged for swaps (docs/reconstruction.md).
inline constexpr double kPutBackMinAgreement = 0.4;
inline constexpr double kPutBackMinGainOverUnmoved = 0.25;
inline constexpr double kPutBackMinLeadOverOthers = 0.05;
inline constexpr double kPutBackMinGainOfEachFlap = 0.25;

struct Flap {
    cv::Mat inside;  // CV_8UC1, 255 inside the triangle
    cv::Mat source;  // CV_8UC1, 255 where the flap's pixels are its own skin
};

// The triangle (a, b, c) in an image of `size`; its own skin lies 0.4 ridge periods (2 px at
// the least) inside its edges: the cut's gap, painted over the edges, is 1–3.5 px wide on each
// side at 500 ppi, where 0.4 periods is about 3.6 px.
Flap flapOf(cv::Point a, cv::Point b, cv::Point c, cv::Size size, double ridgePeriod);

// A z-cut's flaps put back (slid or swapped).
struct FlapsPutBack {
    cv::Mat image;     // CV_8UC1: the damaged print with the flaps' content put back
    cv::Mat restored;  // CV_8UC1, 255 where a pixel was given back from a flap
};

}  // namespace rw::reconstruction
