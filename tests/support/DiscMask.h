#pragma once
// A filled disc as a CV_8UC1 mask (255 inside, 0 outside): the round hole most inpainting tests
// cut into a print.
#include <opencv2/imgproc.hpp>

namespace rw::test {

inline cv::Mat discMask(cv::Size size, cv::Point centre, int radius)
{
    cv::Mat mask = cv::Mat::zeros(size, CV_8UC1);
    cv::circle(mask, centre, radius, cv::Scalar(255), cv::FILLED);
    return mask;
}

}  // namespace rw::test
