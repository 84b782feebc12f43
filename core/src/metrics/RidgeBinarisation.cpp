// Binarisation by a local mean threshold after smoothing along the ridges. Smoothing along
// (not across) the ridges bridges pores, scratches and noise without merging neighbouring
// ridges, so fewer false endings reach the skeleton.
#include "RidgeBinarisation.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>

namespace rw::metrics_detail {
namespace {

// Samples along the ridge at +-1.5 and +-3 px (bilinear): a third of a ridge period at
// 500 ppi, short enough to follow the curvature near a core; four samples besides the pixel
// itself smooth nearly as well as six and cost a third less.
constexpr std::array<float, 4> kAlongOffsets = {-3.0f, -1.5f, 1.5f, 3.0f};
// Local-mean window: about one and a half ridge periods at 500 ppi, so it always spans a ridge
// and a valley and its mean sits between them.
constexpr int kMeanWindow = 15;
// Ridge specks and valley pores smaller than this (pixels) are noise, not structure.
constexpr int kMinComponentArea = 16;

// Bilinear sample of a CV_32FC1 image, coordinates clamped to the image (replicated edge).
float sampleAt(const cv::Mat& image, float x, float y)
{
    x = std::clamp(x, 0.0f, float(image.cols - 1));
    y = std::clamp(y, 0.0f, float(image.rows - 1));
    const int x0 = static_cast<int>(x);
    const int y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, image.cols - 1);
    const int y1 = std::min(y0 + 1, image.rows - 1);
    const float ax = x - float(x0);
    const float ay = y - float(y0);
    const float* r0 = image.ptr<float>(y0);
    const float* r1 = image.ptr<float>(y1);
    const float top = r0[x0] + ax * (r0[x1] - r0[x0]);
    const float bottom = r1[x0] + ax * (r1[x1] - r1[x0]);
    return top + ay * (bottom - top);
}

// One pass with hand-written bilinear sampling: about three times faster than a cv::remap
// per offset, which has to build and read two full-size coordinate maps each time.
cv::Mat smoothAlongRidges(const cv::Mat& image, const cv::Mat& orientation)
{
    cv::Mat dx, dy;
    cv::polarToCart(cv::Mat(), orientation, dx, dy);  // unit vectors along the ridges
    cv::Mat smoothed(image.size(), CV_32FC1);
    const float norm = 1.0f / float(kAlongOffsets.size() + 1);
    for (int y = 0; y < image.rows; ++y) {
        const float* px = dx.ptr<float>(y);
        const float* py = dy.ptr<float>(y);
        const float* centre = image.ptr<float>(y);
        float* out = smoothed.ptr<float>(y);
        for (int x = 0; x < image.cols; ++x) {
            float sum = centre[x];
            for (float t : kAlongOffsets)
                sum += sampleAt(image, float(x) + t * px[x], float(y) + t * py[x]);
            out[x] = sum * norm;
        }
    }
    return smoothed;
}

// Clears 8-connected components of `binary` (0/255) smaller than kMinComponentArea.
void removeSmallComponents(cv::Mat& binary)
{
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
    std::vector<unsigned char> keep(std::size_t(count), 1);
    bool any = false;
    for (int i = 1; i < count; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) < kMinComponentArea) {
            keep[std::size_t(i)] = 0;
            any = true;
        }
    }
    if (!any)
        return;
    for (int y = 0; y < binary.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        unsigned char* b = binary.ptr<unsigned char>(y);
        for (int x = 0; x < binary.cols; ++x)
            if (b[x] && !keep[std::size_t(l[x])])
                b[x] = 0;
    }
}

}  // namespace

cv::Mat binariseRidges(const cv::Mat& gray, const cv::Mat& orientation, const cv::Mat& foreground)
{
    cv::Mat image;
    gray.convertTo(image, CV_32F);
    // A light isotropic blur first: pixel noise across the ridge, which smoothing along the
    // ridge does not reach.
    cv::GaussianBlur(image, image, cv::Size(3, 3), 0.8, 0.8, cv::BORDER_REFLECT);
    const cv::Mat smoothed = smoothAlongRidges(image, orientation);
    cv::Mat localMean;
    cv::blur(smoothed, localMean, cv::Size(kMeanWindow, kMeanWindow), cv::Point(-1, -1),
             cv::BORDER_REFLECT);

    cv::Mat ridges;
    cv::compare(smoothed, localMean, ridges, cv::CMP_LT);
    ridges &= foreground;
    removeSmallComponents(ridges);
    // Pores and holes: small valley components inside the print, filled as ridge.
    cv::Mat valleys;
    cv::bitwise_not(ridges, valleys);
    valleys &= foreground;
    cv::Mat before = valleys.clone();
    removeSmallComponents(valleys);
    ridges |= (before & ~valleys);
    return ridges;
}

}  // namespace rw::metrics_detail
