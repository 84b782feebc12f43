#pragma once
// `ridgeworks-cli bench --suite reconstruction`: how fast reconstruction is where an examiner
// feels it — one small print, one large tiled print, and a whole folder end to end (read,
// reconstruct, write every output).
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <filesystem>
#include <string>

namespace rw {

struct ReconstructionBenchConfig {
    std::filesystem::path seedAutoencoder;  // checkpoints
    std::filesystem::path unetInpaint;
    int repeats = 15;              // timed runs per single-print figure (the median is reported)
    int folderPrints = 1000;       // SOCOFing-size (96×103) prints made up front in a temp folder
    std::filesystem::path folder;  // instead: the first `folderPrints` images of this folder
    int augmentations = 1;         // test-time passes for every figure
    int refinements = 0;           // U-Net runs on its own estimate (ReconstructionOptions)
    double regrowth = ReconstructionOptions{}.regrowth;  // U-Net: share of regrown ridges
    int settling = ReconstructionOptions{}.settling;     // U-Net: passes of ridge settling
    bool turnBackRotation = false;                       // U-Net: turn back a rotated patch
    bool slideBackFlaps = false;                         // U-Net: slide back a z-cut's flaps
    bool swapBackFlaps = false;  // U-Net: swap back a Z-plasty's flaps
};

struct ReconstructionBenchResult {
    int augmentations = 1;
    int refinements = 0;
    double regrowth = 0.0;
    int settling = 0;
    bool turnBackRotation = false;
    bool slideBackFlaps = false;
    bool swapBackFlaps = false;
    double seed100Ms = 0.0;  // seed-autoencoder, full, a 100×100 print: median ms
    double unet100Ms = 0.0;  // unet-inpaint, selective, a 100×100 print with a damage mask
    double unet512Ms = 0.0;  // unet-inpaint, selective, a 512×512 print (tiled)
    int unet512NetworkInputs = 0;
    std::string folder;  // what the folder run read
    std::size_t folderPrints = 0;
    double folderSeconds = 0.0;  // seed-autoencoder, full, end to end
    double folderPrintsPerSecond = 0.0;

    std::string toJson() const;
};

ReconstructionBenchResult runReconstructionBench(const ReconstructionBenchConfig& config,
                                                 const ProgressSink& progress = {},
                                                 const CancelToken& cancel = {});

}  // namespace rw
