// The orientation fill carries the ridge direction around a hole into it: on a straight
// grating the hole gets the grating's direction, at any angle and wherever the hole lies. Only
// the hole's pixels are worked out (the continuation reads nothing else): outside it the field
// is 0. (The Sobel reflects at the image edge, so a hole there is a little less exact.)
#include "DiscMask.h"
#include "inpaint/OrientationFill.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"

#include <QtTest>

#include <opencv2/core.hpp>

#include <cmath>
#include <numbers>

namespace {

constexpr double kPi = std::numbers::pi;

// Values 0.5 ± 0.4·cos(2π t / period), t running across ridges whose direction (along the
// ridge) is `angleDeg` in the image convention (x right, y down, from +x towards +y).
cv::Mat grating(cv::Size size, double angleDeg, double period)
{
    const double c = std::cos(angleDeg * kPi / 180.0), s = std::sin(angleDeg * kPi / 180.0);
    cv::Mat image(size, CV_32FC1);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            image.at<float>(y, x) =
                static_cast<float>(0.5 + 0.4 * std::cos(2.0 * kPi * (-x * s + y * c) / period));
    return image;
}

}  // namespace

class TestOrientationFill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holeTakesTheGratingsDirection_data()
    {
        QTest::addColumn<double>("angleDeg");
        QTest::addColumn<QPoint>("centre");
        for (const double angle : {0.0, 30.0, 75.0, 120.0, 160.0}) {
            QTest::addRow("%g deg, middle", angle) << angle << QPoint(80, 80);
            QTest::addRow("%g deg, on the left edge", angle) << angle << QPoint(10, 70);
        }
    }

    void holeTakesTheGratingsDirection()
    {
        QFETCH(double, angleDeg);
        QFETCH(QPoint, centre);
        const cv::Size size(160, 160);
        const double period = 8.0;
        const cv::Mat hole = rw::test::discMask(size, {centre.x(), centre.y()}, 24);
        cv::Mat image = grating(size, angleDeg, period);
        image.setTo(1.0f, hole);  // what lies under the hole must not matter

        const cv::Mat field = rw::inpaint::fillOrientation(image, hole, period);
        QCOMPARE(field.type(), CV_32FC1);
        QCOMPARE(field.size(), size);

        const cv::Mat expected(size, CV_32FC1, cv::Scalar(angleDeg * kPi / 180.0));
        const double error = rw::meanOrientationErrorDeg(field, expected, hole);
        QVERIFY2(error < 3.0, qPrintable(QStringLiteral("mean error in the hole %1°").arg(error)));
        cv::Mat outside = field.clone();
        outside.setTo(0.0f, hole);
        QCOMPARE(cv::countNonZero(outside), 0);  // nothing is worked out outside the hole
    }
};

QTEST_GUILESS_MAIN(TestOrientationFill)
#include "tst_orientationfill.moc"
