#pragma once
// Synthetic damage for study, and examiner-supplied damage masks. Every application is
// deterministic for its seed, touches only the print's foreground, never modifies its input,
// and returns the damaged image together with the mask of pixels that no longer show the
// original ridges.
#include <opencv2/core.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rw {

enum class DamageKind {
    Obliteration,  // SOCOFing "_Obl": regions of ridge detail erased or scarred
    Rotation,      // SOCOFing "_CR": a central region cut out and rotated in place
    ZCut,          // SOCOFing "_Zcut": cut along a Z-shaped path, pieces displaced
    ZPlasty,       // the surgical Z-cut: the two flaps of the Z lifted and transposed
    Mask,          // an examiner-supplied mask (nonzero = damaged), blanked to the background
    Blur,          // ChaLearn 2018 fingerprint inpainting degradations from here on
    Contrast,      // brightness/contrast change
    Elastic,       // elastic distortion
    Scratch,       // scratches
    Occlusion,     // occluding blobs/patches
    Background,    // background clutter
};

enum class DamageLevel { Easy, Medium, Hard, Custom };

const char* toString(DamageKind kind);    // "obliteration", "rotation", "zcut", "zplasty", ...
const char* toString(DamageLevel level);  // "easy", "medium", "hard", "custom"
std::optional<DamageKind> damageKindFromString(const std::string& name);
std::optional<DamageLevel> damageLevelFromString(const std::string& name);
std::vector<DamageKind> allDamageKinds();
std::vector<DamageLevel> presetDamageLevels();  // easy, medium, hard

// The numeric parameters of one application, named as in the README's table. Each kind reads
// only the ones it needs; for the presets they come from damagePreset(kind, level).
struct DamageParameters {
    std::vector<std::pair<std::string, double>> values;  // e.g. {"areaFraction", 0.2}

    double get(const std::string& name) const;  // throws rw::Error(InvalidArgument) if absent
    void set(const std::string& name, double value);
};

struct DamageSpec {
    DamageKind kind = DamageKind::Obliteration;
    DamageLevel level = DamageLevel::Medium;
    std::uint64_t seed = 1;
    DamageParameters custom;  // used when level == Custom
    cv::Mat userMask;  // DamageKind::Mask: CV_8UC1, same size as the print, nonzero = damaged
    // Added with the implementation: the print's resolution. Sizes in the parameter table are
    // pixels at 500 ppi and are scaled by ppi / 500, so damage keeps its physical size.
    double ppi = 500.0;
};

struct DamagedPrint {
    cv::Mat image;             // CV_8UC1, same size as the input
    cv::Mat mask;              // CV_8UC1, 255 where the image no longer shows the original;
                               // outside it the image is bit-identical to the input
    DamageParameters applied;  // the parameters actually used (preset or custom, resolved)
    std::string summary;       // one line for logs and the GUI, e.g. "rotation hard: 31.4° ..."
    // Added with the implementation: the foreground the damage was confined to, and the share
    // of its pixels that the mask covers (mask pixels / foreground pixels).
    cv::Mat foreground;
    double damagedFraction = 0.0;
};

// The preset parameters of a kind at a level (Custom: throws InvalidArgument).
DamageParameters damagePreset(DamageKind kind, DamageLevel level);

// Added with the implementation: the parameters a Custom spec resolves to — the medium preset
// with `custom`'s values put over it. Throws rw::Error(InvalidArgument) naming the parameter
// when a name is unknown for the kind or a value is out of its range (negative sizes,
// fractions outside (0, 0.9], minimum above maximum, ...).
DamageParameters resolveDamageParameters(DamageKind kind, DamageLevel level,
                                         const DamageParameters& custom);

// Applies `spec` to an 8-bit gray print. `foreground` (CV_8UC1, nonzero = print; empty =
// computed with segmentForeground) limits where damage may go. Bad parameters (negative sizes,
// a mask of the wrong size, a missing user mask) throw rw::Error(InvalidArgument).
DamagedPrint applyDamage(const cv::Mat& gray, const cv::Mat& foreground, const DamageSpec& spec);

// Reads a mask image (any format the loader reads): nonzero = damaged. Throws rw::Error
// naming the file when it cannot be read or its size differs from `expectedSize`.
cv::Mat loadDamageMask(const std::string& path, cv::Size expectedSize);

}  // namespace rw
