// One-to-one minutiae matching: the closest admissible pairs are taken first, and each
// minutia joins at most one pair, so one real minutia cannot excuse several invented ones.
#include "ridgeworks/metrics/Minutiae.h"

#include "ridgeworks/common/Error.h"

#include <opencv2/imgproc.hpp>

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

// matched / total, with 1 when total is 0: no candidate minutia means none was invented, no
// reference minutia means none could be missed.
double ratio(std::size_t matched, std::size_t total)
{
    return total == 0 ? 1.0 : double(matched) / double(total);
}

}  // namespace

bool inRegion(const Minutia& m, const cv::Mat& region)
{
    if (region.empty())
        return true;
    const int x = static_cast<int>(std::lround(m.position.x));
    const int y = static_cast<int>(std::lround(m.position.y));
    return x >= 0 && y >= 0 && x < region.cols && y < region.rows &&
           region.at<unsigned char>(y, x) != 0;
}

std::vector<MinutiaPair> pairMinutiae(const std::vector<Minutia>& reference,
                                      const std::vector<Minutia>& candidate, const cv::Mat& region,
                                      const MinutiaeMatchTolerance& tolerance)
{
    if (!region.empty() && region.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "minutiae region must be CV_8UC1");
    if (!(tolerance.distance >= 0.0) || !(tolerance.angleDeg >= 0.0))
        throw Error(ErrorKind::InvalidArgument, "minutiae tolerances must not be negative");

    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        if (!inRegion(reference[i], region))
            continue;
        for (std::size_t j = 0; j < candidate.size(); ++j) {
            if (!inRegion(candidate[j], region))
                continue;
            if (tolerance.typeMustMatch && reference[i].type != candidate[j].type)
                continue;
            const double distance = cv::norm(reference[i].position - candidate[j].position);
            const double angle = angleDifferenceDeg(reference[i].angle, candidate[j].angle);
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

    std::vector<bool> refUsed(reference.size(), false), candUsed(candidate.size(), false);
    std::vector<MinutiaPair> kept;
    for (const Pair& p : pairs) {
        if (refUsed[p.reference] || candUsed[p.candidate])
            continue;
        refUsed[p.reference] = candUsed[p.candidate] = true;
        kept.push_back({p.reference, p.candidate});
    }
    return kept;
}

MinutiaeAgreement matchMinutiae(const std::vector<Minutia>& reference,
                                const std::vector<Minutia>& candidate, const cv::Mat& region,
                                const MinutiaeMatchTolerance& tolerance)
{
    MinutiaeAgreement agreement;
    agreement.matched = pairMinutiae(reference, candidate, region, tolerance).size();
    const auto countIn = [&region](const std::vector<Minutia>& minutiae) {
        return static_cast<std::size_t>(
            std::count_if(minutiae.begin(), minutiae.end(),
                          [&region](const Minutia& m) { return inRegion(m, region); }));
    };
    agreement.reference = countIn(reference);
    agreement.candidate = countIn(candidate);
    agreement.spurious = agreement.candidate - agreement.matched;
    agreement.missed = agreement.reference - agreement.matched;
    agreement.precision = ratio(agreement.matched, agreement.candidate);
    agreement.recall = ratio(agreement.matched, agreement.reference);
    const double sum = agreement.precision + agreement.recall;
    agreement.f1 = sum > 0.0 ? 2.0 * agreement.precision * agreement.recall / sum : 0.0;
    return agreement;
}

cv::Mat minutiaeRegion(const cv::Mat& region, const MinutiaeMatchTolerance& tolerance)
{
    if (region.empty() || region.type() != CV_8UC1)
        throw Error(ErrorKind::InvalidArgument, "minutiae region must be a non-empty CV_8UC1 mask");
    if (!(tolerance.distance >= 0.0))
        throw Error(ErrorKind::InvalidArgument, "minutiae tolerances must not be negative");
    const int grow = static_cast<int>(std::ceil(tolerance.distance));
    cv::Mat grown;
    cv::dilate(region != 0, grown,
               cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * grow + 1, 2 * grow + 1}));
    return grown;
}

}  // namespace rw
