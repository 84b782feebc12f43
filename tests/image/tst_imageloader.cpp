#include "BmpBuilder.h"
#include "TestFiles.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"

#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>
#include <QtTest>

namespace fs = std::filesystem;
Q_DECLARE_METATYPE(rw::ErrorKind)

namespace {

// Gray ramp with structure, so a wrong row order or channel would show.
std::uint8_t ramp(int x, int y)
{
    return static_cast<std::uint8_t>((x * 3 + y * 5) % 256);
}

cv::Mat rampImage(int width, int height)
{
    cv::Mat m(height, width, CV_8UC1);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            m.at<std::uint8_t>(y, x) = ramp(x, y);
    return m;
}

}  // namespace

class TestImageLoader : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    fs::path file(const char* name) const
    {
        return m_dir.filePath(QString::fromUtf8(name)).toStdString();
    }

private Q_SLOTS:
    void losslessFormatsGiveExactGray_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("channels");
        QTest::newRow("png 8-bit gray") << "a.png" << 8 << 1;
        QTest::newRow("png 16-bit gray") << "b.png" << 16 << 1;
        QTest::newRow("png colour") << "c.png" << 8 << 3;
        QTest::newRow("png colour+alpha") << "c4.png" << 8 << 4;
        QTest::newRow("bmp 24-bit") << "d.bmp" << 8 << 3;
        QTest::newRow("bmp 8-bit") << "e.bmp" << 8 << 1;
        QTest::newRow("tiff 16-bit") << "f.tif" << 16 << 1;
        QTest::newRow("tiff colour") << "g.tiff" << 8 << 3;
        QTest::newRow("jpeg2000 8-bit lossless") << "h.jp2" << 8 << 1;
    }
    void losslessFormatsGiveExactGray()
    {
        QFETCH(QString, name);
        QFETCH(int, depth);
        QFETCH(int, channels);
        const cv::Mat gray = rampImage(61, 47);
        cv::Mat stored = gray;
        if (depth == 16)
            gray.convertTo(stored, CV_16U, 257.0);  // 8-bit v -> 16-bit v*257
        if (channels == 3)
            cv::merge(std::vector<cv::Mat>{stored, stored, stored}, stored);
        if (channels == 4)
            cv::merge(std::vector<cv::Mat>{stored, stored, stored,
                                           cv::Mat(stored.size(), stored.type(), 0.0)},
                      stored);
        const fs::path path = m_dir.filePath(name).toStdString();
        QVERIFY(cv::imwrite(path.string(), stored));

        const rw::Print print = rw::loadPrint(path);
        QCOMPARE(print.pixels.type(), CV_8UC1);
        QCOMPARE(print.width(), 61);
        QCOMPARE(print.height(), 47);
        QCOMPARE(cv::countNonZero(print.pixels != gray), 0);
        QCOMPARE(print.source.bitDepth, depth);
        QCOMPARE(print.sha256, rw::sha256OfFile(path));
        QCOMPARE(print.sourcePath, path.string());
    }
    void jpegIsReadWithinCompressionError()
    {
        const cv::Mat gray = rampImage(64, 64);
        cv::Mat smooth;
        cv::GaussianBlur(gray, smooth, cv::Size(), 3.0);
        QVERIFY(cv::imwrite(file("j.jpg").string(), smooth, {cv::IMWRITE_JPEG_QUALITY, 98}));
        const rw::Print print = rw::loadPrint(file("j.jpg"));
        QCOMPARE(print.source.format, std::string("jpeg"));
        cv::Mat diff;
        cv::absdiff(print.pixels, smooth, diff);
        QVERIFY(cv::mean(diff)[0] < 2.0);
    }
    void socofingStyle32BitBmp()
    {
        // SOCOFing's Real/ prints: 32-bit BITFIELDS BMP, V5 header, alpha 0, 96 dpi stated.
        const auto bytes = rw::test::bmp32(96, 103, 3779, ramp);
        rw::test::writeBytes(file("1__M_Left_index_finger.BMP"), bytes);
        const rw::Print print = rw::loadPrint(file("1__M_Left_index_finger.BMP"));
        QCOMPARE(print.width(), 96);
        QCOMPARE(print.height(), 103);
        QCOMPARE(print.pixels.at<std::uint8_t>(0, 0), ramp(0, 0));
        QCOMPARE(print.pixels.at<std::uint8_t>(102, 95), ramp(95, 102));
        QCOMPARE(cv::countNonZero(print.pixels != rampImage(96, 103)), 0);
        QCOMPARE(print.source.channels, 4);
        // 96 dpi is a software default, not a scan resolution: keep it, but use 500.
        QVERIFY(print.statedPpi.has_value());
        QVERIFY(std::abs(*print.statedPpi - 96.0) < 0.1);
        QVERIFY(!print.ppiFromFile);
        QCOMPARE(print.ppi, rw::kDefaultPpi);
    }
    void plausibleBmpResolutionIsUsed()
    {
        rw::test::writeBytes(file("scan.bmp"), rw::test::bmp32(40, 30, 39370, ramp));  // 1000 ppi
        const rw::Print print = rw::loadPrint(file("scan.bmp"));
        QVERIFY(print.ppiFromFile);
        QVERIFY(std::abs(print.ppi - 1000.0) < 0.1);
    }

    void badInputIsTypedAndNamed_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<rw::ErrorKind>("kind");
        QTest::newRow("missing") << "missing.png" << rw::ErrorKind::Missing;
        QTest::newRow("folder") << "afolder.png" << rw::ErrorKind::Unreadable;
        QTest::newRow("zero bytes") << "empty.bmp" << rw::ErrorKind::ZeroSize;
        QTest::newRow("text file") << "notes.png" << rw::ErrorKind::NotAnImage;
        QTest::newRow("truncated png") << "cut.png" << rw::ErrorKind::Truncated;
        QTest::newRow("truncated jpeg") << "cut.jpg" << rw::ErrorKind::Truncated;
        QTest::newRow("truncated bmp") << "cut.bmp" << rw::ErrorKind::Truncated;
        QTest::newRow("truncated tiff") << "cut.tif" << rw::ErrorKind::Truncated;
        QTest::newRow("header only") << "header.png" << rw::ErrorKind::Truncated;
        QTest::newRow("zero width bmp") << "zerowidth.bmp" << rw::ErrorKind::ZeroSize;
    }
    void badInputIsTypedAndNamed()
    {
        QFETCH(QString, name);
        QFETCH(rw::ErrorKind, kind);
        const fs::path path = m_dir.filePath(name).toStdString();
        const cv::Mat image = rampImage(200, 150);
        if (name == "afolder.png") {
            fs::create_directory(path);
        } else if (name == "empty.bmp") {
            rw::test::writeBytes(path, {});
        } else if (name == "notes.png") {
            const std::string text = "this is not a picture\n";
            rw::test::writeBytes(path, {text.begin(), text.end()});
        } else if (name.startsWith(u"cut.")) {
            std::vector<std::uint8_t> bytes;
            QVERIFY(cv::imencode(path.extension().string(), image, bytes));
            bytes.resize(bytes.size() / 2);
            rw::test::writeBytes(path, bytes);
        } else if (name == "header.png") {
            std::vector<std::uint8_t> bytes;
            QVERIFY(cv::imencode(".png", image, bytes));
            bytes.resize(20);
            rw::test::writeBytes(path, bytes);
        } else if (name == "zerowidth.bmp") {
            auto bytes = rw::test::bmp32(4, 4, 0, ramp);
            rw::test::putLe(bytes, 18, 0, 4);
            rw::test::writeBytes(path, bytes);
        }
        try {
            rw::loadPrint(path);
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), kind);
            QCOMPARE(e.path(), path);
            QVERIFY2(std::string(e.what()).find(path.filename().string()) != std::string::npos,
                     e.what());
        }
    }
    void pixelLimitRefusesBeforeDecoding()
    {
        QVERIFY(cv::imwrite(file("big.png").string(), rampImage(300, 200)));
        rw::LoadOptions options;
        options.maxPixels = 300 * 200 - 1;
        try {
            rw::loadPrint(file("big.png"), options);
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::TooLarge);
            QVERIFY(std::string(e.what()).find("60000 pixels") != std::string::npos);
        }
        options.maxPixels = 300 * 200;
        QCOMPARE(rw::loadPrint(file("big.png"), options).width(), 300);
    }
    void hugeHeaderIsRefusedWithoutAllocating()
    {
        // A 30-byte "PNG" claiming 100000×100000 pixels: refused from the header alone.
        std::vector<std::uint8_t> bytes;
        QVERIFY(cv::imencode(".png", rampImage(8, 8), bytes));
        const std::uint32_t side = 100000;
        for (int i = 0; i < 4; ++i) {
            bytes[16 + static_cast<std::size_t>(i)] =
                static_cast<std::uint8_t>(side >> (24 - 8 * i));
            bytes[20 + static_cast<std::size_t>(i)] =
                static_cast<std::uint8_t>(side >> (24 - 8 * i));
        }
        rw::test::writeBytes(file("bomb.png"), bytes);
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::loadPrint(file("bomb.png")));
        try {
            rw::loadPrint(file("bomb.png"));
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::TooLarge);
        }
    }
    void folderListingIsRecursiveAndFiltered()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::create_directories(root / "Real" / "nested");
        for (const char* name :
             {"Real/b.BMP", "Real/nested/c.png", "a.tif", "notes.txt", "Real/x.json"})
            rw::test::writeBytes(root / name, {1, 2, 3});
        const auto files = rw::listImageFiles(root);
        QCOMPARE(files.size(), std::size_t(3));
        QCOMPARE(files[0].filename().string(), std::string("b.BMP"));
        QCOMPARE(files[1].filename().string(), std::string("c.png"));
        QCOMPARE(files[2].filename().string(), std::string("a.tif"));
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::listImageFiles(root / "nope"));
    }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
