#include "ridgeworks/casework/CaseMetrics.h"

#include "casework/CaseRecords.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/metrics/Baselines.h"
#include "ridgeworks/metrics/PrintMetrics.h"

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

}  // namespace

std::vector<MethodMetrics> measureAgainstOriginal(const Case& c, const DerivedItem& rec)
{
    if (rec.kind != "reconstruction" || rec.parents.empty() || rec.files.empty())
        return {};
    const DerivedItem* damage = findDerivedItem(c, rec.parents.front());
    if (!damage || damage->kind != "damage" || damage->files.size() < 2 ||
        !findEvidence(c, damage->parents.front()))
        return {};
    const cv::Mat clean = loadPrint(itemImageFile(c, damage->parents.front())).pixels;
    const cv::Mat damaged = loadPrint(c.folder / damage->files[0].path).pixels;
    const cv::Mat mask = loadPrint(c.folder / damage->files[1].path).pixels;
    const cv::Mat result = loadPrint(c.folder / rec.files[0].path).pixels;
    const auto name = rec.parameters.find("modelName");
    std::vector<MethodMetrics> rows{rowOf(name != rec.parameters.end() ? name->second : "model",
                                          measurePrint(clean, result, mask))};
    for (Baseline b : {Baseline::Telea, Baseline::NavierStokes, Baseline::Identity})
        rows.push_back(
            rowOf(toString(b), measurePrint(clean, applyBaseline(b, damaged, mask), mask)));
    return rows;
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
                       {"baselines", "telea, navier-stokes, identity"}};
    item.examiner = examiner;
    const std::string json = metricsJson(rows);
    return addDerivedItem(c, item,
                          {{"metrics.json", std::vector<std::uint8_t>(json.begin(), json.end())}});
}

}  // namespace rw
