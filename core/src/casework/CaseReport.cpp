#include "ridgeworks/casework/CaseReport.h"
#include "casework/CaseRecords.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ModelCard.h"

#include <cstdio>
#include <set>

#include <map>

namespace rw {
namespace {

namespace fs = std::filesystem;

std::string join(const std::vector<std::string>& parts)
{
    std::string text;
    for (const std::string& p : parts)
        text += (text.empty() ? "" : ", ") + p;
    return text;
}

std::string verificationOf(const Case& c, const std::string& id,
                           const std::vector<ReplayVerdict>& replay)
{
    std::string text;
    for (const CaseProblem& p : c.problems)
        if (p.itemId == id)
            text += (text.empty() ? "" : "; ") + p.what;
    for (const ReplayVerdict& v : replay)
        if (v.itemId == id && v.replayable)
            text += std::string(text.empty() ? "" : "; ") +
                    (v.reproduced ? "re-run: " : "re-run FAILED: ") + v.detail;
    if (text.empty())
        text = "SHA-256 verified";
    else if (text.rfind("re-run: ", 0) == 0)
        text = "SHA-256 verified; " + text;
    return text;
}

ReportItem evidenceItem(const Case& c, const CaseEvidence& e,
                        const std::vector<ReplayVerdict>& replay)
{
    ReportItem item;
    item.id = e.id;
    item.heading = e.id + " — evidence (original, never altered)";
    item.facts = {{"File in the case", e.file.path},
                  {"SHA-256", e.file.sha256},
                  {"Size", std::to_string(e.file.bytes) + " bytes"},
                  {"Imported from", e.sourcePath},
                  {"Imported", e.importedAt + " by " + e.examiner}};
    const fs::path file = c.folder / e.file.path;
    double ppi = 500.0;
    try {
        ppi = loadPrint(file).ppi;
    } catch (const Error&) {  // shown as failed verification; the image is left out
    }
    if (fs::exists(file))
        item.images.push_back({"Evidence " + e.id, file, {}, ppi, {}});
    item.verification = verificationOf(c, e.id, replay);
    return item;
}

// The reconstruction's minutiae drawn from its estimated pixels (and, against a clean original,
// the original's it lost there), for its image; the print's own are left unmarked. The same
// minutiae the workbench's Minutiae mode shows. Returns what the marks mean, for the caption.
std::string markEstimatedMinutiae(const Case& c, const DerivedItem& d, ReportImage& image)
{
    const cv::Mat estimate = loadPrint(c.folder / d.files[0].path).pixels;
    const cv::Mat estimated = loadPrint(c.folder / d.files[1].path).pixels;
    const cv::Mat clean = cleanOriginalOf(c, d);
    image.minutiae = markMinutiae(estimate, estimated, clean);
    std::erase_if(image.minutiae,
                  [](const MinutiaMark& m) { return m.standing == MinutiaStanding::Evidence; });
    const auto count = [&image](MinutiaStanding s) {
        return std::to_string(countStanding(image.minutiae, s));
    };
    if (clean.empty())
        return "; the " + count(MinutiaStanding::Estimated) +
               " minutiae drawn from estimated pixels marked in amber: not evidence";
    return "; minutiae drawn from estimated pixels: " + count(MinutiaStanding::Invented) +
           " invented (red: not in the clean original), " + count(MinutiaStanding::Agrees) +
           " also in the original (green); " + count(MinutiaStanding::Lost) +
           " of the original's there not reconstructed (grey crosses)";
}

ReportItem derivedItem(const Case& c, const DerivedItem& d,
                       const std::vector<ReplayVerdict>& replay)
{
    ReportItem item;
    item.id = d.id;
    item.heading = d.id + " — " + d.kind + " of " + join(d.parents);
    item.facts = {{"Operation", d.operation}, {"Made from", join(d.parents)}};
    for (const auto& [name, value] : d.parameters)
        if (name.rfind("applied.", 0) != 0)
            item.facts.push_back({"Parameter " + name, value});
    if (!d.modelSha256.empty())
        item.facts.push_back({"Model SHA-256", d.modelSha256});
    for (const CaseFile& f : d.files)
        item.facts.push_back({f.path, "SHA-256 " + f.sha256});
    item.facts.push_back(
        {"Made", d.createdAt + " by " + d.examiner + ", Ridgeworks " + d.softwareVersion});

    double ppi = 500.0;
    try {
        ppi = loadPrint(itemImageFile(c, d.parents.front())).ppi;
    } catch (const Error&) {
    }
    if (d.kind == "reconstruction" && d.files.size() >= 2) {
        const fs::path input = itemImageFile(c, d.parents.front());
        item.images.push_back({"Input " + d.parents.front(), input, {}, ppi, {}});
        ReportImage reconstruction{"Reconstruction " + d.id + " (estimated pixels outlined)",
                                   c.folder / d.files[0].path,
                                   c.folder / d.files[1].path,
                                   ppi,
                                   {}};
        try {
            item.metrics = measureAgainstOriginal(c, d);
            reconstruction.caption += markEstimatedMinutiae(c, d, reconstruction);
        } catch (const Error&) {  // a file that fails verification: no metrics, said above
        }
        item.images.push_back(std::move(reconstruction));
    } else if (d.kind == "damage" && d.files.size() >= 2) {
        item.images.push_back({"Damaged " + d.id + " (damaged region outlined)",
                               c.folder / d.files[0].path,
                               c.folder / d.files[1].path,
                               ppi,
                               {}});
    }
    item.verification = verificationOf(c, d.id, replay);
    return item;
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The model card of a checkpoint file as the report lists it; a file that is gone or no
// longer has the recorded hash is said to be so.
ReportModel modelCardOf(const std::string& path, const std::string& sha256)
{
    ReportModel model;
    if (path == kRidgeContinuationMethod && sha256.empty()) {
        model.heading = kRidgeContinuationTitle;
        model.facts = {{"Method", casework::kRidgeContinuationDescription},
                       {"Reproducible", "deterministic: the same print and mask give the same "
                                        "pixels with the same Ridgeworks version"}};
        return model;
    }
    model.heading = fs::path(path).filename().string();
    model.facts = {{"File", path}, {"SHA-256 when used", sha256}};
    try {
        if (sha256OfFile(path) != sha256) {
            model.facts.push_back({"Card", "the file has changed since it was used"});
            return model;
        }
        const ModelCard card = readModelCard(path);
        model.heading = card.name;
        model.facts.push_back({"Architecture", toString(card.spec.architecture)});
        model.facts.push_back({"Loss", toString(card.loss)});
        model.facts.push_back({"Epochs", std::to_string(card.epochsCompleted) + " (best " +
                                             std::to_string(card.bestEpoch) + ")"});
        for (const EpochMetrics& m : card.history)
            if (m.epoch == card.bestEpoch)
                model.facts.push_back({"Validation at the best epoch",
                                       "PSNR " + fixed(m.validationPsnr, 2) + " dB, SSIM " +
                                           fixed(m.validationSsim, 3)});
        model.facts.push_back({"Training data", card.dataJson});
        model.facts.push_back({"Trained", card.createdUtc + " with Ridgeworks " +
                                              card.softwareVersion + ", libtorch " +
                                              card.torchVersion});
        if (!card.initialisedFrom.name.empty())
            model.facts.push_back(
                {"Fine-tuned from",
                 card.initialisedFrom.name + " (" + card.initialisedFrom.weightsSha256 + ")"});
        model.facts.push_back({"Weights SHA-256", card.weightsSha256});
    } catch (const Error& e) {
        model.facts.push_back({"Card", "cannot be read: " + e.reason()});
    }
    return model;
}

}  // namespace

CaseReportData buildCaseReport(const Case& c, const std::vector<ReplayVerdict>& replay)
{
    CaseReportData r;
    r.title = c.manifest.title.empty() ? "Case " + c.manifest.caseId : c.manifest.title;
    r.caseId = c.manifest.caseId;
    r.examiner = c.manifest.examiner;
    r.createdAt = c.manifest.createdAt;
    r.generatedAt = utcTimestamp();
    r.software = std::string("Ridgeworks ") + RIDGEWORKS_VERSION;
    for (const CaseProblem& p : c.problems)
        if (p.itemId.empty())
            r.problems.push_back(p.file.filename().string() + ": " + p.what);
    for (const CaseEvidence& e : c.manifest.evidence)
        r.items.push_back(evidenceItem(c, e, replay));
    std::set<std::pair<std::string, std::string>> models;  // (path, SHA-256)
    for (const DerivedItem& d : c.manifest.derived) {
        r.items.push_back(derivedItem(c, d, replay));
        if (d.parameters.count("model"))
            models.insert({d.parameters.at("model"), d.modelSha256});
        if (d.parameters.count("detector") && d.parameters.count("detectorSha256"))
            models.insert({d.parameters.at("detector"), d.parameters.at("detectorSha256")});
    }
    for (const auto& [path, sha] : models)
        r.models.push_back(modelCardOf(path, sha));
    r.statement =
        "Reconstructed ridge detail is an estimate computed from the surrounding ridges, by a "
        "model or by the classical ridge continuation. It is not evidence and must not be used for "
        "identification. Outlined regions "
        "mark every estimated pixel; everything outside them is the input unchanged.";
    return r;
}

}  // namespace rw
