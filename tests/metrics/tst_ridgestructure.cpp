// Orientation and frequency error on sinusoid gratings, where the answer is the construction:
// a grating against itself rotated by a known angle, or against one of another period.
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/RidgeStructure.h"

#include <QtTest>

#include <opencv2/core.hpp>

#include <cmath>
#include <numbers>

namespace {

// Grey levels 128 +- 100 cos(2 pi t / period), t running across ridges that point along
// `angleDeg` (image convention: x right, y down).
cv::Mat grating(cv::Size size, double angleDeg, double period)
{
    const double a = angleDeg * std::numbers::pi / 180.0;
    cv::Mat image(size, CV_8UC1);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            image.at<unsigned char>(y, x) = cv::saturate_cast<unsigned char>(
                128.0 + 100.0 * std::cos(2.0 * std::numbers::pi *
                                         (-x * std::sin(a) + y * std::cos(a)) / period));
    return image;
}

// The interior, away from the reflected image border where the estimated field bends.
cv::Mat interior(cv::Size size, int margin)
{
    cv::Mat mask = cv::Mat::zeros(size, CV_8UC1);
    mask(cv::Rect(margin, margin, size.width - 2 * margin, size.height - 2 * margin)).setTo(255);
    return mask;
}

using rw::test::errorKindOf;

}  // namespace

class TestRidgeStructure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identicalGratings();
    void rotatedGrating_data();
    void rotatedGrating();
    void localPeriodOfGrating_data();
    void localPeriodOfGrating();
    void frequencyError();
    void blankCandidateLosesFrequency();
    void emptyRegionIsNaN();
    void rejectsBadInput();
};

void TestRidgeStructure::identicalGratings()
{
    const cv::Mat g = grating({128, 128}, 30.0, 9.0);
    const rw::RidgeStructureError e = rw::measureRidgeStructure(g, g);
    QCOMPARE(e.orientationDeg, 0.0);
    QCOMPARE(e.frequencyPercent, 0.0);
    QCOMPARE(e.blocks, std::size_t(16));  // 4 x 4 blocks of 32 px
}

void TestRidgeStructure::rotatedGrating_data()
{
    QTest::addColumn<double>("base");
    QTest::addColumn<double>("rotation");
    QTest::newRow("10 deg") << 20.0 << 10.0;
    QTest::newRow("30 deg") << 20.0 << 30.0;
    QTest::newRow("-45 deg") << 60.0 << -45.0;
    // Axial: 170 deg apart is 10 deg.
    QTest::newRow("170 deg") << 5.0 << 170.0;
}

void TestRidgeStructure::rotatedGrating()
{
    QFETCH(double, base);
    QFETCH(double, rotation);
    const cv::Size size(160, 160);
    const rw::RidgeStructureError e = rw::measureRidgeStructure(
        grating(size, base, 9.0), grating(size, base + rotation, 9.0), interior(size, 24));
    double expected = std::fmod(std::abs(rotation), 180.0);
    expected = std::min(expected, 180.0 - expected);
    qInfo("orientation error %.3f deg for %.1f deg", e.orientationDeg, expected);
    QVERIFY2(std::abs(e.orientationDeg - expected) < 1.5,
             qPrintable(QStringLiteral("%1 deg for %2").arg(e.orientationDeg).arg(expected)));
    // Same period: the frequency agrees.
    QVERIFY2(e.frequencyPercent < 3.0, qPrintable(QString::number(e.frequencyPercent)));
}

void TestRidgeStructure::localPeriodOfGrating_data()
{
    QTest::addColumn<double>("angle");
    QTest::addColumn<double>("period");
    QTest::newRow("8 px, 0 deg") << 0.0 << 8.0;
    QTest::newRow("9 px, 35 deg") << 35.0 << 9.0;
    QTest::newRow("10 px, 120 deg") << 120.0 << 10.0;
    QTest::newRow("12 px, 80 deg") << 80.0 << 12.0;
}

void TestRidgeStructure::localPeriodOfGrating()
{
    QFETCH(double, angle);
    QFETCH(double, period);
    const cv::Mat periods = rw::localRidgePeriod(grating({128, 96}, angle, period));
    QCOMPARE(periods.type(), CV_32FC1);
    QCOMPARE(periods.size(), cv::Size(128, 96));
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(periods, &lo, &hi);
    qInfo("period %.2f..%.2f for %.1f", lo, hi, period);
    QVERIFY2(lo > 0.97 * period && hi < 1.03 * period,
             qPrintable(QStringLiteral("%1..%2 for %3").arg(lo).arg(hi).arg(period)));
}

void TestRidgeStructure::frequencyError()
{
    // Period 8 vs 10: frequency 1/10 against 1/8 is 20 % lower.
    const cv::Size size(128, 128);
    const rw::RidgeStructureError e =
        rw::measureRidgeStructure(grating(size, 40.0, 8.0), grating(size, 40.0, 10.0));
    qInfo("frequency error %.2f %% over %zu blocks", e.frequencyPercent, e.blocks);
    QVERIFY2(std::abs(e.frequencyPercent - 20.0) < 2.0,
             qPrintable(QString::number(e.frequencyPercent)));
    QCOMPARE(e.blocks, std::size_t(16));
    QVERIFY(e.orientationDeg < 1.5);
    // The other way round: 1/8 against 1/10 is 25 % higher.
    const rw::RidgeStructureError back =
        rw::measureRidgeStructure(grating(size, 40.0, 10.0), grating(size, 40.0, 8.0));
    QVERIFY2(std::abs(back.frequencyPercent - 25.0) < 2.5,
             qPrintable(QString::number(back.frequencyPercent)));
}

void TestRidgeStructure::blankCandidateLosesFrequency()
{
    // Ridges filled in with paper: no period left, 100 % in the blanked blocks only.
    const cv::Size size(128, 128);
    const cv::Mat reference = grating(size, 70.0, 9.0);
    cv::Mat candidate = reference.clone();
    candidate(cv::Rect(0, 0, 64, 128)).setTo(200);
    cv::Mat left = cv::Mat::zeros(size, CV_8UC1);
    left(cv::Rect(0, 0, 32, 128)).setTo(255);
    cv::Mat right = cv::Mat::zeros(size, CV_8UC1);
    right(cv::Rect(96, 0, 32, 128)).setTo(255);
    QCOMPARE(rw::measureRidgeStructure(reference, candidate, left).frequencyPercent, 100.0);
    QVERIFY(rw::measureRidgeStructure(reference, candidate, right).frequencyPercent < 3.0);
    // A blank reference has no period: no block qualifies.
    const cv::Mat blank(size, CV_8UC1, cv::Scalar(200));
    const rw::RidgeStructureError none = rw::measureRidgeStructure(blank, reference);
    QCOMPARE(none.blocks, std::size_t(0));
    QVERIFY(std::isnan(none.frequencyPercent));
    QCOMPARE(cv::countNonZero(rw::localRidgePeriod(blank)), 0);
}

void TestRidgeStructure::emptyRegionIsNaN()
{
    const cv::Mat g = grating({64, 64}, 0.0, 9.0);
    const rw::RidgeStructureError e =
        rw::measureRidgeStructure(g, g, cv::Mat::zeros(g.size(), CV_8UC1));
    QVERIFY(std::isnan(e.orientationDeg));
    QVERIFY(std::isnan(e.frequencyPercent));
    QCOMPARE(e.blocks, std::size_t(0));
}

void TestRidgeStructure::rejectsBadInput()
{
    const cv::Mat g = grating({64, 64}, 0.0, 9.0);
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([&] {
                 rw::measureRidgeStructure(g, grating({64, 65}, 0.0, 9.0));
             }),
             invalid);
    QCOMPARE(errorKindOf([&] { rw::measureRidgeStructure(g, g, cv::Mat::zeros(8, 8, CV_8UC1)); }),
             invalid);
    cv::Mat color;
    cv::merge(std::vector<cv::Mat>{g, g, g}, color);
    QCOMPARE(errorKindOf([&] { rw::measureRidgeStructure(color, g); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::localRidgePeriod(g, 4); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::localRidgePeriod(cv::Mat()); }), invalid);
}

QTEST_GUILESS_MAIN(TestRidgeStructure)
#include "tst_ridgestructure.moc"
