#include "RidgeGrowth.h"

#include "GaborBank.h"
#include "GaborFiltering.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw::synth {
namespace {

// Adds a unit-amplitude imprint of kernel `k` (times `sign`) centred on (x, y): a small,
// already well-formed patch of ridges for the filter to extend.
// Only pixels of `region` are written: the zero border and the outside must stay zero.
void imprintSeed(PaddedImage& img, const cv::Mat& region, const GaborKernel& k, int x, int y,
                 float sign)
{
    const int r = k.radius;
    for (int row = 0; row <= 2 * r; ++row) {
        const int yy = y + row - r;
        if (yy < 0 || yy >= region.rows)
            continue;
        const int half = k.half[std::size_t(row)];
        const unsigned char* inside = region.ptr<unsigned char>(yy);
        float* dst = img.row(yy);
        const float* tap = k.taps.data() + k.offset[std::size_t(row)];
        for (int i = 0; i < 2 * half + 1; ++i) {
            const int xx = x - half + i;
            if (xx >= 0 && xx < region.cols && inside[xx])
                dst[xx] = std::clamp(dst[xx] + sign * tap[i] / k.peak, -1.0f, 1.0f);
        }
    }
}

}  // namespace

cv::Mat growRidges(const cv::Mat& orientation, const cv::Mat& period, const cv::Mat& region,
                   const cv::Mat& target, const GrowthSettings& settings, Rng& rng)
{
    const cv::Size size = orientation.size();
    const int w = size.width;
    const int h = size.height;

    // One kernel per pixel of the region, looked up once. The bank (shared, behind a lock)
    // is asked once per period bin, not once per pixel.
    std::vector<const std::vector<GaborKernel>*> periodBins(
        static_cast<std::size_t>(GaborBank::maxPeriodBin()) + 1, nullptr);
    std::vector<const GaborKernel*> kernelAt(static_cast<std::size_t>(w) * h, nullptr);
    int maxRadius = 0;
    double periodSum = 0.0;
    for (int y = 0; y < h; ++y) {
        const float* o = orientation.ptr<float>(y);
        const float* p = period.ptr<float>(y);
        const unsigned char* m = region.ptr<unsigned char>(y);
        for (int x = 0; x < w; ++x) {
            if (!m[x])
                continue;
            const std::size_t bin = static_cast<std::size_t>(GaborBank::periodBin(p[x]));
            if (!periodBins[bin])
                periodBins[bin] = &GaborBank::kernels(int(bin));
            const GaborKernel* k =
                &(*periodBins[bin])[std::size_t(GaborBank::orientationBin(o[x]))];
            kernelAt[std::size_t(y) * w + x] = k;
            maxRadius = std::max(maxRadius, k->radius);
            periodSum += p[x];
        }
    }
    cv::Mat result = cv::Mat::zeros(size, CV_32FC1);
    const int targetCount = cv::countNonZero(target);
    if (targetCount == 0 || maxRadius == 0)
        return result;
    const double meanPeriod = periodSum / cv::countNonZero(region);

    PaddedImage current(size, maxRadius);
    PaddedImage next(size, maxRadius);

    // Seeds: about one per (spacing x spacing) periods of the target, uniformly placed.
    const double spacing = settings.seedSpacing * meanPeriod;
    const int seedCount =
        std::max(1, static_cast<int>(std::lround(targetCount / (spacing * spacing))));
    for (int placed = 0, attempts = 0; placed < seedCount && attempts < 100 * seedCount;
         ++attempts) {
        const int x = rng.uniformInt(0, w - 1);
        const int y = rng.uniformInt(0, h - 1);
        if (!target.at<unsigned char>(y, x))
            continue;
        const float sign = rng.uniform() < 0.5 ? -1.0f : 1.0f;
        imprintSeed(current, region, *kernelAt[std::size_t(y) * w + x], x, y, sign);
        ++placed;
    }

    const float gain = static_cast<float>(settings.gain);
    const cv::Mat grow =
        cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * maxRadius + 1, 2 * maxRadius + 1));
    cv::Mat active(size, CV_8UC1);
    cv::Mat reached(size, CV_8UC1);
    bool allActive = false;
    int settled = -1;  // passes done since the target was covered; -1 while growing
    for (int iteration = 0;
         iteration < settings.maxIterations && settled < settings.settleIterations; ++iteration) {
        // Only pixels within a kernel radius of the current pattern can change; once that
        // is the whole region it stays so.
        if (!allActive) {
            for (int y = 0; y < h; ++y) {
                const float* v = current.row(y);
                unsigned char* a = active.ptr<unsigned char>(y);
                for (int x = 0; x < w; ++x)
                    a[x] = v[x] != 0.0f ? 255 : 0;
            }
            cv::dilate(active, active, grow);
            cv::bitwise_and(active, region, active);
            allActive = cv::countNonZero(active) == cv::countNonZero(region);
        }

        cv::parallel_for_(cv::Range(0, h), [&](const cv::Range& rows) {
            // Active pixels of a row are filtered four at a time where their kernels share a
            // radius (filterAt4: the same sums, faster).
            cv::Point batch[4];
            const GaborKernel* kernels[4];
            float sums[4];
            for (int y = rows.start; y < rows.end; ++y) {
                const unsigned char* a = active.ptr<unsigned char>(y);
                float* out = next.row(y);
                int batched = 0;
                const auto flushOneByOne = [&] {
                    for (int j = 0; j < batched; ++j)
                        out[batch[j].x] = std::clamp(
                            gain * filterAt(current, *kernels[j], batch[j].x, y), -1.0f, 1.0f);
                    batched = 0;
                };
                for (int x = 0; x < w; ++x) {
                    if (!a[x]) {
                        out[x] = 0.0f;
                        continue;
                    }
                    const GaborKernel* k = kernelAt[std::size_t(y) * w + x];
                    if (batched > 0 && k->radius != kernels[0]->radius)
                        flushOneByOne();
                    batch[batched] = {x, y};
                    kernels[batched] = k;
                    if (++batched < 4)
                        continue;
                    filterAt4(current, kernels, batch, sums);
                    for (int j = 0; j < 4; ++j)
                        out[batch[j].x] = std::clamp(gain * sums[j], -1.0f, 1.0f);
                    batched = 0;
                }
                flushOneByOne();
            }
        });
        std::swap(current, next);

        if (settled >= 0) {
            ++settled;
            continue;
        }
        // Covered: every target pixel is within a pixel of a clearly developed value (zero
        // crossings between ridge and valley are one pixel thin).
        for (int y = 0; y < h; ++y) {
            const float* v = current.row(y);
            unsigned char* c = reached.ptr<unsigned char>(y);
            for (int x = 0; x < w; ++x)
                c[x] = std::abs(v[x]) > 0.2f ? 255 : 0;
        }
        cv::dilate(reached, reached, cv::Mat());
        cv::bitwise_and(reached, target, reached);
        if (cv::countNonZero(reached) >= settings.coverage * targetCount)
            settled = 0;
    }

    for (int y = 0; y < h; ++y)
        std::copy_n(current.row(y), w, result.ptr<float>(y));
    return result;
}

}  // namespace rw::synth
