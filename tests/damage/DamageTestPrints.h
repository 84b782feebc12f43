#pragma once
// Synthetic prints shared by the damage suites (generating is the slow part).
#include "CachedSyntheticPrint.h"

namespace rw::test {

inline const rw::SyntheticPrint& damageTestPrint(std::uint64_t seed)
{
    return cachedSyntheticPrint(seed, 256, 256);
}

}  // namespace rw::test
