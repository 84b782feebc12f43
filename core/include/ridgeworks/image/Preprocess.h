#pragma once
// The experiment's preprocessing: find the print, crop the blank space around it, scale to
// the model's size — and keep the geometric transform so results map back onto the original.
#include "ridgeworks/image/Print.h"

#include <opencv2/core.hpp>

namespace rw {

// Source pixel (x, y) maps to output ((x - crop.x) * scaleX, (y - crop.y) * scaleY), using
// pixel-centre coordinates as cv::resize does.
struct GeometricTransform {
    cv::Rect crop;        // region of the source image that was kept
    cv::Size sourceSize;  // size of the source image
    cv::Size outputSize;  // size after scaling
    double scaleX = 1.0;  // output pixels per source pixel
    double scaleY = 1.0;

    cv::Point2d toOutput(cv::Point2d source) const;
    cv::Point2d toSource(cv::Point2d output) const;
};

struct PreprocessOptions {
    cv::Size targetSize{100, 100};
    bool keepAspect = false;  // the experiment stretched to 100×100; true pads to keep shape
    int margin = 0;           // extra pixels kept around the foreground box
    // The print's foreground if the caller has already segmented it (CV_8UC1, the image's
    // size, nonzero = print); empty = segmented here. Spares a second segmentation.
    cv::Mat foreground;
};

struct Preprocessed {
    cv::Mat image;       // CV_8UC1, targetSize
    cv::Mat foreground;  // CV_8UC1 mask of the print in `image`
    GeometricTransform transform;
    double ppiX = kDefaultPpi;  // effective resolution after scaling (source ppi × scale)
    double ppiY = kDefaultPpi;
};

Preprocessed preprocessForModel(const Print& print, const PreprocessOptions& options = {});

// Resamples an image in output geometry (e.g. a reconstruction) back onto the source
// geometry. Pixels outside the crop are taken from `sourceBackground` (same size as the source).
cv::Mat mapToSource(const cv::Mat& output, const GeometricTransform& transform,
                    const cv::Mat& sourceBackground);

}  // namespace rw
