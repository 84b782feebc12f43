#pragma once
// The "sensor" appearance augmentation (DataConfig::appearance): each example's clean print is
// given a random look before it is damaged, so that the networks learn ridges rather than the
// look of one source. Real evidence comes from optical (FTIR) and capacitive scanners and from
// ink on paper, at 500–1000 ppi, from dry and wet fingers; one training source shows a single
// sensor. The effects, their ranges and probabilities are in docs/data.md ("Sensor
// appearance"); the reasons are given where each is drawn (Appearance.cpp).
//
// A look is drawn once (drawSensorLook) and rendered by a pure function of (image, look), so
// that SOCOFing's real and altered prints can be given exactly the same look.
#include "DataInternal.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>

namespace rw::data {

struct SensorLook {
    bool plain = true;  // the print as the source has it: nothing below applies
    // Ink made black and white (ridge where the ink is above its mean over half a period),
    // before the levels: a print stored binarised. Only with SensorBinarised.
    bool binarised = false;

    // Source levels: the print is first turned into "ink" a = (light − I) / (light − dark), so
    // that the look does not depend on the source's own gray levels. With no levels drawn the
    // rendering gives the source's pixels back.
    float sourceLight = 1.0f;  // [0,1]: valleys (99th percentile inside the foreground)
    float sourceDark = 0.0f;   // ridges (1st percentile)
    float outsideInk = 0.0f;   // the ink value of the blank space around the finger

    // Ridge period: zoom about a point inside the foreground (1 = none).
    double zoom = 1.0;
    cv::Point2d centre;
    double period = 0.0;  // ridge period after the zoom in pixels (estimate; for scaling)

    // Ink and skin.
    float thickness = 0.0f;       // −1 … 1: share of one pixel of erosion (thinner) / dilation
    float inkGamma = 1.0f;        // a^γ: < 1 fuller ridges (heavy pressure, much ink), > 1 thin
    float dryness = 0.0f;         // share of ridge length broken up by gaps (dry skin)
    float dryInk = 1.0f;          // ink left on dry ridges
    float wetness = 0.0f;         // share of the finger where ridges merge (wet skin)
    std::uint64_t fieldSeed = 0;  // random fields of the dry gaps, wet areas and textures

    // Rendering: out = background(x, y) · (1 − contrast · a), then gamma.
    float background = 1.0f;  // mean background (valley) level
    float contrast = 1.0f;    // 1 − ridge/background
    float gamma = 1.0f;
    float gradient = 0.0f;  // linear background ramp, from its middle to an edge
    float gradientAngle = 0.0f;
    float texture = 0.0f;    // blotchy background texture (paper, latent background), ±
    float lineNoise = 0.0f;  // row/column offsets (capacitive line sensors), σ
    int borderSides = 0;     // bit mask: 1 top, 2 right, 4 bottom, 8 left
    float borderWidth = 0.0f;
    float borderLevel = 0.0f;

    // Optics and sensor.
    double blurSigma = 0.0;
    float noiseSigma = 0.0f;    // additive Gaussian noise
    float speckleSigma = 0.0f;  // multiplicative noise
    float saltShare = 0.0f;     // share of pixels stuck dark or bright (dust, dead pixels)
    int jpegQuality = 0;        // 0 = no JPEG round trip
    std::uint64_t noiseSeed = 0;

    std::string summary() const;  // one line, e.g. "sensor zoom 1.42 levels 0.82/0.47 ..."
};

// The ridge period of a cached print in pixels for the zoom, or 0 when none is found. Only
// computed when the augmentation is on (about 2 ms per print, at open() or prepareEpoch()).
double measureRidgePeriod(const cv::Mat& image, const cv::Mat& foreground);

// Draws a look for `print` (its period and foreground place the zoom) from `seed`.
// `appearance` Sensor or SensorBinarised; the binarised draw has a stream of its own, so the
// other draws (and so every Sensor look) are the same with either.
SensorLook drawSensorLook(const CachedPrint& print, std::uint64_t seed,
                          AppearanceAugmentation appearance = AppearanceAugmentation::Sensor);

// The image (CV_8UC1, the print's size) with the look. A pure function of its arguments: the
// same look gives the same noise and fields on any image of that size.
cv::Mat renderSensorLook(const cv::Mat& image, const SensorLook& look);

// A mask (CV_8UC1 0/255: foreground, damage mask) moved like the pixels by the zoom; the
// dark frame border is taken out when `dropBorder` (no finger there).
cv::Mat transformSensorMask(const cv::Mat& mask, const SensorLook& look, bool dropBorder);

// The cached print with the look: pixels, foreground (zoomed, border dropped) and ppi (the
// zoom changes the resolution: damage keeps its physical size).
CachedPrint withSensorLook(const CachedPrint& print, const SensorLook& look);

}  // namespace rw::data
