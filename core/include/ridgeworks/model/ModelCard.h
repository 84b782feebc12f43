#pragma once
// The human- and machine-readable description stored inside every checkpoint: what the
// model is, how it was trained, on what, how well it did, and which software made it.
#include "ridgeworks/model/ModelSpec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rw {

struct EpochMetrics {
    int epoch = 0;  // 1-based
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double validationPsnr = 0.0;  // dB; for the detector: of the probability map vs the mask
    double validationSsim = 0.0;
    double validationIou = 0.0;    // detector only: IoU of the thresholded mask
    double seconds = 0.0;          // wall time of the epoch
    double imagesPerSecond = 0.0;  // training images per second in the epoch
};

// The trained model a fine-tuning run started from (train --init-from): its weights are the
// new run's initial weights, so its card is part of the new model's history.
struct StartingModel {
    std::string name;
    std::string weightsSha256;  // empty: the run started from random weights
    int epochs = 0;             // epochs the starting model had been trained
    std::string loss;           // the loss it was trained with
};

struct ModelCard {
    std::string name;  // shown in model lists, e.g. "seed-autoencoder (synthetic)"
    ModelSpec spec;
    std::string normalisation = "gray/255 in [0,1]; crop to foreground, scale to input size";
    // Training configuration, verbatim.
    LossKind loss = LossKind::BinaryCrossEntropy;
    PairMode pairMode = PairMode::DamagedToClean;
    int epochsRequested = 0;
    int batchSize = 32;
    double learningRate = 1e-3;
    std::uint64_t seed = 1;
    int threads = 0;
    std::string precision = "fp32";
    std::string memoryLayout = "contiguous";  // as resolved for training
    int patience = 0;
    std::string dataJson = "{}";  // the DataSummary as JSON (source, counts, skipped files)
    // Median ridge period (pixels) of the clean training images as the network saw them; the
    // reconstruction scales a print so its ridges match. 0 = not recorded (older cards).
    double trainingRidgePeriod = 0.0;
    // Results.
    std::vector<EpochMetrics> history;
    int bestEpoch = 0;  // the epoch whose weights are stored as the model
    int epochsCompleted = 0;
    bool stoppedEarly = false;
    double trainingSeconds = 0.0;
    std::string createdUtc;  // ISO 8601
    std::string softwareVersion;
    std::string torchVersion;
    std::string weightsSha256;  // of the stored (best) weights
    std::string commandLine;    // how to re-run the training, when known
    StartingModel initialisedFrom;

    std::string toJson() const;  // pretty-printed
    // Throws rw::Error(Truncated) with `sourceName` when the JSON is malformed or lacks fields.
    static ModelCard fromJson(const std::string& json, const std::string& sourceName);
};

}  // namespace rw
