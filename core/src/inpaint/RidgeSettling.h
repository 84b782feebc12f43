#pragma once
// Ridge settling: a few passes of oriented Gabor filtering over an estimate inside a hole, each
// pixel along the estimate's own ridge orientation. A network's estimate has the right ridge
// flow but breaks and forks its ridges more often than a finger does; filtering along the flow
// joins the breaks and clears the stray ends, while the estimate's own ridges set the phase
// (docs/reconstruction.md, "Ridge settling").
#include <opencv2/core.hpp>

namespace rw::inpaint {

// `image`: CV_32FC1 in [0,1], the print with the estimate in the hole. `hole`: CV_8UC1, nonzero
// = the estimate's pixels. `period`: the print's ridge period (px, > 0); `passes` ≥ 0. Returns a
// copy of `image` whose hole pixels are settled; every other pixel is unchanged. Only the hole's
// box and the reach of the filters around it are worked on.
cv::Mat settleRidges(const cv::Mat& image, const cv::Mat& hole, double period, int passes);

}  // namespace rw::inpaint
