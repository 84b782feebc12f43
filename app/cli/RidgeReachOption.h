#pragma once
// `--reach R`, the examiner's limit on how deep into the damage mask ridges are drawn
// (ReconstructionOptions::ridgeReach), taken alike by reconstruct, eval and case reconstruct.
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <CLI/CLI.hpp>

namespace rw::cli {

// Adds the option to `command`, bound to `reach` (ridge periods, 0 = no limit).
void addRidgeReachOption(CLI::App& command, double& reach);

// A reach limits what selective mode draws inside the mask: in full mode it is refused
// (rw::Error InvalidArgument) before any file is read or written.
void checkRidgeReachMode(double reach, ReconstructionMode mode);

}  // namespace rw::cli
