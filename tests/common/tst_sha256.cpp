#include "TestFiles.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"

#include <QTemporaryDir>
#include <QtTest>

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        // FIPS 180-2 examples.
        QTest::newRow("empty")
            << QByteArray()
            << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc")
            << QByteArray("abc")
            << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        const auto* data = reinterpret_cast<const std::uint8_t*>(input.constData());
        QCOMPARE(
            QString::fromStdString(rw::sha256Hex({data, static_cast<std::size_t>(input.size())})),
            digest);
    }
    void fileDigestEqualsBytesDigest()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath(QStringLiteral("data.bin")).toStdString();
        std::vector<std::uint8_t> bytes(200000);
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<std::uint8_t>(i * 7 + i / 13);
        rw::test::writeBytes(path, bytes);
        QCOMPARE(rw::sha256OfFile(path), rw::sha256Hex(bytes));
    }
    void missingFileIsTypedError()
    {
        try {
            rw::sha256OfFile("/nonexistent/evidence.png");
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::Missing);
            QVERIFY(std::string(e.what()).find("/nonexistent/evidence.png") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
