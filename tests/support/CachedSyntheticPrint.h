#pragma once
// Synthetic prints for tests, made once per (seed, size) and program: generating is the slow
// part of most suites that need a realistic print.
#include "ridgeworks/synth/SyntheticPrint.h"

#include <map>
#include <tuple>

namespace rw::test {

inline const rw::SyntheticPrint& cachedSyntheticPrint(std::uint64_t seed, int width, int height)
{
    static std::map<std::tuple<std::uint64_t, int, int>, rw::SyntheticPrint> cache;
    const auto key = std::make_tuple(seed, width, height);
    auto it = cache.find(key);
    if (it == cache.end()) {
        rw::SynthOptions options;
        options.seed = seed;
        options.width = width;
        options.height = height;
        it = cache.emplace(key, rw::generateSyntheticPrint(options)).first;
    }
    return it->second;
}

}  // namespace rw::test
