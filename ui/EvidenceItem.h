#pragma once
// One piece of evidence as the workbench holds it: the Print as loaded plus the images the
// views need, all computed off the GUI thread when the item is loaded.
#include <ridgeworks/damage/Damage.h>
#include <ridgeworks/image/Preprocess.h>
#include <ridgeworks/image/Print.h>

#include <QImage>
#include <QString>

#include <cstdint>
#include <optional>

namespace rw {

// Where an item's resolution comes from; the examiner must see whether it is measured or assumed.
enum class PpiOrigin {
    File,       // the file stated it
    Default,    // the file did not: kDefaultPpi assumed
    User,       // set by the examiner (Set resolution…)
    Synthetic,  // known by construction (demo prints)
};

// How a derived item was made from its parent: enough to make it again and to check it.
struct Derivation {
    QString parentKey;
    QString parentName;
    QString parentSha256;  // the parent's hash when the item was made
    QString operation;     // "damage" or "reconstruct"
    // operation "damage":
    DamageKind kind = DamageKind::Obliteration;
    DamageLevel level = DamageLevel::Medium;
    std::uint64_t seed = 1;
    DamageParameters parameters;  // resolved: the values actually used
    QString label;                // "obliteration hard, seed 7": short, for the list
    QString summary;              // core's one-line description
    cv::Mat mask;                 // CV_8UC1, 255 where the pixels no longer show the parent's

    // operation "reconstruct" (`mask` is then the changed-pixel mask, the same as changedMask):
    // The classical ridge continuation has no file: its name is
    // "ridge-continuation (classical, no network)", architecture "classical", path
    // "ridge-continuation" and no SHA-256.
    QString modelName;          // the model card's name, e.g. "unet-inpaint (synthetic)"
    QString modelArchitecture;  // "unet-inpaint", "seed-autoencoder", "classical"
    QString modelPath;          // the checkpoint file
    QString modelSha256;        // of the whole checkpoint file (checkpointSha256)
    QString mode;               // "full" or "selective"
    int featherPixels = 0;      // selective: the blend width inside the mask (0 in full mode)
    double regrowth = 0.0;      // unet-inpaint: share of regrown ridges in the estimate (else 0)
    int settling = 0;           // unet-inpaint: passes of ridge settling (else 0)
    bool turnBack = false;      // unet-inpaint: a rotated patch may be turned back
    bool slideBack = false;     // unet-inpaint: a z-cut's flaps may be slid back
    bool swapBack = false;      // unet-inpaint: a Z-plasty's flaps may be swapped back
    double ridgeReach = 0.0;    // selective: ridges drawn this many periods deep (0 = no limit)
    QString maskSource;         // the examiner's choice: "drawn", "damage" or "detect"
    QString maskOrigin;         // what core used: "given", "detected" or "none"
    QString detectorName;       // mask source "detect" only: the damage detector...
    QString detectorPath;
    QString detectorSha256;
    double detectorThreshold = 0.0;  // ...and its probability threshold (0 when unused)
    cv::Mat changedMask;             // CV_8UC1, 255 = an estimate, not the parent's pixel
    cv::Mat confidence;              // CV_32FC1 in [0,1], 1 for the parent's own pixels
    cv::Mat damageMask;              // CV_8UC1, the damage mask used (given or detected)
    cv::Mat damageProbability;       // CV_32FC1, the detector's output; empty when it did not run

    bool isReconstruction() const { return operation == QStringLiteral("reconstruct"); }
};

struct EvidenceItem {
    QString name;  // file name, or e.g. "demo-left-loop-seed-3"
    QString key;   // identity for "already open": absolute path, or the synthetic name
    Print print;   // pixels are never modified; only print.ppi may be set by the user
    PpiOrigin ppiOrigin = PpiOrigin::Default;
    std::optional<double> statedPpi;  // what the file said, kept when the user overrides it

    std::optional<Preprocessed> preprocessed;  // empty when preprocessing failed...
    QString preprocessError;                   // ...and then this says why

    QImage original;  // shares print.pixels
    QImage working;   // the model's 100×100 input mapped back onto the original geometry
    QImage thumbnail;

    std::optional<Derivation> derivation;  // empty for evidence as loaded
};

// "500 ppi", "999.5 ppi": rounded to a tenth.
QString ppiText(double ppi);
// "500 ppi (default)", "1000 ppi (from file)", "750 ppi (set by user)", "500 ppi (synthetic)".
QString resolutionText(const EvidenceItem& item);
// "png, 8-bit gray", "bmp, 8-bit colour + alpha", "synthetic".
QString sourceFormatText(const Print& print);
// A print derived from `parent` (damaged copy, reconstruction): `pixels` with the parent's
// resolution, the hash of the PNG it would be saved as, source "derived".
Print derivedPrint(const EvidenceItem& parent, const cv::Mat& pixels);
// The parent's part of a derivation record (key, name, hash when derived), the operation and
// the list label; the caller adds the operation's own parameters.
Derivation derivationFrom(const EvidenceItem& parent, const QString& operation,
                          const QString& label);

}  // namespace rw
