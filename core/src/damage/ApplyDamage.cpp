// applyDamage: validates the request, runs the kind, confines the result to the foreground and
// derives the mask, so that outside the mask the output is bit-identical to the input.
#include "DamageInternal.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/image/ImageLoader.h"

#include <opencv2/imgproc.hpp>

#include <cstdio>

namespace rw {
namespace {

using damage::DamageInput;
using damage::DamageResult;

DamageResult run(DamageKind kind, const DamageInput& in, Rng& rng)
{
    switch (kind) {
    case DamageKind::Obliteration: return damage::obliterate(in, rng);
    case DamageKind::Rotation: return damage::rotateCentre(in, rng);
    case DamageKind::ZCut: return damage::zCut(in, rng);
    case DamageKind::ZPlasty: return damage::zPlasty(in, rng);
    case DamageKind::Mask: return damage::blankUserMask(in, rng);
    case DamageKind::Blur: return damage::blur(in, rng);
    case DamageKind::Contrast: return damage::changeContrast(in, rng);
    case DamageKind::Elastic: return damage::elasticDistort(in, rng);
    case DamageKind::Scratch: return damage::scratch(in, rng);
    case DamageKind::Occlusion: return damage::occlude(in, rng);
    case DamageKind::Background: return damage::addClutter(in, rng);
    }
    throw Error(ErrorKind::InvalidArgument, "unknown damage kind");
}

}  // namespace

DamagedPrint applyDamage(const cv::Mat& gray, const cv::Mat& foreground, const DamageSpec& spec)
{
    const std::string kindName = toString(spec.kind);
    if (gray.empty() || gray.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, kindName + ": the print must be 8-bit gray");
    if (!foreground.empty() && (foreground.size() != gray.size() || foreground.type() != CV_8UC1))
        throw Error(ErrorKind::InvalidArgument,
                    kindName + ": the foreground mask must be 8-bit and the size of the print");
    if (!(spec.ppi > 0.0))
        throw Error(ErrorKind::InvalidArgument, kindName + ": ppi must be positive");
    if (spec.kind == DamageKind::Mask) {
        if (spec.userMask.empty())
            throw Error(ErrorKind::InvalidArgument, "mask: no damage mask was given");
        if (spec.userMask.size() != gray.size() || spec.userMask.type() != CV_8UC1)
            throw Error(ErrorKind::InvalidArgument,
                        "mask: the damage mask is " + std::to_string(spec.userMask.cols) + "x" +
                            std::to_string(spec.userMask.rows) + ", the print " +
                            std::to_string(gray.cols) + "x" + std::to_string(gray.rows));
    }
    const DamageParameters parameters = resolveDamageParameters(spec.kind, spec.level, spec.custom);

    cv::Mat fg = foreground.empty() ? segmentForeground(gray) : (foreground != 0);
    const int fgPixels = cv::countNonZero(fg);
    if (fgPixels == 0)
        throw Error(ErrorKind::InvalidArgument, kindName + ": the print has no foreground");

    const cv::Mat userMask = spec.userMask.empty() ? cv::Mat() : (spec.userMask != 0);
    Rng rng(spec.seed);
    const DamageInput input{gray, fg, parameters, spec.ppi / 500.0, userMask};
    DamageResult result = run(spec.kind, input, rng);

    cv::Mat mask;
    if (result.region.empty())
        mask = (result.image != gray) & fg;
    else
        mask = (result.region != 0) & fg;
    DamagedPrint out;
    out.image = gray.clone();
    result.image.copyTo(out.image, mask);
    out.mask = mask;
    out.applied = parameters;
    for (const auto& [name, value] : result.drawn.values)
        out.applied.set(name, value);
    out.foreground = fg;
    out.damagedFraction = cv::countNonZero(mask) / static_cast<double>(fgPixels);
    char fraction[64];
    std::snprintf(fraction, sizeof fraction, "%.1f%% of the foreground",
                  100.0 * out.damagedFraction);
    out.summary = kindName + " " + toString(spec.level) + ": " +
                  (result.detail.empty() ? "" : result.detail + ", ") + fraction + ", seed " +
                  std::to_string(spec.seed);
    return out;
}

cv::Mat loadDamageMask(const std::string& path, cv::Size expectedSize)
{
    const Print print = loadPrint(path);
    if (print.pixels.size() != expectedSize)
        throw Error(ErrorKind::InvalidArgument,
                    "the damage mask is " + std::to_string(print.width()) + "x" +
                        std::to_string(print.height()) + ", the print " +
                        std::to_string(expectedSize.width) + "x" +
                        std::to_string(expectedSize.height),
                    path);
    cv::Mat mask = print.pixels != 0;
    return mask;
}

}  // namespace rw
