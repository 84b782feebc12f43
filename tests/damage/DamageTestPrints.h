#pragma once
// Synthetic prints shared by the damage suites (generating is the slow part).
#include "ridgeworks/synth/SyntheticPrint.h"

#include <map>

namespace rw::test {

inline const rw::SyntheticPrint& damageTestPrint(std::uint64_t seed)
{
    static std::map<std::uint64_t, rw::SyntheticPrint> cache;
    auto it = cache.find(seed);
    if (it == cache.end()) {
        rw::SynthOptions options;
        options.seed = seed;
        options.width = 256;
        options.height = 256;
        it = cache.emplace(seed, rw::generateSyntheticPrint(options)).first;
    }
    return it->second;
}

}  // namespace rw::test
