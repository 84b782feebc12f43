#include "ComparisonImages.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {

cv::Mat toBgr(const cv::Mat& image)
{
    if (image.type() == CV_8UC3)
        return image.clone();
    cv::Mat bgr;
    cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

const cv::Mat& inferno()
{
    static const cv::Mat lut = [] {
        cv::Mat ramp(1, 256, CV_8UC1);
        for (int i = 0; i < 256; ++i)
            ramp.at<std::uint8_t>(0, i) = static_cast<std::uint8_t>(i);
        cv::Mat coloured;
        cv::applyColorMap(ramp, coloured, cv::COLORMAP_INFERNO);
        return coloured;
    }();
    return lut;
}

}  // namespace

cv::Mat differenceImage(const cv::Mat& a, const cv::Mat& b)
{
    CV_Assert(a.type() == CV_8UC1 && b.type() == CV_8UC1 && a.size() == b.size());
    cv::Mat difference;
    cv::absdiff(a, b, difference);
    return difference;
}

cv::Vec3b heatColour(int difference)
{
    return inferno().at<cv::Vec3b>(0, std::clamp(difference, 0, 255));
}

cv::Mat heatMap(const cv::Mat& estimate, const cv::Mat& reference)
{
    const cv::Mat difference = differenceImage(estimate, reference);
    cv::Mat coloured(difference.size(), CV_8UC3);
    const cv::Mat& lut = inferno();
    for (int y = 0; y < difference.rows; ++y) {
        const std::uint8_t* in = difference.ptr<std::uint8_t>(y);
        cv::Vec3b* out = coloured.ptr<cv::Vec3b>(y);
        for (int x = 0; x < difference.cols; ++x)
            out[x] = lut.at<cv::Vec3b>(0, in[x]);
    }
    return coloured;
}

cv::Mat heatLegend(int width, int height)
{
    width = std::max(width, 2);
    height = std::max(height, 1);
    cv::Mat legend(height, width, CV_8UC3);
    for (int x = 0; x < width; ++x) {
        const int value = static_cast<int>(std::lround(255.0 * x / (width - 1)));
        legend.col(x).setTo(heatColour(value));
    }
    return legend;
}

cv::Mat maskOutline(const cv::Mat& mask)
{
    CV_Assert(mask.type() == CV_8UC1);
    const cv::Mat set = mask != 0;
    cv::Mat inner;
    // Outside the image counts as unset, so a mask touching the edge is closed there too.
    cv::erode(set, inner, cv::getStructuringElement(cv::MORPH_CROSS, cv::Size(3, 3)),
              cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::Mat outline;
    cv::subtract(set, inner, outline);
    return outline;
}

cv::Mat drawOutline(const cv::Mat& image, const cv::Mat& mask, const cv::Vec3b& colour)
{
    cv::Mat bgr = toBgr(image);
    if (!mask.empty())
        bgr.setTo(cv::Scalar(colour[0], colour[1], colour[2]), maskOutline(mask));
    return bgr;
}

cv::Vec3b confidenceColour(double confidence)
{
    const double c = std::clamp(confidence, 0.0, 1.0);
    // Red (unsure) → amber → green (sure), BGR.
    const cv::Vec3d red(60, 50, 230), amber(40, 180, 250), green(90, 190, 60);
    const cv::Vec3d colour =
        c < 0.5 ? red + (amber - red) * (c / 0.5) : amber + (green - amber) * ((c - 0.5) / 0.5);
    return {cv::saturate_cast<std::uint8_t>(colour[0]), cv::saturate_cast<std::uint8_t>(colour[1]),
            cv::saturate_cast<std::uint8_t>(colour[2])};
}

cv::Mat confidenceOverlay(const cv::Mat& estimate, const cv::Mat& changedMask,
                          const cv::Mat& confidence, double opacity, bool fill)
{
    cv::Mat bgr = toBgr(estimate);
    if (changedMask.empty())
        return bgr;
    const double alpha = std::clamp(opacity, 0.0, 1.0);
    if (fill && alpha > 0.0) {
        for (int y = 0; y < bgr.rows; ++y) {
            const std::uint8_t* changed = changedMask.ptr<std::uint8_t>(y);
            const float* conf = confidence.empty() ? nullptr : confidence.ptr<float>(y);
            cv::Vec3b* out = bgr.ptr<cv::Vec3b>(y);
            for (int x = 0; x < bgr.cols; ++x) {
                if (!changed[x])
                    continue;
                const cv::Vec3b tint = confidenceColour(conf ? conf[x] : 0.0);
                for (int c = 0; c < 3; ++c)
                    out[x][c] = cv::saturate_cast<std::uint8_t>((1.0 - alpha) * out[x][c] +
                                                                alpha * tint[c]);
            }
        }
    }
    bgr.setTo(cv::Scalar(kEstimateOutlineBgr[0], kEstimateOutlineBgr[1], kEstimateOutlineBgr[2]),
              maskOutline(changedMask));
    return bgr;
}

cv::Mat composeSwipe(const cv::Mat& left, const cv::Mat& right, int dividerX)
{
    CV_Assert(left.size() == right.size() && left.type() == right.type());
    const int x = std::clamp(dividerX, 0, left.cols);
    cv::Mat composed = right.clone();
    if (x > 0)
        left.colRange(0, x).copyTo(composed.colRange(0, x));
    return composed;
}

QImage colourImage(const cv::Mat& image)
{
    if (image.empty())
        return {};
    if (image.type() == CV_8UC1)
        return QImage(image.data, image.cols, image.rows, static_cast<qsizetype>(image.step[0]),
                      QImage::Format_Grayscale8)
            .copy();
    CV_Assert(image.type() == CV_8UC3);
    return QImage(image.data, image.cols, image.rows, static_cast<qsizetype>(image.step[0]),
                  QImage::Format_BGR888)
        .copy();
}

cv::Mat grayMat(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat mat(gray.height(), gray.width(), CV_8UC1);
    for (int y = 0; y < gray.height(); ++y)
        std::copy_n(gray.constScanLine(y), gray.width(), mat.ptr<std::uint8_t>(y));
    return mat;
}

}  // namespace rw
