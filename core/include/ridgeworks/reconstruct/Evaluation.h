#pragma once
// Honest numbers: a model's reconstructions measured against clean prints, next to the
// classical baselines (identity, Telea, Navier–Stokes, ridge continuation) on exactly the
// same inputs (the same mask and, in selective mode, the same feathered blend), per image and
// aggregated (mean and 95 % interval) over all cases, per damage kind and per kind+level.
#include "ridgeworks/data/DataSource.h"
#include "ridgeworks/metrics/Baselines.h"
#include "ridgeworks/metrics/PrintMetrics.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rw {

enum class EvaluationSourceKind {
    Socofing,   // "socofing:DIR": Altered/ prints against their Real/ ones, masks from the
                // difference
    Pairs,      // "pairs:CLEAN_DIR,DAMAGED_DIR[,MASK_DIR]"
    Synthetic,  // "synthetic": held-out generated prints, damaged by core/damage
};

struct EvaluationSource {
    EvaluationSourceKind kind = EvaluationSourceKind::Synthetic;
    std::filesystem::path clean;    // Socofing: the root; Pairs: CLEAN_DIR
    std::filesystem::path damaged;  // Pairs
    std::filesystem::path masks;    // Pairs, optional
};

// Throws rw::Error(InvalidArgument) with the accepted forms for anything else.
EvaluationSource parseEvaluationSource(const std::string& text);
std::string toString(const EvaluationSource& source);

struct EvaluationOptions {
    EvaluationSource source;
    ReconstructionOptions reconstruction;  // mode etc.; `mask` is ignored (each case has its own)
    bool detectMasks = false;              // true: the detector's masks instead of the true ones
    // Synthetic: prints per (kind, level), the seed of the first, kinds and levels.
    int syntheticPerCell = 8;
    std::uint64_t seed = 900001;  // far from the shipped models' training seeds (1..3200)
    std::vector<DamageKind> kinds{DamageKind::Obliteration, DamageKind::Rotation, DamageKind::ZCut};
    std::vector<DamageLevel> levels{DamageLevel::Easy, DamageLevel::Medium, DamageLevel::Hard};
    std::size_t maxCases = 0;  // 0 = all; else N cases spread evenly over the sorted list
    std::vector<Baseline> baselines = allBaselines();
};

// One measured (case, method).
struct EvaluationRow {
    std::string caseId;                     // file name or "synthetic-<seed>-<kind>-<level>"
    std::string kind;                       // damage kind name, or "unknown"
    std::string level;                      // level name, or "unknown"
    std::string method;                     // "model" or a baseline's name (toString(Baseline))
    // flatten(PrintMetrics) + "seconds", "mask_fraction"; with detected masks also "mask_iou",
    // "mask_precision", "mask_recall", "mask_detected_fraction" (rw::MaskAgreement of the
    // detected mask against the true one, the same on every method's row of a case)
    std::map<std::string, double> metrics;
};

struct EvaluationResult {
    std::vector<std::string> methods;  // "model" first, then the baselines
    std::vector<EvaluationRow> rows;
    std::vector<SkippedFile> skipped;  // cases that could not be read or paired, with the reason
    std::size_t cases = 0;
    // aggregates[method][group][metric]; groups: "all", "<kind>", "<kind>/<level>".
    std::map<std::string, std::map<std::string, std::map<std::string, Interval>>> aggregates;
    double seconds = 0.0;
    // CV_8UC3: one row per (kind, level), its first case: clean | damaged with the mask
    // outlined | model | each baseline, labelled. Images are scaled to a common height.
    cv::Mat montage;
};

// Runs every case (progress per case, cancel between cases). Throws rw::Error naming the
// folder when the source holds no usable case.
EvaluationResult evaluate(const Model& model, const EvaluationOptions& options,
                          const ProgressSink& progress = {}, const CancelToken& cancel = {});

// The result as JSON (model and source described by the caller's `header` object, merged in),
// and as CSV (one line per row, a column per metric).
std::string evaluationJson(const EvaluationResult& result, const std::string& headerJson);
std::string evaluationCsv(const EvaluationResult& result);

}  // namespace rw
