#pragma once
// The work behind the damage panel, run on JobRunner's worker threads, never on the GUI
// thread: the preview of a damage spec on a print, and the derived evidence item "Apply"
// adds. The parent item is only read; its pixels and hash never change.
#include "EvidenceItem.h"

#include <ridgeworks/damage/Damage.h>

#include <QString>

namespace rw {

// What the panel shows while the examiner tries settings.
struct DamagePreview {
    cv::Mat image;  // CV_8UC1, the parent's size
    cv::Mat mask;   // CV_8UC1, 255 = damaged
    QString summary;
};

DamagePreview previewDamage(const cv::Mat& gray, const DamageSpec& spec);

// The derived item: the damaged image as a new print (its own SHA-256, of its PNG encoding),
// its damage mask, and the record of how it was made from `parent`.
EvidenceItem makeDamagedItem(const EvidenceItem& parent, const DamageSpec& spec);

// "obliteration medium, seed 7": the words the list and captions use.
QString damageLabel(DamageKind kind, DamageLevel level, std::uint64_t seed);
// "Obliteration", "Central rotation", "Z-cut", "Drawn mask", ...: for the kind chooser.
QString damageKindTitle(DamageKind kind);
// The derived item's identity: applying the same damage twice opens it once.
QString damagedItemKey(const QString& parentKey, const DamageSpec& spec);

}  // namespace rw
