#pragma once
// `--param NAME=NUMBER` values of a custom damage level, shared by `damage` and `case damage`.
#include "ridgeworks/damage/Damage.h"

#include <string>
#include <vector>

namespace rw::cli {

// Throws rw::Error(InvalidArgument) naming the malformed entry.
DamageParameters parseDamageParams(const std::vector<std::string>& params);

}  // namespace rw::cli
