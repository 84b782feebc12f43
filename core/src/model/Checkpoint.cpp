#include "ridgeworks/model/Checkpoint.h"

#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace rw {
namespace {

// File layout (all integers little-endian):
//   16 bytes  magic "RIDGEWORKS-MODEL"
//    4 bytes  format version
//   3 × (8-byte length + bytes): card JSON, best weights, resume state
//   64 bytes  SHA-256 (hex) of everything before it
constexpr std::string_view kMagic = "RIDGEWORKS-MODEL";
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kDigestSize = 64;

void appendInteger(std::string& out, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t readInteger(const std::string& in, std::size_t& offset, int bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[offset + i])) << (8 * i);
    offset += static_cast<std::size_t>(bytes);
    return value;
}

std::string digestOf(std::string_view bytes)
{
    return sha256Hex({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

std::string readWholeFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::Missing, "no such file", path);
    if (std::filesystem::is_directory(path, ec))
        throw Error(ErrorKind::Unreadable, "is a folder, not a checkpoint file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Unreadable, "cannot open for reading", path);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(ErrorKind::Unreadable, "read error", path);
    if (bytes.empty())
        throw Error(ErrorKind::ZeroSize, "empty file", path);
    return bytes;
}

// Verifies magic, version and checksum; returns the three sections.
std::array<std::string, 3> verifiedSections(const std::string& bytes,
                                            const std::filesystem::path& path)
{
    if (bytes.size() < kMagic.size() || bytes.compare(0, kMagic.size(), kMagic) != 0)
        throw Error(ErrorKind::WrongFormat, "not a Ridgeworks model checkpoint (.rwm)", path);
    const std::size_t headerSize = kMagic.size() + 4;
    if (bytes.size() < headerSize + 3 * 8 + kDigestSize)
        throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
    std::size_t offset = kMagic.size();
    const auto version = readInteger(bytes, offset, 4);
    if (version != kFormatVersion)
        throw Error(ErrorKind::Incompatible,
                    "checkpoint format version " + std::to_string(version) +
                        " (this Ridgeworks reads version " + std::to_string(kFormatVersion) + ")",
                    path);
    std::array<std::string, 3> sections;
    for (std::string& section : sections) {
        if (offset + 8 > bytes.size())
            throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
        const auto length = readInteger(bytes, offset, 8);
        if (length > bytes.size() - offset || bytes.size() - offset - length < kDigestSize)
            throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
        section.assign(bytes, offset, length);
        offset += length;
    }
    if (bytes.size() - offset != kDigestSize)
        throw Error(ErrorKind::Truncated, "checkpoint has extra bytes after its checksum", path);
    const std::string stored = bytes.substr(offset);
    if (digestOf(std::string_view(bytes).substr(0, offset)) != stored)
        throw Error(ErrorKind::Truncated,
                    "checksum mismatch: the checkpoint was altered or damaged", path);
    return sections;
}

}  // namespace

void writeCheckpoint(const std::filesystem::path& path, const CheckpointFile& checkpoint)
{
    std::string bytes(kMagic);
    appendInteger(bytes, kFormatVersion, 4);
    const std::string card = checkpoint.card.toJson();
    for (const std::string* section : {&card, &checkpoint.weights, &checkpoint.resumeState}) {
        appendInteger(bytes, section->size(), 8);
        bytes += *section;
    }
    bytes += digestOf(bytes);
    writeFileAtomically(path, std::string_view(bytes));
}

CheckpointFile readCheckpoint(const std::filesystem::path& path)
{
    const std::string bytes = readWholeFile(path);
    auto sections = verifiedSections(bytes, path);
    CheckpointFile checkpoint;
    checkpoint.card = ModelCard::fromJson(sections[0], path.string());
    checkpoint.weights = std::move(sections[1]);
    checkpoint.resumeState = std::move(sections[2]);
    if (checkpoint.weights.empty())
        throw Error(ErrorKind::Truncated, "checkpoint holds no weights", path);
    if (!checkpoint.card.weightsSha256.empty() &&
        digestOf(checkpoint.weights) != checkpoint.card.weightsSha256)
        throw Error(ErrorKind::Truncated, "weights do not match the model card's SHA-256", path);
    return checkpoint;
}

ModelCard readModelCard(const std::filesystem::path& path)
{
    return readCheckpoint(path).card;
}

ModelCard peekModelCard(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::Missing, "no such file", path);
    if (std::filesystem::is_directory(path, ec))
        throw Error(ErrorKind::Unreadable, "is a folder, not a checkpoint file", path);
    const auto fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        throw Error(ErrorKind::Unreadable, "cannot read the size: " + ec.message(), path);
    if (fileSize == 0)
        throw Error(ErrorKind::ZeroSize, "empty file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Unreadable, "cannot open for reading", path);
    const std::size_t headerSize = kMagic.size() + 4 + 8;
    std::string header(headerSize, '\0');
    in.read(header.data(), static_cast<std::streamsize>(headerSize));
    header.resize(static_cast<std::size_t>(in.gcount()));
    if (header.size() < kMagic.size() || header.compare(0, kMagic.size(), kMagic) != 0)
        throw Error(ErrorKind::WrongFormat, "not a Ridgeworks model checkpoint (.rwm)", path);
    if (header.size() < headerSize)
        throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
    std::size_t offset = kMagic.size();
    const auto version = readInteger(header, offset, 4);
    if (version != kFormatVersion)
        throw Error(ErrorKind::Incompatible,
                    "checkpoint format version " + std::to_string(version) +
                        " (this Ridgeworks reads version " + std::to_string(kFormatVersion) + ")",
                    path);
    const auto cardLength = readInteger(header, offset, 8);
    // The card, two more length fields and the checksum must fit in the file.
    if (cardLength > fileSize || fileSize - cardLength < headerSize + 2 * 8 + kDigestSize)
        throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
    std::string card(static_cast<std::size_t>(cardLength), '\0');
    in.read(card.data(), static_cast<std::streamsize>(cardLength));
    if (static_cast<std::uint64_t>(in.gcount()) != cardLength)
        throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
    // Skip over the weights and the resume state by their lengths: the file must end exactly
    // with the checksum after them (a cut file does not).
    std::uint64_t expected = headerSize + cardLength;
    for (int section = 0; section < 2; ++section) {
        std::string length(8, '\0');
        in.seekg(static_cast<std::streamoff>(expected));
        in.read(length.data(), 8);
        if (in.gcount() != 8)
            throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
        std::size_t at = 0;
        const auto bytes = readInteger(length, at, 8);
        if (bytes > fileSize)
            throw Error(ErrorKind::Truncated, "checkpoint is cut short", path);
        expected += 8 + bytes;
    }
    if (expected + kDigestSize != fileSize)
        throw Error(ErrorKind::Truncated,
                    expected + kDigestSize > fileSize
                        ? "checkpoint is cut short"
                        : "checkpoint has extra bytes after its checksum",
                    path);
    return ModelCard::fromJson(card, path.string());
}

std::string checkpointSha256(const std::filesystem::path& path)
{
    return sha256OfFile(path);
}

}  // namespace rw
