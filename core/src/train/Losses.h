#pragma once
// Training losses and validation metrics on tensors. Private to ridgeworks_ml.
#include "ridgeworks/model/ModelSpec.h"

#include <torch/torch.h>

namespace rw::losses {

// Mean SSIM (Gaussian window 11, σ 1.5, constants for images in [0,1]) of [N,1,H,W] images.
torch::Tensor ssim(const torch::Tensor& a, const torch::Tensor& b);
// Per-image SSIM, [N].
torch::Tensor ssimPerImage(const torch::Tensor& a, const torch::Tensor& b);
// Per-image PSNR in dB for images in [0,1], [N] (MSE floored at 1e-10: 100 dB).
torch::Tensor psnrPerImage(const torch::Tensor& a, const torch::Tensor& b);

// The training loss of `kind` from the network's logits. For the inpainting network,
// `holeMask` (1 = damaged) adds an L1 term restricted to the hole, weighted by holeWeight,
// so the loss is not dominated by the easy, undamaged pixels. LossKind::Inpaint adds the hole's
// (1 − SSIM) and structure-tensor difference, LossKind::InpaintCoherent also the hole's ridge
// coherence shortfall, LossKind::InpaintOriented that and the hole's orientation error (see
// ModelSpec.h).
// The inpaint-coherent term alone: the mean over `holeMask` (1 = hole) of the output's ridge
// coherence shortfall against the target's, 0 (as coherent, same direction) to 3.
torch::Tensor coherenceShortfallInHole(const torch::Tensor& output, const torch::Tensor& target,
                                       const torch::Tensor& holeMask);

// The inpaint-oriented term alone: the mean over `holeMask` of |sin Δθ| between the output's
// and the target's ridge orientation (structure tensor at σ 4 px), weighted by the target's
// ridge coherence, 0 (same direction) to 1 (perpendicular or no direction).
torch::Tensor orientationErrorInHole(const torch::Tensor& output, const torch::Tensor& target,
                                     const torch::Tensor& holeMask);

torch::Tensor trainingLoss(LossKind kind, const torch::Tensor& logits, const torch::Tensor& target,
                           const torch::Tensor& holeMask = {}, double holeWeight = 0.0);

}  // namespace rw::losses
