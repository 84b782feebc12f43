#pragma once
// Atomic writes: a temp file in the target's folder, flushed to disk, then renamed over the
// target. A crash, a full disk or a kill mid-write leaves the previous file intact.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace rw {

// Throws rw::Error(WriteFailed) naming the target; the temp file is removed on failure.
void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes);
void writeFileAtomically(const std::filesystem::path& target, std::string_view text);

}  // namespace rw
