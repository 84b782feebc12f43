// Mean and 95 % confidence interval of an evaluation's per-print values (Student t: the
// number of prints is often small, where the normal approximation is too narrow).
#include "ridgeworks/metrics/PrintMetrics.h"

#include <array>
#include <cmath>
#include <limits>

namespace rw {
namespace {

// Two-sided 95 % quantiles t(0.975, df) for df = 1..30 (computed by integrating the t
// density; they agree with the standard tables).
constexpr std::array<double, 30> kT975 = {
    12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
    2.262157,  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905,
    2.109816,  2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
    2.059539,  2.055529, 2.051831, 2.048407, 2.045230, 2.042272};

double studentT975(std::size_t df)
{
    if (df >= 1 && df <= kT975.size())
        return kT975[df - 1];
    // Cornish–Fisher expansion around the normal quantile; within 1e-5 of the exact value from
    // df = 30 on.
    const double z = 1.959963984540054;
    const double n = static_cast<double>(df);
    const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
    return z + (z3 + z) / (4.0 * n) + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * n * n) +
           (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * n * n * n);
}

}  // namespace

Interval meanInterval(const std::vector<double>& values)
{
    Interval interval;
    double sum = 0.0;
    for (double v : values) {
        if (std::isfinite(v)) {
            sum += v;
            ++interval.n;
        }
    }
    if (interval.n == 0) {
        interval.mean = interval.low = interval.high = std::numeric_limits<double>::quiet_NaN();
        return interval;
    }
    const double n = static_cast<double>(interval.n);
    interval.mean = sum / n;
    interval.low = interval.high = interval.mean;
    if (interval.n == 1)
        return interval;  // one value: no spread to estimate

    double squares = 0.0;
    for (double v : values)
        if (std::isfinite(v))
            squares += (v - interval.mean) * (v - interval.mean);
    const double standardError = std::sqrt(squares / (n - 1.0)) / std::sqrt(n);
    const double half = studentT975(interval.n - 1) * standardError;
    interval.low = interval.mean - half;
    interval.high = interval.mean + half;
    return interval;
}

}  // namespace rw
