#include "ridgeworks/reconstruct/BatchReconstruction.h"

#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/model/Model.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace rw {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool isMaskName(const fs::path& file)
{
    const std::string stem = file.stem().string();
    auto endsWith = [&](const std::string& suffix) {
        return stem.size() > suffix.size() &&
               stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return endsWith("_mask") || endsWith(".mask");
}

fs::path findMask(const fs::path& maskDir, const fs::path& relativeDir, const fs::path& image)
{
    const fs::path dir = maskDir / relativeDir;
    const std::string stem = image.stem().string();
    std::error_code ec;
    // Explicit mask names first: a mask folder may be the input folder itself (the damage
    // command writes "x.png" next to "x_mask.png"), and an input is never its own mask.
    for (const std::string& name : {stem + "_mask", stem + ".mask", stem})
        for (const char* ext : {".png", ".bmp", ".tif", ".tiff", ".jpg", ".jpeg"}) {
            const fs::path candidate = dir / (name + ext);
            if (fs::is_regular_file(candidate, ec) && !fs::equivalent(candidate, image, ec))
                return candidate;
        }
    return {};
}

cv::Mat confidenceImage(const cv::Mat& confidence)
{
    cv::Mat gray;
    confidence.convertTo(gray, CV_8UC1, 255.0);
    return gray;
}

// The options that shaped the result: the network's passes, refinements, regrowth, settling,
// turning back and tiles mean nothing to the classical method, so its record leaves them out rather
// than list unused values.
nlohmann::json appliedOptions(const ReconstructionOptions& options, bool network)
{
    nlohmann::json applied{{"mode", toString(options.mode)},
                           {"featherPixels", options.featherPixels},
                           {"ridgeReach", options.ridgeReach}};
    if (network) {
        applied["augmentations"] = options.augmentations;
        applied["refinements"] = options.refinements;
        applied["regrowth"] = options.regrowth;
        applied["settling"] = options.settling;
        applied["turnBack"] = options.turnBackRotation;
        applied["slideBack"] = options.slideBackFlaps;
        applied["swapBack"] = options.swapBackFlaps;
        applied["tileSize"] = options.tileSize;
        applied["tileOverlap"] = options.tileOverlap;
    }
    return applied;
}

nlohmann::json pointsJson(const auto& points)
{
    nlohmann::json list = nlohmann::json::array();
    for (const cv::Point& p : points)
        list.push_back({p.x, p.y});
    return list;
}

nlohmann::json swappedBackJson(const FlapSwap& swap)
{
    nlohmann::json flaps = nlohmann::json::array();
    for (const SwappedFlap& flap : swap.flaps)
        flaps.push_back({{"grewAt", pointsJson(flap.grewAt)}, {"liesAt", pointsJson(flap.liesAt)}});
    return {{"corners", pointsJson(swap.corners)},
            {"flaps", flaps},
            {"rimAgreement", swap.agreement},
            {"flowAgreement",
             swap.flowAgreement ? nlohmann::json(*swap.flowAgreement) : nlohmann::json(nullptr)},
            {"restoredFraction", swap.restoredFraction}};
}

ReconstructionFileResult reconstructOne(const ReconstructionInput& input, const Model* model,
                                        ReconstructionOptions options,
                                        const ModelProvenance& provenance, const fs::path& outDir,
                                        const CancelToken& cancel)
{
    const auto start = Clock::now();
    ReconstructionFileResult result;
    result.input = input.image;
    const Print print = loadPrint(input.image);
    result.inputSha256 = print.sha256;
    options.mask =
        input.mask.empty() ? cv::Mat() : loadDamageMask(input.mask.string(), print.pixels.size());
    const Reconstruction r = reconstructWith(model, print.pixels, options, cancel);

    const fs::path dir = outDir / input.relativeDir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorKind::WriteFailed, "cannot create the folder: " + ec.message(), dir);
    const std::string stem = input.image.stem().string();
    result.image = dir / (stem + ".reconstructed.png");
    result.changedMask = dir / (stem + ".changed.png");
    result.confidence = dir / (stem + ".confidence.png");
    saveImage(result.image, r.image, print.ppi, Flush::Deferred);
    saveImage(result.changedMask, r.changedMask, print.ppi, Flush::Deferred);
    saveImage(result.confidence, confidenceImage(r.confidence), print.ppi, Flush::Deferred);
    if (!r.damageMask.empty()) {
        result.damageMask = dir / (stem + ".mask.png");
        saveImage(result.damageMask, r.damageMask, print.ppi, Flush::Deferred);
    }
    result.summary = r.summary;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();

    const nlohmann::json record{
        {"format", "ridgeworks-reconstruction"},
        {"formatVersion", 1},
        {"input", {{"path", input.image.string()}, {"sha256", print.sha256}, {"ppi", print.ppi}}},
        {"mask",
         input.mask.empty() ? nlohmann::json(nullptr) : nlohmann::json(input.mask.string())},
        {"maskOrigin", toString(r.maskOrigin)},
        {"method", model ? "network" : kRidgeContinuationMethod},
        {"model", model ? nlohmann::json{{"name", model->card().name},
                                         {"architecture", toString(model->spec().architecture)},
                                         {"path", provenance.modelPath},
                                         {"sha256", provenance.modelSha256}}
                        : nlohmann::json(nullptr)},
        {"detector", options.detector && r.maskOrigin == MaskOrigin::Detected
                         ? nlohmann::json{{"name", options.detector->card().name},
                                          {"path", provenance.detectorPath},
                                          {"sha256", provenance.detectorSha256},
                                          {"threshold", options.detectorThreshold}}
                         : nlohmann::json(nullptr)},
        {"options", appliedOptions(options, model != nullptr)},
        {"geometry", {{"ridgePeriod", r.ridgePeriod}, {"scale", r.scale}}},
        // The damage's content turned back in the network's place (--turn-back), or null.
        {"turnedBack", r.turnedBack ? nlohmann::json{{"angleDeg", r.turnedBack->angleDeg},
                                                     {"centreX", r.turnedBack->centre.x},
                                                     {"centreY", r.turnedBack->centre.y},
                                                     {"rimAgreement", r.turnedBack->agreement}}
                                    : nlohmann::json(nullptr)},
        // A z-cut's flaps slid back around the network's estimate (--slide-back), or null.
        {"slidBack", r.slidBack
                         ? nlohmann::json{{"shiftA", {r.slidBack->shiftA.x, r.slidBack->shiftA.y}},
                                          {"shiftB", {r.slidBack->shiftB.x, r.slidBack->shiftB.y}},
                                          {"rimAgreement", r.slidBack->agreement},
                                          {"restoredFraction", r.slidBack->restoredFraction}}
                         : nlohmann::json(nullptr)},
        // A Z-plasty's flaps swapped back around the network's estimate (--swap-back), or null:
        // the mask's corners and, per flap, the triangle it grew in and the one it lay in.
        {"swappedBack", r.swappedBack ? swappedBackJson(*r.swappedBack) : nlohmann::json(nullptr)},
        {"outputs",
         {{"image", result.image.filename().string()},
          {"changedMask", result.changedMask.filename().string()},
          {"confidence", result.confidence.filename().string()},
          {"damageMask", result.damageMask.filename().string()}}},
        {"changedPixels", cv::countNonZero(r.changedMask)},
        {"summary", r.summary},
        {"softwareVersion", RIDGEWORKS_VERSION},
        {"note", "reconstructed pixels are estimates, not evidence"}};
    result.record = dir / (stem + ".reconstruction.json");
    writeFileAtomically(result.record, record.dump(2) + "\n", Flush::Deferred);
    result.ok = true;
    return result;
}

}  // namespace

std::vector<ReconstructionInput> listReconstructionInputs(const fs::path& in, const fs::path& masks)
{
    std::error_code ec;
    if (!fs::exists(in, ec))
        throw Error(ErrorKind::Missing, "no such file or folder", in);
    if (!masks.empty() && !fs::exists(masks, ec))
        throw Error(ErrorKind::Missing, "no such mask file or folder", masks);
    const bool folder = fs::is_directory(in, ec);
    const bool maskFolder = !masks.empty() && fs::is_directory(masks, ec);

    std::vector<ReconstructionInput> inputs;
    for (const fs::path& file : folder ? listImageFiles(in) : std::vector<fs::path>{in}) {
        if (folder && isMaskName(file))
            continue;
        ReconstructionInput input;
        input.image = file;
        input.relativeDir = folder ? fs::relative(file, in).parent_path() : fs::path();
        if (maskFolder)
            input.mask = findMask(masks, input.relativeDir, file);
        else
            input.mask = masks;
        inputs.push_back(std::move(input));
    }
    if (inputs.empty())
        throw Error(ErrorKind::Missing, "no image files in the folder", in);
    if (!masks.empty() && !maskFolder && inputs.size() > 1)
        throw Error(ErrorKind::InvalidArgument,
                    "one mask file for a folder of prints: give a folder of masks", masks);
    return inputs;
}

namespace {

// The batch's loop: one print after another; a print that fails is recorded with its
// error and the batch goes on. Cancellation stops it.
void reconstructEach(const std::vector<ReconstructionInput>& inputs, const Model* model,
                     const ReconstructionOptions& options, const ModelProvenance& provenance,
                     const fs::path& outDir, const ProgressSink& progress,
                     const CancelToken& cancel, ReconstructionBatchResult& batch)
{
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        cancel.throwIfCancelled();
        try {
            batch.files.push_back(
                reconstructOne(inputs[i], model, options, provenance, outDir, cancel));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            ReconstructionFileResult failed;
            failed.input = inputs[i].image;
            failed.error = e.path().empty() ? inputs[i].image.string() + ": " + e.what() : e.what();
            batch.files.push_back(std::move(failed));
            ++batch.failed;
        } catch (const std::exception& e) {  // OpenCV or the file system, on this file only
            ReconstructionFileResult failed;
            failed.input = inputs[i].image;
            failed.error = inputs[i].image.string() + ": " + e.what();
            batch.files.push_back(std::move(failed));
            ++batch.failed;
        }
        report(progress, {i + 1, inputs.size(), inputs[i].image.filename().string(), {}});
    }
}

}  // namespace

ReconstructionBatchResult reconstructFiles(const std::vector<ReconstructionInput>& inputs,
                                           const Model* model, const ReconstructionOptions& options,
                                           const ModelProvenance& provenance,
                                           const fs::path& outDir, const ProgressSink& progress,
                                           const CancelToken& cancel)
{
    const auto start = Clock::now();
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec)
        throw Error(ErrorKind::WriteFailed, "cannot create the folder: " + ec.message(), outDir);
    ReconstructionBatchResult batch;
    // Each file is written without its own flush (AtomicFile.h) and the folder is flushed
    // once at the end, also when the batch is cancelled: what finished is then on disk.
    try {
        reconstructEach(inputs, model, options, provenance, outDir, progress, cancel, batch);
    } catch (...) {
        try {
            flushFolderToDisk(outDir);
        } catch (const Error&) {  // the batch's own error is the one to report
        }
        throw;
    }
    flushFolderToDisk(outDir);
    batch.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return batch;
}

}  // namespace rw
