// estimatePrintRidgePeriod: the spectral estimate, retried on an enlarged print when the
// ridges are too fine for it, and kept only when a finger of the region's size can have it.
// estimateDamagedPrintRidgePeriod: the same on a damaged print, whole first.
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include "AnalysisInput.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace rw {
namespace {

// Plausible periods relative to the region's smaller side (see the header).
constexpr double kMostRidgesAcross = 60.0;
constexpr double kFewestRidgesAcross = 8.0;
// A coarser period is kept when every enlargement finds it (within kAgreement): a small crop
// of a print at 500 ppi, such as a damaged 100×100 one, shows only 7–8 ridges across its
// undamaged part. The peaks of SOCOFing's outlines and shading (12–40 px on 61–93 px regions,
// 2.3–7.2 across) move with the enlargement or come with fewer than 6 across: of 900 SOCOFing
// prints without a period, one had agreeing estimates, and it had 4.5 across.
constexpr double kFewestRidgesAcrossWhenConsistent = 6.0;
constexpr double kAgreement = 1.1;

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
    std::vector<double> periods;
    for (const int factor : {1, 2, 3, 4}) {
        cv::Mat big = image, bigMask = usable;
        if (factor > 1) {
            cv::resize(image, big, {}, factor, factor, cv::INTER_CUBIC);
            cv::resize(usable, bigMask, {}, factor, factor, cv::INTER_NEAREST);
        }
        const double period = estimateRidgePeriod(big, bigMask) / factor;
        if (period >= shortest && period <= longest)
            return period;
        periods.push_back(period);
    }
    const auto [low, high] = std::minmax_element(periods.begin(), periods.end());
    if (*low <= 0.0 || *high > *low * kAgreement || *high > side / kFewestRidgesAcrossWhenConsistent)
        return 0.0;
    return periods.front();
}

double estimateDamagedPrintRidgePeriod(const cv::Mat& gray, const cv::Mat& foreground,
                                       const cv::Mat& damage)
{
    const double whole = estimatePrintRidgePeriod(gray, foreground);
    if (whole > 0.0 || damage.empty())
        return whole;
    const cv::Mat undamaged =
        analysis_detail::toBinaryMask(foreground, gray.size(), "ridge-period foreground") &
        ~analysis_detail::toBinaryMask(damage, gray.size(), "ridge-period damage mask");
    return estimatePrintRidgePeriod(gray, undamaged);
}

}  // namespace rw
