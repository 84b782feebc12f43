// The steps every reconstruction method shares: options checked, damage mask found.
#include "reconstruct/DamageMask.h"

#include "ridgeworks/common/Error.h"

#include <opencv2/core.hpp>

#include <cstdio>

namespace rw::reconstruction {

void checkReconstructionOptions(const cv::Mat& gray, const ReconstructionOptions& options)
{
    if (gray.empty() || gray.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "reconstruction needs an 8-bit gray print");
    if (!options.mask.empty() &&
        (options.mask.type() != CV_8UC1 || options.mask.size() != gray.size()))
        throw Error(ErrorKind::InvalidArgument,
                    "the damage mask must be 8-bit and the print's size (" +
                        std::to_string(gray.cols) + "×" + std::to_string(gray.rows) + ")");
    if (!(options.detectorThreshold > 0.0 && options.detectorThreshold < 1.0))
        throw Error(ErrorKind::InvalidArgument, "the detector threshold must lie between 0 and 1");
    if (options.augmentations != 1 && options.augmentations != 2 && options.augmentations != 4)
        throw Error(ErrorKind::InvalidArgument, "test-time augmentation takes 1, 2 or 4 passes");
    if (options.refinements < 0 || options.refinements > kMaxRefinements)
        throw Error(ErrorKind::InvalidArgument,
                    "refinement takes 0 to " + std::to_string(kMaxRefinements) + " passes");
    if (!(options.regrowth >= 0.0 && options.regrowth <= 1.0))
        throw Error(ErrorKind::InvalidArgument, "the ridge regrowth share must lie in 0..1");
    if (options.settling < 0 || options.settling > kMaxSettlingPasses)
        throw Error(ErrorKind::InvalidArgument,
                    "ridge settling takes 0 to " + std::to_string(kMaxSettlingPasses) + " passes");
    if (!(options.ridgeReach >= 0.0 && options.ridgeReach <= kMaxRidgeReach))
        throw Error(ErrorKind::InvalidArgument, "the ridge reach must lie in 0.." +
                                                    std::to_string(int(kMaxRidgeReach)) +
                                                    " ridge periods (0 = no limit)");
    if (options.ridgeReach > 0.0 && options.mode != ReconstructionMode::Selective)
        throw Error(
            ErrorKind::InvalidArgument,
            "a ridge reach limits what is drawn inside the damage mask: use selective mode");
    if (options.tileSize < 32 || options.tileSize % 8 != 0)
        throw Error(ErrorKind::InvalidArgument,
                    "the tile size must be a multiple of 8, at least 32");
    if (options.tileOverlap < 0 || options.tileOverlap > options.tileSize / 2)
        throw Error(ErrorKind::InvalidArgument, "the tile overlap must lie in 0..tileSize/2");
    if (options.featherPixels < 0 || options.batchSize < 1)
        throw Error(ErrorKind::InvalidArgument, "feather and batch size must not be negative");
}

void findDamageMask(const cv::Mat& gray, const cv::Mat& foreground,
                    const ReconstructionOptions& options, bool needsMask, const std::string& method,
                    const CancelToken& cancel, Reconstruction& r)
{
    if (!options.mask.empty()) {
        r.damageMask = options.mask != 0;
        r.maskOrigin = MaskOrigin::Given;
    } else if (needsMask) {
        if (!options.detector)
            throw Error(ErrorKind::InvalidArgument,
                        std::string(toString(options.mode)) + " reconstruction with \"" + method +
                            "\" needs a damage mask: draw one, use a damage mask, or choose a "
                            "damage-detector");
        r.damageProbability = detectDamage(gray, *options.detector, options, cancel);
        r.damageMask = (r.damageProbability >= options.detectorThreshold) & foreground;
        r.maskOrigin = MaskOrigin::Detected;
    }
}

std::string summaryStart(const std::string& method, const ReconstructionOptions& options,
                         const Reconstruction& r)
{
    char text[320];
    std::snprintf(text, sizeof text, "%s %s, mask %s", method.c_str(), toString(options.mode),
                  toString(r.maskOrigin));
    std::string summary = text;
    if (r.maskOrigin == MaskOrigin::Detected) {
        std::snprintf(text, sizeof text, " (threshold %.2f)", options.detectorThreshold);
        summary += text;
    }
    const double share = double(cv::countNonZero(r.changedMask)) / double(r.changedMask.total());
    std::snprintf(text, sizeof text, ", %.1f%% of pixels estimated", 100.0 * share);
    summary += text;
    if (options.ridgeReach > 0.0) {
        std::snprintf(text, sizeof text, ", ridges within %g ridge period%s of the rim",
                      options.ridgeReach, options.ridgeReach == 1.0 ? "" : "s");
        summary += text;
    }
    return summary;
}

}  // namespace rw::reconstruction
