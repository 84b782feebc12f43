#include "ridgeworks/common/Sha256.h"

#include "ridgeworks/common/Error.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace rw {
namespace {

using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

DigestContext newSha256Context()
{
    DigestContext ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
    return ctx;
}

std::string finishHex(EVP_MD_CTX* ctx)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx, digest.data(), &length) != 1)
        throw std::runtime_error("OpenSSL: cannot finish SHA-256");
    static constexpr char hexDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(hexDigits[digest[i] >> 4]);
        hex.push_back(hexDigits[digest[i] & 0x0f]);
    }
    return hex;
}

}  // namespace

std::string sha256Hex(std::span<const std::uint8_t> bytes)
{
    DigestContext ctx = newSha256Context();
    EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size());
    return finishHex(ctx.get());
}

std::string sha256OfFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::Missing, "file does not exist", path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Unreadable, "cannot open the file for reading", path);
    DigestContext ctx = newSha256Context();
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw Error(ErrorKind::Unreadable, "read error", path);
    return finishHex(ctx.get());
}

}  // namespace rw
