#pragma once
// The Minutiae comparison mode's content: the reconstruction's ridge endings and bifurcations,
// each marked by where it stands (rw::markMinutiae, core/metrics). A minutia drawn from
// estimated pixels is not evidence, and where a clean original exists the marks show which of
// those it has too and which the reconstruction invented: the "spurious minutiae" of the
// Metrics dock, at their places. Finding them is core work (run by JobRunner); drawing is a
// plain image function.
#include <ridgeworks/common/Progress.h>
#include <ridgeworks/metrics/MinutiaeStanding.h>

#include <QString>

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace rw {

struct MinutiaeMarks {
    QString itemKey;  // the reconstruction they belong to
    bool comparedWithClean = false;
    std::vector<MinutiaMark> marks;

    std::size_t count(MinutiaStanding standing) const { return countStanding(marks, standing); }
};

// rw::markMinutiae(estimate, changedMask, clean) for the reconstruction `itemKey` (`clean`
// empty: none known). Throws rw::Error(InvalidArgument) on wrong types or sizes, and
// rw::Error(Cancelled) when cancelled before it starts.
MinutiaeMarks findMinutiaeMarks(const QString& itemKey, const cv::Mat& estimate,
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
