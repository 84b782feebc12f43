// ridgeworks-cli bench: training/inference throughput per model, single-image latency, the
// data pipeline's end-to-end rate and memory across epochs. Prints one JSON document.
#include "CliCancellation.h"
#include "Commands.h"
#include "NetworkOptions.h"
#include "ShippedModels.h"
#include "TerminalProgress.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/ComputeSettings.h"
#include "ridgeworks/model/ModelCatalog.h"
#include "ridgeworks/reconstruct/ReconstructionBench.h"
#include "ridgeworks/train/Benchmark.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace rw::cli {
namespace {

struct BenchArgs {
    std::string models = "seed-autoencoder,unet-inpaint,damage-detector";
    int batch = 32;
    int steps = 20;
    int threads = 0;
    std::string precision = "auto";
    std::string memoryLayout = "auto";
    std::string data;
    int pipelineEpochs = 3;
    std::string suite = "training";
    std::string seedModel;
    std::string unetModel;
    std::string folder;
    int folderPrints = 1000;
    int augmentations = 1;
    NetworkOptionArgs network;
};

std::filesystem::path shippedModel(const std::string& given, const char* name)
{
    return resolveModelArgument(given.empty() ? std::string(name) : given);
}

int runReconstructionSuite(const BenchArgs& args)
{
    applyThreadCount(args.threads);
    ReconstructionBenchConfig config;
    config.seedAutoencoder = shippedModel(args.seedModel, "seed-autoencoder");
    config.unetInpaint = shippedModel(args.unetModel, "unet-inpaint");
    config.folder = args.folder;
    config.folderPrints = args.folderPrints;
    config.augmentations = args.augmentations;
    ReconstructionOptions network;
    applyNetworkOptions(args.network, network);
    config.refinements = network.refinements;
    config.regrowth = network.regrowth;
    config.settling = network.settling;
    config.turnBackRotation = network.turnBackRotation;
    config.slideBackFlaps = network.slideBackFlaps;
    config.swapBackFlaps = network.swapBackFlaps;
    TerminalProgress progress("bench");
    const ReconstructionBenchResult result =
        runReconstructionBench(config, progress.asSink(), interruptToken());
    progress.finish();
    std::cout << result.toJson() << '\n';
    return 0;
}

int runBench(const BenchArgs& args)
{
    if (args.suite == "reconstruction")
        return runReconstructionSuite(args);
    if (args.suite != "training")
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --suite '" + args.suite + "' (training, reconstruction)");
    BenchConfig config;
    config.models.clear();
    std::stringstream list(args.models);
    std::string name;
    while (std::getline(list, name, ',')) {
        if (name.empty())
            continue;
        const auto arch = architectureFromString(name);
        if (!arch)
            throw Error(ErrorKind::InvalidArgument, "unknown model '" + name + "' in --models");
        config.models.push_back(*arch);
    }
    config.batchSize = args.batch;
    config.steps = args.steps;
    config.threads = args.threads;
    if (!precisionFromString(args.precision, config.precision))
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --precision '" + args.precision + "' (auto, fp32, bf16)");
    if (!memoryLayoutFromString(args.memoryLayout, config.memoryLayout))
        throw Error(ErrorKind::InvalidArgument, "unknown --memory-layout '" + args.memoryLayout +
                                                    "' (auto, channels-last, contiguous)");
    config.pipelineData = args.data;
    config.pipelineEpochs = args.pipelineEpochs;
    TerminalProgress progress("bench");
    const BenchResult result = runBenchmark(config, progress.asSink(), interruptToken());
    progress.finish();
    std::cout << result.toJson() << '\n';
    return 0;
}

}  // namespace

void addBenchCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<BenchArgs>();
    CLI::App* cmd = app.add_subcommand("bench", "Measure training and inference speed");
    cmd->add_option("--suite", args->suite,
                    "training (models, pipeline, memory) or reconstruction (latency, tiled "
                    "print, folder end to end)")
        ->capture_default_str();
    cmd->add_option("--models", args->models, "Comma-separated models")->capture_default_str();
    cmd->add_option("--seed-model", args->seedModel,
                    "reconstruction: seed-autoencoder checkpoint (default: the shipped one)");
    cmd->add_option("--unet-model", args->unetModel,
                    "reconstruction: unet-inpaint checkpoint (default: the shipped one)");
    cmd->add_option("--folder", args->folder,
                    "reconstruction: read this folder's prints instead of synthetic 96x103 ones");
    cmd->add_option("--folder-prints", args->folderPrints,
                    "reconstruction: prints in the folder run")
        ->capture_default_str();
    cmd->add_option("--augment", args->augmentations, "reconstruction: test-time passes")
        ->capture_default_str();
    addNetworkOptions(*cmd, args->network, "reconstruction, U-Net: ");
    cmd->add_option("--batch,-b", args->batch, "Batch size")->capture_default_str();
    cmd->add_option("--steps", args->steps, "Timed steps per measurement")->capture_default_str();
    cmd->add_option("--threads", args->threads, "Compute threads (0 = one per CPU thread)")
        ->capture_default_str();
    cmd->add_option("--precision", args->precision, "auto, fp32 or bf16")->capture_default_str();
    cmd->add_option("--memory-layout", args->memoryLayout,
                    "auto (channels-last on AVX-512 CPUs), channels-last or contiguous")
        ->capture_default_str();
    cmd->add_option("--data", args->data,
                    "Pipeline data: folder:DIR or socofing:DIR (default: synthetic prints "
                    "written to a temporary folder)");
    cmd->add_option("--pipeline-epochs", args->pipelineEpochs,
                    "Epochs of the end-to-end measurement (0 = skip)")
        ->capture_default_str();
    cmd->callback([args, &exitCode] { exitCode = runBench(*args); });
}

}  // namespace rw::cli
