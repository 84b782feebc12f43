// Classical baselines: names, the untouched outside of the mask, and inpainting of a hole in
// a constant image (which any sensible fill must restore exactly).
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/Baselines.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace {

cv::Mat texture(cv::Size size)
{
    cv::Mat image(size, CV_8UC1);
    cv::RNG rng(5);
    rng.fill(image, cv::RNG::UNIFORM, 0, 256);
    return image;
}

cv::Mat discMask(cv::Size size, cv::Point centre, int radius)
{
    cv::Mat mask = cv::Mat::zeros(size, CV_8UC1);
    cv::circle(mask, centre, radius, cv::Scalar(255), cv::FILLED);
    return mask;
}

using rw::test::errorKindOf;

}  // namespace

Q_DECLARE_METATYPE(rw::Baseline)

class TestBaselines : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names();
    void outsideIsBitIdentical_data();
    void outsideIsBitIdentical();
    void identityIsACopy();
    void fillsConstantHole_data();
    void fillsConstantHole();
    void emptyMaskChangesNothing();
    void rejectsBadInput();
};

void TestBaselines::names()
{
    QCOMPARE(rw::allBaselines().size(), std::size_t(4));
    for (rw::Baseline b : rw::allBaselines())
        QCOMPARE(rw::baselineFromString(rw::toString(b)), std::optional<rw::Baseline>(b));
    QCOMPARE(QString::fromLatin1(rw::toString(rw::Baseline::NavierStokes)),
             QStringLiteral("navier-stokes"));
    QCOMPARE(QString::fromLatin1(rw::toString(rw::Baseline::RidgeContinuation)),
             QStringLiteral("ridge-continuation"));
    QCOMPARE(rw::baselineFromString("Telea"), std::optional<rw::Baseline>());
    QCOMPARE(rw::baselineFromString(""), std::optional<rw::Baseline>());
}

void TestBaselines::outsideIsBitIdentical_data()
{
    QTest::addColumn<rw::Baseline>("baseline");
    for (rw::Baseline b : rw::allBaselines())
        QTest::newRow(rw::toString(b)) << b;
}

void TestBaselines::outsideIsBitIdentical()
{
    QFETCH(rw::Baseline, baseline);
    const cv::Mat damaged = texture({96, 80});
    cv::Mat mask = discMask(damaged.size(), {40, 40}, 15);
    mask(cv::Rect(70, 5, 20, 10)).setTo(1);  // any nonzero value fills
    const cv::Mat filled = rw::applyBaseline(baseline, damaged, mask);
    QCOMPARE(filled.type(), CV_8UC1);
    QCOMPARE(filled.size(), damaged.size());
    QVERIFY(filled.data != damaged.data);  // a new image: the evidence is never written
    cv::Mat outside = mask == 0;
    cv::Mat differs;
    cv::compare(filled, damaged, differs, cv::CMP_NE);
    QCOMPARE(cv::countNonZero(differs & outside), 0);
    if (baseline != rw::Baseline::Identity)
        QVERIFY(cv::countNonZero(differs & ~outside) > 0);  // the hole was filled
}

void TestBaselines::identityIsACopy()
{
    const cv::Mat damaged = texture({32, 32});
    const cv::Mat out =
        rw::applyBaseline(rw::Baseline::Identity, damaged, discMask({32, 32}, {16, 16}, 8));
    QCOMPARE(cv::norm(out, damaged, cv::NORM_INF), 0.0);
}

void TestBaselines::fillsConstantHole_data()
{
    QTest::addColumn<rw::Baseline>("baseline");
    QTest::newRow("telea") << rw::Baseline::Telea;
    QTest::newRow("navier-stokes") << rw::Baseline::NavierStokes;
    QTest::newRow("ridge-continuation") << rw::Baseline::RidgeContinuation;
}

void TestBaselines::fillsConstantHole()
{
    // Gray 137 with a black hole: the fill must come back to 137. Navier–Stokes does so
    // exactly; OpenCV's Telea estimates gradients at the marching front from its own first
    // guesses and wobbles by up to 3 gray levels, but its mean stays on 137.
    QFETCH(rw::Baseline, baseline);
    cv::Mat damaged(64, 64, CV_8UC1, cv::Scalar(137));
    const cv::Mat mask = discMask(damaged.size(), {30, 34}, 12);
    damaged.setTo(0, mask);
    const cv::Mat filled = rw::applyBaseline(baseline, damaged, mask, 3.0);
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(filled, &lo, &hi);
    // Ridge continuation finds no ridges here and fills with the surroundings' brightness.
    const double tolerance = baseline == rw::Baseline::Telea ? 3.0 : 0.0;
    QVERIFY2(lo >= 137.0 - tolerance && hi <= 137.0 + tolerance,
             qPrintable(QStringLiteral("%1..%2").arg(lo).arg(hi)));
    QVERIFY(std::abs(cv::mean(filled, mask)[0] - 137.0) < 1.0);
    // What lay under the mask does not leak into the fill.
    cv::Mat white = damaged.clone();
    white.setTo(255, mask);
    QCOMPARE(cv::norm(rw::applyBaseline(baseline, white, mask, 3.0), filled, cv::NORM_INF), 0.0);
}

void TestBaselines::emptyMaskChangesNothing()
{
    const cv::Mat damaged = texture({40, 30});
    for (rw::Baseline b : rw::allBaselines()) {
        for (const cv::Mat& mask : {cv::Mat(), cv::Mat(cv::Mat::zeros(damaged.size(), CV_8UC1))})
            QCOMPARE(cv::norm(rw::applyBaseline(b, damaged, mask), damaged, cv::NORM_INF), 0.0);
    }
}

void TestBaselines::rejectsBadInput()
{
    const cv::Mat damaged = texture({40, 30});
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([&] {
                 rw::applyBaseline(rw::Baseline::Telea, damaged, cv::Mat::zeros(10, 10, CV_8UC1));
             }),
             invalid);
    QCOMPARE(errorKindOf([&] { rw::applyBaseline(rw::Baseline::Telea, cv::Mat(), {}); }), invalid);
    cv::Mat color;
    cv::cvtColor(damaged, color, cv::COLOR_GRAY2BGR);
    QCOMPARE(errorKindOf([&] { rw::applyBaseline(rw::Baseline::Telea, color, {}); }), invalid);
    QCOMPARE(errorKindOf([&] {
                 rw::applyBaseline(rw::Baseline::Telea, damaged,
                                   discMask(damaged.size(), {5, 5}, 3), 0.0);
             }),
             invalid);
}

QTEST_GUILESS_MAIN(TestBaselines)
#include "tst_baselines.moc"
