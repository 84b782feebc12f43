#pragma once
// One pass of oriented Gabor filtering over a hole's pixels, each with the kernel of its own
// ridge orientation: the step that ridge continuation repeats to grow ridges into a hole and
// that ridge settling repeats to join an estimate's broken ridges.
#include "synth/GaborFiltering.h"

#include <opencv2/core.hpp>

#include <vector>

namespace rw::inpaint {

// Over pixels[range]: a pixel where `active` is set (the map starts at `activeOrigin`; an empty
// map = every pixel) takes its kernel's response in `current` times `gain`, clipped to [-1, 1];
// any other pixel 0. Written to `next`; `current` is only read, so ranges can run in parallel,
// and the result does not depend on how the pixels are split.
void orientedFilterPass(const synth::PaddedImage& current, synth::PaddedImage& next,
                        const std::vector<cv::Point>& pixels,
                        const std::vector<const synth::GaborKernel*>& kernelOf, float gain,
                        const cv::Mat& active, cv::Point activeOrigin, const cv::Range& range);

}  // namespace rw::inpaint
