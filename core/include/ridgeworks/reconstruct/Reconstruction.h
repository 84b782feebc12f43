#pragma once
// A damaged print in, a reconstruction out, on the print's own geometry: the network's output
// everywhere (full, the experiment's behaviour) or only inside the damage mask (selective),
// with the mask of changed pixels and a per-pixel confidence that the GUI overlays. Tensors
// never leave core: this header is torch-free.
#include "ridgeworks/common/Progress.h"

#include <opencv2/core.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace rw {

class Model;

enum class ReconstructionMode {
    Full,       // "full": the network's output everywhere it ran
    Selective,  // "selective": network output inside the damage mask only (feathered inwards);
                // every pixel outside the mask is bit-identical to the input
};

const char* toString(ReconstructionMode mode);
std::optional<ReconstructionMode> reconstructionModeFromString(const std::string& name);

// Where the damage mask came from (recorded with the result).
enum class MaskOrigin {
    None,      // full mode with the seed autoencoder: no mask needed
    Given,     // drawn by the examiner or made by core/damage
    Detected,  // predicted by the damage-detector at options.detectorThreshold
};

const char* toString(MaskOrigin origin);  // "none", "given", "detected"

inline constexpr int kMaxRefinements = 3;
inline constexpr int kMaxSettlingPasses = 4;
inline constexpr double kMaxRidgeReach = 50.0;  // ridge periods; more is no limit in practice

struct ReconstructionOptions {
    ReconstructionMode mode = ReconstructionMode::Selective;
    // CV_8UC1, the print's size, nonzero = damaged. Empty: the detector predicts it (when
    // the model or the mode needs one).
    cv::Mat mask;
    const Model* detector = nullptr;  // a damage-detector; needed only when `mask` is empty
    double detectorThreshold = 0.5;   // probability at or above which a pixel is damaged
    // Selective mode: the network's weight rises from 1/(f+1) at the mask's edge to 1 this
    // many pixels inside it; outside the mask the weight is exactly 0. Masks in casework are
    // loose (drawn, detected, or a thresholded difference) and real damage often leaves much
    // of the ridges under them: on the 300 SOCOFing cases, 3 px gave SSIM inside 0.221 against
    // 0.120 with no feather, and PSNR 8.90 against 8.23 dB. An exact mask (synthetic damage)
    // is better served by 0: on the 72 synthetic cases 0.441 against 0.403
    // (docs/reconstruction.md).
    int featherPixels = 3;
    // Test-time augmentation: 1 = the plain pass, 2 = + the mirrored print, 4 = + both flips.
    // The spread of the passes is the uncertainty in the confidence map; the output is their mean.
    int augmentations = 2;
    // Inpainting networks: after the first estimate, the estimate becomes the hole's fill and
    // the network runs again, this many times (0..kMaxRefinements); each costs one more
    // network run. Off by default: on held-out synthetic prints one refinement improved every
    // inside figure, but on real SOCOFing prints it made SSIM and orientation worse — it
    // pulls the estimate towards what the network learnt, which is the generator's look
    // (docs/reconstruction.md, "Refinement").
    int refinements = 0;
    // Inpainting networks: the share of the regrown ridges in the estimate, 0..1. The classical
    // ridge continuation grows the ridges around the hole into it along the orientation the
    // network's estimate shows, and is mixed in with this weight: the network decides where the
    // ridges run, the continuation keeps them whole and in phase with the real ones. At 0.5, on
    // held-out synthetic prints it cut the invented minutiae by a quarter (6.7 to 5.1) with SSIM,
    // PSNR and orientation no worse; on real SOCOFing prints with known damage it improved SSIM
    // and orientation too (docs/reconstruction.md, "Ridge regrowth"). Since ridge settling
    // (below) joins broken ridges itself, a quarter is enough: with settling, 0.25 kept the
    // orientation on real prints that 0.5 gave and lost less of it on synthetic ones. 0 = the
    // network's estimate as it is (records made before this option replay with 0).
    double regrowth = 0.25;
    // Inpainting networks: passes of ridge settling over the estimate (0..kMaxSettlingPasses):
    // oriented Gabor filtering along the estimate's own ridges, which joins the ridges the
    // network broke and clears the stray ends it left, keeping the estimate's ridge flow and
    // phase (docs/reconstruction.md, "Ridge settling"). With regrowth 0.25 and the 0.3.0
    // U-Net, on 288 held-out synthetic cases it cut the invented minutiae inside the mask from
    // 4.38 to 3.08 per print (Telea: 4.23) and raised SSIM inside from 0.415 to 0.452; on real
    // SOCOFing alterations it cut them too, but lowered SSIM inside from 0.278 to 0.254. 0 = off
    // (records made before this option replay with 0).
    int settling = 2;
    // Selective mode: how far into the damage, in ridge periods from its rim, ridges are drawn;
    // deeper, the estimate gives way over one period to a plain gray at the print's local mean
    // level and its confidence to 0. 0 = no limit (the default). Any fill invents most of
    // what it draws deep in a large hole: on 30 synthetic 512×512 prints a reach of 2 cut the
    // U-Net's invented minutiae inside the hole from 16.3 to 3.4 per print (Telea: 3.0) and
    // raised minutiae F1 from 0.727 to 0.773, but orientation inside the hole rose from 11.4° to
    // 17.1° (docs/reconstruction.md, "Ridge reach"). The examiner chooses: ridges everywhere,
    // or only where the print's own ridges support them.
    double ridgeReach = 0.0;
    // Inpainting networks, selective mode: when the damage is a patch turned in place (a
    // central rotation, as SOCOFing's "_CR" alterations), find the turn and put the patch's own
    // ridges back instead of the network's estimate (then settled like it). Only a turn that
    // clearly rejoins the ridges at the mask's rim is used (findPatchTurn): none of 288 synthetic
    // and 720 real obliterations and z-cuts was taken for one. Otherwise the network runs as
    // usual. On 288 held-out synthetic cases it took the orientation error inside the mask from
    // 8.29° to 6.76°, and on real prints with medium damage from 6.1° to 5.1° with fewer
    // invented minutiae (docs/reconstruction.md, "Turning back a rotated patch"). Records made
    // before the option existed replay without it.
    bool turnBackRotation = true;
    // Inpainting networks, selective mode: when the damage is a Z whose two triangular flaps
    // were slid along its diagonal (core/damage's `zcut`), find each flap's shift and slide its
    // own ridges back; the network then fills only what the slide cannot give back (the cut's
    // gap and the strips whose content slid out of view). Only shifts that clearly rejoin the
    // ridges at the mask's rim are used (findFlapSlide): on 288 held-out synthetic cases it took
    // the z-cuts' orientation error inside the mask from 8.09° to 6.64°, and none of their
    // obliterations and rotations changed. Records made before the option existed replay
    // without it (docs/reconstruction.md, "Sliding back a z-cut's flaps").
    bool slideBackFlaps = true;
    // Inpainting networks, selective mode: when the damage is a Z whose two triangular flaps
    // were swapped, each swung about one side of the Z into the other's place (a Z-plasty, as
    // surgery makes a z-cut alteration: SOCOFing's "_Zcut" prints, core/damage's `zplasty`),
    // find which way they were swapped and put each flap's own ridges back where they grew;
    // the network then fills only what the swap cannot give back (the seams and the flaps'
    // edges). Only a swap that clearly rejoins the ridges at the mask's rim is used
    // (findFlapSwap). Tried after a slide (slideBackFlaps) was not found. Records made before
    // the option existed replay without it (docs/reconstruction.md, "Swapping back a
    // Z-plasty's flaps").
    bool swapBackFlaps = true;
    // Fully convolutional networks (U-Nets) run on square tiles at the resolution the model
    // was trained for (the print is scaled so its ridge period matches the card's), overlapping
    // and blended; in selective mode only the mask's bounding box and 48 px of context around
    // it are tiled. A print of up to 512 network pixels a side is one tile: one call on the
    // whole image is cheaper than four overlapping 256 px tiles, which do 2.4× the pixels of
    // a 329 px print (measured: 104 against 148 ms for the bench's 512×512 print). The bound
    // keeps the activations of larger prints under about 0.5 GB.
    int tileSize = 512;  // multiple of 8, ≥ 32
    int tileOverlap = 32;
    // Tiles (or whole prints, for the autoencoder) per network call.
    int batchSize = 4;
};

// A patch found turned in place, and turned back (ReconstructionOptions::turnBackRotation).
struct PatchTurn {
    double angleDeg =
        0.0;             // the damage's turn, counter-clockwise on screen (cv::getRotationMatrix2D)
    cv::Point2d centre;  // pixels
    double agreement = 0.0;  // correlation of the turned-back ridges with those continued in
                             // from the rim, over a band inside it (-1..1)
};

// A Z-shaped cut whose two flaps were found slid along its diagonal, and slid back
// (ReconstructionOptions::slideBackFlaps).
struct FlapSlide {
    std::vector<cv::Point> corners;  // the mask's quadrilateral, in order around it
    cv::Point2d shiftA, shiftB;      // each flap's content moved by this (px): the damaged
                                     // pixel at x shows the print at x − shift
    double agreement = 0.0;          // the weaker flap's correlation of its slid-back ridges with
                                     // those continued in from the rim (-1..1)
    double restoredFraction = 0.0;   // share of the mask given back from the flaps (0..1)
};

// A flap of a Z-plasty: the triangle where it grew, and the triangle its content lies in now,
// corner for corner (an affine map between the two).
struct SwappedFlap {
    std::array<cv::Point, 3> grewAt;
    std::array<cv::Point, 3> liesAt;
};

// A Z-shaped cut whose two triangular flaps were found swapped (a Z-plasty), and swapped back
// (ReconstructionOptions::swapBackFlaps).
struct FlapSwap {
    std::vector<cv::Point> corners;  // the mask's quadrilateral, in order around it
    std::array<SwappedFlap, 2> flaps;
    double agreement = 0.0;         // correlation of the swapped-back ridges with those
                                    // continued in from the rim, both flaps together (-1..1)
    double restoredFraction = 0.0;  // share of the mask given back from the flaps (0..1)
    // Where the rim correlation alone was too faint, the ridge flow's agreement that confirmed
    // the swap (-1..1: coherence-weighted cos 2Δθ of the carried-back flow with the flow
    // continued in from the rim); none when the correlation sufficed.
    std::optional<double> flowAgreement;
};

struct Reconstruction {
    cv::Mat image;        // CV_8UC1, the input's size
    cv::Mat changedMask;  // CV_8UC1, 255 where the pixel is an estimate (differs in origin
                          // from the input), 0 where it is the input's own pixel
    cv::Mat confidence;   // CV_32FC1 in [0,1]: 1 for the input's own pixels; for estimates,
                          // lower where the passes disagree or the detector was unsure
    cv::Mat damageMask;   // CV_8UC1, the mask used (given or detected); empty with MaskOrigin::None
    cv::Mat damageProbability;  // CV_32FC1, the detector's output when it ran, else empty
    MaskOrigin maskOrigin = MaskOrigin::None;
    double ridgePeriod = 0.0;  // measured in the input (px), 0 when not needed or not found
    double scale = 1.0;        // network pixels per input pixel
    int networkInputs = 0;     // tiles or prints run through the network, all passes counted
    std::string summary;       // one line for logs: model, mode, mask, scale, tiles
    std::optional<PatchTurn> turnedBack;  // set when a rotated patch was turned back
    std::optional<FlapSlide> slidBack;    // set when a z-cut's flaps were slid back
    std::optional<FlapSwap> swappedBack;  // set when a Z-plasty's flaps were swapped back
};

// Reconstructs one 8-bit print (CV_8UC1). Throws rw::Error(InvalidArgument) naming the problem
// for a mask of the wrong size or type, a detector that is not a damage-detector, or a needed
// mask that neither `options.mask` nor a detector can give; Cancelled when `cancel` fires (it
// is checked before every network call).
Reconstruction reconstruct(const cv::Mat& gray, const Model& model,
                           const ReconstructionOptions& options, const CancelToken& cancel = {});

// The method that needs no network: rw::continueRidges carries the ridges around the damage
// mask into it (core/inpaint; the U-Net's own starting fill and a baseline of every
// evaluation). On real prints with exactly known damage it measured better than the shipped
// U-Net (README, "Measured quality"), so the examiner can choose it like a model.
inline constexpr const char* kRidgeContinuationMethod = "ridge-continuation";
// How lists, records and reports name it.
inline constexpr const char* kRidgeContinuationTitle = "ridge-continuation (classical, no network)";

// Selective only (InvalidArgument for full mode: there is nothing to continue without a
// mask, and for refinements, which re-run a network); the mask is given or detected as for
// reconstruct(). Of the options it uses mode, mask, detector, detectorThreshold,
// featherPixels and ridgeReach; the network settings (passes, refinements, tiles) do not
// apply. The confidence of a continued pixel falls with its depth in the hole (how far the
// ridges were carried from the print's own) and with a fill flatter than the print's ridges;
// networkInputs is 0 (the detector's runs are not counted).
Reconstruction reconstructByRidgeContinuation(const cv::Mat& gray,
                                              const ReconstructionOptions& options,
                                              const CancelToken& cancel = {});

// The one dispatch for callers that offer both: `model`'s reconstruct(), or, when `model` is
// null, reconstructByRidgeContinuation().
Reconstruction reconstructWith(const Model* model, const cv::Mat& gray,
                               const ReconstructionOptions& options,
                               const CancelToken& cancel = {});

// Damage probability (CV_32FC1 in [0,1], the print's size) from a damage-detector, run on
// tiles at its training resolution like reconstruct().
cv::Mat detectDamage(const cv::Mat& gray, const Model& detector,
                     const ReconstructionOptions& options = {}, const CancelToken& cancel = {});

}  // namespace rw
