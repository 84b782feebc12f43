#pragma once
// `--refine`, `--regrow`, `--settle`, `--turn-back`, `--slide-back` and `--swap-back`: what an
// inpainting network's reconstruction does beyond its first estimate
// (ReconstructionOptions::refinements, regrowth, settling, turnBackRotation, slideBackFlaps,
// swapBackFlaps), taken alike by reconstruct, case reconstruct, eval and bench.
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace rw::cli {

struct NetworkOptionArgs {
    // Unset: ReconstructionOptions' default. Kept unset so that the classical method, which
    // has no network, can refuse an option the examiner gave rather than one nobody gave.
    std::optional<int> refinements;
    std::optional<double> regrowth;
    std::optional<int> settling;
    std::optional<bool> turnBack;
    std::optional<bool> slideBack;
    std::optional<bool> swapBack;
};

// Adds the six options to `command`, bound to `args`; each help text starts with `scope`
// ("Inpainting: ", say) and ends with the default.
void addNetworkOptions(CLI::App& command, NetworkOptionArgs& args, const std::string& scope);

// `model` = kRidgeContinuationMethod with any of them given: rw::Error InvalidArgument, naming
// the option, before any file is read or written.
void checkNetworkOptionsFor(std::string_view model, const NetworkOptionArgs& args);

// The given ones into `options`; the others keep what `options` holds.
void applyNetworkOptions(const NetworkOptionArgs& args, ReconstructionOptions& options);

}  // namespace rw::cli
