#include "reconstruct/FlapSlide.h"

#include "reconstruct/RimAgreement.h"
#include "reconstruct/ZCutOutline.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace rw::reconstruction {
namespace {

// The bars (ZCutOutline.h) are a turned patch's (PatchTurn.cpp) over both flaps' bands together,
// with a higher correlation: on the check sets of the per-flap gain, 0.35 let a surgical z-cut
// through. A slide must also move the flaps at least a pixel.
constexpr double kMinShiftPx = 1.0;
// core/damage slides each flap by 3 / 6 / 10 px at 500 ppi (a ridge period is about 9 px there).
constexpr double kMaxShiftInPeriods = 1.5;

struct Slide {
    double score = -2.0;
    cv::Point2d shift;
};

// The correlation between the damaged pixels shifts bring to bands' points (read only where
// the flap's own skin is) and the ridges continued in from outside.
struct Correlation {
    RimCorrelation pairs;
    int wanted = 0;  // points that should have been read

    void add(const cv::Mat& damaged, const Flap& flap, const RimBand& band, cv::Point2d shift)
    {
        wanted += static_cast<int>(band.points.size());
        for (std::size_t i = 0; i < band.points.size(); ++i) {
            const double px = band.points[i].x + shift.x, py = band.points[i].y + shift.y;
            double v = 0.0;
            if (sampleBilinear(damaged, px, py, v) &&
                flap.source.at<unsigned char>(cvRound(py), cvRound(px)))
                pairs.add(v, band.expected[i]);
        }
    }

    // -1 when fewer than half the points could be read: a shift that reads only a corner of
    // the band must not win on a few points.
    double value() const { return pairs.value(std::max(30, wanted / 2)); }
};

struct FlapPair {
    Flap a, b;
    RimBand bandA, bandB;
    cv::Point2d along;  // the diagonal's direction, from corner 0 to corner 2
};

// Flap A's content slid by `shift`, flap B's by the opposite: a z-cut slides the two flaps along
// the cut in opposite directions by the same distance.
double agreementAt(const cv::Mat& damaged, const FlapPair& pair, cv::Point2d shift)
{
    Correlation c;
    c.add(damaged, pair.a, pair.bandA, shift);
    c.add(damaged, pair.b, pair.bandB, -shift);
    return c.value();
}

// The flaps' slide along the diagonal, if it rejoins the ridges clearly (the bars in the
// header).
std::optional<Slide> findSlide(const cv::Mat& damaged, const FlapPair& pair, double ridgePeriod)
{
    if (pair.bandA.points.size() < 50 || pair.bandB.points.size() < 50)
        return std::nullopt;
    const int steps = static_cast<int>(std::ceil(2.0 * kMaxShiftInPeriods * ridgePeriod));
    std::vector<double> scores(std::size_t(2 * steps + 1));
    cv::parallel_for_(cv::Range(-steps, steps + 1), [&](const cv::Range& range) {
        for (int k = range.start; k < range.end; ++k)
            scores[std::size_t(k + steps)] = agreementAt(damaged, pair, pair.along * (0.5 * k));
    });
    const double noShift = scores[std::size_t(steps)];
    // The local maxima over the range, as half-pixel steps.
    std::vector<std::pair<double, int>> peaks = localMaxima(scores, false);
    for (auto& peak : peaks)
        peak.second -= steps;
    if (peaks.empty())
        return std::nullopt;
    const double runnerUp = peaks.size() > 1 ? peaks[1].first : -2.0;
    // Refined to a quarter pixel along the diagonal and up to a pixel across it: the diagonal
    // comes from a fitted outline, a degree or two off the cut's.
    const cv::Point2d across(-pair.along.y, pair.along.x);
    Slide best;
    for (double a = -0.5; a <= 0.5; a += 0.25)
        for (double c = -1.0; c <= 1.0; c += 0.5) {
            const cv::Point2d shift = pair.along * (0.5 * peaks[0].second + a) + across * c;
            const double score = agreementAt(damaged, pair, shift);
            if (score > best.score)
                best = {score, shift};
        }
    if (best.score < kPutBackMinAgreement || best.score - noShift < kPutBackMinGainOverUnmoved ||
        peaks[0].first - runnerUp < kPutBackMinLeadOverOthers ||
        std::hypot(best.shift.x, best.shift.y) < kMinShiftPx)
        return std::nullopt;
    // And each flap on its own must be rejoined by the slide: where the flaps were swapped or
    // turned instead (a Z-plasty), one of them can carry the pooled score alone.
    auto gainOf = [&](const Flap& flap, const RimBand& band, cv::Point2d shift) {
        Correlation slid, unmoved;
        slid.add(damaged, flap, band, shift);
        unmoved.add(damaged, flap, band, {0.0, 0.0});
        return slid.value() - unmoved.value();
    };
    if (gainOf(pair.a, pair.bandA, best.shift) < kPutBackMinGainOfEachFlap ||
        gainOf(pair.b, pair.bandB, -best.shift) < kPutBackMinGainOfEachFlap)
        return std::nullopt;
    return best;
}

}  // namespace

std::optional<FlapSlide> findFlapSlide(const cv::Mat& damaged, const cv::Mat& hole,
                                       double ridgePeriod)
{
    const std::optional<ZCutEvidence> evidence = zCutEvidence(damaged, hole, ridgePeriod);
    if (!evidence)
        return std::nullopt;
    const std::vector<cv::Point>& quad = evidence->quad;
    auto bandOf = [&](const Flap& flap) {
        return rimBandOf(evidence->inBand & flap.inside, evidence->continued);
    };

    std::optional<FlapSlide> found;
    for (int d = 0; d < 2; ++d) {  // either diagonal may be the cut's
        const std::vector<cv::Point> corners = {quad[std::size_t(d)], quad[std::size_t(d + 1)],
                                                quad[std::size_t(d + 2)],
                                                quad[std::size_t((d + 3) % 4)]};
        const cv::Point2d diagonal(corners[2] - corners[0]);
        const double length = std::hypot(diagonal.x, diagonal.y);
        if (length < 1.0)
            continue;
        FlapPair pair;
        pair.along = diagonal / length;
        pair.a = flapOf(corners[0], corners[1], corners[2], damaged.size(), ridgePeriod);
        pair.b = flapOf(corners[0], corners[2], corners[3], damaged.size(), ridgePeriod);
        pair.bandA = bandOf(pair.a);
        pair.bandB = bandOf(pair.b);
        const std::optional<Slide> slide = findSlide(damaged, pair, ridgePeriod);
        if (slide && (!found || slide->score > found->agreement))
            found = FlapSlide{corners, slide->shift, -slide->shift, slide->score, 0.0};
    }
    return found;
}

FlapsPutBack slideBack(const cv::Mat& damaged, const cv::Mat& hole, const FlapSlide& slide,
                       double ridgePeriod)
{
    FlapsPutBack out;
    out.image = damaged.clone();
    out.restored = cv::Mat::zeros(damaged.size(), CV_8UC1);
    const std::vector<cv::Point>& c = slide.corners;
    const std::array<std::pair<Flap, cv::Point2d>, 2> flaps = {
        std::pair{flapOf(c[0], c[1], c[2], damaged.size(), ridgePeriod), slide.shiftA},
        std::pair{flapOf(c[0], c[2], c[3], damaged.size(), ridgePeriod), slide.shiftB}};
    for (const auto& [flap, shift] : flaps) {
        // Pixel x gets the damaged pixel at x + shift, where the flap carried it.
        const cv::Mat back = (cv::Mat_<double>(2, 3) << 1, 0, -shift.x, 0, 1, -shift.y);
        cv::Mat sourceAtTarget, moved;
        cv::warpAffine(flap.source, sourceAtTarget, back, damaged.size(), cv::INTER_NEAREST,
                       cv::BORDER_CONSTANT, cv::Scalar(0));
        cv::warpAffine(damaged, moved, back, damaged.size(), cv::INTER_CUBIC, cv::BORDER_REFLECT);
        const cv::Mat given = sourceAtTarget & flap.inside & (hole != 0) & (out.restored == 0);
        moved.copyTo(out.image, given);
        out.restored.setTo(255, given);
    }
    return out;
}

}  // namespace rw::reconstruction
