#pragma once
// Where the finger touched the sensor: its outline, position and rotation in the image. The
// orientation and period models are written in the finger's own frame (u across the finger,
// v along it towards the first joint), so a rotated finger carries its ridges with it.
#include "ridgeworks/common/Random.h"

#include <opencv2/core.hpp>

#include <array>

namespace rw::synth {

struct FingerGeometry {
    cv::Point2d centre;             // image pixels
    double rotation = 0.0;          // radians; finger frame -> image, from +x towards +y
    double cosRotation = 1.0;       // cos and sin of `rotation`, set with it by draw(): the
    double sinRotation = 0.0;       // frame change runs for every pixel of several maps
    double halfWidth = 1.0;         // u half-extent, pixels
    double topHalfHeight = 1.0;     // fingertip side (v < 0), pixels
    double bottomHalfHeight = 1.0;  // joint side (v > 0), pixels
    double bottomExponent = 2.0;    // superellipse exponent below the centre line
    // Outline wobble: relative amplitudes and phases of harmonics 2..5 of the polar angle.
    std::array<double, 4> wobbleAmplitude{};
    std::array<double, 4> wobblePhase{};
    std::array<double, 4> wobbleCos{};  // cos and sin of the phases, set by draw()
    std::array<double, 4> wobbleSin{};

    // A finger that fits `size`, no larger than a real fingertip at `ppi`.
    static FingerGeometry draw(Rng& rng, cv::Size size, double ppi);

    cv::Point2d toFinger(cv::Point2d image) const;
    cv::Point2d toImage(cv::Point2d finger) const;
    // < 1 inside the outline, 1 on it, > 1 outside (a normalised superellipse radius).
    double outlineRadius(cv::Point2d finger) const;
    // CV_8UC1, 255 inside, for an image of `size` pixels sampled at `scale` times the print's
    // resolution (pixel (x, y) sits at image point ((x + 0.5) / scale - 0.5, ...)).
    cv::Mat mask(cv::Size size, double scale) const;
};

// The image point that pixel (x, y) of a map sampled at `scale` stands for; scale 1 is the
// identity, so full-resolution maps are evaluated exactly at pixel centres.
inline cv::Point2d samplePoint(int x, int y, double scale)
{
    return {(x + 0.5) / scale - 0.5, (y + 0.5) / scale - 0.5};
}

}  // namespace rw::synth
