#pragma once
// Module weights and optimizer state to and from bytes (torch archives), so checkpoints can
// carry them inside one file. Private to ridgeworks_ml.
#include <torch/torch.h>

#include <filesystem>
#include <string>

namespace rw::weights {

std::string save(const torch::nn::Module& module);
// Throws rw::Error(Incompatible) naming `source` when a parameter is missing or of another
// shape, rw::Error(Truncated) when the bytes are not a readable archive.
void load(torch::nn::Module& module, const std::string& bytes, const std::filesystem::path& source);

std::string save(const torch::optim::Optimizer& optimizer);
void load(torch::optim::Optimizer& optimizer, const std::string& bytes,
          const std::filesystem::path& source);

// Bytes ↔ archives for the trainer's own resume state.
std::string toBytes(torch::serialize::OutputArchive& archive);
void fromBytes(torch::serialize::InputArchive& archive, const std::string& bytes,
               const std::filesystem::path& source);

}  // namespace rw::weights
