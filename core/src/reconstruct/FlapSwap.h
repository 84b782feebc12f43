#pragma once
// A z-cut as surgery makes it (a Z-plasty; SOCOFing's "_Zcut" alterations, core/damage's
// `zplasty`): the skin cut along a Z, and the two triangular flaps either side of its diagonal
// lifted, each swung about one side of the Z into the other's place, and sewn in. Under the mask
// the flaps still hold the print's own ridges, stretched and turned; carried back by the affine
// map between where each lies and where it grew, they meet the ridges around the damage again.
// Used by reconstruct() when ReconstructionOptions::swapBackFlaps is set and no slide was found
// (docs/reconstruction.md, "Swapping back a Z-plasty's flaps").
#include "reconstruct/ZCutOutline.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <opencv2/core.hpp>

#include <optional>

namespace rw::reconstruction {

// The flaps' swap, if swapping them back rejoins the ridges around the damage clearly. The
// damage mask must be a quadrilateral (quadrilateralOf). Either diagonal may have been the cut,
// and the flaps may have been swung either way round: each flap grew in one triangle of that
// diagonal and lies now in one of the other diagonal's, sharing one side of the Z with it, so
// there are four ways the swap can have gone. Each is scored as slides are (FlapSlide.h): over a
// band from 1 px to 1.5 ridge periods inside the mask's rim, the correlation of the damaged
// pixels the swap brings back there with the ridges continued in from outside. The best is used
// when the bars in FlapSwap.cpp are met. `damaged`: CV_8UC1; `hole`: CV_8UC1 nonzero = damaged;
// `ridgePeriod` > 0 (pixels). `FlapSwap::restoredFraction` is left 0 (swapBack gives it).
std::optional<FlapSwap> findFlapSwap(const cv::Mat& damaged, const cv::Mat& hole,
                                     double ridgePeriod);

// `damaged` with each flap's content carried back into the pixels of the hole where it grew,
// wherever its source lies at least 0.4 ridge periods (2 px at the least) inside the triangle it
// lies in now: the seams are not given back and stay for an estimate. Outside `restored` the
// pixels are the input's.
FlapsPutBack swapBack(const cv::Mat& damaged, const cv::Mat& hole, const FlapSwap& swap,
                      double ridgePeriod);

}  // namespace rw::reconstruction
