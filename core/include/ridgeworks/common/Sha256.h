#pragma once
// SHA-256 digests (OpenSSL) as lower-case hex, the form recorded in case files and reports.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace rw {

std::string sha256Hex(std::span<const std::uint8_t> bytes);
// Streams the file; throws rw::Error (Missing/Unreadable) naming the file.
std::string sha256OfFile(const std::filesystem::path& path);

}  // namespace rw
