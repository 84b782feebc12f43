#include "MatImage.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {

void releaseMat(void* info)
{
    delete static_cast<cv::Mat*>(info);
}

}  // namespace

QImage grayImage(const cv::Mat& gray)
{
    if (gray.empty() || gray.type() != CV_8UC1)
        return {};
    auto* keeper = new cv::Mat(gray);  // shares the buffer, bumps its reference count
    // The const-data constructor marks the image read-only: any write detaches into a copy.
    return QImage(static_cast<const uchar*>(keeper->data), keeper->cols, keeper->rows,
                  static_cast<qsizetype>(keeper->step[0]), QImage::Format_Grayscale8, &releaseMat,
                  keeper);
}

QImage thumbnailImage(const cv::Mat& gray, int maxSide)
{
    if (gray.empty() || gray.type() != CV_8UC1 || maxSide <= 0)
        return {};
    const double scale =
        std::min(1.0, static_cast<double>(maxSide) / std::max(gray.cols, gray.rows));
    cv::Mat small;
    if (scale < 1.0) {
        const cv::Size size(std::max(1, static_cast<int>(std::lround(gray.cols * scale))),
                            std::max(1, static_cast<int>(std::lround(gray.rows * scale))));
        cv::resize(gray, small, size, 0, 0, cv::INTER_AREA);
    } else {
        small = gray.clone();
    }
    // small is private to this call, so the shared QImage is effectively a copy.
    return grayImage(small);
}

}  // namespace rw
