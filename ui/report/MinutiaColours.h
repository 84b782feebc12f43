#pragma once
// The colours minutiae are marked in, by where they stand — one palette for the workbench's
// Minutiae mode and the case report: the print's own blue, drawn from estimated pixels amber
// (the estimate outline's), also in the clean original green, invented red, the original's
// lost grey.
#include <ridgeworks/metrics/MinutiaeStanding.h>

#include <array>
#include <cstdint>

namespace rw {

inline std::array<std::uint8_t, 3> minutiaRgb(MinutiaStanding standing)
{
    switch (standing) {
    case MinutiaStanding::Evidence: return {0x20, 0x90, 0xe0};
    case MinutiaStanding::Estimated: return {0xff, 0xae, 0x42};
    case MinutiaStanding::Agrees: return {0x30, 0xb0, 0x40};
    case MinutiaStanding::Invented: return {0xe0, 0x30, 0x2b};
    case MinutiaStanding::Lost: return {0x90, 0x90, 0x90};
    }
    return {0, 0, 0};
}

}  // namespace rw
