#pragma once
// Applying one GaborBank kernel at one pixel: what ridge growth (synthesis) and ridge
// continuation (inpainting) both do thousands of times per iteration.
#include "GaborBank.h"

#include <opencv2/core.hpp>
#include <opencv2/core/hal/intrin.hpp>

#include <cstddef>
#include <vector>

namespace rw::synth {

// A float image with a zero border wide enough for the largest kernel (and the SIMD
// over-read of a padded kernel row), so the filter loop needs no bounds checks.
struct PaddedImage {
    int pad = 0;
    int stride = 0;
    std::vector<float> data;

    PaddedImage(cv::Size size, int radius)
        : pad(radius)
        , stride(size.width + 2 * radius + 4)
        , data(static_cast<std::size_t>(stride) * (size.height + 2 * radius), 0.0f)
    {
    }
    float* row(int y) { return data.data() + static_cast<std::size_t>(y + pad) * stride + pad; }
    const float* row(int y) const
    {
        return data.data() + static_cast<std::size_t>(y + pad) * stride + pad;
    }
};

// The kernel applied at (x, y) of `in`: sum over the disc of taps * pixels, four lanes at a
// time. The summation order is fixed per pixel, so threads cannot change the result.
inline float filterAt(const PaddedImage& in, const GaborKernel& k, int x, int y)
{
    cv::v_float32x4 acc = cv::v_setzero_f32();
    const int r = k.radius;
    for (int row = 0; row <= 2 * r; ++row) {
        const int half = k.half[std::size_t(row)];
        const float* src = in.row(y + row - r) + x - half;
        const float* tap = k.taps.data() + k.offset[std::size_t(row)];
        for (int i = 0; i < 2 * half + 1; i += 4)
            acc = cv::v_muladd(cv::v_load(tap + i), cv::v_load(src + i), acc);
    }
    return cv::v_reduce_sum(acc);
}

// filterAt at four pixels at once, each with its own kernel; the kernels share a radius (all
// kernels of one period bin do, so their rows have the same widths and offsets). One pixel's
// sum is a chain of dependent additions that leaves the processor waiting on each; four
// independent chains keep it busy, and neighbouring pixels, which mostly share a kernel, load
// its taps once. Each pixel's sum takes the same steps in the same order as in filterAt, so
// the results are bit-identical to four filterAt calls.
inline void filterAt4(const PaddedImage& in, const GaborKernel* const k[4], const cv::Point p[4],
                      float out[4])
{
    cv::v_float32x4 acc0 = cv::v_setzero_f32(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
    const GaborKernel& shape = *k[0];
    const bool shared = k[0] == k[1] && k[0] == k[2] && k[0] == k[3];
    const int r = shape.radius;
    for (int row = 0; row <= 2 * r; ++row) {
        const int half = shape.half[std::size_t(row)];
        const int offset = shape.offset[std::size_t(row)];
        const float* src0 = in.row(p[0].y + row - r) + p[0].x - half;
        const float* src1 = in.row(p[1].y + row - r) + p[1].x - half;
        const float* src2 = in.row(p[2].y + row - r) + p[2].x - half;
        const float* src3 = in.row(p[3].y + row - r) + p[3].x - half;
        const float* tap0 = k[0]->taps.data() + offset;
        if (shared) {
            for (int i = 0; i < 2 * half + 1; i += 4) {
                const cv::v_float32x4 tap = cv::v_load(tap0 + i);
                acc0 = cv::v_muladd(tap, cv::v_load(src0 + i), acc0);
                acc1 = cv::v_muladd(tap, cv::v_load(src1 + i), acc1);
                acc2 = cv::v_muladd(tap, cv::v_load(src2 + i), acc2);
                acc3 = cv::v_muladd(tap, cv::v_load(src3 + i), acc3);
            }
            continue;
        }
        const float* tap1 = k[1]->taps.data() + offset;
        const float* tap2 = k[2]->taps.data() + offset;
        const float* tap3 = k[3]->taps.data() + offset;
        for (int i = 0; i < 2 * half + 1; i += 4) {
            acc0 = cv::v_muladd(cv::v_load(tap0 + i), cv::v_load(src0 + i), acc0);
            acc1 = cv::v_muladd(cv::v_load(tap1 + i), cv::v_load(src1 + i), acc1);
            acc2 = cv::v_muladd(cv::v_load(tap2 + i), cv::v_load(src2 + i), acc2);
            acc3 = cv::v_muladd(cv::v_load(tap3 + i), cv::v_load(src3 + i), acc3);
        }
    }
    out[0] = cv::v_reduce_sum(acc0);
    out[1] = cv::v_reduce_sum(acc1);
    out[2] = cv::v_reduce_sum(acc2);
    out[3] = cv::v_reduce_sum(acc3);
}

}  // namespace rw::synth
