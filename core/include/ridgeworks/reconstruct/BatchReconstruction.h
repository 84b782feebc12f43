#pragma once
// Reconstruction of a print or a whole folder, written to disk: for every input the
// reconstruction, the changed-pixel mask, the confidence map, the damage mask used, and a
// JSON record of how it was made (input and model hashes, options). Progress per file, cancel
// between files and network calls; a bad file is reported and skipped, the others go on.
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <filesystem>
#include <string>
#include <vector>

namespace rw {

struct ReconstructionInput {
    std::filesystem::path image;
    std::filesystem::path mask;         // empty: no mask file (the detector or full mode decides)
    std::filesystem::path relativeDir;  // sub-folder mirrored under the output folder
};

// Inputs from `in` (a file, or a folder searched recursively) and masks from `masks`: empty
// (none), a file (only with a single input), or a folder holding for input "a/b.png" one of
// "a/b_mask.png", "a/b.mask.png" or "a/b.png" (any image extension; in that order, and never
// the input itself). A folder of masks that
// lacks one for an input leaves that input without a mask. Mask files inside the input
// folder (names ending in "_mask" or ".mask") are not inputs. Throws rw::Error(Missing) naming
// the path when `in` or `masks` does not exist or `in` holds no image.
std::vector<ReconstructionInput> listReconstructionInputs(const std::filesystem::path& in,
                                                          const std::filesystem::path& masks);

// What the JSON record names besides the options: which files the models came from.
struct ModelProvenance {
    std::string modelPath;
    std::string modelSha256;   // of the checkpoint file
    std::string detectorPath;  // when a detector is used
    std::string detectorSha256;
};

struct ReconstructionFileResult {
    std::filesystem::path input;
    std::string inputSha256;
    bool ok = false;
    std::string error;  // "file: reason" when !ok
    std::filesystem::path image, changedMask, confidence, damageMask, record;
    std::string summary;
    double seconds = 0.0;
};

struct ReconstructionBatchResult {
    std::vector<ReconstructionFileResult> files;
    std::size_t failed = 0;
    double seconds = 0.0;  // wall time of the whole batch
};

// Writes "<stem>.reconstructed.png", "<stem>.changed.png", "<stem>.confidence.png" (gray 255 =
// confidence 1), "<stem>.mask.png" (when a mask was used) and "<stem>.reconstruction.json" into
// `outDir`/relativeDir, each atomically. `options.mask` is ignored: masks come from the inputs
// or the detector. Throws Cancelled when cancelled (files already written stay), WriteFailed
// when the output folder cannot be made. `model` null: the classical ridge continuation
// (reconstructByRidgeContinuation; the record's "method" says which, and "model" is null).
ReconstructionBatchResult reconstructFiles(const std::vector<ReconstructionInput>& inputs,
                                           const Model* model, const ReconstructionOptions& options,
                                           const ModelProvenance& provenance,
                                           const std::filesystem::path& outDir,
                                           const ProgressSink& progress = {},
                                           const CancelToken& cancel = {});

inline ReconstructionBatchResult
reconstructFiles(const std::vector<ReconstructionInput>& inputs, const Model& model,
                 const ReconstructionOptions& options, const ModelProvenance& provenance,
                 const std::filesystem::path& outDir, const ProgressSink& progress = {},
                 const CancelToken& cancel = {})
{
    return reconstructFiles(inputs, &model, options, provenance, outDir, progress, cancel);
}

}  // namespace rw
