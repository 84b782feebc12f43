// evaluate() on folders of pairs: clean ↔ damaged matched by name, masks found or made from
// the difference, bad files skipped by name; aggregates and the JSON/CSV views agree.
#include "CachedSyntheticPrint.h"
#include "ErrorKindOf.h"

#include <ridgeworks/damage/Damage.h>
#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/metrics/MaskAgreement.h>
#include <ridgeworks/metrics/PrintMetrics.h>
#include <ridgeworks/model/Model.h>
#include <ridgeworks/reconstruct/Evaluation.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

namespace {

// A pairs folder under `root`: clean/a.png, and damaged/a_obliteration.png with its mask
// file. Returns the damage, so a test can add more files or measure against it.
DamagedPrint writeObliteratedPair(const std::filesystem::path& root, const cv::Mat& clean,
                                  std::uint64_t seed)
{
    std::filesystem::create_directories(root / "clean");
    std::filesystem::create_directories(root / "damaged");
    saveImage(root / "clean" / "a.png", clean, 500);
    DamageSpec spec;
    spec.kind = DamageKind::Obliteration;
    spec.seed = seed;
    const DamagedPrint d = applyDamage(clean, {}, spec);
    saveImage(root / "damaged" / "a_obliteration.png", d.image, 500);
    saveImage(root / "damaged" / "a_obliteration_mask.png", d.mask, 500);
    return d;
}

}  // namespace

class TstEvaluation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pairsAreMatchedByNameAndBadFilesNamed()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const cv::Mat clean = test::cachedSyntheticPrint(4, 160, 176).image;
        const DamagedPrint d = writeObliteratedPair(root, clean, 3);
        // The same damage again without a mask file: the mask comes from the difference.
        saveImage(root / "damaged" / "a_rotation.png", d.image, 500);
        saveImage(root / "damaged" / "zzz.png", d.image, 500);  // no clean print
        QFile text(QString::fromStdString((root / "damaged" / "a_zcut.png").string()));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not an image");
        text.close();

        EvaluationOptions options;
        options.source = parseEvaluationSource("pairs:" + (root / "clean").string() + "," +
                                               (root / "damaged").string());
        options.reconstruction.augmentations = 1;
        const Model model =
            Model::load(std::filesystem::path(RIDGEWORKS_TEST_MODELS_DIR) / "unet-inpaint.rwm");
        const EvaluationResult result = evaluate(model, options);

        QCOMPARE(result.cases, std::size_t(2));
        QCOMPARE(result.rows.size(), std::size_t(2 * 5));
        QCOMPARE(result.methods.front(), std::string("model"));
        QStringList skipped;
        for (const SkippedFile& s : result.skipped)
            skipped << QString::fromStdString(s.path);
        QCOMPARE(skipped.size(), 2);
        QVERIFY(skipped.filter(QStringLiteral("zzz.png")).size() == 1);
        QVERIFY(skipped.filter(QStringLiteral("a_zcut.png")).size() == 1);
        // Kinds come from the names; both cases hold the same damage, so the difference mask
        // covers the file mask (it may add a pixel of growth at the edge).
        std::map<std::string, double> maskFraction;
        for (const EvaluationRow& row : result.rows)
            if (row.method == "identity") {
                maskFraction[row.kind] = row.metrics.at("mask_fraction");
                QCOMPARE(row.metrics.at("psnr_outside"), kPsnrCapDb);  // nothing changed there
            }
        QVERIFY(maskFraction.count("obliteration") && maskFraction.count("rotation"));
        QVERIFY(maskFraction["rotation"] >= 0.95 * maskFraction["obliteration"]);
        QVERIFY(maskFraction["rotation"] <= 1.3 * maskFraction["obliteration"]);

        // Aggregates: "all" over both cases, one per kind.
        const Interval all = result.aggregates.at("telea").at("all").at("psnr_inside");
        QCOMPARE(all.n, std::size_t(2));
        QCOMPARE(result.aggregates.at("telea").at("obliteration").at("psnr_inside").n,
                 std::size_t(1));
        const QJsonObject json =
            QJsonDocument::fromJson(QByteArray::fromStdString(evaluationJson(result, "{}")))
                .object();
        QCOMPARE(json[QStringLiteral("cases")].toInt(), 2);
        QCOMPARE(json[QStringLiteral("aggregates")]
                     .toObject()[QStringLiteral("telea")]
                     .toObject()[QStringLiteral("all")]
                     .toObject()[QStringLiteral("psnr_inside")]
                     .toObject()[QStringLiteral("mean")]
                     .toDouble(),
                 all.mean);
        QCOMPARE(QString::fromStdString(evaluationCsv(result)).count(QLatin1Char('\n')), 1 + 10);
        QVERIFY(!result.montage.empty());
    }

    void baselinesAreBlendedWithTheModelsFeather()
    {
        // In selective mode every baseline is blended in like the model's estimate, so the
        // methods differ only in their fill: the ridge-continuation row with a feather of 6 px
        // measures exactly what the classical method gives with that feather.
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const cv::Mat clean = test::cachedSyntheticPrint(6, 160, 176).image;
        const DamagedPrint d = writeObliteratedPair(root, clean, 5);

        EvaluationOptions options;
        options.source = parseEvaluationSource("pairs:" + (root / "clean").string() + "," +
                                               (root / "damaged").string());
        options.reconstruction.augmentations = 1;
        options.baselines = {Baseline::RidgeContinuation};
        const Model model =
            Model::load(std::filesystem::path(RIDGEWORKS_TEST_MODELS_DIR) / "unet-inpaint.rwm");
        const auto continuationPsnr = [&](int feather) {
            options.reconstruction.featherPixels = feather;
            for (const EvaluationRow& row : evaluate(model, options).rows)
                if (row.method == "ridge-continuation")
                    return row.metrics.at("psnr_inside");
            return -1.0;
        };
        ReconstructionOptions classical;
        classical.mask = d.mask;
        classical.featherPixels = 6;
        const double expected =
            measurePrint(clean, reconstructByRidgeContinuation(d.image, classical).image, d.mask)
                .quality.inside.psnr;
        const double unblended =
            measurePrint(clean, applyBaseline(Baseline::RidgeContinuation, d.image, d.mask), d.mask)
                .quality.inside.psnr;
        QVERIFY(std::abs(expected - unblended) > 0.01);  // the feather matters on this case
        QCOMPARE(continuationPsnr(6), expected);
        QCOMPARE(continuationPsnr(0), unblended);
    }

    void detectedMasksAreComparedWithTheTrueOnes()
    {
        // With the detector's masks, every row of a case says how the detected mask (the one
        // every method filled) compares with the true one; without, no row does.
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const cv::Mat clean = test::cachedSyntheticPrint(5, 160, 176).image;
        const DamagedPrint d = writeObliteratedPair(root, clean, 9);
        const std::filesystem::path models(RIDGEWORKS_TEST_MODELS_DIR);
        const Model model = Model::load(models / "unet-inpaint.rwm");
        const Model detector = Model::load(models / "damage-detector.rwm");

        EvaluationOptions options;
        options.source = parseEvaluationSource("pairs:" + (root / "clean").string() + "," +
                                               (root / "damaged").string());
        options.reconstruction.augmentations = 1;
        options.baselines = {Baseline::Telea};
        const EvaluationResult plain = evaluate(model, options);
        for (const EvaluationRow& row : plain.rows)
            QVERIFY(!row.metrics.count("mask_iou"));
        QVERIFY(!QString::fromStdString(evaluationCsv(plain)).contains(QStringLiteral("mask_iou")));

        options.reconstruction.detector = &detector;
        options.detectMasks = true;
        const EvaluationResult detected = evaluate(model, options);
        ReconstructionOptions same = options.reconstruction;
        const cv::Mat detectedMask = reconstruct(d.image, model, same).damageMask;
        const MaskAgreement expected = measureMaskAgreement(detectedMask, d.mask);
        QVERIFY(expected.iou > 0.0 && expected.iou < 1.0);  // a real, imperfect detection
        QCOMPARE(detected.rows.size(), std::size_t(2));
        for (const EvaluationRow& row : detected.rows) {
            QCOMPARE(row.metrics.at("mask_iou"), expected.iou);
            QCOMPARE(row.metrics.at("mask_precision"), expected.precision);
            QCOMPARE(row.metrics.at("mask_recall"), expected.recall);
            QCOMPARE(row.metrics.at("mask_detected_fraction"), expected.predictedFraction);
        }
        QCOMPARE(detected.aggregates.at("model").at("all").at("mask_recall").mean,
                 expected.recall);
        QVERIFY(QString::fromStdString(evaluationCsv(detected)).contains(QStringLiteral("mask_iou")));

        // The seed autoencoder in full mode needs no mask, so none is detected and there is
        // nothing to compare: the evaluation runs and says nothing about masks.
        const Model seed = Model::load(models / "seed-autoencoder.rwm");
        options.reconstruction.mode = ReconstructionMode::Full;
        const EvaluationResult full = evaluate(seed, options);
        QCOMPARE(full.cases, std::size_t(1));
        QVERIFY(!full.rows.front().metrics.count("mask_iou"));
    }

    void badSourcesAreRefused()
    {
        QCOMPARE(test::errorKindOf([] {
                     parseEvaluationSource("pairs:onlyone");
                 }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);
        QCOMPARE(test::errorKindOf([] {
                     parseEvaluationSource("folder:x");
                 }).value_or(ErrorKind::Missing),
                 ErrorKind::InvalidArgument);
        QCOMPARE(toString(parseEvaluationSource("pairs:a,b,c")), std::string("pairs:a,b,c"));
        QCOMPARE(toString(parseEvaluationSource("socofing:/d")), std::string("socofing:/d"));
    }
};

QTEST_GUILESS_MAIN(TstEvaluation)
#include "tst_evaluation.moc"
