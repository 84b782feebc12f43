// ridgeworks-cli reconstruct: a print or a folder through a model (or the classical ridge
// continuation, `--model ridge-continuation`), full or selective, with
// masks from files or the damage detector; writes the reconstruction, the changed-pixel mask,
// the confidence map and a JSON record per print.
#include "CliCancellation.h"
#include "Commands.h"
#include "NetworkOptions.h"
#include "RidgeReachOption.h"
#include "ShippedModels.h"
#include "TerminalProgress.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ComputeSettings.h"
#include "ridgeworks/model/Model.h"
#include "ridgeworks/reconstruct/BatchReconstruction.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>

namespace rw::cli {
namespace {

namespace fs = std::filesystem;

struct ReconstructArgs {
    std::string model;
    std::string in;
    std::string mask;  // FILE, DIR, "detect" or empty
    std::string detector;
    double threshold = 0.5;
    std::string mode = "selective";
    std::string out;
    int augmentations = 2;
    NetworkOptionArgs network;
    int feather = ReconstructionOptions{}.featherPixels;
    double reach = ReconstructionOptions{}.ridgeReach;
    int tileSize = ReconstructionOptions{}.tileSize;
    int tileOverlap = 32;
    int threads = 0;
};

int runReconstruct(const ReconstructArgs& args)
{
    const auto mode = reconstructionModeFromString(args.mode);
    if (!mode)
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --mode '" + args.mode + "' (full, selective)");
    const bool detect = args.mask == "detect";
    if (detect && args.detector.empty())
        throw Error(ErrorKind::InvalidArgument, "--mask detect needs --detector CKPT");

    ReconstructionOptions options;
    options.mode = *mode;
    options.detectorThreshold = args.threshold;
    options.augmentations = args.augmentations;
    applyNetworkOptions(args.network, options);
    options.featherPixels = args.feather;
    options.ridgeReach = args.reach;
    checkRidgeReachMode(args.reach, *mode);
    options.tileSize = args.tileSize;
    options.tileOverlap = args.tileOverlap;

    // Every input and the models are checked before any work starts.
    const std::vector<ReconstructionInput> inputs =
        listReconstructionInputs(args.in, detect ? fs::path() : fs::path(args.mask));
    applyThreadCount(args.threads);
    // The classical method has no file to load or hash; every other name is a checkpoint.
    const bool classical = args.model == kRidgeContinuationMethod;
    if (classical && *mode != ReconstructionMode::Selective)
        throw Error(ErrorKind::InvalidArgument,
                    "ridge-continuation fills the damage mask only: use --mode selective");
    checkNetworkOptionsFor(args.model, args.network);
    std::optional<Model> model;
    ModelProvenance provenance;
    if (!classical) {
        model = Model::load(args.model);
        provenance.modelPath = args.model;
        provenance.modelSha256 = checkpointSha256(args.model);
    }
    std::optional<Model> detector;
    if (!args.detector.empty()) {
        detector = Model::load(args.detector);
        options.detector = &*detector;
        provenance.detectorPath = args.detector;
        provenance.detectorSha256 = checkpointSha256(args.detector);
    }

    TerminalProgress progress("reconstruct");
    const ReconstructionBatchResult batch =
        reconstructFiles(inputs, model ? &*model : nullptr, options, provenance, args.out,
                         progress.asSink(), interruptToken());
    progress.finish();

    nlohmann::json files = nlohmann::json::array();
    nlohmann::json failed = nlohmann::json::array();
    for (const ReconstructionFileResult& f : batch.files) {
        if (!f.ok) {
            std::cerr << "ridgeworks-cli reconstruct: " << f.error << '\n';
            failed.push_back({{"input", f.input.string()}, {"error", f.error}});
            continue;
        }
        files.push_back({{"input", f.input.string()},
                         {"sha256", f.inputSha256},
                         {"image", f.image.string()},
                         {"changedMask", f.changedMask.string()},
                         {"confidence", f.confidence.string()},
                         {"damageMask", f.damageMask.string()},
                         {"record", f.record.string()},
                         {"seconds", f.seconds},
                         {"summary", f.summary}});
    }
    const nlohmann::json summary{{"model", args.model},
                                 {"method", classical ? kRidgeContinuationMethod : "network"},
                                 {"modelSha256", provenance.modelSha256},
                                 {"mode", toString(options.mode)},
                                 {"out", args.out},
                                 {"seconds", batch.seconds},
                                 {"files", files},
                                 {"failed", failed}};
    std::cout << summary.dump(2) << '\n';
    return batch.failed == 0 ? 0 : 1;
}

}  // namespace

void addReconstructCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<ReconstructArgs>();
    CLI::App* cmd = app.add_subcommand(
        "reconstruct", "Reconstruct damaged prints; write image, changed-pixel mask, confidence");
    cmd->add_option("--model", args->model,
                    "Checkpoint of a seed-autoencoder or unet-inpaint" + shippedModelsHelp() +
                        ", or ridge-continuation: the classical fill, no network")
        ->required()
        ->transform(shippedModelName());
    cmd->add_option("--in,-i", args->in, "A print, or a folder searched recursively")->required();
    cmd->add_option("--mask,-m", args->mask,
                    "Damage mask FILE, a folder of masks (same names, or NAME_mask), or 'detect'");
    cmd->add_option("--detector", args->detector,
                    "damage-detector checkpoint or shipped name, for --mask detect or prints "
                    "without a mask")
        ->transform(shippedModelName());
    cmd->add_option("--threshold", args->threshold, "Detector probability counted as damage")
        ->capture_default_str();
    cmd->add_option("--mode", args->mode, "full or selective")->capture_default_str();
    cmd->add_option("--out,-o", args->out, "Output folder")->required();
    cmd->add_option("--augment", args->augmentations,
                    "Test-time passes (1, 2 or 4); their spread lowers the confidence")
        ->capture_default_str();
    addNetworkOptions(*cmd, args->network, "Inpainting: ");
    cmd->add_option("--feather", args->feather, "Selective: blend width inside the mask (px)")
        ->capture_default_str();
    addRidgeReachOption(*cmd, args->reach);
    cmd->add_option("--tile", args->tileSize, "Tile side for U-Nets (multiple of 8)")
        ->capture_default_str();
    cmd->add_option("--overlap", args->tileOverlap, "Tile overlap (px)")->capture_default_str();
    cmd->add_option("--threads", args->threads, "Compute threads (0 = one per CPU thread)")
        ->capture_default_str();
    cmd->callback([args, &exitCode] { exitCode = runReconstruct(*args); });
}

}  // namespace rw::cli
