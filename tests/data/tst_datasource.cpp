// Data source arguments, the subject rule for plain folders, and the summary's JSON.
#include "ErrorKindOf.h"
#include "ridgeworks/data/DataSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace fs = std::filesystem;

class TestDataSource : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesSpecs();
    void rejectsBadSpecs();
    void subjectKeysFollowTheDocumentedRules();
    void perSubjectFoldersNeedTwoFolders();
    void summaryJson();
};

void TestDataSource::parsesSpecs()
{
    auto spec = rw::parseDataSourceSpec("socofing:/data/SOCOFing");
    QVERIFY(spec.kind == rw::DataSourceKind::Socofing);
    QCOMPARE(spec.path, std::string("/data/SOCOFing"));
    QCOMPARE(rw::toString(spec), std::string("socofing:/data/SOCOFing"));

    spec = rw::parseDataSourceSpec("folder:prints/with:colon");
    QVERIFY(spec.kind == rw::DataSourceKind::Folder);
    QCOMPARE(spec.path, std::string("prints/with:colon"));
    QCOMPARE(rw::toString(spec), std::string("folder:prints/with:colon"));

    spec = rw::parseDataSourceSpec("synthetic");
    QVERIFY(spec.kind == rw::DataSourceKind::Synthetic);
    QCOMPARE(rw::toString(spec), std::string("synthetic"));
    QVERIFY(rw::parseDataSourceSpec("Synthetic").kind == rw::DataSourceKind::Synthetic);
}

void TestDataSource::rejectsBadSpecs()
{
    for (const char* text : {"", "socofing:", "folder:", "mnist:/x", "/data/SOCOFing", "synth"}) {
        try {
            rw::parseDataSourceSpec(text);
            QFAIL(text);
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::InvalidArgument);
            QVERIFY2(std::string(e.what()).find(text) != std::string::npos, e.what());
        }
    }
}

void TestDataSource::subjectKeysFollowTheDocumentedRules()
{
    const fs::path root = "/data/prints";
    const std::vector<fs::path> files{
        root / "a" / "12__F_Left_thumb_finger.png",   // SOCOFing name: subject 12 wherever
        root / "b" / "12__F_Right_index_finger.BMP",  // it lies
        root / "DB1_B" / "101_1.tif",                 // FVC: finger 101 of DB1_B
        root / "DB1_B" / "101_2.tif",
        root / "DB2_B" / "101_1.tif",  // another database's finger 101
        root / "DB1_B" / "102_1.tif",
        root / "001" / "L0_0.bmp",  // per-subject folders
        root / "001" / "L0_1.bmp",
        root / "002" / "R1_0.bmp",
        root / "loose.png",  // directly in the root: its own subject
    };
    const std::vector<std::string> keys = rw::folderSubjectKeys(files, root);
    QCOMPARE(keys.size(), files.size());
    QCOMPARE(keys[0], std::string("socofing:12"));
    QCOMPARE(keys[1], keys[0]);
    QCOMPARE(keys[2], std::string("fvc:DB1_B/101"));
    QCOMPARE(keys[3], keys[2]);
    QVERIFY(keys[4] != keys[2]);
    QVERIFY(keys[5] != keys[2]);
    QCOMPARE(keys[6], std::string("folder:001"));
    QCOMPARE(keys[7], keys[6]);
    QCOMPARE(keys[8], std::string("folder:002"));
    QVERIFY(keys[9].rfind("file:", 0) == 0);
}

void TestDataSource::perSubjectFoldersNeedTwoFolders()
{
    // Everything in one subfolder is no evidence of per-subject folders: each file counts alone.
    const fs::path root = "/data/prints";
    const std::vector<fs::path> files{root / "all" / "a.png", root / "all" / "b.png",
                                      root / "all" / "c.png"};
    const std::vector<std::string> keys = rw::folderSubjectKeys(files, root);
    QVERIFY(keys[0] != keys[1] && keys[1] != keys[2] && keys[0] != keys[2]);
    for (const auto& key : keys)
        QVERIFY(key.rfind("file:", 0) == 0);
}

void TestDataSource::summaryJson()
{
    rw::DataSummary summary;
    summary.source = "folder:/data/prints";
    summary.trainPrints = 80;
    summary.validationPrints = 20;
    summary.trainSubjects = 8;
    summary.validationSubjects = 2;
    summary.alteredPairs = 5;
    summary.damageKinds = {"obliteration", "zcut"};
    summary.damageLevels = {"hard"};
    summary.seed = 42;
    summary.trainExamples = 84;
    summary.validationExamples = 21;
    for (int i = 0; i < 7; ++i)
        summary.skipped.push_back({"/data/prints/bad" + std::to_string(i) + ".png", "truncated"});

    const QByteArray text = QByteArray::fromStdString(rw::toJson(summary, 5));
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(text, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.value("source").toString(), QStringLiteral("folder:/data/prints"));
    QCOMPARE(json.value("trainPrints").toInt(), 80);
    QCOMPARE(json.value("validationPrints").toInt(), 20);
    QCOMPARE(json.value("trainSubjects").toInt(), 8);
    QCOMPARE(json.value("validationSubjects").toInt(), 2);
    QCOMPARE(json.value("alteredPairs").toInt(), 5);
    QCOMPARE(json.value("trainExamples").toInt(), 84);
    QCOMPARE(json.value("validationExamples").toInt(), 21);
    QCOMPARE(json.value("seed").toInt(), 42);
    QCOMPARE(json.value("imageSize").toInt(), 100);
    QCOMPARE(json.value("damageKinds").toArray().size(), 2);
    QCOMPARE(json.value("damageLevels").toArray().at(0).toString(), QStringLiteral("hard"));
    QCOMPARE(json.value("skippedCount").toInt(), 7);
    const QJsonArray skipped = json.value("skipped").toArray();
    QCOMPARE(skipped.size(), 5);
    QCOMPARE(skipped.at(0).toObject().value("path").toString(),
             QStringLiteral("/data/prints/bad0.png"));
    QCOMPARE(skipped.at(0).toObject().value("reason").toString(), QStringLiteral("truncated"));
    QCOMPARE(json.value("skippedListTruncated").toBool(), true);
    QCOMPARE(json.value("appearance").toString(), QStringLiteral("none"));  // the default

    summary.skipped.resize(2);
    const QJsonObject all =
        QJsonDocument::fromJson(QByteArray::fromStdString(rw::toJson(summary))).object();
    QCOMPARE(all.value("skipped").toArray().size(), 2);
    QCOMPARE(all.value("skippedListTruncated").toBool(), false);
}

QTEST_GUILESS_MAIN(TestDataSource)
#include "tst_datasource.moc"
