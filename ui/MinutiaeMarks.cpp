#include "MinutiaeMarks.h"

#include "ComparisonImages.h"

#include <ridgeworks/common/Error.h>
#include <ridgeworks/image/Foreground.h>
#include <ridgeworks/metrics/PrintMetrics.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw {
namespace {

void requireGray(const cv::Mat& image, const char* what, cv::Size size)
{
    if (image.empty() || image.type() != CV_8UC1 || (size.area() > 0 && image.size() != size))
        throw Error(ErrorKind::InvalidArgument,
                    std::string(what) + " must be an 8-bit gray image of the estimate's size");
}

// Estimated-pixel standings when the estimate is compared with nothing.
MinutiaeMarks markAlone(const cv::Mat& estimate, const cv::Mat& region)
{
    MinutiaeMarks result;
    for (const Minutia& m : extractMinutiae(estimate, segmentForeground(estimate))) {
        result.marks.push_back(
            {m, inRegion(m, region) ? MinutiaStanding::Estimated : MinutiaStanding::Evidence});
    }
    return result;
}

MinutiaeMarks markAgainstClean(const cv::Mat& estimate, const cv::Mat& clean,
                               const cv::Mat& region, const CancelToken& cancel)
{
    const PrintReference reference = prepareReference(clean);
    cancel.throwIfCancelled();
    const std::vector<Minutia> found = candidateMinutiae(reference, estimate);
    const std::vector<MinutiaPair> pairs = pairMinutiae(reference.minutiae, found, region);
    std::vector<bool> foundPaired(found.size(), false);
    std::vector<bool> cleanPaired(reference.minutiae.size(), false);
    for (const MinutiaPair& pair : pairs) {
        foundPaired[pair.candidate] = true;
        cleanPaired[pair.reference] = true;
    }
    MinutiaeMarks result;
    result.comparedWithClean = true;
    for (std::size_t i = 0; i < found.size(); ++i) {
        MinutiaStanding standing = MinutiaStanding::Evidence;
        if (inRegion(found[i], region))
            standing = foundPaired[i] ? MinutiaStanding::Agrees : MinutiaStanding::Invented;
        result.marks.push_back({found[i], standing});
    }
    for (std::size_t i = 0; i < reference.minutiae.size(); ++i) {
        if (!cleanPaired[i] && inRegion(reference.minutiae[i], region))
            result.marks.push_back({reference.minutiae[i], MinutiaStanding::Lost});
    }
    return result;
}

}  // namespace

std::size_t MinutiaeMarks::count(MinutiaStanding standing) const
{
    return static_cast<std::size_t>(std::count_if(
        marks.begin(), marks.end(),
        [standing](const MinutiaMark& mark) { return mark.standing == standing; }));
}

MinutiaeMarks markMinutiae(const QString& itemKey, const cv::Mat& estimate,
                           const cv::Mat& changedMask, const cv::Mat& clean,
                           const CancelToken& cancel)
{
    requireGray(estimate, "the estimate", {});
    requireGray(changedMask, "the changed-pixel mask", estimate.size());
    if (!clean.empty())
        requireGray(clean, "the clean original", estimate.size());
    // An empty changed mask grows into an empty region: every minutia is the print's own.
    const cv::Mat region = minutiaeRegion(changedMask != 0);
    MinutiaeMarks result = clean.empty() ? markAlone(estimate, region)
                                         : markAgainstClean(estimate, clean, region, cancel);
    result.itemKey = itemKey;
    return result;
}

cv::Vec3b standingColour(MinutiaStanding standing)
{
    switch (standing) {
    case MinutiaStanding::Evidence: return {0xe0, 0x90, 0x20};   // blue
    case MinutiaStanding::Estimated: return kEstimateOutlineBgr;  // amber
    case MinutiaStanding::Agrees: return {0x40, 0xb0, 0x30};     // green
    case MinutiaStanding::Invented: return {0x2b, 0x30, 0xe0};   // red
    case MinutiaStanding::Lost: return {0x90, 0x90, 0x90};       // grey
    }
    return {0, 0, 0};
}

cv::Mat drawMinutiaeMarks(const cv::Mat& estimate, const cv::Mat& changedMask,
                          const MinutiaeMarks& marks)
{
    requireGray(estimate, "the estimate", {});
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
