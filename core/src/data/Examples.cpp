// Building one training example from the cache: on-the-fly damage and SOCOFing pair masks.
#include "DataInternal.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Random.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace rw::data {

cv::Mat toUnitFloat(const cv::Mat& gray)
{
    cv::Mat out;
    gray.convertTo(out, CV_32FC1, 1.0 / 255.0);
    return out;
}

TrainingExample damagedExample(const CachedPrint& print, const DataConfig& config,
                               std::uint64_t seed)
{
    Rng rng(seed);
    DamageSpec spec;
    spec.kind = config.damageKinds[static_cast<std::size_t>(
        rng.uniformInt(0, static_cast<int>(config.damageKinds.size()) - 1))];
    spec.level = config.damageLevels[static_cast<std::size_t>(
        rng.uniformInt(0, static_cast<int>(config.damageLevels.size()) - 1))];
    spec.seed = rng.nextU64() >> 1;  // positive as a signed number too (JSON, logs)
    spec.ppi = print.ppi;
    const DamagedPrint damaged = applyDamage(print.image, print.foreground, spec);

    TrainingExample example;
    example.clean = toUnitFloat(print.image);
    example.damaged = toUnitFloat(damaged.image);
    damaged.mask.convertTo(example.mask, CV_32FC1, 1.0 / 255.0);
    example.description = print.name + " " + toString(spec.kind) + ":" + toString(spec.level) +
                          " seed " + std::to_string(spec.seed);
    return example;
}

cv::Mat alteredPairMask(const cv::Mat& real, const cv::Mat& altered)
{
    cv::Mat diff;
    cv::absdiff(real, altered, diff);
    cv::Mat mask = diff > kPairDiffThreshold;
    // Inside an altered region some pixels match the real print by chance (a rotated ridge
    // crossing the original one): a 5×5 closing fills those holes, then one pixel of dilation
    // covers the region's edge, where the difference fades below the threshold.
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
    cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    return mask;
}

void recordCommonSettings(const DataConfig& config, DataSummary& summary)
{
    summary.imageSize = config.imageSize;
    summary.seed = config.seed;
    for (const DamageKind kind : config.damageKinds)
        summary.damageKinds.emplace_back(toString(kind));
    for (const DamageLevel level : config.damageLevels)
        summary.damageLevels.emplace_back(toString(level));
}

void validateConfig(const DataConfig& config)
{
    if (config.imageSize < 32 || config.imageSize > 1024)
        throw Error(ErrorKind::InvalidArgument,
                    "image size must be 32..1024, got " + std::to_string(config.imageSize));
    if (!(config.validationFraction > 0.0 && config.validationFraction < 1.0))
        throw Error(ErrorKind::InvalidArgument,
                    "validation fraction must be between 0 and 1 (exclusive), got " +
                        std::to_string(config.validationFraction));
    if (config.damageKinds.empty())
        throw Error(ErrorKind::InvalidArgument, "no damage kinds to train on");
    if (config.damageLevels.empty())
        throw Error(ErrorKind::InvalidArgument, "no damage levels to train on");
    for (const DamageKind kind : config.damageKinds)
        if (kind == DamageKind::Mask)
            throw Error(ErrorKind::InvalidArgument,
                        "damage kind \"mask\" needs an examiner's mask; it cannot be drawn at "
                        "random for training");
    for (const DamageLevel level : config.damageLevels)
        if (level == DamageLevel::Custom)
            throw Error(ErrorKind::InvalidArgument,
                        "damage level \"custom\" cannot be used for training; use easy, medium "
                        "or hard");
    if (config.source.kind == DataSourceKind::Synthetic &&
        (config.syntheticCount < 1 || config.syntheticValidationCount < 1))
        throw Error(ErrorKind::InvalidArgument,
                    "synthetic prints per epoch and validation prints must be at least 1");
}

}  // namespace rw::data
