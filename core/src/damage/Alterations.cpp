// The SOCOFing-style alterations (after the STRANGE toolbox): obliteration, central rotation,
// z-cut (slid and, as surgery makes it, transposed) — and the examiner's own mask, blanked the
// way obliteration blanks.
#include "DamageInternal.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace rw::damage {
namespace {

// An irregular blob: a circle whose radius wobbles with a few low harmonics.
struct Blob {
    cv::Point2d centre;
    double radius = 1.0;
    std::vector<double> amplitude, phase;  // harmonics 2, 3, 4

    void draw(double scale, cv::Mat& mask) const
    {
        std::vector<cv::Point> outline;
        constexpr int kVertices = 64;
        for (int i = 0; i < kVertices; ++i) {
            const double t = 2.0 * CV_PI * i / kVertices;
            double r = 1.0;
            for (std::size_t k = 0; k < amplitude.size(); ++k)
                r += amplitude[k] * std::cos(static_cast<double>(k + 2) * t + phase[k]);
            r *= radius * scale;
            outline.emplace_back(cvRound(centre.x + r * std::cos(t)),
                                 cvRound(centre.y + r * std::sin(t)));
        }
        cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{outline}, cv::Scalar(255));
    }
};

// A point near the centre of the print (SOCOFing's alterations are central), inside it.
cv::Point2d centralPoint(const cv::Mat& foreground, double spread, Rng& rng)
{
    const cv::Point2d c = foregroundCentroid(foreground);
    const cv::Rect box(0, 0, foreground.cols, foreground.rows);
    for (int attempt = 0; attempt < 50; ++attempt) {
        const cv::Point2d p(c.x + rng.normal(0.0, spread), c.y + rng.normal(0.0, spread));
        const cv::Point q(cvRound(p.x), cvRound(p.y));
        if (box.contains(q) && foreground.at<std::uint8_t>(q))
            return p;
    }
    return c;
}

double foregroundSpan(const cv::Mat& foreground)
{
    const cv::Rect box = cv::boundingRect(foreground);
    return std::max(1, std::min(box.width, box.height));
}

// Smudged local background plus optional scar texture: what obliteration leaves behind.
cv::Mat scarredFill(const DamageInput& in, double scar, Rng& rng)
{
    const double sigma = in.parameters.get("smudgeSigmaPx") * in.scale;
    cv::Mat fill = localBackground(in.gray, in.foreground, sigma);
    if (scar > 0.0) {
        // Blotches of healed skin about half a ridge period wide (SOCOFing's look).
        Rng noiseRng = rng.fork(7);
        const cv::Mat noise = smoothNoise(in.gray.size(), 5.0 * in.scale, noiseRng);
        fill += noise * static_cast<float>(25.0 * scar);
    }
    return fill;
}

// Where a Z goes: near the centre, tilted up to 30°, its bars a little skewed. The draws are
// the same for every kind cut along a Z, in this order.
struct ZPlacement {
    cv::Point2d centre;
    double tilt = 0.0, skewTop = 0.0, skewBottom = 0.0;
    double halfWidth = 0.0, halfHeight = 0.0;

    // The Z at `scale`: top bar from z0 to z1, diagonal back to z2, bottom bar to z3.
    std::vector<cv::Point> corners(double scale) const
    {
        const double c = std::cos(tilt), s = std::sin(tilt);
        auto place = [&](double u, double v) {
            return cv::Point(cvRound(centre.x + u * c - v * s), cvRound(centre.y + u * s + v * c));
        };
        const double a = halfWidth * scale, b = halfHeight * scale;
        return {place(-a * (1 + skewTop), -b), place(a, -b), place(-a, b),
                place(a * (1 + skewBottom), b)};
    }

    void record(DamageParameters& drawn) const
    {
        drawn.set("tiltDeg", tilt * 180.0 / CV_PI);
        drawn.set("centerX", centre.x);
        drawn.set("centerY", centre.y);
    }
};

ZPlacement placeZ(const DamageInput& in, Rng& placeRng)
{
    const cv::Rect box = cv::boundingRect(in.foreground);
    ZPlacement z;
    z.centre = centralPoint(in.foreground, 0.05 * foregroundSpan(in.foreground), placeRng);
    z.tilt = placeRng.uniform(-30.0, 30.0) * CV_PI / 180.0;
    z.skewTop = placeRng.uniform(-0.2, 0.2);
    z.skewBottom = placeRng.uniform(-0.2, 0.2);
    z.halfWidth = 0.5 * box.width;
    z.halfHeight = 0.3 * box.height;
    return z;
}

// The gray below which `share` of the print's own pixels (the foreground) lie.
double foregroundLevel(const cv::Mat& gray, const cv::Mat& foreground, double share)
{
    std::vector<std::uint8_t> values;
    for (int y = 0; y < gray.rows; ++y)
        for (int x = 0; x < gray.cols; ++x)
            if (foreground.at<std::uint8_t>(y, x))
                values.push_back(gray.at<std::uint8_t>(y, x));
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(double(values.size()) * share);
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

// The light end of the print's own grays: the skin between the ridges (90th percentile of the
// foreground).
double valleyLevel(const cv::Mat& gray, const cv::Mat& foreground)
{
    return foregroundLevel(gray, foreground, 0.9);
}

// What skin removed along a cut shows: the paper's gray, where the background is paper, lighter
// than the print's middle gray. A scan with a dark frame and little paper showing (SOCOFing's
// black strips) has a background median of the frame's black: there, the skin between the
// ridges. Up to 0.12.0 such cuts were drawn black; a print on paper gets the gap it always had
// (docs/damage.md).
double removedSkinLevel(const cv::Mat& gray, const cv::Mat& foreground)
{
    const double paper = paperLevel(gray, foreground);
    return paper > foregroundLevel(gray, foreground, 0.5) ? paper : valleyLevel(gray, foreground);
}

// A cut or seam `width` px wide along an open polyline (nothing below half a pixel).
void drawScar(const std::vector<cv::Point>& path, double width, cv::Mat& mask)
{
    if (width >= 0.5)
        cv::polylines(mask, std::vector<std::vector<cv::Point>>{path}, false, cv::Scalar(255),
                      std::max(1, cvRound(width)), cv::LINE_8);
}

// A light, slightly mottled band along the path at about `level`: skin cut away or a seam.
void paintScar(const DamageInput& in, const std::vector<cv::Point>& path, double width,
               double level, Rng& noiseRng, cv::Mat& image)
{
    cv::Mat scar = cv::Mat::zeros(in.gray.size(), CV_8UC1);
    drawScar(path, width, scar);
    cv::Mat gap =
        smoothNoise(in.gray.size(), 3.0 * in.scale, noiseRng) * 6.0f + static_cast<float>(level);
    cv::Mat gap8;
    gap.convertTo(gap8, CV_8U);
    gap8.copyTo(image, scar);
}

// The Z's quadrilateral and a scar `width` px wide along `scarPath(corners)`, grown until it
// covers the kind's areaFraction of the foreground; `corners` receives the Z at that scale.
template <typename ScarPath>
cv::Mat fitZRegion(const DamageInput& in, const ZPlacement& place, double width, ScarPath scarPath,
                   std::vector<cv::Point>& corners)
{
    return fitToArea(
        in.foreground, in.parameters.get("areaFraction"), 3.0, [&](double scale, cv::Mat& mask) {
            corners = place.corners(scale);
            cv::fillConvexPoly(
                mask, std::vector<cv::Point>{corners[0], corners[1], corners[3], corners[2]},
                cv::Scalar(255));
            drawScar(scarPath(corners), width, mask);
        });
}

// The seams after a Z-plasty's swap: the two bars and the other diagonal (z0 to z3), along
// which the flaps' tips now meet.
std::vector<cv::Point> zPlastySeams(const std::vector<cv::Point>& z)
{
    return {z[1], z[0], z[3], z[2]};
}

}  // namespace

DamageResult obliterate(const DamageInput& in, Rng& rng)
{
    const double target = in.parameters.get("areaFraction");
    const int count = static_cast<int>(in.parameters.get("blobs"));
    const double irregularity = in.parameters.get("irregularity");
    const double span = foregroundSpan(in.foreground);
    Rng shapeRng = rng.fork(1);
    std::vector<Blob> blobs;
    for (int i = 0; i < count; ++i) {
        Blob b;
        b.centre = centralPoint(in.foreground, 0.15 * span, shapeRng);
        b.radius = span * shapeRng.uniform(0.6, 1.0) / std::sqrt(static_cast<double>(count));
        for (int k = 0; k < 3; ++k) {
            b.amplitude.push_back(shapeRng.uniform(0.0, irregularity / (k + 1.0)));
            b.phase.push_back(shapeRng.uniform(0.0, 2.0 * CV_PI));
        }
        blobs.push_back(b);
    }
    cv::Mat region = fitToArea(in.foreground, target, 4.0, [&](double scale, cv::Mat& mask) {
        for (const Blob& b : blobs)
            b.draw(scale, mask);
    });
    const cv::Mat fill = scarredFill(in, in.parameters.get("scar"), rng);
    DamageResult r;
    r.image = blendInto(in.gray, fill, region, 3.0 * in.scale);
    r.region = region;
    r.detail = describe("%.0f blobs", count);
    return r;
}

DamageResult rotateCentre(const DamageInput& in, Rng& rng)
{
    const double span = foregroundSpan(in.foreground);
    Rng placeRng = rng.fork(1);
    const cv::Point2d centre = centralPoint(in.foreground, 0.05 * span, placeRng);
    const double magnitude =
        placeRng.uniform(in.parameters.get("angleMinDeg"), in.parameters.get("angleMaxDeg"));
    const double angle = placeRng.uniform() < 0.5 ? -magnitude : magnitude;
    const cv::Point centrePx(cvRound(centre.x), cvRound(centre.y));
    double radius = 0.0;
    cv::Mat region = fitToArea(
        in.foreground, in.parameters.get("areaFraction"), 2.0 * span, [&](double r, cv::Mat& mask) {
            cv::circle(mask, centrePx, cvRound(r), cv::Scalar(255), cv::FILLED);
            radius = r;
        });
    radius = std::round(radius);
    // OpenCV's convention: positive angles turn counter-clockwise as seen on screen.
    const cv::Mat rotation = cv::getRotationMatrix2D(cv::Point2f(centrePx), angle, 1.0);
    DamageResult r;
    cv::warpAffine(in.gray, r.image, rotation, in.gray.size(), cv::INTER_LINEAR,
                   cv::BORDER_REFLECT);
    r.region = region;
    r.drawn.set("angleDeg", angle);
    r.drawn.set("centerX", centrePx.x);
    r.drawn.set("centerY", centrePx.y);
    r.drawn.set("radiusPx", radius);
    r.detail = describe("%.1f° about (%.0f", angle, centre.x) + describe(", %.0f)", centre.y);
    return r;
}

DamageResult zCut(const DamageInput& in, Rng& rng)
{
    Rng placeRng = rng.fork(1);
    const ZPlacement zPlace = placeZ(in, placeRng);
    const double cutWidth = in.parameters.get("cutWidthPx") * in.scale;
    const double shift = in.parameters.get("displacementPx") * in.scale;
    std::vector<cv::Point> z;
    const cv::Mat region = fitZRegion(
        in, zPlace, cutWidth, [](const std::vector<cv::Point>& corners) { return corners; }, z);
    // The two flaps on either side of the diagonal slide along it in opposite directions.
    const cv::Point2d along = cv::Point2d(z[2] - z[1]) / std::max(1.0, cv::norm(z[2] - z[1]));
    cv::Mat flapA = cv::Mat::zeros(in.gray.size(), CV_8UC1);
    cv::Mat flapB = flapA.clone();
    cv::fillConvexPoly(flapA, std::vector<cv::Point>{z[0], z[1], z[2]}, cv::Scalar(255));
    cv::fillConvexPoly(flapB, std::vector<cv::Point>{z[1], z[3], z[2]}, cv::Scalar(255));
    auto shifted = [&](double sign) {
        const cv::Mat m =
            (cv::Mat_<double>(2, 3) << 1, 0, sign * shift * along.x, 0, 1, sign * shift * along.y);
        cv::Mat moved;
        cv::warpAffine(in.gray, moved, m, in.gray.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        return moved;
    };
    DamageResult r;
    r.image = in.gray.clone();
    shifted(1.0).copyTo(r.image, flapA);
    shifted(-1.0).copyTo(r.image, flapB);
    // Skin removed along the cut shows as light, slightly mottled gaps (SOCOFing's slivers).
    Rng noiseRng = rng.fork(2);
    const double gapLevel = removedSkinLevel(in.gray, in.foreground) - 8.0;
    paintScar(in, z, cutWidth, gapLevel, noiseRng, r.image);
    r.region = region;
    zPlace.record(r.drawn);
    r.detail = describe("cut %.1f px, shift %.1f px", cutWidth, shift);
    return r;
}

// The Z-cut as surgery makes it (a Z-plasty; Yoon, Feng and Jain 2012 describe altered
// fingerprints made this way): the skin is cut along the Z, the two triangular flaps either
// side of its diagonal are lifted and swapped, each swung about its uncut base, and sewn in.
// The ridges inside then run in other directions than around them, which is what SOCOFing's
// "_Zcut" prints show and what the sliding `zCut` does not make. The Z is placed with the same
// draws as `zCut`, so the same seed puts both in the same place.
DamageResult zPlasty(const DamageInput& in, Rng& rng)
{
    Rng placeRng = rng.fork(1);
    const ZPlacement zPlace = placeZ(in, placeRng);
    const double scarWidth = in.parameters.get("scarWidthPx") * in.scale;
    std::vector<cv::Point> z;
    const cv::Mat region = fitZRegion(in, zPlace, scarWidth, zPlastySeams, z);
    // Flap A (z0, z1, z2: tip z1, base z0-z2) swings about its base until its tip reaches z3;
    // flap B (z1, z3, z2: tip z2, base z1-z3) until its tip reaches z0. Each destination pixel
    // reads the source flap through the inverse affine map.
    auto point = [](const cv::Point& p) { return cv::Point2f(float(p.x), float(p.y)); };
    auto moveFlap = [&](const std::array<cv::Point, 3>& from, const std::array<cv::Point, 3>& to,
                        cv::Mat& image) {
        const std::array<cv::Point2f, 3> src{point(from[0]), point(from[1]), point(from[2])};
        const std::array<cv::Point2f, 3> dst{point(to[0]), point(to[1]), point(to[2])};
        const cv::Mat toSource = cv::getAffineTransform(dst.data(), src.data());
        cv::Mat moved;
        cv::warpAffine(in.gray, moved, toSource, in.gray.size(),
                       cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REFLECT);
        cv::Mat place = cv::Mat::zeros(in.gray.size(), CV_8UC1);
        cv::fillConvexPoly(place, std::vector<cv::Point>(to.begin(), to.end()), cv::Scalar(255));
        moved.copyTo(image, place);
    };
    DamageResult r;
    r.image = in.gray.clone();
    moveFlap({z[0], z[2], z[1]}, {z[0], z[2], z[3]}, r.image);
    moveFlap({z[1], z[3], z[2]}, {z[1], z[3], z[0]}, r.image);
    Rng noiseRng = rng.fork(2);
    // A seam heals to the light of the skin between ridges (not the paper's: scanned prints
    // often carry a dark frame that the paper's median would pick up).
    paintScar(in, zPlastySeams(z), scarWidth, valleyLevel(in.gray, in.foreground), noiseRng,
              r.image);
    r.region = region;
    zPlace.record(r.drawn);
    r.detail = describe("flaps transposed, scar %.1f px", scarWidth);
    return r;
}

DamageResult blankUserMask(const DamageInput& in, Rng& rng)
{
    DamageResult r;
    const cv::Mat fill = scarredFill(in, 0.0, rng);
    r.region = in.userMask.clone();
    r.image = blendInto(in.gray, fill, r.region, 3.0 * in.scale);
    r.detail = "examiner's mask";
    return r;
}

}  // namespace rw::damage
