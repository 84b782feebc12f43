// DiscMorphology must give exactly OpenCV's elliptical closing and opening: segmentForeground
// relies on it, and every mask, crop and metric downstream depends on those pixels.
#include "image/DiscMorphology.h"

#include <opencv2/imgproc.hpp>

#include <QtTest>

namespace {

// A blobby random mask (blurred noise, thresholded): shapes with holes, bays and thin
// necks, touching the image edge.
cv::Mat blobs(cv::Size size, double sigma, int seed)
{
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    cv::Mat noise(size, CV_32FC1);
    rng.fill(noise, cv::RNG::UNIFORM, 0.0, 1.0);
    cv::GaussianBlur(noise, noise, {0, 0}, sigma);
    return noise > 0.5f;
}

cv::Mat opencv(const cv::Mat& mask, int operation, int radius)
{
    cv::Mat out;
    cv::morphologyEx(
        mask, out, operation,
        cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1)));
    return out;
}

}  // namespace

class TestDiscMorphology : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void equalsOpenCvEllipse_data()
    {
        QTest::addColumn<int>("radius");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("sigma");
        QTest::newRow("radius 1") << 1 << QSize(40, 30) << 1.0;
        QTest::newRow("radius 4, one row") << 4 << QSize(50, 1) << 1.0;
        QTest::newRow("radius 4, one column") << 4 << QSize(1, 50) << 1.0;
        QTest::newRow("radius 9 (segmentForeground)") << 9 << QSize(140, 140) << 3.0;
        QTest::newRow("radius 9, wide") << 9 << QSize(301, 97) << 2.0;
        QTest::newRow("radius 13, small image") << 13 << QSize(20, 25) << 2.0;
        QTest::newRow("radius 25") << 25 << QSize(160, 130) << 4.0;
    }
    void equalsOpenCvEllipse()
    {
        QFETCH(int, radius);
        QFETCH(QSize, size);
        QFETCH(double, sigma);
        for (int seed = 1; seed <= 5; ++seed) {
            const cv::Mat mask = blobs({size.width(), size.height()}, sigma, seed);
            const cv::Mat closed = rw::image::closeWithDisc(mask, radius);
            const cv::Mat opened = rw::image::openWithDisc(mask, radius);
            QCOMPARE(cv::countNonZero(closed != opencv(mask, cv::MORPH_CLOSE, radius)), 0);
            QCOMPARE(cv::countNonZero(opened != opencv(mask, cv::MORPH_OPEN, radius)), 0);
        }
    }

    void closingFillsAGapAndOpeningRemovesASpeck()
    {
        cv::Mat mask = cv::Mat::zeros(60, 60, CV_8UC1);
        mask(cv::Rect(10, 10, 40, 40)).setTo(255);
        mask(cv::Rect(28, 10, 3, 40)).setTo(0);  // a 3 px slit through the square
        mask.at<unsigned char>(2, 2) = 255;      // a one-pixel speck
        const cv::Mat closed = rw::image::closeWithDisc(mask, 4);
        QCOMPARE(closed.at<unsigned char>(30, 29), static_cast<unsigned char>(255));
        const cv::Mat opened = rw::image::openWithDisc(mask, 2);
        QCOMPARE(opened.at<unsigned char>(2, 2), static_cast<unsigned char>(0));
        QCOMPARE(opened.at<unsigned char>(30, 15), static_cast<unsigned char>(255));
    }
};

QTEST_GUILESS_MAIN(TestDiscMorphology)
#include "tst_discmorphology.moc"
