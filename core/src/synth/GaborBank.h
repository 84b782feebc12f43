#pragma once
// Precomputed oriented Gabor kernels, one per (orientation bin, period bin), shared by every
// print the process generates. Growing ridges filters each pixel with the kernel of its own
// orientation and period; building those kernels per pixel would cost more than the filtering.
#include <vector>

namespace rw::synth {

struct GaborKernel {
    int radius = 0;
    // Row dy = -radius..radius covers columns -half[i]..half[i] (a disc, not a square, to
    // save a quarter of the work); its taps start at taps[offset[i]] and are zero-padded to a
    // multiple of 4 so the filter loop can run in whole SIMD vectors.
    std::vector<int> half;
    std::vector<int> offset;
    std::vector<float> taps;
    float peak = 0.0f;  // largest |tap|, to scale a seed imprint to unit amplitude
};

class GaborBank {
public:
    // 3.75° steps: the orientation error of the quantised field stays under 1.9°.
    static constexpr int kOrientationBins = 48;

    static int orientationBin(double angle);  // angle in radians, any value (axial)
    static int periodBin(double period);      // nearest bin; periods are 2% apart
    static double binPeriod(int bin);
    static int maxPeriodBin();

    // The kernels of one period bin, indexed by orientation bin. Built on first use and kept
    // for the life of the process; safe to call from several threads.
    static const std::vector<GaborKernel>& kernels(int periodBin);
};

}  // namespace rw::synth
