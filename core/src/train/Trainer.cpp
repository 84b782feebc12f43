#include "ridgeworks/train/Trainer.h"

#include "model/AutocastGuard.h"
#include "model/NetworkGrowth.h"
#include "model/Networks.h"
#include "model/TensorImages.h"
#include "model/WeightsIo.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/data/BatchLoader.h"
#include "ridgeworks/data/TrainingData.h"
#include "ridgeworks/model/Checkpoint.h"
#include "train/BatchTensors.h"
#include "train/Losses.h"
#include "train/ResumeState.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <limits>

namespace rw {
namespace {

using Clock = std::chrono::steady_clock;

// The inpainting loss adds this much weight on the hole's L1 (see losses::trainingLoss).
constexpr double kHoleWeight = 2.0;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

void validate(const TrainConfig& c)
{
    auto bad = [](const std::string& what) { throw Error(ErrorKind::InvalidArgument, what); };
    if (c.epochs < 1 || c.epochs > 100000)
        bad("epochs must be between 1 and 100000");
    if (c.batchSize < 1 || c.batchSize > 4096)
        bad("batch size must be between 1 and 4096");
    if (!(c.learningRate > 0.0 && c.learningRate < 1.0))
        bad("learning rate must be in (0, 1)");
    if (c.patience < 0)
        bad("patience must not be negative");
    if (!c.resumePath.empty() && !c.initFromPath.empty())
        bad("resume and init-from exclude each other: resume continues a run, init-from "
            "starts a new one from a trained model");
    if (c.threads < 0 || c.threads > 256)
        bad("threads must be between 0 (automatic) and 256");
    if (c.outPath.empty())
        bad("no output checkpoint given");
    if (c.model.architecture == Architecture::SeedAutoencoder && c.model.inputSize != 100)
        bad("the seed autoencoder is defined on 100×100 inputs");
    if (c.model.inputSize < 32 || c.model.inputSize > 1024)
        bad("input size must be between 32 and 1024");
    if (c.model.architecture == Architecture::SeedAutoencoder && c.model.levels != 0)
        bad("the seed autoencoder has no levels to set: it is the experiment's network");
    if (c.model.levels != 0 && (c.model.levels < kMinUNetLevels || c.model.levels > kMaxUNetLevels))
        bad("U-Net levels must be between " + std::to_string(kMinUNetLevels) + " and " +
            std::to_string(kMaxUNetLevels) + " (0 = the default)");
}

using Mismatch =
    std::function<void(const std::string& what, const std::string& was, const std::string& now)>;

// The checkpoint's weights fit the network asked for (same model, size, width, hole fill and
// levels; with `mayGrow`, a U-Net may also have one level more: NetworkGrowth).
void checkSameNetwork(const ModelCard& card, const TrainConfig& c, const Mismatch& mismatch,
                      bool mayGrow = false)
{
    if (card.spec.architecture != c.model.architecture)
        mismatch("the model", toString(card.spec.architecture), toString(c.model.architecture));
    if (card.spec.inputSize != c.model.inputSize)
        mismatch("the input size", std::to_string(card.spec.inputSize),
                 std::to_string(c.model.inputSize));
    if (card.spec.effectiveBaseChannels() != c.model.effectiveBaseChannels())
        mismatch("the width", std::to_string(card.spec.effectiveBaseChannels()),
                 std::to_string(c.model.effectiveBaseChannels()));
    if (c.model.architecture == Architecture::UNetInpaint && card.spec.holeFill != c.model.holeFill)
        mismatch("the hole fill", toString(card.spec.holeFill), toString(c.model.holeFill));
    const int levels = card.spec.effectiveLevels(), asked = c.model.effectiveLevels();
    if (levels != asked && !(mayGrow && asked == levels + 1))
        mismatch(mayGrow ? "the number of U-Net levels (it can grow by one)"
                         : "the number of U-Net levels",
                 std::to_string(levels), std::to_string(asked));
}

// Refuses to resume from a checkpoint trained with other settings: the continuation would
// not be the run the card describes.
void checkResumable(const ModelCard& card, const TrainConfig& c, LossKind loss,
                    const std::string& source, const std::filesystem::path& path)
{
    auto mismatch = [&](const std::string& what, const std::string& was, const std::string& now) {
        throw Error(ErrorKind::Incompatible,
                    "cannot resume: " + what + " was " + was + ", now " + now, path);
    };
    checkSameNetwork(card, c, mismatch);
    if (card.loss != loss)
        mismatch("the loss", toString(card.loss), toString(loss));
    if (card.pairMode != c.pairMode)
        mismatch("the pair mode", toString(card.pairMode), toString(c.pairMode));
    if (card.batchSize != c.batchSize)
        mismatch("the batch size", std::to_string(card.batchSize), std::to_string(c.batchSize));
    if (card.seed != c.seed)
        mismatch("the seed", std::to_string(card.seed), std::to_string(c.seed));
    if (std::abs(card.learningRate - c.learningRate) > 1e-12)
        mismatch("the learning rate", std::to_string(card.learningRate),
                 std::to_string(c.learningRate));
    const auto sourceAt = card.dataJson.find("\"source\":\"" + source + "\"");
    if (sourceAt == std::string::npos)
        throw Error(ErrorKind::Incompatible,
                    "cannot resume: the checkpoint was trained on other data than " + source, path);
    if (card.epochsCompleted >= c.epochs)
        throw Error(ErrorKind::InvalidArgument,
                    "nothing to resume: the checkpoint already has " +
                        std::to_string(card.epochsCompleted) + " epochs (asked for " +
                        std::to_string(c.epochs) + "); raise --epochs",
                    path);
}

// A fine-tuning run starts from another model's weights: they must fit the network.
void checkStartingModel(const ModelCard& card, const TrainConfig& c,
                        const std::filesystem::path& path)
{
    checkSameNetwork(
        card, c,
        [&](const std::string& what, const std::string& was, const std::string& now) {
            throw Error(ErrorKind::Incompatible,
                        "cannot start from this model: " + what + " is " + was + ", asked for " +
                            now,
                        path);
        },
        /*mayGrow=*/true);
}

// A fine-tuning run's first weights: the trained model's own, or, for a U-Net of one level
// more, the trained one grown by that level (it starts out computing what the trained one does).
void loadStartingWeights(nets::Network& network, const CheckpointFile& trained,
                         const std::filesystem::path& path)
{
    const int trainedLevels = trained.card.spec.effectiveLevels();
    if (trainedLevels == network.spec().effectiveLevels()) {
        weights::load(*network.module(), trained.weights, path);
        return;
    }
    nets::Network smaller(trained.card.spec);
    weights::load(*smaller.module(), trained.weights, path);
    nets::growByOneLevel(*smaller.module(), trainedLevels, *network.module(), path);
}

struct Validation {
    double loss = 0.0, psnr = 0.0, ssim = 0.0, iou = 0.0;
    cv::Mat sampleInput, sampleOutput, sampleTarget;
};

Validation validateEpoch(nets::Network& network, const std::shared_ptr<TrainingData>& data,
                         const TrainConfig& config, LossKind loss, bool bf16,
                         const CancelToken& cancel)
{
    network.module()->eval();
    torch::InferenceMode inference;
    BatchLoaderOptions options;
    options.batchSize = config.batchSize;
    options.shuffle = false;
    options.workers = config.data.workers;
    BatchLoader loader(data, DataSplit::Validation, 0, options);
    Validation v;
    double lossSum = 0.0, psnrSum = 0.0, ssimSum = 0.0, intersection = 0.0, unionArea = 0.0;
    std::size_t images = 0;
    Batch batch;
    const Architecture arch = config.model.architecture;
    while (loader.next(batch, cancel)) {
        const BatchTensors t = toTensors(batch, arch, config.pairMode);
        torch::Tensor logits;
        {
            AutocastGuard autocast(bf16);
            logits = network.logits(t.input);
        }
        logits = logits.to(torch::kFloat32);
        const auto hole = arch == Architecture::UNetInpaint ? t.mask : torch::Tensor();
        const double batchLoss =
            losses::trainingLoss(loss, logits, t.target, hole, kHoleWeight).item<double>();
        const torch::Tensor output = torch::sigmoid(logits);
        lossSum += batchLoss * batch.count;
        psnrSum += losses::psnrPerImage(output, t.target).sum().item<double>();
        ssimSum += losses::ssimPerImage(output, t.target).sum().item<double>();
        if (arch == Architecture::DamageDetector) {
            const auto predicted = output > 0.5;
            const auto truth = t.target > 0.5;
            intersection += (predicted & truth).sum().item<double>();
            unionArea += (predicted | truth).sum().item<double>();
        }
        if (images == 0) {  // the first validation example: the same one every epoch
            const auto inputs = tensors::toMats(t.input.slice(0, 0, 1).slice(1, 0, 1));
            v.sampleInput = inputs.front();
            v.sampleOutput = tensors::toMats(output.slice(0, 0, 1)).front();
            v.sampleTarget = tensors::toMats(t.target.slice(0, 0, 1)).front();
        }
        images += static_cast<std::size_t>(batch.count);
    }
    if (images == 0)
        throw Error(ErrorKind::InvalidArgument, "the validation set is empty");
    v.loss = lossSum / static_cast<double>(images);
    v.psnr = psnrSum / static_cast<double>(images);
    v.ssim = ssimSum / static_cast<double>(images);
    v.iou = unionArea > 0 ? intersection / unionArea : 1.0;
    return v;
}

std::string weightsDigest(const std::string& weights)
{
    return sha256Hex({reinterpret_cast<const std::uint8_t*>(weights.data()), weights.size()});
}

// The ridge period the network learns at: the median over (up to 64) clean validation images,
// which are drawn like the training ones. Stored in the card so that reconstruction can scale
// a print of another resolution until its ridges have this period.
double medianRidgePeriod(const TrainingData& data)
{
    const std::size_t count = std::min<std::size_t>(64, data.size(DataSplit::Validation));
    std::vector<double> periods;
    for (std::size_t i = 0; i < count; ++i) {
        cv::Mat gray;
        data.example(DataSplit::Validation, 0, i).clean.convertTo(gray, CV_8UC1, 255.0);
        const double period = estimateRidgePeriod(gray);
        if (period > 0.0)
            periods.push_back(period);
    }
    if (periods.empty())
        return 0.0;
    std::nth_element(periods.begin(), periods.begin() + periods.size() / 2, periods.end());
    return periods[periods.size() / 2];
}

}  // namespace

TrainingSink toTrainingSink(ProgressSink sink)
{
    return [sink = std::move(sink)](const TrainingProgress& p) {
        if (!sink)
            return;
        ProgressEvent event;
        event.message = p.message;
        event.step = static_cast<std::size_t>(std::max(0, p.epoch - 1)) * p.batches + p.batch;
        event.total = static_cast<std::size_t>(p.epochs) * p.batches;
        event.metrics["loss"] = p.loss;
        event.metrics["images_per_second"] = p.imagesPerSecond;
        event.metrics["eta_seconds"] = p.etaSeconds;
        if (p.epochMetrics) {
            event.metrics["val_loss"] = p.epochMetrics->validationLoss;
            event.metrics["val_psnr"] = p.epochMetrics->validationPsnr;
            event.metrics["val_ssim"] = p.epochMetrics->validationSsim;
        }
        sink(event);
    };
}

TrainResult train(const TrainConfig& requested, const TrainingSink& progress,
                  const CancelToken& cancel)
{
    validate(requested);
    TrainConfig config = requested;
    config.data.imageSize = config.model.inputSize;
    // The U-Net's examples carry its starting fill in the hole, made by the data workers.
    config.data.holeFill = config.model.architecture == Architecture::UNetInpaint
                               ? config.model.holeFill
                               : HoleFill::Grey;
    const LossKind loss = config.loss.value_or(config.model.defaultLoss());
    const Architecture arch = config.model.architecture;
    auto emit = [&](TrainingProgress p) {
        if (progress)
            progress(p);
    };

    // Fail before the (long) data loading, not at the end of the first epoch.
    if (const auto folder = config.outPath.parent_path(); !folder.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec || !std::filesystem::is_directory(folder))
            throw Error(ErrorKind::WriteFailed,
                        "cannot create the checkpoint's folder: " + ec.message(), folder);
    }

    tuneGlibcMallocForTensors();
    const int threads = applyThreadCount(config.threads);
    const Precision precision = resolvePrecision(config.precision, detectCpuFeatures());
    const bool bf16 = precision == Precision::Bf16;

    // Resume state is read before the (slow) data loading so a bad file fails fast.
    std::optional<CheckpointFile> resumeFrom;
    if (!config.resumePath.empty()) {
        resumeFrom = readCheckpoint(config.resumePath);
        if (resumeFrom->resumeState.empty())
            throw Error(ErrorKind::Incompatible,
                        "this checkpoint holds no training state (an exported model)",
                        config.resumePath);
        checkResumable(resumeFrom->card, config, loss, toString(config.data.source),
                       config.resumePath);
    }
    std::optional<CheckpointFile> startFrom;
    if (!config.initFromPath.empty()) {
        startFrom = readCheckpoint(config.initFromPath);
        checkStartingModel(startFrom->card, config, config.initFromPath);
    }

    TrainingProgress preparing;
    preparing.phase = TrainingProgress::Phase::Preparing;
    preparing.epochs = config.epochs;
    preparing.message = "loading " + toString(config.data.source);
    emit(preparing);
    const auto data = TrainingData::open(
        config.data,
        [&](const ProgressEvent& e) {
            TrainingProgress p = preparing;
            p.message = e.message;
            p.batch = e.step;
            p.batches = e.total;
            emit(p);
        },
        cancel);

    torch::manual_seed(config.seed);
    nets::Network network(config.model);
    auto module = network.module();
    if (startFrom)
        loadStartingWeights(network, *startFrom, config.initFromPath);
    const bool channelsLast = resolveChannelsLast(config.memoryLayout, detectCpuFeatures());
    network.setChannelsLast(channelsLast);
    torch::optim::Adam optimizer(module->parameters(),
                                 torch::optim::AdamOptions(config.learningRate));

    ModelCard card;
    card.name = config.modelName.empty()
                    ? std::string(toString(arch)) + " (" + toString(config.data.source) + ")"
                    : config.modelName;
    card.spec = config.model;
    card.spec.baseChannels = config.model.effectiveBaseChannels();
    card.loss = loss;
    card.pairMode = config.pairMode;
    card.epochsRequested = config.epochs;
    card.batchSize = config.batchSize;
    card.learningRate = config.learningRate;
    card.seed = config.seed;
    card.threads = threads;
    card.precision = toString(precision);
    card.memoryLayout = channelsLast ? "channels-last" : "contiguous";
    card.patience = config.patience;
    card.dataJson = toJson(data->summary());
    card.trainingRidgePeriod = medianRidgePeriod(*data);
    card.softwareVersion = RIDGEWORKS_VERSION;
    card.torchVersion = torchVersion();
    card.commandLine = config.commandLine;
    if (startFrom) {
        card.initialisedFrom.name = startFrom->card.name;
        card.initialisedFrom.weightsSha256 = weightsDigest(startFrom->weights);
        card.initialisedFrom.epochs = startFrom->card.epochsCompleted;
        card.initialisedFrom.loss = toString(startFrom->card.loss);
    }

    ResumeState state;
    std::string bestWeights;
    if (resumeFrom) {
        state = readResumeState(resumeFrom->resumeState, *module, optimizer, config.resumePath);
        card.history = resumeFrom->card.history;
        card.bestEpoch = resumeFrom->card.bestEpoch;
        card.trainingSeconds = resumeFrom->card.trainingSeconds;
        card.createdUtc = resumeFrom->card.createdUtc;
        bestWeights = resumeFrom->weights;
    }

    TrainResult result;
    result.checkpoint = config.outPath;
    const auto runStart = Clock::now();
    const double secondsBefore = card.trainingSeconds;
    Batch batch;
    BatchLoaderOptions loaderOptions;
    loaderOptions.batchSize = config.batchSize;
    loaderOptions.shuffle = true;
    loaderOptions.workers = config.data.workers;
    loaderOptions.shuffleSeed = config.seed;

    for (int epoch = state.epochsCompleted + 1; epoch <= config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        data->prepareEpoch(static_cast<std::uint64_t>(epoch), {}, cancel);
        BatchLoader loader(data, DataSplit::Train, static_cast<std::uint64_t>(epoch),
                           loaderOptions);
        module->train();
        TrainingProgress p;
        p.phase = TrainingProgress::Phase::Batch;
        p.epoch = epoch;
        p.epochs = config.epochs;
        p.batches = loader.batchCount();
        double lossSum = 0.0;
        std::size_t epochImages = 0;
        while (loader.next(batch, cancel)) {
            cancel.throwIfCancelled();
            const BatchTensors t = toTensors(batch, arch, config.pairMode);
            optimizer.zero_grad();
            torch::Tensor logits;
            {
                AutocastGuard autocast(bf16);
                logits = network.logits(t.input);
            }
            const auto hole = arch == Architecture::UNetInpaint ? t.mask : torch::Tensor();
            torch::Tensor batchLoss =
                losses::trainingLoss(loss, logits.to(torch::kFloat32), t.target, hole, kHoleWeight);
            batchLoss.backward();
            optimizer.step();
            const double value = batchLoss.item<double>();
            if (!std::isfinite(value))
                throw Error(ErrorKind::InvalidArgument,
                            "training diverged (loss is not finite) at epoch " +
                                std::to_string(epoch) + "; lower the learning rate");
            lossSum += value * batch.count;
            epochImages += static_cast<std::size_t>(batch.count);
            ++p.batch;
            p.loss = lossSum / static_cast<double>(epochImages);
            const double elapsed = secondsSince(epochStart);
            p.imagesPerSecond = static_cast<double>(epochImages) / std::max(elapsed, 1e-9);
            const double perBatch = elapsed / static_cast<double>(p.batch);
            const double batchesLeft =
                static_cast<double>(p.batches - p.batch) +
                static_cast<double>(config.epochs - epoch) * static_cast<double>(p.batches);
            p.etaSeconds = perBatch * batchesLeft;
            p.message = "epoch " + std::to_string(epoch) + "/" + std::to_string(config.epochs);
            emit(p);
        }
        const double trainSeconds = secondsSince(epochStart);

        const Validation v = validateEpoch(network, data, config, loss, bf16, cancel);
        EpochMetrics metrics;
        metrics.epoch = epoch;
        metrics.trainLoss = epochImages ? lossSum / static_cast<double>(epochImages) : 0.0;
        metrics.validationLoss = v.loss;
        metrics.validationPsnr = v.psnr;
        metrics.validationSsim = v.ssim;
        metrics.validationIou = arch == Architecture::DamageDetector ? v.iou : 0.0;
        metrics.seconds = secondsSince(epochStart);
        metrics.imagesPerSecond = static_cast<double>(epochImages) / std::max(trainSeconds, 1e-9);

        const bool improved =
            card.bestEpoch == 0 || v.loss < state.bestLoss - config.minImprovement;
        if (improved) {
            state.bestLoss = v.loss;
            state.epochsWithoutImprovement = 0;
            card.bestEpoch = epoch;
            bestWeights = weights::save(*module);
        } else {
            ++state.epochsWithoutImprovement;
        }
        state.epochsCompleted = epoch;
        card.history.push_back(metrics);
        card.epochsCompleted = epoch;
        card.trainingSeconds = secondsBefore + secondsSince(runStart);
        card.createdUtc = card.createdUtc.empty() ? utcNow() : card.createdUtc;
        card.weightsSha256 = weightsDigest(bestWeights);
        const bool stopEarly = config.patience > 0 && epoch < config.epochs &&
                               state.epochsWithoutImprovement >= config.patience;
        card.stoppedEarly = stopEarly;

        CheckpointFile file;
        file.card = card;
        file.weights = bestWeights;
        file.resumeState = writeResumeState(state, *module, optimizer);
        writeCheckpoint(config.outPath, file);
        result.card = card;
        ++result.epochsRun;

        TrainingProgress done = p;
        done.phase = TrainingProgress::Phase::Epoch;
        done.epochMetrics = metrics;
        done.improved = improved;
        done.sampleInput = v.sampleInput;
        done.sampleOutput = v.sampleOutput;
        done.sampleTarget = v.sampleTarget;
        done.message = "epoch " + std::to_string(epoch) + " validation loss " +
                       std::to_string(v.loss) + (improved ? " (best)" : "");
        emit(done);
        if (stopEarly) {
            result.stoppedEarly = true;
            break;
        }
    }
    if (result.epochsRun == 0)
        result.card = card;
    return result;
}

}  // namespace rw
