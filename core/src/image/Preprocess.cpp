#include "ridgeworks/image/Preprocess.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw {

cv::Point2d GeometricTransform::toOutput(cv::Point2d source) const
{
    // Pixel centres: source centre (x + 0.5) lands on output centre (u + 0.5).
    return {(source.x + 0.5 - crop.x) * scaleX - 0.5, (source.y + 0.5 - crop.y) * scaleY - 0.5};
}

cv::Point2d GeometricTransform::toSource(cv::Point2d output) const
{
    return {(output.x + 0.5) / scaleX + crop.x - 0.5, (output.y + 0.5) / scaleY + crop.y - 0.5};
}

namespace {

// Grows `box` along its shorter side so that it has the target's aspect ratio. The result
// may reach past the image; those pixels are padded with the background level.
cv::Rect matchAspect(cv::Rect box, cv::Size target)
{
    const double targetAspect = static_cast<double>(target.width) / target.height;
    const double aspect = static_cast<double>(box.width) / box.height;
    if (aspect < targetAspect) {
        const int width = static_cast<int>(std::lround(box.height * targetAspect));
        box.x -= (width - box.width) / 2;
        box.width = width;
    } else if (aspect > targetAspect) {
        const int height = static_cast<int>(std::lround(box.width / targetAspect));
        box.y -= (height - box.height) / 2;
        box.height = height;
    }
    return box;
}

// The crop of `image` over `box`, padding whatever lies outside the image with `fill`.
cv::Mat cropPadded(const cv::Mat& image, cv::Rect box, const cv::Scalar& fill)
{
    const cv::Rect inside = box & cv::Rect(0, 0, image.cols, image.rows);
    cv::Mat out(box.size(), image.type(), fill);
    if (inside.area() > 0)
        image(inside).copyTo(
            out(cv::Rect(inside.x - box.x, inside.y - box.y, inside.width, inside.height)));
    return out;
}

// Blank paper is the brightest common level outside the print.
double backgroundLevel(const cv::Mat& gray, const cv::Mat& foreground)
{
    cv::Mat outside;
    cv::bitwise_not(foreground, outside);
    if (cv::countNonZero(outside) == 0)
        return 255.0;
    return cv::mean(gray, outside)[0];
}

}  // namespace

Preprocessed preprocessForModel(const Print& print, const PreprocessOptions& options)
{
    if (print.pixels.empty() || print.pixels.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "preprocessing needs an 8-bit gray image",
                    print.sourcePath);
    if (options.targetSize.width <= 0 || options.targetSize.height <= 0 || options.margin < 0)
        throw Error(ErrorKind::InvalidArgument, "target size must be positive and margin >= 0");

    cv::Mat foreground = options.foreground;
    if (foreground.empty()) {
        ForegroundOptions foregroundOptions;
        foregroundOptions.blockSize = static_cast<int>(std::lround(9.0 * print.ppi / kDefaultPpi));
        foreground = segmentForeground(print.pixels, foregroundOptions);
    } else if (foreground.type() != CV_8UC1 || foreground.size() != print.pixels.size()) {
        throw Error(ErrorKind::InvalidArgument,
                    "the given foreground must be an 8-bit mask the size of the print",
                    print.sourcePath);
    }
    const cv::Rect imageRect(0, 0, print.pixels.cols, print.pixels.rows);
    cv::Rect box = foregroundBox(foreground);
    box = cv::Rect(box.x - options.margin, box.y - options.margin, box.width + 2 * options.margin,
                   box.height + 2 * options.margin) &
          imageRect;
    if (options.keepAspect)
        box = matchAspect(box, options.targetSize);

    const double background = backgroundLevel(print.pixels, foreground);
    const cv::Mat crop = cropPadded(print.pixels, box, cv::Scalar(background));
    const cv::Mat cropMask = cropPadded(foreground, box, cv::Scalar(0));

    Preprocessed result;
    const bool shrinking =
        options.targetSize.width <= box.width && options.targetSize.height <= box.height;
    cv::resize(crop, result.image, options.targetSize, 0, 0,
               shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    cv::resize(cropMask, result.foreground, options.targetSize, 0, 0, cv::INTER_NEAREST);

    GeometricTransform& t = result.transform;
    t.crop = box;
    t.sourceSize = print.pixels.size();
    t.outputSize = options.targetSize;
    t.scaleX = static_cast<double>(options.targetSize.width) / box.width;
    t.scaleY = static_cast<double>(options.targetSize.height) / box.height;
    result.ppiX = print.ppi * t.scaleX;
    result.ppiY = print.ppi * t.scaleY;
    return result;
}

cv::Mat mapToSource(const cv::Mat& output, const GeometricTransform& transform,
                    const cv::Mat& sourceBackground)
{
    if (output.size() != transform.outputSize)
        throw Error(ErrorKind::InvalidArgument, "image size differs from the transform's output");
    if (sourceBackground.size() != transform.sourceSize || sourceBackground.type() != output.type())
        throw Error(ErrorKind::InvalidArgument,
                    "background must have the source size and the image's type");

    cv::Mat result = sourceBackground.clone();
    const cv::Rect region = transform.crop & cv::Rect(0, 0, result.cols, result.rows);
    if (region.area() == 0)
        return result;
    // The transform is separable: a column's output x and a row's output y are computed once.
    std::vector<float> columnX(std::size_t(region.width)), rowY(std::size_t(region.height));
    for (int x = 0; x < region.width; ++x)
        columnX[std::size_t(x)] =
            static_cast<float>(transform.toOutput({double(region.x + x), 0.0}).x);
    for (int y = 0; y < region.height; ++y)
        rowY[std::size_t(y)] =
            static_cast<float>(transform.toOutput({0.0, double(region.y + y)}).y);
    cv::Mat mapX(region.size(), CV_32FC1), mapY(region.size(), CV_32FC1);
    for (int y = 0; y < region.height; ++y) {
        std::copy(columnX.begin(), columnX.end(), mapX.ptr<float>(y));
        std::fill_n(mapY.ptr<float>(y), region.width, rowY[std::size_t(y)]);
    }
    cv::remap(output, result(region), mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return result;
}

}  // namespace rw
