// reconstructByRidgeContinuation(): the damage mask found as for a network, filled by the
// classical ridge continuation, blended in selectively, with a confidence that knows how far
// the ridges were carried.
#include "ridgeworks/reconstruct/Reconstruction.h"

#include "reconstruct/Confidence.h"
#include "reconstruct/DamageMask.h"
#include "reconstruct/RidgeReach.h"
#include "reconstruct/SelectiveBlend.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/inpaint/SmoothFill.h"
#include "ridgeworks/inpaint/RidgeContinuation.h"

#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace rw {
namespace {

using namespace reconstruction;

std::string describe(const ReconstructionOptions& options, const Reconstruction& r)
{
    std::string summary = summaryStart(kRidgeContinuationMethod, options, r);
    if (r.ridgePeriod > 0.0) {
        char text[64];
        std::snprintf(text, sizeof text, ", ridge period %.1f px", r.ridgePeriod);
        summary += text;
    }
    return summary + ", no network";
}

}  // namespace

Reconstruction reconstructByRidgeContinuation(const cv::Mat& gray,
                                              const ReconstructionOptions& options,
                                              const CancelToken& cancel)
{
    checkReconstructionOptions(gray, options);
    if (options.mode != ReconstructionMode::Selective)
        throw Error(ErrorKind::InvalidArgument,
                    "ridge continuation fills the damage mask only: use selective mode");
    if (options.refinements != 0)
        throw Error(ErrorKind::InvalidArgument,
                    "refinement runs a network again on its estimate: the ridge continuation "
                    "has none");

    Reconstruction r;
    const cv::Mat foreground = segmentForeground(gray);
    findDamageMask(gray, foreground, options, true, kRidgeContinuationMethod, cancel, r);
    cancel.throwIfCancelled();  // the continuation itself runs in well under a second

    const cv::Mat undamaged = foreground & ~r.damageMask;
    RidgeContinuationOptions continuation;
    continuation.ridgePeriod = estimateDamagedPrintRidgePeriod(gray, foreground, r.damageMask);
    r.ridgePeriod = continuation.ridgePeriod;
    // Without a period no ridges are grown (they would be grown at a guessed spacing): the smooth
    // fill of the ridge reach, with no confidence, as for a network.
    const bool noRidgePeriod = r.ridgePeriod <= 0.0 && cv::countNonZero(r.damageMask) > 0;
    cv::Mat estimate;
    if (noRidgePeriod)
        estimate = smoothFill(gray, r.damageMask, 0.0);
    else
        continueRidges(gray, r.damageMask, continuation).convertTo(estimate, CV_32FC1, 1.0 / 255.0);
    // Beyond the examiner's ridge reach, a smooth fill; the confidence is that of the ridges
    // drawn, times their share.
    cv::Mat drawn = estimate, ridgeWeight = cv::Mat::ones(gray.size(), CV_32FC1);
    if (noRidgePeriod) {
        ridgeWeight.setTo(0.0f, r.damageMask);
    } else if (options.ridgeReach > 0.0) {
        ReachLimited limited =
            limitRidgeReach(estimate, gray, r.damageMask, r.ridgePeriod, options.ridgeReach);
        drawn = limited.estimate;
        ridgeWeight = limited.ridgeWeight;
    }

    const cv::Mat weights = featherWeights(r.damageMask, options.featherPixels);
    r.image = blend(gray, drawn, weights);
    r.changedMask = weights > 0.0f;

    ConfidenceInputs inputs;
    inputs.estimate = estimate;
    inputs.input = gray;
    inputs.trustedRegion = undamaged;
    inputs.probability = r.damageProbability;
    inputs.threshold = options.detectorThreshold;
    inputs.where = r.changedMask;
    const cv::Mat confidence = estimateConfidence(inputs)
                                   .mul(depthConfidence(r.damageMask, r.ridgePeriod))
                                   .mul(ridgeWeight);
    r.confidence = cv::Mat::ones(gray.size(), CV_32FC1);
    confidence.copyTo(r.confidence, r.changedMask);

    r.summary = describe(options, r);
    if (noRidgePeriod)
        r.summary += kNoRidgePeriodNote;
    return r;
}

}  // namespace rw
