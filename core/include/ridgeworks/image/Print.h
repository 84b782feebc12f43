#pragma once
// A fingerprint image as the workbench holds it: 8-bit gray pixels plus where they came from.
// A Print loaded from evidence is never modified; derived images are new values.
#include <opencv2/core.hpp>

#include <optional>
#include <string>

namespace rw {

// What the file held before conversion to 8-bit gray (shown to the examiner, kept in reports).
struct SourceFormat {
    std::string format;  // "png", "bmp", "tiff", "jpeg", "jpeg2000", or "synthetic"
    int bitDepth = 8;    // bits per channel in the file: 8 or 16 (32-bit float TIFF: 32)
    int channels = 1;    // 1 gray, 3 colour, 4 colour + alpha
};

inline constexpr double kDefaultPpi = 500.0;  // FBI/ISO standard capture resolution
// Below this a stated resolution is a software default (72 or 96 dpi, as in SOCOFing's BMP
// headers), not a scan resolution: no fingerprint scanner captures usable ridges there.
inline constexpr double kMinPlausiblePpi = 200.0;

struct Print {
    cv::Mat pixels;                   // CV_8UC1
    std::string sourcePath;           // empty for synthesized prints
    std::string sha256;               // of the file's bytes (of the encoded PNG when synthesized)
    double ppi = kDefaultPpi;         // pixels per inch
    bool ppiFromFile = false;         // true when `ppi` is the file's own (plausible) statement
    std::optional<double> statedPpi;  // what the file said, kept even when implausible
    SourceFormat source;

    int width() const { return pixels.cols; }
    int height() const { return pixels.rows; }
};

}  // namespace rw
