#pragma once
// What a checkpoint needs beyond the best weights to continue training exactly: the last
// weights, Adam's moments and step counts, and the trainer's counters. Private to ridgeworks_ml.
#include <torch/torch.h>

#include <filesystem>
#include <limits>
#include <string>

namespace rw {

struct ResumeState {
    int epochsCompleted = 0;
    double bestLoss = std::numeric_limits<double>::infinity();
    int epochsWithoutImprovement = 0;
};

std::string writeResumeState(const ResumeState& state, const torch::nn::Module& module,
                             const torch::optim::Optimizer& optimizer);

// Restores module weights and optimizer state; throws rw::Error naming `source`.
ResumeState readResumeState(const std::string& bytes, torch::nn::Module& module,
                            torch::optim::Optimizer& optimizer,
                            const std::filesystem::path& source);

}  // namespace rw
