#pragma once
// From a clean ridge pattern to something that looks scanned: finger pressure, ridge width,
// dry breaks and pores, wet blotches, creases, background, sensor blur and noise. Every
// stage's strength is drawn per print so that a data set covers many sensors and fingers.
#include "FingerGeometry.h"
#include "ridgeworks/common/Random.h"

#include <opencv2/core.hpp>

namespace rw::synth {

struct RenderStyle {
    double paper = 235.0;            // background grey level
    double valleyShade = 10.0;       // valleys inside the contact area are this much darker
    double ink = 40.0;               // ridge grey level at full pressure
    double ridgeBias = 0.0;          // < 0 thicker ridges (heavy, wet), > 0 thinner (light, dry)
    double edgeSoftness = 0.3;       // ridge-edge transition, in ridge-pattern units
    double edgeRoughness = 0.1;      // ragged ridge edges (skin texture), pattern units
    double inkTexture = 0.1;         // uneven darkness along the ridges, relative
    double contrastGamma = 1.0;      // shaping of the ridge darkness
    double pressureFalloff = 3.0;    // periods over which pressure fades at the outline
    double pressureVariation = 0.2;  // amplitude of uneven pressure over the finger
    double dryness = 0.0;            // 0..1: broken ridges
    double poreDensity = 0.0;        // pores per ridge period squared, on ridges
    double wetness = 0.0;            // 0..1: patches where ridges swell and merge
    int creases = 0;                 // white flexion/age lines across the ridges
    double shading = 5.0;            // low-frequency background unevenness, grey levels
    double vignette = 0.0;           // darkening towards the image corners, grey levels
    int dust = 0;                    // dark specks on the platen
    double blur = 0.05;              // sensor blur sigma, in periods
    double noise = 3.0;              // sensor noise sigma, grey levels

    static RenderStyle draw(Rng& rng);
};

// `ridges`: CV_32FC1 in [-1, 1] (positive = ridge) at the print's resolution; `foreground`:
// CV_8UC1 contact area; `period`: mean ridge period in pixels. Returns CV_8UC1.
cv::Mat renderPrint(const cv::Mat& ridges, const cv::Mat& foreground,
                    const FingerGeometry& geometry, const RenderStyle& style, double period,
                    Rng& rng);

}  // namespace rw::synth
