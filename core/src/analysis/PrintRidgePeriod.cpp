// estimatePrintRidgePeriod: the spectral estimate, retried on an enlarged print when the
// ridges are too fine for it, and kept only when a finger of the region's size can have it.
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include "AnalysisInput.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace rw {
namespace {

// Plausible periods relative to the region's smaller side (see the header).
constexpr double kMostRidgesAcross = 60.0;
constexpr double kFewestRidgesAcross = 8.0;

}  // namespace

double estimatePrintRidgePeriod(const cv::Mat& gray, const cv::Mat& region)
{
    const cv::Mat image = analysis_detail::toFloatImage(gray, "ridge-period input");
    const cv::Mat usable = analysis_detail::toBinaryMask(region, image.size(), "ridge-period mask");
    const cv::Rect box = cv::boundingRect(usable);
    if (box.empty())
        return 0.0;
    const double side = std::min(box.width, box.height);
    const double shortest = side / kMostRidgesAcross, longest = side / kFewestRidgesAcross;
    for (const int factor : {1, 2, 3, 4}) {
        cv::Mat big = image, bigMask = usable;
        if (factor > 1) {
            cv::resize(image, big, {}, factor, factor, cv::INTER_CUBIC);
            cv::resize(usable, bigMask, {}, factor, factor, cv::INTER_NEAREST);
        }
        const double period = estimateRidgePeriod(big, bigMask) / factor;
        if (period >= shortest && period <= longest)
            return period;
    }
    return 0.0;
}

}  // namespace rw
