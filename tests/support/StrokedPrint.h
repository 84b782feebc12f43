#pragma once
// The "enhancement" that invents detail: a synthetic print (seed 2, 256×256) with three short
// dark strokes drawn across its ridge flow inside a disc hole at its centre. Pixel scores
// barely move; each stroke makes bifurcations the clean print does not have. Shared by the
// suites that check invented minutiae are counted (tst_printmetrics) and shown where they are
// (tst_minutiaestanding, tst_minutiaemarks).
#include "CachedSyntheticPrint.h"
#include "DiscMask.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rw::test {

inline const cv::Point kStrokedHoleCentre(128, 128);
inline constexpr int kStrokedHoleRadius = 40;

inline const rw::SyntheticPrint& strokedPrintClean()
{
    return cachedSyntheticPrint(2, 256, 256);
}

inline cv::Mat strokedPrintHole()
{
    return discMask(strokedPrintClean().image.size(), kStrokedHoleCentre, kStrokedHoleRadius);
}

inline std::vector<cv::Point2d> strokeCentres()
{
    return {{106, 110}, {128, 128}, {150, 146}};
}

// The clean print with the three strokes (14 px long, 3 px wide, gray 40).
inline cv::Mat strokedPrint()
{
    const rw::SyntheticPrint& p = strokedPrintClean();
    cv::Mat out = p.image.clone();
    for (const cv::Point2d& c : strokeCentres()) {
        const double across = p.orientation.at<float>(cv::Point(c)) + CV_PI / 2.0;
        const cv::Point2d half(7.0 * std::cos(across), 7.0 * std::sin(across));
        cv::line(out, c - half, c + half, cv::Scalar(40), 3);
    }
    return out;
}

inline double distanceToStrokes(const cv::Point2d& p)
{
    double nearest = 1e9;
    for (const cv::Point2d& c : strokeCentres())
        nearest = std::min(nearest, cv::norm(p - c));
    return nearest;
}

}  // namespace rw::test
