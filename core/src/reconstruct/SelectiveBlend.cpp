#include "reconstruct/SelectiveBlend.h"

#include "inpaint/FieldInterpolation.h"

#include <opencv2/imgproc.hpp>

namespace rw::reconstruction {

cv::Mat featherWeights(const cv::Mat& mask, int featherPixels)
{
    const cv::Mat inside = mask != 0;
    cv::Mat weights;
    if (featherPixels <= 0) {
        inside.convertTo(weights, CV_32FC1, 1.0 / 255.0);
        return weights;
    }
    // Distance of each mask pixel to the nearest pixel outside (1 at the edge). A mask that
    // covers the whole image has no outside: distanceTransform then reports huge distances,
    // which the cap turns into weight 1, as it should.
    const cv::Mat distance = inpaint::distanceToKnown(inside);
    weights = cv::min(distance / float(featherPixels + 1), 1.0f);
    weights.setTo(0.0f, ~inside);
    return weights;
}

cv::Mat blend(const cv::Mat& input, const cv::Mat& estimate, const cv::Mat& weights)
{
    cv::Mat inputFloat;
    input.convertTo(inputFloat, CV_32FC1, 1.0 / 255.0);
    const cv::Mat mixed = inputFloat + (estimate - inputFloat).mul(weights);
    cv::Mat result = toGray(mixed);
    input.copyTo(result, weights == 0.0f);
    return result;
}

cv::Mat toGray(const cv::Mat& estimate)
{
    cv::Mat gray;
    estimate.convertTo(gray, CV_8UC1, 255.0);  // saturating and rounding
    return gray;
}

}  // namespace rw::reconstruction
