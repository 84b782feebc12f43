#pragma once
// What each architecture learns from a batch of (clean, damaged, mask) planes: the network
// input and the target, as channels-last tensors. Private to ridgeworks_ml.
#include "model/TensorImages.h"
#include "ridgeworks/data/BatchLoader.h"
#include "ridgeworks/model/ModelSpec.h"

#include <torch/torch.h>

namespace rw {

struct BatchTensors {
    torch::Tensor input;   // [N, C, H, W]
    torch::Tensor target;  // [N, 1, H, W]
    torch::Tensor mask;    // [N, 1, H, W] damage mask (1 = damaged)
};

// The returned tensors alias `batch`'s buffers where possible: use them before the next
// BatchLoader::next() call.
inline BatchTensors toTensors(Batch& batch, Architecture architecture, PairMode pairs)
{
    auto plane = [&](std::vector<float>& data) {
        return tensors::wrap(data.data(), batch.count, 1, batch.size, batch.size);
    };
    BatchTensors t;
    t.mask = plane(batch.mask);
    switch (architecture) {
    case Architecture::SeedAutoencoder:
        t.input = pairs == PairMode::CleanToClean ? plane(batch.clean) : plane(batch.damaged);
        t.target = plane(batch.clean);
        break;
    case Architecture::UNetInpaint:
        t.input = torch::cat({plane(batch.damaged), t.mask}, 1);
        t.target = plane(batch.clean);
        break;
    case Architecture::DamageDetector:
        t.input = plane(batch.damaged);
        t.target = t.mask;
        break;
    }
    // Single-channel planes are the same bytes in either layout; the network converts the
    // input to its own layout.
    return t;
}

}  // namespace rw
