#pragma once
// The ridge orientation inside a hole, carried in from the ridges around it, with the cores
// and deltas the hole hides.
#include <opencv2/core.hpp>

namespace rw::inpaint {

// Ridge direction per pixel (CV_32FC1, radians, the estimateOrientation convention) for
// `image` (CV_32FC1) whose `hole` (CV_8UC1, nonzero) is unknown. Outside the hole it is the
// smoothed structure-tensor orientation of the known pixels. Inside, the doubled-angle field
// is interpolated from the rim; when the field turns around a hole (its Poincaré index along
// the rim is not 0), a core or delta lies under it: that singular turn is placed where it
// best explains the field on rims around the hole, and only the smooth remainder is
// interpolated, so the filled field turns around the singular point as a finger's does
// instead of flattening it. With no net turn no singular point is placed (a core and a delta
// hidden together look like a bend from outside; placing a false pair would invent them).
cv::Mat fillOrientation(const cv::Mat& image, const cv::Mat& hole);

}  // namespace rw::inpaint
