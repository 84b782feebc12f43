// Classical baselines: what a model must beat. OpenCV's inpainting (photo module) fills the
// mask from its rim; Telea by fast marching, Navier–Stokes by propagating isophotes.
#include "ridgeworks/metrics/Baselines.h"

#include "MetricsInput.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/inpaint/RidgeContinuation.h"
#include "ridgeworks/inpaint/SmoothFill.h"

#include <opencv2/photo.hpp>

#include <cmath>

namespace rw {

const char* toString(Baseline baseline)
{
    switch (baseline) {
    case Baseline::Identity: return "identity";
    case Baseline::Telea: return "telea";
    case Baseline::NavierStokes: return "navier-stokes";
    case Baseline::RidgeContinuation: return "ridge-continuation";
    }
    return "unknown";
}

std::optional<Baseline> baselineFromString(const std::string& name)
{
    for (Baseline b : allBaselines())
        if (name == toString(b))
            return b;
    return std::nullopt;
}

std::vector<Baseline> allBaselines()
{
    return {Baseline::Identity, Baseline::Telea, Baseline::NavierStokes,
            Baseline::RidgeContinuation};
}

cv::Mat applyBaseline(Baseline baseline, const cv::Mat& damaged, const cv::Mat& mask, double radius)
{
    metrics_detail::requireGray8(damaged, "damaged image");
    const cv::Mat fill = metrics_detail::binaryMask(mask, damaged.size(), "damage mask", 0);
    if (!(radius > 0.0) || !std::isfinite(radius))
        throw Error(ErrorKind::InvalidArgument, "inpainting radius must be positive");

    if (baseline != Baseline::Identity && baseline != Baseline::Telea &&
        baseline != Baseline::NavierStokes && baseline != Baseline::RidgeContinuation)
        throw Error(ErrorKind::InvalidArgument, "unknown baseline");
    if (baseline == Baseline::Identity || cv::countNonZero(fill) == 0)
        return damaged.clone();

    if (baseline == Baseline::RidgeContinuation) {
        // The period measured the way reconstruction measures it, so that on small,
        // low-resolution prints the baseline fills at the print's period as the network does.
        RidgeContinuationOptions options;
        options.ridgePeriod =
            estimateDamagedPrintRidgePeriod(damaged, segmentForeground(damaged), fill);
        if (options.ridgePeriod > 0.0)
            return continueRidges(damaged, fill, options);  // outside the mask bit-identical
        // No period: no ridges at a guessed spacing, the smooth fill (as the method does).
        cv::Mat smooth;
        smoothFill(damaged, fill, 0.0).convertTo(smooth, CV_8UC1, 255.0);
        return smooth;
    }

    cv::Mat result;
    const int method = baseline == Baseline::Telea ? cv::INPAINT_TELEA : cv::INPAINT_NS;
    cv::inpaint(damaged, fill, result, radius, method);
    // Outside the mask the evidence is untouched, whatever the inpainting does at the rim.
    damaged.copyTo(result, ~fill);
    return result;
}

}  // namespace rw
