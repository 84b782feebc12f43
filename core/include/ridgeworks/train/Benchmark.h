#pragma once
// `ridgeworks-cli bench`: training and inference throughput of each model at a batch size,
// single-image latency, the data pipeline's end-to-end rate, and memory across epochs.
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/model/ComputeSettings.h"
#include "ridgeworks/model/ModelSpec.h"

#include <string>
#include <vector>

namespace rw {

struct BenchConfig {
    std::vector<Architecture> models{Architecture::SeedAutoencoder, Architecture::UNetInpaint,
                                     Architecture::DamageDetector};
    int batchSize = 32;
    int steps = 20;  // timed steps after warm-up
    int warmup = 3;
    int threads = 0;
    Precision precision = Precision::Auto;
    MemoryLayout memoryLayout = MemoryLayout::Auto;
    std::string pipelineData;  // "folder:DIR" etc.; empty = synthetic prints made up front
    int pipelineEpochs = 3;    // epochs for the end-to-end and memory measurement
};

struct ModelBench {
    Architecture architecture;
    std::string precision;
    double trainImagesPerSecond = 0.0;
    double inferImagesPerSecond = 0.0;
    double latencyMs = 0.0;  // one image, inference
    std::size_t parameters = 0;
};

struct PipelineBench {
    std::string data;
    double computeImagesPerSecond = 0.0;   // training on a fixed batch (no data work)
    double endToEndImagesPerSecond = 0.0;  // training fed by the loader (damage on the fly)
    std::vector<double> residentMbAfterEpoch;
};

struct BenchResult {
    int threads = 0;
    std::string allocator;
    std::string cpu;
    std::string torchVersion;
    int batch = 0;
    std::string memoryLayout;  // as resolved
    std::vector<ModelBench> models;
    PipelineBench pipeline;  // seed-autoencoder

    std::string toJson() const;
};

BenchResult runBenchmark(const BenchConfig& config, const ProgressSink& progress = {},
                         const CancelToken& cancel = {});

}  // namespace rw
