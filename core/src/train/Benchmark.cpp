#include "ridgeworks/train/Benchmark.h"

#include "model/AutocastGuard.h"
#include "model/Networks.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/data/DataSource.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/synth/SyntheticPrint.h"
#include "ridgeworks/train/Trainer.h"
#include "train/Losses.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <unistd.h>

namespace rw {
namespace {

using Clock = std::chrono::steady_clock;

template <typename Step>
double secondsFor(int steps, int warmup, Step&& step, const CancelToken& cancel)
{
    for (int i = 0; i < warmup; ++i) {
        cancel.throwIfCancelled();
        step();
    }
    const auto start = Clock::now();
    for (int i = 0; i < steps; ++i) {
        cancel.throwIfCancelled();
        step();
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct RandomBatch {
    torch::Tensor input, target, mask;
};

RandomBatch randomBatch(const ModelSpec& spec, int count)
{
    torch::manual_seed(0);
    const int64_t n = count, s = spec.inputSize;
    RandomBatch b;
    b.mask = (torch::rand({n, 1, s, s}) > 0.8).to(torch::kFloat32);
    const auto image = torch::rand({n, 1, s, s});
    b.input = spec.inputChannels() == 2 ? torch::cat({image, b.mask}, 1) : image;
    b.target =
        spec.architecture == Architecture::DamageDetector ? b.mask : torch::rand({n, 1, s, s});
    return b;
}

// One training step exactly as the trainer does it (channels-last, fused BCE on logits).
struct TrainStep {
    nets::Network network;
    torch::optim::Adam optimizer;
    LossKind loss;
    bool bf16;
    RandomBatch batch;

    TrainStep(const ModelSpec& spec, int batchSize, bool useBf16, bool channelsLast)
        : network(spec)
        , optimizer((network.setChannelsLast(channelsLast), network.module()->parameters()),
                    torch::optim::AdamOptions(1e-3))
        , loss(spec.defaultLoss())
        , bf16(useBf16)
        , batch(randomBatch(spec, batchSize))
    {
    }

    void operator()()
    {
        optimizer.zero_grad();
        torch::Tensor logits;
        {
            AutocastGuard autocast(bf16);
            logits = network.logits(batch.input);
        }
        const auto hole =
            network.spec().architecture == Architecture::UNetInpaint ? batch.mask : torch::Tensor();
        losses::trainingLoss(loss, logits.to(torch::kFloat32), batch.target, hole, 2.0).backward();
        optimizer.step();
    }
};

ModelBench benchModel(Architecture architecture, const BenchConfig& config, bool bf16,
                      bool channelsLast, const CancelToken& cancel)
{
    ModelSpec spec;
    spec.architecture = architecture;
    ModelBench result;
    result.architecture = architecture;
    result.precision = bf16 ? "bf16" : "fp32";
    TrainStep step(spec, config.batchSize, bf16, channelsLast);
    for (const auto& p : step.network.module()->parameters())
        result.parameters += static_cast<std::size_t>(p.numel());
    step.network.module()->train();
    const double trainSeconds = secondsFor(config.steps, config.warmup, step, cancel);
    result.trainImagesPerSecond = config.batchSize * config.steps / trainSeconds;

    step.network.module()->eval();
    torch::InferenceMode inference;
    AutocastGuard autocast(bf16);
    const auto input = step.batch.input;
    const double inferSeconds = secondsFor(
        config.steps, config.warmup, [&] { torch::sigmoid(step.network.logits(input)); }, cancel);
    result.inferImagesPerSecond = config.batchSize * config.steps / inferSeconds;
    const auto single = input.slice(0, 0, 1).contiguous();
    constexpr int latencyRuns = 50;
    const double latencySeconds = secondsFor(
        latencyRuns, 5, [&] { torch::sigmoid(step.network.logits(single)); }, cancel);
    result.latencyMs = 1000.0 * latencySeconds / latencyRuns;
    return result;
}

// Without --data: SOCOFing-sized synthetic prints written once to a temporary folder, so the
// pipeline measurement reads, preprocesses and damages real files as a user's folder would.
std::filesystem::path writeBenchPrints(const std::filesystem::path& dir, int count,
                                       const CancelToken& cancel)
{
    std::filesystem::create_directories(dir);
    for (int i = 0; i < count; ++i) {
        cancel.throwIfCancelled();
        SynthOptions options;
        options.width = 160;
        options.height = 176;
        options.seed = static_cast<std::uint64_t>(1000 + i);
        const SyntheticPrint print = generateSyntheticPrint(options);
        saveImage(dir / ("subject" + std::to_string(i) + ".png"), print.image, print.ppi);
    }
    return dir;
}

PipelineBench benchPipeline(const BenchConfig& config, bool bf16, bool channelsLast,
                            const ProgressSink& progress, const CancelToken& cancel)
{
    PipelineBench result;
    ModelSpec spec;  // seed autoencoder
    {
        TrainStep step(spec, config.batchSize, bf16, channelsLast);
        step.network.module()->train();
        const double seconds = secondsFor(config.steps, config.warmup, step, cancel);
        result.computeImagesPerSecond = config.batchSize * config.steps / seconds;
    }

    const auto scratch =
        std::filesystem::temp_directory_path() / ("ridgeworks-bench-" + std::to_string(::getpid()));
    struct Cleanup {
        std::filesystem::path dir;
        ~Cleanup()
        {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        }
    } cleanup{scratch};
    std::filesystem::create_directories(scratch);

    TrainConfig train;
    train.model = spec;
    train.batchSize = config.batchSize;
    train.epochs = config.pipelineEpochs;
    train.threads = config.threads;
    train.precision = bf16 ? Precision::Bf16 : Precision::Fp32;
    train.memoryLayout = channelsLast ? MemoryLayout::ChannelsLast : MemoryLayout::Contiguous;
    train.outPath = scratch / "pipeline.rwm";
    if (config.pipelineData.empty()) {
        report(progress, {0, 0, "writing 400 synthetic prints for the pipeline measurement", {}});
        writeBenchPrints(scratch / "prints", 400, cancel);
        train.data.source = {DataSourceKind::Folder, (scratch / "prints").string()};
    } else {
        train.data.source = parseDataSourceSpec(config.pipelineData);
    }
    result.data = toString(train.data.source);
    std::vector<double> rates;
    rw::train(
        train,
        [&](const TrainingProgress& p) {
            if (p.phase == TrainingProgress::Phase::Epoch) {
                result.residentMbAfterEpoch.push_back(static_cast<double>(residentBytes()) /
                                                      (1024.0 * 1024.0));
                rates.push_back(p.epochMetrics->imagesPerSecond);
                report(progress, {static_cast<std::size_t>(p.epoch),
                                  static_cast<std::size_t>(p.epochs),
                                  p.message,
                                  {}});
            }
        },
        cancel);
    // The first epoch includes the loader's warm-up and the allocator's first growth.
    double sum = 0.0;
    for (std::size_t i = rates.size() > 1 ? 1 : 0; i < rates.size(); ++i)
        sum += rates[i];
    result.endToEndImagesPerSecond =
        sum / static_cast<double>(rates.size() > 1 ? rates.size() - 1 : 1);
    return result;
}

}  // namespace

std::string BenchResult::toJson() const
{
    nlohmann::json modelsJson = nlohmann::json::array();
    for (const ModelBench& m : models)
        modelsJson.push_back({{"model", rw::toString(m.architecture)},
                              {"precision", m.precision},
                              {"parameters", m.parameters},
                              {"trainImagesPerSecond", m.trainImagesPerSecond},
                              {"inferImagesPerSecond", m.inferImagesPerSecond},
                              {"latencyMs", m.latencyMs}});
    nlohmann::json out{{"threads", threads},    {"allocator", allocator}, {"cpu", cpu},
                       {"torch", torchVersion}, {"batch", batch},         {"models", modelsJson}};
    if (pipeline.computeImagesPerSecond > 0) {
        out["pipeline"] = {{"model", "seed-autoencoder"},
                           {"data", pipeline.data},
                           {"computeImagesPerSecond", pipeline.computeImagesPerSecond},
                           {"endToEndImagesPerSecond", pipeline.endToEndImagesPerSecond},
                           {"endToEndShareOfCompute",
                            pipeline.endToEndImagesPerSecond / pipeline.computeImagesPerSecond},
                           {"residentMbAfterEpoch", pipeline.residentMbAfterEpoch}};
    }
    return out.dump(2);
}

BenchResult runBenchmark(const BenchConfig& config, const ProgressSink& progress,
                         const CancelToken& cancel)
{
    if (config.batchSize < 1 || config.steps < 1 || config.warmup < 0)
        throw Error(ErrorKind::InvalidArgument, "batch and steps must be at least 1");
    tuneGlibcMallocForTensors();
    BenchResult result;
    result.threads = applyThreadCount(config.threads);
    result.allocator = allocatorName();
    const CpuFeatures cpu = detectCpuFeatures();
    result.cpu = cpu.modelName;
    result.torchVersion = torchVersion();
    result.batch = config.batchSize;
    const bool bf16 = resolvePrecision(config.precision, cpu) == Precision::Bf16;
    const bool channelsLast = resolveChannelsLast(config.memoryLayout, cpu);
    result.memoryLayout = channelsLast ? "channels-last" : "contiguous";
    const std::size_t total = config.models.size() + (config.pipelineEpochs > 0 ? 1 : 0);
    std::size_t done = 0;
    for (Architecture architecture : config.models) {
        report(progress, {done, total, std::string("model ") + toString(architecture), {}});
        result.models.push_back(benchModel(architecture, config, bf16, channelsLast, cancel));
        ++done;
    }
    if (config.pipelineEpochs > 0) {
        report(progress, {done, total, "data pipeline (seed-autoencoder)", {}});
        result.pipeline = benchPipeline(config, bf16, channelsLast, {}, cancel);
        ++done;
    }
    report(progress, {done, total, "done", {}});
    return result;
}

}  // namespace rw
