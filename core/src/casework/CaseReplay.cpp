// Replay: each recorded operation run again from its recorded inputs, its outputs compared
// with the recorded hashes (not with the files now on disk, which may have been changed).
#include "ridgeworks/casework/CaseReplay.h"
#include "casework/CaseRecords.h"
#include "ridgeworks/casework/CaseMetrics.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/model/Model.h"

#include <optional>

namespace rw {
namespace {

namespace fs = std::filesystem;

// Compares made files with the recorded ones, in order.
ReplayVerdict compare(const DerivedItem& item, const std::vector<std::vector<std::uint8_t>>& made)
{
    ReplayVerdict v{item.id, true, false, {}};
    if (made.size() != item.files.size()) {
        v.detail = "made " + std::to_string(made.size()) + " files, " +
                   std::to_string(item.files.size()) + " recorded";
        return v;
    }
    for (std::size_t i = 0; i < made.size(); ++i)
        if (sha256Hex(made[i]) != item.files[i].sha256) {
            v.detail = "differs from the record: " + item.files[i].path;
            // Another version may compute differently: say so, so the examiner knows where
            // to look (the recorded version can replay it).
            if (item.softwareVersion != RIDGEWORKS_VERSION)
                v.detail += " (made by Ridgeworks " + item.softwareVersion + ", replayed by " +
                            RIDGEWORKS_VERSION + ")";
            return v;
        }
    v.reproduced = true;
    v.detail = "reproduced bit for bit (" + std::to_string(made.size()) + " files)";
    return v;
}

const std::string& recorded(const DerivedItem& item, const std::string& name)
{
    const auto found = item.parameters.find(name);
    if (found == item.parameters.end())
        throw Error(ErrorKind::WrongFormat, item.id + " does not record \"" + name + "\"");
    return found->second;
}

// A checkpoint as recorded: the file at its path, with its recorded SHA-256.
Model recordedModel(const std::string& path, const std::string& sha256)
{
    if (!fs::exists(path))
        throw Error(ErrorKind::Missing, "the recorded model is not there", path);
    if (sha256OfFile(path) != sha256)
        throw Error(ErrorKind::Incompatible, "the model file has changed since it was used", path);
    return Model::load(path);
}

ReplayVerdict replayDamage(const Case& c, const DerivedItem& item)
{
    const Print print = loadPrint(itemImageFile(c, item.parents.at(0)));
    const DamageSpec spec = casework::damageSpecFrom(item);
    const DamagedPrint damaged = applyDamage(print.pixels, {}, spec);
    return compare(item, {encodePng(damaged.image, print.ppi), encodePng(damaged.mask, print.ppi)});
}

ReplayVerdict replayReconstruction(const Case& c, const DerivedItem& item,
                                   const CancelToken& cancel)
{
    const Print print = loadPrint(itemImageFile(c, item.parents.at(0)));
    ReconstructionOptions options = casework::reconstructionOptionsFrom(item);
    const std::string& maskFrom = recorded(item, "maskFrom");
    std::optional<Model> detector;
    if (maskFrom == "detect") {
        detector = recordedModel(recorded(item, "detector"), recorded(item, "detectorSha256"));
        options.detector = &*detector;
    } else if (maskFrom != "none") {
        const fs::path maskFile = casework::maskFileOf(c, maskFrom);
        options.mask = loadDamageMask(maskFile.string(), print.pixels.size());
    }
    const std::string& modelPath = recorded(item, "model");
    const bool classical = modelPath == kRidgeContinuationMethod && item.modelSha256.empty();
    std::optional<Model> model;
    if (!classical)
        model = recordedModel(modelPath, item.modelSha256);
    const Reconstruction r =
        reconstructWith(model ? &*model : nullptr, print.pixels, options, cancel);
    cv::Mat confidence;
    r.confidence.convertTo(confidence, CV_8UC1, 255.0);
    std::vector<std::vector<std::uint8_t>> made{encodePng(r.image, print.ppi),
                                                encodePng(r.changedMask, print.ppi),
                                                encodePng(confidence, print.ppi)};
    if (r.maskOrigin == MaskOrigin::Detected)
        made.push_back(encodePng(r.damageMask, print.ppi));
    return compare(item, made);
}

// Measured again from the recorded reconstruction, damage and original as they are now.
ReplayVerdict replayMetrics(const Case& c, const DerivedItem& item)
{
    const DerivedItem* rec = findDerivedItem(c, item.parents.at(0));
    if (!rec)
        throw Error(ErrorKind::Missing, "the measured item " + item.parents.at(0) + " is gone",
                    c.folder);
    const std::string json = metricsJson(measureAgainstOriginal(c, *rec, baselineFillOf(item)));
    return compare(item, {std::vector<std::uint8_t>(json.begin(), json.end())});
}

}  // namespace

std::vector<ReplayVerdict> replayDerivedItems(const Case& c, const CancelToken& cancel)
{
    std::vector<ReplayVerdict> verdicts;
    for (const DerivedItem& item : c.manifest.derived) {
        cancel.throwIfCancelled();
        try {
            if (item.operation == casework::kDamageOperation)
                verdicts.push_back(replayDamage(c, item));
            else if (item.operation == casework::kReconstructOperation)
                verdicts.push_back(replayReconstruction(c, item, cancel));
            else if (item.operation == casework::kMetricsOperation)
                verdicts.push_back(replayMetrics(c, item));
            else
                verdicts.push_back(
                    {item.id, false, false, "\"" + item.operation + "\" is recorded, not re-run"});
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            verdicts.push_back({item.id, true, false, std::string("cannot re-run: ") + e.what()});
        }
    }
    return verdicts;
}

}  // namespace rw
