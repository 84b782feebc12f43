// End-to-end tests of ridgeworks-cli: run the real binary, check the files and JSON it makes.
#include "CliRun.h"
#include "TestFiles.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"

#include <opencv2/imgcodecs.hpp>

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

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RIDGEWORKS_CLI")), "RIDGEWORKS_CLI not set");
    }

    void versionIsPrinted()
    {
        const Run run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("ridgeworks-cli "));
    }
    void usageErrorsExitWithTwo()
    {
        for (const QStringList& bad :
             {QStringList{}, QStringList{QStringLiteral("bogus")},
              QStringList{QStringLiteral("synth")},
              QStringList{QStringLiteral("synth"), QStringLiteral("--count"), QStringLiteral("x"),
                          QStringLiteral("--out"), QStringLiteral("y")}}) {
            const Run run = runCli(bad);
            QVERIFY2(run.exitCode == 2,
                     qPrintable(bad.join(u' ') + u" -> " + QString::number(run.exitCode)));
            QVERIFY(!run.err.isEmpty());
        }
        QCOMPARE(runCli({QStringLiteral("--help")}).exitCode, 0);
    }
    void synthWritesDeterministicPrints()
    {
        QTemporaryDir a, b;
        const QStringList common{QStringLiteral("synth"),   QStringLiteral("--count"),
                                 QStringLiteral("3"),       QStringLiteral("--size"),
                                 QStringLiteral("160x128"), QStringLiteral("--seed"),
                                 QStringLiteral("11"),      QStringLiteral("--class"),
                                 QStringLiteral("whorl"),   QStringLiteral("--out")};
        const Run first = runCli(common + QStringList{a.path()});
        QCOMPARE(first.exitCode, 0);
        QVERIFY(runCli(common + QStringList{b.path()}).exitCode == 0);

        const QJsonObject summary = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 3);
        const QJsonArray files = summary.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 3);
        const QStringList names =
            QDir(a.path()).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(names, (QStringList{QStringLiteral("synth-whorl-seed11.png"),
                                     QStringLiteral("synth-whorl-seed12.png"),
                                     QStringLiteral("synth-whorl-seed13.png")}));
        for (const QString& name : names) {
            const std::filesystem::path pa = QDir(a.path()).filePath(name).toStdString();
            const std::filesystem::path pb = QDir(b.path()).filePath(name).toStdString();
            QCOMPARE(rw::sha256OfFile(pa), rw::sha256OfFile(pb));  // same seed, same bytes
            const rw::Print print = rw::loadPrint(pa);
            QCOMPARE(print.width(), 160);
            QCOMPARE(print.height(), 128);
            QVERIFY(print.ppiFromFile);
            QVERIFY(std::abs(print.ppi - 500.0) < 0.01);
        }
        QVERIFY(rw::sha256OfFile(QDir(a.path()).filePath(names[0]).toStdString()) !=
                rw::sha256OfFile(QDir(a.path()).filePath(names[1]).toStdString()));
    }
    void synthRefusesBadArguments()
    {
        QTemporaryDir dir;
        for (const QStringList& bad :
             {QStringList{QStringLiteral("--size"), QStringLiteral("50")},
              QStringList{QStringLiteral("--class"), QStringLiteral("spiral")},
              QStringList{QStringLiteral("--size"), QStringLiteral("abc")},
              QStringList{QStringLiteral("--count"), QStringLiteral("0")}}) {
            const Run run = runCli(
                QStringList{QStringLiteral("synth"), QStringLiteral("--out"), dir.path()} + bad);
            QVERIFY2(run.exitCode != 0, qPrintable(bad.join(u' ')));
            QVERIFY2(!run.err.isEmpty(), qPrintable(bad.join(u' ')));
        }
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.png")}).isEmpty());
    }
    void infoDescribesAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("print.png"));
        const cv::Rect region(30, 20, 90, 110);
        QVERIFY(cv::imwrite(path.toStdString(), rw::test::stripedRegion({150, 160}, region)));
        const Run run = runCli({QStringLiteral("info"), path});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(info.value(QStringLiteral("width")).toInt(), 150);
        QCOMPARE(info.value(QStringLiteral("height")).toInt(), 160);
        QCOMPARE(info.value(QStringLiteral("bitDepth")).toInt(), 8);
        QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("png"));
        QCOMPARE(info.value(QStringLiteral("sha256")).toString().toStdString(),
                 rw::sha256OfFile(path.toStdString()));
        QCOMPARE(info.value(QStringLiteral("ppiSource")).toString(), QStringLiteral("default"));
        const QJsonObject box = info.value(QStringLiteral("foregroundBox")).toObject();
        const cv::Rect found(box.value(QStringLiteral("x")).toInt(),
                             box.value(QStringLiteral("y")).toInt(),
                             box.value(QStringLiteral("width")).toInt(),
                             box.value(QStringLiteral("height")).toInt());
        QVERIFY(double((found & region).area()) / double((found | region).area()) > 0.8);
    }
    void infoNamesABadFileAndGoesOn()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.png"));
        const QString bad = dir.filePath(QStringLiteral("bad.png"));
        QVERIFY(cv::imwrite(good.toStdString(), cv::Mat(20, 20, CV_8UC1, cv::Scalar(9))));
        rw::test::writeBytes(bad.toStdString(), {'n', 'o', 'p', 'e'});
        const Run run = runCli({QStringLiteral("info"), bad, good});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(bad.toUtf8()));
        QVERIFY(run.err.contains("not a supported image"));
        const QJsonArray results = QJsonDocument::fromJson(run.out).isArray()
                                       ? QJsonDocument::fromJson(run.out).array()
                                       : QJsonArray{QJsonDocument::fromJson(run.out).object()};
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].toObject().value(QStringLiteral("path")).toString(), good);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
