#pragma once
// Damage inside a case, recorded as a derived item with everything needed to make it again.
// core/casework sits above core/casefile (which knows nothing of damage or models).
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/damage/Damage.h"

#include <string>

namespace rw {

// Damages an image item (evidence or derived) with `spec` (its ppi is taken from the item)
// and records the damaged print and its mask as a "damage" item. Examiner masks are not a
// damage kind here. Throws rw::Error; the case is unchanged then.
const DerivedItem& damageInCase(Case& c, const std::string& itemId, const DamageSpec& spec,
                                const std::string& examiner);

}  // namespace rw
