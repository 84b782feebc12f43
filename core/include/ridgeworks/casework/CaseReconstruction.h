#pragma once
// Reconstruction inside a case, recorded as a derived item with the model's SHA-256.
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <filesystem>
#include <string>

namespace rw {

struct CaseReconstructionRequest {
    std::string itemId;  // the print to reconstruct (evidence or derived image)
    // Where the damage mask comes from: an item whose mask file is used (a "damage" item's
    // mask, or a "mask" item), "detect" (the detector), or empty: the item's own mask when it
    // is a "damage" item, else none (full mode only). "none": no mask, whatever the item.
    std::string maskFrom;
    std::filesystem::path model;
    std::filesystem::path detector;  // needed for "detect"
    ReconstructionOptions options;   // mode, feather, passes, tiles, threshold (mask ignored)
    std::string examiner;
};

// Reconstructs and records the reconstruction, its changed-pixel mask and its confidence map
// as a "reconstruction" item with the model's (and detector's) SHA-256.
const DerivedItem& reconstructInCase(Case& c, const CaseReconstructionRequest& request,
                                     const CancelToken& cancel = {});

}  // namespace rw
