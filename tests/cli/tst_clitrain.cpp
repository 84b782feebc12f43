// ridgeworks-cli train / model-card / bench end to end: real processes, real files.
#include "CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using rw::test::runCli;

namespace {

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            lines.append(doc.object());
    }
    return lines;
}

}  // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_prints;

    QStringList tinyTrain(const QString& out, int epochs) const
    {
        return {QStringLiteral("train"),
                QStringLiteral("--data"),
                QStringLiteral("folder:") + m_prints,
                QStringLiteral("--epochs"),
                QString::number(epochs),
                QStringLiteral("--batch"),
                QStringLiteral("4"),
                QStringLiteral("--seed"),
                QStringLiteral("3"),
                QStringLiteral("--out"),
                out,
                QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_prints = m_dir.filePath(QStringLiteral("prints"));
        const auto run = runCli({QStringLiteral("synth"), QStringLiteral("--count"),
                                 QStringLiteral("10"), QStringLiteral("--size"),
                                 QStringLiteral("128x144"), QStringLiteral("--out"), m_prints});
        QCOMPARE(run.exitCode, 0);
    }

    void trainsWritesCheckpointAndReportsJsonLines()
    {
        const QString out = m_dir.filePath(QStringLiteral("m.rwm"));
        const auto run = runCli(tinyTrain(out, 2));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto lines = jsonLines(run.out);
        int batches = 0, epochs = 0;
        for (const QJsonObject& line : lines) {
            const QString event = line.value(QStringLiteral("event")).toString();
            batches += event == QLatin1String("batch");
            if (event == QLatin1String("epoch")) {
                ++epochs;
                QVERIFY(line.value(QStringLiteral("validationPsnr")).toDouble() > 3.0);
                QVERIFY(line.contains(QStringLiteral("validationSsim")));
            }
        }
        QVERIFY(batches >= 2);
        QCOMPARE(epochs, 2);
        const QJsonObject done = lines.last();
        QCOMPARE(done.value(QStringLiteral("event")).toString(), QStringLiteral("done"));
        QCOMPARE(done.value(QStringLiteral("epochsCompleted")).toInt(), 2);
        QCOMPARE(done.value(QStringLiteral("checkpoint")).toString(), out);
        QVERIFY(QFileInfo::exists(out));

        const auto card = runCli({QStringLiteral("model-card"), out});
        QCOMPARE(card.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(card.out).object();
        QCOMPARE(json.value(QStringLiteral("architecture")).toString(),
                 QStringLiteral("seed-autoencoder"));
        QCOMPARE(json.value(QStringLiteral("results"))
                     .toObject()
                     .value(QStringLiteral("epochsCompleted"))
                     .toInt(),
                 2);
        QVERIFY(json.value(QStringLiteral("training"))
                    .toObject()
                    .value(QStringLiteral("commandLine"))
                    .toString()
                    .contains(QStringLiteral("--epochs 2")));
        QCOMPARE(json.value(QStringLiteral("fileSha256")).toString().size(), 64);

        // Resume to 3 epochs continues the same file.
        QStringList resume = tinyTrain(out, 3);
        resume << QStringLiteral("--resume") << out;
        const auto resumed = runCli(resume);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QCOMPARE(jsonLines(resumed.out).last().value(QStringLiteral("epochsCompleted")).toInt(), 3);
        QCOMPARE(jsonLines(resumed.out).last().value(QStringLiteral("epochsRun")).toInt(), 1);
    }

    void failuresExitNonZeroNamingTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        const QString missing = QStringLiteral("/nonexistent/ridgeworks-prints");
        QTest::newRow("missing folder")
            << QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                           QStringLiteral("folder:") + missing, QStringLiteral("--out"),
                           QStringLiteral("/tmp/never.rwm")}
            << missing;
        QTest::newRow("unknown model")
            << QStringList{QStringLiteral("train"), QStringLiteral("--model"),
                           QStringLiteral("resnet"), QStringLiteral("--out"),
                           QStringLiteral("/tmp/never.rwm")}
            << QStringLiteral("resnet");
        QTest::newRow("bad data spec")
            << QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                           QStringLiteral("imagenet"), QStringLiteral("--out"),
                           QStringLiteral("/tmp/never.rwm")}
            << QStringLiteral("imagenet");
        QTest::newRow("too many U-Net levels")
            << QStringList{QStringLiteral("train"), QStringLiteral("--model"),
                           QStringLiteral("unet-inpaint"), QStringLiteral("--unet-levels"),
                           QStringLiteral("6"), QStringLiteral("--out"),
                           QStringLiteral("/tmp/never.rwm")}
            << QStringLiteral("U-Net levels must be between 2 and 5");
        QTest::newRow("not a checkpoint")
            << QStringList{QStringLiteral("model-card"), QStringLiteral("/etc/hostname")}
            << QStringLiteral("/etc/hostname");
    }

    void failuresExitNonZeroNamingTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        const auto run = runCli(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(named), run.err.constData());
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/never.rwm")));
    }

    void benchReportsRates()
    {
        const auto run =
            runCli({QStringLiteral("bench"), QStringLiteral("--models"),
                    QStringLiteral("seed-autoencoder"), QStringLiteral("--batch"),
                    QStringLiteral("4"), QStringLiteral("--steps"), QStringLiteral("2"),
                    QStringLiteral("--pipeline-epochs"), QStringLiteral("0")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        const QJsonObject model = json.value(QStringLiteral("models")).toArray().first().toObject();
        QCOMPARE(model.value(QStringLiteral("model")).toString(),
                 QStringLiteral("seed-autoencoder"));
        QCOMPARE(model.value(QStringLiteral("parameters")).toInt(), 314625);
        QVERIFY(model.value(QStringLiteral("trainImagesPerSecond")).toDouble() > 0.0);
        QVERIFY(model.value(QStringLiteral("latencyMs")).toDouble() > 0.0);
        // The CLI links tcmalloc (cmake/RidgeworksAllocator.cmake) unless built without it.
        QCOMPARE(json.value(QStringLiteral("allocator")).toString(),
                 QStringLiteral(RIDGEWORKS_EXPECTED_ALLOCATOR));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_clitrain.moc"
