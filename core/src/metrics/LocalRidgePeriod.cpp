// Local ridge period from the spectrum of overlapping windows. A block of ridges is a
// narrow-band texture: its power concentrates at one spatial frequency whose radius is
// 1/period, whatever the direction, so the strongest spectral peak gives the period.
#include "ridgeworks/metrics/RidgeStructure.h"

#include "MetricsInput.h"
#include "RidgeFields.h"
#include "ridgeworks/common/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace rw {
namespace {

// Below 3 px a ridge is barely resolved (Nyquist is 2 px).
constexpr double kMinPeriod = 3.0;
// A window with less gray-level spread than this (standard deviation, gray levels) is blank
// paper or a smooth smudge, not ridges.
constexpr double kMinSpread = 2.0;
// Share of the window's power (half plane) the peak and its 8 neighbours must hold; noise
// spreads its power over the whole spectrum, ridges put it in one spot.
constexpr double kMinPeakShare = 0.08;

// Share of the Hann window's weight the region must cover (a block fully in the region
// holds about two thirds of it); less is too few ridges for a period.
constexpr double kMinSupport = 0.2;
// The region's edge is softened by a Gaussian of this sigma (pixels) before it weighs the
// window: a hard edge would spread its own spectrum over the ridge frequencies.
constexpr double kSupportSoftening = 2.0;

// A separable Hann window: tapers the patch so that its edges do not smear the spectrum.
cv::Mat hannWindow(int side)
{
    cv::Mat window;
    cv::createHanningWindow(window, cv::Size(side, side), CV_32F);
    return window;
}

// Log-parabolic (Gaussian) interpolation of a peak between samples: accurate for the nearly
// Gaussian main lobe of a Hann-windowed sinusoid.
double peakOffset(double left, double centre, double right)
{
    const double a = std::log(left + 1e-12);
    const double b = std::log(centre + 1e-12);
    const double c = std::log(right + 1e-12);
    const double curvature = a - 2.0 * b + c;
    if (!(curvature < 0.0))
        return 0.0;
    return std::clamp(0.5 * (a - c) / curvature, -0.5, 0.5);
}

class PeriodEstimator {
public:
    PeriodEstimator(int window)
        : m_window(window)
        , m_size(cv::getOptimalDFTSize(window))
        , m_hann(hannWindow(window))
        , m_hannSum(cv::sum(m_hann)[0])
        , m_padded(m_size, m_size, CV_32FC1, cv::Scalar(0))
    {
        // Two periods must fit in the taper's effective width (about half the window).
        const double maxPeriod = window / 4.0;
        m_minRadius = double(m_size) / maxPeriod;
        m_maxRadius = double(m_size) / kMinPeriod;
    }

    // Period in pixels of a window-sized CV_32FC1 patch, 0 when it shows none. `support`
    // (window-sized CV_32FC1 in [0, 1], or empty = all 1) limits the pixels that count.
    double period(const cv::Mat& patch, const cv::Mat& support)
    {
        const cv::Mat weight = support.empty() ? m_hann : m_hann.mul(support);
        const double weightSum = cv::sum(weight)[0];
        if (weightSum < kMinSupport * m_hannSum)
            return 0.0;  // too little of the window lies in the region
        const double mean = patch.dot(weight) / weightSum;
        const double meanSquare = patch.mul(patch).dot(weight) / weightSum;
        if (meanSquare - mean * mean < kMinSpread * kMinSpread)
            return 0.0;
        cv::Mat target = m_padded(cv::Rect(0, 0, m_window, m_window));
        cv::subtract(patch, mean, target);
        cv::multiply(target, weight, target);
        cv::dft(m_padded, m_spectrum, cv::DFT_COMPLEX_OUTPUT);
        return peakPeriod();
    }

private:
    double power(int ky, int kx) const
    {
        const cv::Vec2f v =
            m_spectrum.at<cv::Vec2f>((ky + m_size) % m_size, (kx + m_size) % m_size);
        return double(v[0]) * v[0] + double(v[1]) * v[1];
    }

    static int signedIndex(int k, int n) { return k <= n / 2 ? k : k - n; }

    double peakPeriod() const
    {
        // The spectrum of a real patch is symmetric: the half plane ky >= 0 holds it all.
        const int n = m_size;
        double total = 0.0, best = -1.0;
        int bestX = 0, bestY = 0;
        for (int ky = 0; ky <= n / 2; ++ky) {
            const cv::Vec2f* row = m_spectrum.ptr<cv::Vec2f>(ky);
            for (int k = 0; k < n; ++k) {
                const double p = double(row[k][0]) * row[k][0] + double(row[k][1]) * row[k][1];
                total += p;
                const int kx = signedIndex(k, n);
                const double radius = std::hypot(double(kx), double(ky));
                if (radius < m_minRadius || radius > m_maxRadius)
                    continue;
                if (p > best) {
                    best = p;
                    bestX = kx;
                    bestY = ky;
                }
            }
        }
        if (best <= 0.0 || total <= 0.0)
            return 0.0;
        double neighbourhood = 0.0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                neighbourhood += power(bestY + dy, bestX + dx);
        if (neighbourhood < kMinPeakShare * total)
            return 0.0;

        const double fx =
            bestX + peakOffset(power(bestY, bestX - 1), best, power(bestY, bestX + 1));
        const double fy =
            bestY + peakOffset(power(bestY - 1, bestX), best, power(bestY + 1, bestX));
        const double radius = std::hypot(fx, fy);
        // A maximum on the edge of the search range is a slope (shading, pixel noise).
        if (radius <= m_minRadius || radius >= m_maxRadius)
            return 0.0;
        return double(n) / radius;
    }

    int m_window;
    int m_size;
    cv::Mat m_hann;
    double m_hannSum;
    cv::Mat m_padded;
    cv::Mat m_spectrum;
    double m_minRadius = 0.0;
    double m_maxRadius = 0.0;
};

// Start of a window of `window` samples centred on `centre`, kept inside [0, extent) when
// it fits; windows larger than the image start at 0 and are zero-padded.
int windowStart(int centre, int window, int extent)
{
    if (window >= extent)
        return 0;
    return std::clamp(centre - window / 2, 0, extent - window);
}

}  // namespace

namespace metrics_detail {

cv::Mat localRidgePeriodWithin(const cv::Mat& gray, int blockSize, const cv::Mat& where)
{
    // Windows twice the block: the Hann taper halves the effective width, and neighbouring
    // windows overlap by half so the field changes smoothly from block to block.
    const int window = 2 * blockSize;
    PeriodEstimator estimator(window);
    cv::Mat image;
    gray.convertTo(image, CV_32F);
    cv::Mat periods(gray.size(), CV_32FC1, cv::Scalar(0));
    cv::Mat patch(window, window, CV_32FC1);
    // Only the region's pixels count, so that a period "inside the mask" is the period of
    // what is inside the mask, not of the intact ridges around it.
    cv::Mat support, supportPatch;
    if (!where.empty()) {
        where.convertTo(support, CV_32F, 1.0 / 255.0);
        cv::GaussianBlur(support, support, cv::Size(0, 0), kSupportSoftening);
        support.setTo(cv::Scalar(0), where == 0);  // soften inwards only
        supportPatch.create(window, window, CV_32FC1);
    }

    for (int y = 0; y < gray.rows; y += blockSize) {
        for (int x = 0; x < gray.cols; x += blockSize) {
            const cv::Rect block =
                cv::Rect(x, y, blockSize, blockSize) & cv::Rect(0, 0, gray.cols, gray.rows);
            if (!where.empty() && cv::countNonZero(where(block)) == 0)
                continue;  // nobody asks about this block: save its transform
            const int x0 = windowStart(x + block.width / 2, window, gray.cols);
            const int y0 = windowStart(y + block.height / 2, window, gray.rows);
            const cv::Rect source =
                cv::Rect(x0, y0, window, window) & cv::Rect(0, 0, gray.cols, gray.rows);
            const cv::Rect inPatch(0, 0, source.width, source.height);
            if (source.size() != patch.size()) {
                // Pad a too-small image with its mean, which the estimator removes again.
                patch.setTo(cv::mean(image(source)));
                if (!supportPatch.empty())
                    supportPatch.setTo(cv::Scalar(0));
            }
            image(source).copyTo(patch(inPatch));
            if (!supportPatch.empty())
                support(source).copyTo(supportPatch(inPatch));
            periods(block).setTo(cv::Scalar(estimator.period(patch, supportPatch)));
        }
    }
    return periods;
}

}  // namespace metrics_detail

cv::Mat localRidgePeriod(const cv::Mat& gray, int blockSize)
{
    metrics_detail::requireGray8(gray, "ridge-period input");
    if (blockSize < 8 || blockSize > 256)
        throw Error(ErrorKind::InvalidArgument,
                    "ridge-period block size must be 8..256, not " + std::to_string(blockSize));
    return metrics_detail::localRidgePeriodWithin(gray, blockSize, {});
}

}  // namespace rw
