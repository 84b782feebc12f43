#pragma once
// Reads what an image file says about itself without decoding its pixels: format, size,
// depth, channels and resolution (PNG pHYs, BMP header, TIFF X/YResolution, JPEG JFIF
// density, JPEG 2000 'res ' box). The loader uses it to refuse huge or empty images before
// decoding them and to find a print's ppi.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace rw {

struct ImageHeader {
    std::string format;  // "png", "bmp", "tiff", "jpeg", "jpeg2000"
    std::int64_t width = 0;
    std::int64_t height = 0;
    int bitDepth = 8;  // bits per channel
    int channels = 1;
    std::optional<double> ppi;  // horizontal pixels per inch, when the file states it
    bool sizeKnown = false;     // false when the file ends before its size fields
};

// Nothing when the bytes start with no signature we know. A known signature with a
// header cut short gives sizeKnown == false (the loader calls that truncated).
std::optional<ImageHeader> readImageHeader(std::span<const std::uint8_t> bytes);

}  // namespace rw
