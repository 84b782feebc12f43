#pragma once
// The classical baselines every evaluation reports next to a model: do nothing, OpenCV's
// inpainting (Telea's fast marching, Navier–Stokes) inside the damage mask, and the
// ridge-aware classical fill (rw::continueRidges: interpolated orientation, grown ridges).
#include <opencv2/core.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rw {

enum class Baseline { Identity, Telea, NavierStokes, RidgeContinuation };

const char*
toString(Baseline baseline);  // "identity", "telea", "navier-stokes", "ridge-continuation"
std::optional<Baseline> baselineFromString(const std::string& name);
std::vector<Baseline> allBaselines();

// `damaged`: CV_8UC1; `mask`: CV_8UC1 nonzero = fill. Identity returns a copy. Pixels outside
// the mask are bit-identical to `damaged` for every baseline, and what lies under the mask
// does not influence the fill, except through the ridge continuation's period: it is measured
// as reconstruction measures it, on the whole print first (estimateDamagedPrintRidgePeriod);
// with none found the continuation draws no ridges but rw::smoothFill's plain level. `radius`: inpainting radius (pixels, > 0; OpenCV's methods only). An
// empty or all-zero mask returns a copy. Throws rw::Error(InvalidArgument) on a wrong type or size
// or a non-positive radius.
cv::Mat applyBaseline(Baseline baseline, const cv::Mat& damaged, const cv::Mat& mask,
                      double radius = 5.0);

}  // namespace rw
