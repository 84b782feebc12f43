#include "FieldInterpolation.h"

#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw::inpaint {
namespace {

// A Gaussian blur at a large sigma on a reduced copy: same result to within interpolation,
// at a fraction of the cost (the kernel of sigma 100 px would be 600 taps wide).
cv::Mat blurAtScale(const cv::Mat& image, double sigma)
{
    const double reduction = std::max(1.0, sigma / 4.0);
    if (reduction < 2.0) {
        cv::Mat out;
        cv::GaussianBlur(image, out, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
        return out;
    }
    const cv::Size small(std::max(1, static_cast<int>(std::lround(image.cols / reduction))),
                         std::max(1, static_cast<int>(std::lround(image.rows / reduction))));
    cv::Mat reduced, blurred, out;
    cv::resize(image, reduced, small, 0, 0, cv::INTER_AREA);
    const double sigmaSmall = sigma * small.width / image.cols;
    cv::GaussianBlur(reduced, blurred, cv::Size(), sigmaSmall, sigmaSmall, cv::BORDER_REPLICATE);
    cv::resize(blurred, out, image.size(), 0, 0, cv::INTER_LINEAR);
    return out;
}

}  // namespace

cv::Mat distanceToKnown(const cv::Mat& unknown)
{
    // Worked out on the unknown pixels' box and one pixel around it: that ring is known, so
    // every unknown pixel's nearest known one lies inside the box or no nearer than the ring
    // (distanceTransform counts nothing beyond the image's edge as known, on the box as on the
    // whole image). The same distances; on the 512×512 bench print a fifth of the time.
    cv::Mat distance = cv::Mat::zeros(unknown.size(), CV_32FC1);
    const cv::Rect box = boxAround(unknown, 1);
    if (!box.empty()) {
        cv::Mat part;
        cv::distanceTransform(unknown(box), part, cv::DIST_L2, cv::DIST_MASK_PRECISE);
        part.copyTo(distance(box));
    }
    return distance;
}

cv::Rect boxAround(const cv::Mat& mask, int margin)
{
    cv::Rect box = cv::boundingRect(mask);
    box.x -= margin;
    box.y -= margin;
    box.width += 2 * margin;
    box.height += 2 * margin;
    return box & cv::Rect(0, 0, mask.cols, mask.rows);
}

cv::Mat interpolateFromSurroundings(const cv::Mat& values, const cv::Mat& weight,
                                    const cv::Mat& distance, double baseSigma)
{
    const int channels = values.channels();
    double maxDistance = 0.0;
    cv::minMaxLoc(distance, nullptr, &maxDistance);
    const int levels =
        1 + static_cast<int>(std::ceil(std::log2((maxDistance + baseSigma) / baseSigma))) + 1;

    cv::Mat weighted;
    {
        std::vector<cv::Mat> planes;
        cv::split(values, planes);
        for (cv::Mat& plane : planes)
            plane = plane.mul(weight);
        cv::merge(planes, weighted);
    }
    // Per level: the weighted sums and the weight reaching each pixel at that scale. The blurs
    // are independent and OpenCV runs each on one thread: they are shared out between threads.
    const auto levelCount = static_cast<std::size_t>(levels);
    std::vector<cv::Mat> sums(levelCount), reach(levelCount);
    cv::parallel_for_(cv::Range(0, 2 * levels), [&](const cv::Range& tasks) {
        for (int task = tasks.start; task < tasks.end; ++task) {
            const int level = task / 2;
            const double sigma = baseSigma * std::pow(2.0, level);
            if (task % 2 == 0)
                sums[std::size_t(level)] = blurAtScale(weighted, sigma);
            else
                reach[std::size_t(level)] = blurAtScale(weight, sigma);
        }
    });

    // The weight must be a real share of the Gaussian, not the tail of a far-away rim pixel.
    constexpr float kMinimumReach = 1e-3f;
    cv::Mat result(values.size(), values.type(), cv::Scalar::all(0));
    // Rows are independent: two threads halve the per-pixel level choice and blend.
    cv::parallel_for_(cv::Range(0, values.rows), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const float* d = distance.ptr<float>(y);
            float* out = result.ptr<float>(y);
            for (int x = 0; x < values.cols; ++x) {
                // On known pixels (distance 0, most of them) the logarithm is exactly 0.
                double s = d[x] == 0.0f ? 0.0 : std::log2((d[x] + baseSigma) / baseSigma);
                int low = std::clamp(static_cast<int>(std::floor(s)), 0, levels - 1);
                while (low < levels - 1 && reach[std::size_t(low)].at<float>(y, x) < kMinimumReach)
                    ++low, s = std::max(s, double(low));
                const int high = std::min(low + 1, levels - 1);
                const float t = static_cast<float>(std::clamp(s - low, 0.0, 1.0));
                const float wLow = reach[std::size_t(low)].at<float>(y, x);
                const float wHigh = reach[std::size_t(high)].at<float>(y, x);
                if (wLow < kMinimumReach)
                    continue;
                const float* sumLow = sums[std::size_t(low)].ptr<float>(y) + x * channels;
                const float* sumHigh = sums[std::size_t(high)].ptr<float>(y) + x * channels;
                for (int c = 0; c < channels; ++c) {
                    const float a = sumLow[c] / wLow;
                    const float b = wHigh >= kMinimumReach ? sumHigh[c] / wHigh : a;
                    out[x * channels + c] = a + t * (b - a);
                }
            }
        }
    });
    return result;
}

}  // namespace rw::inpaint

namespace rw::inpaint {
namespace {

// How strongly a fully weighted pixel holds its value against its neighbours' pull.
constexpr float kDataStiffness = 50.0f;
constexpr int kSweepsPerLevel = 40;
constexpr float kOverRelaxation = 1.7f;
constexpr int kCoarsestSide = 8;

// Below this many pixels a level is relaxed on one thread: handing rows to a second thread
// costs more than the sweep (measured on the 2-core hosts).
constexpr int kParallelPixels = 32 * 1024;

// The membrane update of one pixel's channels, in place.
template <int Channels>
inline void relaxPixel(float* row, const float* up, const float* down, const float* d, float weight,
                       int x, int left, int right)
{
    const float stiffness = kDataStiffness * weight;
    for (int c = 0; c < Channels; ++c) {
        const float neighbours = up[x * Channels + c] + down[x * Channels + c] +
                                 row[left * Channels + c] + row[right * Channels + c];
        const float target = (neighbours + stiffness * d[x * Channels + c]) / (4.0f + stiffness);
        float& v = row[x * Channels + c];
        v += kOverRelaxation * (target - v);
    }
}

// relaxPixel<2> at x and x + 2 (same colour) in one SIMD vector: the same operations in the
// same order per channel, so the same result (the orientation field's sweeps are most of the
// starting fill's cost). Needs 1 <= x and x + 3 < width.
inline void relaxPixelPair2(float* row, const float* up, const float* down, const float* d,
                            const float* weight, int x)
{
    const float s0 = kDataStiffness * weight[x], s1 = kDataStiffness * weight[x + 2];
    const cv::v_float32x4 stiffness(s0, s0, s1, s1);
    const int at = 2 * x;
    const cv::v_float32x4 neighbours = cv::v_load_halves(up + at, up + at + 4) +
                                       cv::v_load_halves(down + at, down + at + 4) +
                                       cv::v_load_halves(row + at - 2, row + at + 2) +
                                       cv::v_load_halves(row + at + 2, row + at + 6);
    const cv::v_float32x4 target =
        (neighbours + stiffness * cv::v_load_halves(d + at, d + at + 4)) /
        (cv::v_setall_f32(4.0f) + stiffness);
    cv::v_float32x4 v = cv::v_load_halves(row + at, row + at + 4);
    v = v + cv::v_setall_f32(kOverRelaxation) * (target - v);
    cv::v_store_low(row + at, v);
    cv::v_store_high(row + at + 4, v);
}

// One colour's half-sweep of the membrane equation on rows [first, last), in place. A pixel
// of one colour reads only pixels of the other, so rows can be relaxed in parallel.
template <int Channels>
void relaxRows(cv::Mat& field, const cv::Mat& data, const cv::Mat& weight, int colour, int first,
               int last)
{
    const int w = field.cols, h = field.rows;
    for (int y = first; y < last; ++y) {
        float* row = field.ptr<float>(y);
        const float* up = field.ptr<float>(std::max(0, y - 1));
        const float* down = field.ptr<float>(std::min(h - 1, y + 1));
        const float* d = data.ptr<float>(y);
        const float* wt = weight.ptr<float>(y);
        int x = (y + colour) % 2;
        if (x == 0) {  // the left edge: its left neighbour is itself
            relaxPixel<Channels>(row, up, down, d, wt[0], 0, 0, std::min(w - 1, 1));
            x = 2;
        }
        if constexpr (Channels == 2)
            for (; x + 3 < w; x += 4)
                relaxPixelPair2(row, up, down, d, wt, x);
        for (; x < w; x += 2)
            relaxPixel<Channels>(row, up, down, d, wt[x], x, x - 1, std::min(w - 1, x + 1));
    }
}

// Red-black over-relaxed sweeps of the membrane equation, in place.
template <int Channels>
void relax(cv::Mat& field, const cv::Mat& data, const cv::Mat& weight, int sweeps)
{
    const bool parallel = field.rows >= 4 && field.rows * field.cols >= kParallelPixels;
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        for (int colour = 0; colour < 2; ++colour) {
            if (!parallel) {
                relaxRows<Channels>(field, data, weight, colour, 0, field.rows);
                continue;
            }
            cv::parallel_for_(cv::Range(0, field.rows), [&](const cv::Range& rows) {
                relaxRows<Channels>(field, data, weight, colour, rows.start, rows.end);
            });
        }
    }
}

void relax(cv::Mat& field, const cv::Mat& data, const cv::Mat& weight, int sweeps)
{
    switch (field.channels()) {
    case 1: relax<1>(field, data, weight, sweeps); return;
    case 2: relax<2>(field, data, weight, sweeps); return;  // the orientation field
    case 3: relax<3>(field, data, weight, sweeps); return;
    case 4: relax<4>(field, data, weight, sweeps); return;
    default: CV_Error(cv::Error::StsBadArg, "membrane interpolation takes 1 to 4 channels");
    }
}

cv::Mat solveLevel(const cv::Mat& weightedValues, const cv::Mat& weight)
{
    cv::Mat data(weightedValues.size(), weightedValues.type());
    {
        std::vector<cv::Mat> planes;
        cv::split(weightedValues, planes);
        for (cv::Mat& plane : planes)
            cv::divide(plane, cv::max(weight, 1e-6f), plane);
        cv::merge(planes, data);
    }
    cv::Mat field;
    if (std::min(weight.cols, weight.rows) <= kCoarsestSide) {
        // The start: the weighted mean everywhere.
        const cv::Scalar sum = cv::sum(weightedValues);
        const double total = std::max(cv::sum(weight)[0], 1e-6);
        field = cv::Mat(weight.size(), weightedValues.type(), sum * (1.0 / total));
    } else {
        // Coarse first: a half-size problem (weights and weighted values averaged), its
        // solution upsampled as the start here.
        cv::Mat smallValues, smallWeight;
        const cv::Size half((weight.cols + 1) / 2, (weight.rows + 1) / 2);
        cv::resize(weightedValues, smallValues, half, 0, 0, cv::INTER_AREA);
        cv::resize(weight, smallWeight, half, 0, 0, cv::INTER_AREA);
        cv::resize(solveLevel(smallValues, smallWeight), field, weight.size(), 0, 0,
                   cv::INTER_LINEAR);
    }
    relax(field, data, weight, kSweepsPerLevel);
    return field;
}

}  // namespace

cv::Mat membraneInterpolation(const cv::Mat& values, const cv::Mat& weight)
{
    std::vector<cv::Mat> planes;
    cv::split(values, planes);
    for (cv::Mat& plane : planes)
        plane = plane.mul(weight);
    cv::Mat weighted;
    cv::merge(planes, weighted);
    return solveLevel(weighted, weight);
}

}  // namespace rw::inpaint
