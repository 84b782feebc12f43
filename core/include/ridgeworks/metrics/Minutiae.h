#pragma once
// Minutiae (ridge endings and bifurcations) from thinned ridges, and their agreement between
// a clean reference and a candidate. A reconstruction that "looks" right but invents endings
// and bifurcations misleads an examiner: spurious minutiae are counted on their own.
#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace rw {

struct Minutia {
    enum class Type { Ending, Bifurcation };
    Type type = Type::Ending;
    cv::Point2d position;  // pixels
    // Radians [0, 2*pi), image convention (x right, y down): the direction of the ridge
    // leaving the point; for a bifurcation, of its stem (the branch opposite the two forks).
    double angle = 0.0;
};

struct MinutiaeOptions {
    // Minutiae closer than this to the foreground's edge (pixels) are dropped: ridges end
    // there because the print does.
    int borderMargin = 8;
    // Ridge fragments and spurs shorter than this (pixels) are removed before detection.
    int minRidgeLength = 6;
};

// Binarises (local mean threshold after smoothing along the ridges), thins (Zhang–Suen),
// finds endings/bifurcations by crossing number, drops border points and short spurs.
// `gray`: CV_8UC1 dark ridges on light ground. `foreground`: CV_8UC1 (empty =
// segmentForeground(gray)); the image's own edge counts as the foreground's edge. Sorted in
// raster order (y, then x); deterministic. Throws rw::Error(InvalidArgument) on a wrong type
// or size, or negative options.
std::vector<Minutia> extractMinutiae(const cv::Mat& gray, const cv::Mat& foreground = {},
                                     const MinutiaeOptions& options = {});

struct MinutiaeMatchTolerance {
    double distance = 8.0;       // pixels
    double angleDeg = 30.0;      // degrees
    bool typeMustMatch = false;  // endings and bifurcations turn into each other easily
};

struct MinutiaeAgreement {
    std::size_t reference = 0;  // minutiae in the reference (within the region)
    std::size_t candidate = 0;  // minutiae in the candidate (within the region)
    std::size_t matched = 0;    // one-to-one pairs within tolerance
    std::size_t spurious = 0;   // candidate minutiae with no reference partner: invented
    std::size_t missed = 0;     // reference minutiae with no candidate partner
    double precision = 0.0;     // matched / candidate (1 when candidate is 0: nothing invented)
    double recall = 0.0;        // matched / reference (1 when reference is 0: nothing to miss)
    double f1 = 0.0;            // harmonic mean; 1 when both are empty, 0 when only one is
};

// One-to-one greedy matching, closest pairs first. A pair qualifies when the distance and the
// (directional) angle difference are both within the tolerance, edges included. Only
// minutiae whose rounded position lies in `region` (CV_8UC1 nonzero; empty = everywhere) are
// counted. Throws rw::Error(InvalidArgument) for a region of another type or a negative
// tolerance.
MinutiaeAgreement matchMinutiae(const std::vector<Minutia>& reference,
                                const std::vector<Minutia>& candidate, const cv::Mat& region = {},
                                const MinutiaeMatchTolerance& tolerance = {});

// The pairs behind matchMinutiae (same arguments, same rule, same checks): one entry per pair,
// indices into the full `reference` and `candidate` vectors. A candidate minutia in `region`
// that is in no pair is invented; a reference minutia in `region` in no pair is lost. For
// showing where they are (the workbench's minutiae view).
struct MinutiaPair {
    std::size_t reference = 0;
    std::size_t candidate = 0;
};
std::vector<MinutiaPair> pairMinutiae(const std::vector<Minutia>& reference,
                                      const std::vector<Minutia>& candidate,
                                      const cv::Mat& region = {},
                                      const MinutiaeMatchTolerance& tolerance = {});

// Whether `m`'s rounded position lies in `region` (CV_8UC1 nonzero; empty = everywhere): the
// test matchMinutiae counts by.
bool inRegion(const Minutia& m, const cv::Mat& region);

// `region` (CV_8UC1, nonzero = in) grown by the match distance (an ellipse of radius
// ceil(distance)): a minutia just across its edge may still pair with one inside. The
// "inside" figures of measurePrint count minutiae in the damage mask grown so.
cv::Mat minutiaeRegion(const cv::Mat& region, const MinutiaeMatchTolerance& tolerance = {});

}  // namespace rw
