#pragma once
// How case operations write their parameters as text and read them back for a replay.
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/casefile/CaseManifest.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <map>
#include <string>

namespace rw::casework {

inline constexpr const char* kDamageOperation = "damage";
inline constexpr const char* kReconstructOperation = "reconstruct";
inline constexpr const char* kMetricsOperation = "metrics";

// How a report describes a reconstruction made by rw::reconstructByRidgeContinuation (its
// "model" parameter is kRidgeContinuationMethod, and it has no model hash).
inline constexpr const char* kRidgeContinuationDescription =
    "classical ridge continuation, no network: the ridge orientation, period and contrast are "
    "interpolated from the print's own ridges around the mask, and the ridges are grown into "
    "it pass by pass by oriented filtering (docs/inpainting.md)";

// Kind, level, seed, ppi, the custom values ("custom.<name>") and, for the record, the
// values applied ("applied.<name>").
std::map<std::string, std::string> damageParameters(const DamageSpec& spec,
                                                    const DamageParameters& applied);
DamageSpec damageSpecFrom(const DerivedItem& item);

std::map<std::string, std::string> reconstructionParameters(const ReconstructionOptions& options);
// The options recorded (everything but the mask and detector, which the replay supplies).
ReconstructionOptions reconstructionOptionsFrom(const DerivedItem& item);

// An item's damage mask: its file named "...mask.png" (a damage item's, a mask item's).
// Throws rw::Error(InvalidArgument) naming the case when the item holds none.
std::filesystem::path maskFileOf(const Case& c, const std::string& itemId);

// Exact text for a double (round-trips through std::stod).
std::string exactText(double value);

}  // namespace rw::casework
