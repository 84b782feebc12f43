#include "PrintRendering.h"

#include "NoiseField.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rw::synth {
namespace {

float smoothstep01(float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// Multiplies `darkness` by (1 - coverage) of a soft disc: ink removed by a pore.
void punchPore(cv::Mat& darkness, cv::Point2d centre, double radius)
{
    const int x0 = std::max(0, static_cast<int>(std::floor(centre.x - radius - 1)));
    const int x1 = std::min(darkness.cols - 1, static_cast<int>(std::ceil(centre.x + radius + 1)));
    const int y0 = std::max(0, static_cast<int>(std::floor(centre.y - radius - 1)));
    const int y1 = std::min(darkness.rows - 1, static_cast<int>(std::ceil(centre.y + radius + 1)));
    for (int y = y0; y <= y1; ++y) {
        float* d = darkness.ptr<float>(y);
        for (int x = x0; x <= x1; ++x) {
            const double r = std::hypot(x - centre.x, y - centre.y);
            d[x] *= smoothstep01(static_cast<float>(r - radius + 0.5));
        }
    }
}

// A crease: a slightly curved white line across the finger, mostly across its axis, as left
// by flexion lines and ageing skin. Drawn antialiased, returned as coverage in [0, 1].
void addCrease(cv::Mat& coverage, const FingerGeometry& g, double period, Rng& rng)
{
    const double a = g.halfWidth;
    const cv::Point2d middle(a * rng.uniform(-0.6, 0.6),
                             rng.uniform(-0.5 * g.topHalfHeight, 0.9 * g.bottomHalfHeight));
    const double angle = rng.uniform(-25.0, 25.0) * std::numbers::pi / 180.0;
    const double halfLength = a * rng.uniform(0.25, 1.0);
    const double bend = rng.uniform(-0.15, 0.15) * halfLength;
    const cv::Point2d along(std::cos(angle), std::sin(angle));
    const cv::Point2d normal(-along.y, along.x);
    constexpr int kSegments = 24;
    constexpr int kSubpixelBits = 4;  // cv::polylines' fixed-point shift
    std::vector<cv::Point> points;
    for (int i = 0; i <= kSegments; ++i) {
        const double t = -1.0 + 2.0 * i / kSegments;
        const cv::Point2d f = middle + along * (t * halfLength) + normal * (bend * (1.0 - t * t));
        const cv::Point2d p = g.toImage(f) * double(1 << kSubpixelBits);
        points.emplace_back(static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y)));
    }
    cv::Mat line = cv::Mat::zeros(coverage.size(), CV_8UC1);
    const int thickness =
        std::max(1, static_cast<int>(std::lround(period * rng.uniform(0.15, 0.45))));
    cv::polylines(line, points, false, cv::Scalar(255), thickness, cv::LINE_AA, kSubpixelBits);
    // Shallow creases only lighten the ridges they cross.
    const double depth = rng.uniform(0.6, 1.0);
    cv::Mat lineF;
    line.convertTo(lineF, CV_32F, depth / 255.0);
    cv::max(coverage, lineF, coverage);
}

// Ink left by each pixel of the finger, in [0, 1], and the pressure map behind it. The
// blurred ridge pattern is thresholded, the threshold raised by light pressure and dry skin
// (thinner ridges) and lowered by wet patches (ridges swelling into the valleys); dry breaks
// and uneven ink texture then take ink away.
struct Inking {
    cv::Mat darkness;  // CV_32FC1, 0 outside the contact area
    cv::Mat pressure;  // CV_32FC1 in [0, 1]
};

Inking inkRidges(const cv::Mat& profile, const cv::Mat& foreground, const FingerGeometry& geometry,
                 const RenderStyle& style, double period, Rng& rng)
{
    const cv::Size size = profile.size();
    cv::Mat distance;
    cv::distanceTransform(foreground, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    const cv::Mat pressureNoise = smoothNoise(rng, size, 4.0 * period);
    const cv::Mat biasNoise = smoothNoise(rng, size, 3.0 * period);
    const cv::Mat dryNoise = smoothNoise(rng, size, 0.5 * period);
    const cv::Mat wetNoise = smoothNoise(rng, size, 2.0 * period);
    const cv::Mat edgeNoise = smoothNoise(rng, size, 0.35 * period);
    const cv::Mat textureNoise = smoothNoise(rng, size, 0.3 * period);

    // In periods, but never more than a quarter of the finger's half-width: on a small
    // image the whole finger would otherwise be "near the edge" and barely inked.
    const float falloff =
        static_cast<float>(std::min(style.pressureFalloff * period, 0.25 * geometry.halfWidth));
    const float soft = static_cast<float>(style.edgeSoftness);
    const float dryThreshold = static_cast<float>(2.6 - 2.0 * style.dryness);
    const float wetThreshold = static_cast<float>(1.6 - 1.2 * style.wetness);
    Inking result{cv::Mat(size, CV_32FC1), cv::Mat(size, CV_32FC1)};
    for (int y = 0; y < size.height; ++y) {
        const float* dist = distance.ptr<float>(y);
        const float* pn = pressureNoise.ptr<float>(y);
        const float* bn = biasNoise.ptr<float>(y);
        const float* dn = dryNoise.ptr<float>(y);
        const float* wn = wetNoise.ptr<float>(y);
        const float* en = edgeNoise.ptr<float>(y);
        const float* tn = textureNoise.ptr<float>(y);
        const float* v = profile.ptr<float>(y);
        float* p = result.pressure.ptr<float>(y);
        float* d = result.darkness.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            // Pressure: full in the middle of the contact area, fading towards its outline,
            // uneven over the finger.
            p[x] = std::clamp(smoothstep01(dist[x] / falloff) *
                                  (1.0f + float(style.pressureVariation) * pn[x]),
                              0.0f, 1.0f);
            // The skin's own texture (edge noise) makes the ridge edges ragged.
            float threshold = float(style.ridgeBias) + 0.5f * (1.0f - p[x]) +
                              0.15f * float(style.dryness) + 0.08f * bn[x] +
                              float(style.edgeRoughness) * en[x];
            if (style.wetness > 0.0)
                threshold -= 0.8f * float(style.wetness) *
                             smoothstep01((wn[x] - wetThreshold + 0.5f) / 1.0f);
            float ink = smoothstep01((v[x] - threshold + soft) / (2.0f * soft));
            ink *= 1.0f - smoothstep01((dn[x] - dryThreshold + 0.4f) / 0.8f);  // dry breaks
            ink *= std::clamp(1.0f - float(style.inkTexture) * std::abs(tn[x]), 0.0f, 1.0f);
            d[x] = dist[x] > 0.0f ? ink : 0.0f;
        }
    }
    return result;
}

// Pores: small ink-free dots on ridge crests.
void punchPores(cv::Mat& darkness, const cv::Mat& profile, const cv::Mat& foreground,
                const RenderStyle& style, double period, Rng& rng)
{
    const int area = cv::countNonZero(foreground);
    const int pores = static_cast<int>(style.poreDensity * area / (period * period));
    for (int i = 0; i < pores; ++i) {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const cv::Point2d c(rng.uniform(0.0, darkness.cols - 1.0),
                                rng.uniform(0.0, darkness.rows - 1.0));
            if (profile.at<float>(int(c.y), int(c.x)) > 0.5f) {
                punchPore(darkness, c, period * rng.uniform(0.08, 0.15));
                break;
            }
        }
    }
}

// Grey levels: background with shading and vignetting; inside the contact area valleys a
// little darker where pressed, ridges towards the ink level, less so at low pressure. The
// outline is antialiased over about a pixel.
cv::Mat composeGrey(const Inking& ink, const cv::Mat& foreground, const RenderStyle& style,
                    Rng& rng)
{
    const cv::Size size = foreground.size();
    const cv::Mat shadingNoise = smoothNoise(rng, size, 0.5 * std::max(size.width, size.height));
    cv::Mat coverage;
    foreground.convertTo(coverage, CV_32F, 1.0 / 255.0);
    cv::GaussianBlur(coverage, coverage, cv::Size(0, 0), 0.7);
    cv::Mat image(size, CV_32FC1);
    const double cx = 0.5 * (size.width - 1);
    const double cy = 0.5 * (size.height - 1);
    const double farthest = std::max(cx * cx + cy * cy, 1.0);
    const float gamma = static_cast<float>(style.contrastGamma);
    for (int y = 0; y < size.height; ++y) {
        const float* sn = shadingNoise.ptr<float>(y);
        const float* p = ink.pressure.ptr<float>(y);
        const float* d = ink.darkness.ptr<float>(y);
        const float* a = coverage.ptr<float>(y);
        float* out = image.ptr<float>(y);
        for (int x = 0; x < size.width; ++x) {
            const double r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / farthest;
            const float background =
                float(style.paper + style.shading * sn[x] - style.vignette * r2);
            const float valley = background - float(style.valleyShade) * p[x];
            const float strength = std::pow(d[x], gamma) * (0.45f + 0.55f * p[x]);
            const float inside = valley - strength * (valley - float(style.ink));
            out[x] = a[x] * inside + (1.0f - a[x]) * background;
        }
    }
    return image;
}

// The sensor: dust specks on the platen, optical blur, then noise and 8-bit quantisation.
cv::Mat scan(cv::Mat image, const RenderStyle& style, double period, Rng& rng)
{
    for (int i = 0; i < style.dust; ++i) {
        const cv::Point centre(rng.uniformInt(0, image.cols - 1),
                               rng.uniformInt(0, image.rows - 1));
        const int radius = rng.uniformInt(0, 1);
        const double level = rng.uniform(40.0, 140.0);
        cv::circle(image, centre, radius, cv::Scalar(level), cv::FILLED, cv::LINE_8);
    }
    const double blurSigma = style.blur * period;
    if (blurSigma >= 0.3)
        cv::GaussianBlur(image, image, cv::Size(0, 0), blurSigma);

    cv::Mat result(image.size(), CV_8UC1);
    for (int y = 0; y < image.rows; ++y) {
        const float* in = image.ptr<float>(y);
        unsigned char* out = result.ptr<unsigned char>(y);
        for (int x = 0; x < image.cols; ++x)
            out[x] = cv::saturate_cast<unsigned char>(in[x] + style.noise * rng.normal());
    }
    return result;
}

}  // namespace

RenderStyle RenderStyle::draw(Rng& rng)
{
    RenderStyle s;
    s.paper = rng.uniform(205.0, 252.0);
    s.valleyShade = rng.uniform(0.0, 30.0);
    s.ink = rng.uniform(5.0, 85.0);
    s.ridgeBias = rng.uniform(-0.3, 0.25);
    s.edgeSoftness = rng.uniform(0.15, 0.5);
    s.edgeRoughness = rng.uniform(0.05, 0.3);
    s.inkTexture = rng.uniform(0.0, 0.35);
    s.contrastGamma = rng.uniform(0.7, 1.5);
    s.pressureFalloff = rng.uniform(1.0, 4.0);
    s.pressureVariation = rng.uniform(0.05, 0.35);
    s.dryness = rng.uniform() < 0.45 ? rng.uniform(0.0, 0.15) : rng.uniform(0.15, 0.7);
    s.poreDensity = rng.uniform() < 0.25 ? rng.uniform(0.05, 0.3) : 0.0;
    s.wetness = (s.dryness < 0.3 && rng.uniform() < 0.4) ? rng.uniform(0.1, 0.8) : 0.0;
    s.creases = rng.uniform() < 0.55 ? 0 : rng.uniformInt(1, 4);
    s.shading = rng.uniform(0.0, 15.0);
    s.vignette = rng.uniform() < 0.5 ? rng.uniform(0.0, 25.0) : 0.0;
    s.dust = rng.uniformInt(0, 12);
    s.blur = rng.uniform(0.02, 0.09);
    s.noise = rng.uniform(1.0, 9.0);
    return s;
}

cv::Mat renderPrint(const cv::Mat& ridges, const cv::Mat& foreground,
                    const FingerGeometry& geometry, const RenderStyle& style, double period,
                    Rng& rng)
{
    // The grown pattern is nearly binary; a light blur turns it back into a rounded profile
    // on which a threshold shift really changes the ridge width.
    cv::Mat profile;
    cv::GaussianBlur(ridges, profile, cv::Size(0, 0), 0.15 * period);

    Inking ink = inkRidges(profile, foreground, geometry, style, period, rng);
    punchPores(ink.darkness, profile, foreground, style, period, rng);
    if (style.creases > 0) {
        cv::Mat creases = cv::Mat::zeros(foreground.size(), CV_32FC1);
        for (int i = 0; i < style.creases; ++i)
            addCrease(creases, geometry, period, rng);
        ink.darkness = ink.darkness.mul(1.0 - creases);
    }
    return scan(composeGrey(ink, foreground, style, rng), style, period, rng);
}

}  // namespace rw::synth
