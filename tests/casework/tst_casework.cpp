// Damage and reconstruction inside a case, and `verify`'s replay of them: bit for bit when
// nothing changed, named when an input, an output or the model did.
#include "SyntheticPrintFile.h"
#include "TestFiles.h"
#include "casework/CaseRecords.h"
#include "ridgeworks/casework/CaseDamage.h"
#include "ridgeworks/casework/CaseMetrics.h"
#include "ridgeworks/casework/CaseReconstruction.h"
#include "ridgeworks/casework/CaseReplay.h"
#include "ridgeworks/casework/CaseReport.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/metrics/PrintMetrics.h"
#include "ridgeworks/reconstruct/BlendedBaseline.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

namespace fs = std::filesystem;

namespace {

fs::path shippedModel(const char* name)
{
    return fs::path(RIDGEWORKS_TEST_MODELS_DIR) / (std::string(name) + ".rwm");
}

const rw::ReplayVerdict& verdictOf(const std::vector<rw::ReplayVerdict>& verdicts,
                                   const std::string& id)
{
    for (const rw::ReplayVerdict& v : verdicts)
        if (v.itemId == id)
            return v;
    throw std::runtime_error("no verdict for " + id);
}

}  // namespace

class TestCasework : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path m_print;
    fs::path m_model;  // a private copy of the shipped U-Net, so a test can change it

    // A case with E1, D1 = damage of E1, D2 = selective reconstruction of D1 with its mask.
    rw::Case makeCase(const QTemporaryDir& dir)
    {
        rw::Case c =
            rw::createCase(dir.filePath(QStringLiteral("case")).toStdString(), "A. Examiner");
        rw::importEvidence(c, m_print, {});
        rw::DamageSpec spec;
        spec.kind = rw::DamageKind::Obliteration;
        spec.level = rw::DamageLevel::Medium;
        spec.seed = 3;
        rw::damageInCase(c, "E1", spec, {});
        rw::CaseReconstructionRequest request;
        request.itemId = "D1";
        request.model = m_model;
        request.options.augmentations = 1;
        rw::reconstructInCase(c, request);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_print = m_dir.filePath(QStringLiteral("print.png")).toStdString();
        rw::test::writeSyntheticPrint(m_print, 128, 136, 21);
        m_model = m_dir.filePath(QStringLiteral("unet.rwm")).toStdString();
        fs::copy_file(shippedModel("unet-inpaint"), m_model);
    }

    void damageAndReconstructionAreRecorded()
    {
        QTemporaryDir dir;
        const rw::Case c = makeCase(dir);
        QCOMPARE(c.manifest.derived.size(), std::size_t(2));
        const rw::DerivedItem& damage = c.manifest.derived[0];
        QCOMPARE(damage.kind, std::string("damage"));
        QCOMPARE(damage.parents, std::vector<std::string>{"E1"});
        QCOMPARE(damage.parameters.at("seed"), std::string("3"));
        QCOMPARE(damage.parameters.at("level"), std::string("medium"));
        QCOMPARE(damage.files.size(), std::size_t(2));
        const rw::DerivedItem& rec = c.manifest.derived[1];
        QCOMPARE(rec.kind, std::string("reconstruction"));
        QCOMPARE(rec.parameters.at("maskFrom"), std::string("D1"));
        QCOMPARE(rec.parameters.at("mode"), std::string("selective"));
        QCOMPARE(rec.parameters.at("refinements"), std::string("0"));
        QCOMPARE(rec.modelSha256.size(), std::size_t(64));
        QCOMPARE(rec.files.size(), std::size_t(3));
        // Selective: outside the damage mask the reconstruction is the damaged print.
        const cv::Mat damaged = rw::loadPrint(c.folder / damage.files[0].path).pixels;
        const cv::Mat mask = rw::loadPrint(c.folder / damage.files[1].path).pixels;
        const cv::Mat result = rw::loadPrint(c.folder / rec.files[0].path).pixels;
        QCOMPARE(cv::countNonZero((damaged != result) & (mask == 0)), 0);
        QVERIFY(cv::countNonZero((damaged != result) & (mask != 0)) > 0);
        // The reopened case is sound.
        QVERIFY(rw::openCase(c.folder).problems.empty());
    }

    void replayReproducesBitForBit()
    {
        QTemporaryDir dir;
        const rw::Case c = rw::openCase(makeCase(dir).folder);
        const std::vector<rw::ReplayVerdict> verdicts = rw::replayDerivedItems(c);
        QCOMPARE(verdicts.size(), std::size_t(2));
        for (const rw::ReplayVerdict& v : verdicts) {
            QVERIFY(v.replayable);
            QVERIFY2(v.reproduced, v.detail.c_str());
        }
    }

    void recordedOptionsReadBackAndOlderRecordsMeanNoRefinementRegrowthOrReach()
    {
        rw::ReconstructionOptions options;
        options.featherPixels = 0;
        options.augmentations = 4;
        options.refinements = 2;
        options.regrowth = 0.3;
        options.settling = 3;
        options.ridgeReach = 2.5;
        options.turnBackRotation = false;
        options.slideBackFlaps = false;
        options.swapBackFlaps = false;
        rw::DerivedItem item;
        item.id = "D7";
        item.parameters = rw::casework::reconstructionParameters(options);
        const rw::ReconstructionOptions back = rw::casework::reconstructionOptionsFrom(item);
        QCOMPARE(back.featherPixels, 0);
        QCOMPARE(back.augmentations, 4);
        QCOMPARE(back.refinements, 2);
        QCOMPARE(back.regrowth, 0.3);
        QCOMPARE(back.settling, 3);
        QCOMPARE(back.ridgeReach, 2.5);
        QCOMPARE(back.turnBackRotation, false);
        QCOMPARE(back.slideBackFlaps, false);
        QCOMPARE(back.swapBackFlaps, false);
        options.turnBackRotation = true;
        options.slideBackFlaps = true;
        options.swapBackFlaps = true;
        item.parameters = rw::casework::reconstructionParameters(options);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).turnBackRotation, true);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).slideBackFlaps, true);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).swapBackFlaps, true);
        // A case recorded before refinement, regrowth, settling or the ridge reach existed ran
        // without them: its replay must too, whatever today's defaults are.
        item.parameters.erase("refinements");
        item.parameters.erase("regrowth");
        item.parameters.erase("settling");
        item.parameters.erase("ridgeReach");
        item.parameters.erase("turnBack");
        item.parameters.erase("slideBack");
        item.parameters.erase("swapBack");
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).refinements, 0);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).regrowth, 0.0);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).settling, 0);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).ridgeReach, 0.0);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).turnBackRotation, false);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).slideBackFlaps, false);
        QCOMPARE(rw::casework::reconstructionOptionsFrom(item).swapBackFlaps, false);
    }

    void theClassicalMethodIsRecordedReplayedAndReported()
    {
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        rw::CaseReconstructionRequest request;
        request.itemId = "D1";
        request.model = rw::kRidgeContinuationMethod;
        const rw::DerivedItem& rec = rw::reconstructInCase(c, request);
        QCOMPARE(rec.id, std::string("D3"));
        QCOMPARE(rec.parameters.at("model"), std::string("ridge-continuation"));
        QCOMPARE(rec.parameters.at("modelName"), std::string(rw::kRidgeContinuationTitle));
        QVERIFY(rec.modelSha256.empty());  // no file, nothing to hash
        // Not the U-Net's estimate (D2), and outside the mask the damaged print itself.
        const rw::DerivedItem& damage = c.manifest.derived[0];
        const cv::Mat damaged = rw::loadPrint(c.folder / damage.files[0].path).pixels;
        const cv::Mat mask = rw::loadPrint(c.folder / damage.files[1].path).pixels;
        const cv::Mat unet = rw::loadPrint(c.folder / c.manifest.derived[1].files[0].path).pixels;
        const cv::Mat classical = rw::loadPrint(c.folder / rec.files[0].path).pixels;
        QCOMPARE(cv::countNonZero((damaged != classical) & (mask == 0)), 0);
        QVERIFY(cv::countNonZero((unet != classical) & (mask != 0)) > 0);

        const rw::Case reopened = rw::openCase(c.folder);
        const std::vector<rw::ReplayVerdict> verdicts = rw::replayDerivedItems(reopened);
        QVERIFY(verdictOf(verdicts, "D3").replayable);
        QVERIFY2(verdictOf(verdicts, "D3").reproduced, verdictOf(verdicts, "D3").detail.c_str());
        const rw::CaseReportData report = rw::buildCaseReport(reopened, verdicts);
        bool listed = false;
        for (const rw::ReportModel& m : report.models)
            listed = listed || m.heading == rw::kRidgeContinuationTitle;
        QVERIFY(listed);
        QCOMPARE(report.models.size(), std::size_t(2));  // the U-Net's card and the method
    }

    void replayNamesAChangedInputOrModel()
    {
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        // A changed damaged print: its own replay still matches the record (made from E1), but
        // the reconstruction made from it no longer does.
        const fs::path damaged = c.folder / c.manifest.derived[0].files[0].path;
        fs::permissions(damaged, fs::perms::owner_write, fs::perm_options::add);
        cv::Mat pixels = rw::loadPrint(damaged).pixels;
        pixels.at<unsigned char>(60, 60) ^= 0x40;
        rw::saveImage(damaged, pixels, 500.0);
        const rw::Case changed = rw::openCase(c.folder);
        QVERIFY(!changed.problems.empty());
        std::vector<rw::ReplayVerdict> verdicts = rw::replayDerivedItems(changed);
        QVERIFY(verdictOf(verdicts, "D1").reproduced);
        QVERIFY(!verdictOf(verdicts, "D2").reproduced);
        QVERIFY2(verdictOf(verdicts, "D2").detail.find("reconstructed.png") != std::string::npos,
                 verdictOf(verdicts, "D2").detail.c_str());
        QVERIFY(verdictOf(verdicts, "D2").detail.find("made by Ridgeworks") == std::string::npos);
        // Made by another version: the verdict names both, since versions may compute
        // differently.
        rw::Case older = changed;
        for (rw::DerivedItem& item : older.manifest.derived)
            if (item.id == "D2")
                item.softwareVersion = "0.0.9";
        verdicts = rw::replayDerivedItems(older);
        QVERIFY2(verdictOf(verdicts, "D2")
                         .detail.find("made by Ridgeworks 0.0.9, replayed by " +
                                      std::string(RIDGEWORKS_VERSION)) != std::string::npos,
                 verdictOf(verdicts, "D2").detail.c_str());

        // A changed model file: the reconstruction cannot be re-run, and says why.
        QTemporaryDir other;
        const rw::Case second = makeCase(other);
        {
            std::ofstream append(m_model, std::ios::app | std::ios::binary);
            append << 'x';
        }
        verdicts = rw::replayDerivedItems(second);
        fs::remove(m_model);
        fs::copy_file(shippedModel("unet-inpaint"), m_model);
        QVERIFY(!verdictOf(verdicts, "D2").reproduced);
        QVERIFY2(verdictOf(verdicts, "D2").detail.find("model file has changed") !=
                     std::string::npos,
                 verdictOf(verdicts, "D2").detail.c_str());
    }

    void metricsAreRecordedAndReplayed()
    {
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        const rw::DerivedItem& metrics = rw::measureInCase(c, "D2", {});
        QCOMPARE(metrics.kind, std::string("metrics"));
        QCOMPARE(metrics.parents, std::vector<std::string>{"D2"});
        QCOMPARE(metrics.parameters.at("baselineFill"), std::string("as-reconstruction"));
        const std::vector<std::uint8_t> json =
            rw::test::readBytes(c.folder / metrics.files.at(0).path);
        const std::string text(json.begin(), json.end());
        QVERIFY(text.find("\"telea\"") != std::string::npos);
        QVERIFY(text.find("\"ridge-continuation\"") != std::string::npos);
        // The model, then every baseline; the model beats doing nothing on SSIM inside.
        const std::vector<rw::MethodMetrics> rows =
            rw::measureAgainstOriginal(c, c.manifest.derived[1]);
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(rows[1].method, std::string("identity"));
        QVERIFY(rows[0].ssimInside > rows[1].ssimInside);
        QVERIFY(verdictOf(rw::replayDerivedItems(c), "D3").reproduced);
        // Evidence has no clean original to be measured against.
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::measureInCase(c, "D1", {}));
    }

    // The baselines fill what the reconstruction filled, with its feather (as eval and the
    // Metrics dock do); items recorded before that replay by their own rule.
    void baselinesFillLikeTheReconstruction_data()
    {
        QTest::addColumn<bool>("detected");
        QTest::newRow("the damage's mask, feather 3") << false;
        QTest::newRow("the detector's mask") << true;
    }

    void baselinesFillLikeTheReconstruction()
    {
        QFETCH(bool, detected);
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        std::string measured = "D2";
        if (detected) {
            rw::CaseReconstructionRequest request;
            request.itemId = "D1";
            request.model = m_model;
            request.maskFrom = "detect";
            request.detector = shippedModel("damage-detector");
            request.options.augmentations = 1;
            measured = rw::reconstructInCase(c, request).id;
        }
        const rw::DerivedItem& rec = *rw::findDerivedItem(c, measured);
        const rw::DerivedItem& damage = c.manifest.derived[0];
        const cv::Mat clean = rw::loadPrint(m_print).pixels;
        const cv::Mat damaged = rw::loadPrint(c.folder / damage.files[0].path).pixels;
        const cv::Mat damageMask = rw::loadPrint(c.folder / damage.files[1].path).pixels;
        const cv::Mat filled =
            detected ? rw::loadPrint(c.folder / rec.files.at(3).path).pixels : damageMask;
        QVERIFY(cv::countNonZero(filled) > 0);
        QCOMPARE(rec.parameters.at("featherPixels"), std::string("3"));

        const auto teleaOf = [](const std::vector<rw::MethodMetrics>& rows) {
            for (const rw::MethodMetrics& r : rows)
                if (r.method == "telea")
                    return r;
            throw std::runtime_error("no telea row");
        };
        const rw::MethodMetrics now = teleaOf(rw::measureAgainstOriginal(c, rec));
        const auto expected = rw::flatten(rw::measurePrint(
            clean, rw::blendedBaseline(rw::Baseline::Telea, damaged, filled, 3), damageMask));
        QCOMPARE(now.ssimInside, expected.at("ssim_inside"));
        QCOMPARE(now.spuriousMinutiaeInside, expected.at("spurious_minutiae_inside"));
        const std::vector<rw::MethodMetrics> legacyRows =
            rw::measureAgainstOriginal(c, rec, rw::BaselineFill::DamageMaskUnblended);
        QCOMPARE(legacyRows.size(), std::size_t(4));
        // The old rule, row for row as items before 0.9.0 recorded it (so they still verify).
        const rw::Baseline legacyOrder[] = {rw::Baseline::Telea, rw::Baseline::NavierStokes,
                                            rw::Baseline::Identity};
        for (std::size_t i = 0; i < 3; ++i) {
            const auto legacy = rw::flatten(rw::measurePrint(
                clean, rw::applyBaseline(legacyOrder[i], damaged, damageMask), damageMask));
            const rw::MethodMetrics& row = legacyRows[i + 1];
            QCOMPARE(row.method, std::string(rw::toString(legacyOrder[i])));
            QCOMPARE(row.psnrInside, legacy.at("psnr_inside"));
            QCOMPARE(row.ssimInside, legacy.at("ssim_inside"));
            QCOMPARE(row.orientationDegInside, legacy.at("orientation_deg_inside"));
            QCOMPARE(row.spuriousMinutiaeInside, legacy.at("spurious_minutiae_inside"));
        }
        QVERIFY(teleaOf(legacyRows).ssimInside != now.ssimInside);

        // The recorded rule decides the replay: without it (as before 0.9.0) the same item
        // is measured the old way, which is not what was recorded here.
        const std::string metricsId = rw::measureInCase(c, measured, {}).id;
        QVERIFY(verdictOf(rw::replayDerivedItems(c), metricsId).reproduced);
        rw::Case older = c;
        for (rw::DerivedItem& item : older.manifest.derived)
            if (item.id == metricsId)
                item.parameters.erase("baselineFill");
        QVERIFY(!verdictOf(rw::replayDerivedItems(older), metricsId).reproduced);
        for (rw::DerivedItem& item : older.manifest.derived)
            if (item.id == metricsId)
                item.parameters["baselineFill"] = "something-later";
        const rw::ReplayVerdict unknown = verdictOf(rw::replayDerivedItems(older), metricsId);
        QVERIFY(!unknown.reproduced);
        QVERIFY2(unknown.detail.find("unknown baseline fill") != std::string::npos,
                 unknown.detail.c_str());
    }

    void badRequestsAreRefusedAndChangeNothing()
    {
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        rw::CaseReconstructionRequest request;
        request.itemId = "E9";
        request.model = m_model;
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::reconstructInCase(c, request));
        request.itemId = "E1";  // evidence has no mask: selective mode refuses
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::reconstructInCase(c, request));
        rw::DamageSpec mask;
        mask.kind = rw::DamageKind::Mask;
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::damageInCase(c, "E1", mask, {}));
        QCOMPARE(c.manifest.derived.size(), std::size_t(2));
        QVERIFY(rw::openCase(c.folder).problems.empty());
    }
};

QTEST_GUILESS_MAIN(TestCasework)
#include "tst_casework.moc"
