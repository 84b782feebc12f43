#pragma once
// The Minutiae comparison mode's content: the reconstruction's ridge endings and bifurcations,
// each marked by where it stands. A minutia drawn from estimated pixels is not evidence, and
// where a clean original exists the marks show which of those it has too and which the
// reconstruction invented: the "spurious minutiae" of the Metrics dock, at their places.
// Computing is core work (run by JobRunner); drawing is a plain image function.
#include <ridgeworks/common/Progress.h>
#include <ridgeworks/metrics/Minutiae.h>

#include <QString>

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace rw {

enum class MinutiaStanding {
    Evidence,   // the reconstruction's, away from any estimated pixel: the print's own
    Estimated,  // drawn from estimated pixels; no clean original to compare with
    Agrees,     // drawn from estimated pixels, and the clean original has it too
    Invented,   // drawn from estimated pixels, and the clean original does not have it
    Lost,       // the clean original's, near estimated pixels, not in the reconstruction
};

struct MinutiaMark {
    Minutia minutia;
    MinutiaStanding standing = MinutiaStanding::Evidence;
};

struct MinutiaeMarks {
    QString itemKey;  // the reconstruction they belong to
    bool comparedWithClean = false;
    std::vector<MinutiaMark> marks;

    std::size_t count(MinutiaStanding standing) const;
};

// `estimate`: CV_8UC1, the reconstruction; `changedMask`: CV_8UC1, nonzero = estimated pixel
// (same size); `clean`: the clean original (same size) or empty. "Near estimated pixels" is
// within the changed pixels grown by the metric's match distance (minutiaeRegion), as the
// Metrics dock's "mask" columns count. With a clean original, the minutiae are extracted and
// paired exactly as measurePrint does (candidateMinutiae, pairMinutiae); without one, within
// the estimate's own foreground. Throws rw::Error(InvalidArgument) on wrong types or sizes.
MinutiaeMarks markMinutiae(const QString& itemKey, const cv::Mat& estimate,
                           const cv::Mat& changedMask, const cv::Mat& clean,
                           const CancelToken& cancel = {});

// The colour of a standing (BGR): the print's own blue, estimated amber (the estimate
// outline's), agreeing green, invented red, lost grey.
cv::Vec3b standingColour(MinutiaStanding standing);

// The estimate (CV_8UC1) as BGR with the changed pixels' amber outline and every mark: an
// ending as a circle, a bifurcation as a square, each with a stroke along its direction, in
// its standing's colour; a lost minutia as a small cross. The mark's size follows the image
// (a 64th of its shorter side, at least 3 px).
cv::Mat drawMinutiaeMarks(const cv::Mat& estimate, const cv::Mat& changedMask,
                          const MinutiaeMarks& marks);

}  // namespace rw
