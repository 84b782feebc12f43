// Building blocks shared by the damage kinds: the smudged local background, smooth noise,
// the paper level, feathered blending and the foreground centroid.
#include "DamageInternal.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace rw::damage {

cv::Mat localBackground(const cv::Mat& gray, const cv::Mat& foreground, double sigma)
{
    // Normalised convolution: mean of foreground pixels only, weighted by a Gaussian.
    cv::Mat weight, image;
    foreground.convertTo(weight, CV_32F, 1.0 / 255.0);
    gray.convertTo(image, CV_32F);
    cv::Mat num, den;
    cv::GaussianBlur(image.mul(weight), num, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
    cv::GaussianBlur(weight, den, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
    cv::Mat result = num / cv::max(den, 1e-3f);
    // Where no foreground is within reach, the plain local mean.
    cv::Mat plain;
    cv::GaussianBlur(image, plain, cv::Size(), sigma, sigma, cv::BORDER_REFLECT);
    plain.copyTo(result, den < 1e-3f);
    return result;
}

cv::Mat smoothNoise(cv::Size size, double cellPx, Rng& rng)
{
    const double cell = std::max(cellPx, 1.0);
    const int gw = static_cast<int>(size.width / cell) + 4;
    const int gh = static_cast<int>(size.height / cell) + 4;
    cv::Mat grid(gh, gw, CV_32FC1);
    for (int y = 0; y < gh; ++y)
        for (int x = 0; x < gw; ++x)
            grid.at<float>(y, x) = static_cast<float>(rng.normal());
    cv::Mat big;
    cv::resize(grid, big, cv::Size(static_cast<int>(gw * cell), static_cast<int>(gh * cell)), 0, 0,
               cv::INTER_CUBIC);
    const int ox = std::max(0, (big.cols - size.width) / 2);
    const int oy = std::max(0, (big.rows - size.height) / 2);
    cv::Mat field = big(cv::Rect(ox, oy, size.width, size.height)).clone();
    // Cubic interpolation of unit-variance nodes leaves less variance in between; restore it.
    cv::Scalar mean, stddev;
    cv::meanStdDev(field, mean, stddev);
    if (stddev[0] > 1e-6)
        field = (field - mean[0]) / stddev[0];
    return field;
}

double paperLevel(const cv::Mat& gray, const cv::Mat& foreground)
{
    std::vector<std::uint8_t> values;
    for (int y = 0; y < gray.rows; ++y)
        for (int x = 0; x < gray.cols; ++x)
            if (!foreground.at<std::uint8_t>(y, x))
                values.push_back(gray.at<std::uint8_t>(y, x));
    if (values.size() < 16)
        return 245.0;
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

cv::Mat blendInto(const cv::Mat& gray, const cv::Mat& fill, const cv::Mat& region, double featherPx)
{
    cv::Mat distance;
    cv::distanceTransform(region, distance, cv::DIST_L2, 3);
    cv::Mat alpha = 0.5f + 0.5f * distance / static_cast<float>(std::max(featherPx, 1.0));
    alpha = cv::min(alpha, 1.0f);
    cv::Mat image, fillF;
    gray.convertTo(image, CV_32F);
    fill.convertTo(fillF, CV_32F);
    cv::Mat mixed = fillF.mul(alpha) + image.mul(1.0f - alpha);
    cv::Mat result;
    mixed.convertTo(result, CV_8U);
    return result;
}

std::string describe(const char* pattern, double a, double b)
{
    char text[160];
    std::snprintf(text, sizeof text, pattern, a, b);
    return text;
}

cv::Point2d foregroundCentroid(const cv::Mat& foreground)
{
    const cv::Moments m = cv::moments(foreground, true);
    if (m.m00 <= 0)
        return {foreground.cols / 2.0, foreground.rows / 2.0};
    return {m.m10 / m.m00, m.m01 / m.m00};
}

}  // namespace rw::damage
