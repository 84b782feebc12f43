#include "reconstruct/PatchTurn.h"

#include "reconstruct/RimAgreement.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace rw::reconstruction {
namespace {

// The acceptance rule, chosen on 216 synthetic and 540 real cases (rotation, obliteration and
// z-cut alike) and checked on 144 and 540 fresh ones (docs/reconstruction.md): with it none of
// their obliterations and z-cuts was taken for a turn.
constexpr double kMinAgreement = 0.35;
constexpr double kMinGainOverNoTurn = 0.25;
constexpr double kMinLeadOverOtherTurns = 0.05;
constexpr double kMinTurnDeg = 4.0;
// Mask area over the area of its enclosing circle: a disc gives 1 (the damage module's rotations
// 0.93 or more in nine cases of ten), a disc cut by the print's edge less; obliterations gave at
// most 0.79, z-cuts (a square is 0.64) at most 0.63. The correlation rule above stays the
// safeguard for a round mask over other damage.
constexpr double kMinRoundness = 0.8;
// Searched: every whole degree from -90° to 89° (core/damage turns by at most 70°; turns beyond a
// quarter, which a real alteration may make, are not searched yet), then the three best to half
// a degree with the centre moved by up to this many pixels from the mask's centroid.
constexpr int kCentreSearchPx = 4;
constexpr int kCandidates = 3;

// Correlation between the damaged image read at the band's points turned by `angleDeg` about
// `centre` (where the turned-back patch puts them) and the ridges continued from outside.
double agreementAt(const cv::Mat& damaged, const RimBand& band, cv::Point2d centre, double angleDeg)
{
    const double a = angleDeg * std::numbers::pi / 180.0;
    const double c = std::cos(a), s = std::sin(a);
    RimCorrelation correlation;
    for (std::size_t i = 0; i < band.points.size(); ++i) {
        // getRotationMatrix2D(centre, angle) applied to the point: where its content went.
        const double qx = band.points[i].x - centre.x, qy = band.points[i].y - centre.y;
        const double px = c * qx + s * qy + centre.x, py = -s * qx + c * qy + centre.y;
        double v = 0.0;
        if (sampleBilinear(damaged, px, py, v))
            correlation.add(v, band.expected[i]);
    }
    return correlation.value(20);
}

double roundness(const cv::Mat& inHole, int holePixels)
{
    // The smallest circle around the pixels is the one around their convex hull, and the hull's
    // corners lie on the outer contours (at the ends of their straight runs): OpenCV's circle
    // search over all 31,000 pixels of the bench's 512×512 mask took 70 ms, a hull of them 3 ms,
    // the contours and their hull a tenth of that. In the pixels' row-major order (as
    // findNonZero lists them) the contour points give the very hull, corner order included, and
    // so the same circle to the last bit (5,000 random masks, also on the image's edge); in
    // contour order the circle differed in the last bits in one mask of 17.
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(inHole, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<cv::Point> rim, hull;
    for (const auto& contour : contours)
        rim.insert(rim.end(), contour.begin(), contour.end());
    std::sort(rim.begin(), rim.end(),
              [](cv::Point a, cv::Point b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
    rim.erase(std::unique(rim.begin(), rim.end()), rim.end());
    cv::convexHull(rim, hull);
    cv::Point2f centre;
    float radius = 0.0f;
    cv::minEnclosingCircle(hull, centre, radius);
    const double disc = std::numbers::pi * (double(radius) + 0.5) * (double(radius) + 0.5);
    return disc > 0.0 ? double(holePixels) / disc : 0.0;
}

struct Turn {
    double score = -2.0;
    double angleDeg = 0.0;
    cv::Point2d centre;
};

// The best turn near `angleDeg` (±2°, half degrees) and near `centre` (±kCentreSearchPx).
Turn refine(const cv::Mat& damaged, const RimBand& band, cv::Point2d centre, double angleDeg)
{
    constexpr int kSide = 2 * kCentreSearchPx + 1;
    std::vector<Turn> best(kSide * kSide);
    cv::parallel_for_(cv::Range(0, kSide * kSide), [&](const cv::Range& range) {
        for (int i = range.start; i < range.end; ++i) {
            const cv::Point2d c(centre.x + (i % kSide) - kCentreSearchPx,
                                centre.y + (i / kSide) - kCentreSearchPx);
            for (double d = -2.0; d <= 2.0; d += 0.5) {
                const double score = agreementAt(damaged, band, c, angleDeg + d);
                if (score > best[std::size_t(i)].score)
                    best[std::size_t(i)] = {score, angleDeg + d, c};
            }
        }
    });
    Turn winner;
    for (const Turn& t : best)  // in a fixed order: the same winner on any number of threads
        if (t.score > winner.score)
            winner = t;
    return winner;
}

}  // namespace

std::optional<PatchTurn> findPatchTurn(const cv::Mat& damaged, const cv::Mat& hole,
                                       double ridgePeriod)
{
    if (damaged.empty() || hole.empty() || ridgePeriod <= 0.0)
        return std::nullopt;
    const cv::Mat inHole = hole != 0;
    const int holePixels = cv::countNonZero(inHole);
    if (holePixels < 50 || roundness(inHole, holePixels) < kMinRoundness)
        return std::nullopt;

    // The band: a pixel to 1.5 periods inside the rim. The continued ridges are in phase with
    // the real ones there; deeper they drift.
    const cv::Mat inBand = rimBandMask(inHole, ridgePeriod);
    if (cv::countNonZero(inBand) < 50)
        return std::nullopt;
    const RimBand band = rimBandOf(inBand, continuedFromRim(damaged, hole, ridgePeriod));

    const cv::Moments moments = cv::moments(inHole, true);
    const cv::Point2d centroid(moments.m10 / moments.m00, moments.m01 / moments.m00);
    std::vector<double> scores(180);
    cv::parallel_for_(cv::Range(0, 180), [&](const cv::Range& range) {
        for (int i = range.start; i < range.end; ++i)
            scores[std::size_t(i)] = agreementAt(damaged, band, centroid, i - 90);
    });
    const double noTurn = scores[90];
    // The local maxima over the half turn (circular), as angles.
    std::vector<std::pair<double, int>> peaks = localMaxima(scores, true);
    for (auto& peak : peaks)
        peak.second -= 90;
    if (peaks.size() > std::size_t(kCandidates))
        peaks.resize(kCandidates);

    Turn best;
    double runnerUp = -2.0;
    for (const auto& peak : peaks) {
        const Turn t = refine(damaged, band, centroid, peak.second);
        if (t.score > best.score) {
            runnerUp = std::max(runnerUp, best.score);
            best = t;
        } else {
            runnerUp = std::max(runnerUp, t.score);
        }
    }
    if (best.score < kMinAgreement || best.score - noTurn < kMinGainOverNoTurn ||
        best.score - runnerUp < kMinLeadOverOtherTurns || std::abs(best.angleDeg) < kMinTurnDeg)
        return std::nullopt;
    return PatchTurn{best.angleDeg, best.centre, best.score};
}

cv::Mat turnBack(const cv::Mat& damaged, const cv::Mat& hole, const PatchTurn& turn)
{
    const cv::Mat rotation = cv::getRotationMatrix2D(cv::Point2f(turn.centre), turn.angleDeg, 1.0);
    cv::Mat turned;
    cv::warpAffine(damaged, turned, rotation, damaged.size(),
                   cv::INTER_CUBIC | cv::WARP_INVERSE_MAP, cv::BORDER_REFLECT);
    cv::Mat out = damaged.clone();
    turned.copyTo(out, hole);
    return out;
}

}  // namespace rw::reconstruction
