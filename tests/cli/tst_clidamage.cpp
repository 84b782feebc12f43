// End-to-end tests of `ridgeworks-cli damage`: run the real binary on synthetic prints, check
// the PNGs and the JSON summary, folder seeds, custom parameters, masks and refusals.
#include "CliRun.h"
#include "TestFiles.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"

#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = rw::test::CliRun;
using rw::test::runCli;

QString str(const char* text)
{
    return QString::fromLatin1(text);
}

}  // namespace

class TestCliDamage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RIDGEWORKS_CLI")), "RIDGEWORKS_CLI not set");
        QVERIFY(m_prints.isValid());
        // Two prints in a folder, one of them in a sub-folder.
        QVERIFY(runCli({str("synth"), str("-n"), str("2"), str("-s"), str("160"), str("--seed"),
                        str("21"), str("-o"), m_prints.path()})
                    .exitCode == 0);
        QVERIFY(QDir(m_prints.path()).mkdir(str("sub")));
        m_second = QDir(m_prints.path()).entryList({str("*seed22.png")}).value(0);
        QVERIFY(!m_second.isEmpty());
        QVERIFY(
            QFile::rename(m_prints.filePath(m_second), m_prints.filePath(str("sub/") + m_second)));
        m_single = QDir(m_prints.path()).entryList({str("*seed21.png")}).value(0);
        QVERIFY(!m_single.isEmpty());
        m_single = m_prints.filePath(m_single);
    }

    void singleFileWritesImageMaskAndSummary()
    {
        QTemporaryDir out;
        const Run run = runCli({str("damage"), str("--in"), m_single, str("--kind"),
                                str("rotation"), str("--level"), str("hard"), str("--seed"),
                                str("9"), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        const QJsonArray files = summary.value(str("files")).toArray();
        QCOMPARE(files.size(), 1);
        const QJsonObject f = files[0].toObject();
        QCOMPARE(f.value(str("input")).toString(), m_single);
        QCOMPARE(f.value(str("sha256")).toString().toStdString(),
                 rw::sha256OfFile(m_single.toStdString()));
        QCOMPARE(f.value(str("kind")).toString(), str("rotation"));
        QCOMPARE(f.value(str("level")).toString(), str("hard"));
        QCOMPARE(f.value(str("seed")).toInt(), 9);
        const double angle =
            f.value(str("parameters")).toObject().value(str("angleDeg")).toDouble();
        QVERIFY(std::abs(angle) >= 40.0 && std::abs(angle) <= 70.0);
        const double fraction = f.value(str("damagedFraction")).toDouble();
        QVERIFY(fraction > 0.23 && fraction < 0.27);

        const QString stem = QFileInfo(m_single).completeBaseName();
        const std::string image = out.filePath(stem + str("_rotation.png")).toStdString();
        const std::string mask = out.filePath(stem + str("_rotation_mask.png")).toStdString();
        QCOMPARE(
            QString::fromStdString(
                f.value(str("outputs")).toObject().value(str("image")).toString().toStdString()),
            QString::fromStdString(image));
        const rw::Print original = rw::loadPrint(m_single.toStdString());
        const rw::Print damaged = rw::loadPrint(image);
        const rw::Print damageMask = rw::loadPrint(mask);
        QVERIFY(damaged.ppiFromFile && std::abs(damaged.ppi - 500.0) < 0.01);
        QCOMPARE(damaged.pixels.size(), original.pixels.size());
        // Lossless: outside the written mask the written image is the original, bit for bit.
        QCOMPARE(cv::countNonZero((damaged.pixels != original.pixels) & (damageMask.pixels == 0)),
                 0);
        QVERIFY(cv::countNonZero(damageMask.pixels) > 0);

        // Same seed, same bytes.
        QTemporaryDir again;
        QCOMPARE(runCli({str("damage"), str("--in"), m_single, str("--kind"), str("rotation"),
                         str("--level"), str("hard"), str("--seed"), str("9"), str("--out"),
                         again.path()})
                     .exitCode,
                 0);
        QCOMPARE(rw::sha256OfFile(image),
                 rw::sha256OfFile(again.filePath(stem + str("_rotation.png")).toStdString()));
    }

    void folderUsesSeedPlusIndexAndMirrorsSubfolders()
    {
        QTemporaryDir out;
        const Run run = runCli({str("damage"), str("--in"), m_prints.path(), str("--kind"),
                                str("zcut"), str("--level"), str("easy"), str("--seed"), str("100"),
                                str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray files =
            QJsonDocument::fromJson(run.out).object().value(str("files")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].toObject().value(str("seed")).toInt(), 100);
        QCOMPARE(files[1].toObject().value(str("seed")).toInt(), 101);
        for (const auto& entry : files) {
            const QJsonObject outputs = entry.toObject().value(str("outputs")).toObject();
            QVERIFY(QFile::exists(outputs.value(str("image")).toString()));
            QVERIFY(QFile::exists(outputs.value(str("mask")).toString()));
        }
        const QString secondStem = QFileInfo(m_second).completeBaseName();
        QVERIFY(QFile::exists(out.filePath(str("sub/") + secondStem + str("_zcut.png"))));
        QVERIFY(QFile::exists(out.filePath(str("sub/") + secondStem + str("_zcut_mask.png"))));
    }

    void customParametersAreUsedAndChecked()
    {
        QTemporaryDir out;
        const Run run =
            runCli({str("damage"), str("--in"), m_single, str("--kind"), str("obliteration"),
                    str("--level"), str("custom"), str("--param"), str("areaFraction=0.3"),
                    str("--param"), str("blobs=4"), str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject f =
            QJsonDocument::fromJson(run.out).object().value(str("files")).toArray()[0].toObject();
        QCOMPARE(f.value(str("parameters")).toObject().value(str("blobs")).toDouble(), 4.0);
        QVERIFY(std::abs(f.value(str("damagedFraction")).toDouble() - 0.3) < 0.02);

        const Run bad = runCli({str("damage"), str("--in"), m_single, str("--kind"),
                                str("obliteration"), str("--level"), str("custom"), str("--param"),
                                str("areaFraction=-0.3"), str("--out"), out.path()});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("areaFraction"), bad.err.constData());
    }

    void maskKindBlanksTheGivenMask()
    {
        QTemporaryDir out;
        const rw::Print print = rw::loadPrint(m_single.toStdString());
        cv::Mat mask = cv::Mat::zeros(print.pixels.size(), CV_8UC1);
        cv::circle(mask, {80, 80}, 25, cv::Scalar(255), cv::FILLED);
        const QString maskPath = out.filePath(str("examiner.png"));
        rw::saveImage(maskPath.toStdString(), mask, 500.0);
        const Run run = runCli({str("damage"), str("--in"), m_single, str("--kind"), str("mask"),
                                str("--mask"), maskPath, str("--out"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QString stem = QFileInfo(m_single).completeBaseName();
        const rw::Print written =
            rw::loadPrint(out.filePath(stem + str("_mask_mask.png")).toStdString());
        QCOMPARE(cv::countNonZero(written.pixels & ~mask), 0);
        QVERIFY(cv::countNonZero(written.pixels) > 0.8 * cv::countNonZero(mask));

        // Wrong size: reported, exit code 1.
        const QString small = out.filePath(str("small.png"));
        rw::saveImage(small.toStdString(), cv::Mat::ones(20, 20, CV_8UC1), 500.0);
        const Run wrong = runCli({str("damage"), str("--in"), m_single, str("--kind"), str("mask"),
                                  str("--mask"), small, str("--out"), out.path()});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.err.contains("small.png"));
    }

    void badFilesAreReportedAndSkipped()
    {
        QTemporaryDir in, out;
        QVERIFY(QFile::copy(m_single, in.filePath(str("a.png"))));
        rw::test::writeBytes(in.filePath(str("b.png")).toStdString(), {'n', 'o', 'p', 'e'});
        const Run run = runCli({str("damage"), str("--in"), in.path(), str("--kind"), str("blur"),
                                str("--out"), out.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("b.png"));
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary.value(str("files")).toArray().size(), 1);
        QCOMPARE(summary.value(str("failed")).toArray().size(), 1);
        QVERIFY(QFile::exists(out.filePath(str("a_blur.png"))));
    }

    void badArgumentsAreRefused()
    {
        QTemporaryDir out;
        for (const QStringList& bad :
             {QStringList{str("--kind"), str("melt")},
              QStringList{str("--kind"), str("blur"), str("--level"), str("extreme")},
              QStringList{str("--kind"), str("mask")},
              QStringList{str("--kind"), str("blur"), str("--param"), str("sigmaMinPx=1")},
              QStringList{str("--kind"), str("blur"), str("--level"), str("custom"), str("--param"),
                          str("sigma")}}) {
            const Run run = runCli(
                QStringList{str("damage"), str("--in"), m_single, str("--out"), out.path()} + bad);
            QVERIFY2(run.exitCode == 1, qPrintable(bad.join(u' ')));
            QVERIFY2(!run.err.isEmpty(), qPrintable(bad.join(u' ')));
        }
        QVERIFY(QDir(out.path()).entryList({str("*.png")}).isEmpty());
    }

private:
    QTemporaryDir m_prints;
    QString m_single;  // full path of the seed-21 print
    QString m_second;  // file name of the seed-22 print, moved into sub/
};

QTEST_GUILESS_MAIN(TestCliDamage)
#include "tst_clidamage.moc"
