#include "PeriodModel.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rw::synth {
namespace {

double smoothstep(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

}  // namespace

PeriodModel PeriodModel::draw(const FingerGeometry& geometry, double base,
                              cv::Point2d patternCentre, double lowestDelta, Rng& rng)
{
    PeriodModel m;
    m.geometry = geometry;
    m.base = base;
    m.centre = patternCentre;
    m.tipIncrease = rng.uniform(0.0, 0.10);
    m.tipStart = patternCentre.y - 0.15 * geometry.topHalfHeight;
    m.jointIncrease = rng.uniform(0.0, 0.06);
    m.jointStart = std::max(lowestDelta, 0.3 * geometry.bottomHalfHeight);
    m.centreDip = rng.uniform(0.0, 0.05);
    const double a = geometry.halfWidth;
    for (Wave& w : m.waves) {
        w.amplitude = rng.uniform(0.0, 0.03);
        const double k = 2.0 * std::numbers::pi * rng.uniform(0.3, 1.0) / (2.0 * a);
        const double direction = rng.uniform(0.0, 2.0 * std::numbers::pi);
        w.wavevector = {k * std::cos(direction), k * std::sin(direction)};
        w.phase = rng.uniform(0.0, 2.0 * std::numbers::pi);
    }
    return m;
}

double PeriodModel::at(cv::Point2d image) const
{
    const cv::Point2d f = geometry.toFinger(image);
    const double top = geometry.topHalfHeight;
    const double bottom = geometry.bottomHalfHeight;
    const double a = geometry.halfWidth;
    double relative = 1.0;
    relative += tipIncrease * smoothstep((tipStart - f.y) / (0.8 * top));
    relative += jointIncrease * smoothstep((f.y - jointStart) / (0.6 * bottom));
    const cv::Point2d d = (f - centre) * (1.0 / (0.4 * a));
    relative -= centreDip * std::exp(-0.5 * d.dot(d));
    for (const Wave& w : waves)
        relative += w.amplitude * std::sin(w.wavevector.dot(f) + w.phase);
    return base * relative;
}

cv::Mat PeriodModel::map(cv::Size size, double scale) const
{
    cv::Mat result(size, CV_32FC1);
    cv::parallel_for_(cv::Range(0, size.height), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            float* out = result.ptr<float>(y);
            for (int x = 0; x < size.width; ++x)
                out[x] = static_cast<float>(scale * at(samplePoint(x, y, scale)));
        }
    });
    return result;
}

}  // namespace rw::synth
