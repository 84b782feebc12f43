#include "OrientationModel.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace rw::synth {
namespace {

constexpr double kPi = std::numbers::pi;

double smoothstep(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

double degrees(double d)
{
    return d * kPi / 180.0;
}

// Singular points per class, in the finger frame (u right, v towards the joint), scaled by
// the finger's half-width `a` and fingertip half-height `top`.
//
// Convention for loops: a LEFT loop has its delta below and to the RIGHT of the core, so the
// recurving ridges open towards the LEFT side of the image (and a right loop is its mirror
// image). In the zero-pole model a core and a delta make a loop that opens in the direction
// from the delta to the core mirrored about the horizontal axis: core at c, delta at
// c + (dx, dy) with dx, dy > 0 (image axes, y down) points up-left from the delta, so the
// loop opens down-left.
void placeSingularities(OrientationModel& m, FingerprintClass cls, double a, double top,
                        double period, Rng& rng)
{
    switch (cls) {
    case FingerprintClass::Arch: break;
    case FingerprintClass::TentedArch: {
        const cv::Point2d core(a * rng.uniform(-0.1, 0.1), -top * rng.uniform(0.0, 0.25));
        m.cores.push_back(core);
        m.deltas.push_back(core +
                           cv::Point2d(a * rng.uniform(-0.08, 0.08), a * rng.uniform(0.4, 0.7)));
        break;
    }
    case FingerprintClass::LeftLoop:
    case FingerprintClass::RightLoop: {
        const double side = cls == FingerprintClass::LeftLoop ? 1.0 : -1.0;
        const cv::Point2d core(side * a * rng.uniform(-0.2, 0.1), -top * rng.uniform(0.0, 0.3));
        const cv::Point2d offset(side * a * rng.uniform(0.45, 0.85), a * rng.uniform(0.5, 0.9));
        m.cores.push_back(core);
        m.deltas.push_back(core + offset);
        break;
    }
    case FingerprintClass::Whorl: {
        // Two cores a few ridges apart (a plain whorl when stacked, a double loop when
        // slanted) and a delta on each side below them.
        const cv::Point2d centre(a * rng.uniform(-0.1, 0.1), -top * rng.uniform(-0.05, 0.2));
        const double separation = period * rng.uniform(2.4, 3.6);
        const double tilt = degrees(rng.uniform(-60.0, 60.0));
        const cv::Point2d half(0.5 * separation * std::sin(tilt),
                               -0.5 * separation * std::cos(tilt));
        m.cores.push_back(centre + half);
        m.cores.push_back(centre - half);
        m.deltas.push_back(centre +
                           cv::Point2d(-a * rng.uniform(0.5, 0.9), a * rng.uniform(0.5, 0.85)));
        m.deltas.push_back(centre +
                           cv::Point2d(a * rng.uniform(0.5, 0.9), a * rng.uniform(0.5, 0.85)));
        break;
    }
    }
}

}  // namespace

OrientationModel OrientationModel::draw(FingerprintClass cls, const FingerGeometry& geometry,
                                        double period, Rng& rng)
{
    OrientationModel m;
    m.geometry = geometry;
    const double a = geometry.halfWidth;
    const double top = geometry.topHalfHeight;
    const double bottom = geometry.bottomHalfHeight;
    placeSingularities(m, cls, a, top, period, rng);

    // The dome starts a little above the highest core (above the finger centre for an arch)
    // so the ridges close around a core keep the zero-pole shape.
    double highest = -top * rng.uniform(0.0, 0.2);
    for (const cv::Point2d& c : m.cores)
        highest = std::min(highest, c.y);
    m.domeStart = highest - 0.1 * top;
    m.domeSlope = rng.uniform(0.5, 1.1);

    double lowest = 0.3 * bottom;
    for (const cv::Point2d& d : m.deltas)
        lowest = std::max(lowest, d.y);
    m.sagStart = lowest;
    m.sagSlope = rng.uniform(-0.25, 0.25);

    if (cls == FingerprintClass::Arch) {
        // Never narrower than three ridge periods: on a small finger a sharper hump would
        // turn faster than ridges can follow.
        m.archWidth = std::max(rng.uniform(0.3, 0.5), 3.0 * period / a);
        const double maxSlope = std::tan(degrees(rng.uniform(30.0, 55.0)));
        // The hump term below peaks at u = archWidth with slope amplitude / (width * sqrt(e)).
        m.archAmplitude = maxSlope * m.archWidth * std::exp(0.5);
        m.archCentre = top * rng.uniform(-0.2, 0.3);
        m.archHeight = top * rng.uniform(0.35, 0.6);
    }

    for (Wave& w : m.waves) {
        w.amplitude = degrees(rng.uniform(0.0, 3.0));
        const double cyclesPerFinger = rng.uniform(0.3, 1.0);
        const double direction = rng.uniform(0.0, 2.0 * kPi);
        const double k = 2.0 * kPi * cyclesPerFinger / (2.0 * a);
        w.wavevector = {k * std::cos(direction), k * std::sin(direction)};
        w.phase = rng.uniform(0.0, 2.0 * kPi);
    }

    // Where each loop opens: near core i the field is phi/2 + rest, with `rest` the other
    // terms at the core; ridges point at the core (the loop's open side) where that equals
    // phi, i.e. phi = 2 * rest.
    for (std::size_t i = 0; i < m.cores.size(); ++i) {
        m.coreOpening.push_back(2.0 * m.fingerAngle(m.cores[i], int(i)));
        m.coreSharpness.push_back(rng.uniform(0.35, 0.65));
    }
    return m;
}

double OrientationModel::fingerAngle(cv::Point2d f, int skipCore) const
{
    // Zero-pole part. The deltas share one atan2: the argument of prod(conj(z - delta)) is
    // minus the sum of theirs.
    double angle = 0.0;
    std::complex<double> deltaProduct(1.0, 0.0);
    for (const cv::Point2d& d : deltas)
        deltaProduct *= std::complex<double>(f.x - d.x, -(f.y - d.y));
    if (!deltas.empty())
        angle += 0.5 * std::arg(deltaProduct);
    for (std::size_t i = 0; i < cores.size(); ++i) {
        if (int(i) == skipCore)
            continue;
        const double phi = std::atan2(f.y - cores[i].y, f.x - cores[i].x);
        // Remapped angle g(phi) = phi - k sin(phi - opening): slower change towards the
        // opening (parallel loop arms), faster round the top of the loop. g is monotone for
        // k < 1 and g(phi + 2 pi) = g(phi) + 2 pi, so the core's index stays +1/2.
        const bool remap = skipCore < 0;
        angle += 0.5 * (remap ? phi - coreSharpness[i] * std::sin(phi - coreOpening[i]) : phi);
    }

    // Bending, as slopes added before a single atan: bounded to (-pi/2, pi/2) and
    // single-valued, so the index around any loop is unchanged.
    const double u = f.x / geometry.halfWidth;
    const double top = geometry.topHalfHeight;
    double slope = domeSlope * u * smoothstep((domeStart - f.y) / (0.7 * top));
    slope += sagSlope * u * smoothstep((f.y - sagStart) / (0.5 * geometry.bottomHalfHeight));
    if (archAmplitude != 0.0) {
        const double s2 = archWidth * archWidth;
        const double dv = (f.y - archCentre) / archHeight;
        slope += archAmplitude * u / s2 * std::exp(-0.5 * u * u / s2 - 0.5 * dv * dv);
    }
    angle += std::atan(slope);
    for (const Wave& w : waves)
        angle += w.amplitude * std::sin(w.wavevector.dot(f) + w.phase);
    return angle;
}

double OrientationModel::at(cv::Point2d image) const
{
    double angle = std::fmod(fingerAngle(geometry.toFinger(image)) + geometry.rotation, kPi);
    if (angle < 0.0)
        angle += kPi;
    return angle >= kPi ? 0.0 : angle;
}

cv::Mat OrientationModel::map(cv::Size size, double scale) const
{
    cv::Mat result(size, CV_32FC1);
    cv::parallel_for_(cv::Range(0, size.height), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            float* out = result.ptr<float>(y);
            for (int x = 0; x < size.width; ++x) {
                // Rounding to float may give exactly pi; keep the [0, pi) promise.
                const float v = static_cast<float>(at(samplePoint(x, y, scale)));
                out[x] = v < std::numbers::pi_v<float> ? v : 0.0f;
            }
        }
    });
    return result;
}

std::vector<SingularPoint> OrientationModel::singularitiesInside(cv::Size size) const
{
    std::vector<SingularPoint> inside;
    const auto add = [&](const std::vector<cv::Point2d>& points, SingularPoint::Type type) {
        for (const cv::Point2d& f : points) {
            const cv::Point2d p = geometry.toImage(f);
            if (p.x >= 0.0 && p.y >= 0.0 && p.x <= size.width - 1.0 && p.y <= size.height - 1.0)
                inside.push_back({type, p});
        }
    };
    add(cores, SingularPoint::Type::Core);
    add(deltas, SingularPoint::Type::Delta);
    return inside;
}

}  // namespace rw::synth
