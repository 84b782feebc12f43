#pragma once
// A round hole in the middle of a 256×256 synthetic print, blanked to white, with its outer
// 8-px ring and its core (30+ px deep): what the tests of a confidence that falls with depth
// into the hole compare.
#include "CachedSyntheticPrint.h"
#include "DiscMask.h"

#include <opencv2/imgproc.hpp>

namespace rw::test {

struct DiscHole {
    cv::Mat damaged;  // CV_8UC1, the print with the hole blanked
    cv::Mat mask;     // CV_8UC1, 255 in the hole (radius 40 px)
    cv::Mat rim;      // CV_8UC1, the hole's outer 8 px
    cv::Mat core;     // CV_8UC1, the hole's middle (radius 10 px)
};

inline DiscHole discHoleInPrint(std::uint64_t seed)
{
    const cv::Mat clean = cachedSyntheticPrint(seed, 256, 256).image;
    const cv::Point centre(128, 128);
    DiscHole h;
    h.mask = discMask(clean.size(), centre, 40);
    h.damaged = clean.clone();
    h.damaged.setTo(255, h.mask);
    h.rim = h.mask.clone();
    cv::circle(h.rim, centre, 32, cv::Scalar(0), cv::FILLED);
    h.core = discMask(clean.size(), centre, 10);
    return h;
}

}  // namespace rw::test
