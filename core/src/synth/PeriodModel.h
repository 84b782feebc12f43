#pragma once
// The ridge-period map: a base period for the finger with the variations seen on real prints
// (wider ridges towards the fingertip and the joint, slightly tighter ones around the
// centre) and a gentle random undulation.
#include "FingerGeometry.h"

#include <opencv2/core.hpp>

#include <array>

namespace rw::synth {

struct PeriodModel {
    FingerGeometry geometry;
    double base = 9.0;           // pixels
    double tipIncrease = 0.0;    // relative increase at the fingertip
    double tipStart = 0.0;       // v (finger frame) where it begins
    double jointIncrease = 0.0;  // relative increase towards the joint
    double jointStart = 0.0;
    double centreDip = 0.0;  // relative decrease at the pattern centre
    cv::Point2d centre;      // finger frame

    struct Wave {
        double amplitude = 0.0;  // relative
        cv::Point2d wavevector;  // radians per pixel, finger frame
        double phase = 0.0;
    };
    std::array<Wave, 2> waves{};

    // `patternCentre` is where the pattern is most curved (core area), finger frame;
    // `lowestDelta` the v below which the joint-side ridges begin.
    static PeriodModel draw(const FingerGeometry& geometry, double base, cv::Point2d patternCentre,
                            double lowestDelta, Rng& rng);

    double at(cv::Point2d image) const;
    // CV_32FC1 periods in pixels of the map (already multiplied by `scale`).
    cv::Mat map(cv::Size size, double scale) const;
};

}  // namespace rw::synth
