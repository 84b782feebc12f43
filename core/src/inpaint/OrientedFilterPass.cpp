#include "inpaint/OrientedFilterPass.h"

#include <algorithm>

namespace rw::inpaint {

void orientedFilterPass(const synth::PaddedImage& current, synth::PaddedImage& next,
                        const std::vector<cv::Point>& pixels,
                        const std::vector<const synth::GaborKernel*>& kernelOf, float gain,
                        const cv::Mat& active, cv::Point activeOrigin, const cv::Range& range)
{
    const auto response = [gain](float sum) { return std::clamp(gain * sum, -1.0f, 1.0f); };
    // Active pixels are filtered four at a time (filterAt4: the same sums, faster).
    cv::Point batch[4];
    const synth::GaborKernel* kernels[4];
    int batched = 0;
    float sums[4];
    for (int i = range.start; i < range.end; ++i) {
        const cv::Point p = pixels[std::size_t(i)];
        if (!active.empty() && !active.at<unsigned char>(p - activeOrigin)) {
            next.row(p.y)[p.x] = 0.0f;
            continue;
        }
        batch[batched] = p;
        kernels[batched] = kernelOf[std::size_t(i)];
        if (++batched < 4)
            continue;
        synth::filterAt4(current, kernels, batch, sums);
        for (int j = 0; j < 4; ++j)
            next.row(batch[j].y)[batch[j].x] = response(sums[j]);
        batched = 0;
    }
    for (int j = 0; j < batched; ++j)
        next.row(batch[j].y)[batch[j].x] =
            response(synth::filterAt(current, *kernels[j], batch[j].x, batch[j].y));
}

}  // namespace rw::inpaint
