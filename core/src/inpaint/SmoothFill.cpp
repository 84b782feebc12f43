// smoothFill(): the print's local mean level, blurred over a ridge period, carried into a hole.
#include "ridgeworks/inpaint/SmoothFill.h"

#include "ridgeworks/common/Error.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include <cmath>

namespace rw {
namespace {

constexpr double kUnmeasuredPeriod = 8.0;  // px, as depthConfidence counts an unmeasured period
constexpr double kTeleaRadius = 5.0;       // px, Telea's neighbourhood, as in the Telea baseline

}  // namespace

// Telea on the print itself smears the rim's ridges into dark and light streaks, which read as
// ridges and make minutiae; from the local mean it is a plain, smooth gray. Worked out on the
// hole's box and the pixels around it that the blur and the fill read, not on the whole print.
cv::Mat smoothFill(const cv::Mat& gray, const cv::Mat& hole, double period)
{
    if (gray.empty() || gray.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "the smooth fill needs an 8-bit gray image");
    if (hole.type() != CV_8UC1 || hole.size() != gray.size())
        throw Error(ErrorKind::InvalidArgument,
                    "the smooth fill needs an 8-bit mask the size of the image");
    cv::Mat filled;
    gray.convertTo(filled, CV_32FC1);
    const cv::Mat inside = hole != 0;
    if (cv::countNonZero(inside) == 0)
        return filled / 255.0;

    const double p = period > 0.0 ? period : kUnmeasuredPeriod;
    const int margin = static_cast<int>(std::ceil(3.0 * p)) + 4 * static_cast<int>(kTeleaRadius) + 2;
    cv::Rect box = cv::boundingRect(inside);
    box =
        cv::Rect(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin) &
        cv::Rect(0, 0, gray.cols, gray.rows);
    cv::Mat known;
    cv::Mat(inside(box) == 0).convertTo(known, CV_32FC1, 1.0 / 255.0);
    const cv::Mat values = filled(box);
    cv::Mat sum, weight;
    cv::GaussianBlur(values.mul(known), sum, {}, p);
    cv::GaussianBlur(known, weight, {}, p);
    const cv::Mat mean = sum / cv::max(weight, 1e-3);
    cv::Mat part;
    cv::inpaint(mean, inside(box), part, kTeleaRadius, cv::INPAINT_TELEA);
    part.copyTo(filled(box), inside(box));
    return filled / 255.0;
}

}  // namespace rw
