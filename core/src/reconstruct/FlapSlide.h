#pragma once
// A z-cut as core/damage's `zcut` makes it: the skin cut along a Z and the two triangular flaps
// either side of its diagonal slid along it in opposite directions. Under the mask the flaps
// still hold the print's own ridges, only moved; slid back by the right shift, they meet the
// ridges around the damage again. Used by reconstruct() when
// ReconstructionOptions::slideBackFlaps is set (docs/reconstruction.md, "Sliding back a z-cut's
// flaps").
#include "reconstruct/ZCutOutline.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <opencv2/core.hpp>

#include <optional>

namespace rw::reconstruction {

// The flaps' slide, if sliding them back rejoins the ridges around the damage clearly. The
// damage mask must be a quadrilateral (quadrilateralOf); it is split along either diagonal
// into two triangles, the flaps. A z-cut slides them along the diagonal by the same distance in
// opposite directions, so every such slide up to 1.5 ridge periods (half pixels, then refined
// to a quarter pixel and across the diagonal by up to a pixel) is scored over both flaps together:
// over a band from 1 px to 1.5 ridge periods inside the mask's rim, the correlation of the damaged
// pixels the slide brings there with the ridges continued in from outside (rw::continueRidges). It
// is used when it reaches 0.4, beats no slide by 0.25 and the next local best by 0.05, moves at
// least a pixel, and each flap on its own gains 0.25 over no slide: searched each on its own, or
// with only the pooled bars, the flaps of surgical z-cuts (swapped and turned, not slid) were slid
// too (docs/reconstruction.md). `damaged`: CV_8UC1; `hole`: CV_8UC1 nonzero = damaged;
// `ridgePeriod` > 0 (pixels). `FlapSlide::restoredFraction` is left 0 (slideBack gives it).
std::optional<FlapSlide> findFlapSlide(const cv::Mat& damaged, const cv::Mat& hole,
                                       double ridgePeriod);

// `damaged` with each flap's content slid back into the pixels of the hole whose source lies
// inside that flap, at least 0.4 ridge periods (2 px at the least) from its edges: the cut's
// gap along the Z and the strips whose content slid out of view are not given back and stay
// for an estimate. Outside `restored` the pixels are the input's.
FlapsPutBack slideBack(const cv::Mat& damaged, const cv::Mat& hole, const FlapSlide& slide,
                       double ridgePeriod);

}  // namespace rw::reconstruction
