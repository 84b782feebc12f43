// One-to-one minutiae matching: the closest admissible pairs are taken first, and each
// minutia joins at most one pair, so one real minutia cannot excuse several invented ones.
#include "ridgeworks/metrics/Minutiae.h"

#include "ridgeworks/common/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

namespace rw {
namespace {

constexpr double kSlack = 1e-9;

struct Pair {
    double distance;
    double angle;
    std::size_t reference;
    std::size_t candidate;
};

double angleDifferenceDeg(double a, double b)
{
    const double twoPi = 2.0 * std::numbers::pi;
    const double d = std::fmod(std::abs(a - b), twoPi);
    return std::min(d, twoPi - d) * 180.0 / std::numbers::pi;
}

std::vector<const Minutia*> inRegion(const std::vector<Minutia>& minutiae, const cv::Mat& region)
{
    std::vector<const Minutia*> kept;
    for (const Minutia& m : minutiae) {
        if (!region.empty()) {
            const int x = static_cast<int>(std::lround(m.position.x));
            const int y = static_cast<int>(std::lround(m.position.y));
            if (x < 0 || y < 0 || x >= region.cols || y >= region.rows ||
                !region.at<unsigned char>(y, x))
                continue;
        }
        kept.push_back(&m);
    }
    return kept;
}

// matched / total, with 1 when total is 0: no candidate minutia means none was invented, no
// reference minutia means none could be missed.
double ratio(std::size_t matched, std::size_t total)
{
    return total == 0 ? 1.0 : double(matched) / double(total);
}

}  // namespace

MinutiaeAgreement matchMinutiae(const std::vector<Minutia>& reference,
                                const std::vector<Minutia>& candidate, const cv::Mat& region,
                                const MinutiaeMatchTolerance& tolerance)
{
    if (!region.empty() && region.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "minutiae region must be CV_8UC1");
    if (!(tolerance.distance >= 0.0) || !(tolerance.angleDeg >= 0.0))
        throw Error(ErrorKind::InvalidArgument, "minutiae tolerances must not be negative");

    const std::vector<const Minutia*> ref = inRegion(reference, region);
    const std::vector<const Minutia*> cand = inRegion(candidate, region);

    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        for (std::size_t j = 0; j < cand.size(); ++j) {
            if (tolerance.typeMustMatch && ref[i]->type != cand[j]->type)
                continue;
            const double distance = cv::norm(ref[i]->position - cand[j]->position);
            const double angle = angleDifferenceDeg(ref[i]->angle, cand[j]->angle);
            // Inclusive, with a little slack: 30 degrees computed through radians is
            // 30.000000000000004.
            if (distance <= tolerance.distance + kSlack && angle <= tolerance.angleDeg + kSlack)
                pairs.push_back({distance, angle, i, j});
        }
    }
    // Closest first; ties broken by angle, then by index so the result never depends on the
    // sort implementation.
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
        return std::tie(a.distance, a.angle, a.reference, a.candidate) <
               std::tie(b.distance, b.angle, b.reference, b.candidate);
    });

    std::vector<bool> refUsed(ref.size(), false), candUsed(cand.size(), false);
    MinutiaeAgreement agreement;
    agreement.reference = ref.size();
    agreement.candidate = cand.size();
    for (const Pair& p : pairs) {
        if (refUsed[p.reference] || candUsed[p.candidate])
            continue;
        refUsed[p.reference] = candUsed[p.candidate] = true;
        ++agreement.matched;
    }
    agreement.spurious = agreement.candidate - agreement.matched;
    agreement.missed = agreement.reference - agreement.matched;
    agreement.precision = ratio(agreement.matched, agreement.candidate);
    agreement.recall = ratio(agreement.matched, agreement.reference);
    const double sum = agreement.precision + agreement.recall;
    agreement.f1 = sum > 0.0 ? 2.0 * agreement.precision * agreement.recall / sum : 0.0;
    return agreement;
}

}  // namespace rw
