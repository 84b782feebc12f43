#pragma once
// Reads evidence files into 8-bit gray Prints: BMP (incl. SOCOFing's 32-bit), PNG, TIFF,
// JPEG, JPEG 2000; 8- or 16-bit; gray or colour. Bad input is an rw::Error naming the file.
#include "ridgeworks/image/Print.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rw {

struct LoadOptions {
    // Refuse images with more pixels than this (decompression bombs, wrong files).
    // 100 Mpx covers a 1000 ppi ten-print card.
    std::uint64_t maxPixels = 100'000'000;
};

Print loadPrint(const std::filesystem::path& path, const LoadOptions& options = {});

// Decodes bytes already in memory (used by loadPrint and by tests). `path` only names errors.
Print decodePrint(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& path,
                  const LoadOptions& options = {});

// True for the extensions the loader knows (case-insensitive); folder scans use this.
bool hasImageExtension(const std::filesystem::path& path);

// Every file under `folder` (recursively) with an image extension, sorted by path.
std::vector<std::filesystem::path> listImageFiles(const std::filesystem::path& folder);

}  // namespace rw
