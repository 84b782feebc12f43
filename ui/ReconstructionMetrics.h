#pragma once
// The numbers behind the Metrics dock, computed on JobRunner's worker thread: a
// reconstruction and the classical baselines (identity, Telea, Navier–Stokes, ridge
// continuation), each measured against the clean print its damaged parent was made from,
// inside the damage mask and over the whole print.
#include <ridgeworks/common/Progress.h>
#include <ridgeworks/metrics/MaskAgreement.h>

#include <QString>

#include <opencv2/core.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rw {

struct MetricsRow {
    QString candidate;  // "unet-inpaint (synthetic)", "identity", "telea", "navier-stokes"
    bool isModel = false;
    std::map<std::string, double> values;  // rw::flatten(measurePrint(...))
};

struct MetricsTable {
    QString itemKey;               // the reconstruction measured
    std::vector<MetricsRow> rows;  // the model first, then the baselines
    // Set when the mask the reconstruction filled (detected, or drawn by the examiner) is not
    // the damage itself: how far the two are apart.
    std::optional<MaskAgreement> fillAgainstDamage;
};

// The Metrics dock's line on `table.fillAgainstDamage` (empty when it is not set), e.g. "The
// mask the reconstruction filled is not the damage: IoU 0.71 — 94 % of it is damaged, 72 % of
// the damage is in it."
QString fillAgainstDamageText(const MetricsTable& table);

// One column of the table: its header and the flatten() name it shows.
struct MetricsColumn {
    QString title;
    std::string key;
    int decimals = 2;
    bool higherIsBetter = true;
};
// Spurious minutiae, minutiae precision (inside only), minutiae F1, orientation error, SSIM, PSNR
// and MAE inside the mask, then the same but precision over the whole print: the
// ridge-structure measures lead.
const std::vector<MetricsColumn>& metricsColumns();

// `clean`, `damaged`, `estimate`: CV_8UC1 of one size. `truthMask`: what the damage altered
// (the "inside" region); `fillMask`: the mask the baselines fill (the one the reconstruction
// used; empty = truthMask); `featherPixels`: the reconstruction's blend, which the baselines
// get too (rw::blendedBaseline), so that the rows differ only in the fill. Cancelling stops
// between candidates.
MetricsTable measureReconstruction(const QString& itemKey, const QString& modelName,
                                   const cv::Mat& clean, const cv::Mat& damaged,
                                   const cv::Mat& estimate, const cv::Mat& truthMask,
                                   const cv::Mat& fillMask, int featherPixels,
                                   const ProgressSink& progress, const CancelToken& cancel);

}  // namespace rw
