#include "TestFiles.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"

#include <QTemporaryDir>
#include <QtTest>

namespace fs = std::filesystem;

class TestImageWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void losslessRoundTripKeepsPixelsAndPpi_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("ppi");
        QTest::newRow("png 500") << "out.png" << 500.0;
        QTest::newRow("png 1000") << "out1000.png" << 1000.0;
        QTest::newRow("tiff 500") << "out.tif" << 500.0;
        QTest::newRow("tiff 1000") << "out.tiff" << 1000.0;
    }
    void losslessRoundTripKeepsPixelsAndPpi()
    {
        QFETCH(QString, name);
        QFETCH(double, ppi);
        QTemporaryDir dir;
        cv::Mat image(64, 80, CV_8UC1);
        cv::randu(image, 0, 256);
        const fs::path path = dir.filePath(name).toStdString();
        rw::saveImage(path, image, ppi);
        const rw::Print print = rw::loadPrint(path);
        QCOMPARE(cv::countNonZero(print.pixels != image), 0);
        QVERIFY(print.ppiFromFile);
        QVERIFY(std::abs(print.ppi - ppi) < 0.01);
    }
    void lossyOrUnknownFormatIsRefused()
    {
        QTemporaryDir dir;
        const cv::Mat image(8, 8, CV_8UC1, cv::Scalar(3));
        for (const char* name : {"x.jpg", "x.bmp", "x"}) {
            const fs::path path = dir.filePath(QString::fromUtf8(name)).toStdString();
            try {
                rw::saveImage(path, image, 500.0);
                QFAIL("expected rw::Error");
            } catch (const rw::Error& e) {
                QCOMPARE(e.kind(), rw::ErrorKind::InvalidArgument);
            }
            QVERIFY(!fs::exists(path));
        }
    }
    void badImagesAreRefused()
    {
        QTemporaryDir dir;
        const fs::path path = dir.filePath(QStringLiteral("x.png")).toStdString();
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::saveImage(path, cv::Mat(), 500.0));
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::saveImage(path, cv::Mat(4, 4, CV_8UC3), 500.0));
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::saveImage(path, cv::Mat(4, 4, CV_8UC1), 0.0));
    }
};

QTEST_GUILESS_MAIN(TestImageWriter)
#include "tst_imagewriter.moc"
