// Building one training example from the cache: on-the-fly damage and SOCOFing pair masks.
#include "Appearance.h"
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

TrainingExample damagedExample(const CachedPrint& source, const DataConfig& config,
                               std::uint64_t seed)
{
    // The look first (its own stream: the damage draws below are those of the plain run),
    // then the damage on the print as the sensor would show it.
    CachedPrint looked;
    std::string lookSummary;
    if (usesSensorLooks(config.appearance)) {
        const SensorLook look =
            drawSensorLook(source, deriveSeed({seed, kStreamAppearance}), config.appearance);
        looked = withSensorLook(source, look);
        lookSummary.append(" ").append(look.summary());
    }
    const CachedPrint& print = lookSummary.empty() ? source : looked;

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
                          " seed " + std::to_string(spec.seed) + lookSummary;
    example.damaged = prepareHoleInput(config.holeFill, example.damaged, example.mask);
    return example;
}

TrainingExample alteredPairExample(const CachedPrint& real, const cv::Mat& altered,
                                   const std::string& name, const DataConfig& config,
                                   std::uint64_t seed)
{
    TrainingExample example;
    const cv::Mat mask = alteredPairMask(real.image, altered);
    SensorLook look;  // plain
    if (usesSensorLooks(config.appearance))
        look = drawSensorLook(real, deriveSeed({seed, kStreamAppearance}), config.appearance);
    if (look.plain) {  // the pair as it is (outside the mask within kPairDiffThreshold)
        example.clean = toUnitFloat(real.image);
        example.damaged = toUnitFloat(altered);
        mask.convertTo(example.mask, CV_32FC1, 1.0 / 255.0);
        example.description = name + " SOCOFing altered";
        if (usesSensorLooks(config.appearance))
            example.description.append(" ").append(look.summary());
        example.damaged = prepareHoleInput(config.holeFill, example.damaged, example.mask);
        return example;
    }
    // The same look on both prints: the same zoom, fields and noise. Blur and JPEG carry the
    // alteration a pixel or two beyond the mask, so the damaged image is put together from
    // the altered print inside the (zoomed) mask and the clean print outside it: there the
    // two are now equal, pixel for pixel.
    const cv::Mat clean = renderSensorLook(real.image, look);
    const cv::Mat zoomedMask = transformSensorMask(mask, look, false);
    cv::Mat damaged = clean.clone();
    renderSensorLook(altered, look).copyTo(damaged, zoomedMask);
    example.clean = toUnitFloat(clean);
    example.damaged = toUnitFloat(damaged);
    zoomedMask.convertTo(example.mask, CV_32FC1, 1.0 / 255.0);
    example.description = name + " SOCOFing altered " + look.summary();
    example.damaged = prepareHoleInput(config.holeFill, example.damaged, example.mask);
    return example;
}

void measureForAppearance(CachedPrint& print, const DataConfig& config)
{
    if (usesSensorLooks(config.appearance))
        print.period = measureRidgePeriod(print.image, print.foreground);
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
    summary.appearance = toString(config.appearance);
    summary.holeFill = toString(config.holeFill);
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
