#include "MinutiaeMarks.h"

#include "ComparisonImages.h"
#include "report/MinutiaColours.h"

#include <ridgeworks/common/Error.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw {

MinutiaeMarks findMinutiaeMarks(const QString& itemKey, const cv::Mat& estimate,
                                const cv::Mat& changedMask, const cv::Mat& clean,
                                const CancelToken& cancel)
{
    cancel.throwIfCancelled();
    MinutiaeMarks result;
    result.itemKey = itemKey;
    result.comparedWithClean = !clean.empty();
    result.marks = markMinutiae(estimate, changedMask, clean);
    return result;
}

cv::Vec3b standingColour(MinutiaStanding standing)
{
    const std::array<std::uint8_t, 3> rgb = minutiaRgb(standing);
    return {rgb[2], rgb[1], rgb[0]};
}

cv::Mat drawMinutiaeMarks(const cv::Mat& estimate, const cv::Mat& changedMask,
                          const MinutiaeMarks& marks)
{
    if (estimate.empty() || estimate.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "the estimate must be an 8-bit gray image");
    cv::Mat bgr = changedMask.empty() ? cv::Mat() : drawOutline(estimate, changedMask);
    if (bgr.empty())
        cv::cvtColor(estimate, bgr, cv::COLOR_GRAY2BGR);
    const int size = std::max(3, std::min(estimate.cols, estimate.rows) / 64);
    const int thickness = size >= 6 ? 2 : 1;
    for (const MinutiaMark& mark : marks.marks) {
        const cv::Vec3b c = standingColour(mark.standing);
        const cv::Scalar colour(c[0], c[1], c[2]);
        const cv::Point centre(static_cast<int>(std::lround(mark.minutia.position.x)),
                               static_cast<int>(std::lround(mark.minutia.position.y)));
        if (mark.standing == MinutiaStanding::Lost) {
            const cv::Point d(size / 2 + 1, size / 2 + 1);
            cv::line(bgr, centre - d, centre + d, colour, 1, cv::LINE_8);
            cv::line(bgr, centre + cv::Point(-d.x, d.y), centre + cv::Point(d.x, -d.y), colour, 1,
                     cv::LINE_8);
            continue;
        }
        if (mark.minutia.type == Minutia::Type::Ending)
            cv::circle(bgr, centre, size, colour, thickness, cv::LINE_8);
        else
            cv::rectangle(bgr, centre - cv::Point(size, size), centre + cv::Point(size, size),
                          colour, thickness, cv::LINE_8);
        // The direction: out of the mark along the ridge that leaves it (for a bifurcation,
        // its stem), as examiners plot minutiae.
        const auto along = [&](double reach) {
            return cv::Point(
                static_cast<int>(std::lround(centre.x + reach * std::cos(mark.minutia.angle))),
                static_cast<int>(std::lround(centre.y + reach * std::sin(mark.minutia.angle))));
        };
        cv::line(bgr, along(size), along(2.4 * size), colour, thickness, cv::LINE_8);
    }
    return bgr;
}

}  // namespace rw
