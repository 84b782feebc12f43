#include "NoiseField.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw::synth {
namespace {

// Uniform cubic B-spline weights for the four grid values around fraction t in [0, 1).
void bsplineWeights(double t, double w[4])
{
    const double t2 = t * t;
    const double t3 = t2 * t;
    w[0] = (1.0 - 3.0 * t + 3.0 * t2 - t3) / 6.0;
    w[1] = (4.0 - 6.0 * t2 + 3.0 * t3) / 6.0;
    w[2] = (1.0 + 3.0 * t + 3.0 * t2 - 3.0 * t3) / 6.0;
    w[3] = t3 / 6.0;
}

}  // namespace

cv::Mat smoothNoise(Rng& rng, cv::Size size, double cellSize)
{
    cellSize = std::max(cellSize, 1.0);
    // One grid value before the first pixel and two after the last: the spline needs four.
    const int gridW = static_cast<int>(std::ceil(size.width / cellSize)) + 4;
    const int gridH = static_cast<int>(std::ceil(size.height / cellSize)) + 4;
    std::vector<double> grid(static_cast<std::size_t>(gridW) * gridH);
    for (double& g : grid)
        g = rng.normal();

    // Separable interpolation: along x for every grid row, then along y.
    std::vector<double> rows(static_cast<std::size_t>(gridH) * size.width);
    for (int x = 0; x < size.width; ++x) {
        const double gx = (x + 0.5) / cellSize;
        const int i = static_cast<int>(gx);
        double w[4];
        bsplineWeights(gx - i, w);
        for (int gy = 0; gy < gridH; ++gy) {
            const double* g = &grid[static_cast<std::size_t>(gy) * gridW + i];
            rows[static_cast<std::size_t>(gy) * size.width + x] =
                w[0] * g[0] + w[1] * g[1] + w[2] * g[2] + w[3] * g[3];
        }
    }
    cv::Mat field(size, CV_32FC1);
    for (int y = 0; y < size.height; ++y) {
        const double gy = (y + 0.5) / cellSize;
        const int j = static_cast<int>(gy);
        double w[4];
        bsplineWeights(gy - j, w);
        const double* r0 = &rows[static_cast<std::size_t>(j) * size.width];
        float* out = field.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            const std::size_t s = static_cast<std::size_t>(size.width);
            out[x] = static_cast<float>(w[0] * r0[x] + w[1] * r0[x + s] + w[2] * r0[x + 2 * s] +
                                        w[3] * r0[x + 3 * s]);
        }
    }

    // Interpolation shrinks the variance by a position-dependent factor; normalising by the
    // field's own statistics keeps every stage's "amount" parameters meaningful.
    double sum = 0.0;
    double sumSq = 0.0;
    for (int y = 0; y < size.height; ++y) {
        const float* f = field.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            sum += f[x];
            sumSq += double(f[x]) * f[x];
        }
    }
    const double count = double(size.area());
    const double mean = sum / count;
    const double variance = std::max(0.0, sumSq / count - mean * mean);
    const double scale = variance > 1e-18 ? 1.0 / std::sqrt(variance) : 0.0;
    for (int y = 0; y < size.height; ++y) {
        float* f = field.ptr<float>(y);
        for (int x = 0; x < size.width; ++x)
            f[x] = static_cast<float>((f[x] - mean) * scale);
    }
    return field;
}

}  // namespace rw::synth
