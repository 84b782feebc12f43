// blendedBaseline(): applyBaseline, then the selective blend of reconstruct().
#include "ridgeworks/reconstruct/BlendedBaseline.h"

#include "reconstruct/SelectiveBlend.h"

namespace rw {

cv::Mat blendedBaseline(Baseline baseline, const cv::Mat& damaged, const cv::Mat& mask,
                        int featherPixels)
{
    const cv::Mat filled = applyBaseline(baseline, damaged, mask);
    if (featherPixels <= 0)
        return filled;
    cv::Mat unit;
    filled.convertTo(unit, CV_32FC1, 1.0 / 255.0);
    return reconstruction::blend(damaged, unit,
                                 reconstruction::featherWeights(mask != 0, featherPixels));
}

}  // namespace rw
