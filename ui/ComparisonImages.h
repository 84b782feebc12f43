#pragma once
// The pictures the comparison modes show for a reconstruction, as plain image functions (no
// widgets, any thread), so each mode's output can be checked pixel by pixel. Inputs are the
// workbench's cv::Mat kinds: CV_8UC1 prints and masks (nonzero = set), CV_32FC1 confidence in
// [0,1]. Colour outputs are CV_8UC3 in OpenCV's BGR order; colourImage() hands them to Qt.
#include <QImage>

#include <opencv2/core.hpp>

namespace rw {

// The amber of the estimate outline (the app icon's reconstructed patch), BGR.
inline const cv::Vec3b kEstimateOutlineBgr(0x42, 0xae, 0xff);

// |a − b| per pixel, CV_8UC1. `a`, `b`: CV_8UC1 of the same size.
cv::Mat differenceImage(const cv::Mat& a, const cv::Mat& b);

// The heat map colour of one absolute difference (0..255 gray levels): black for 0 (the
// images agree), through purple and orange to pale yellow for 255 (OpenCV's "inferno").
cv::Vec3b heatColour(int difference);
// |estimate − reference| coloured with heatColour(), CV_8UC3.
cv::Mat heatMap(const cv::Mat& estimate, const cv::Mat& reference);
// The legend bar: heatColour(0) at the left to heatColour(255) at the right, CV_8UC3.
cv::Mat heatLegend(int width, int height);

// The one-pixel boundary of a mask: set pixels with at least one unset 4-neighbour (or on
// the image edge). CV_8UC1, 255 = outline; always inside the mask.
cv::Mat maskOutline(const cv::Mat& mask);
// `image` (CV_8UC1 or CV_8UC3) as BGR with the outline of `mask` painted in `colour`.
cv::Mat drawOutline(const cv::Mat& image, const cv::Mat& mask,
                    const cv::Vec3b& colour = kEstimateOutlineBgr);

// The colour that marks an estimated pixel of confidence `c` (0..1): red when the model is
// unsure, through amber to green when it is sure.
cv::Vec3b confidenceColour(double confidence);
// The estimate as the overlay mode shows it: gray, with the changed pixels tinted by
// confidenceColour() at `opacity` (0..1; `fill` false = no tint) and their outline in amber.
// Pixels outside `changedMask` keep their gray value (as BGR). The outline is always drawn.
cv::Mat confidenceOverlay(const cv::Mat& estimate, const cv::Mat& changedMask,
                          const cv::Mat& confidence, double opacity = 0.45, bool fill = true);

// Swipe: columns left of `dividerX` from `left`, the others from `right` (same size and
// type). `dividerX` is clamped to [0, width].
cv::Mat composeSwipe(const cv::Mat& left, const cv::Mat& right, int dividerX);

// BGR (CV_8UC3) or gray (CV_8UC1) Mat → QImage, copied (safe to keep after the Mat goes).
QImage colourImage(const cv::Mat& image);
// QImage → CV_8UC1 (gray) copy; for tests and pixel readouts.
cv::Mat grayMat(const QImage& image);

}  // namespace rw
