// reconstructFiles over a folder: every print's files written, results in input order, a bad
// file reported by name without stopping the batch, and a cancel that keeps what was already
// finished.
#include "CachedSyntheticPrint.h"
#include "ErrorKindOf.h"
#include "FineRidgedZPlasty.h"

#include <ridgeworks/common/Error.h>
#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/model/Model.h>
#include <ridgeworks/reconstruct/BatchReconstruction.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace rw;
namespace fs = std::filesystem;

namespace {

const Model& seedAutoencoder()
{
    static const Model model =
        Model::load(fs::path(RIDGEWORKS_TEST_MODELS_DIR) / "seed-autoencoder.rwm");
    return model;
}

const Model& inpaintingModel()
{
    static const Model model =
        Model::load(fs::path(RIDGEWORKS_TEST_MODELS_DIR) / "unet-inpaint.rwm");
    return model;
}

fs::path pathOf(const QTemporaryDir& dir, const char* name)
{
    return fs::path(dir.path().toStdString()) / name;
}

// Six small prints, "print-0.png" to "print-5.png", and a PNG-named text file between them.
std::vector<ReconstructionInput> folderWithOneBadFile(const QTemporaryDir& dir)
{
    std::vector<ReconstructionInput> inputs;
    for (int i = 0; i < 6; ++i) {
        const fs::path file = pathOf(dir, ("print-" + std::to_string(i) + ".png").c_str());
        saveImage(file, test::cachedSyntheticPrint(20 + i, 96, 104).image, 500.0);
        inputs.push_back({file, {}, {}});
        if (i == 2) {
            const fs::path bad = pathOf(dir, "broken.png");
            std::ofstream(bad) << "not an image";
            inputs.push_back({bad, {}, {}});
        }
    }
    return inputs;
}

}  // namespace

class TestBatchReconstruction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyPrintIsWrittenInOrderAndABadFileIsNamed()
    {
        QTemporaryDir in, out;
        const std::vector<ReconstructionInput> inputs = folderWithOneBadFile(in);
        ReconstructionOptions options;
        options.mode = ReconstructionMode::Full;
        std::vector<std::size_t> steps;
        const ReconstructionBatchResult batch =
            reconstructFiles(inputs, seedAutoencoder(), options, {}, out.path().toStdString(),
                             [&](const ProgressEvent& e) { steps.push_back(e.step); });
        QCOMPARE(batch.files.size(), inputs.size());
        QCOMPARE(batch.failed, std::size_t{1});
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const ReconstructionFileResult& file = batch.files[i];
            QCOMPARE(file.input, inputs[i].image);
            if (inputs[i].image.filename() == "broken.png") {
                QVERIFY(!file.ok);
                QVERIFY(file.error.find("broken.png") != std::string::npos);
                continue;
            }
            QVERIFY2(file.ok, file.error.c_str());
            for (const fs::path& written :
                 {file.image, file.changedMask, file.confidence, file.record})
                QVERIFY2(fs::file_size(written) > 0, written.c_str());
            QCOMPARE(file.inputSha256.size(), std::size_t{64});
        }
        // Progress counts up once per file, in order.
        QCOMPARE(steps.size(), inputs.size());
        for (std::size_t i = 0; i < steps.size(); ++i)
            QCOMPARE(steps[i], i + 1);
    }

    // The record says how a Z-plasty's swap was judged: by the rim correlation alone (flow
    // null), or, where that was faint, confirmed by the ridge flow (tst_reconstruction has the
    // same print).
    void aSwapsRecordSaysWhatConfirmedIt()
    {
        QTemporaryDir in, out;
        const test::FineRidgedZPlasty z = test::fineRidgedZPlasty();
        const DamagedPrint& d = z.damaged;
        const fs::path image = pathOf(in, "zplasty.png"), mask = pathOf(in, "zplasty_mask.png");
        saveImage(image, d.image, z.ppi);
        saveImage(mask, d.mask, z.ppi);
        const ReconstructionBatchResult batch = reconstructFiles(
            {{image, mask, {}}}, inpaintingModel(), {}, {}, out.path().toStdString());
        QCOMPARE(batch.failed, std::size_t{0});
        QFile recordFile(QString::fromStdString(batch.files[0].record.string()));
        QVERIFY(recordFile.open(QIODevice::ReadOnly));
        const QJsonObject swap = QJsonDocument::fromJson(recordFile.readAll())
                                     .object()[QStringLiteral("swappedBack")]
                                     .toObject();
        QVERIFY2(!swap.isEmpty(), batch.files[0].summary.c_str());
        QVERIFY(swap[QStringLiteral("rimAgreement")].toDouble(1.0) < 0.4);
        QVERIFY(swap[QStringLiteral("flowAgreement")].toDouble(-2.0) >= 0.6);
        QCOMPARE(swap[QStringLiteral("flaps")].toArray().size(), 2);
        QVERIFY(swap[QStringLiteral("restoredFraction")].toDouble() > 0.3);
    }

    void aCancelKeepsTheFinishedPrints()
    {
        QTemporaryDir in, out;
        const std::vector<ReconstructionInput> inputs = folderWithOneBadFile(in);
        ReconstructionOptions options;
        options.mode = ReconstructionMode::Full;
        CancelToken cancel;
        std::size_t reported = 0;
        const auto kind = test::errorKindOf([&] {
            reconstructFiles(
                inputs, seedAutoencoder(), options, {}, out.path().toStdString(),
                [&](const ProgressEvent& e) {
                    reported = e.step;
                    if (e.step == 2)
                        cancel.cancel();
                },
                cancel);
        });
        QCOMPARE(kind.value_or(ErrorKind::Missing), ErrorKind::Cancelled);
        // The two reported prints are complete on disk; nothing after the cancel was started.
        for (const char* stem : {"print-0", "print-1"})
            QVERIFY2(fs::exists(pathOf(out, (std::string(stem) + ".reconstruction.json").c_str())),
                     stem);
        QVERIFY(!fs::exists(pathOf(out, "print-2.reconstructed.png")));
        QVERIFY(!fs::exists(pathOf(out, "print-2.reconstruction.json")));
        QCOMPARE(reported, std::size_t{2});
    }
};

QTEST_GUILESS_MAIN(TestBatchReconstruction)
#include "tst_batchreconstruction.moc"
