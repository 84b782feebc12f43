// ridgeworks-cli train: trains a network on SOCOFing, a folder of clean prints or synthetic
// prints, writing a checkpoint (.rwm) with its model card after every epoch.
#include "CliCancellation.h"
#include "Commands.h"
#include "ShippedModels.h"
#include "TrainingReporter.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/train/Trainer.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <sstream>

namespace rw::cli {
namespace {

struct TrainArgs {
    std::string model = "seed-autoencoder";
    std::string data = "synthetic";
    int epochs = 10;
    int batch = 32;
    double lr = 1e-3;
    std::string loss;  // empty: the model's default
    std::string pairs = "denoise";
    std::uint64_t seed = 1;
    int threads = 0;
    std::string precision = "auto";
    std::string memoryLayout = "auto";
    int patience = 0;
    int size = 100;
    int width = 0;
    int unetLevels = 0;
    std::string kinds = "obliteration,rotation,zcut";
    std::string levels = "easy,medium,hard";
    int syntheticCount = 512;
    int syntheticValidation = 64;
    double validationFraction = 0.15;
    std::size_t maxPrints = 0;
    int workers = 0;
    bool noAlteredPairs = false;
    std::string appearance = "none";
    std::string holeFill = "ridge-continuation";
    std::string name;
    std::string out;
    std::string resume;
    std::string initFrom;
    bool json = false;
    std::string commandLine;
};

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            items.push_back(item);
    return items;
}

TrainConfig toConfig(const TrainArgs& a)
{
    auto bad = [](const std::string& what) { throw Error(ErrorKind::InvalidArgument, what); };
    TrainConfig c;
    const auto arch = architectureFromString(a.model);
    if (!arch)
        bad("unknown --model '" + a.model + "' (seed-autoencoder, unet-inpaint, damage-detector)");
    c.model.architecture = *arch;
    c.model.inputSize = a.size;
    c.model.baseChannels = a.width;
    c.model.levels = a.unetLevels;
    const auto holeFill = holeFillFromString(a.holeFill);
    if (!holeFill)
        bad("unknown --hole-fill '" + a.holeFill + "' (ridge-continuation, grey)");
    c.model.holeFill = *holeFill;
    c.data.source = parseDataSourceSpec(a.data);
    c.data.seed = a.seed;
    c.data.syntheticCount = a.syntheticCount;
    c.data.syntheticValidationCount = a.syntheticValidation;
    c.data.validationFraction = a.validationFraction;
    c.data.maxPrints = a.maxPrints;
    c.data.workers = a.workers;
    c.data.useAlteredPairs = !a.noAlteredPairs;
    const auto appearance = appearanceAugmentationFromString(a.appearance);
    if (!appearance)
        bad("unknown --appearance '" + a.appearance + "' (none, sensor, sensor-binarised)");
    c.data.appearance = *appearance;
    c.data.damageKinds.clear();
    for (const std::string& name : splitList(a.kinds)) {
        const auto kind = damageKindFromString(name);
        if (!kind || *kind == DamageKind::Mask)
            bad("unknown or unusable damage kind '" + name + "' in --kinds");
        c.data.damageKinds.push_back(*kind);
    }
    c.data.damageLevels.clear();
    for (const std::string& name : splitList(a.levels)) {
        const auto level = damageLevelFromString(name);
        if (!level || *level == DamageLevel::Custom)
            bad("unknown level '" + name + "' in --levels (easy, medium, hard)");
        c.data.damageLevels.push_back(*level);
    }
    if (c.data.damageKinds.empty() || c.data.damageLevels.empty())
        bad("--kinds and --levels need at least one entry each");
    c.epochs = a.epochs;
    c.batchSize = a.batch;
    c.learningRate = a.lr;
    if (!a.loss.empty()) {
        const auto loss = lossFromString(a.loss);
        if (!loss)
            bad("unknown --loss '" + a.loss +
                "' (bce, l1, ssim-l1, inpaint, inpaint-coherent, "
                "inpaint-oriented)");
        c.loss = *loss;
    }
    const auto pairs = pairModeFromString(a.pairs);
    if (!pairs)
        bad("unknown --pairs '" + a.pairs + "' (denoise, identity)");
    c.pairMode = *pairs;
    c.seed = a.seed;
    c.threads = a.threads;
    if (!precisionFromString(a.precision, c.precision))
        bad("unknown --precision '" + a.precision + "' (auto, fp32, bf16)");
    if (!memoryLayoutFromString(a.memoryLayout, c.memoryLayout))
        bad("unknown --memory-layout '" + a.memoryLayout + "' (auto, channels-last, contiguous)");
    c.patience = a.patience;
    c.outPath = a.out;
    c.resumePath = a.resume;
    c.initFromPath = a.initFrom;
    c.modelName = a.name;
    c.commandLine = a.commandLine;
    return c;
}

int runTrain(const TrainArgs& args)
{
    const TrainConfig config = toConfig(args);
    TrainingReporter reporter(args.json);
    const TrainResult result = train(config, reporter.asSink(), interruptToken());
    const ModelCard& card = result.card;
    nlohmann::json summary{
        {"event", "done"},
        {"checkpoint", result.checkpoint.string()},
        {"model", toString(card.spec.architecture)},
        {"epochsRun", result.epochsRun},
        {"epochsCompleted", card.epochsCompleted},
        {"bestEpoch", card.bestEpoch},
        {"stoppedEarly", result.stoppedEarly},
        {"trainingSeconds", card.trainingSeconds},
        {"threads", card.threads},
        {"precision", card.precision},
        {"allocator", allocatorName()},
    };
    if (card.bestEpoch > 0 && card.bestEpoch <= static_cast<int>(card.history.size())) {
        const EpochMetrics& best = card.history[static_cast<std::size_t>(card.bestEpoch - 1)];
        summary["best"] = {{"validationLoss", best.validationLoss},
                           {"validationPsnr", best.validationPsnr},
                           {"validationSsim", best.validationSsim},
                           {"validationIou", best.validationIou}};
    }
    std::cout << (args.json ? summary.dump() : summary.dump(2)) << '\n';
    return 0;
}

}  // namespace

void addTrainCommand(CLI::App& app, int& exitCode, const std::string& commandLine)
{
    auto args = std::make_shared<TrainArgs>();
    args->commandLine = commandLine;
    CLI::App* cmd = app.add_subcommand("train", "Train a reconstruction or detection network");
    cmd->add_option("--model,-m", args->model, "seed-autoencoder, unet-inpaint or damage-detector")
        ->capture_default_str();
    cmd->add_option("--data,-d", args->data, "socofing:DIR, folder:DIR or synthetic")
        ->capture_default_str();
    cmd->add_option("--epochs,-e", args->epochs, "Epochs (with --resume: the total)")
        ->capture_default_str();
    cmd->add_option("--batch,-b", args->batch, "Batch size")->capture_default_str();
    cmd->add_option("--lr", args->lr, "Adam learning rate")->capture_default_str();
    cmd->add_option("--loss", args->loss,
                    "bce, l1, ssim-l1, inpaint, inpaint-coherent or inpaint-oriented "
                    "(default: the model's)");
    cmd->add_option("--pairs", args->pairs,
                    "seed-autoencoder pairs: denoise (damaged→clean) or identity (clean→clean)")
        ->capture_default_str();
    cmd->add_option("--seed", args->seed, "Seed of weights, split, damage and batch order")
        ->capture_default_str();
    cmd->add_option("--threads", args->threads, "Compute threads (0 = one per CPU thread)")
        ->capture_default_str();
    cmd->add_option("--precision", args->precision,
                    "auto (bf16 where the CPU has native bf16), fp32 or bf16")
        ->capture_default_str();
    cmd->add_option("--memory-layout", args->memoryLayout,
                    "auto (channels-last on AVX-512 CPUs), channels-last or contiguous")
        ->capture_default_str();
    cmd->add_option("--patience", args->patience,
                    "Stop after this many epochs without validation improvement (0 = off)")
        ->capture_default_str();
    cmd->add_option("--size", args->size, "Input size (100 for the seed autoencoder)")
        ->capture_default_str();
    cmd->add_option("--width", args->width, "Base channels of the U-Nets (0 = default)")
        ->capture_default_str();
    cmd->add_option("--unet-levels", args->unetLevels,
                    "Levels of the U-Nets (2-5; 0 = default, 3). With --init-from, a model of "
                    "one level fewer is grown by a level")
        ->capture_default_str();
    cmd->add_option("--kinds", args->kinds, "Damage kinds made on the fly, comma-separated")
        ->capture_default_str();
    cmd->add_option("--levels", args->levels, "Damage levels, comma-separated")
        ->capture_default_str();
    cmd->add_option("--synthetic-count", args->syntheticCount, "synthetic: new prints per epoch")
        ->capture_default_str();
    cmd->add_option("--synthetic-validation", args->syntheticValidation,
                    "synthetic: validation prints")
        ->capture_default_str();
    cmd->add_option("--validation-fraction", args->validationFraction,
                    "Share of subjects held out for validation")
        ->capture_default_str();
    cmd->add_option("--max-prints", args->maxPrints, "Use at most this many prints (0 = all)")
        ->capture_default_str();
    cmd->add_option("--workers", args->workers, "Data loader threads (0 = automatic)")
        ->capture_default_str();
    cmd->add_flag("--no-altered-pairs", args->noAlteredPairs,
                  "socofing: train on Real/ prints only (no Altered/ pairs)");
    cmd->add_option("--appearance", args->appearance,
                    "none, or sensor: every example gets a random scanner look (ridge period, "
                    "contrast, ink, dryness, noise, background), or sensor-binarised: the same, "
                    "with 30 % of the looks black and white (prints stored binarised)")
        ->capture_default_str();
    cmd->add_option("--hole-fill", args->holeFill,
                    "unet-inpaint: what the hole holds when the network starts: "
                    "ridge-continuation (the classical fill, refined) or grey (blanked)")
        ->capture_default_str();
    cmd->add_option("--name", args->name, "Model name in the model card");
    cmd->add_option("--out,-o", args->out, "Checkpoint to write (.rwm)")->required();
    cmd->add_option("--resume", args->resume, "Continue from this checkpoint");
    cmd->add_option("--init-from", args->initFrom,
                    "Fine-tune: a new run starting from this trained model's weights "
                    "(same model, size, width and hole fill; any loss and learning rate); a "
                    "checkpoint or a shipped model's name")
        ->excludes("--resume")
        ->transform(shippedModelName());
    cmd->add_flag("--json", args->json, "JSON lines on stdout instead of a progress bar");
    cmd->callback([args, &exitCode] { exitCode = runTrain(*args); });
}

}  // namespace rw::cli
