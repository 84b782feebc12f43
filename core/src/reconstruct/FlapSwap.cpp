#include "reconstruct/FlapSwap.h"

#include "reconstruct/RimAgreement.h"
#include "reconstruct/RimFlow.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace rw::reconstruction {
namespace {

// The corners come from the mask's fitted outline, a pixel or two off the cut's; a flap's swung
// corner magnifies that. So the swung corner's place where the flap lies now is searched this
// far around the fitted one: on SOCOFing's hard "_Zcut" prints the correlation of the swapped-
// back flaps with the real print rose from 0.25–0.78 to 0.42–0.87 (docs/reconstruction.md).
constexpr int kSwungCornerSearchPx = 2;

// The second witness (RimFlow.h), for swaps whose rim correlation is too faint for the put-back
// bars (ZCutOutline.h): where the correlation and the ridge flow pick the same way, the flow is
// clear, and it is clearly better than the flow of the pixels where they lie, the swap is used.
// Chosen on development sets only: synthetic Z-plasties (3 × 24 prints at 500 ppi, 3 × 24 at
// 190 ppi, every level) against 214 sliding z-cuts that were not slid back (32 prints in the
// four training shapes with two damage seeds, and the Z-plasties' prints, every level): 114 of
// the 144 swaps found instead of 65, and none of the z-cuts (without the bar over the unmoved
// flow 20 were, their slid skin keeping its direction; docs/reconstruction.md).
constexpr double kFlowPathMinAgreement = 0.2;  // the rim correlation of the way picked
constexpr double kFlowPathMinFlow = 0.6;       // its flow agreement, both flaps
constexpr double kFlowPathMinGainOverUnmoved = 0.1;
constexpr double kFlowPathMinLead = 0.1;  // over the next way's flow agreement
constexpr double kFlowPathMinFlowOfEachFlap = 0.3;

cv::Point2f pointOf(cv::Point p)
{
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

// A flap as the scoring needs it: where it grew, where its content lies now, and the map from
// the one to the other.
struct FlapMove {
    SwappedFlap corners;
    Flap grewAt;        // the triangle it is put back into
    Flap liesAt;        // the triangle it lies in now; its `source` is the skin that may be read
    cv::Matx23d toNow;  // a point where the flap grew → the same skin where it lies now
    RimBand band;       // the rim band where it grew
};

cv::Matx23d mapBetween(const SwappedFlap& corners)
{
    const auto& g = corners.grewAt;
    const auto& n = corners.liesAt;
    const std::array<cv::Point2f, 3> from{pointOf(g[0]), pointOf(g[1]), pointOf(g[2])};
    const std::array<cv::Point2f, 3> to{pointOf(n[0]), pointOf(n[1]), pointOf(n[2])};
    return cv::getAffineTransform(from.data(), to.data());
}

FlapMove flapMove(const SwappedFlap& corners, cv::Size size, double ridgePeriod)
{
    FlapMove move;
    move.corners = corners;
    const auto& g = corners.grewAt;
    const auto& n = corners.liesAt;
    move.grewAt = flapOf(g[0], g[1], g[2], size, ridgePeriod);
    move.liesAt = flapOf(n[0], n[1], n[2], size, ridgePeriod);
    move.toNow = mapBetween(corners);
    return move;
}

// The four ways a Z-plasty can have gone, on the quadrilateral a, b, c, e (in order around it):
// the cut along a–c or b–e, each flap swung one way round or the other. After the swap the
// flaps lie either side of the other diagonal, each still joined to the Z along one of its
// sides. Which way round is the surgeon's choice, so all four are scored.
std::array<std::array<SwappedFlap, 2>, 4> swapsOf(const std::vector<cv::Point>& q)
{
    std::array<std::array<SwappedFlap, 2>, 4> swaps;
    for (int d = 0; d < 2; ++d) {
        const cv::Point a = q[std::size_t(d)], b = q[std::size_t(d + 1)], c = q[std::size_t(d + 2)],
                        e = q[std::size_t((d + 3) % 4)];
        swaps[std::size_t(2 * d)] = {SwappedFlap{{a, b, c}, {a, b, e}},
                                     SwappedFlap{{a, c, e}, {b, c, e}}};
        swaps[std::size_t(2 * d + 1)] = {SwappedFlap{{a, b, c}, {e, b, c}},
                                         SwappedFlap{{a, c, e}, {a, b, e}}};
    }
    return swaps;
}

// The correlation between the damaged pixels a flap's move brings back to its band (read only
// from the skin of the triangle it lies in now) and the ridges continued in from outside; or,
// `unmoved`, the damaged pixels at the band itself.
struct Correlation {
    RimCorrelation pairs;
    int wanted = 0;  // points that should have been read

    void add(const cv::Mat& damaged, const FlapMove& move, bool unmoved)
    {
        wanted += static_cast<int>(move.band.points.size());
        for (std::size_t i = 0; i < move.band.points.size(); ++i) {
            const cv::Point p = move.band.points[i];
            if (unmoved) {
                pairs.add(damaged.at<unsigned char>(p), move.band.expected[i]);
                continue;
            }
            const cv::Matx23d& m = move.toNow;
            const double x = m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2);
            const double y = m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2);
            double v = 0.0;
            if (sampleBilinear(damaged, x, y, v) &&
                move.liesAt.source.at<unsigned char>(cvRound(y), cvRound(x)))
                pairs.add(v, move.band.expected[i]);
        }
    }

    // -1 when fewer than half the points could be read.
    double value() const { return pairs.value(std::max(30, wanted / 2)); }
};

double agreementOf(const cv::Mat& damaged, const std::array<FlapMove, 2>& moves, bool unmoved)
{
    Correlation c;
    for (const FlapMove& move : moves)
        c.add(damaged, move, unmoved);
    return c.value();
}

double agreementOf(const cv::Mat& damaged, const FlapMove& move, bool unmoved)
{
    Correlation c;
    c.add(damaged, move, unmoved);
    return c.value();
}

FlowTally flowOf(const RimFlow& flow, const FlapMove& move)
{
    FlowTally tally;
    addFlowAgreement(flow, move.band.points, move.toNow, move.liesAt.source, tally);
    return tally;
}

double flowOf(const RimFlow& flow, const std::array<FlapMove, 2>& moves)
{
    FlowTally tally;
    for (const FlapMove& move : moves)
        addFlowAgreement(flow, move.band.points, move.toNow, move.liesAt.source, tally);
    return tally.value();
}

// The swung corner (the one whose place differs) moved to where the flap's ridges rejoin the
// rim best. The skin that may be read stays that of the fitted triangle: two pixels change it
// little, and working it out again for each place would cost a distance transform each.
void placeSwungCorner(const cv::Mat& damaged, FlapMove& move)
{
    std::size_t swung = 0;
    while (swung < 2 && move.corners.grewAt[swung] == move.corners.liesAt[swung])
        ++swung;
    const cv::Point fitted = move.corners.liesAt[swung];
    double best = agreementOf(damaged, move, false);
    SwappedFlap bestCorners = move.corners;
    for (int dy = -kSwungCornerSearchPx; dy <= kSwungCornerSearchPx; ++dy)
        for (int dx = -kSwungCornerSearchPx; dx <= kSwungCornerSearchPx; ++dx) {
            if (dx == 0 && dy == 0)
                continue;
            SwappedFlap tried = move.corners;
            tried.liesAt[swung] = fitted + cv::Point(dx, dy);
            move.toNow = mapBetween(tried);
            const double score = agreementOf(damaged, move, false);
            if (score > best) {
                best = score;
                bestCorners = tried;
            }
        }
    move.corners = bestCorners;
    move.toNow = mapBetween(bestCorners);
}

// One way the swap can have gone, scored by its rim correlation.
struct Scored {
    double score = -2.0;
    std::array<FlapMove, 2> moves;
};

// The put-back bars (ZCutOutline.h): a clear correlation, well above the pixels where they lie,
// ahead of the next way, and each flap rejoined on its own (one well-placed flap must not carry
// the other).
bool clearsPutBackBars(const cv::Mat& damaged, const std::array<FlapMove, 2>& moves, double score,
                       double runnerUp)
{
    const double unmoved = agreementOf(damaged, moves, true);
    if (score < kPutBackMinAgreement || score - unmoved < kPutBackMinGainOverUnmoved ||
        score - runnerUp < kPutBackMinLeadOverOthers)
        return false;
    for (const FlapMove& move : moves)
        if (agreementOf(damaged, move, false) - agreementOf(damaged, move, true) <
            kPutBackMinGainOfEachFlap)
            return false;
    return true;
}

// The second witness: the ridge flow picks the way the correlation picked (`scored`, best
// first), clearly, better than where the pixels lie, and for each flap. Its agreement for that
// way when it does.
std::optional<double> flowConfirms(const cv::Mat& damaged, const ZCutEvidence& evidence,
                                   const std::vector<Scored>& scored, double ridgePeriod)
{
    if (scored.front().score < kFlowPathMinAgreement)
        return std::nullopt;
    const RimFlow flow = rimFlowOf(damaged, evidence.continued, ridgePeriod);
    const double picked = flowOf(flow, scored.front().moves);
    double next = -2.0;
    for (std::size_t i = 1; i < scored.size(); ++i)
        next = std::max(next, flowOf(flow, scored[i].moves));
    // The flow of the damaged pixels where they lie: a slid z-cut's skin keeps its direction.
    FlowTally unmoved;
    for (const FlapMove& move : scored.front().moves)
        addUnmovedFlowAgreement(flow, move.band.points, unmoved);
    if (picked < kFlowPathMinFlow || picked - next < kFlowPathMinLead ||
        picked - unmoved.value() < kFlowPathMinGainOverUnmoved)
        return std::nullopt;
    for (const FlapMove& move : scored.front().moves)
        if (flowOf(flow, move).value() < kFlowPathMinFlowOfEachFlap)
            return std::nullopt;
    return picked;
}

}  // namespace

std::optional<FlapSwap> findFlapSwap(const cv::Mat& damaged, const cv::Mat& hole,
                                     double ridgePeriod)
{
    const std::optional<ZCutEvidence> evidence = zCutEvidence(damaged, hole, ridgePeriod);
    if (!evidence)
        return std::nullopt;
    std::vector<Scored> scored;
    for (const auto& swap : swapsOf(evidence->quad)) {
        Scored s;
        bool usable = true;
        for (std::size_t f = 0; f < 2; ++f) {
            s.moves[f] = flapMove(swap[f], damaged.size(), ridgePeriod);
            s.moves[f].band =
                rimBandOf(evidence->inBand & s.moves[f].grewAt.inside, evidence->continued);
            usable = usable && s.moves[f].band.points.size() >= 50;
            if (usable)
                placeSwungCorner(damaged, s.moves[f]);
        }
        if (!usable)
            continue;
        s.score = agreementOf(damaged, s.moves, false);
        scored.push_back(std::move(s));
    }
    if (scored.empty())
        return std::nullopt;
    std::sort(scored.begin(), scored.end(),
              [](const Scored& x, const Scored& y) { return x.score > y.score; });
    const Scored& best = scored.front();
    std::optional<double> flow;
    if (!clearsPutBackBars(damaged, best.moves, best.score,
                           scored.size() > 1 ? scored[1].score : -2.0)) {
        flow = flowConfirms(damaged, *evidence, scored, ridgePeriod);
        if (!flow)
            return std::nullopt;
    }
    FlapSwap swap;
    swap.corners = evidence->quad;
    swap.flaps = {best.moves[0].corners, best.moves[1].corners};
    swap.agreement = best.score;
    swap.flowAgreement = flow;
    return swap;
}

FlapsPutBack swapBack(const cv::Mat& damaged, const cv::Mat& hole, const FlapSwap& swap,
                      double ridgePeriod)
{
    FlapsPutBack out;
    out.image = damaged.clone();
    out.restored = cv::Mat::zeros(damaged.size(), CV_8UC1);
    for (const SwappedFlap& corners : swap.flaps) {
        const FlapMove move = flapMove(corners, damaged.size(), ridgePeriod);
        // Pixel x where the flap grew gets the damaged pixel at toNow(x), where it lies now.
        const cv::Mat toNow(move.toNow);
        cv::Mat sourceAtTarget, moved;
        cv::warpAffine(move.liesAt.source, sourceAtTarget, toNow, damaged.size(),
                       cv::INTER_NEAREST | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT,
                       cv::Scalar(0));
        cv::warpAffine(damaged, moved, toNow, damaged.size(),
                       cv::INTER_CUBIC | cv::WARP_INVERSE_MAP, cv::BORDER_REFLECT);
        const cv::Mat given =
            sourceAtTarget & move.grewAt.inside & (hole != 0) & (out.restored == 0);
        moved.copyTo(out.image, given);
        out.restored.setTo(255, given);
    }
    return out;
}

}  // namespace rw::reconstruction
