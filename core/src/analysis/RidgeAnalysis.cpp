// Orientation, coherence and orientation error: the structure-tensor part of RidgeAnalysis.h.
// Ridge period lives in RidgePeriod.cpp, singular points in SingularPoints.cpp.
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include "AnalysisInput.h"
#include "image/ParallelBlur.h"
#include "ridgeworks/common/Error.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>
#include <numbers>

namespace rw {
namespace {

using analysis_detail::toBinaryMask;
using analysis_detail::toFloatImage;

struct StructureTensor {
    cv::Mat gxx, gyy, gxy;  // Gaussian-averaged gradient products, CV_32FC1
};

// The averaged gradient structure tensor over `within` (empty: the whole image). Gradients are
// averaged as tensors (squared), not as vectors, because the two sides of a ridge have opposite
// gradients that would cancel. Outside the whole image's edge the blur reflects; around `within`
// it reads the gradient products of the whole image (a view blurs with its real neighbours), so
// the tensor there is the whole image's, bit for bit.
StructureTensor structureTensor(const cv::Mat& gray, double smoothingSigma, cv::Rect within = {})
{
    if (!(smoothingSigma > 0.0) || !std::isfinite(smoothingSigma))
        throw Error(ErrorKind::InvalidArgument, "smoothing sigma must be positive");
    const cv::Mat image = toFloatImage(gray, "orientation input");
    const cv::Rect whole(0, 0, image.cols, image.rows);
    if (within.empty())
        within = whole;
    if ((within & whole) != within)
        throw Error(ErrorKind::InvalidArgument, "orientation region outside the image");

    // Scharr rather than Sobel: its response is nearly isotropic, so a grating at 30° does
    // not come out at 31° because of the derivative stencil.
    cv::Mat gx, gy;
    cv::Scharr(image, gx, CV_32F, 1, 0, 1.0, 0.0, cv::BORDER_REFLECT);
    cv::Scharr(image, gy, CV_32F, 0, 1, 1.0, 0.0, cv::BORDER_REFLECT);

    StructureTensor t;
    t.gxx = gx.mul(gx);
    t.gyy = gy.mul(gy);
    t.gxy = gx.mul(gy);
    // OpenCV sizes the kernel from sigma (±4 sigma for floats).
    for (cv::Mat* m : {&t.gxx, &t.gyy, &t.gxy})
        *m = image::gaussianBlurInParallel((*m)(within), smoothingSigma, cv::BORDER_REFLECT);
    return t;
}

cv::Mat orientationOf(const StructureTensor& t)
{
    cv::Mat orientation(t.gxx.size(), CV_32FC1);
    const float pi = std::numbers::pi_v<float>;
    for (int y = 0; y < orientation.rows; ++y) {
        const float* xx = t.gxx.ptr<float>(y);
        const float* yy = t.gyy.ptr<float>(y);
        const float* xy = t.gxy.ptr<float>(y);
        float* out = orientation.ptr<float>(y);
        for (int x = 0; x < orientation.cols; ++x) {
            // Dominant gradient direction (double-angle average), then +90°: ridges run
            // across the gradient. std::atan2, not cv::fastAtan2, whose 0.3° error would show
            // in the orientation metrics.
            const float gradient = 0.5f * std::atan2(2.0f * xy[x], xx[x] - yy[x]);
            float ridge = gradient + 0.5f * pi;
            if (ridge >= pi)
                ridge -= pi;
            if (ridge < 0.0f)
                ridge += pi;
            out[x] = ridge;
        }
    }
    return orientation;
}

}  // namespace

cv::Mat estimateOrientation(const cv::Mat& gray, double smoothingSigma)
{
    return orientationOf(structureTensor(gray, smoothingSigma));
}

cv::Mat estimateOrientationWithin(const cv::Mat& gray, double smoothingSigma,
                                  const cv::Rect& within)
{
    if (within.empty())
        throw Error(ErrorKind::InvalidArgument, "empty orientation region");
    return orientationOf(structureTensor(gray, smoothingSigma, within));
}

cv::Mat estimateCoherence(const cv::Mat& gray, double smoothingSigma)
{
    const StructureTensor t = structureTensor(gray, smoothingSigma);
    cv::Mat coherence(t.gxx.size(), CV_32FC1);
    for (int y = 0; y < coherence.rows; ++y) {
        const float* xx = t.gxx.ptr<float>(y);
        const float* yy = t.gyy.ptr<float>(y);
        const float* xy = t.gxy.ptr<float>(y);
        float* out = coherence.ptr<float>(y);
        for (int x = 0; x < coherence.cols; ++x) {
            // (l1 - l2) / (l1 + l2) of the tensor's eigenvalues; 0 where there is no gradient.
            const float trace = xx[x] + yy[x];
            const float diff = xx[x] - yy[x];
            const float spread = std::sqrt(diff * diff + 4.0f * xy[x] * xy[x]);
            out[x] = trace > 1e-12f ? std::min(1.0f, spread / trace) : 0.0f;
        }
    }
    return coherence;
}

double meanOrientationErrorDeg(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask)
{
    const cv::Mat fa = toFloatImage(a, "first orientation field");
    const cv::Mat fb = toFloatImage(b, "second orientation field");
    if (fa.size() != fb.size())
        throw Error(ErrorKind::InvalidArgument, "orientation fields differ in size");
    const cv::Mat selected = toBinaryMask(mask, fa.size(), "orientation error mask");

    // Axial angles: the difference lives on a circle of circumference pi.
    const double pi = std::numbers::pi;
    double sum = 0.0;
    long long count = 0;
    for (int y = 0; y < fa.rows; ++y) {
        const float* pa = fa.ptr<float>(y);
        const float* pb = fb.ptr<float>(y);
        const unsigned char* pm = selected.ptr<unsigned char>(y);
        for (int x = 0; x < fa.cols; ++x) {
            if (!pm[x])
                continue;
            double d = std::fmod(std::abs(double(pa[x]) - double(pb[x])), pi);
            d = std::min(d, pi - d);
            sum += d;
            ++count;
        }
    }
    if (count == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return sum / double(count) * 180.0 / pi;
}

}  // namespace rw
