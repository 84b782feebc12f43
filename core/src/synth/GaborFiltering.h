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

}  // namespace rw::synth
