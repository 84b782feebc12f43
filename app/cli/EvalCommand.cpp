// ridgeworks-cli eval: a model against the classical baselines on the same damaged prints,
// every metric per image and aggregated (mean, 95 % interval) per kind and level.
#include "CliCancellation.h"
#include "Commands.h"
#include "NetworkOptions.h"
#include "RidgeReachOption.h"
#include "ShippedModels.h"
#include "TerminalProgress.h"
#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ComputeSettings.h"
#include "ridgeworks/model/Model.h"
#include "ridgeworks/reconstruct/Evaluation.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace rw::cli {
namespace {

namespace fs = std::filesystem;

struct EvalArgs {
    std::string model;
    std::string data = "synthetic";
    std::string json;
    std::string csv;
    std::string montage;
    std::string mode = "selective";
    std::string detector;
    double threshold = 0.5;
    int perCell = 8;
    std::uint64_t seed = 900001;
    std::size_t maxCases = 0;
    int augmentations = 2;
    NetworkOptionArgs network;
    int feather = ReconstructionOptions{}.featherPixels;
    double reach = ReconstructionOptions{}.ridgeReach;
    int threads = 0;
};

// The few figures an examiner reads first, per method, on the terminal.
void printTable(const EvaluationResult& result)
{
    const char* columns[][2] = {{"psnr_inside", "PSNR in"},
                                {"ssim_inside", "SSIM in"},
                                {"orientation_deg_inside", "orient°"},
                                {"minutiae_f1", "minu F1"},
                                {"spurious_minutiae_inside", "spur in"},
                                {"psnr", "PSNR all"}};
    std::fprintf(stderr, "%-14s", "method");
    for (const auto& c : columns)
        std::fprintf(stderr, " %9s", c[1]);
    std::fprintf(stderr, "\n");
    for (const std::string& method : result.methods) {
        std::fprintf(stderr, "%-14s", method.c_str());
        const auto& all = result.aggregates.at(method).at("all");
        for (const auto& c : columns) {
            const auto it = all.find(c[0]);
            const double mean = it == all.end() ? NAN : it->second.mean;
            std::fprintf(stderr, " %9.3f", mean);
        }
        std::fprintf(stderr, "\n");
    }
    // With detected masks: how far those masks are from the true ones.
    const auto& all = result.aggregates.at("model").at("all");
    if (all.count("mask_iou"))
        std::fprintf(stderr,
                     "detected masks against the true ones: IoU %.3f, precision %.3f, "
                     "recall %.3f (means over the cases)\n",
                     all.at("mask_iou").mean, all.at("mask_precision").mean,
                     all.at("mask_recall").mean);
}

void writePng(const fs::path& path, const cv::Mat& image)
{
    std::vector<std::uint8_t> bytes;
    if (image.empty() || !cv::imencode(".png", image, bytes))
        throw Error(ErrorKind::WriteFailed, "could not encode the montage", path);
    writeFileAtomically(path, bytes);
}

int runEval(const EvalArgs& args)
{
    EvaluationOptions options;
    options.source = parseEvaluationSource(args.data);
    const auto mode = reconstructionModeFromString(args.mode);
    if (!mode)
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --mode '" + args.mode + "' (full, selective)");
    options.reconstruction.mode = *mode;
    options.reconstruction.detectorThreshold = args.threshold;
    options.reconstruction.augmentations = args.augmentations;
    applyNetworkOptions(args.network, options.reconstruction);
    options.reconstruction.featherPixels = args.feather;
    options.reconstruction.ridgeReach = args.reach;
    checkRidgeReachMode(args.reach, *mode);
    options.syntheticPerCell = args.perCell;
    options.seed = args.seed;
    options.maxCases = args.maxCases;
    if (options.syntheticPerCell < 1)
        throw Error(ErrorKind::InvalidArgument, "--per-cell must be at least 1");
    for (const fs::path& p : {options.source.clean, options.source.damaged, options.source.masks}) {
        std::error_code ec;
        if (!p.empty() && !fs::is_directory(p, ec))
            throw Error(ErrorKind::Missing, "no such folder", p);
    }

    applyThreadCount(args.threads);
    const Model model = Model::load(args.model);
    std::optional<Model> detector;
    nlohmann::json header{
        {"model",
         {{"path", args.model},
          {"name", model.card().name},
          {"architecture", toString(model.spec().architecture)},
          {"sha256", checkpointSha256(args.model)}}},
        {"data", toString(options.source)},
        {"mode", toString(options.reconstruction.mode)},
        {"augmentations", args.augmentations},
        {"refinements", options.reconstruction.refinements},
        {"regrowth", options.reconstruction.regrowth},
        {"settling", options.reconstruction.settling},
        {"turnBack", options.reconstruction.turnBackRotation},  // since 0.7.0; older files: off
        {"slideBack", options.reconstruction.slideBackFlaps},   // since 0.11.0; older files: off
        {"swapBack", options.reconstruction.swapBackFlaps},     // since 0.12.0; older files: off
        {"featherPixels", args.feather},
        {"ridgeReach", args.reach},  // since 2026-12-06; older files: no limit
        // Since 2026-12-05 the baselines are blended in like the model's
        // estimate (rw::blendedBaseline); older files lack this key.
        {"baselinesFeathered",
         options.reconstruction.mode == ReconstructionMode::Selective && args.feather > 0}};
    if (!args.detector.empty()) {
        detector = Model::load(args.detector);
        options.reconstruction.detector = &*detector;
        options.detectMasks = true;
        header["detector"] = {{"path", args.detector},
                              {"sha256", checkpointSha256(args.detector)},
                              {"threshold", args.threshold}};
    }
    if (options.source.kind == EvaluationSourceKind::Synthetic)
        header["synthetic"] = {{"perCell", args.perCell}, {"seed", args.seed}};

    TerminalProgress progress("eval");
    const EvaluationResult result = evaluate(model, options, progress.asSink(), interruptToken());
    progress.finish();

    writeFileAtomically(args.json, evaluationJson(result, header.dump()));
    if (!args.csv.empty())
        writeFileAtomically(args.csv, evaluationCsv(result));
    if (!args.montage.empty())
        writePng(args.montage, result.montage);
    printTable(result);
    for (const SkippedFile& s : result.skipped)
        std::cerr << "ridgeworks-cli eval: skipped " << s.path << ": " << s.reason << '\n';
    std::cout << nlohmann::json{{"cases", result.cases},
                                {"skipped", result.skipped.size()},
                                {"seconds", result.seconds},
                                {"json", args.json}}
                     .dump()
              << '\n';
    return 0;
}

}  // namespace

void addEvalCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<EvalArgs>();
    CLI::App* cmd = app.add_subcommand(
        "eval", "Measure a model against identity, Telea, Navier-Stokes and ridge continuation");
    cmd->add_option("--model", args->model, "Checkpoint to evaluate" + shippedModelsHelp())
        ->required()
        ->transform(shippedModelName());
    cmd->add_option("--data", args->data,
                    "socofing:DIR, pairs:CLEAN_DIR,DAMAGED_DIR[,MASK_DIR] or synthetic")
        ->capture_default_str();
    cmd->add_option("--json", args->json, "Write every metric (rows and aggregates) here")
        ->required();
    cmd->add_option("--csv", args->csv, "Also write one CSV line per (image, method)");
    cmd->add_option("--montage", args->montage, "Also write a PNG of one case per kind and level");
    cmd->add_option("--mode", args->mode, "full or selective")->capture_default_str();
    cmd->add_option("--detector", args->detector,
                    "Use a damage-detector's masks instead of the true ones (checkpoint or "
                    "shipped name); the JSON then also says how they compare with the true ones "
                    "(mask_iou, mask_precision, mask_recall)")
        ->transform(shippedModelName());
    cmd->add_option("--threshold", args->threshold, "Detector threshold")->capture_default_str();
    cmd->add_option("--per-cell", args->perCell, "synthetic: prints per damage kind and level")
        ->capture_default_str();
    cmd->add_option("--seed", args->seed, "synthetic: seed of the first print")
        ->capture_default_str();
    cmd->add_option("--max-cases", args->maxCases,
                    "Evaluate N cases spread evenly over the list (0 = all)")
        ->capture_default_str();
    cmd->add_option("--augment", args->augmentations, "Test-time passes: 1, 2 or 4")
        ->capture_default_str();
    addNetworkOptions(*cmd, args->network, "Inpainting: ");
    cmd->add_option("--feather", args->feather, "Selective: blend width inside the mask (px)")
        ->capture_default_str();
    addRidgeReachOption(*cmd, args->reach);
    cmd->add_option("--threads", args->threads, "Compute threads (0 = one per CPU thread)")
        ->capture_default_str();
    cmd->callback([args, &exitCode] { exitCode = runEval(*args); });
}

}  // namespace rw::cli
