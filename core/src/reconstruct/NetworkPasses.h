#pragma once
// Runs a network over a list of inputs with test-time augmentation (flips), in batches, and
// returns per input the mean output and the spread of the passes (their standard deviation):
// the spread is where the network is unsure, which the confidence map shows.
#include "ridgeworks/common/Progress.h"
#include "ridgeworks/model/Model.h"

#include <opencv2/core.hpp>

#include <vector>

namespace rw::reconstruction {

struct PassOutput {
    cv::Mat mean;    // CV_32FC1 in [0,1]
    cv::Mat spread;  // CV_32FC1 ≥ 0, 0 when augmentations == 1
};

// `augmentations`: 1 (plain), 2 (+ mirrored left-right) or 4 (+ upside down, + both). All
// inputs of one call must have the same size (they are batched together). Checks `cancel`
// before every network call; adds the number of network inputs run to `*networkInputs`.
std::vector<PassOutput> runWithAugmentations(const Model& model,
                                             const std::vector<ModelInput>& inputs,
                                             int augmentations, int batchSize,
                                             const CancelToken& cancel, int* networkInputs);

}  // namespace rw::reconstruction
