// evaluate(): every case through the model and the baselines, measured against its clean
// print with the same metrics, then aggregated per kind and per kind+level.
#include "ridgeworks/reconstruct/Evaluation.h"

#include "reconstruct/EvaluationCases.h"
#include "reconstruct/EvaluationMontage.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/MaskAgreement.h"
#include "ridgeworks/model/Model.h"
#include "ridgeworks/reconstruct/BlendedBaseline.h"

#include <chrono>
#include <set>

namespace rw {
namespace {

using Clock = std::chrono::steady_clock;
using evaluation::EvaluationCase;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

EvaluationRow measured(const EvaluationCase& c, const std::string& method,
                       const PrintReference& reference, const cv::Mat& candidate, double seconds)
{
    EvaluationRow row;
    row.caseId = c.id;
    row.kind = c.kind;
    row.level = c.level;
    row.method = method;
    row.metrics = flatten(measurePrint(reference, candidate, c.mask));
    row.metrics["seconds"] = seconds;
    row.metrics["mask_fraction"] = double(cv::countNonZero(c.mask)) / double(c.mask.total());
    return row;
}

// With detected masks, how the mask every method filled compares with the true one, on each
// of the case's `count` rows (the last ones), so that every method's aggregates carry it.
void addMaskAgreement(const MaskAgreement& agreement, std::vector<EvaluationRow>& rows,
                      std::size_t count)
{
    for (std::size_t i = rows.size() - count; i < rows.size(); ++i) {
        rows[i].metrics["mask_iou"] = agreement.iou;
        rows[i].metrics["mask_precision"] = agreement.precision;
        rows[i].metrics["mask_recall"] = agreement.recall;
        rows[i].metrics["mask_detected_fraction"] = agreement.predictedFraction;
    }
}

void aggregate(EvaluationResult& result)
{
    // (method, group, metric) → values
    std::map<std::string, std::map<std::string, std::map<std::string, std::vector<double>>>> values;
    for (const EvaluationRow& row : result.rows)
        for (const std::string& group : {std::string("all"), row.kind, row.kind + "/" + row.level})
            for (const auto& [name, value] : row.metrics)
                values[row.method][group][name].push_back(value);
    for (const auto& [method, groups] : values)
        for (const auto& [group, metrics] : groups)
            for (const auto& [name, list] : metrics)
                result.aggregates[method][group][name] = meanInterval(list);
}

}  // namespace

EvaluationResult evaluate(const Model& model, const EvaluationOptions& options,
                          const ProgressSink& progress, const CancelToken& cancel)
{
    if (options.detectMasks && !options.reconstruction.detector)
        throw Error(ErrorKind::InvalidArgument, "detected masks need a damage-detector");
    const auto start = Clock::now();
    const std::unique_ptr<evaluation::CaseList> cases = evaluation::listCases(options);
    const std::size_t total =
        options.maxCases ? std::min(options.maxCases, cases->count()) : cases->count();
    if (total == 0)
        throw Error(ErrorKind::Missing, "no evaluation case: nothing to compare",
                    options.source.damaged.empty() ? options.source.clean : options.source.damaged);

    EvaluationResult result;
    result.skipped = cases->skipped;
    result.methods.push_back("model");
    for (const Baseline b : options.baselines)
        result.methods.emplace_back(toString(b));
    evaluation::MontageBuilder montage(result.methods);
    std::set<std::string> cellsInMontage;

    for (std::size_t i = 0; i < total; ++i) {
        cancel.throwIfCancelled();
        // A limited run takes cases evenly spread over the sorted list, so that every kind
        // and level (SOCOFing sorts by folder) is represented.
        const std::size_t index = total == cases->count() ? i : i * cases->count() / total;
        EvaluationCase c;
        try {
            c = cases->load(index);
        } catch (const Error& e) {
            result.skipped.push_back({e.path().string(), e.reason()});
            continue;
        }
        const PrintReference reference = prepareReference(c.clean);

        ReconstructionOptions reconstruction = options.reconstruction;
        reconstruction.mask = options.detectMasks ? cv::Mat() : c.mask;
        auto t = Clock::now();
        const Reconstruction r = reconstruct(c.damaged, model, reconstruction, cancel);
        std::vector<cv::Mat> candidates{r.image};
        result.rows.push_back(measured(c, "model", reference, r.image, secondsSince(t)));
        // Baselines fill the same mask the model was given (the true one, or the detected one),
        // and in selective mode are blended in with the same feather: the methods then differ
        // only in their fill. (Unblended, an exact mask favours the baselines: the feather
        // mixes the damaged pixels into the model's rim.)
        const cv::Mat fillMask = r.damageMask.empty() ? c.mask : r.damageMask;
        const int feather = options.reconstruction.mode == ReconstructionMode::Selective
                                ? options.reconstruction.featherPixels
                                : 0;
        for (const Baseline b : options.baselines) {
            t = Clock::now();
            const cv::Mat filled = blendedBaseline(b, c.damaged, fillMask, feather);
            const double seconds = secondsSince(t);
            candidates.push_back(filled);
            result.rows.push_back(measured(c, toString(b), reference, filled, seconds));
        }
        if (options.detectMasks && !r.damageMask.empty())  // the seed autoencoder, full: none
            addMaskAgreement(measureMaskAgreement(r.damageMask, c.mask), result.rows,
                             1 + options.baselines.size());
        ++result.cases;
        if (cellsInMontage.insert(c.kind + "/" + c.level).second)
            montage.addRow(c.id, c.clean, c.damaged, c.mask, candidates);
        report(progress, {i + 1, total, c.id, {}});
    }
    if (result.cases == 0)
        throw Error(ErrorKind::Missing, "no evaluation case could be read",
                    options.source.damaged.empty() ? options.source.clean : options.source.damaged);
    aggregate(result);
    result.montage = montage.image();
    result.seconds = secondsSince(start);
    return result;
}

}  // namespace rw
