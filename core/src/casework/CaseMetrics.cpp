#include "ridgeworks/casework/CaseMetrics.h"

#include "casework/CaseRecords.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/metrics/Baselines.h"
#include "ridgeworks/metrics/PrintMetrics.h"
#include "ridgeworks/reconstruct/BlendedBaseline.h"

#include <nlohmann/json.hpp>

#include <map>

namespace rw {
namespace {

const CaseEvidence* findEvidence(const Case& c, const std::string& id)
{
    for (const CaseEvidence& e : c.manifest.evidence)
        if (e.id == id)
            return &e;
    return nullptr;
}

MethodMetrics rowOf(const std::string& method, const PrintMetrics& m)
{
    const std::map<std::string, double> flat = flatten(m);
    return {method, flat.at("psnr_inside"), flat.at("ssim_inside"),
            flat.at("orientation_deg_inside"), flat.at("spurious_minutiae_inside")};
}

// The metrics item's record of how its baselines filled (absent before 0.9.0).
constexpr const char* kBaselineFillParameter = "baselineFill";
constexpr const char* kAsReconstruction = "as-reconstruction";

// The mask `rec` filled: the detector's when it recorded one, else the mask item it was given
// (the damage's own by default); a reconstruction given none (full mode) is measured against
// baselines that fill the damage.
cv::Mat filledMaskOf(const Case& c, const DerivedItem& rec, const cv::Mat& damageMask)
{
    const std::string detected = "detected-mask.png";
    for (const CaseFile& f : rec.files)
        if (f.path.size() >= detected.size() &&
            f.path.compare(f.path.size() - detected.size(), detected.size(), detected) == 0)
            return loadDamageMask((c.folder / f.path).string(), damageMask.size());
    const auto from = rec.parameters.find("maskFrom");
    if (from == rec.parameters.end() || from->second == "none" || from->second == "detect")
        return damageMask;
    return loadDamageMask(casework::maskFileOf(c, from->second).string(), damageMask.size());
}

// The damage `rec` reconstructs, when it was made from an evidence print of the case (the
// clean original): nullptr otherwise.
const DerivedItem* damageOfOriginal(const Case& c, const DerivedItem& rec)
{
    if (rec.kind != "reconstruction" || rec.parents.empty() || rec.files.empty())
        return nullptr;
    const DerivedItem* damage = findDerivedItem(c, rec.parents.front());
    if (!damage || damage->kind != "damage" || damage->files.size() < 2 ||
        !findEvidence(c, damage->parents.front()))
        return nullptr;
    return damage;
}

}  // namespace

cv::Mat cleanOriginalOf(const Case& c, const DerivedItem& rec)
{
    const DerivedItem* damage = damageOfOriginal(c, rec);
    return damage ? loadPrint(itemImageFile(c, damage->parents.front())).pixels : cv::Mat();
}

std::vector<MethodMetrics> measureAgainstOriginal(const Case& c, const DerivedItem& rec,
                                                  BaselineFill fill)
{
    const DerivedItem* damage = damageOfOriginal(c, rec);
    if (!damage)
        return {};
    const cv::Mat clean = loadPrint(itemImageFile(c, damage->parents.front())).pixels;
    const cv::Mat damaged = loadPrint(c.folder / damage->files[0].path).pixels;
    const cv::Mat mask = loadPrint(c.folder / damage->files[1].path).pixels;
    const cv::Mat result = loadPrint(c.folder / rec.files[0].path).pixels;
    const auto name = rec.parameters.find("modelName");
    // The clean print's orientation, period and minutiae, once for every method.
    const PrintReference reference = prepareReference(clean);
    std::vector<MethodMetrics> rows{rowOf(name != rec.parameters.end() ? name->second : "model",
                                          measurePrint(reference, result, mask))};
    if (fill == BaselineFill::DamageMaskUnblended) {
        for (Baseline b : {Baseline::Telea, Baseline::NavierStokes, Baseline::Identity})
            rows.push_back(
                rowOf(toString(b), measurePrint(reference, applyBaseline(b, damaged, mask), mask)));
        return rows;
    }
    const ReconstructionOptions options = casework::reconstructionOptionsFrom(rec);
    const int feather = options.mode == ReconstructionMode::Selective ? options.featherPixels : 0;
    const cv::Mat filled = filledMaskOf(c, rec, mask);
    for (Baseline b : allBaselines())
        rows.push_back(
            rowOf(toString(b),
                  measurePrint(reference, blendedBaseline(b, damaged, filled, feather), mask)));
    return rows;
}

BaselineFill baselineFillOf(const DerivedItem& metricsItem)
{
    const auto recorded = metricsItem.parameters.find(kBaselineFillParameter);
    if (recorded == metricsItem.parameters.end())
        return BaselineFill::DamageMaskUnblended;
    if (recorded->second == kAsReconstruction)
        return BaselineFill::AsReconstruction;
    // A later version's rule: measuring by another would report a false mismatch.
    throw Error(ErrorKind::WrongFormat,
                metricsItem.id + " records an unknown baseline fill \"" + recorded->second + "\"");
}

std::string metricsJson(const std::vector<MethodMetrics>& rows)
{
    nlohmann::json methods = nlohmann::json::array();
    for (const MethodMetrics& r : rows)
        methods.push_back(
            {{"method", r.method},
             {"psnrInside", casework::exactText(r.psnrInside)},
             {"ssimInside", casework::exactText(r.ssimInside)},
             {"orientationDegInside", casework::exactText(r.orientationDegInside)},
             {"spuriousMinutiaeInside", casework::exactText(r.spuriousMinutiaeInside)}});
    return nlohmann::json{{"format", "ridgeworks-case-metrics"},
                          {"region", "inside the damage mask, against the clean original"},
                          {"methods", methods}}
               .dump(2) +
           "\n";
}

const DerivedItem& measureInCase(Case& c, const std::string& reconstructionId,
                                 const std::string& examiner)
{
    const DerivedItem* rec = findDerivedItem(c, reconstructionId);
    if (!rec)
        throw Error(ErrorKind::InvalidArgument, "the case has no derived item " + reconstructionId,
                    c.folder);
    const std::vector<MethodMetrics> rows = measureAgainstOriginal(c, *rec);
    if (rows.empty())
        throw Error(ErrorKind::InvalidArgument,
                    reconstructionId +
                        " has no clean original in the case (it must reconstruct a damage of "
                        "evidence)",
                    c.folder);
    DerivedItem item;
    item.kind = "metrics";
    item.operation = casework::kMetricsOperation;
    item.parents = {reconstructionId};
    item.parameters = {{"region", "inside the damage mask"},
                       {"baselines", "identity, telea, navier-stokes, ridge-continuation"},
                       {kBaselineFillParameter, kAsReconstruction}};
    item.examiner = examiner;
    const std::string json = metricsJson(rows);
    return addDerivedItem(c, item,
                          {{"metrics.json", std::vector<std::uint8_t>(json.begin(), json.end())}});
}

}  // namespace rw
