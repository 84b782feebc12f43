#pragma once
// Training configurations small enough for unit tests: a folder of a dozen small synthetic
// prints written once per test program (rendering new synthetic prints every epoch would
// dominate the test time), tiny batches, two threads.
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/synth/SyntheticPrint.h"
#include "ridgeworks/train/Trainer.h"

#include <filesystem>
#include <string>

namespace rw::test {

// Writes `count` synthetic prints, one subject each (FVC-style names "<finger>_1.png").
inline void writeTinyPrintFolder(const std::filesystem::path& folder, int count = 12)
{
    std::filesystem::create_directories(folder);
    for (int i = 0; i < count; ++i) {
        SynthOptions options;
        options.width = 128;
        options.height = 144;
        options.seed = static_cast<std::uint64_t>(300 + i);
        const SyntheticPrint print = generateSyntheticPrint(options);
        saveImage(folder / (std::to_string(101 + i) + "_1.png"), print.image, print.ppi);
    }
}

inline TrainConfig tinyTraining(Architecture architecture, const std::filesystem::path& prints,
                                const std::filesystem::path& out)
{
    TrainConfig config;
    config.model.architecture = architecture;
    config.model.inputSize = architecture == Architecture::SeedAutoencoder ? 100 : 64;
    config.data.source = {DataSourceKind::Folder, prints.string()};
    config.data.validationFraction = 0.25;
    config.data.seed = 5;
    config.epochs = 2;
    config.batchSize = 4;
    config.seed = 7;
    config.threads = 2;
    config.precision = Precision::Fp32;
    config.outPath = out;
    return config;
}

}  // namespace rw::test
