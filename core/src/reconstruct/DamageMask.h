#pragma once
// Steps every reconstruction method shares, whatever fills the damage: the options checked,
// the damage mask found — the one given, or the damage-detector's at its threshold — and the
// common part of the summary line.
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <string>

namespace rw::reconstruction {

// Throws rw::Error(InvalidArgument) naming the first option out of range, or a print that is
// not 8-bit gray, or a mask of the wrong type or size.
void checkReconstructionOptions(const cv::Mat& gray, const ReconstructionOptions& options);

// Sets r.damageMask, r.maskOrigin and (when the detector ran) r.damageProbability. With no
// given mask and `needsMask`, the detector predicts it inside `foreground`; without a
// detector that throws InvalidArgument, naming `method` and what the examiner can do.
void findDamageMask(const cv::Mat& gray, const cv::Mat& foreground,
                    const ReconstructionOptions& options, bool needsMask, const std::string& method,
                    const CancelToken& cancel, Reconstruction& r);

// The start of every method's one-line summary: "<method> <mode>, mask <origin>[ (threshold
// t)], x% of pixels estimated[, ridges within R ridge periods of the rim]" (from
// r.changedMask). Each method appends what only it knows.
std::string summaryStart(const std::string& method, const ReconstructionOptions& options,
                         const Reconstruction& r);

// Appended to the summary when the print shows no ridge period, so the damage got the smooth
// fill and no ridges: the examiner reads why the hole is plain.
inline constexpr const char* kNoRidgePeriodNote =
    ", no ridge period found in the print: the damage is filled smoothly, without ridges";

}  // namespace rw::reconstruction
