#pragma once
// Synthetic fingerprints in the SFinGe/Anguli family: demo data and test data, since no data
// set can be downloaded. Deterministic for a seed.
#include <opencv2/core.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rw {

enum class FingerprintClass { Arch, TentedArch, LeftLoop, RightLoop, Whorl };

const char* toString(FingerprintClass cls);                           // "arch", "tented-arch", ...
std::optional<FingerprintClass> fingerprintClassFromString(const std::string& name);
std::vector<FingerprintClass> allFingerprintClasses();

struct SingularPoint {
    enum class Type { Core, Delta };
    Type type;
    cv::Point2d position;  // pixels
};

struct SynthOptions {
    int width = 256;        // 96..1024
    int height = 256;       // 96..1024
    double ppi = 500.0;     // ridge period scales with it (8–11 px at 500 ppi)
    std::uint64_t seed = 1;
    std::optional<FingerprintClass> cls;  // random class (from the seed) when empty
};

struct SyntheticPrint {
    cv::Mat image;          // CV_8UC1, dark ridges on a light background
    cv::Mat orientation;    // CV_32FC1, ridge direction in radians [0, pi), image coordinates
                            // (x right, y down, angle measured from +x towards +y)
    cv::Mat period;         // CV_32FC1, ridge period in pixels
    cv::Mat foreground;     // CV_8UC1, 255 inside the fingerprint area
    std::vector<SingularPoint> singularities;
    FingerprintClass cls = FingerprintClass::Arch;
    std::uint64_t seed = 0;
    double ppi = 500.0;
};

// Throws rw::Error(InvalidArgument) for sizes outside 96..1024 or a non-positive ppi.
SyntheticPrint generateSyntheticPrint(const SynthOptions& options);

}  // namespace rw
