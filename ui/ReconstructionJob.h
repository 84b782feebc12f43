#pragma once
// The work behind Reconstruct, run on JobRunner's worker thread, never on the GUI thread:
// load the chosen model (and the damage detector, when the mask is to be detected), run
// core's reconstruct() on the selected print and wrap the result as a derived evidence item.
// The classical ridge continuation is chosen like a model but has no file: its "path" is
// core's kRidgeContinuationMethod. The parent item is only read; its pixels and hash never
// change.
#include "EvidenceItem.h"

#include <ridgeworks/common/Progress.h>
#include <ridgeworks/reconstruct/Reconstruction.h>

#include <QString>

namespace rw {

// Where the damage mask of a reconstruction comes from.
enum class MaskSource {
    Drawn,   // the mask drawn in the mask editor on the selected print
    Damage,  // the mask of what the damage altered (the selected print is a damaged copy)
    Detect,  // predicted by a damage-detector model at a threshold
};

QString toString(MaskSource source);         // "drawn", "damage", "detect"
QString maskSourceTitle(MaskSource source);  // "Drawn mask", "Damage mask", "Detect"

struct ReconstructionRequest {
    QString modelPath;  // a checkpoint file, or kRidgeContinuationMethod (no network)
    ReconstructionMode mode = ReconstructionMode::Selective;
    MaskSource maskSource = MaskSource::Drawn;
    cv::Mat mask;          // CV_8UC1, the print's size: the drawn or damage mask; empty for Detect
    QString detectorPath;  // Detect only
    double threshold = 0.5;  // Detect only
    // Inpainting networks only: the share of the estimate that ridges regrown from the rim
    // along the network's orientation make up (core's ReconstructionOptions::regrowth).
    double regrowth = ReconstructionOptions{}.regrowth;
    // Inpainting networks only: passes of ridge settling over the estimate (core's
    // ReconstructionOptions::settling); 0 = off.
    int settling = ReconstructionOptions{}.settling;
    // Inpainting networks only: turn back a patch turned in place (core's
    // ReconstructionOptions::turnBackRotation).
    bool turnBack = ReconstructionOptions{}.turnBackRotation;
    // Inpainting networks only: slide back a z-cut's flaps (core's
    // ReconstructionOptions::slideBackFlaps).
    bool slideBack = ReconstructionOptions{}.slideBackFlaps;
    // Inpainting networks only: swap back a Z-plasty's flaps (core's
    // ReconstructionOptions::swapBackFlaps).
    bool swapBack = ReconstructionOptions{}.swapBackFlaps;
    // Selective mode: ridges drawn only this many ridge periods into the mask, a smooth fill
    // deeper (core's ReconstructionOptions::ridgeReach); 0 = no limit.
    double ridgeReach = ReconstructionOptions{}.ridgeReach;
};

// "reconstruction (estimate) — unet-inpaint, selective": the words the list and captions use.
QString reconstructionLabel(const QString& modelName, ReconstructionMode mode);

// The selective blend width for a mask source: 0 for the exact mask of a damaged copy, core's
// default (3 px) for drawn and detected masks, which are loose.
int featherFor(MaskSource source);

// Whether ridge regrowth and settling apply to a model of this architecture: the inpainting
// networks.
bool usesRidgeRegrowth(const QString& architecture);

// Whether `modelPath` names the classical ridge continuation rather than a checkpoint file.
bool isRidgeContinuation(const QString& modelPath);
// "ridge-continuation (classical, no network)": its name in the model chooser and in the
// record, the same words core's case records use.
QString ridgeContinuationTitle();

// Loads the models (rw::Error naming the file when one is missing or corrupt), reconstructs
// `parent`'s pixels and returns the derived item: its own SHA-256 (of its PNG encoding), the
// record of the model (name, file, SHA-256 of the checkpoint; for the ridge continuation its
// title, architecture "classical", path kRidgeContinuationMethod and no hash), mode, mask
// source and origin, threshold, and core's changed mask, confidence and damage mask.
// Cancelling stops before the next network call (rw::Error Cancelled).
EvidenceItem makeReconstructedItem(const EvidenceItem& parent, const ReconstructionRequest& request,
                                   const ProgressSink& progress, const CancelToken& cancel);

}  // namespace rw
