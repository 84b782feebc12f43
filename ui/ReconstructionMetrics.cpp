#include "ReconstructionMetrics.h"

#include <ridgeworks/metrics/PrintMetrics.h>
#include <ridgeworks/reconstruct/BlendedBaseline.h>

namespace rw {

const std::vector<MetricsColumn>& metricsColumns()
{
    // The forensic measures first: docs/metrics.md asks the reader to read the invented
    // minutiae before any pixel score, because a fill can please PSNR and SSIM while it
    // invents ridge endings. Inside the mask first, then the same over the whole print.
    static const std::vector<MetricsColumn> columns = {
        {QStringLiteral("Spurious minutiae mask"), "spurious_minutiae_inside", 0, false},
        // The count's other half: of the minutiae a fill drew there, the share the clean print
        // has. A fill that draws no ridges invents none; this says whether what was drawn is
        // right (README, "Invented minutiae against the minutiae drawn").
        {QStringLiteral("Minutiae precision mask"), "minutiae_precision_inside", 3, true},
        {QStringLiteral("Minutiae F1 mask"), "minutiae_f1_inside", 3, true},
        {QStringLiteral("Orientation error mask (°)"), "orientation_deg_inside", 1, false},
        {QStringLiteral("SSIM mask"), "ssim_inside", 3, true},
        {QStringLiteral("PSNR mask (dB)"), "psnr_inside", 2, true},
        {QStringLiteral("MAE mask"), "mae_inside", 1, false},
        {QStringLiteral("Spurious minutiae whole"), "spurious_minutiae", 0, false},
        {QStringLiteral("Minutiae F1 whole"), "minutiae_f1", 3, true},
        {QStringLiteral("Orientation error whole (°)"), "orientation_deg", 1, false},
        {QStringLiteral("SSIM whole"), "ssim", 3, true},
        {QStringLiteral("PSNR whole (dB)"), "psnr", 2, true},
        {QStringLiteral("MAE whole"), "mae", 1, false},
    };
    return columns;
}

QString fillAgainstDamageText(const MetricsTable& table)
{
    if (!table.fillAgainstDamage)
        return {};
    const MaskAgreement& a = *table.fillAgainstDamage;
    const auto percent = [](double share) { return QString::number(100.0 * share, 'f', 0); };
    return QStringLiteral("The mask the reconstruction filled is not the damage: IoU %1 — %2 % of "
                          "it is damaged, %3 % of the damage is in it.")
        .arg(QString::number(a.iou, 'f', 2), percent(a.precision), percent(a.recall));
}

MetricsTable measureReconstruction(const QString& itemKey, const QString& modelName,
                                   const cv::Mat& clean, const cv::Mat& damaged,
                                   const cv::Mat& estimate, const cv::Mat& truthMask,
                                   const cv::Mat& fillMask, int featherPixels,
                                   const ProgressSink& progress, const CancelToken& cancel)
{
    const std::vector<Baseline> baselines = allBaselines();
    const std::size_t total = baselines.size() + 2;
    std::size_t done = 0;
    report(progress, {done, total, "Measuring the clean reference", {}});
    // Orientation, ridge period and minutiae of the clean print, once for every candidate.
    const PrintReference reference = prepareReference(clean);
    cancel.throwIfCancelled();

    MetricsTable table;
    table.itemKey = itemKey;
    if (!fillMask.empty() && cv::countNonZero((fillMask != 0) != (truthMask != 0)) > 0)
        table.fillAgainstDamage = measureMaskAgreement(fillMask, truthMask);
    report(progress, {++done, total, "Measuring the reconstruction", {}});
    table.rows.push_back({modelName, true, flatten(measurePrint(reference, estimate, truthMask))});
    const cv::Mat fill = fillMask.empty() ? truthMask : fillMask;
    for (const Baseline baseline : baselines) {
        cancel.throwIfCancelled();
        report(progress,
               {++done, total, std::string("Measuring the baseline ") + toString(baseline), {}});
        const cv::Mat candidate = blendedBaseline(baseline, damaged, fill, featherPixels);
        table.rows.push_back({QString::fromUtf8(toString(baseline)), false,
                              flatten(measurePrint(reference, candidate, truthMask))});
    }
    report(progress, {total, total, "Done", {}});
    return table;
}

}  // namespace rw
