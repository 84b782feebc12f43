#pragma once
// Lossless saves (PNG, TIFF) that keep the resolution, written atomically.
#include "ridgeworks/common/AtomicFile.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace rw {

// PNG bytes with a pHYs chunk stating `ppi`. `image` is CV_8UC1 (or CV_16UC1).
std::vector<std::uint8_t> encodePng(const cv::Mat& image, double ppi);

// Chooses PNG or TIFF by extension (.png, .tif, .tiff); throws rw::Error otherwise.
// `flush`: see AtomicFile.h (batches of derived images defer it).
void saveImage(const std::filesystem::path& path, const cv::Mat& image, double ppi,
               Flush flush = Flush::EachFile);

}  // namespace rw
