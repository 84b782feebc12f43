// measurePrint: one evaluation row. The expensive per-image parts (orientation, period field,
// minutiae) are computed once per image and shared between the whole-print and the
// inside-mask comparisons; the clean print's part can be prepared once for all candidates.
#include "ridgeworks/metrics/PrintMetrics.h"

#include "MetricsInput.h"
#include "MinutiaeExtraction.h"
#include "RidgeFields.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>

namespace rw {
namespace {

using namespace metrics_detail;

// Everything but the minutiae: the clean print's fields and foreground.
PrintReference referenceFields(const cv::Mat& clean, const cv::Mat& foreground)
{
    requireGray8(clean, "clean image");
    PrintReference reference;
    reference.image = clean;
    reference.foreground = binaryMask(foreground.empty() ? segmentForeground(clean) : foreground,
                                      clean.size(), "foreground", 255);
    RidgeFields fields = ridgeFields(clean, reference.foreground);
    reference.orientation = fields.orientation;
    reference.period = fields.period;
    return reference;
}

PrintMetrics measure(const PrintReference& reference, const cv::Mat& candidate, const cv::Mat& mask)
{
    requireGray8(reference.image, "clean image");
    requireGray8(candidate, "candidate image");
    const cv::Size size = reference.image.size();
    requireSize(candidate, size, "candidate image");
    // A hand-made reference must carry the fields prepareReference computes.
    for (const cv::Mat* field : {&reference.orientation, &reference.period}) {
        if (field->type() != CV_32FC1 || field->size() != size)
            throw Error(ErrorKind::InvalidArgument,
                        "print reference lacks its orientation or period field "
                        "(use prepareReference)");
    }
    const cv::Mat damage = binaryMask(mask, size, "damage mask", 0);
    // The clean print's foreground for both images: the candidate is judged on the area the
    // evidence covers, and its minutiae near that edge are dropped exactly like the clean's.
    const cv::Mat print = binaryMask(reference.foreground, size, "foreground", 255);
    const cv::Mat inside = damage & print;

    PrintMetrics metrics;
    metrics.quality = measureImageQuality(reference.image, candidate, damage, print);

    const RidgeFields cleanFields{reference.orientation, reference.period};
    const RidgeFields candidateFields = ridgeFields(candidate, print);
    metrics.ridgesWhole = compareRidgeFields(cleanFields, candidateFields, print);
    // Inside, both periods come from the mask's pixels alone: with the whole print's field a
    // blank fill would borrow the period of the intact ridges around it.
    const cv::Mat cleanInside = localRidgePeriodWithin(reference.image, kPeriodBlockSize, inside);
    const cv::Mat candidateInside = localRidgePeriodWithin(candidate, kPeriodBlockSize, inside);
    metrics.ridgesInside =
        compareRidgeFields({cleanFields.orientation, cleanInside},
                           {candidateFields.orientation, candidateInside}, inside);

    const std::vector<Minutia> found =
        extractMinutiae(candidate, print, candidateFields.orientation, MinutiaeOptions{});
    const MinutiaeMatchTolerance tolerance;
    metrics.minutiaeWhole = matchMinutiae(reference.minutiae, found, print, tolerance);
    // Grown by the match distance: a minutia just inside the mask may be matched by one just
    // outside it, and vice versa, without either being counted as invented or lost.
    metrics.minutiaeInside =
        matchMinutiae(reference.minutiae, found, minutiaeRegion(inside, tolerance), tolerance);
    if (metrics.quality.inside.pixels == 0) {
        // No damage to judge: the inside agreement is undefined, not perfect.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        metrics.minutiaeInside.precision = metrics.minutiaeInside.recall = nan;
        metrics.minutiaeInside.f1 = nan;
    }
    return metrics;
}

}  // namespace

PrintReference prepareReference(const cv::Mat& clean, const cv::Mat& foreground)
{
    PrintReference reference = referenceFields(clean, foreground);
    reference.minutiae =
        extractMinutiae(clean, reference.foreground, reference.orientation, MinutiaeOptions{});
    return reference;
}

PrintMetrics measurePrint(const PrintReference& reference, const cv::Mat& candidate,
                          const cv::Mat& mask)
{
    return measure(reference, candidate, mask);
}

std::vector<Minutia> candidateMinutiae(const PrintReference& reference, const cv::Mat& candidate)
{
    requireGray8(reference.image, "clean image");
    requireGray8(candidate, "candidate image");
    requireSize(candidate, reference.image.size(), "candidate image");
    const cv::Mat print = binaryMask(reference.foreground, candidate.size(), "foreground", 255);
    return extractMinutiae(candidate, print, ridgeFields(candidate, print).orientation,
                           MinutiaeOptions{});
}

PrintMetrics measurePrint(const cv::Mat& clean, const cv::Mat& candidate, const cv::Mat& mask,
                          const cv::Mat& foreground, const std::vector<Minutia>* cleanMinutiae)
{
    // Check the candidate before the clean print's (costly) fields are computed.
    requireGray8(candidate, "candidate image");
    requireGray8(clean, "clean image");
    requireSize(candidate, clean.size(), "candidate image");
    PrintReference reference = referenceFields(clean, foreground);
    reference.minutiae = cleanMinutiae ? *cleanMinutiae
                                       : extractMinutiae(clean, reference.foreground,
                                                         reference.orientation, MinutiaeOptions{});
    return measure(reference, candidate, mask);
}

}  // namespace rw
