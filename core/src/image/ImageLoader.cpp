#include "ridgeworks/image/ImageLoader.h"

#include "ByteReader.h"
#include "PixelConversion.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageHeader.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <array>
#include <fstream>

namespace rw {
namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> readAllBytes(const fs::path& path, std::uint64_t maxBytes)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        throw Error(ErrorKind::Missing, "file does not exist", path);
    if (fs::is_directory(status))
        throw Error(ErrorKind::Unreadable, "is a folder, not a file", path);
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw Error(ErrorKind::Unreadable, "cannot read the file size: " + ec.message(), path);
    if (size == 0)
        throw Error(ErrorKind::ZeroSize, "the file is empty (0 bytes)", path);
    if (size > maxBytes)
        throw Error(ErrorKind::TooLarge,
                    "the file is " + std::to_string(size) + " bytes, more than the limit of " +
                        std::to_string(maxBytes),
                    path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Unreadable, "cannot open the file for reading", path);
    std::vector<std::uint8_t> bytes(size);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size)
        throw Error(ErrorKind::Unreadable, "read error", path);
    return bytes;
}

// Decoders happily return partial images for some formats; these checks catch a file that
// was cut short before its pixels are trusted.
std::optional<std::string> truncationProblem(const ImageHeader& header,
                                             std::span<const std::uint8_t> bytes)
{
    if (header.format == "png") {
        static constexpr std::array<std::uint8_t, 4> iend{'I', 'E', 'N', 'D'};
        const std::size_t from = bytes.size() > 64 ? bytes.size() - 64 : 0;
        const auto tail = bytes.subspan(from);
        if (std::search(tail.begin(), tail.end(), iend.begin(), iend.end()) == tail.end())
            return "the PNG ends before its IEND chunk";
    } else if (header.format == "jpeg") {
        const std::size_t from = bytes.size() > 4096 ? bytes.size() - 4096 : 0;
        bool foundEnd = false;
        for (std::size_t i = bytes.size() - 1; i > from && !foundEnd; --i)
            foundEnd = bytes[i - 1] == 0xFF && bytes[i] == 0xD9;
        if (!foundEnd)
            return "the JPEG ends before its end-of-image marker";
    } else if (header.format == "bmp") {
        detail::ByteReader r(bytes);
        const auto dataOffset = r.u32(10).value_or(0);
        const auto bitsPerPixel = r.u16(28).value_or(0);
        const auto compression = r.u32(30).value_or(0);
        const bool uncompressed = compression == 0 || compression == 3;  // RGB, BITFIELDS
        if (uncompressed && r.u32(14).value_or(0) >= 40 && bitsPerPixel > 0) {
            const std::uint64_t stride = (header.width * bitsPerPixel + 31) / 32 * 4;
            const std::uint64_t needed = dataOffset + stride * header.height;
            if (needed > bytes.size())
                return "the BMP holds " + std::to_string(bytes.size()) +
                       " bytes but its header needs " + std::to_string(needed);
        }
    }
    return std::nullopt;
}

}  // namespace

Print decodePrint(const std::vector<std::uint8_t>& bytes, const fs::path& path,
                  const LoadOptions& options)
{
    if (bytes.empty())
        throw Error(ErrorKind::ZeroSize, "the file is empty (0 bytes)", path);
    const auto header = readImageHeader(bytes);
    if (!header)
        throw Error(ErrorKind::NotAnImage,
                    "not a supported image (expected BMP, PNG, TIFF, JPEG or JPEG 2000)", path);
    if (!header->sizeKnown)
        throw Error(ErrorKind::Truncated,
                    "the " + header->format + " file ends before its header gives the image size",
                    path);
    if (header->width <= 0 || header->height <= 0)
        throw Error(ErrorKind::ZeroSize, "the image has zero width or height", path);
    const auto pixels = static_cast<std::uint64_t>(header->width) * header->height;
    if (pixels > options.maxPixels)
        throw Error(ErrorKind::TooLarge,
                    std::to_string(header->width) + "×" + std::to_string(header->height) + " = " +
                        std::to_string(pixels) + " pixels, more than the limit of " +
                        std::to_string(options.maxPixels),
                    path);
    if (auto problem = truncationProblem(*header, bytes))
        throw Error(ErrorKind::Truncated, *problem, path);

    cv::Mat decoded;
    try {
        decoded = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw Error(ErrorKind::Truncated,
                    "the " + header->format + " data is corrupt (" + e.msg + ")", path);
    }
    if (decoded.empty())
        throw Error(ErrorKind::Truncated,
                    "the " + header->format + " data is corrupt or incomplete: no pixels decoded",
                    path);

    Print print;
    print.pixels = detail::toGray8(decoded);
    print.sourcePath = path.string();
    print.sha256 = sha256Hex(bytes);
    print.statedPpi = header->ppi;
    print.ppiFromFile = header->ppi && *header->ppi >= kMinPlausiblePpi;
    print.ppi = print.ppiFromFile ? *header->ppi : kDefaultPpi;
    print.source.format = header->format;
    print.source.bitDepth = decoded.depth() == CV_16U ? 16 : decoded.depth() == CV_8U ? 8 : 32;
    print.source.channels = decoded.channels();
    return print;
}

Print loadPrint(const fs::path& path, const LoadOptions& options)
{
    // 16-bit RGBA without compression is the largest plausible encoding per pixel.
    const std::uint64_t maxBytes = options.maxPixels * 8 + (1u << 20);
    return decodePrint(readAllBytes(path, maxBytes), path, options);
}

bool hasImageExtension(const fs::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const std::array<std::string_view, 9> known{".bmp",  ".png", ".tif", ".tiff", ".jpg",
                                                       ".jpeg", ".jp2", ".j2k", ".jpf"};
    return std::find(known.begin(), known.end(), ext) != known.end();
}

std::vector<fs::path> listImageFiles(const fs::path& folder)
{
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw Error(ErrorKind::Missing, "folder does not exist", folder);
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorKind::Unreadable, "is not a folder", folder);
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec)
        throw Error(ErrorKind::Unreadable, "cannot list the folder: " + ec.message(), folder);
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            break;
        if (it->is_regular_file(ec) && hasImageExtension(it->path()))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace rw
