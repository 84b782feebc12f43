#pragma once
// Synthetic fingerprints in the SFinGe/Anguli family: demo data and test data, since no data
// set can be downloaded. Deterministic for a seed.
#include <opencv2/core.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rw {

// Henry classes as seen in the image (not on the finger): a LeftLoop opens towards the LEFT
// edge of the image and has its delta below and to the right of its core; a RightLoop is its
// mirror image. See docs/synthetic-prints.md.
enum class FingerprintClass { Arch, TentedArch, LeftLoop, RightLoop, Whorl };

const char* toString(FingerprintClass cls);  // "arch", "tented-arch", ...
std::optional<FingerprintClass> fingerprintClassFromString(const std::string& name);
std::vector<FingerprintClass> allFingerprintClasses();

struct SingularPoint {
    enum class Type { Core, Delta };
    Type type;
    cv::Point2d position;  // pixels, image coordinates (pixel centres at integers)
};

struct SynthOptions {
    int width = 256;     // 96..1024
    int height = 256;    // 96..1024
    double ppi = 500.0;  // 150..4000; ridge period scales with it (8–11 px at 500 ppi)
    std::uint64_t seed = 1;
    // Random class when empty, drawn from the seed (all five equally likely) on a stream of
    // its own: naming the class that was drawn gives the very same print.
    std::optional<FingerprintClass> cls;
};

struct SyntheticPrint {
    cv::Mat image;        // CV_8UC1, dark ridges on a light background
    cv::Mat orientation;  // CV_32FC1, ridge direction in radians [0, pi), image coordinates
                          // (x right, y down, angle measured from +x towards +y)
    cv::Mat period;       // CV_32FC1, ridge period in pixels
    cv::Mat foreground;   // CV_8UC1, 255 inside the fingerprint area
    // The cores and deltas of `orientation` that lie inside the image (exactly those: the
    // field has no others there). Some may fall outside `foreground`.
    std::vector<SingularPoint> singularities;
    FingerprintClass cls = FingerprintClass::Arch;
    std::uint64_t seed = 0;
    double ppi = 500.0;
};

// Deterministic: the same options give the same bytes, whatever the number of threads.
// About 0.1 s for 256x256 at 500 ppi on one core. Throws rw::Error(InvalidArgument) for
// sizes outside 96..1024 or a ppi outside 150..4000 (non-positive included).
SyntheticPrint generateSyntheticPrint(const SynthOptions& options);

}  // namespace rw
