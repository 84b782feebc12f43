#include "ReconstructionJob.h"

#include "EvidenceLoader.h"
#include "FilePaths.h"

#include <ridgeworks/common/Sha256.h>
#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/model/Checkpoint.h>
#include <ridgeworks/model/Model.h>

#include <optional>
#include <span>

namespace rw {

namespace {

// The regrowth share reconstructions had by default before ridge settling (0.4.0): their keys
// carry no recipe suffix.
constexpr double kRegrowthBeforeSettling = 0.5;

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

void step(const ProgressSink& progress, std::size_t done, const char* message)
{
    report(progress, ProgressEvent{done, 4, message, {}});
}

QString maskDigest(const cv::Mat& mask)
{
    if (mask.empty())
        return QStringLiteral("none");
    const cv::Mat dense = mask.isContinuous() ? mask : mask.clone();
    return fromUtf8(sha256Hex(std::span<const std::uint8_t>(dense.data, dense.total()))).left(16);
}

}  // namespace

QString toString(MaskSource source)
{
    switch (source) {
    case MaskSource::Drawn: return QStringLiteral("drawn");
    case MaskSource::Damage: return QStringLiteral("damage");
    case MaskSource::Detect: return QStringLiteral("detect");
    }
    return {};
}

QString maskSourceTitle(MaskSource source)
{
    switch (source) {
    case MaskSource::Drawn: return QStringLiteral("Drawn mask");
    case MaskSource::Damage: return QStringLiteral("Damage mask");
    case MaskSource::Detect: return QStringLiteral("Detect");
    }
    return {};
}

QString reconstructionLabel(const QString& modelName, ReconstructionMode mode)
{
    return QStringLiteral("reconstruction (estimate) — ") + modelName + QStringLiteral(", ") +
           QString::fromUtf8(toString(mode));
}

int featherFor(MaskSource source)
{
    // A damage mask is exact: it holds precisely the pixels the damage changed, so blending
    // those pixels back in at the rim only spoils the estimate (README, "Measured quality":
    // every method scores better on exact masks without a feather). Drawn and detected masks
    // are loose and keep core's default.
    return source == MaskSource::Damage ? 0 : ReconstructionOptions{}.featherPixels;
}

bool usesRidgeRegrowth(const QString& architecture)
{
    return architecture == QLatin1String(toString(Architecture::UNetInpaint));
}

bool isRidgeContinuation(const QString& modelPath)
{
    return modelPath == QLatin1String(kRidgeContinuationMethod);
}

QString ridgeContinuationTitle()
{
    return QString::fromUtf8(kRidgeContinuationTitle);
}

EvidenceItem makeReconstructedItem(const EvidenceItem& parent, const ReconstructionRequest& request,
                                   const ProgressSink& progress, const CancelToken& cancel)
{
    // The classical method is named, not loaded: there is no file and no checkpoint to hash.
    std::optional<Model> model;
    std::string modelSha;
    if (!isRidgeContinuation(request.modelPath)) {
        step(progress, 0, "Loading the model");
        const std::filesystem::path modelPath = toFsPath(request.modelPath);
        model = Model::load(modelPath);  // rw::Error names the file
        modelSha = checkpointSha256(modelPath);
        cancel.throwIfCancelled();
    }

    std::optional<Model> detector;
    std::string detectorSha;
    ReconstructionOptions options;
    options.mode = request.mode;
    if (request.maskSource == MaskSource::Detect) {
        step(progress, 1, "Loading the damage detector");
        const std::filesystem::path detectorPath = toFsPath(request.detectorPath);
        detector = Model::load(detectorPath);
        detectorSha = checkpointSha256(detectorPath);
        options.detector = &*detector;
        options.detectorThreshold = request.threshold;
        cancel.throwIfCancelled();
    } else {
        options.mask = request.mask;
    }
    options.featherPixels = featherFor(request.maskSource);
    const QString architecture = model ? QString::fromUtf8(toString(model->spec().architecture))
                                       : QStringLiteral("classical");
    // Only what the reconstruction used is recorded: other models ignore regrowth and settling.
    options.regrowth = usesRidgeRegrowth(architecture) ? request.regrowth : 0.0;
    options.settling = usesRidgeRegrowth(architecture) ? request.settling : 0;
    options.turnBackRotation = usesRidgeRegrowth(architecture) && request.turnBack;
    options.slideBackFlaps = usesRidgeRegrowth(architecture) && request.slideBack;
    options.swapBackFlaps = usesRidgeRegrowth(architecture) && request.swapBack;
    options.ridgeReach = request.mode == ReconstructionMode::Selective ? request.ridgeReach : 0.0;

    step(progress, 2, model ? "Reconstructing" : "Continuing the ridges into the mask");
    Reconstruction result =
        reconstructWith(model ? &*model : nullptr, parent.print.pixels, options, cancel);

    step(progress, 3, "Recording the derived print");
    Print print = derivedPrint(parent, result.image);

    const QString modelName = model ? fromUtf8(model->card().name) : ridgeContinuationTitle();
    // The method's short name in the list; its full title is in the record.
    const QString label = reconstructionLabel(model ? modelName : request.modelPath, request.mode);
    // The recipe is the identity: the same model file (or method), mode and mask give the
    // same item.
    const QString method = model ? fromUtf8(modelSha).left(16) : request.modelPath;
    QString key = parent.key + QStringLiteral("#reconstruct:") + method + u':' +
                  QString::fromUtf8(toString(request.mode)) + u':' + toString(request.maskSource) +
                  u':';
    if (request.maskSource == MaskSource::Detect)
        key += fromUtf8(detectorSha).left(16) + u'@' + QString::number(request.threshold, 'f', 3);
    else
        key += maskDigest(request.mask);
    // Regrowth 0.5 without settling, the defaults before 0.4.0, keeps the keys items had then;
    // any other recipe names what differs from it.
    if (usesRidgeRegrowth(architecture)) {
        if (options.regrowth != kRegrowthBeforeSettling)
            key += QStringLiteral(":regrowth=") + QString::number(options.regrowth, 'f', 2);
        if (options.settling > 0)
            key += QStringLiteral(":settle=") + QString::number(options.settling);
        if (options.turnBackRotation)  // off keeps the keys items had before the choice
            key += QStringLiteral(":turnback");
        if (options.slideBackFlaps)  // likewise
            key += QStringLiteral(":slideback");
        if (options.swapBackFlaps)  // likewise
            key += QStringLiteral(":swapback");
    }
    if (options.ridgeReach > 0.0)  // no limit keeps the keys items had before the choice
        key += QStringLiteral(":reach=") + QString::number(options.ridgeReach, 'f', 2);

    EvidenceItem item = makeEvidenceItem(
        std::move(print), parent.name + QStringLiteral(" · ") + label, key, parent.ppiOrigin);
    item.statedPpi = parent.statedPpi;

    Derivation derivation = derivationFrom(parent, QStringLiteral("reconstruct"), label);
    derivation.summary = fromUtf8(result.summary);
    derivation.mask = result.changedMask;
    derivation.modelName = modelName;
    derivation.modelArchitecture = architecture;
    derivation.modelPath = request.modelPath;
    derivation.modelSha256 = fromUtf8(modelSha);
    derivation.mode = QString::fromUtf8(toString(request.mode));
    derivation.featherPixels =
        request.mode == ReconstructionMode::Selective ? options.featherPixels : 0;
    derivation.regrowth = options.regrowth;
    derivation.settling = options.settling;
    derivation.turnBack = options.turnBackRotation;
    derivation.slideBack = options.slideBackFlaps;
    derivation.swapBack = options.swapBackFlaps;
    derivation.ridgeReach = options.ridgeReach;
    derivation.maskSource = toString(request.maskSource);
    derivation.maskOrigin = QString::fromUtf8(toString(result.maskOrigin));
    if (detector) {
        derivation.detectorName = fromUtf8(detector->card().name);
        derivation.detectorPath = request.detectorPath;
        derivation.detectorSha256 = fromUtf8(detectorSha);
        derivation.detectorThreshold = request.threshold;
    }
    derivation.changedMask = std::move(result.changedMask);
    derivation.confidence = std::move(result.confidence);
    derivation.damageMask = std::move(result.damageMask);
    derivation.damageProbability = std::move(result.damageProbability);
    item.derivation = std::move(derivation);
    step(progress, 4, "Done");
    return item;
}

}  // namespace rw
