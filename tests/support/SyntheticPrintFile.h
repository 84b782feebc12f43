#pragma once
// A synthetic print written as a 500 ppi PNG: the evidence file of tests that need one.
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <cstdint>
#include <filesystem>

namespace rw::test {

inline void writeSyntheticPrint(const std::filesystem::path& file, int width, int height,
                                std::uint64_t seed)
{
    SynthOptions options;
    options.width = width;
    options.height = height;
    options.seed = seed;
    saveImage(file, generateSyntheticPrint(options).image, 500.0);
}

}  // namespace rw::test
