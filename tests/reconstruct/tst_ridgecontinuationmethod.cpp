// reconstructByRidgeContinuation (the classical method an examiner can choose instead of a
// network) and its batch record: exactly the classical fill inside the mask, the print's own
// pixels outside, a confidence that falls with depth into the hole, masks given or detected,
// and the requests it must refuse.
#include "CachedSyntheticPrint.h"
#include "DiscHole.h"
#include "ErrorKindOf.h"

#include <ridgeworks/analysis/RidgeAnalysis.h>
#include <ridgeworks/damage/Damage.h>
#include <ridgeworks/image/Foreground.h>
#include <ridgeworks/inpaint/RidgeContinuation.h>
#include <ridgeworks/metrics/Baselines.h>
#include <ridgeworks/metrics/PrintMetrics.h>
#include <ridgeworks/model/Model.h>
#include <ridgeworks/reconstruct/BatchReconstruction.h>
#include <ridgeworks/reconstruct/Reconstruction.h>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace rw;
namespace fs = std::filesystem;

namespace {

DamagedPrint obliterated(const cv::Mat& clean, std::uint64_t seed = 3)
{
    DamageSpec spec;
    spec.kind = DamageKind::Obliteration;
    spec.level = DamageLevel::Medium;
    spec.seed = seed;
    return applyDamage(clean, {}, spec);
}

// The classical method on `d` with its own mask and the given feather.
Reconstruction continued(const DamagedPrint& d,
                         int featherPixels = ReconstructionOptions{}.featherPixels)
{
    ReconstructionOptions options;
    options.mask = d.mask;
    options.featherPixels = featherPixels;
    return reconstructByRidgeContinuation(d.image, options);
}

}  // namespace

class TstRidgeContinuationMethod : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theHoleGetsTheClassicalFillAndNothingElseChanges()
    {
        const cv::Mat clean = test::cachedSyntheticPrint(5, 200, 220).image;
        const DamagedPrint d = obliterated(clean);
        // No feather: the fill itself, not blended with the damaged pixels.
        const Reconstruction r = continued(d, 0);

        // The same fill eval's ridge-continuation baseline and the U-Net's input are made of,
        // at the period measured on the damaged print as reconstruction measures it.
        RidgeContinuationOptions continuation;
        continuation.ridgePeriod =
            estimateDamagedPrintRidgePeriod(d.image, segmentForeground(d.image), d.mask);
        const cv::Mat expected = continueRidges(d.image, d.mask, continuation);
        QCOMPARE(r.ridgePeriod, continuation.ridgePeriod);
        QCOMPARE(cv::countNonZero(r.image != expected), 0);
        QCOMPARE(cv::countNonZero((r.image != d.image) & (d.mask == 0)), 0);
        QCOMPARE(cv::countNonZero(r.changedMask != (d.mask != 0)), 0);
        QVERIFY(cv::countNonZero((r.image != d.image) & d.mask) > cv::countNonZero(d.mask) / 2);
        QCOMPARE(r.maskOrigin, MaskOrigin::Given);
        QCOMPARE(r.networkInputs, 0);
        QVERIFY2(r.summary.find("no network") != std::string::npos, r.summary.c_str());
    }

    void theDefaultFeatherBlendsOnlyInsideTheMask()
    {
        const cv::Mat clean = test::cachedSyntheticPrint(6, 180, 200).image;
        const DamagedPrint d = obliterated(clean, 4);
        const Reconstruction feathered = continued(d);
        const Reconstruction plain = continued(d, 0);
        QCOMPARE(cv::countNonZero((feathered.image != d.image) & (d.mask == 0)), 0);
        // At the rim the feather mixes in the damaged pixels; deep inside both are the fill.
        cv::Mat deep;
        cv::erode(d.mask, deep, cv::getStructuringElement(cv::MORPH_ELLIPSE, {9, 9}));
        QVERIFY(cv::countNonZero(deep) > 0);
        QCOMPARE(cv::countNonZero((feathered.image != plain.image) & deep), 0);
        QVERIFY(cv::countNonZero((feathered.image != plain.image) & d.mask) > 0);
    }

    void confidenceFallsWithDepthIntoTheHole()
    {
        const test::DiscHole hole = test::discHoleInPrint(7);
        ReconstructionOptions options;
        options.mask = hole.mask;
        const Reconstruction r = reconstructByRidgeContinuation(hole.damaged, options);
        QCOMPARE(cv::countNonZero((r.confidence != 1.0f) & (hole.mask == 0)), 0);
        double least = 1.0, most = 0.0;
        cv::minMaxLoc(r.confidence, &least, &most, nullptr, nullptr, hole.mask);
        QVERIFY(least >= 0.0 && most <= 1.0);
        const double atRim = cv::mean(r.confidence, hole.rim)[0];
        const double atCore = cv::mean(r.confidence, hole.core)[0];
        QVERIFY2(atCore < 0.75 * atRim,
                 qPrintable(QStringLiteral("rim %1, core %2").arg(atRim).arg(atCore)));
    }

    void itBeatsTeleaInsideTheMask()
    {
        const cv::Mat clean = test::cachedSyntheticPrint(11, 200, 220).image;
        const DamagedPrint d = obliterated(clean, 7);
        const Reconstruction r = continued(d);
        const double telea =
            measurePrint(clean, applyBaseline(Baseline::Telea, d.image, d.mask), d.mask)
                .quality.inside.ssim;
        const double ours = measurePrint(clean, r.image, d.mask).quality.inside.ssim;
        QVERIFY2(ours > telea + 0.1,
                 qPrintable(QStringLiteral("SSIM inside: Telea %1, ridge continuation %2")
                                .arg(telea)
                                .arg(ours)));
    }

    void theDetectorCanGiveTheMask()
    {
        const Model detector =
            Model::load(fs::path(RIDGEWORKS_TEST_MODELS_DIR) / "damage-detector.rwm");
        const cv::Mat clean = test::cachedSyntheticPrint(8, 200, 220).image;
        const DamagedPrint d = obliterated(clean, 5);
        ReconstructionOptions options;
        options.detector = &detector;
        const Reconstruction r = reconstructByRidgeContinuation(d.image, options);
        QCOMPARE(r.maskOrigin, MaskOrigin::Detected);
        QCOMPARE(r.damageProbability.size(), d.image.size());
        QCOMPARE(cv::countNonZero(r.damageMask !=
                                  ((r.damageProbability >= 0.5) & segmentForeground(d.image))),
                 0);
        QCOMPARE(cv::countNonZero((r.image != d.image) & (r.damageMask == 0)), 0);
        QVERIFY(r.summary.find("detected (threshold 0.50)") != std::string::npos);
    }

    void badRequestsAreRefusedWithTheReason()
    {
        const cv::Mat print = test::cachedSyntheticPrint(5, 128, 128).image;
        ReconstructionOptions options;
        QCOMPARE(test::errorKindOf([&] {
                     reconstructByRidgeContinuation(print, options);
                 }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);  // no mask, no detector
        options.mask = cv::Mat::zeros(print.size(), CV_8UC1);
        options.mode = ReconstructionMode::Full;
        try {
            reconstructByRidgeContinuation(print, options);
            QFAIL("full mode was accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
            QVERIFY2(std::string(e.what()).find("selective") != std::string::npos, e.what());
        }
        options.mode = ReconstructionMode::Selective;
        options.refinements = 1;  // re-runs a network: there is none
        QCOMPARE(test::errorKindOf([&] {
                     reconstructByRidgeContinuation(print, options);
                 }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);
        options.refinements = 0;
        options.mask = cv::Mat::zeros(64, 64, CV_8UC1);
        QCOMPARE(test::errorKindOf([&] {
                     reconstructByRidgeContinuation(print, options);
                 }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);  // wrong size
        options.mask = cv::Mat::zeros(print.size(), CV_8UC1);
        CancelToken cancel;
        cancel.cancel();
        QCOMPARE(test::errorKindOf([&] {
                     reconstructByRidgeContinuation(print, options, cancel);
                 }).value_or(ErrorKind::Missing),
                 ErrorKind::Cancelled);
    }

    void theBatchRecordNamesTheMethodAndNoModel()
    {
        QTemporaryDir in, out;
        const cv::Mat clean = test::cachedSyntheticPrint(9, 160, 176).image;
        const DamagedPrint d = obliterated(clean);
        const fs::path image = fs::path(in.path().toStdString()) / "print.png";
        const fs::path mask = fs::path(in.path().toStdString()) / "print_mask.png";
        cv::imwrite(image.string(), d.image);
        cv::imwrite(mask.string(), d.mask);
        const ReconstructionBatchResult batch =
            reconstructFiles(listReconstructionInputs(image.parent_path(), image.parent_path()),
                             nullptr, {}, {}, out.path().toStdString());
        QCOMPARE(batch.files.size(), std::size_t{1});
        QVERIFY2(batch.files[0].ok, batch.files[0].error.c_str());
        const nlohmann::json record = nlohmann::json::parse(std::ifstream(batch.files[0].record));
        QCOMPARE(record.at("method").get<std::string>(), std::string(kRidgeContinuationMethod));
        QVERIFY(record.at("model").is_null());
        // Only the options that shaped the result: no network passes, refinements or tiles.
        QCOMPARE(record.at("options").at("featherPixels").get<int>(),
                 ReconstructionOptions{}.featherPixels);
        QVERIFY(!record.at("options").contains("augmentations"));
        QVERIFY(!record.at("options").contains("refinements"));
        QCOMPARE(record.at("maskOrigin").get<std::string>(), std::string("given"));
        const cv::Mat written = cv::imread(batch.files[0].image.string(), cv::IMREAD_GRAYSCALE);
        QCOMPARE(cv::countNonZero((written != d.image) & (d.mask == 0)), 0);
        QVERIFY(cv::countNonZero((written != d.image) & d.mask) > 0);
    }
};

QTEST_GUILESS_MAIN(TstRidgeContinuationMethod)
#include "tst_ridgecontinuationmethod.moc"
