#pragma once
// Small helpers shared by the test suites: bytes to and from files, simple test images.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace rw::test {

inline void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A ridge-like sinusoid (period `period`, angle `angleRad`) inside `region`, paper-white
// elsewhere: a stand-in for a print with a known foreground.
inline cv::Mat stripedRegion(cv::Size size, cv::Rect region, double period = 9.0,
                             double angleRad = 0.5)
{
    cv::Mat image(size, CV_8UC1, cv::Scalar(250));
    const double c = std::cos(angleRad), s = std::sin(angleRad);
    for (int y = region.y; y < region.y + region.height; ++y)
        for (int x = region.x; x < region.x + region.width; ++x) {
            const double phase = 2.0 * CV_PI * (x * s - y * c) / period;
            image.at<std::uint8_t>(y, x) =
                cv::saturate_cast<std::uint8_t>(128 + 100 * std::sin(phase));
        }
    return image;
}

}  // namespace rw::test
