#include "BmpBuilder.h"
#include "TestFiles.h"
#include "ridgeworks/image/ImageHeader.h"
#include "ridgeworks/image/ImageWriter.h"

#include <opencv2/imgcodecs.hpp>

#include <QtTest>

namespace {

std::vector<std::uint8_t> encode(const char* ext, const cv::Mat& image,
                                 const std::vector<int>& params = {})
{
    std::vector<std::uint8_t> bytes;
    cv::imencode(ext, image, bytes, params);
    return bytes;
}

}  // namespace

class TestImageHeader : public QObject {
    Q_OBJECT
    const cv::Mat m_image = cv::Mat(37, 53, CV_8UC1, cv::Scalar(90));

private Q_SLOTS:
    void sizesAndFormats_data()
    {
        QTest::addColumn<QString>("ext");
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << ".png"
                             << "png";
        QTest::newRow("bmp") << ".bmp"
                             << "bmp";
        QTest::newRow("tiff") << ".tiff"
                              << "tiff";
        QTest::newRow("jpeg") << ".jpg"
                              << "jpeg";
        QTest::newRow("jpeg2000") << ".jp2"
                                  << "jpeg2000";
    }
    void sizesAndFormats()
    {
        QFETCH(QString, ext);
        QFETCH(QString, format);
        const auto header = rw::readImageHeader(encode(ext.toLatin1().constData(), m_image));
        QVERIFY(header.has_value());
        QCOMPARE(QString::fromStdString(header->format), format);
        QCOMPARE(header->width, 53);
        QCOMPARE(header->height, 37);
        QVERIFY(header->sizeKnown);
        QCOMPARE(header->channels, 1);
    }
    void unknownBytesAreNotAnImage()
    {
        const std::vector<std::uint8_t> text{'h', 'e', 'l', 'l', 'o'};
        QVERIFY(!rw::readImageHeader(text).has_value());
        QVERIFY(!rw::readImageHeader({}).has_value());
    }
    void pngPhysGivesPpi()
    {
        const auto header = rw::readImageHeader(rw::encodePng(m_image, 1000.0));
        QVERIFY(header && header->ppi);
        QVERIFY(std::abs(*header->ppi - 1000.0) < 0.01);
        // Without pHYs (OpenCV's own encoder) nothing is stated.
        QVERIFY(!rw::readImageHeader(encode(".png", m_image))->ppi.has_value());
    }
    void tiffResolutionGivesPpi()
    {
        const auto bytes = encode(".tiff", m_image,
                                  {cv::IMWRITE_TIFF_RESUNIT, 3,  // per cm
                                   cv::IMWRITE_TIFF_XDPI, 200, cv::IMWRITE_TIFF_YDPI, 200});
        const auto header = rw::readImageHeader(bytes);
        QVERIFY(header && header->ppi);
        QVERIFY(std::abs(*header->ppi - 508.0) < 0.01);  // 200 px/cm
    }
    void bmpHeaderGivesPpi()
    {
        const auto header =
            rw::readImageHeader(rw::test::bmp32(8, 8, 19685, [](int, int) { return 0; }));
        QVERIFY(header && header->ppi);
        QVERIFY(std::abs(*header->ppi - 500.0) < 0.1);
        QCOMPARE(header->channels, 4);
    }
    void jfifDensityGivesPpi()
    {
        auto bytes = encode(".jpg", m_image);
        // OpenCV writes a JFIF APP0 segment right after SOI; set its density to 300 dpi.
        QCOMPARE(bytes[3], std::uint8_t(0xE0));
        bytes[13] = 1;  // units: dots per inch
        bytes[14] = 300 >> 8;
        bytes[15] = 300 & 0xFF;
        const auto header = rw::readImageHeader(bytes);
        QVERIFY(header && header->ppi);
        QCOMPARE(*header->ppi, 300.0);
    }
    void cutHeaderHasNoSize()
    {
        auto bytes = encode(".png", m_image);
        bytes.resize(18);
        const auto header = rw::readImageHeader(bytes);
        QVERIFY(header.has_value());
        QVERIFY(!header->sizeKnown);
    }
};

QTEST_GUILESS_MAIN(TestImageHeader)
#include "tst_imageheader.moc"
