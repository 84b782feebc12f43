#include "FingerGeometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rw::synth {
namespace {

// A fingertip pressed flat on a sensor is about 16 mm (little finger) to 25 mm (thumb) wide
// and 20-30 mm long up to the first joint; bigger images show background around it
// instead of a giant finger.
constexpr double kMmPerInch = 25.4;
constexpr double kMinHalfWidthMm = 8.0, kMaxHalfWidthMm = 12.5;
constexpr double kMinTopMm = 10.0, kMaxTopMm = 14.0;
constexpr double kMinBottomMm = 11.0, kMaxBottomMm = 16.0;
constexpr double kMaxRotationDeg = 15.0;

}  // namespace

FingerGeometry FingerGeometry::draw(Rng& rng, cv::Size size, double ppi)
{
    const double pxPerMm = ppi / kMmPerInch;
    const double w = size.width;
    const double h = size.height;
    FingerGeometry g;
    g.topHalfHeight =
        std::min(h * rng.uniform(0.40, 0.50), pxPerMm * rng.uniform(kMinTopMm, kMaxTopMm));
    g.bottomHalfHeight =
        std::min(h * rng.uniform(0.48, 0.66), pxPerMm * rng.uniform(kMinBottomMm, kMaxBottomMm));
    // A finger is never wider than it is long, whatever the image's aspect ratio.
    g.halfWidth = std::min({w * rng.uniform(0.36, 0.46),
                            pxPerMm * rng.uniform(kMinHalfWidthMm, kMaxHalfWidthMm),
                            0.9 * (g.topHalfHeight + g.bottomHalfHeight) / 2.0});
    g.bottomExponent = rng.uniform(2.5, 4.5);
    g.rotation = rng.uniform(-kMaxRotationDeg, kMaxRotationDeg) * std::numbers::pi / 180.0;
    g.cosRotation = std::cos(g.rotation);
    g.sinRotation = std::sin(g.rotation);
    for (std::size_t k = 0; k < g.wobbleAmplitude.size(); ++k) {
        g.wobbleAmplitude[k] = rng.uniform(0.0, 0.025);
        g.wobblePhase[k] = rng.uniform(0.0, 2.0 * std::numbers::pi);
        g.wobbleCos[k] = std::cos(g.wobblePhase[k]);
        g.wobbleSin[k] = std::sin(g.wobblePhase[k]);
    }

    // Horizontal placement: anywhere it fits, else about centred. Vertical: the fingertip
    // near the top; when the finger is longer than the image the joint side is cut off, as
    // on a real sensor.
    const double spanX = 2.0 * g.halfWidth;
    const double cx = spanX < w ? g.halfWidth + rng.uniform(0.3, 0.7) * (w - spanX)
                                : w / 2.0 + rng.uniform(-0.05, 0.05) * w;
    const double spanY = g.topHalfHeight + g.bottomHalfHeight;
    const double top =
        spanY < h ? rng.uniform(0.15, 0.75) * (h - spanY) : h * rng.uniform(0.01, 0.08);
    g.centre = {cx - 0.5, top + g.topHalfHeight - 0.5};
    return g;
}

cv::Point2d FingerGeometry::toFinger(cv::Point2d image) const
{
    const double c = cosRotation;
    const double s = sinRotation;
    const cv::Point2d d = image - centre;
    return {d.x * c + d.y * s, -d.x * s + d.y * c};
}

cv::Point2d FingerGeometry::toImage(cv::Point2d finger) const
{
    const double c = cosRotation;
    const double s = sinRotation;
    return centre + cv::Point2d(finger.x * c - finger.y * s, finger.x * s + finger.y * c);
}

double FingerGeometry::outlineRadius(cv::Point2d finger) const
{
    // Elliptic fingertip, squarer towards the joint; both halves meet at v = 0 with a
    // vertical tangent, so the outline has no corner there.
    const double u = finger.x / halfWidth;
    const bool tip = finger.y < 0.0;
    const double v = finger.y / (tip ? topHalfHeight : bottomHalfHeight);
    const double norm = std::hypot(u, v);
    if (norm == 0.0)
        return 0.0;
    const double radius =
        tip ? norm
            : std::pow(std::pow(std::abs(u), bottomExponent) + std::pow(v, bottomExponent),
                       1.0 / bottomExponent);

    // Wobble: harmonics k = 2..5 of the polar angle a of (u, v), built from cos a and sin a
    // by angle addition instead of an atan2 and four cosines per pixel.
    const double c1 = u / norm;
    const double s1 = v / norm;
    double ck = c1 * c1 - s1 * s1;  // cos 2a
    double sk = 2.0 * s1 * c1;      // sin 2a
    double wobble = 1.0;
    for (std::size_t k = 0; k < wobbleAmplitude.size(); ++k) {
        // cos(k a + phase) = cos(k a) cos(phase) - sin(k a) sin(phase)
        wobble += wobbleAmplitude[k] * (ck * wobbleCos[k] - sk * wobbleSin[k]);
        const double next = ck * c1 - sk * s1;
        sk = sk * c1 + ck * s1;
        ck = next;
    }
    return radius / wobble;
}

cv::Mat FingerGeometry::mask(cv::Size size, double scale) const
{
    cv::Mat result(size, CV_8UC1);
    cv::parallel_for_(cv::Range(0, size.height), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            unsigned char* out = result.ptr<unsigned char>(y);
            for (int x = 0; x < size.width; ++x)
                out[x] = outlineRadius(toFinger(samplePoint(x, y, scale))) < 1.0 ? 255 : 0;
        }
    });
    return result;
}

}  // namespace rw::synth
