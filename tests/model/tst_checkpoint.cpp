// The checkpoint container and model card: round trips, and every kind of bad file refused
// with the file named (no libtorch needed: weights are opaque bytes here).
#include "ErrorKindOf.h"
#include "ridgeworks/model/Checkpoint.h"
#include "ridgeworks/model/ModelCatalog.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace rw;

namespace {

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

CheckpointFile sampleCheckpoint()
{
    CheckpointFile file;
    file.card.name = "unit test model";
    file.card.spec.architecture = Architecture::UNetInpaint;
    file.card.spec.inputSize = 128;
    file.card.spec.baseChannels = 24;
    file.card.loss = LossKind::SsimL1;
    file.card.pairMode = PairMode::DamagedToClean;
    file.card.epochsRequested = 3;
    file.card.batchSize = 16;
    file.card.learningRate = 5e-4;
    file.card.seed = 42;
    file.card.dataJson = R"({"source":"synthetic","trainPrints":12})";
    file.card.history = {{1, 0.5, 0.45, 14.5, 0.41, 0.0, 2.5, 80.0},
                         {2, 0.4, 0.38, 16.25, 0.52, 0.0, 2.4, 82.0}};
    file.card.bestEpoch = 2;
    file.card.epochsCompleted = 2;
    file.card.softwareVersion = "0.1.0";
    // Bytes of every value, including zeros and the section-length-looking patterns.
    for (int i = 0; i < 4096; ++i)
        file.weights.push_back(static_cast<char>(i * 7 % 256));
    file.resumeState = std::string("\0\1\2resume", 9);
    return file;
}

}  // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsBitExact()
    {
        QTemporaryDir dir;
        const std::filesystem::path a = dir.filePath(QStringLiteral("a.rwm")).toStdString();
        const std::filesystem::path b = dir.filePath(QStringLiteral("b.rwm")).toStdString();
        writeCheckpoint(a, sampleCheckpoint());
        const CheckpointFile read = readCheckpoint(a);
        QCOMPARE(read.weights, sampleCheckpoint().weights);
        QCOMPARE(read.resumeState, sampleCheckpoint().resumeState);
        QCOMPARE(read.card.name, std::string("unit test model"));
        QCOMPARE(read.card.spec.architecture, Architecture::UNetInpaint);
        QCOMPARE(read.card.spec.inputSize, 128);
        QCOMPARE(read.card.loss, LossKind::SsimL1);
        QCOMPARE(read.card.seed, std::uint64_t{42});
        QCOMPARE(read.card.history.size(), std::size_t{2});
        QCOMPARE(read.card.history[1].validationPsnr, 16.25);
        QCOMPARE(read.card.bestEpoch, 2);
        writeCheckpoint(b, read);
        QCOMPARE(readBytes(b), readBytes(a));
        QCOMPARE(checkpointSha256(a), checkpointSha256(b));
        QCOMPARE(checkpointSha256(a).size(), std::size_t{64});
    }

    void cardJsonRoundTrip()
    {
        const ModelCard card = sampleCheckpoint().card;
        const ModelCard back = ModelCard::fromJson(card.toJson(), "card");
        QCOMPARE(back.toJson(), card.toJson());
        QVERIFY(card.toJson().find("\"trainPrints\": 12") != std::string::npos);
    }

    void holeFillIsRecordedAndOldCardsAreGrey()
    {
        // A new U-Net starts from the ridge continuation and says so; a card written before
        // the field existed is a grey-fill model (the network blanks the hole itself).
        ModelCard card = sampleCheckpoint().card;
        QCOMPARE(card.spec.holeFill, HoleFill::RidgeContinuation);
        std::string json = card.toJson();
        QVERIFY(json.find("\"holeFill\": \"ridge-continuation\"") != std::string::npos);
        QCOMPARE(ModelCard::fromJson(json, "card").spec.holeFill, HoleFill::RidgeContinuation);
        card.spec.holeFill = HoleFill::Grey;
        QCOMPARE(ModelCard::fromJson(card.toJson(), "card").spec.holeFill, HoleFill::Grey);

        const std::string field = "\"holeFill\": \"ridge-continuation\",";
        json.erase(json.find(field), field.size());
        QCOMPARE(ModelCard::fromJson(json, "card").spec.holeFill, HoleFill::Grey);

        std::string unknown = sampleCheckpoint().card.toJson();
        unknown.replace(unknown.find("ridge-continuation"), 18, "sand");
        QCOMPARE(test::errorKindOf([&] {
                     ModelCard::fromJson(unknown, "card");
                 }).value_or(ErrorKind::Cancelled),
                 ErrorKind::Truncated);  // what every unreadable card gives
    }

    void levelsAreRecordedAndOldCardsHaveThree()
    {
        // The U-Net's levels are in the card; a card written before the field existed is a
        // 3-level U-Net (all there were); a number out of range makes the card unreadable.
        ModelCard card = sampleCheckpoint().card;
        std::string json = card.toJson();
        QVERIFY(json.find("\"levels\": 3,") != std::string::npos);
        card.spec.levels = 4;
        QCOMPARE(ModelCard::fromJson(card.toJson(), "card").spec.effectiveLevels(), 4);

        const std::string field = "\"levels\": 3,";
        json.erase(json.find(field), field.size());
        QCOMPARE(ModelCard::fromJson(json, "card").spec.effectiveLevels(), 3);

        card.spec.levels = 9;
        const std::string tooMany = card.toJson();
        QCOMPARE(test::errorKindOf([&] {
                     ModelCard::fromJson(tooMany, "card");
                 }).value_or(ErrorKind::Cancelled),
                 ErrorKind::Truncated);
    }

    void badFilesAreRefusedNamingTheFile_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<int>("kind");
        QTest::newRow("missing") << "missing" << int(ErrorKind::Missing);
        QTest::newRow("empty") << "empty" << int(ErrorKind::ZeroSize);
        QTest::newRow("foreign") << "foreign" << int(ErrorKind::WrongFormat);
        QTest::newRow("truncated") << "truncated" << int(ErrorKind::Truncated);
        QTest::newRow("header only") << "header" << int(ErrorKind::Truncated);
        QTest::newRow("flipped weight byte") << "flip-weights" << int(ErrorKind::Truncated);
        QTest::newRow("flipped card byte") << "flip-card" << int(ErrorKind::Truncated);
        QTest::newRow("extra bytes") << "extra" << int(ErrorKind::Truncated);
        QTest::newRow("newer version") << "version" << int(ErrorKind::Incompatible);
        QTest::newRow("folder") << "folder" << int(ErrorKind::Unreadable);
    }

    void badFilesAreRefusedNamingTheFile()
    {
        QFETCH(QString, damage);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const std::filesystem::path good = dir.filePath(QStringLiteral("good.rwm")).toStdString();
        const std::filesystem::path bad = dir.filePath(QStringLiteral("bad.rwm")).toStdString();
        writeCheckpoint(good, sampleCheckpoint());
        std::string bytes = readBytes(good);
        if (damage == QLatin1String("empty"))
            bytes.clear();
        else if (damage == QLatin1String("foreign"))
            bytes = "PK\x03\x04 a zip file, e.g. a PyTorch .pt file";
        else if (damage == QLatin1String("truncated"))
            bytes.resize(bytes.size() / 2);
        else if (damage == QLatin1String("header"))
            bytes.resize(20);
        else if (damage == QLatin1String("flip-weights"))
            bytes[bytes.size() - 64 - 9 - 8 - 100] ^= 0x01;
        else if (damage == QLatin1String("flip-card"))
            bytes[40] ^= 0x20;
        else if (damage == QLatin1String("extra"))
            bytes += "x";
        else if (damage == QLatin1String("version"))
            bytes[16] = 9;
        if (damage == QLatin1String("folder"))
            std::filesystem::create_directory(bad);
        else if (damage != QLatin1String("missing"))
            writeBytes(bad, bytes);
        try {
            readCheckpoint(bad);
            QFAIL("a bad checkpoint was accepted");
        } catch (const Error& e) {
            QCOMPARE(int(e.kind()), kind);
            QCOMPARE(e.path(), bad);
            QVERIFY2(std::string(e.what()).find("bad.rwm") != std::string::npos, e.what());
        }
        QCOMPARE(test::errorKindOf([&] { readModelCard(bad); }).value_or(ErrorKind::Cancelled),
                 ErrorKind(kind));
        // The fast peek reads no weights: it cannot see a flipped weight byte, and says so in
        // its contract; everything else it refuses the same way.
        const auto peeked = test::errorKindOf([&] { peekModelCard(bad); });
        if (damage == QLatin1String("flip-weights"))
            QVERIFY(!peeked.has_value());
        else
            QCOMPARE(peeked.value_or(ErrorKind::Cancelled), ErrorKind(kind));
    }

    void failedWriteKeepsThePreviousCheckpoint()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath(QStringLiteral("m.rwm")).toStdString();
        writeCheckpoint(path, sampleCheckpoint());
        const std::string before = readBytes(path);
        // A folder that cannot be written into makes the write fail.
        const std::filesystem::path locked = dir.filePath(QStringLiteral("locked")).toStdString();
        std::filesystem::create_directory(locked);
        std::filesystem::permissions(locked, std::filesystem::perms::owner_read |
                                                 std::filesystem::perms::owner_exec);
        if (::geteuid() != 0) {
            QCOMPARE(test::errorKindOf([&] {
                         writeCheckpoint(locked / "m.rwm", sampleCheckpoint());
                     }).value_or(ErrorKind::Cancelled),
                     ErrorKind::WriteFailed);
        }
        QCOMPARE(readBytes(path), before);
    }

    void catalogListsGoodAndUnreadableModels()
    {
        QTemporaryDir shipped, user;
        const std::filesystem::path shippedDir = shipped.path().toStdString();
        const std::filesystem::path userDir = user.path().toStdString();
        CheckpointFile a = sampleCheckpoint();
        a.card.name = "zz shipped";
        writeCheckpoint(shippedDir / "a.rwm", a);
        CheckpointFile b = sampleCheckpoint();
        b.card.name = "aa mine";
        writeCheckpoint(userDir / "b.rwm", b);
        writeBytes(userDir / "broken.rwm", "not a model");
        writeBytes(userDir / "notes.txt", "ignored");
        const ModelListing listing = listModels({shippedDir}, {userDir});
        QCOMPARE(listing.models.size(), std::size_t{2});
        QCOMPARE(listing.models[0].card.name, std::string("zz shipped"));  // shipped first
        QVERIFY(listing.models[0].shipped);
        QCOMPARE(listing.models[1].card.name, std::string("aa mine"));
        QVERIFY(!listing.models[1].shipped);
        QCOMPARE(listing.unreadable.size(), std::size_t{1});
        QCOMPARE(listing.unreadable[0].path.filename().string(), std::string("broken.rwm"));
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
