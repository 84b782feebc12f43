#pragma once
// Where training prints come from, and the triplets (clean, damaged, mask) made from them.
// Parsing a "--data" argument, scanning a folder, and the per-source summary live here;
// the in-memory cache and the parallel batch loader are in TrainingData.h / BatchLoader.h.
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/inpaint/HoleFill.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rw {

enum class DataSourceKind {
    Socofing,   // a SOCOFing folder: Real/ prints (damaged on the fly) + Altered/ pairs
    Folder,     // any folder of clean prints, recursively, damaged on the fly
    Synthetic,  // prints from the generator, new ones every epoch
};

struct DataSourceSpec {
    DataSourceKind kind = DataSourceKind::Synthetic;
    std::string path;  // Socofing / Folder
};

// "socofing:DIR", "folder:DIR", "synthetic". Throws rw::Error(InvalidArgument) otherwise.
DataSourceSpec parseDataSourceSpec(const std::string& text);
std::string toString(const DataSourceSpec& spec);  // inverse of parseDataSourceSpec

// How the clean prints are made to look before they are damaged (docs/data.md, "Sensor
// appearance"). Real evidence comes from many sensors (optical, capacitive, ink on card;
// 500-1000 ppi; dry and wet fingers); one source alone shows a network a single look.
enum class AppearanceAugmentation {
    None,    // the prints exactly as the source has them (the published experiment)
    Sensor,  // each example gets a random sensor look drawn from its own seed: ridge period
             // (zoom), gray levels and contrast, ink and dryness, blur, noise, background
    SensorBinarised,  // the same looks, and in kBinarisedLookShare of them the ink is made
                      // black and white (prints stored binarised, as SOCOFing's nearly are)
};

// Whether `appearance` gives random sensor looks (Sensor or SensorBinarised).
bool usesSensorLooks(AppearanceAugmentation appearance);

const char* toString(AppearanceAugmentation appearance);  // "none", "sensor", "sensor-binarised"
// Case-insensitive inverse of toString; nullopt for an unknown name.
std::optional<AppearanceAugmentation> appearanceAugmentationFromString(const std::string& name);

struct DataConfig {
    DataSourceSpec source;
    int imageSize = 100;               // side of the square training images (the model's input)
    double validationFraction = 0.15;  // share of SUBJECTS held out (split by subject)
    std::uint64_t seed = 1;            // split, damage and synthetic prints all derive from it
    // Synthetic damage applied on the fly; every example draws one kind and one level.
    std::vector<DamageKind> damageKinds{DamageKind::Obliteration, DamageKind::Rotation,
                                        DamageKind::ZCut};
    std::vector<DamageLevel> damageLevels{DamageLevel::Easy, DamageLevel::Medium,
                                          DamageLevel::Hard};
    bool useAlteredPairs = true;  // Socofing: also train on Altered/ ↔ Real/ pairs
    int syntheticCount = 512;     // Synthetic: prints per epoch (each epoch gets new ones)
    int syntheticValidationCount = 64;
    std::size_t maxPrints = 0;  // 0 = all; otherwise the first N after a seeded shuffle
    int workers = 0;            // loader threads; 0 = automatic
    // Off by default: the seed autoencoder reproduces the published experiment. With Sensor,
    // training AND validation examples get a look drawn from the example's seed (validation
    // from its fixed seed, so it stays the same all run long and across runs).
    AppearanceAugmentation appearance = AppearanceAugmentation::None;
    // Grey leaves TrainingExample::damaged as the damage left it. RidgeContinuation replaces
    // its hole by the classical fill (prepareHoleInput), for the U-Net that refines it; the
    // trainer sets it from the model.
    HoleFill holeFill = HoleFill::Grey;
};

// A file that was skipped, and why (shown to the user; training goes on without it).
struct SkippedFile {
    std::string path;
    std::string reason;
};

// What a training run was fed; stored in the model card.
struct DataSummary {
    std::string source;           // toString(DataSourceSpec)
    std::size_t trainPrints = 0;  // clean prints (or synthetic prints per epoch)
    std::size_t validationPrints = 0;
    std::size_t trainSubjects = 0;
    std::size_t validationSubjects = 0;
    std::size_t alteredPairs = 0;  // Socofing pairs used (train + validation)
    std::vector<SkippedFile> skipped;
    std::vector<std::string> damageKinds;
    std::vector<std::string> damageLevels;
    int imageSize = 100;
    // Added with the implementation.
    std::uint64_t seed = 1;         // DataConfig::seed
    std::size_t trainExamples = 0;  // examples per epoch: prints + altered pairs
    std::size_t validationExamples = 0;
    std::string appearance = "none";  // toString(DataConfig::appearance)
    std::string holeFill = "grey";    // toString(DataConfig::holeFill)
};

// The summary as JSON for the model card: counts, source, damage lists, appearance
// augmentation ("appearance": "none" | "sensor"), and the skipped files
// (the first `maxSkipped` of them; "skippedCount" always has the full number and
// "skippedListTruncated" says whether the list was cut).
std::string toJson(const DataSummary& summary, std::size_t maxSkipped = 100);

// The subject of every file of a folder source (same order as `files`), as a key; files with
// equal keys are one subject and stay on one side of the split. Rules, first match wins:
//   1. a SOCOFing name ("12__F_Left_thumb_finger.png")      → "socofing:12"
//   2. an FVC name "<finger>_<impression>" ("101_3.tif")   → "fvc:<folder>/101" (per folder,
//      since FVC's DB1..DB4 reuse the finger numbers)
//   3. a file in a subfolder, when the remaining files lie in two or more distinct
//      subfolders (per-subject folders, e.g. "001/L0_0.bmp") → "folder:<subfolder>"
//   4. otherwise each file is its own subject              → "file:<path>"
// See docs/data.md.
std::vector<std::string> folderSubjectKeys(const std::vector<std::filesystem::path>& files,
                                           const std::filesystem::path& root);

}  // namespace rw
