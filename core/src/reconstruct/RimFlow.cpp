#include "reconstruct/RimFlow.h"

#include "ridgeworks/analysis/RidgeAnalysis.h"

#include <algorithm>
#include <cmath>

namespace rw::reconstruction {
namespace {

// Over about half a ridge, the tensor sees one ridge and its valley: less blurs the direction
// with the pixel noise, more mixes in the neighbouring flap's flow across the seam.
constexpr double kSmoothingInPeriods = 0.6;
constexpr double kMinSmoothingPx = 1.5;

// One band point `p`: a read direction (radians) of coherence `coherence` against the expected.
void addPoint(const RimFlow& flow, double direction, double coherence, cv::Point p,
              FlowTally& tally)
{
    const double w = coherence * double(flow.expectedCoherence.at<float>(p));
    tally.sum += w * std::cos(2.0 * (direction - flow.expectedOrientation.at<float>(p)));
    tally.weight += w;
}

}  // namespace

RimFlow rimFlowOf(const cv::Mat& damaged, const cv::Mat& continued, double ridgePeriod)
{
    const double sigma = std::max(kMinSmoothingPx, kSmoothingInPeriods * ridgePeriod);
    RimFlow flow;
    flow.readOrientation = estimateOrientation(damaged, sigma);
    flow.readCoherence = estimateCoherence(damaged, sigma);
    flow.expectedOrientation = estimateOrientation(continued, sigma);
    flow.expectedCoherence = estimateCoherence(continued, sigma);
    return flow;
}

void addFlowAgreement(const RimFlow& flow, const std::vector<cv::Point>& band,
                      const cv::Matx23d& toHere, const cv::Mat& readable, FlowTally& tally)
{
    const cv::Matx22d linear(toHere(0, 0), toHere(0, 1), toHere(1, 0), toHere(1, 1));
    if (std::abs(cv::determinant(linear)) < 1e-6)
        return;
    const cv::Matx22d back = linear.inv();
    for (const cv::Point& p : band) {
        const int x =
            static_cast<int>(std::lround(toHere(0, 0) * p.x + toHere(0, 1) * p.y + toHere(0, 2)));
        const int y =
            static_cast<int>(std::lround(toHere(1, 0) * p.x + toHere(1, 1) * p.y + toHere(1, 2)));
        if (x < 0 || y < 0 || x >= readable.cols || y >= readable.rows ||
            !readable.at<unsigned char>(y, x))
            continue;
        // A ridge's direction where the skin lies now, carried back to where it grew.
        const double now = flow.readOrientation.at<float>(y, x);
        const cv::Vec2d grew = back * cv::Vec2d(std::cos(now), std::sin(now));
        addPoint(flow, std::atan2(grew[1], grew[0]), flow.readCoherence.at<float>(y, x), p, tally);
    }
}

void addUnmovedFlowAgreement(const RimFlow& flow, const std::vector<cv::Point>& band,
                             FlowTally& tally)
{
    for (const cv::Point& p : band)
        addPoint(flow, flow.readOrientation.at<float>(p), flow.readCoherence.at<float>(p), p,
                 tally);
}

}  // namespace rw::reconstruction
