#include "train/Losses.h"

#include <cmath>

namespace rw::losses {
namespace F = torch::nn::functional;

namespace {

// A normalised 2-D Gaussian [1,1,size,size]; the SSIM window is size 11, σ 1.5.
torch::Tensor gaussianWindow(int size = 11, double sigma = 1.5)
{
    auto coords = torch::arange(size, torch::kFloat32) - (size - 1) / 2.0;
    auto g = torch::exp(-(coords * coords) / (2 * sigma * sigma));
    g = g / g.sum();
    return (g.unsqueeze(1) * g.unsqueeze(0)).reshape({1, 1, size, size});
}

torch::Tensor ssimMap(const torch::Tensor& a, const torch::Tensor& b)
{
    // Made per call (11×11, negligible): a cached tensor created under InferenceMode during
    // validation could not be saved for backward later in training.
    const auto w = gaussianWindow().to(a.dtype());
    constexpr double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    auto blur = [&](const torch::Tensor& x) { return F::conv2d(x, w); };  // valid region only
    const auto muA = blur(a), muB = blur(b);
    const auto muA2 = muA * muA, muB2 = muB * muB, muAB = muA * muB;
    const auto varA = blur(a * a) - muA2;
    const auto varB = blur(b * b) - muB2;
    const auto cov = blur(a * b) - muAB;
    return ((2 * muAB + c1) * (2 * cov + c2)) / ((muA2 + muB2 + c1) * (varA + varB + c2));
}

// Mean of `map` over the pixels where `weights` is 1; `map` may be the valid-region output of
// the SSIM window (smaller by the window): the weights are cropped to match.
torch::Tensor weightedMean(const torch::Tensor& map, const torch::Tensor& weights)
{
    const int64_t cropY = (weights.size(2) - map.size(2)) / 2;
    const int64_t cropX = (weights.size(3) - map.size(3)) / 2;
    const auto w =
        weights.slice(2, cropY, cropY + map.size(2)).slice(3, cropX, cropX + map.size(3));
    return (map * w).sum() / w.sum().clamp_min(1.0);
}

// The smoothed gradient structure tensor (Jxx, Jyy, Jxy) of [N,1,H,W] images: local ridge
// orientation and contrast, independent of the ridges' exact phase. Comparing it inside the
// hole asks the network for ridges running the right way at the right contrast even where it
// cannot know exactly where each ridge lies, instead of a safe grey blur.
// `sigma` is the integration scale: 1.5 px (about a ridge wide) compares local ridge
// energy and direction; 3 px (half a ridge period and more) is wide enough to tell one ridge
// direction from two superposed ones.
torch::Tensor structureTensor(const torch::Tensor& x, double sigma = 1.5)
{
    const auto options = x.options();
    const auto sobelX =
        torch::tensor({-1.0f, 0.0f, 1.0f, -2.0f, 0.0f, 2.0f, -1.0f, 0.0f, 1.0f}, options)
            .reshape({1, 1, 3, 3}) /
        8.0;
    const auto sobelY = sobelX.transpose(2, 3);
    const auto gx = F::conv2d(x, sobelX, F::Conv2dFuncOptions().padding(1));
    const auto gy = F::conv2d(x, sobelY, F::Conv2dFuncOptions().padding(1));
    const int radius = static_cast<int>(std::ceil(3.0 * sigma));
    const auto window = gaussianWindow(2 * radius + 1, sigma).to(x.dtype());
    auto smooth = [&](const torch::Tensor& t) {
        return F::conv2d(t, window, F::Conv2dFuncOptions().padding(radius));
    };
    return torch::cat({smooth(gx * gx), smooth(gy * gy), smooth(gx * gy)}, 1);
}

// Below the energy of a faint ridge (contrast 0.05 → tensor trace ~1e-4): a flat patch has
// coherence 0, not the noise of 0/0.
constexpr double kFlat = 1e-5;

// Of a structure tensor (Jxx, Jyy, Jxy): the doubled-angle vector (Jxx − Jyy, 2·Jxy), whose
// direction is twice the ridge normal's angle and whose length is the oriented energy, and the
// trace Jxx + Jyy, the whole energy.
torch::Tensor doubledAngle(const torch::Tensor& j)
{
    return torch::cat({j.slice(1, 0, 1) - j.slice(1, 1, 2), 2.0 * j.slice(1, 2, 3)}, 1);
}

torch::Tensor tensorTrace(const torch::Tensor& j)
{
    return j.slice(1, 0, 1) + j.slice(1, 1, 2);
}

// Per pixel, how far the output falls short of the target's ridge coherence along the
// target's direction, [N,1,H,W] in [0, 3]. With the doubled-angle vector v = (Jxx − Jyy, 2·Jxy)
// and the trace T = Jxx + Jyy, coherence is |v| / T (1: one direction; 0: none, or a
// cross-hatch of two). Two parts:
//   relu(coh_t − coh_o·cos 2Δθ): the output's coherence along the right direction;
//   relu(coh_t − coh_o): coherence in any direction. The first alone is linear in the output's
//     tensor, so a superposition of two guesses costs the same as committing to one; the
//     second makes the superposition cost more.
torch::Tensor coherenceShortfall(const torch::Tensor& output, const torch::Tensor& target)
{
    constexpr double kSigma = 3.0;
    const auto to = structureTensor(output, kSigma), tt = structureTensor(target, kSigma);
    const auto vo = doubledAngle(to), vt = doubledAngle(tt);
    const auto lengthT = vt.pow(2).sum(1, true).sqrt();
    const auto lengthO = (vo.pow(2).sum(1, true) + 1e-12).sqrt();  // finite gradient at 0
    const auto cohT = lengthT / (tensorTrace(tt) + kFlat);
    const auto cohO = lengthO / (tensorTrace(to) + kFlat);
    const auto along = (vo * vt).sum(1, true) / ((tensorTrace(to) + kFlat) * (lengthT + 1e-12));
    return torch::relu(cohT - along) + torch::relu(cohT - cohO);
}

// Per pixel, |sin Δθ| between the output's and the target's ridge orientation (structure
// tensor at σ 4 px: at the network's scale of 100 px per print that is the σ 6 px the
// orientation metric uses on prints of 150–250 px), [N,1,H,W] in [0, 1], and the target's
// coherence, which weights it: where the target has no one direction there is none to miss.
// |sin Δθ| grows linearly with small errors, as the metric's mean angle does; the coherence
// term's 1 − cos 2Δθ is nearly flat there, so a 10° error costs it almost nothing.
struct OrientationMiss {
    torch::Tensor sine;
    torch::Tensor targetCoherence;
};

OrientationMiss orientationMiss(const torch::Tensor& output, const torch::Tensor& target)
{
    constexpr double kSigma = 4.0;
    const auto to = structureTensor(output, kSigma), tt = structureTensor(target, kSigma);
    const auto vo = doubledAngle(to), vt = doubledAngle(tt);
    const auto lengthO = (vo.pow(2).sum(1, true) + 1e-12).sqrt();
    const auto lengthT = (vt.pow(2).sum(1, true) + 1e-12).sqrt();
    const auto cosDoubled = (vo * vt).sum(1, true) / (lengthO * lengthT);
    // sin²Δθ = (1 − cos 2Δθ) / 2; the 1e-4 keeps the root's gradient finite at Δθ = 0.
    const auto sine = ((1.0 - cosDoubled) * 0.5 + 1e-4).sqrt();
    const auto coherence = lengthT / (tensorTrace(tt) + kFlat);
    return {sine, coherence.detach()};
}

}  // namespace

torch::Tensor ssimPerImage(const torch::Tensor& a, const torch::Tensor& b)
{
    return ssimMap(a.contiguous(), b.contiguous()).mean({1, 2, 3});
}

torch::Tensor ssim(const torch::Tensor& a, const torch::Tensor& b)
{
    return ssimMap(a.contiguous(), b.contiguous()).mean();
}

torch::Tensor psnrPerImage(const torch::Tensor& a, const torch::Tensor& b)
{
    const auto mse = (a - b).pow(2).mean({1, 2, 3}).clamp_min(1e-10);
    return -10.0 * torch::log10(mse);
}

torch::Tensor coherenceShortfallInHole(const torch::Tensor& output, const torch::Tensor& target,
                                       const torch::Tensor& holeMask)
{
    return weightedMean(coherenceShortfall(output.contiguous(), target.contiguous()),
                        holeMask.contiguous());
}

torch::Tensor orientationErrorInHole(const torch::Tensor& output, const torch::Tensor& target,
                                     const torch::Tensor& holeMask)
{
    const auto miss = orientationMiss(output.contiguous(), target.contiguous());
    const auto weights = holeMask.contiguous() * miss.targetCoherence;
    return (miss.sine * weights).sum() / weights.sum().clamp_min(1e-6);
}

torch::Tensor trainingLoss(LossKind kind, const torch::Tensor& logits, const torch::Tensor& target,
                           const torch::Tensor& holeMask, double holeWeight)
{
    torch::Tensor loss;
    torch::Tensor output;  // sigmoid(logits), computed only when a loss needs it
    switch (kind) {
    case LossKind::BinaryCrossEntropy:
        loss = torch::binary_cross_entropy_with_logits(logits, target);
        break;
    case LossKind::L1:
        output = torch::sigmoid(logits);
        loss = torch::l1_loss(output, target);
        break;
    case LossKind::SsimL1:
    case LossKind::Inpaint:
    case LossKind::InpaintCoherent:
    case LossKind::InpaintOriented:
        // Zhao, Gallo, Frosio, Kautz (2017): 0.84 SSIM + 0.16 L1 keeps structure and level.
        output = torch::sigmoid(logits);
        loss = 0.84 * (1.0 - ssim(output, target)) + 0.16 * torch::l1_loss(output, target);
        break;
    }
    const bool inpaint = kind == LossKind::Inpaint || kind == LossKind::InpaintCoherent ||
                         kind == LossKind::InpaintOriented;
    if (inpaint && holeMask.defined()) {
        const auto o = output.contiguous(), t = target.contiguous(), m = holeMask.contiguous();
        const auto holeSsim = weightedMean(ssimMap(o, t), m);
        const auto tensorOut = structureTensor(o), tensorTarget = structureTensor(t);
        // Relative to the target's own ridge energy, so faint and strong prints weigh alike.
        const auto energy = weightedMean(tensorTarget.slice(1, 0, 2).sum(1, true), m);
        const auto structure =
            weightedMean((tensorOut - tensorTarget).abs().sum(1, true), m) / energy.clamp_min(1e-4);
        loss = loss + (1.0 - holeSsim) + structure;
        if (kind == LossKind::InpaintCoherent || kind == LossKind::InpaintOriented)
            loss = loss + coherenceShortfallInHole(o, t, m);
        if (kind == LossKind::InpaintOriented)
            loss = loss + orientationErrorInHole(o, t, m);
    }
    if (holeMask.defined() && holeWeight > 0.0) {
        if (!output.defined())
            output = torch::sigmoid(logits);
        const auto holeL1 =
            ((output - target).abs() * holeMask).sum() / holeMask.sum().clamp_min(1.0);
        loss = loss + holeWeight * holeL1;
    }
    return loss;
}

}  // namespace rw::losses
