#pragma once
// cv::Mat → QImage at the ui border: core hands out cv::Mat, only ui knows QImage.
#include <QImage>

#include <opencv2/core.hpp>

namespace rw {

// Shows an 8-bit gray Mat as a QImage without copying the pixels: the QImage holds a
// reference to the Mat's buffer, so the buffer lives as long as either does. The QImage is
// read-only — writing through it copies first — so the Mat (an original) is never altered.
// Safe to call on any thread. An empty or non-CV_8UC1 Mat gives a null QImage.
QImage grayImage(const cv::Mat& gray);

// A copy scaled to fit in maxSide × maxSide, area-averaged (cleaner than QImage's smooth
// scaling when a large print shrinks to a list thumbnail). Never upscales.
QImage thumbnailImage(const cv::Mat& gray, int maxSide);

}  // namespace rw
