// ModelLibrary: lists shipped models first, then the user's, each with its card as tooltip;
// files that are not models are listed by name with the reason, never fatal; the user's
// folder follows RIDGEWORKS_USER_MODELS_DIR.
#include "ModelLibrary.h"

#include <ridgeworks/model/Checkpoint.h>

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

rw::ModelCard handMadeCard(const std::string& name)
{
    rw::ModelCard card;
    card.name = name;
    card.spec.architecture = rw::Architecture::SeedAutoencoder;
    card.epochsRequested = 3;
    card.epochsCompleted = 2;
    rw::EpochMetrics first;
    first.epoch = 1;
    first.validationPsnr = 18.25;
    first.validationSsim = 0.5;
    rw::EpochMetrics second;
    second.epoch = 2;
    second.validationPsnr = 21.5;
    second.validationSsim = 0.61;
    card.history = {first, second};
    card.bestEpoch = 2;
    card.dataJson = R"({"source": "synthetic", "trainPrints": 24})";
    card.createdUtc = "2026-11-25T10:00:00Z";
    return card;
}

void writeModel(const QString& path, const std::string& name,
                rw::Architecture architecture = rw::Architecture::SeedAutoencoder, int levels = 0)
{
    rw::CheckpointFile file;
    file.card = handMadeCard(name);
    file.card.spec.architecture = architecture;
    file.card.spec.levels = levels;
    file.weights = "not really weights";
    rw::writeCheckpoint(path.toStdString(), file);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

}  // namespace

class TestModelLibrary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listsModelsWithCardsAndUnreadableFiles()
    {
        QTemporaryDir shipped;
        QTemporaryDir user;
        QVERIFY(shipped.isValid() && user.isValid());
        writeModel(shipped.filePath(QStringLiteral("factory.rwm")), "Factory model",
                   rw::Architecture::UNetInpaint, 4);
        writeModel(user.filePath(QStringLiteral("mine.rwm")), "Hand made");
        writeBytes(user.filePath(QStringLiteral("broken.rwm")), QByteArray("this is no model", 16));
        writeBytes(user.filePath(QStringLiteral("empty.rwm")), QByteArray());
        writeBytes(user.filePath(QStringLiteral("notes.txt")), QByteArray("ignored"));

        rw::ModelLibrary library;
        QSignalSpy refreshed(&library, &rw::ModelLibrary::refreshed);
        library.setShippedModelsDir(shipped.path());
        library.setUserModelsDir(user.path());
        QCOMPARE(refreshed.size(), 2);

        QCOMPARE(library.modelCount(), 2);
        QCOMPARE(library.unreadableCount(), 2);
        QCOMPARE(library.rowCount(), 4);

        // Shipped first.
        const QModelIndex factory = library.index(0);
        QCOMPARE(factory.data(rw::ModelLibrary::CardNameRole).toString(),
                 QStringLiteral("Factory model"));
        QVERIFY(factory.data(rw::ModelLibrary::ShippedRole).toBool());
        QVERIFY(factory.data().toString().contains(QStringLiteral("shipped")));
        const QString factoryCard = factory.data(Qt::ToolTipRole).toString();
        QVERIFY2(factoryCard.contains(QStringLiteral("unet-inpaint, 4 levels, 100×100 px")),
                 qPrintable(factoryCard));

        const int mineRow = library.rowOfPath(user.filePath(QStringLiteral("mine.rwm")));
        QCOMPARE(mineRow, 1);
        const QModelIndex mine = library.index(mineRow);
        QCOMPARE(mine.data().toString(), QStringLiteral("Hand made"));
        QVERIFY(!mine.data(rw::ModelLibrary::ShippedRole).toBool());
        QVERIFY(!mine.data(rw::ModelLibrary::UnreadableRole).toBool());
        const QString card = mine.data(Qt::ToolTipRole).toString();
        QVERIFY2(card.contains(QStringLiteral("Hand made")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("seed-autoencoder, 100×100 px")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("Epochs: 2 of 3")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("PSNR 21.50 dB, SSIM 0.610")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("Data: synthetic")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("Created: 2026-11-25T10:00:00Z")), qPrintable(card));

        // The two bad files, each named with its reason.
        for (const QString& name : {QStringLiteral("broken.rwm"), QStringLiteral("empty.rwm")}) {
            const int row = library.rowOfPath(user.filePath(name));
            QVERIFY2(row >= 2, qPrintable(name));
            const QModelIndex bad = library.index(row);
            QVERIFY(bad.data(rw::ModelLibrary::UnreadableRole).toBool());
            const QString reason = bad.data(rw::ModelLibrary::ReasonRole).toString();
            QVERIFY2(!reason.isEmpty(), qPrintable(name));
            QCOMPARE(bad.data().toString(), name + QStringLiteral(" — unreadable: ") + reason);
            QVERIFY(bad.data(Qt::ToolTipRole).toString().contains(reason));
        }
    }

    void refreshSeesNewFiles()
    {
        QTemporaryDir user;
        rw::ModelLibrary library;
        library.setShippedModelsDir(QString());
        library.setUserModelsDir(user.path());
        QCOMPARE(library.rowCount(), 0);
        writeModel(user.filePath(QStringLiteral("later.rwm")), "Later");
        QCOMPARE(library.rowCount(), 0);
        library.refresh();
        QCOMPARE(library.rowCount(), 1);
        QCOMPARE(library.index(0).data(rw::ModelLibrary::CardNameRole).toString(),
                 QStringLiteral("Later"));
    }

    void missingUserFolderIsEmptyNotFatal()
    {
        rw::ModelLibrary library;
        library.setShippedModelsDir(QString());
        library.setUserModelsDir(QStringLiteral("/nonexistent/ridgeworks/models"));
        QCOMPARE(library.rowCount(), 0);
    }

    void userFolderFromEnvironment()
    {
        QTemporaryDir user;
        qputenv("RIDGEWORKS_USER_MODELS_DIR", user.path().toLocal8Bit());
        QCOMPARE(rw::ModelLibrary::defaultUserModelsDir(), user.path());
        rw::ModelLibrary library;
        QCOMPARE(library.userModelsDir(), user.path());
        qunsetenv("RIDGEWORKS_USER_MODELS_DIR");
        QVERIFY(rw::ModelLibrary::defaultUserModelsDir().endsWith(QStringLiteral("/models")));
        QCOMPARE(rw::ModelLibrary::defaultUserModelsDir(),
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                     QStringLiteral("/models"));
    }
};

QTEST_MAIN(TestModelLibrary)
#include "tst_modellibrary.moc"
