#include "ridgeworks/image/ImageHeader.h"

#include "ByteReader.h"

#include <array>
#include <cmath>

namespace rw {
namespace {

using detail::ByteReader;

constexpr double kInchesPerMetre = 0.0254;

std::optional<double> positivePpi(double ppi)
{
    if (!std::isfinite(ppi) || ppi <= 1.0)  // 0 and 1 are "unknown" in practice
        return std::nullopt;
    return ppi;
}

// Formats that store pixels per metre cannot hold whole ppi values (500 ppi is stored as
// 19685 px/m = 499.999 ppi); a hundredth of a ppi is far below any scanner's precision.
std::optional<double> ppiFromPerMetre(double perMetre)
{
    return positivePpi(std::round(perMetre * kInchesPerMetre * 100.0) / 100.0);
}

ImageHeader readPng(const ByteReader& r)
{
    ImageHeader h;
    h.format = "png";
    h.sizeKnown = r.u32(20).has_value();
    h.width = r.u32(16).value_or(0);
    h.height = r.u32(20).value_or(0);
    h.bitDepth = r.u8(24).value_or(8);
    switch (r.u8(25).value_or(0)) {
    case 0: h.channels = 1; break;  // gray
    case 2: h.channels = 3; break;  // RGB
    case 3:
        h.channels = 3;
        h.bitDepth = 8;
        break;                      // palette expands to 8-bit RGB
    case 4: h.channels = 2; break;  // gray + alpha
    case 6: h.channels = 4; break;  // RGBA
    default: break;
    }
    // Walk chunks up to the image data looking for pHYs.
    std::size_t offset = 8;
    while (auto length = r.u32(offset)) {
        const auto type = r.u32(offset + 4);
        if (!type)
            break;
        if (*type == 0x70485973u) {  // "pHYs"
            const auto ppuX = r.u32(offset + 8);
            const auto unit = r.u8(offset + 16);
            if (ppuX && unit && *unit == 1)
                h.ppi = ppiFromPerMetre(*ppuX);
            break;
        }
        if (*type == 0x49444154u || *type == 0x49454e44u)  // "IDAT", "IEND"
            break;
        offset += 12 + static_cast<std::size_t>(*length);
    }
    return h;
}

ImageHeader readBmp(const ByteReader& r)
{
    ImageHeader h;
    h.format = "bmp";
    const auto dibSize = r.u32(14).value_or(0);
    int bitsPerPixel = 0;
    h.sizeKnown = r.u32(26).has_value();
    if (dibSize == 12) {  // BITMAPCOREHEADER (OS/2)
        h.width = r.u16(18).value_or(0);
        h.height = r.u16(20).value_or(0);
        bitsPerPixel = r.u16(24).value_or(0);
    } else if (dibSize >= 40) {
        h.width = r.i32(18).value_or(0);
        h.height = std::llabs(r.i32(22).value_or(0));  // negative height = top-down rows
        bitsPerPixel = r.u16(28).value_or(0);
        if (auto pelsPerMetre = r.i32(38))
            h.ppi = ppiFromPerMetre(*pelsPerMetre);
    }
    h.bitDepth = 8;
    h.channels = bitsPerPixel == 32 ? 4 : bitsPerPixel >= 16 ? 3 : 1;
    return h;
}

std::optional<double> tiffRational(const ByteReader& r, std::size_t offset)
{
    const auto num = r.u32(offset);
    const auto den = r.u32(offset + 4);
    if (!num || !den || *den == 0)
        return std::nullopt;
    return static_cast<double>(*num) / *den;
}

ImageHeader readTiff(ByteReader r)
{
    ImageHeader h;
    h.format = "tiff";
    r.setBigEndian(r.u8(0) == 'M');
    const std::size_t ifd = r.u32(4).value_or(0);
    const auto count = r.u16(ifd);
    if (!count)
        return h;
    std::optional<double> xResolution;
    int unit = 2;  // TIFF default: inches
    for (std::size_t i = 0; i < *count; ++i) {
        const std::size_t entry = ifd + 2 + i * 12;
        const auto tag = r.u16(entry);
        const auto type = r.u16(entry + 2);
        if (!tag || !type)
            break;
        // SHORT values sit in the first two bytes of the value field in both byte orders.
        const std::uint32_t value =
            *type == 3 ? r.u16(entry + 8).value_or(0) : r.u32(entry + 8).value_or(0);
        switch (*tag) {
        case 256: h.width = value; break;
        case 257:
            h.height = value;
            h.sizeKnown = true;
            break;
        case 258:  // BitsPerSample: inline when one or two samples, else at an offset
            h.bitDepth = r.u32(entry + 4).value_or(1) <= 2
                             ? static_cast<int>(value)
                             : r.u16(r.u32(entry + 8).value_or(0)).value_or(8);
            break;
        case 277: h.channels = static_cast<int>(value); break;
        case 282: xResolution = tiffRational(r, r.u32(entry + 8).value_or(0)); break;
        case 296: unit = static_cast<int>(value); break;
        default: break;
        }
    }
    if (xResolution && unit == 2)
        h.ppi = positivePpi(*xResolution);
    else if (xResolution && unit == 3)
        h.ppi = positivePpi(*xResolution * 2.54);
    return h;
}

ImageHeader readJpeg(const ByteReader& r)
{
    ImageHeader h;
    h.format = "jpeg";
    std::size_t offset = 2;
    while (offset + 4 <= r.size()) {
        if (r.u8(offset) != 0xFF)
            break;
        const std::uint8_t marker = r.u8(offset + 1).value_or(0);
        if (marker == 0xFF) {  // fill byte
            ++offset;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)  // end of image, start of scan
            break;
        const auto length = r.u16(offset + 2);
        if (!length)
            break;
        const std::size_t data = offset + 4;
        static constexpr std::array<std::uint8_t, 5> jfif{'J', 'F', 'I', 'F', 0};
        if (marker == 0xE0 && r.matches(data, jfif)) {
            const auto units = r.u8(data + 7);
            const auto density = r.u16(data + 8);
            if (units && density && *units == 1)
                h.ppi = positivePpi(*density);
            else if (units && density && *units == 2)
                h.ppi = positivePpi(*density * 2.54);
        }
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            h.sizeKnown = r.u8(data + 5).has_value();
            h.bitDepth = r.u8(data).value_or(8);
            h.height = r.u16(data + 1).value_or(0);
            h.width = r.u16(data + 3).value_or(0);
            h.channels = r.u8(data + 5).value_or(1);
        }
        offset += 2 + *length;
    }
    return h;
}

void readJp2Resolution(const ByteReader& r, std::size_t begin, std::size_t end, ImageHeader& h)
{
    // Inside the 'res ' superbox: prefer capture resolution ('resc') over display ('resd').
    for (std::size_t offset = begin; offset + 8 <= end;) {
        const std::size_t length = r.u32(offset).value_or(0);
        const auto type = r.u32(offset + 4).value_or(0);
        if (length < 8)
            break;
        if (type == 0x72657363u || (type == 0x72657364u && !h.ppi)) {  // "resc" / "resd"
            const auto num = r.u16(offset + 12);
            const auto den = r.u16(offset + 14);
            const auto exponent = r.u8(offset + 17);
            if (num && den && exponent && *den != 0) {
                const double perMetre = static_cast<double>(*num) / *den *
                                        std::pow(10.0, static_cast<std::int8_t>(*exponent));
                h.ppi = ppiFromPerMetre(perMetre);
            }
        }
        offset += length;
    }
}

ImageHeader readJp2(const ByteReader& r)
{
    ImageHeader h;
    h.format = "jpeg2000";
    // Top-level boxes; 'jp2h' holds 'ihdr' (size, components, depth) and 'res '.
    for (std::size_t offset = 0; offset + 8 <= r.size();) {
        std::size_t length = r.u32(offset).value_or(0);
        const auto type = r.u32(offset + 4).value_or(0);
        if (length == 0)
            length = r.size() - offset;
        if (length < 8)
            break;
        if (type == 0x6a703268u) {  // "jp2h"
            for (std::size_t inner = offset + 8; inner + 8 <= offset + length;) {
                const std::size_t innerLength = r.u32(inner).value_or(0);
                const auto innerType = r.u32(inner + 4).value_or(0);
                if (innerLength < 8)
                    break;
                if (innerType == 0x69686472u) {  // "ihdr"
                    h.sizeKnown = r.u8(inner + 18).has_value();
                    h.height = r.u32(inner + 8).value_or(0);
                    h.width = r.u32(inner + 12).value_or(0);
                    h.channels = r.u16(inner + 16).value_or(1);
                    h.bitDepth = (r.u8(inner + 18).value_or(7) & 0x7F) + 1;
                } else if (innerType == 0x72657320u) {  // "res "
                    readJp2Resolution(r, inner + 8, inner + innerLength, h);
                }
                inner += innerLength;
            }
            break;
        }
        offset += length;
    }
    return h;
}

ImageHeader readJ2kCodestream(ByteReader r)
{
    r.setBigEndian(true);
    ImageHeader h;
    h.format = "jpeg2000";
    const auto xsiz = r.u32(8), ysiz = r.u32(12), xo = r.u32(16), yo = r.u32(20);
    h.sizeKnown = xsiz && ysiz && xo && yo;
    if (xsiz && ysiz && xo && yo && *xsiz >= *xo && *ysiz >= *yo) {
        h.width = *xsiz - *xo;
        h.height = *ysiz - *yo;
    }
    h.channels = r.u16(40).value_or(1);
    h.bitDepth = (r.u8(42).value_or(7) & 0x7F) + 1;
    return h;
}

}  // namespace

std::optional<ImageHeader> readImageHeader(std::span<const std::uint8_t> bytes)
{
    static constexpr std::array<std::uint8_t, 8> png{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    static constexpr std::array<std::uint8_t, 12> jp2{0,   0,   0,    0x0C, 'j',  'P',
                                                      ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A};
    static constexpr std::array<std::uint8_t, 4> j2k{0xFF, 0x4F, 0xFF, 0x51};
    static constexpr std::array<std::uint8_t, 4> tiffLe{'I', 'I', 42, 0};
    static constexpr std::array<std::uint8_t, 4> tiffBe{'M', 'M', 0, 42};
    static constexpr std::array<std::uint8_t, 3> jpeg{0xFF, 0xD8, 0xFF};
    static constexpr std::array<std::uint8_t, 2> bmp{'B', 'M'};

    ByteReader le(bytes, false);
    ByteReader be(bytes, true);
    if (be.matches(0, png))
        return readPng(be);
    if (be.matches(0, jp2))
        return readJp2(be);
    if (be.matches(0, j2k))
        return readJ2kCodestream(be);
    if (le.matches(0, tiffLe) || le.matches(0, tiffBe))
        return readTiff(le);
    if (be.matches(0, jpeg))
        return readJpeg(be);
    if (le.matches(0, bmp))
        return readBmp(le);
    return std::nullopt;
}

}  // namespace rw
