// Preprocessing a print once for the in-memory cache.
#include "DataInternal.h"
#include "ridgeworks/common/Error.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>

namespace rw::data {

CachedPrint cachePrint(const Print& print, int imageSize, std::string name,
                       GeometricTransform* transform)
{
    PreprocessOptions options;
    options.targetSize = {imageSize, imageSize};
    Preprocessed pre = preprocessForModel(print, options);
    const double share =
        cv::countNonZero(pre.foreground) / static_cast<double>(imageSize * imageSize);
    if (share < kMinForegroundShare) {
        char reason[128];
        std::snprintf(reason, sizeof reason,
                      "no fingerprint found: the print covers %.1f%% of the image after cropping",
                      100.0 * share);
        throw Error(ErrorKind::InvalidArgument, reason, print.sourcePath);
    }
    if (transform)
        *transform = pre.transform;
    CachedPrint cached;
    cached.image = std::move(pre.image);
    cached.foreground = std::move(pre.foreground);
    cached.ppi = std::sqrt(pre.ppiX * pre.ppiY);
    cached.name = std::move(name);
    return cached;
}

cv::Mat applyTransform(const cv::Mat& image, const GeometricTransform& transform)
{
    const cv::Rect crop = transform.crop & cv::Rect(0, 0, image.cols, image.rows);
    if (image.size() != transform.sourceSize || crop != transform.crop)
        throw Error(ErrorKind::InvalidArgument, "image does not match the crop of its pair");
    // The same interpolation choice as preprocessForModel.
    const bool shrinking =
        transform.outputSize.width <= crop.width && transform.outputSize.height <= crop.height;
    cv::Mat out;
    cv::resize(image(crop), out, transform.outputSize, 0, 0,
               shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

}  // namespace rw::data
