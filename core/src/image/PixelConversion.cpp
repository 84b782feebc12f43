#include "PixelConversion.h"

#include <opencv2/imgproc.hpp>

namespace rw::detail {
namespace {

cv::Mat toGrayChannel(const cv::Mat& decoded)
{
    cv::Mat gray;
    switch (decoded.channels()) {
    case 1: gray = decoded; break;
    case 3: cv::cvtColor(decoded, gray, cv::COLOR_BGR2GRAY); break;
    case 4: cv::cvtColor(decoded, gray, cv::COLOR_BGRA2GRAY); break;
    default: cv::extractChannel(decoded, gray, 0); break;  // gray + alpha
    }
    return gray;
}

}  // namespace

cv::Mat toGray8(const cv::Mat& decoded)
{
    cv::Mat source = decoded;
    // cvtColor needs 8U, 16U or 32F; bring the rarer depths to 32F first.
    if (source.depth() != CV_8U && source.depth() != CV_16U && source.depth() != CV_32F)
        source.convertTo(source, CV_32F);
    cv::Mat gray = toGrayChannel(source);
    cv::Mat out;
    switch (gray.depth()) {
    case CV_8U: out = gray.clone(); break;
    case CV_16U: gray.convertTo(out, CV_8U, 1.0 / 257.0); break;  // 65535 -> 255 exactly
    default: {
        // Float data: [0,1] images are scaled as such, anything else is stretched.
        double lo = 0.0, hi = 0.0;
        cv::minMaxLoc(gray, &lo, &hi);
        if (lo >= 0.0 && hi <= 1.0)
            gray.convertTo(out, CV_8U, 255.0);
        else if (hi > lo)
            gray.convertTo(out, CV_8U, 255.0 / (hi - lo), -lo * 255.0 / (hi - lo));
        else
            out = cv::Mat(gray.size(), CV_8UC1, cv::Scalar(0));
        break;
    }
    }
    return out;
}

}  // namespace rw::detail
