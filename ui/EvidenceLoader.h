#pragma once
// The work behind "load evidence": runs on JobRunner's worker thread, never on the GUI
// thread. Reads files (folders recursively), preprocesses each print and renders the images
// the views need, so selecting an item later costs nothing.
#include "EvidenceItem.h"

#include <ridgeworks/common/Progress.h>
#include <ridgeworks/synth/SyntheticPrint.h>

#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace rw {

struct LoadOutcome {
    std::vector<EvidenceItem> items;  // in the order the paths were given, folders sorted
    QStringList problems;             // one line per file that did not load: file and reason
    int alreadyOpen = 0;              // files skipped because they are open already
    bool cancelled = false;           // stopped early; `items` holds what loaded before
};

// Loads files and folders. One bad file never stops the others: its rw::Error::what()
// (which names the file and the reason) goes to `problems`. Items whose key is in
// `openKeys` are skipped. Cancelling stops between files.
LoadOutcome loadEvidence(const QStringList& paths, const QSet<QString>& openKeys,
                         const ProgressSink& progress, const CancelToken& cancel);

// The demo set: one synthetic print per fingerprint class, 500 ppi, made on the spot.
LoadOutcome synthesizeDemoEvidence(const QSet<QString>& openKeys, const ProgressSink& progress,
                                   const CancelToken& cancel);

// Builds the item for a print: preprocessing for the model, the Working image, thumbnail.
// Preprocessing failures are recorded in the item, not thrown: the original still shows.
EvidenceItem makeEvidenceItem(Print print, const QString& name, const QString& key,
                              PpiOrigin origin);

// "demo-left-loop-seed-3": says what it is and how to make it again.
QString demoPrintName(FingerprintClass cls, std::uint64_t seed);

// The identity of a file for "already open": its absolute, cleaned path.
QString evidenceKeyForPath(const QString& path);

}  // namespace rw
