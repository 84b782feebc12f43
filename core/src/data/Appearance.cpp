// The "sensor" appearance augmentation: a random look per example (see Appearance.h and
// docs/data.md, "Sensor appearance"). Everything is drawn from the example's own seed with
// rw::Rng and rendered with deterministic OpenCV calls and plain loops, so the same example
// has the same bytes on any thread and with any number of loader threads.
#include "Appearance.h"

#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Random.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

namespace rw::data {
namespace {

// Probabilities. Each effect is drawn on its own, so most examples get a few of them and
// plain prints stay common: a fifth of the examples keep the source's look exactly.
constexpr double kPlainChance = 0.20;
constexpr double kZoomChance = 0.75;
constexpr double kLevelsChance = 0.70;
constexpr double kWashedOutChance = 0.25;  // of the prints whose levels are drawn
// SensorBinarised: the share of non-plain looks whose ink is made black and white, drawn from
// a stream of its own. A 0.3 share, fine-tuning the detector (docs/training.md), lifted its
// masks on real prints (IoU 0.43 -> 0.50 with medium damage) and left synthetic ones level.
constexpr double kBinarisedLookShare = 0.3;
constexpr std::uint64_t kBinarisedStream = 0xB1;
constexpr double kInkChance = 0.45;
constexpr double kDryChance = 0.20;
constexpr double kWetChance = 0.15;  // dry and wet exclude each other
constexpr double kGradientChance = 0.35;
constexpr double kTextureChance = 0.15;
constexpr double kLineNoiseChance = 0.15;
constexpr double kBorderChance = 0.10;
constexpr double kBlurChance = 0.40;
constexpr double kNoiseChance = 0.60;
constexpr double kSpeckleChance = 0.20;
constexpr double kSaltChance = 0.10;
constexpr double kJpegChance = 0.10;

// Ridge periods to aim at, in pixels at 100 × 100 (scaled with imageSize). A whole finger
// from a 500–1000 ppi scanner, cropped and scaled to 100 px, has a period of about 3–4 px
// (SOCOFing: 3.4); partial captures of small capacitive sensors and zoomed-in latent lifts
// show fewer, wider ridges (6–10 px). Below 3 px the ridges alias at this size.
constexpr double kMinTargetPeriod = 3.2;
constexpr double kMaxTargetPeriod = 9.5;
constexpr double kMinZoom = 0.7;        // zoom-out: a small finger in a large frame
constexpr double kMaxZoom = 2.8;        // zoom-in: about a third of the print fills the image
constexpr double kAssumedPeriod = 4.5;  // when the print's period could not be measured

double logUniform(Rng& rng, double lo, double hi)
{
    return std::exp(rng.uniform(std::log(lo), std::log(hi)));
}

float clamp01(float v)
{
    return std::min(1.0f, std::max(0.0f, v));
}

// Gray levels of the source: ridges (1st percentile) and valleys (99th) inside the
// foreground, and the median of the blank space around it (valleys' level if there is none).
struct SourceLevels {
    float light = 1.0f;
    float dark = 0.0f;
    float outside = 1.0f;
};

SourceLevels sourceLevels(const cv::Mat& image, const cv::Mat& foreground)
{
    std::array<int, 256> inside{}, outside{};
    int insideCount = 0, outsideCount = 0;
    for (int y = 0; y < image.rows; ++y) {
        const std::uint8_t* p = image.ptr<std::uint8_t>(y);
        const std::uint8_t* f = foreground.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.cols; ++x) {
            if (f[x]) {
                ++inside[p[x]];
                ++insideCount;
            } else {
                ++outside[p[x]];
                ++outsideCount;
            }
        }
    }
    const auto percentile = [](const std::array<int, 256>& hist, int count, double share) {
        const int wanted = static_cast<int>(share * count);
        int sum = 0;
        for (int v = 0; v < 256; ++v) {
            sum += hist[static_cast<std::size_t>(v)];
            if (sum > wanted)
                return v;
        }
        return 255;
    };
    SourceLevels levels;
    if (insideCount == 0)
        return levels;
    levels.dark = static_cast<float>(percentile(inside, insideCount, 0.01)) / 255.0f;
    levels.light = static_cast<float>(percentile(inside, insideCount, 0.99)) / 255.0f;
    levels.outside = outsideCount > 0
                         ? static_cast<float>(percentile(outside, outsideCount, 0.5)) / 255.0f
                         : levels.light;
    return levels;
}

// Uniform noise on a coarse grid, bilinearly enlarged: smooth blobs about `cell` px across,
// values in [0, 1] (concentrated around 0.5 by the interpolation).
cv::Mat smoothField(Rng& rng, cv::Size size, double cell)
{
    const int gw = std::max(2, static_cast<int>(std::ceil(size.width / cell)) + 1);
    const int gh = std::max(2, static_cast<int>(std::ceil(size.height / cell)) + 1);
    cv::Mat grid(gh, gw, CV_32FC1);
    for (int y = 0; y < gh; ++y)
        for (int x = 0; x < gw; ++x)
            grid.at<float>(y, x) = static_cast<float>(rng.uniform());
    cv::Mat field;
    cv::resize(grid, field, size, 0, 0, cv::INTER_LINEAR);
    return field;
}

// A soft threshold of a field: 0 below `from`, 1 above `from + width`.
void softStep(cv::Mat& field, float from, float width)
{
    for (int y = 0; y < field.rows; ++y) {
        float* p = field.ptr<float>(y);
        for (int x = 0; x < field.cols; ++x)
            p[x] = clamp01((p[x] - from) / width);
    }
}

// Random spots covering about `share` of the image, each about `cell` px across, with soft
// edges: a coarse grid of cells that are on with probability `share`, enlarged (bicubic)
// and thresholded around one half (weights in [0, 1]).
cv::Mat spotField(Rng& rng, cv::Size size, double cell, float share)
{
    const int gw = std::max(2, static_cast<int>(std::ceil(size.width / cell)) + 1);
    const int gh = std::max(2, static_cast<int>(std::ceil(size.height / cell)) + 1);
    cv::Mat grid(gh, gw, CV_32FC1);
    for (int y = 0; y < gh; ++y)
        for (int x = 0; x < gw; ++x)
            grid.at<float>(y, x) = rng.uniform() < share ? 1.0f : 0.0f;
    cv::Mat field;
    cv::resize(grid, field, size, 0, 0, cv::INTER_CUBIC);  // rounder spots than linear
    softStep(field, 0.35f, 0.3f);
    return field;
}

// v^gamma for v in [0, 1] through a table (std::pow per pixel would be most of the budget).
class GammaTable {
public:
    explicit GammaTable(float gamma)
    {
        for (int i = 0; i <= kSteps; ++i)
            m_table[static_cast<std::size_t>(i)] =
                static_cast<float>(std::pow(static_cast<double>(i) / kSteps, gamma));
    }
    float operator()(float v) const
    {
        const float t = clamp01(v) * kSteps;
        const int i = std::min(kSteps - 1, static_cast<int>(t));
        const float f = t - static_cast<float>(i);
        return m_table[static_cast<std::size_t>(i)] * (1.0f - f) +
               m_table[static_cast<std::size_t>(i) + 1] * f;
    }

private:
    static constexpr int kSteps = 256;  // with interpolation: error < 1e-3 of full scale
    std::array<float, kSteps + 1> m_table{};
};

// A standard normal number from 64 random bits: the sum of four 16-bit uniforms (Irwin–Hall),
// centred and scaled. Close enough to Gaussian for sensor noise and ten times cheaper than
// Box–Muller, which matters at 10 000 pixels per example.
float fastNormal(std::uint64_t bits)
{
    const auto part = [&](int shift) { return static_cast<float>((bits >> shift) & 0xffff); };
    const float sum = (part(0) + part(16) + part(32) + part(48)) / 65535.0f;  // mean 2, var 1/3
    return (sum - 2.0f) * 1.7320508f;
}

cv::Mat zoomMatrix(const SensorLook& look)
{
    // x' = c + zoom · (x − c): the centre stays in place.
    const double z = look.zoom;
    return (cv::Mat_<double>(2, 3) << z, 0.0, look.centre.x * (1.0 - z), 0.0, z,
            look.centre.y * (1.0 - z));
}

// Distance-based weight of the dark frame border: 1 inside it, 0 away from it, soft over
// about one and a half pixels.
float borderWeight(const SensorLook& look, int x, int y, int width, int height)
{
    float distance = 1e9f;
    if (look.borderSides & 1)
        distance = std::min(distance, static_cast<float>(y));
    if (look.borderSides & 2)
        distance = std::min(distance, static_cast<float>(width - 1 - x));
    if (look.borderSides & 4)
        distance = std::min(distance, static_cast<float>(height - 1 - y));
    if (look.borderSides & 8)
        distance = std::min(distance, static_cast<float>(x));
    return clamp01((look.borderWidth - distance) / 1.5f + 0.5f);
}

// Where the zoom puts the print: a random foreground pixel drawn 40 % of the way towards the
// foreground's centroid, so that zooming in keeps most of the image on the finger.
cv::Point2d zoomCentre(Rng& rng, const cv::Mat& foreground)
{
    const cv::Moments m = cv::moments(foreground, true);
    const cv::Point2d centroid = m.m00 > 0
                                     ? cv::Point2d(m.m10 / m.m00, m.m01 / m.m00)
                                     : cv::Point2d(foreground.cols / 2.0, foreground.rows / 2.0);
    const cv::Rect box = cv::boundingRect(foreground);
    for (int attempt = 0; attempt < 32 && !box.empty(); ++attempt) {
        const int x = box.x + rng.uniformInt(0, box.width - 1);
        const int y = box.y + rng.uniformInt(0, box.height - 1);
        if (foreground.at<std::uint8_t>(y, x))
            return centroid + 0.6 * (cv::Point2d(x, y) - centroid);
    }
    return centroid;
}

}  // namespace

double measureRidgePeriod(const cv::Mat& image, const cv::Mat& foreground)
{
    // The estimator searches periods from 3 px; SOCOFing at 100 px sits just above that and is
    // often missed. Enlarging the image moves the peak into the searched range. A few prints
    // (7 of 250 SOCOFing prints) give a peak of the outline or of a pattern (15–40 px) instead:
    // only periods a print of this size can have are accepted.
    const double sizeScale = image.cols / 100.0;
    for (const int factor : {1, 2, 3}) {
        cv::Mat big = image, bigMask = foreground;
        if (factor > 1) {
            cv::resize(image, big, {}, factor, factor, cv::INTER_CUBIC);
            cv::resize(foreground, bigMask, {}, factor, factor, cv::INTER_NEAREST);
        }
        const double period = estimateRidgePeriod(big, bigMask) / factor;
        if (period >= 2.4 * sizeScale && period <= 12.0 * sizeScale)
            return period;
    }
    return 0.0;
}

SensorLook drawSensorLook(const CachedPrint& print, std::uint64_t seed,
                          AppearanceAugmentation appearance)
{
    Rng rng(seed);
    SensorLook look;
    if (rng.uniform() < kPlainChance)
        return look;
    const SourceLevels levels = sourceLevels(print.image, print.foreground);
    if (levels.light - levels.dark < 0.05f)  // no ridges to speak of: leave the print alone
        return look;
    look.plain = false;
    look.sourceLight = levels.light;
    look.sourceDark = levels.dark;
    look.outsideInk = (levels.light - levels.outside) / (levels.light - levels.dark);
    look.fieldSeed = rng.nextU64();
    look.noiseSeed = rng.nextU64();
    // One generator per group: a change to one group's draws leaves the others as they were.
    Rng geometry = rng.fork(1), skin = rng.fork(2), gray = rng.fork(3), back = rng.fork(4),
        sensor = rng.fork(5);
    const double sizeScale = print.image.cols / 100.0;  // ranges are given for 100 × 100

    // Ridge period (sensor resolution, finger size, partial captures): zoom so that the
    // period lands anywhere from 3.2 to 9.5 px, whatever the source's own period.
    const double sourcePeriod = print.period > 0.0 ? print.period : kAssumedPeriod * sizeScale;
    if (geometry.uniform() < kZoomChance) {
        if (print.period > 0.0)
            look.zoom = std::clamp(
                logUniform(geometry, kMinTargetPeriod * sizeScale, kMaxTargetPeriod * sizeScale) /
                    print.period,
                kMinZoom, kMaxZoom);
        else
            look.zoom = logUniform(geometry, 0.8, 1.5);
        look.centre = zoomCentre(geometry, print.foreground);
        // A guard: keep at least a fifth of the image on the finger for the damage.
        const cv::Mat zoomed = transformSensorMask(print.foreground, look, false);
        if (cv::countNonZero(zoomed) < 0.2 * static_cast<double>(zoomed.total()))
            look.zoom = 1.0;
    }
    look.period = sourcePeriod * look.zoom;
    const double periodScale = std::min(1.0, look.period / (6.0 * sizeScale));

    // Ink and skin. Pressure and the amount of ink make ridges thicker or thinner (a fraction
    // of a pixel of grayscale dilation/erosion, less on fine ridges, and a gamma on the ink);
    // dry skin touches the platen or card only in spots (broken, dotted, fainter ridges); wet
    // skin fills the valleys, so ridges merge into dark patches.
    // The skin's condition bounds the ink: a dry finger never has thick, full ridges (thick
    // ridges broken by gaps turn into a leopard pattern with no ridge left), a wet one never
    // thin ones. Thinning, a high ink gamma and gaps together erase the print, so dry prints
    // get only a little of the first two.
    const double condition = skin.uniform();
    const bool inked = skin.uniform() < kInkChance;
    if (condition < kDryChance) {
        look.dryness = static_cast<float>(skin.uniform(0.1, 0.3));
        look.dryInk = static_cast<float>(skin.uniform(0.7, 0.95));
        if (inked) {
            look.thickness = static_cast<float>(skin.uniform(-0.5, 0.0) * periodScale);
            look.inkGamma = static_cast<float>(skin.uniform(1.0, 1.3));
        }
    } else if (condition < kDryChance + kWetChance) {
        look.wetness = static_cast<float>(skin.uniform(0.15, 0.5));
        if (inked) {
            look.thickness = static_cast<float>(skin.uniform(0.0, 0.6) * periodScale);
            look.inkGamma = static_cast<float>(skin.uniform(0.7, 1.0));
        }
    } else if (inked) {
        look.thickness = static_cast<float>(skin.uniform(-1.0, 1.0) * periodScale);
        look.inkGamma = static_cast<float>(logUniform(skin, 0.6, 1.6));
    }

    // Gray levels: optical scanners give white valleys, capacitive ones mid-gray backgrounds,
    // weak contact or underexposure washed-out prints (light, low contrast; never inverted).
    if (gray.uniform() < kLevelsChance) {
        if (gray.uniform() < kWashedOutChance) {
            look.background = static_cast<float>(gray.uniform(0.8, 1.0));
            look.contrast = static_cast<float>(gray.uniform(0.2, 0.35));
        } else {
            look.background = static_cast<float>(gray.uniform(0.5, 1.0));
            look.contrast = static_cast<float>(gray.uniform(0.35, 1.0));
        }
        look.gamma = static_cast<float>(logUniform(gray, 0.7, 1.5));
    } else {  // the source's own levels: rendering gives its pixels back
        look.background = levels.light;
        look.contrast = (levels.light - levels.dark) / levels.light;
    }

    // Background: uneven illumination of optical prisms (a ramp), paper or latent background
    // (blotchy texture), the row/column offsets of capacitive line sensors, the dark frame of
    // a prism edge or a card box.
    if (back.uniform() < kGradientChance) {
        look.gradient = static_cast<float>(back.uniform(0.04, 0.2));
        look.gradientAngle = static_cast<float>(back.uniform(0.0, 6.283185307179586));
    }
    if (back.uniform() < kTextureChance)
        look.texture = static_cast<float>(back.uniform(0.02, 0.08));
    if (back.uniform() < kLineNoiseChance)
        look.lineNoise = static_cast<float>(back.uniform(0.01, 0.035));
    if (back.uniform() < kBorderChance) {
        look.borderSides = back.uniformInt(1, 15);
        look.borderWidth = static_cast<float>(back.uniform(2.0, 9.0) * sizeScale);
        look.borderLevel = static_cast<float>(back.uniform(0.0, 0.3));
    }

    // Optics and sensor: defocus and a worn platen blur (σ at most 0.18 of the period, so the
    // ridges stay), electronic noise, multiplicative (speckle) noise of coherent light and
    // ink grain, dust and dead pixels, lossy compression of older capture software.
    if (sensor.uniform() < kBlurChance)
        look.blurSigma =
            sensor.uniform(0.3, std::max(0.35, std::min(1.2 * sizeScale, 0.18 * look.period)));
    // Noise at most a quarter of the ridge/valley difference: a print lost in noise teaches
    // nothing about ridges.
    const double ridgeDepth = look.background * look.contrast;
    if (sensor.uniform() < kNoiseChance)
        look.noiseSigma = static_cast<float>(
            logUniform(sensor, 0.008, std::max(0.01, std::min(0.06, 0.25 * ridgeDepth))));
    if (sensor.uniform() < kSpeckleChance)
        look.speckleSigma = static_cast<float>(sensor.uniform(0.04, 0.15));
    if (sensor.uniform() < kSaltChance)
        look.saltShare = static_cast<float>(sensor.uniform(0.001, 0.008));
    if (sensor.uniform() < kJpegChance)
        look.jpegQuality = sensor.uniformInt(30, 80);
    if (appearance == AppearanceAugmentation::SensorBinarised)
        look.binarised = Rng(deriveSeed({seed, kBinarisedStream})).uniform() < kBinarisedLookShare;
    return look;
}

cv::Mat transformSensorMask(const cv::Mat& mask, const SensorLook& look, bool dropBorder)
{
    // Always a new buffer: `mask` is usually the cache's own foreground.
    cv::Mat out;
    if (!look.plain && look.zoom != 1.0)
        cv::warpAffine(mask, out, zoomMatrix(look), mask.size(), cv::INTER_NEAREST,
                       cv::BORDER_CONSTANT, cv::Scalar(0));
    else
        out = mask.clone();
    if (dropBorder && !look.plain && look.borderSides) {
        for (int y = 0; y < out.rows; ++y) {
            std::uint8_t* p = out.ptr<std::uint8_t>(y);
            for (int x = 0; x < out.cols; ++x)
                if (borderWeight(look, x, y, out.cols, out.rows) > 0.0f)
                    p[x] = 0;
        }
    }
    return out;
}

cv::Mat renderSensorLook(const cv::Mat& image, const SensorLook& look)
{
    if (look.plain)
        return image.clone();
    const cv::Size size = image.size();
    const int w = size.width, h = size.height;

    // Source pixels → ink (0 valley, 1 ridge).
    cv::Mat ink;
    const double range = 255.0 * (look.sourceLight - look.sourceDark);
    image.convertTo(ink, CV_32FC1, -1.0 / range, 255.0 * look.sourceLight / range);
    if (look.zoom != 1.0) {
        cv::Mat zoomed;
        cv::warpAffine(ink, zoomed, zoomMatrix(look), size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                       cv::Scalar(look.outsideInk));
        ink = zoomed;
    }

    // Ink and skin.
    if (look.thickness != 0.0f) {
        cv::Mat moved;
        const cv::Mat cross = cv::getStructuringElement(cv::MORPH_CROSS, {3, 3});
        if (look.thickness > 0.0f)
            cv::dilate(ink, moved, cross);
        else
            cv::erode(ink, moved, cross);
        cv::addWeighted(ink, 1.0 - std::abs(look.thickness), moved, std::abs(look.thickness), 0.0,
                        ink);
    }
    if (look.inkGamma != 1.0f) {
        const GammaTable table(look.inkGamma);
        for (int y = 0; y < h; ++y) {
            float* a = ink.ptr<float>(y);
            for (int x = 0; x < w; ++x)
                a[x] = table(a[x]);
        }
    }
    if (look.dryness > 0.0f) {
        // Gaps about two thirds of a period across, on `dryness` of the image.
        Rng rng(deriveSeed({look.fieldSeed, 1}));
        const cv::Mat gaps = spotField(rng, size, std::max(2.0, 0.7 * look.period), look.dryness);
        for (int y = 0; y < h; ++y) {
            float* a = ink.ptr<float>(y);
            const float* g = gaps.ptr<float>(y);
            for (int x = 0; x < w; ++x)
                a[x] *= look.dryInk * (1.0f - g[x]);
        }
    }
    if (look.wetness > 0.0f) {
        Rng rng(deriveSeed({look.fieldSeed, 2}));
        const cv::Mat wet = spotField(rng, size, 2.5 * look.period, look.wetness);
        const int k = look.period >= 6.0 ? 5 : 3;
        cv::Mat spread;
        cv::dilate(ink, spread, cv::getStructuringElement(cv::MORPH_ELLIPSE, {k, k}));
        for (int y = 0; y < h; ++y) {
            float* a = ink.ptr<float>(y);
            const float* s = spread.ptr<float>(y);
            const float* q = wet.ptr<float>(y);
            for (int x = 0; x < w; ++x)
                a[x] += 0.9f * q[x] * (s[x] - a[x]);
        }
    }

    if (look.binarised) {
        cv::Mat localMean;
        cv::GaussianBlur(ink, localMean, {0, 0}, std::max(1.0, 0.5 * look.period));
        cv::Mat ridge = ink > localMean;
        ridge.convertTo(ink, CV_32FC1, 1.0 / 255.0);
    }

    // Rendering: background field times (1 − contrast · ink).
    cv::Mat texture;
    if (look.texture > 0.0f) {
        Rng rng(deriveSeed({look.fieldSeed, 3}));
        texture = smoothField(rng, size, 0.08 * w);
    }
    std::vector<float> rowOffset(static_cast<std::size_t>(h), 0.0f),
        columnOffset(static_cast<std::size_t>(w), 0.0f);
    if (look.lineNoise > 0.0f) {
        Rng rng(deriveSeed({look.fieldSeed, 4}));
        for (float& v : rowOffset)
            v = look.lineNoise * fastNormal(rng.nextU64());
        for (float& v : columnOffset)
            v = 0.5f * look.lineNoise * fastNormal(rng.nextU64());
    }
    const float gx = std::cos(look.gradientAngle) * look.gradient / (0.5f * w);
    const float gy = std::sin(look.gradientAngle) * look.gradient / (0.5f * h);
    const GammaTable gamma(look.gamma);
    const bool useGamma = look.gamma != 1.0f;
    cv::Mat out(size, CV_32FC1);
    for (int y = 0; y < h; ++y) {
        const float* a = ink.ptr<float>(y);
        const float* t = texture.empty() ? nullptr : texture.ptr<float>(y);
        float* o = out.ptr<float>(y);
        const float rowBase = look.background + gy * (static_cast<float>(y) - 0.5f * h) +
                              rowOffset[static_cast<std::size_t>(y)];
        for (int x = 0; x < w; ++x) {
            float background = rowBase + gx * (static_cast<float>(x) - 0.5f * w) +
                               columnOffset[static_cast<std::size_t>(x)];
            if (t)
                background += look.texture * (2.0f * t[x] - 1.0f);
            float v = background * (1.0f - look.contrast * a[x]);
            if (useGamma)
                v = gamma(v);
            if (look.borderSides) {
                const float b = borderWeight(look, x, y, w, h);
                v += b * (look.borderLevel - v);
            }
            o[x] = v;
        }
    }

    // Optics and sensor.
    if (look.blurSigma > 0.0)
        cv::GaussianBlur(out, out, {0, 0}, look.blurSigma, look.blurSigma, cv::BORDER_REFLECT);
    if (look.noiseSigma > 0.0f || look.speckleSigma > 0.0f || look.saltShare > 0.0f) {
        Rng rng(look.noiseSeed);
        if (look.noiseSigma > 0.0f)
            for (int y = 0; y < h; ++y) {
                float* o = out.ptr<float>(y);
                for (int x = 0; x < w; ++x)
                    o[x] += look.noiseSigma * fastNormal(rng.nextU64());
            }
        if (look.speckleSigma > 0.0f)
            for (int y = 0; y < h; ++y) {
                float* o = out.ptr<float>(y);
                for (int x = 0; x < w; ++x)
                    o[x] *= 1.0f + look.speckleSigma * fastNormal(rng.nextU64());
            }
        const int salt = static_cast<int>(look.saltShare * static_cast<float>(w * h));
        for (int i = 0; i < salt; ++i) {
            const int x = rng.uniformInt(0, w - 1), y = rng.uniformInt(0, h - 1);
            out.at<float>(y, x) = rng.uniform() < 0.7 ? static_cast<float>(rng.uniform(0.0, 0.2))
                                                      : static_cast<float>(rng.uniform(0.9, 1.0));
        }
    }
    cv::Mat result;
    out.convertTo(result, CV_8UC1, 255.0);  // rounds and saturates to [0, 255]
    if (look.jpegQuality > 0) {
        std::vector<std::uint8_t> bytes;
        cv::imencode(".jpg", result, bytes, {cv::IMWRITE_JPEG_QUALITY, look.jpegQuality});
        result = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
    }
    return result;
}

CachedPrint withSensorLook(const CachedPrint& print, const SensorLook& look)
{
    if (look.plain)
        return print;
    CachedPrint out;
    out.image = renderSensorLook(print.image, look);
    out.foreground = transformSensorMask(print.foreground, look, true);
    out.ppi = print.ppi * look.zoom;
    out.name = print.name;
    out.period = look.period;
    return out;
}

std::string SensorLook::summary() const
{
    if (plain)
        return "sensor plain";
    std::string text = binarised ? "sensor binarised" : "sensor";
    char part[96];
    const auto add = [&](const char* format, auto... values) {
        std::snprintf(part, sizeof part, format, values...);
        text += part;
    };
    if (zoom != 1.0)
        add(" zoom %.2f", zoom);
    add(" levels %.2f/%.2f", static_cast<double>(background),
        static_cast<double>(background * (1.0f - contrast)));
    if (gamma != 1.0f)
        add(" gamma %.2f", static_cast<double>(gamma));
    if (thickness != 0.0f)
        add(" ink %+.2f^%.2f", static_cast<double>(thickness), static_cast<double>(inkGamma));
    if (dryness > 0.0f)
        add(" dry %.2f", static_cast<double>(dryness));
    if (wetness > 0.0f)
        add(" wet %.2f", static_cast<double>(wetness));
    if (gradient > 0.0f)
        add(" ramp %.2f", static_cast<double>(gradient));
    if (texture > 0.0f)
        add(" texture %.2f", static_cast<double>(texture));
    if (lineNoise > 0.0f)
        add(" lines %.3f", static_cast<double>(lineNoise));
    if (borderSides)
        add(" border %.0fpx", static_cast<double>(borderWidth));
    if (blurSigma > 0.0)
        add(" blur %.2f", blurSigma);
    if (noiseSigma > 0.0f)
        add(" noise %.3f", static_cast<double>(noiseSigma));
    if (speckleSigma > 0.0f)
        add(" speckle %.2f", static_cast<double>(speckleSigma));
    if (saltShare > 0.0f)
        add(" salt %.3f", static_cast<double>(saltShare));
    if (jpegQuality > 0)
        add(" jpeg %d", jpegQuality);
    return text;
}

}  // namespace rw::data
