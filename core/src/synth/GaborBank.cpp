#include "GaborBank.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>
#include <numbers>

namespace rw::synth {
namespace {

constexpr double kPi = std::numbers::pi;
// Log-spaced period bins from 2 px: bin k is 2 * 1.02^k px. 140 bins reach 32 px, more than
// the generator ever asks for (it works at periods near 10 px and resamples).
constexpr double kFirstPeriod = 2.0;
constexpr double kPeriodStep = 1.02;
constexpr int kPeriodBins = 140;

// Envelope widths in periods. Across the ridges the envelope reaches a ridge and a valley to
// each side, which makes the filter selective enough to impose the period: with 0.42 the grown
// patterns drifted up to 14% from the requested period, with 0.5 at most 7%. Along the ridges
// the same width smooths them without erasing the minutiae where growth fronts meet. The
// disc is cut at 2.2 sigma (1.1 periods), where the envelope has fallen to 9%.
constexpr double kSigmaAcross = 0.50;
constexpr double kSigmaAlong = 0.50;
constexpr double kRadiusInSigmas = 2.2;

GaborKernel buildKernel(double angle, double period)
{
    const double sigmaAcross = kSigmaAcross * period;
    const double sigmaAlong = kSigmaAlong * period;
    GaborKernel k;
    k.radius = static_cast<int>(std::ceil(kRadiusInSigmas * std::max(sigmaAcross, sigmaAlong)));
    const int r = k.radius;
    const double c = std::cos(angle);
    const double s = std::sin(angle);

    // First pass in double: envelope, carrier, and the sums needed to remove the DC
    // response (a flat patch must not grow ridges) and to normalise the gain to 1 for a
    // matched grating.
    std::vector<double> envelope, carrier;
    double envelopeSum = 0.0, carrierSum = 0.0;
    for (int dy = -r; dy <= r; ++dy) {
        const int half = static_cast<int>(std::floor(std::sqrt(double(r * r - dy * dy))));
        k.half.push_back(half);
        for (int dx = -half; dx <= half; ++dx) {
            const double along = dx * c + dy * s;
            const double across = -dx * s + dy * c;
            const double e = std::exp(-0.5 * (along * along / (sigmaAlong * sigmaAlong) +
                                              across * across / (sigmaAcross * sigmaAcross)));
            const double w = std::cos(2.0 * kPi * across / period);
            envelope.push_back(e);
            carrier.push_back(w);
            envelopeSum += e;
            carrierSum += e * w;
        }
    }
    const double dc = carrierSum / envelopeSum;
    std::vector<double> taps(envelope.size());
    double matched = 0.0;
    for (std::size_t i = 0; i < taps.size(); ++i) {
        taps[i] = envelope[i] * (carrier[i] - dc);
        matched += taps[i] * carrier[i];
    }

    std::size_t next = 0;
    for (int row = 0; row <= 2 * r; ++row) {
        const int width = 2 * k.half[std::size_t(row)] + 1;
        k.offset.push_back(static_cast<int>(k.taps.size()));
        for (int i = 0; i < width; ++i) {
            const float t = static_cast<float>(taps[next++] / matched);
            k.taps.push_back(t);
            k.peak = std::max(k.peak, std::abs(t));
        }
        while ((k.taps.size() - std::size_t(k.offset.back())) % 4 != 0)
            k.taps.push_back(0.0f);
    }
    return k;
}

struct BankCache {
    std::mutex mutex;
    std::array<std::unique_ptr<std::vector<GaborKernel>>, kPeriodBins> bins;
};

BankCache& cache()
{
    static BankCache instance;
    return instance;
}

}  // namespace

int GaborBank::orientationBin(double angle)
{
    const double turns = angle / kPi;
    const double bin = std::round((turns - std::floor(turns)) * kOrientationBins);
    return static_cast<int>(bin) % kOrientationBins;
}

int GaborBank::periodBin(double period)
{
    const double bin =
        std::round(std::log(std::max(period, kFirstPeriod) / kFirstPeriod) / std::log(kPeriodStep));
    return std::clamp(static_cast<int>(bin), 0, kPeriodBins - 1);
}

double GaborBank::binPeriod(int bin)
{
    return kFirstPeriod * std::pow(kPeriodStep, bin);
}

int GaborBank::maxPeriodBin()
{
    return kPeriodBins - 1;
}

const std::vector<GaborKernel>& GaborBank::kernels(int periodBin)
{
    BankCache& c = cache();
    const std::size_t index = static_cast<std::size_t>(std::clamp(periodBin, 0, kPeriodBins - 1));
    const std::lock_guard lock(c.mutex);
    if (!c.bins[index]) {
        auto set = std::make_unique<std::vector<GaborKernel>>();
        const double period = binPeriod(static_cast<int>(index));
        for (int o = 0; o < kOrientationBins; ++o)
            set->push_back(buildKernel(o * kPi / kOrientationBins, period));
        c.bins[index] = std::move(set);
    }
    return *c.bins[index];
}

}  // namespace rw::synth
