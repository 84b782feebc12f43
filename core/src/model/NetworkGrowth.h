#pragma once
// A U-Net of one level more, started from a trained one (private to ridgeworks_ml: includes
// libtorch). Each level doubles the receptive field; growing keeps what the trained network
// learnt instead of training the larger one from scratch (hours on a few cores).
#include <torch/torch.h>

#include <filesystem>

namespace rw::nets {

// Copies `trained`'s weights (a UNet of `trainedLevels` levels) into `grown` (a UNet of
// trainedLevels + 1 levels, same input channels and width) so that, before any training, the
// grown network computes what the trained one does (exactly on inputs whose sides are a
// multiple of 2^(trainedLevels + 1); otherwise the padding differs at the far edges):
// - the trained encoder levels and its bottleneck become the grown network's encoder levels;
// - the trained decoder levels become the grown network's upper decoder levels;
// - the new decoder level, at the trained bottleneck's scale, starts as the identity on its skip
//   connection (the trained bottleneck's output, which is ≥ 0 after its ReLU) and with zero
//   weights on what comes up from the new bottleneck, so the new level starts with no say and
//   gains one as training moves those weights (as a residual branch initialised at zero).
// The new bottleneck keeps its random initialisation. Throws rw::Error(Incompatible), naming
// `source`, when the two networks do not fit (a parameter missing or of another shape).
void growByOneLevel(const torch::nn::Module& trained, int trainedLevels, torch::nn::Module& grown,
                    const std::filesystem::path& source);

}  // namespace rw::nets
