// The ridge measurements on inputs whose answer is known by construction: sinusoid gratings
// of a given angle and period, and analytic zero-pole orientation fields.
#include "ErrorKindOf.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"

#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <numbers>
#include <optional>

namespace {

constexpr double kPi = std::numbers::pi;

double rad(double degrees)
{
    return degrees * kPi / 180.0;
}

// Grey levels 128 +- 100 * cos(2 pi t / period), where t runs across ridges whose direction
// (along the ridge) is `angleDeg`, image convention (x right, y down, from +x towards +y).
cv::Mat grating(cv::Size size, double angleDeg, double period)
{
    const double c = std::cos(rad(angleDeg));
    const double s = std::sin(rad(angleDeg));
    cv::Mat image(size, CV_8UC1);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            const double across = -x * s + y * c;
            image.at<unsigned char>(y, x) = cv::saturate_cast<unsigned char>(
                128.0 + 100.0 * std::cos(2.0 * kPi * across / period));
        }
    }
    return image;
}

// An analytic zero-pole field: half the argument of prod(z - core) / prod(z - delta), plus
// an offset, folded into [0, pi).
cv::Mat zeroPoleField(cv::Size size, const std::vector<cv::Point2d>& cores,
                      const std::vector<cv::Point2d>& deltas, double offset = 0.0)
{
    cv::Mat field(size, CV_32FC1);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            double angle = offset;
            for (const cv::Point2d& c : cores)
                angle += 0.5 * std::atan2(y - c.y, x - c.x);
            for (const cv::Point2d& d : deltas)
                angle -= 0.5 * std::atan2(y - d.y, x - d.x);
            angle = std::fmod(angle, kPi);
            if (angle < 0.0)
                angle += kPi;
            field.at<float>(y, x) = static_cast<float>(angle);
        }
    }
    return field;
}

cv::Mat constantField(cv::Size size, double angleRad)
{
    return cv::Mat(size, CV_32FC1, cv::Scalar(angleRad));
}

using rw::test::errorKindOf;
}  // namespace

class TestRidgeAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void orientationOfGrating_data();
    void orientationOfGrating();
    void orientationWithinIsTheWholeFieldsPart_data();
    void orientationWithinIsTheWholeFieldsPart();
    void coherenceOfGratingAndNoise();
    void periodOfGrating_data();
    void periodOfGrating();
    void periodInsideMask();
    void periodWithoutPeak();
    void periodOfSmallLowResolutionPrint();
    void printPeriodAgreesWhereTheSpectrumIsClear();
    void printPeriodOfASmallCrop();
    void damagedPrintPeriodComesFromTheWholePrintFirst();
    void orientationError();
    void orientationErrorRejectsMismatch();
    void findsCore_data();
    void findsCore();
    void findsDelta();
    void findsCoreAndDeltaPair();
    void closePairsCancelOnRequest();
    void whorlCentreIsOneCore();
    void smoothFieldHasNoSingularity();
    void maskAndMarginExcludePoints();
    void rejectsBadInput();
};

void TestRidgeAnalysis::orientationOfGrating_data()
{
    QTest::addColumn<double>("angleDeg");
    QTest::addColumn<double>("period");
    for (double angle : {0.0, 22.5, 45.0, 90.0, 120.0, 165.0, 179.0}) {
        for (double period : {6.0, 9.0, 14.0})
            QTest::addRow("%g deg, period %g", angle, period) << angle << period;
    }
}

void TestRidgeAnalysis::orientationOfGrating()
{
    QFETCH(double, angleDeg);
    QFETCH(double, period);
    const cv::Size size(128, 128);
    const cv::Mat estimated = rw::estimateOrientation(grating(size, angleDeg, period));
    QCOMPARE(estimated.type(), CV_32FC1);
    QCOMPARE(estimated.size(), size);
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(estimated, &lo, &hi);
    QVERIFY(lo >= 0.0 && hi < kPi);

    // The image border is reflected, which is exact only for 0° and 90°: judge the interior.
    cv::Mat interior = cv::Mat::zeros(size, CV_8UC1);
    interior(cv::Rect(20, 20, size.width - 40, size.height - 40)).setTo(255);
    const double error =
        rw::meanOrientationErrorDeg(estimated, constantField(size, rad(angleDeg)), interior);
    qInfo("mean orientation error %.3f deg", error);
    QVERIFY2(error < 2.0, qPrintable(QStringLiteral("mean error %1 deg").arg(error)));
}

void TestRidgeAnalysis::orientationWithinIsTheWholeFieldsPart_data()
{
    QTest::addColumn<cv::Rect>("within");
    QTest::addColumn<double>("sigma");
    // The image is 300×260: a box in the middle, boxes on its edges and corners (where the
    // smoothing reflects), the whole image, a single pixel; a narrow and a wide smoothing.
    for (const double sigma : {3.6, 9.1}) {
        QTest::addRow("middle, sigma %g", sigma) << cv::Rect(90, 70, 120, 100) << sigma;
        QTest::addRow("top left corner, sigma %g", sigma) << cv::Rect(0, 0, 50, 40) << sigma;
        QTest::addRow("bottom right corner, sigma %g", sigma)
            << cv::Rect(230, 200, 70, 60) << sigma;
        QTest::addRow("left edge, tall, sigma %g", sigma) << cv::Rect(0, 10, 30, 240) << sigma;
        QTest::addRow("whole image, sigma %g", sigma) << cv::Rect(0, 0, 300, 260) << sigma;
        QTest::addRow("one pixel, sigma %g", sigma) << cv::Rect(151, 37, 1, 1) << sigma;
    }
}

void TestRidgeAnalysis::orientationWithinIsTheWholeFieldsPart()
{
    QFETCH(cv::Rect, within);
    QFETCH(double, sigma);
    // Curved ridges with noise, so that every pixel's orientation depends on its neighbours.
    const cv::Size size(300, 260);
    cv::Mat image(size, CV_8UC1);
    cv::RNG rng(5);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x) {
            const double r = std::hypot(x - 120.0, y - 300.0);
            image.at<unsigned char>(y, x) = cv::saturate_cast<unsigned char>(
                128.0 + 90.0 * std::cos(2.0 * kPi * r / 9.0) + rng.gaussian(20.0));
        }
    const cv::Mat whole = rw::estimateOrientation(image, sigma);
    const cv::Mat part = rw::estimateOrientationWithin(image, sigma, within);
    QCOMPARE(part.type(), CV_32FC1);
    QCOMPARE(part.size(), within.size());
    int differing = 0;  // bit for bit, not within a tolerance
    for (int y = 0; y < within.height; ++y)
        differing += std::memcmp(part.ptr<float>(y), whole(within).ptr<float>(y),
                                 sizeof(float) * std::size_t(within.width)) != 0;
    QCOMPARE(differing, 0);
}

void TestRidgeAnalysis::coherenceOfGratingAndNoise()
{
    const cv::Size size(128, 128);
    const cv::Mat coherent = rw::estimateCoherence(grating(size, 30.0, 9.0));
    const cv::Rect inner(20, 20, 88, 88);
    double lo = 0.0;
    cv::minMaxLoc(coherent(inner), &lo);
    QVERIFY2(lo > 0.95, qPrintable(QStringLiteral("grating coherence min %1").arg(lo)));

    cv::Mat noise(size, CV_8UC1);
    cv::RNG rng(7);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
    const double noiseCoherence = cv::mean(rw::estimateCoherence(noise)(inner))[0];
    QVERIFY2(noiseCoherence < 0.3,
             qPrintable(QStringLiteral("noise coherence %1").arg(noiseCoherence)));

    const cv::Mat flat = rw::estimateCoherence(cv::Mat(size, CV_8UC1, cv::Scalar(90)));
    QCOMPARE(cv::countNonZero(flat), 0);
}

void TestRidgeAnalysis::periodOfGrating_data()
{
    QTest::addColumn<double>("angleDeg");
    QTest::addColumn<double>("period");
    QTest::addColumn<int>("side");
    QTest::newRow("5 px, 10 deg, 128") << 10.0 << 5.0 << 128;
    QTest::newRow("8 px, 0 deg, 128") << 0.0 << 8.0 << 128;
    QTest::newRow("9.5 px, 33 deg, 96") << 33.0 << 9.5 << 96;
    QTest::newRow("11 px, 75 deg, 200") << 75.0 << 11.0 << 200;
    QTest::newRow("13 px, 140 deg, 160") << 140.0 << 13.0 << 160;
    QTest::newRow("19 px, 100 deg, 300") << 100.0 << 19.0 << 300;
}

void TestRidgeAnalysis::periodOfGrating()
{
    QFETCH(double, angleDeg);
    QFETCH(double, period);
    QFETCH(int, side);
    const double estimated = rw::estimateRidgePeriod(grating({side, side}, angleDeg, period));
    qInfo("estimated %.3f px for %.1f px (%+.2f%%)", estimated, period,
          100.0 * (estimated - period) / period);
    QVERIFY2(std::abs(estimated - period) < 0.05 * period,
             qPrintable(QStringLiteral("estimated %1 px for %2 px").arg(estimated).arg(period)));
}

void TestRidgeAnalysis::periodInsideMask()
{
    // Left half 8 px ridges, right half 16 px: the mask decides which one is measured.
    const cv::Size size(256, 160);
    cv::Mat image = grating(size, 60.0, 8.0);
    grating(size, 60.0, 16.0)(cv::Rect(128, 0, 128, 160)).copyTo(image(cv::Rect(128, 0, 128, 160)));
    cv::Mat left = cv::Mat::zeros(size, CV_8UC1);
    cv::circle(left, {60, 80}, 50, cv::Scalar(255), cv::FILLED);
    cv::Mat right = cv::Mat::zeros(size, CV_8UC1);
    cv::circle(right, {196, 80}, 50, cv::Scalar(255), cv::FILLED);
    const double leftPeriod = rw::estimateRidgePeriod(image, left);
    const double rightPeriod = rw::estimateRidgePeriod(image, right);
    QVERIFY2(std::abs(leftPeriod - 8.0) < 0.4, qPrintable(QString::number(leftPeriod)));
    QVERIFY2(std::abs(rightPeriod - 16.0) < 0.8, qPrintable(QString::number(rightPeriod)));
}

void TestRidgeAnalysis::periodWithoutPeak()
{
    const cv::Size size(128, 128);
    QCOMPARE(rw::estimateRidgePeriod(cv::Mat(size, CV_8UC1, cv::Scalar(200))), 0.0);
    // A handful of pixels is no spectrum.
    cv::Mat tiny = cv::Mat::zeros(size, CV_8UC1);
    tiny(cv::Rect(10, 10, 5, 5)).setTo(255);
    QCOMPARE(rw::estimateRidgePeriod(grating(size, 0.0, 9.0), tiny), 0.0);
}

// A print as SOCOFing stores them: 96×103 px, ridges of 2.8 px (SOCOFing: 2.5–4.2), ink darker
// towards the centre, on a white background around an elliptical finger.
cv::Mat smallPrint()
{
    const cv::Size size(96, 103);
    cv::Mat image = grating(size, 20.0, 2.8);
    cv::Mat finger = cv::Mat::zeros(size, CV_8UC1);
    cv::ellipse(finger, {48, 55}, {40, 46}, 0.0, 0.0, 360.0, cv::Scalar(255), cv::FILLED);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x) {
            const double shade = 1.0 - 0.5 * std::exp(-(std::pow(x - 48, 2) + std::pow(y - 55, 2)) /
                                                      (2.0 * 25.0 * 25.0));
            unsigned char& v = image.at<unsigned char>(y, x);
            v = finger.at<unsigned char>(y, x) ? cv::saturate_cast<unsigned char>(v * shade) : 255;
        }
    return image;
}

void TestRidgeAnalysis::periodOfSmallLowResolutionPrint()
{
    const cv::Mat print = smallPrint();
    const double spectral = rw::estimateRidgePeriod(print);
    const double robust = rw::estimatePrintRidgePeriod(print);
    qInfo("2.8 px ridges on a 96x103 print: spectral %.2f px, print %.2f px", spectral, robust);
    QVERIFY2(std::abs(robust - 2.8) < 0.05 * 2.8, qPrintable(QString::number(robust)));
    // The enlargement is what finds it: the plain estimate misses these ridges.
    QVERIFY(std::abs(spectral - 2.8) > 0.05 * 2.8);
}

void TestRidgeAnalysis::printPeriodAgreesWhereTheSpectrumIsClear()
{
    // Where the plain estimate is plausible the print estimate is that same value.
    for (const double period : {5.0, 8.0, 11.0, 19.0}) {
        const cv::Mat image = grating({300, 300}, 35.0, period);
        QCOMPARE(rw::estimatePrintRidgePeriod(image), rw::estimateRidgePeriod(image));
    }
    // A period no finger of this size has (2 ridges across 96 px) is refused.
    QCOMPARE(rw::estimatePrintRidgePeriod(grating({96, 96}, 0.0, 40.0)), 0.0);
    QCOMPARE(rw::estimatePrintRidgePeriod(cv::Mat(128, 128, CV_8UC1, cv::Scalar(200))), 0.0);
}

void TestRidgeAnalysis::printPeriodOfASmallCrop()
{
    // A damaged 100×100 print at 500 ppi keeps 7–8 ridges across its undamaged part: fewer
    // than 8, but every enlargement finds the same period, so it is kept.
    const double period = rw::estimatePrintRidgePeriod(grating({72, 72}, 30.0, 9.5));
    QVERIFY2(std::abs(period - 9.5) < 0.05 * 9.5, qPrintable(QString::number(period)));
    // Five ridges across is too few even when every enlargement agrees (an outline's size).
    QCOMPARE(rw::estimatePrintRidgePeriod(grating({72, 72}, 30.0, 14.0)), 0.0);
}

void TestRidgeAnalysis::damagedPrintPeriodComesFromTheWholePrintFirst()
{
    // The whole print, hole included, when it shows a period: a large hole in a real small print
    // leaves a thin ring of ridges whose outline the spectrum can take for the period (on
    // SOCOFing's alterations twice as often as the whole print misleads it; the header).
    const cv::Mat print = smallPrint();
    const cv::Mat finger = print != 255;
    cv::Mat hole = cv::Mat::zeros(print.size(), CV_8UC1);
    cv::ellipse(hole, {48, 55}, {36, 42}, 0.0, 0.0, 360.0, cv::Scalar(255), cv::FILLED);
    const double damaged = rw::estimateDamagedPrintRidgePeriod(print, finger, hole);
    QCOMPARE(damaged, rw::estimatePrintRidgePeriod(print, finger));
    QVERIFY2(std::abs(damaged - 2.8) < 0.05 * 2.8, qPrintable(QString::number(damaged)));

    // Where the whole print shows no plausible period (here strong bands of 16 px, 6 across,
    // fill the damage and drown faint ridges beside it), the undamaged part's is taken.
    cv::Mat mixed = grating({100, 100}, 0.0, 16.0);
    cv::Mat faint;
    grating({40, 100}, 90.0, 5.0).convertTo(faint, -1, 0.1, 0.9 * 128.0);
    faint.copyTo(mixed(cv::Rect(60, 0, 40, 100)));
    cv::Mat left = cv::Mat::zeros(mixed.size(), CV_8UC1);
    left(cv::Rect(0, 0, 60, 100)).setTo(255);
    QCOMPARE(rw::estimatePrintRidgePeriod(mixed), 0.0);
    const double fallback = rw::estimateDamagedPrintRidgePeriod(mixed, {}, left);
    QVERIFY2(std::abs(fallback - 5.0) < 0.05 * 5.0, qPrintable(QString::number(fallback)));
    // Neither part: 0.
    QCOMPARE(rw::estimateDamagedPrintRidgePeriod(grating({100, 100}, 0.0, 16.0), {}, left), 0.0);
}

void TestRidgeAnalysis::orientationError()
{
    // The fields are CV_32FC1, so angles carry float rounding (about 1e-5 degrees).
    const auto error = [](double aDeg, double bDeg) {
        const cv::Size one(1, 1);
        return rw::meanOrientationErrorDeg(constantField(one, rad(aDeg)),
                                           constantField(one, rad(bDeg)), cv::Mat());
    };
    constexpr double kFloatTolerance = 1e-4;
    QVERIFY(std::abs(error(179.0, 1.0) - 2.0) < kFloatTolerance);
    QVERIFY(std::abs(error(1.0, 179.0) - 2.0) < kFloatTolerance);
    QVERIFY(std::abs(error(0.0, 90.0) - 90.0) < kFloatTolerance);
    QVERIFY(std::abs(error(10.0, 30.0) - 20.0) < kFloatTolerance);
    QVERIFY(std::abs(error(170.0, 10.0) - 20.0) < kFloatTolerance);

    // Half the pixels 0° vs 40°, half identical: the mask picks which are averaged.
    const cv::Size size(10, 4);
    cv::Mat a = constantField(size, 0.0);
    cv::Mat b = constantField(size, 0.0);
    b(cv::Rect(0, 0, 5, 4)).setTo(rad(40));
    QVERIFY(std::abs(rw::meanOrientationErrorDeg(a, b, cv::Mat()) - 20.0) < kFloatTolerance);
    cv::Mat leftHalf = cv::Mat::zeros(size, CV_8UC1);
    leftHalf(cv::Rect(0, 0, 5, 4)).setTo(1);
    QVERIFY(std::abs(rw::meanOrientationErrorDeg(a, b, leftHalf) - 40.0) < kFloatTolerance);
    QVERIFY(std::isnan(rw::meanOrientationErrorDeg(a, b, cv::Mat::zeros(size, CV_8UC1))));
}

void TestRidgeAnalysis::orientationErrorRejectsMismatch()
{
    const cv::Mat a = constantField({10, 10}, 0.0);
    const cv::Mat b = constantField({11, 10}, 0.0);
    QCOMPARE(errorKindOf([&] { rw::meanOrientationErrorDeg(a, b, cv::Mat()); }),
             std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(errorKindOf([&] { rw::meanOrientationErrorDeg(a, a, cv::Mat::ones(5, 5, CV_8UC1)); }),
             std::optional(rw::ErrorKind::InvalidArgument));
}

void TestRidgeAnalysis::findsCore_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("offsetDeg");
    QTest::newRow("centre") << 64.0 << 64.0 << 0.0;
    QTest::newRow("between pixels") << 63.3 << 71.7 << 45.0;
    QTest::newRow("off centre") << 30.5 << 95.2 << 100.0;
}

void TestRidgeAnalysis::findsCore()
{
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, offsetDeg);
    const cv::Point2d truth(x, y);
    const auto points =
        rw::findSingularPoints(zeroPoleField({128, 128}, {truth}, {}, rad(offsetDeg)), cv::Mat());
    QCOMPARE(points.size(), std::size_t(1));
    QCOMPARE(points[0].type, rw::SingularPoint::Type::Core);
    const double distance = cv::norm(points[0].position - truth);
    qInfo("core found %.2f px from the pole", distance);
    QVERIFY2(distance < 2.0, qPrintable(QStringLiteral("found %1 px away").arg(distance)));
}

void TestRidgeAnalysis::findsDelta()
{
    const cv::Point2d truth(70.4, 50.6);
    const auto points = rw::findSingularPoints(zeroPoleField({128, 128}, {}, {truth}), cv::Mat());
    QCOMPARE(points.size(), std::size_t(1));
    QCOMPARE(points[0].type, rw::SingularPoint::Type::Delta);
    QVERIFY(cv::norm(points[0].position - truth) < 2.0);
}

void TestRidgeAnalysis::findsCoreAndDeltaPair()
{
    const cv::Point2d core(80.0, 60.0);
    const cv::Point2d delta(120.0, 110.0);
    const auto points =
        rw::findSingularPoints(zeroPoleField({200, 180}, {core}, {delta}), cv::Mat());
    QCOMPARE(points.size(), std::size_t(2));
    QCOMPARE(points[0].type, rw::SingularPoint::Type::Core);  // cores first
    QCOMPARE(points[1].type, rw::SingularPoint::Type::Delta);
    QVERIFY(cv::norm(points[0].position - core) < 2.0);
    QVERIFY(cv::norm(points[1].position - delta) < 2.0);
}

void TestRidgeAnalysis::closePairsCancelOnRequest()
{
    // A core and a delta 7 px apart, plus a lone core far away: the index sees all three; a
    // cancel distance of 10 px removes the close pair only.
    const cv::Point2d twistCore(50.0, 60.0);
    const cv::Point2d twistDelta(57.0, 60.0);
    const cv::Point2d farCore(110.0, 70.0);
    const cv::Mat field = zeroPoleField({160, 128}, {twistCore, farCore}, {twistDelta});
    rw::SingularPointSearch search;
    search.ringRadius = 1;
    search.mergeDistance = 3.0;
    QCOMPARE(rw::findSingularPoints(field, cv::Mat(), search).size(), std::size_t(3));
    search.pairCancelDistance = 10.0;
    const auto kept = rw::findSingularPoints(field, cv::Mat(), search);
    QCOMPARE(kept.size(), std::size_t(1));
    QCOMPARE(kept[0].type, rw::SingularPoint::Type::Core);
    QVERIFY(cv::norm(kept[0].position - farCore) < 2.0);
}

void TestRidgeAnalysis::whorlCentreIsOneCore()
{
    // Two coincident cores: concentric ridges, index +1.
    const cv::Point2d centre(64.5, 60.5);
    const auto points =
        rw::findSingularPoints(zeroPoleField({128, 128}, {centre, centre}, {}, rad(90)), cv::Mat());
    QCOMPARE(points.size(), std::size_t(1));
    QCOMPARE(points[0].type, rw::SingularPoint::Type::Core);
    QVERIFY(cv::norm(points[0].position - centre) < 2.0);
}

void TestRidgeAnalysis::smoothFieldHasNoSingularity()
{
    // An arch-like field: ridges bent by at most 50°, no poles.
    cv::Mat field(128, 128, CV_32FC1);
    for (int y = 0; y < field.rows; ++y) {
        for (int x = 0; x < field.cols; ++x) {
            const double u = (x - 64.0) / 30.0;
            double angle = std::atan(1.2 * u * std::exp(-0.5 * u * u) * (1.0 - y / 200.0));
            if (angle < 0.0)
                angle += kPi;
            field.at<float>(y, x) = static_cast<float>(angle);
        }
    }
    QVERIFY(rw::findSingularPoints(field, cv::Mat()).empty());
}

void TestRidgeAnalysis::maskAndMarginExcludePoints()
{
    const cv::Size size(128, 128);
    const cv::Point2d core(40.0, 40.0);
    const cv::Mat field = zeroPoleField(size, {core}, {});
    cv::Mat rightHalf = cv::Mat::zeros(size, CV_8UC1);
    rightHalf(cv::Rect(64, 0, 64, 128)).setTo(255);
    QVERIFY(rw::findSingularPoints(field, rightHalf).empty());

    // 30 px from the mask's edge: found with no margin, gone with a 35 px margin.
    cv::Mat box = cv::Mat::zeros(size, CV_8UC1);
    box(cv::Rect(10, 10, 108, 108)).setTo(255);
    QCOMPARE(rw::findSingularPoints(field, box).size(), std::size_t(1));
    rw::SingularPointSearch search;
    search.borderMargin = 35;
    QVERIFY(rw::findSingularPoints(field, box, search).empty());
}

void TestRidgeAnalysis::rejectsBadInput()
{
    QCOMPARE(errorKindOf([] { rw::estimateOrientation(cv::Mat()); }),
             std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(
        errorKindOf([] { rw::estimateOrientation(cv::Mat(32, 32, CV_8UC3, cv::Scalar::all(0))); }),
        std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(
        errorKindOf([] { rw::estimateOrientation(cv::Mat(32, 32, CV_8UC1, cv::Scalar(0)), 0.0); }),
        std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(errorKindOf([] {
                 rw::estimateRidgePeriod(cv::Mat(32, 32, CV_8UC1, cv::Scalar(0)),
                                         cv::Mat(16, 16, CV_8UC1));
             }),
             std::optional(rw::ErrorKind::InvalidArgument));
    const cv::Mat flat(32, 32, CV_8UC1, cv::Scalar(0));
    QCOMPARE(errorKindOf([&] { rw::estimateOrientationWithin(flat, 3.0, cv::Rect()); }),
             std::optional(rw::ErrorKind::InvalidArgument));
    QCOMPARE(errorKindOf([&] {
                 rw::estimateOrientationWithin(flat, 3.0, {20, 20, 16, 4});
             }),
             std::optional(rw::ErrorKind::InvalidArgument));
    rw::SingularPointSearch search;
    search.ringRadius = 0;
    QCOMPARE(errorKindOf([&] {
                 rw::findSingularPoints(constantField({16, 16}, 0.0), cv::Mat(), search);
             }),
             std::optional(rw::ErrorKind::InvalidArgument));
}

QTEST_GUILESS_MAIN(TestRidgeAnalysis)
#include "tst_ridgeanalysis.moc"
