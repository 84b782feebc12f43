#pragma once
// Model options accept a checkpoint path or the name of a shipped model, so an installed
// workbench can be used without knowing where the package put its models:
//   ridgeworks-cli reconstruct --model unet-inpaint ...
#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace rw::cli {

// Folder of the running program (the shipped models are found relative to it).
std::filesystem::path executableDirectory();

// `given` as a path when such a file exists or it looks like a path; otherwise, when it is
// the name of a shipped model ("unet-inpaint"), that model's file. Anything else is
// returned unchanged, so loading it names the file that is missing.
std::filesystem::path resolveModelArgument(const std::string& given);

// CLI11 transform applying resolveModelArgument to an option's value.
CLI::Validator shippedModelName();

// Help text suffix naming the shipped models.
std::string shippedModelsHelp();

}  // namespace rw::cli
