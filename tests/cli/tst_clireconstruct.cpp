// End-to-end tests of `ridgeworks-cli reconstruct`, `eval` and `bench --suite reconstruction`:
// the real binary on synthetic prints damaged by the damage command, with the shipped models.
#include "CliRun.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/reconstruct/Reconstruction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <QtTest>
#include <utility>

namespace {

using rw::test::runCli;

QString str(const char* text)
{
    return QString::fromLatin1(text);
}

QString model(const char* name)
{
    return QString::fromLatin1(RIDGEWORKS_TEST_MODELS_DIR) + QLatin1Char('/') +
           QString::fromLatin1(name) + str(".rwm");
}

cv::Mat gray(const QString& path)
{
    return rw::loadPrint(path.toStdString()).pixels;
}

}  // namespace

class TestCliReconstruct : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RIDGEWORKS_CLI")), "RIDGEWORKS_CLI not set");
        QVERIFY(runCli({str("synth"), str("-n"), str("2"), str("-s"), str("192"), str("--seed"),
                        str("31"), str("-o"), m_clean.path()})
                    .exitCode == 0);
        QVERIFY(
            runCli({str("damage"), str("--in"), m_clean.path(), str("--kind"), str("obliteration"),
                    str("--seed"), str("5"), str("--out"), m_damaged.path()})
                .exitCode == 0);
    }

    void selectiveWritesEveryOutputAndKeepsTheRestByteForByte()
    {
        QTemporaryDir out;
        const rw::test::CliRun run =
            runCli({str("reconstruct"), str("--model"), model("unet-inpaint"), str("--in"),
                    m_damaged.path(), str("--mask"), m_damaged.path(), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray files = QJsonDocument::fromJson(run.out).object()[str("files")].toArray();
        QCOMPARE(files.size(), 2);  // the masks next to the prints are not inputs
        for (const QJsonValue& value : files) {
            const QJsonObject f = value.toObject();
            const QString input = f[str("input")].toString();
            const cv::Mat damaged = gray(input);
            QString maskPath = input;
            maskPath.replace(str(".png"), str("_mask.png"));
            const cv::Mat mask = gray(maskPath);
            const cv::Mat result = gray(f[str("image")].toString());
            const cv::Mat changed = gray(f[str("changedMask")].toString());
            QCOMPARE(cv::countNonZero((result != damaged) & (mask == 0)), 0);
            QCOMPARE(cv::countNonZero(changed != (mask != 0)), 0);
            QVERIFY(cv::countNonZero((result != damaged) & mask) > 0);
            QVERIFY(QFile::exists(f[str("confidence")].toString()));
            QFile recordFile(f[str("record")].toString());
            QVERIFY(recordFile.open(QIODevice::ReadOnly));
            const QJsonObject record = QJsonDocument::fromJson(recordFile.readAll()).object();
            QCOMPARE(record[str("input")].toObject()[str("sha256")].toString(),
                     f[str("sha256")].toString());
            QCOMPARE(record[str("model")].toObject()[str("sha256")].toString().size(), 64);
            QCOMPARE(record[str("maskOrigin")].toString(), str("given"));
            QCOMPARE(record[str("options")].toObject()[str("regrowth")].toDouble(),
                     rw::ReconstructionOptions{}.regrowth);
            QCOMPARE(record[str("options")].toObject()[str("settling")].toInt(-1),
                     rw::ReconstructionOptions{}.settling);
            QCOMPARE(record[str("options")].toObject()[str("ridgeReach")].toDouble(-1.0), 0.0);
            QCOMPARE(record[str("options")].toObject()[str("turnBack")].toBool(false),
                     rw::ReconstructionOptions{}.turnBackRotation);
            QVERIFY(record.contains(str("turnedBack")));  // null unless a patch was turned back
            QCOMPARE(record[str("options")].toObject()[str("slideBack")].toBool(false),
                     rw::ReconstructionOptions{}.slideBackFlaps);
            QVERIFY(record.contains(str("slidBack")));  // null unless a z-cut's flaps were slid
            QCOMPARE(record[str("options")].toObject()[str("swapBack")].toBool(false),
                     rw::ReconstructionOptions{}.swapBackFlaps);
            QVERIFY(record.contains(str("swappedBack")));  // null unless flaps were swapped
            QVERIFY(record[str("note")].toString().contains(str("estimates")));
        }
    }

    void detectorMasksAndFullModeWork()
    {
        QTemporaryDir out;
        const QString input = QDir(m_damaged.path()).entryList({str("*obliteration.png")}).value(0);
        const rw::test::CliRun run = runCli(
            {str("reconstruct"), str("--model"), model("unet-inpaint"), str("--in"),
             m_damaged.filePath(input), str("--mask"), str("detect"), str("--detector"),
             model("damage-detector"), str("--threshold"), str("0.4"), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject f =
            QJsonDocument::fromJson(run.out).object()[str("files")].toArray()[0].toObject();
        QVERIFY(QFile::exists(f[str("damageMask")].toString()));
        QVERIFY(f[str("summary")].toString().contains(str("detected")));

        QTemporaryDir full;
        const rw::test::CliRun seed = runCli(
            {str("reconstruct"), str("--model"), model("seed-autoencoder"), str("--in"),
             m_damaged.filePath(input), str("--mode"), str("full"), str("--out"), full.path()});
        QCOMPARE(seed.exitCode, 0);
        const QJsonObject g =
            QJsonDocument::fromJson(seed.out).object()[str("files")].toArray()[0].toObject();
        const cv::Mat changed = gray(g[str("changedMask")].toString());
        QVERIFY(cv::countNonZero(changed) > int(changed.total()) / 2);
    }

    void theClassicalMethodNeedsNoModelFile()
    {
        QTemporaryDir out;
        const rw::test::CliRun run =
            runCli({str("reconstruct"), str("--model"), str("ridge-continuation"), str("--in"),
                    m_damaged.path(), str("--mask"), m_damaged.path(), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary[str("method")].toString(), str("ridge-continuation"));
        const QJsonArray files = summary[str("files")].toArray();
        QCOMPARE(files.size(), 2);
        for (const QJsonValue& value : files) {
            const QJsonObject f = value.toObject();
            QString maskPath = f[str("input")].toString();
            maskPath.replace(str(".png"), str("_mask.png"));
            const cv::Mat mask = gray(maskPath);
            const cv::Mat damaged = gray(f[str("input")].toString());
            const cv::Mat result = gray(f[str("image")].toString());
            QCOMPARE(cv::countNonZero((result != damaged) & (mask == 0)), 0);
            QVERIFY(cv::countNonZero((result != damaged) & mask) > 0);
            QVERIFY(f[str("summary")].toString().contains(str("no network")));
            QFile recordFile(f[str("record")].toString());
            QVERIFY(recordFile.open(QIODevice::ReadOnly));
            const QJsonObject record = QJsonDocument::fromJson(recordFile.readAll()).object();
            QCOMPARE(record[str("method")].toString(), str("ridge-continuation"));
            QVERIFY(record[str("model")].isNull());
        }
        // Full mode has nothing to continue: refused before any file is touched.
        QTemporaryDir refused;
        const rw::test::CliRun full =
            runCli({str("reconstruct"), str("--model"), str("ridge-continuation"), str("--in"),
                    m_damaged.path(), str("--mode"), str("full"), str("--out"),
                    refused.filePath(str("out"))});
        QVERIFY(full.exitCode != 0);
        QVERIFY2(full.err.contains("selective"), full.err.constData());
        QVERIFY(!QDir(refused.filePath(str("out"))).exists());
        // Nor options that only a network has: running it again, regrowing or settling ridges
        // along its estimate.
        const std::pair<const char*, const char*> networkOnly[] = {
            {"--refine", "1"},     {"--regrow", "0.5"},    {"--settle", "1"},
            {"--turn-back", "on"}, {"--slide-back", "on"}, {"--swap-back", "on"}};
        for (const auto& [option, value] : networkOnly) {
            const rw::test::CliRun run =
                runCli({str("reconstruct"), str("--model"), str("ridge-continuation"), str("--in"),
                        m_damaged.path(), str("--mask"), m_damaged.path(), str(option), str(value),
                        str("--out"), refused.filePath(str("out"))});
            QVERIFY2(run.exitCode != 0, option);
            QVERIFY2(run.err.contains(QByteArray(option).mid(2)), run.err.constData());
            QVERIFY(!QDir(refused.filePath(str("out"))).exists());
        }
        // The ridge reach limits what is drawn inside the mask: full mode has none.
        const rw::test::CliRun reach =
            runCli({str("reconstruct"), str("--model"), model("seed-autoencoder"), str("--in"),
                    m_damaged.path(), str("--mode"), str("full"), str("--reach"), str("2"),
                    str("--out"), refused.filePath(str("out"))});
        QVERIFY(reach.exitCode != 0);
        QVERIFY2(reach.err.contains("--reach") && reach.err.contains("selective"),
                 reach.err.constData());
        QVERIFY(!QDir(refused.filePath(str("out"))).exists());
    }

    // An installed workbench's user does not know where the package put the models: the
    // shipped ones are found by name (here, from the build tree: the source tree's models).
    void shippedModelsAreFoundByName()
    {
        QTemporaryDir out;
        const QString input = QDir(m_damaged.path()).entryList({str("*obliteration.png")}).value(0);
        const rw::test::CliRun run =
            runCli({str("reconstruct"), str("--model"), str("unet-inpaint"), str("--in"),
                    m_damaged.filePath(input), str("--mask"), str("detect"), str("--detector"),
                    str("damage-detector"), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QFile shipped(model("unet-inpaint"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QCOMPARE(
            summary[str("modelSha256")].toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(shipped.readAll(), QCryptographicHash::Sha256).toHex()));
        QVERIFY(summary[str("model")].toString().endsWith(str("/unet-inpaint.rwm")));

        // A name that is no shipped model is reported as the missing file it names.
        const rw::test::CliRun unknown =
            runCli({str("reconstruct"), str("--model"), str("unet-inpaint-v9"), str("--in"),
                    m_damaged.filePath(input), str("--out"), out.path()});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("unet-inpaint-v9"));
    }

    // `models` tells lab IT what an installation holds; a bad checkpoint makes it fail.
    void modelsListsTheShippedModelsAndNamesBadOnes()
    {
        rw::test::CliRun run = runCli({str("models")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject listing = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(listing[str("shippedDir")].toString(),
                 QString::fromLatin1(RIDGEWORKS_TEST_MODELS_DIR));
        QStringList names;
        for (const QJsonValue& m : listing[str("models")].toArray()) {
            QVERIFY(m.toObject()[str("shipped")].toBool());
            names << m.toObject()[str("name")].toString();
            if (names.last() == str("unet-inpaint")) {
                QFile shipped(model("unet-inpaint"));
                QVERIFY(shipped.open(QIODevice::ReadOnly));
                QCOMPARE(m.toObject()[str("fileSha256")].toString(),
                         QString::fromLatin1(
                             QCryptographicHash::hash(shipped.readAll(), QCryptographicHash::Sha256)
                                 .toHex()));
                QCOMPARE(m.toObject()[str("architecture")].toString(), str("unet-inpaint"));
            }
        }
        QCOMPARE(names, (QStringList{str("damage-detector"), str("seed-autoencoder"),
                                     str("unet-inpaint")}));
        // The classical method is listed apart: --model takes its name, and it has no file.
        const QJsonArray methods = listing[str("methods")].toArray();
        QCOMPARE(methods.size(), 1);
        QCOMPARE(methods[0].toObject()[str("name")].toString(), str("ridge-continuation"));
        QVERIFY(!methods[0].toObject()[str("network")].toBool());

        QTemporaryDir folder;
        QFile bad(folder.filePath(str("truncated.rwm")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("RWM");
        bad.close();
        run = runCli({str("models"), str("--dir"), folder.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("truncated.rwm"));
        listing = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(listing[str("unreadable")].toArray().size(), 1);
        QCOMPARE(listing[str("models")].toArray().size(), 3);
    }

    void badInputsAreNamed()
    {
        QTemporaryDir out;
        QFile bogus(out.filePath(str("bogus.rwm")));
        QVERIFY(bogus.open(QIODevice::WriteOnly));
        bogus.write("not a model");
        bogus.close();
        rw::test::CliRun run =
            runCli({str("reconstruct"), str("--model"), bogus.fileName(), str("--in"),
                    m_damaged.path(), str("--mask"), m_damaged.path(), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("bogus.rwm"));
        // Selective without a mask or detector: refused with the reason, per print.
        run = runCli({str("reconstruct"), str("--model"), model("unet-inpaint"), str("--in"),
                      m_clean.path(), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("needs a damage mask"));
        run = runCli({str("reconstruct"), str("--model"), model("unet-inpaint"), str("--in"),
                      out.filePath(str("missing")), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("missing"));
    }

    void evalReportsModelAndBaselinesPerKindAndLevel()
    {
        QTemporaryDir out;
        const QString json = out.filePath(str("eval.json"));
        const QString csv = out.filePath(str("eval.csv"));
        const QString montage = out.filePath(str("eval.png"));
        const rw::test::CliRun run =
            runCli({str("eval"), str("--model"), model("unet-inpaint"), str("--data"),
                    str("synthetic"), str("--per-cell"), str("1"), str("--augment"), str("1"),
                    str("--json"), json, str("--csv"), csv, str("--montage"), montage});
        QCOMPARE(run.exitCode, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject result = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(result[str("cases")].toInt(), 9);            // 3 kinds × 3 levels
        QVERIFY(result[str("baselinesFeathered")].toBool());  // selective, default feather 3
        const QJsonObject aggregates = result[str("aggregates")].toObject();
        for (const char* method :
             {"model", "identity", "telea", "navier-stokes", "ridge-continuation"}) {
            const QJsonObject groups = aggregates[str(method)].toObject();
            QVERIFY2(groups.contains(str("all")), method);
            QVERIFY(groups.contains(str("rotation/hard")));
            const QJsonObject psnr = groups[str("all")].toObject()[str("psnr_inside")].toObject();
            QCOMPARE(psnr[str("n")].toInt(), 9);
            QVERIFY(psnr[str("low")].toDouble() <= psnr[str("mean")].toDouble());
            QVERIFY(psnr[str("mean")].toDouble() <= psnr[str("high")].toDouble());
        }
        // Identity leaves the outside untouched, like every method: outside PSNR is the cap.
        QCOMPARE(aggregates[str("identity")]
                     .toObject()[str("all")]
                     .toObject()[str("psnr_outside")]
                     .toObject()[str("mean")]
                     .toDouble(),
                 100.0);
        QFile lines(csv);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        QCOMPARE(lines.readAll().count('\n'), 1 + 9 * 5);
        QVERIFY(QFile(montage).size() > 1000);

        const rw::test::CliRun bad =
            runCli({str("eval"), str("--model"), model("unet-inpaint"), str("--data"),
                    str("pairs:/nowhere,/none"), str("--json"), json});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("/nowhere"));
    }

    void benchTimesTheReconstructionSuite()
    {
        const rw::test::CliRun run =
            runCli({str("bench"), str("--suite"), str("reconstruction"), str("--folder-prints"),
                    str("5"), str("--seed-model"), model("seed-autoencoder"), str("--unet-model"),
                    model("unet-inpaint")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QVERIFY(result[str("seedAutoencoder100Ms")].toDouble() > 0.0);
        QVERIFY(result[str("unetInpaint512SelectiveMs")].toDouble() > 0.0);
        QCOMPARE(result[str("folder")].toObject()[str("prints")].toInt(), 5);
    }

private:
    QTemporaryDir m_clean;
    QTemporaryDir m_damaged;
};

QTEST_GUILESS_MAIN(TestCliReconstruct)
#include "tst_clireconstruct.moc"
