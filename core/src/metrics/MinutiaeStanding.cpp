#include "ridgeworks/metrics/MinutiaeStanding.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/metrics/PrintMetrics.h"

#include <algorithm>
#include <string>

namespace rw {
namespace {

void requireGray(const cv::Mat& image, const char* what, cv::Size size)
{
    if (image.empty() || image.type() != CV_8UC1 || (size.area() > 0 && image.size() != size))
        throw Error(ErrorKind::InvalidArgument,
                    std::string(what) + " must be an 8-bit gray image of the estimate's size");
}

// Estimated or the print's own, when the estimate is compared with nothing.
std::vector<MinutiaMark> markAlone(const cv::Mat& estimate, const cv::Mat& region)
{
    std::vector<MinutiaMark> marks;
    for (const Minutia& m : extractMinutiae(estimate, segmentForeground(estimate)))
        marks.push_back(
            {m, inRegion(m, region) ? MinutiaStanding::Estimated : MinutiaStanding::Evidence});
    return marks;
}

std::vector<MinutiaMark> markAgainstClean(const cv::Mat& estimate, const cv::Mat& clean,
                                          const cv::Mat& region)
{
    const PrintReference reference = prepareReference(clean);
    const std::vector<Minutia> found = candidateMinutiae(reference, estimate);
    std::vector<bool> foundPaired(found.size(), false);
    std::vector<bool> cleanPaired(reference.minutiae.size(), false);
    for (const MinutiaPair& pair : pairMinutiae(reference.minutiae, found, region)) {
        foundPaired[pair.candidate] = true;
        cleanPaired[pair.reference] = true;
    }
    std::vector<MinutiaMark> marks;
    for (std::size_t i = 0; i < found.size(); ++i) {
        MinutiaStanding standing = MinutiaStanding::Evidence;
        if (inRegion(found[i], region))
            standing = foundPaired[i] ? MinutiaStanding::Agrees : MinutiaStanding::Invented;
        marks.push_back({found[i], standing});
    }
    for (std::size_t i = 0; i < reference.minutiae.size(); ++i) {
        if (!cleanPaired[i] && inRegion(reference.minutiae[i], region))
            marks.push_back({reference.minutiae[i], MinutiaStanding::Lost});
    }
    return marks;
}

}  // namespace

const char* toString(MinutiaStanding standing)
{
    switch (standing) {
    case MinutiaStanding::Evidence: return "evidence";
    case MinutiaStanding::Estimated: return "estimated";
    case MinutiaStanding::Agrees: return "agrees";
    case MinutiaStanding::Invented: return "invented";
    case MinutiaStanding::Lost: return "lost";
    }
    return "?";
}

std::size_t countStanding(const std::vector<MinutiaMark>& marks, MinutiaStanding standing)
{
    return static_cast<std::size_t>(
        std::count_if(marks.begin(), marks.end(),
                      [standing](const MinutiaMark& mark) { return mark.standing == standing; }));
}

std::vector<MinutiaMark> markMinutiae(const cv::Mat& estimate, const cv::Mat& changedMask,
                                      const cv::Mat& clean)
{
    requireGray(estimate, "the estimate", {});
    requireGray(changedMask, "the changed-pixel mask", estimate.size());
    if (!clean.empty())
        requireGray(clean, "the clean original", estimate.size());
    // An empty changed mask grows into an empty region: every minutia is the print's own.
    const cv::Mat region = minutiaeRegion(changedMask != 0);
    return clean.empty() ? markAlone(estimate, region) : markAgainstClean(estimate, clean, region);
}

}  // namespace rw
