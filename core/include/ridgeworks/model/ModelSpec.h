#pragma once
// What a network is, independent of its weights: the architecture and its shape parameters.
#include "ridgeworks/inpaint/HoleFill.h"

#include <optional>
#include <string>
#include <vector>

namespace rw {

enum class Architecture {
    SeedAutoencoder,  // the published experiment's Keras autoencoder, layer for layer
    UNetInpaint,      // mask-aware U-Net: (damaged image, mask) → image
    DamageDetector,   // small segmentation net: damaged image → damage probability
};

const char* toString(Architecture architecture);  // "seed-autoencoder", "unet-inpaint", ...
std::optional<Architecture> architectureFromString(const std::string& name);
std::vector<Architecture> allArchitectures();

enum class LossKind {
    BinaryCrossEntropy,  // "bce": the experiment's loss
    L1,                  // "l1"
    SsimL1,              // "ssim-l1": 0.84·(1−SSIM) + 0.16·L1 (Zhao et al.'s mix)
    // "inpaint": ssim-l1 over the print plus, inside the hole, L1, (1 − SSIM) and the
    // difference of the ridge structure tensors. The last two punish a grey, blurred fill
    // (low contrast, no orientation) that L1 alone rewards under uncertainty.
    Inpaint,
    // "inpaint-coherent": inpaint plus, inside the hole, the ridge coherence the output lacks
    // along the target's orientation (structure tensor at σ 3 px, about half a ridge period).
    // Where the network is unsure of the direction, the other terms are met by superposing
    // two ridge directions (a cross-hatch, which reads as a cloud of invented minutiae); this
    // term makes that hedge cost as much as a wrong direction, so the network commits to one.
    InpaintCoherent,
    // "inpaint-oriented": inpaint-coherent plus, inside the hole, the output's error in ridge
    // direction against the target's (|sin Δθ| of the structure tensors at σ 4 px, weighted by
    // the target's coherence). Unlike the coherence term it grows linearly with a small error,
    // as the orientation metric does.
    InpaintOriented,
};

const char* toString(LossKind loss);
std::optional<LossKind> lossFromString(const std::string& name);

// What the seed autoencoder learns to map.
enum class PairMode {
    DamagedToClean,  // "denoise" (default): damaged input, clean target
    CleanToClean,    // "identity": the plain autoencoder of public reproductions
};

const char* toString(PairMode mode);
std::optional<PairMode> pairModeFromString(const std::string& name);

inline constexpr int kMinUNetLevels = 2;
inline constexpr int kMaxUNetLevels = 5;

struct ModelSpec {
    Architecture architecture = Architecture::SeedAutoencoder;
    int inputSize = 100;   // square; the U-Net takes any multiple of 8 ≥ 32
    int baseChannels = 0;  // 0 = the architecture's default (seed-autoencoder ignores it)
    // The U-Net's starting fill of the hole (ignored by the other architectures). A card
    // without the field is a grey-fill model (written before the field existed).
    HoleFill holeFill = HoleFill::RidgeContinuation;
    // The U-Nets' levels (poolings; kMinUNetLevels..kMaxUNetLevels): 0 = the default, 3.
    // Each level doubles the receptive field. A card without the field has 3 (written before
    // the field existed). The seed autoencoder ignores it.
    int levels = 0;

    int inputChannels() const;  // 1, or 2 for the U-Net (image + mask)
    int effectiveBaseChannels() const;
    int effectiveLevels() const;  // levels, or 3 when 0; 0 for the seed autoencoder
    // BCE for the autoencoder and detector, inpaint-coherent for the inpainting U-Net.
    LossKind defaultLoss() const;
};

}  // namespace rw
