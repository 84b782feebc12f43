#include "ridgeworks/image/ImageWriter.h"

#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace rw {
namespace {

std::uint32_t crc32(const std::uint8_t* data, std::size_t length)
{
    // The PNG chunk CRC (ISO 3309 polynomial), table built once.
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < length; ++i)
        c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

std::vector<std::uint8_t> physChunk(double ppi)
{
    const auto perMetre = static_cast<std::uint32_t>(std::lround(ppi / 0.0254));
    std::vector<std::uint8_t> chunk;
    appendBigEndian(chunk, 9);  // data length
    const std::size_t typeStart = chunk.size();
    for (char c : {'p', 'H', 'Y', 's'})
        chunk.push_back(static_cast<std::uint8_t>(c));
    appendBigEndian(chunk, perMetre);
    appendBigEndian(chunk, perMetre);
    chunk.push_back(1);  // unit: metre
    appendBigEndian(chunk, crc32(chunk.data() + typeStart, chunk.size() - typeStart));
    return chunk;
}

void requireSavable(const cv::Mat& image, double ppi)
{
    if (image.empty())
        throw Error(ErrorKind::InvalidArgument, "cannot save an empty image");
    if (image.channels() != 1 || (image.depth() != CV_8U && image.depth() != CV_16U))
        throw Error(ErrorKind::InvalidArgument, "only 8- or 16-bit gray images are saved");
    if (!(ppi > 0.0) || !std::isfinite(ppi))
        throw Error(ErrorKind::InvalidArgument, "resolution must be positive");
}

}  // namespace

std::vector<std::uint8_t> encodePng(const cv::Mat& image, double ppi)
{
    requireSavable(image, ppi);
    std::vector<std::uint8_t> png;
    if (!cv::imencode(".png", image, png))
        throw Error(ErrorKind::WriteFailed, "PNG encoding failed");
    // OpenCV writes no pHYs chunk; insert ours right after IHDR (8-byte signature,
    // then the 25-byte IHDR chunk), where the PNG spec allows it.
    constexpr std::size_t afterIhdr = 8 + 25;
    const auto chunk = physChunk(ppi);
    png.insert(png.begin() + afterIhdr, chunk.begin(), chunk.end());
    return png;
}

void saveImage(const std::filesystem::path& path, const cv::Mat& image, double ppi, Flush flush)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::vector<std::uint8_t> bytes;
    if (ext == ".png") {
        bytes = encodePng(image, ppi);
    } else if (ext == ".tif" || ext == ".tiff") {
        requireSavable(image, ppi);
        const int dpi = static_cast<int>(std::lround(ppi));
        const std::vector<int> params{cv::IMWRITE_TIFF_RESUNIT, 2,  cv::IMWRITE_TIFF_XDPI, dpi,
                                      cv::IMWRITE_TIFF_YDPI,    dpi};
        if (!cv::imencode(".tiff", image, bytes, params))
            throw Error(ErrorKind::WriteFailed, "TIFF encoding failed", path);
    } else {
        throw Error(ErrorKind::InvalidArgument,
                    "unsupported output format '" + ext + "' (lossless only: .png, .tif, .tiff)",
                    path);
    }
    writeFileAtomically(path, bytes, flush);
}

}  // namespace rw
