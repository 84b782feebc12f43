#pragma once
// The ridge-orientation field of a synthetic print: Sherlock and Monro's zero-pole model
// (cores are poles, deltas zeros of a complex function whose half-argument is the ridge
// direction), with the angle around each core remapped as Vizcaya and Gerhardt proposed so
// loops get parallel arms instead of a fan, plus smooth bending terms for the fingertip
// dome, the arch hump and a gentle wobble. The remapping is monotone and turns by exactly
// 2 pi once round, and the bending terms are single-valued and bounded, so neither can add
// or remove a singular point: the singular points of the field are exactly the poles and
// zeros listed here.
#include "FingerGeometry.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <opencv2/core.hpp>

#include <array>
#include <vector>

namespace rw::synth {

struct OrientationModel {
    FingerGeometry geometry;
    std::vector<cv::Point2d> cores;   // finger frame, pixels
    std::vector<cv::Point2d> deltas;  // finger frame, pixels
    // Per core: the direction in which its loop opens (radians, finger frame) and how much
    // the angle around it is remapped (0 = plain zero-pole, < 1 keeps it monotone).
    std::vector<double> coreOpening;
    std::vector<double> coreSharpness;

    // Slopes (tangent of the added angle) of the bending terms; see OrientationModel.cpp.
    double domeSlope = 0.0;      // ridges following the fingertip outline
    double domeStart = 0.0;      // v where the dome begins (it grows towards the tip)
    double sagSlope = 0.0;       // bottom ridges bending up or down towards the joint
    double sagStart = 0.0;       // v where the sag begins
    double archAmplitude = 0.0;  // hump of a plain arch (0 for other classes)
    double archWidth = 1.0;      // hump half-width, in finger half-widths
    double archCentre = 0.0;     // v of the most bent ridge
    double archHeight = 1.0;     // v extent over which ridges are bent

    struct Wave {
        double amplitude = 0.0;  // radians
        cv::Point2d wavevector;  // radians per pixel, finger frame
        double phase = 0.0;
    };
    std::array<Wave, 3> waves{};

    // Singular points and bending for `cls` on `geometry`, with ridges `period` px apart.
    static OrientationModel draw(FingerprintClass cls, const FingerGeometry& geometry,
                                 double period, Rng& rng);

    // Ridge direction at an image point: radians in [0, pi), image convention.
    double at(cv::Point2d image) const;
    // The same before folding into [0, pi), in the finger frame; `skipCore` leaves out one
    // core's term and all remapping (used to find where that core's loop opens).
    double fingerAngle(cv::Point2d finger, int skipCore = -1) const;
    // CV_32FC1 map of `size` sampled at `scale` times the print's resolution.
    cv::Mat map(cv::Size size, double scale) const;
    // The poles and zeros that fall inside an image of `size` (pixel centres 0..size-1).
    std::vector<SingularPoint> singularitiesInside(cv::Size size) const;
};

}  // namespace rw::synth
