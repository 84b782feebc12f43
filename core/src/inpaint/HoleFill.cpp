#include "ridgeworks/inpaint/HoleFill.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/inpaint/RidgeContinuation.h"

namespace rw {

const char* toString(HoleFill fill)
{
    switch (fill) {
    case HoleFill::Grey: return "grey";
    case HoleFill::RidgeContinuation: return "ridge-continuation";
    }
    return "unknown";
}

std::optional<HoleFill> holeFillFromString(const std::string& name)
{
    for (HoleFill fill : {HoleFill::Grey, HoleFill::RidgeContinuation})
        if (name == toString(fill))
            return fill;
    return std::nullopt;
}

cv::Mat prepareHoleInput(HoleFill fill, const cv::Mat& image, const cv::Mat& mask,
                         double ridgePeriod, std::optional<RidgeContinuation>* continuation)
{
    if (image.type() != CV_32FC1 || mask.type() != CV_32FC1 || image.size() != mask.size())
        throw Error(ErrorKind::InvalidArgument,
                    "the hole fill needs a float image and a float mask of the same size");
    if (fill == HoleFill::Grey)
        return image;
    // The continuation works on 8-bit pixels (the evidence's own depth); the known pixels are
    // taken back from `image` so they stay exactly as given.
    cv::Mat gray, continued;
    image.convertTo(gray, CV_8UC1, 255.0);
    const cv::Mat hole = mask > 0.5f;
    std::optional<RidgeContinuation> made;
    std::optional<RidgeContinuation>& grower = continuation ? *continuation : made;
    grower.emplace(gray, hole, ridgePeriod, RidgeContinuation::Growth::AlongOwnField);
    grower->grow().convertTo(continued, CV_32FC1, 1.0 / 255.0);
    cv::Mat result = image.clone();
    continued.copyTo(result, hole);
    return result;
}

}  // namespace rw
