#pragma once
// Work inside a case: damage and reconstruction recorded as derived items with everything
// needed to make them again, and the replay that checks they come out bit for bit the same.
// Above core/casefile (which knows nothing of damage or models) and core/reconstruct.
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <filesystem>
#include <string>
#include <vector>

namespace rw {

// Damages an image item (evidence or derived) with `spec` (its ppi is taken from the item)
// and records the damaged print and its mask as a "damage" item. Examiner masks are not a
// damage kind here. Throws rw::Error; the case is unchanged then.
const DerivedItem& damageInCase(Case& c, const std::string& itemId, const DamageSpec& spec,
                                const std::string& examiner);

struct CaseReconstructionRequest {
    std::string itemId;  // the print to reconstruct (evidence or derived image)
    // Where the damage mask comes from: an item whose mask file is used (a "damage" item's
    // mask, or a "mask" item), "detect" (the detector), or empty: the item's own mask when it
    // is a "damage" item, else none (full mode only).
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

struct ReplayVerdict {
    std::string itemId;
    bool replayable = false;  // an operation this program can run again
    bool reproduced = false;  // every file came out with its recorded SHA-256
    std::string detail;
};

// Runs every recorded damage and reconstruction again from its recorded parents and
// parameters and compares the bytes with the recorded hashes. One verdict per derived item.
std::vector<ReplayVerdict> replayDerivedItems(const Case& c, const CancelToken& cancel = {});

}  // namespace rw
