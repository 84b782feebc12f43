#include "DamagedEvidence.h"

#include "EvidenceLoader.h"

#include <ridgeworks/common/Sha256.h>
#include <ridgeworks/image/ImageWriter.h>

#include <span>

namespace rw {

namespace {

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

QString damageKindTitle(DamageKind kind)
{
    switch (kind) {
    case DamageKind::Obliteration: return QStringLiteral("Obliteration (scars, erased ridges)");
    case DamageKind::Rotation: return QStringLiteral("Central rotation");
    case DamageKind::ZCut: return QStringLiteral("Z-cut");
    case DamageKind::ZPlasty: return QStringLiteral("Z-plasty (flaps transposed)");
    case DamageKind::Mask: return QStringLiteral("Drawn mask (blanked)");
    case DamageKind::Blur: return QStringLiteral("Blur");
    case DamageKind::Contrast: return QStringLiteral("Brightness / contrast");
    case DamageKind::Elastic: return QStringLiteral("Elastic distortion");
    case DamageKind::Scratch: return QStringLiteral("Scratches");
    case DamageKind::Occlusion: return QStringLiteral("Occlusion");
    case DamageKind::Background: return QStringLiteral("Background clutter");
    }
    return QString::fromUtf8(toString(kind));
}

QString damageLabel(DamageKind kind, DamageLevel level, std::uint64_t seed)
{
    return QString::fromUtf8(toString(kind)) + u' ' + QString::fromUtf8(toString(level)) +
           QStringLiteral(", seed ") + QString::number(seed);
}

QString damagedItemKey(const QString& parentKey, const DamageSpec& spec)
{
    QString key = parentKey + QStringLiteral("#damage:") + QString::fromUtf8(toString(spec.kind)) +
                  u':' + QString::fromUtf8(toString(spec.level)) + u':' +
                  QString::number(spec.seed);
    // A drawn mask is part of the recipe: another mask is another item.
    if (spec.kind == DamageKind::Mask && !spec.userMask.empty()) {
        const cv::Mat mask = spec.userMask.isContinuous() ? spec.userMask : spec.userMask.clone();
        key += u':' +
               fromUtf8(sha256Hex(std::span<const std::uint8_t>(mask.data, mask.total()))).left(16);
    }
    return key;
}

DamagePreview previewDamage(const cv::Mat& gray, const DamageSpec& spec)
{
    DamagedPrint damaged = applyDamage(gray, cv::Mat(), spec);
    return {std::move(damaged.image), std::move(damaged.mask), fromUtf8(damaged.summary)};
}

EvidenceItem makeDamagedItem(const EvidenceItem& parent, const DamageSpec& spec)
{
    DamagedPrint damaged = applyDamage(parent.print.pixels, cv::Mat(), spec);

    Print print = derivedPrint(parent, damaged.image);

    const QString label = damageLabel(spec.kind, spec.level, spec.seed);
    EvidenceItem item =
        makeEvidenceItem(std::move(print), parent.name + QStringLiteral(" · ") + label,
                         damagedItemKey(parent.key, spec), parent.ppiOrigin);
    item.statedPpi = parent.statedPpi;

    Derivation derivation = derivationFrom(parent, QStringLiteral("damage"), label);
    derivation.kind = spec.kind;
    derivation.level = spec.level;
    derivation.seed = spec.seed;
    derivation.parameters = std::move(damaged.applied);
    derivation.summary = fromUtf8(damaged.summary);
    derivation.mask = std::move(damaged.mask);
    item.derivation = std::move(derivation);
    return item;
}

}  // namespace rw
