#pragma once
// Builds BMP files byte by byte, including the 32-bit BITFIELDS BMPs with a V5 header that
// SOCOFing's Real/ folder uses (OpenCV cannot write those).
#include <cstdint>
#include <vector>

namespace rw::test {

inline void putLe(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

// 32 bpp, BGRA, bottom-up rows, `pelsPerMetre` in the header. Pixel (x, y) gets gray
// value gray(x, y) in B, G and R, and alpha 0 (as SOCOFing's files have).
template <typename GrayFn>
std::vector<std::uint8_t> bmp32(int width, int height, std::uint32_t pelsPerMetre, GrayFn gray)
{
    const std::uint32_t headerSize = 124;  // BITMAPV5HEADER
    const std::uint32_t offset = 14 + headerSize;
    const std::uint32_t dataSize = static_cast<std::uint32_t>(width * height * 4);
    std::vector<std::uint8_t> b(offset + dataSize, 0);
    b[0] = 'B';
    b[1] = 'M';
    putLe(b, 2, offset + dataSize, 4);
    putLe(b, 10, offset, 4);
    putLe(b, 14, headerSize, 4);
    putLe(b, 18, static_cast<std::uint32_t>(width), 4);
    putLe(b, 22, static_cast<std::uint32_t>(height), 4);
    putLe(b, 26, 1, 2);
    putLe(b, 28, 32, 2);
    putLe(b, 30, 3, 4);  // BI_BITFIELDS
    putLe(b, 34, dataSize, 4);
    putLe(b, 38, pelsPerMetre, 4);
    putLe(b, 42, pelsPerMetre, 4);
    putLe(b, 54, 0x00FF0000u, 4);  // red mask
    putLe(b, 58, 0x0000FF00u, 4);  // green mask
    putLe(b, 62, 0x000000FFu, 4);  // blue mask
    putLe(b, 66, 0xFF000000u, 4);  // alpha mask
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const std::size_t at =
                offset + static_cast<std::size_t>(((height - 1 - y) * width + x) * 4);
            const auto v = static_cast<std::uint8_t>(gray(x, y));
            b[at] = b[at + 1] = b[at + 2] = v;
            b[at + 3] = 0;
        }
    return b;
}

}  // namespace rw::test
