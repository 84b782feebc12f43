// gaussianBlurInParallel: strips blurred on separate threads must give exactly what one
// cv::GaussianBlur call on the whole image gives, at every size, sigma and border rule used.
#include "image/ParallelBlur.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

class TstParallelBlur : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsOneCallOnTheWholeImage_data()
    {
        QTest::addColumn<cv::Size>("size");
        QTest::addColumn<double>("sigma");
        QTest::addColumn<int>("border");
        QTest::newRow("512² σ 9.1 reflect") << cv::Size(512, 512) << 9.1 << int(cv::BORDER_REFLECT);
        QTest::newRow("330×301 σ 4 default")
            << cv::Size(330, 301) << 4.0 << int(cv::BORDER_DEFAULT);
        QTest::newRow("700×97 σ 6 replicate")
            << cv::Size(700, 97) << 6.0 << int(cv::BORDER_REPLICATE);
        QTest::newRow("small, one call") << cv::Size(60, 50) << 3.0 << int(cv::BORDER_REFLECT);
        QTest::newRow("kernel taller than a strip")
            << cv::Size(2000, 40) << 9.0 << int(cv::BORDER_REFLECT);
    }

    void equalsOneCallOnTheWholeImage()
    {
        QFETCH(cv::Size, size);
        QFETCH(double, sigma);
        QFETCH(int, border);
        cv::Mat image(size, CV_32FC1);
        cv::RNG(5).fill(image, cv::RNG::UNIFORM, 0.0f, 1.0f);
        cv::Mat whole;
        cv::GaussianBlur(image, whole, cv::Size(), sigma, sigma, border);
        const cv::Mat before = image.clone();
        const cv::Mat parallel = rw::image::gaussianBlurInParallel(image, sigma, border);
        QCOMPARE(parallel.size(), size);
        QCOMPARE(parallel.type(), CV_32FC1);
        QCOMPARE(cv::countNonZero(parallel != whole), 0);
        QCOMPARE(cv::countNonZero(image != before), 0);          // the input is left as it was
        QVERIFY(cv::norm(parallel, image, cv::NORM_INF) > 0.1);  // really blurred
    }
};

QTEST_APPLESS_MAIN(TstParallelBlur)
#include "tst_parallelblur.moc"
