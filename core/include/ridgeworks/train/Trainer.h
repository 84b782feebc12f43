#pragma once
// Training: one blocking call that serves the CLI, the GUI's job runner and the tests.
// Validation each epoch (loss, PSNR, SSIM; IoU for the detector), best-weights keeping,
// early stopping, a checkpoint after every epoch (atomic), exact resume, cancel within a batch.
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/data/DataSource.h"
#include "ridgeworks/model/ComputeSettings.h"
#include "ridgeworks/model/ModelCard.h"

#include <opencv2/core.hpp>

#include <filesystem>
#include <functional>
#include <optional>

namespace rw {

struct TrainConfig {
    ModelSpec model;
    DataConfig data;
    int epochs = 10;
    int batchSize = 32;
    double learningRate = 1e-3;
    std::optional<LossKind> loss;  // default: model.defaultLoss()
    PairMode pairMode = PairMode::DamagedToClean;
    std::uint64_t seed = 1;  // weights initialisation and batch order
    int threads = 0;         // 0 = defaultThreadCount()
    Precision precision = Precision::Auto;
    MemoryLayout memoryLayout = MemoryLayout::Auto;
    int patience = 0;                  // early stopping: epochs without improvement; 0 = off
    double minImprovement = 1e-4;      // of the validation loss, to count as improvement
    std::filesystem::path outPath;     // the checkpoint (.rwm), rewritten after every epoch
    std::filesystem::path resumePath;  // empty = fresh start
    // Fine-tuning: a new run (own epochs, optimizer and possibly another loss or learning
    // rate) whose initial weights are this trained model's. Not with resumePath.
    std::filesystem::path initFromPath;
    std::string modelName;    // card name; default "<architecture> (<source>)"
    std::string commandLine;  // recorded in the card
};

struct TrainingProgress {
    enum class Phase { Preparing, Batch, Epoch };
    Phase phase = Phase::Batch;
    std::string message;
    int epoch = 0;  // 1-based, the epoch in progress or just finished
    int epochs = 0;
    std::size_t batch = 0;  // batches done in this epoch
    std::size_t batches = 0;
    double loss = 0.0;                         // running mean training loss of this epoch
    double imagesPerSecond = 0.0;              // training throughput over the epoch so far
    double etaSeconds = 0.0;                   // to the end of the run
    std::optional<EpochMetrics> epochMetrics;  // Phase::Epoch
    bool improved = false;                     // Phase::Epoch: new best checkpoint
    // Phase::Epoch: a fixed validation example (same one every epoch), CV_32FC1 in [0,1].
    cv::Mat sampleInput, sampleOutput, sampleTarget;
};

using TrainingSink = std::function<void(const TrainingProgress&)>;

struct TrainResult {
    std::filesystem::path checkpoint;
    ModelCard card;     // as written
    int epochsRun = 0;  // in this call
    bool stoppedEarly = false;
};

// Throws rw::Error: InvalidArgument for bad settings (named), data errors (see
// TrainingData::open), a bad resume or starting checkpoint (named; Incompatible when its
// model differs), WriteFailed, and Cancelled — after a
// cancel the checkpoint of the last completed epoch is intact on disk.
TrainResult train(const TrainConfig& config, const TrainingSink& progress = {},
                  const CancelToken& cancel = {});

// Adapts a ProgressSink (CLI bars, generic job progress) to training progress.
TrainingSink toTrainingSink(ProgressSink sink);

}  // namespace rw
