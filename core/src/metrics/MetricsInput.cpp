#include "MetricsInput.h"

#include "ridgeworks/common/Error.h"

#include <string>

namespace rw::metrics_detail {
namespace {

std::string sizeText(cv::Size size)
{
    return std::to_string(size.width) + "x" + std::to_string(size.height);
}

}  // namespace

void requireGray8(const cv::Mat& image, const char* what)
{
    if (image.empty())
        throw Error(ErrorKind::InvalidArgument, std::string(what) + " is empty");
    if (image.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, std::string(what) +
                                                    " must be 8-bit gray (CV_8UC1), not type " +
                                                    std::to_string(image.type()));
}

void requireSize(const cv::Mat& image, cv::Size size, const char* what)
{
    if (image.size() != size)
        throw Error(ErrorKind::InvalidArgument, std::string(what) + " is " +
                                                    sizeText(image.size()) + " but should be " +
                                                    sizeText(size));
}

cv::Mat binaryMask(const cv::Mat& mask, cv::Size size, const char* what, unsigned char whenEmpty)
{
    if (mask.empty())
        return cv::Mat(size, CV_8UC1, cv::Scalar(whenEmpty));
    if (mask.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, std::string(what) + " must be CV_8UC1, not type " +
                                                    std::to_string(mask.type()));
    requireSize(mask, size, what);
    cv::Mat binary;
    cv::compare(mask, 0, binary, cv::CMP_NE);
    return binary;
}

}  // namespace rw::metrics_detail
