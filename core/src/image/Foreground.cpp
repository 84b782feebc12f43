#include "ridgeworks/image/Foreground.h"

#include "image/DiscMorphology.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace rw {
namespace {

// Gray-level variance in a window of about one ridge period: ridges alternate dark/light
// within it, blank paper and smooth smudges do not. A box window (unlike a Gaussian) lets the
// step from paper to print spread no further than half a window.
cv::Mat localRidgeVariance(const cv::Mat& gray, int window)
{
    cv::Mat image;
    gray.convertTo(image, CV_32F, 1.0 / 255.0);
    const cv::Size size(window, window);
    cv::Mat mean, meanOfSquares;
    cv::boxFilter(image, mean, CV_32F, size);
    cv::boxFilter(image.mul(image), meanOfSquares, CV_32F, size);
    cv::Mat variance = meanOfSquares - mean.mul(mean);
    return cv::max(variance, 0.0f);
}

float percentile(const cv::Mat& values, double fraction)
{
    std::vector<float> v(values.begin<float>(), values.end<float>());
    const auto k = static_cast<std::size_t>(fraction * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

cv::Mat fillHoles(const cv::Mat& mask)
{
    // Flood the background from a border frame; whatever it cannot reach is a hole.
    cv::Mat padded;
    cv::copyMakeBorder(mask, padded, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::Mat flooded = padded.clone();
    cv::floodFill(flooded, cv::Point(0, 0), cv::Scalar(255));
    cv::Mat holes;
    cv::bitwise_not(flooded, holes);
    cv::Mat filled = padded | holes;
    return filled(cv::Rect(1, 1, mask.cols, mask.rows)).clone();
}

cv::Mat largestComponent(const cv::Mat& mask)
{
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    if (count <= 1)
        return mask;
    int best = 1;
    for (int i = 2; i < count; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) > stats.at<int>(best, cv::CC_STAT_AREA))
            best = i;
    cv::Mat result = labels == best;
    return result;
}

bool isUniform(const cv::Mat& line)
{
    cv::Scalar mean, stddev;
    cv::meanStdDev(line, mean, stddev);
    return stddev[0] < 1.0;
}

// The image without uniform strips along its edges: scanners and dataset tools pad prints
// with constant black or white bands (SOCOFing has 4-pixel black strips at the bottom and
// right). Their hard edge against the print would read as ridge energy.
cv::Rect withoutUniformBorders(const cv::Mat& gray)
{
    int top = 0, bottom = gray.rows, left = 0, right = gray.cols;
    while (bottom - top > 1 && isUniform(gray.row(top)))
        ++top;
    while (bottom - top > 1 && isUniform(gray.row(bottom - 1)))
        --bottom;
    while (right - left > 1 && isUniform(gray.col(left)))
        ++left;
    while (right - left > 1 && isUniform(gray.col(right - 1)))
        --right;
    return {left, top, right - left, bottom - top};
}

}  // namespace

cv::Mat segmentForeground(const cv::Mat& gray, const ForegroundOptions& options)
{
    CV_Assert(gray.type() == CV_8UC1 && !gray.empty());
    const int block = std::max(3, options.blockSize) | 1;  // odd: centred windows
    cv::Mat result = cv::Mat::zeros(gray.size(), CV_8UC1);
    const cv::Rect content = withoutUniformBorders(gray);
    if (content.width < 2 * block || content.height < 2 * block)
        return result;
    // Replicating the content's edge pixels keeps the padding's edge out of the variance.
    cv::Mat padded;
    const int pad = 2 * block;
    cv::copyMakeBorder(gray(content), padded, pad, pad, pad, pad, cv::BORDER_REFLECT);
    const cv::Mat variance =
        localRidgeVariance(padded, block)(cv::Rect(pad, pad, content.width, content.height));
    // Relative to the strongest ridge areas, so contrast and exposure do not matter.
    const float strong = percentile(variance, 0.95);
    if (strong <= 1e-6f)
        return result;
    const cv::Mat raw = variance > static_cast<float>(options.varianceFraction) * strong;

    // Morphology on a zero-padded copy: OpenCV's default border would let a closing
    // glue the print to the image edge.
    cv::Mat mask;
    const int margin = 2 * block + 2;
    cv::copyMakeBorder(raw, mask, margin, margin, margin, margin, cv::BORDER_CONSTANT,
                       cv::Scalar(0));
    // A closing then an opening with an ellipse of radius `block` (DiscMorphology: the same
    // pixels as cv::morphologyEx, 2× faster at this size).
    mask = image::openWithDisc(image::closeWithDisc(mask, block), block);
    mask = mask(cv::Rect(margin, margin, content.width, content.height)).clone();
    // The window spreads the print's edge up to half a window onto the paper around it;
    // pull the border back by that much (not at the image edge: OpenCV's default erosion
    // border counts outside pixels as set).
    const cv::Mat shrink = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(block, block));
    cv::erode(mask, mask, shrink);
    fillHoles(largestComponent(mask)).copyTo(result(content));
    return result;
}

cv::Rect foregroundBox(const cv::Mat& mask)
{
    if (mask.empty())
        return {};
    const cv::Rect box = cv::boundingRect(mask);
    if (box.area() == 0)
        return cv::Rect(0, 0, mask.cols, mask.rows);
    return box;
}

}  // namespace rw
