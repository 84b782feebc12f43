#include "AnalysisInput.h"

#include "ridgeworks/common/Error.h"

#include <string>

namespace rw::analysis_detail {

cv::Mat toFloatImage(const cv::Mat& image, const char* what)
{
    if (image.empty())
        throw Error(ErrorKind::InvalidArgument, std::string(what) + " is empty");
    if (image.channels() != 1)
        throw Error(ErrorKind::InvalidArgument, std::string(what) + " must have one channel, not " +
                                                    std::to_string(image.channels()));
    cv::Mat result;
    image.convertTo(result, CV_32F);
    return result;
}

cv::Mat toBinaryMask(const cv::Mat& mask, cv::Size size, const char* what)
{
    if (mask.empty())
        return cv::Mat(size, CV_8UC1, cv::Scalar(255));
    if (mask.size() != size)
        throw Error(ErrorKind::InvalidArgument,
                    std::string(what) + " is " + std::to_string(mask.cols) + "x" +
                        std::to_string(mask.rows) + " but the image is " +
                        std::to_string(size.width) + "x" + std::to_string(size.height));
    if (mask.channels() != 1)
        throw Error(ErrorKind::InvalidArgument, std::string(what) + " must have one channel");
    // compare() gives 255 where nonzero for any depth, including float masks.
    cv::Mat binary;
    cv::compare(mask, 0, binary, cv::CMP_NE);
    return binary;
}

}  // namespace rw::analysis_detail
