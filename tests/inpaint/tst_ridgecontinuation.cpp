// Ridge continuation: a straight grating carries on through a hole in orientation and phase,
// a synthetic print's field is followed, background stays background, and the evidence
// outside the hole is never touched.
#include "CachedSyntheticPrint.h"
#include "DiscMask.h"
#include "ErrorKindOf.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/inpaint/HoleFill.h"
#include "ridgeworks/inpaint/RidgeContinuation.h"
#include "ridgeworks/metrics/Baselines.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace {

constexpr double kPi = std::numbers::pi;

// Dark-and-light ridges running at `angle` (radians from +x towards +y) with `period` px.
cv::Mat grating(cv::Size size, double angle, double period)
{
    cv::Mat image(size, CV_8UC1);
    const double nx = -std::sin(angle), ny = std::cos(angle);  // across the ridges
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x)
            image.at<unsigned char>(y, x) = cv::saturate_cast<unsigned char>(
                128.0 + 90.0 * std::cos(2.0 * kPi * (x * nx + y * ny) / period));
    return image;
}

cv::Mat withJunkUnder(const cv::Mat& image, const cv::Mat& mask, int seed)
{
    cv::Mat junk(image.size(), CV_8UC1);
    cv::RNG rng(static_cast<std::uint64_t>(seed));
    rng.fill(junk, cv::RNG::UNIFORM, 0, 256);
    cv::Mat out = image.clone();
    junk.copyTo(out, mask);
    return out;
}

// Pearson correlation of two images over a mask.
double correlation(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask)
{
    cv::Scalar meanA, sdA, meanB, sdB;
    cv::meanStdDev(a, meanA, sdA, mask);
    cv::meanStdDev(b, meanB, sdB, mask);
    cv::Mat fa, fb;
    a.convertTo(fa, CV_64F, 1.0, -meanA[0]);
    b.convertTo(fb, CV_64F, 1.0, -meanB[0]);
    return cv::mean(fa.mul(fb), mask)[0] / (sdA[0] * sdB[0]);
}

double stdInside(const cv::Mat& image, const cv::Mat& mask)
{
    cv::Scalar mean, sd;
    cv::meanStdDev(image, mean, sd, mask);
    return sd[0];
}

using rw::test::errorKindOf;

}  // namespace

class TestRidgeContinuation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gratingCarriesOnInOrientationAndPhase_data();
    void gratingCarriesOnInOrientationAndPhase();
    void followsASyntheticPrintsField();
    void holesOverCoresAndDeltasFollowTheField();
    void anArchGetsNoInventedCoreAndDelta();
    void whatLiesUnderTheHoleIsIgnored();
    void flatSurroundingsGiveTheirBrightness();
    void backgroundStaysBackground();
    void emptyAndFullMasksChangeNothing();
    void growsAlongAGuideOrientation();
    void growsOneHoleAlongTwoOrientations();
    void takesBrightnessAndContrastFromAReducedCopy();
    void usesAReducedCopyThatFallsAPixelShort();
    void rejectsBadInput();
    void holeInputForEachFill();
};

void TestRidgeContinuation::gratingCarriesOnInOrientationAndPhase_data()
{
    QTest::addColumn<double>("degrees");
    QTest::addColumn<double>("period");
    QTest::newRow("0°, 8 px") << 0.0 << 8.0;
    QTest::newRow("30°, 9 px") << 30.0 << 9.0;
    QTest::newRow("125°, 6 px") << 125.0 << 6.0;
}

void TestRidgeContinuation::gratingCarriesOnInOrientationAndPhase()
{
    QFETCH(double, degrees);
    QFETCH(double, period);
    const cv::Mat clean = grating({160, 150}, degrees * kPi / 180.0, period);
    const cv::Mat hole = rw::test::discMask(clean.size(), {80, 75}, 26);
    const cv::Mat damaged = withJunkUnder(clean, hole, 3);

    const cv::Mat filled = rw::continueRidges(damaged, hole);
    QCOMPARE(filled.type(), CV_8UC1);
    QCOMPARE(cv::norm(filled, damaged, cv::NORM_INF, hole == 0), 0.0);  // outside untouched

    // Orientation within a few degrees, phase carried through (a grey or out-of-phase fill
    // correlates near 0), and ridge contrast close to the surroundings'.
    cv::Mat truth(clean.size(), CV_32FC1, cv::Scalar(std::fmod(degrees, 180.0) * kPi / 180.0));
    const double orientationError =
        rw::meanOrientationErrorDeg(rw::estimateOrientation(filled), truth, hole);
    const double r = correlation(filled, clean, hole);
    const double contrast = stdInside(filled, hole) / stdInside(clean, hole);
    QVERIFY2(orientationError < 4.0, qPrintable(QString::number(orientationError)));
    QVERIFY2(r > 0.7, qPrintable(QString::number(r)));
    QVERIFY2(contrast > 0.6 && contrast < 1.4, qPrintable(QString::number(contrast)));
    // Telea, on the same hole, neither keeps the contrast nor the phase that well.
    const cv::Mat telea = rw::applyBaseline(rw::Baseline::Telea, damaged, hole);
    QVERIFY(stdInside(telea, hole) / stdInside(clean, hole) < contrast);
}

// The orientation error inside a disc hole of a synthetic print (against the generator's
// own field), for the continuation and for Telea.
struct FieldErrors {
    double ours = 0.0, teleas = 0.0, contrast = 0.0;
};

FieldErrors fillDisc(const rw::SyntheticPrint& print, cv::Point centre, int radius)
{
    const cv::Mat hole = rw::test::discMask(print.image.size(), centre, radius) & print.foreground;
    const cv::Mat damaged = withJunkUnder(print.image, hole, 4);
    const cv::Mat filled = rw::continueRidges(damaged, hole);
    const cv::Mat telea = rw::applyBaseline(rw::Baseline::Telea, damaged, hole);
    FieldErrors e;
    e.ours = rw::meanOrientationErrorDeg(rw::estimateOrientation(filled), print.orientation, hole);
    e.teleas = rw::meanOrientationErrorDeg(rw::estimateOrientation(telea), print.orientation, hole);
    e.contrast = stdInside(filled, hole) / stdInside(print.image, hole);
    return e;
}

void TestRidgeContinuation::followsASyntheticPrintsField()
{
    // A hole well inside the print and far from its cores and deltas.
    const rw::SyntheticPrint& print = rw::test::cachedSyntheticPrint(11, 256, 256);
    cv::Mat inner;
    cv::erode(print.foreground, inner, cv::getStructuringElement(cv::MORPH_ELLIPSE, {61, 61}));
    std::vector<cv::Point> candidates;
    cv::findNonZero(inner, candidates);
    const auto farFromSingularities = [&](cv::Point p) {
        for (const rw::SingularPoint& s : print.singularities)
            if (cv::norm(cv::Point2d(p) - s.position) < 50.0)
                return false;
        return true;
    };
    const auto centre = std::find_if(candidates.begin(), candidates.end(), farFromSingularities);
    QVERIFY(centre != candidates.end());

    const FieldErrors e = fillDisc(print, *centre, 22);
    QVERIFY2(e.ours < 8.0 && e.ours < e.teleas,
             qPrintable(QStringLiteral("%1° vs Telea %2°").arg(e.ours).arg(e.teleas)));
    QVERIFY2(e.contrast > 0.6, qPrintable(QString::number(e.contrast)));  // ridges, not blur
}

void TestRidgeContinuation::holesOverCoresAndDeltasFollowTheField()
{
    // Holes over each core and delta of three prints, at two sizes and two offsets. No
    // singular point is placed (the rim's Poincaré index misled the fill on real prints); the
    // membrane still follows the field around them far better than Telea. Measured: 10.1°
    // on average against Telea's 18.5° (9.1° when the hidden point was placed by a search).
    double ours = 0.0, teleas = 0.0;
    int holes = 0;
    for (std::uint64_t seed : {11u, 12u, 21u}) {
        const rw::SyntheticPrint& print = rw::test::cachedSyntheticPrint(seed, 256, 256);
        for (const rw::SingularPoint& s : print.singularities) {
            if (!print.foreground.at<unsigned char>(cv::Point(s.position)))
                continue;
            for (const cv::Point offset : {cv::Point(6, -5), cv::Point(-7, 6)})
                for (const int radius : {20, 26}) {
                    const FieldErrors e = fillDisc(print, cv::Point(s.position) + offset, radius);
                    ours += e.ours;
                    teleas += e.teleas;
                    ++holes;
                }
        }
    }
    QCOMPARE(holes, 24);
    QVERIFY2(ours / holes < 10.5 && ours < 0.7 * teleas,
             qPrintable(QStringLiteral("%1° vs Telea %2°").arg(ours / holes).arg(teleas / holes)));
}

void TestRidgeContinuation::anArchGetsNoInventedCoreAndDelta()
{
    // An arch (no core, no delta) with a hole where its ridges bend: the rim turns one way
    // and back, no net turn. A core and a delta placed in the hole mimic that bend on the rim
    // about as well as the smooth field does (a search that accepted such pairs put one here:
    // 29° off), but they would be invented detail; the fill follows the bend instead.
    rw::SynthOptions options;
    options.width = 160;
    options.height = 176;
    options.ppi = 500.0;
    options.seed = 700001;  // the first held-out print of the tuning evaluation
    const rw::SyntheticPrint print = rw::generateSyntheticPrint(options);
    QVERIFY(print.singularities.empty());
    rw::DamageSpec spec;
    spec.kind = rw::DamageKind::Rotation;
    spec.level = rw::DamageLevel::Easy;
    spec.seed = 1468536097633245895u;  // as the evaluation derives it for this print
    spec.ppi = options.ppi;
    const rw::DamagedPrint damaged = rw::applyDamage(print.image, print.foreground, spec);
    const cv::Mat hole = damaged.mask != 0;

    const cv::Mat orientation = rw::estimateOrientation(rw::continueRidges(damaged.image, hole));
    const cv::Mat region = hole & print.foreground;
    const double error =
        rw::meanOrientationErrorDeg(rw::estimateOrientation(print.image), orientation, region);
    QVERIFY2(error < 8.0, qPrintable(QStringLiteral("%1°").arg(error)));
    QVERIFY(rw::findSingularPoints(orientation, region).empty());
}

void TestRidgeContinuation::whatLiesUnderTheHoleIsIgnored()
{
    const cv::Mat clean = grating({96, 90}, 0.7, 7.0);
    const cv::Mat hole = rw::test::discMask(clean.size(), {45, 50}, 18);
    const cv::Mat a = rw::continueRidges(withJunkUnder(clean, hole, 1), hole);
    const cv::Mat b = rw::continueRidges(withJunkUnder(clean, hole, 2), hole);
    QCOMPARE(cv::norm(a, b, cv::NORM_INF), 0.0);
}

void TestRidgeContinuation::flatSurroundingsGiveTheirBrightness()
{
    cv::Mat damaged(64, 64, CV_8UC1, cv::Scalar(137));
    const cv::Mat hole = rw::test::discMask(damaged.size(), {30, 34}, 12);
    damaged.setTo(0, hole);
    const cv::Mat filled = rw::continueRidges(damaged, hole);
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(filled, &lo, &hi);
    QCOMPARE(lo, 137.0);
    QCOMPARE(hi, 137.0);
}

void TestRidgeContinuation::backgroundStaysBackground()
{
    // Ridges on the left half, blank paper (230) on the right; a hole across the edge.
    cv::Mat damaged = grating({160, 120}, 0.4, 8.0);
    damaged(cv::Rect(80, 0, 80, 120)).setTo(230);
    const cv::Mat hole = rw::test::discMask(damaged.size(), {80, 60}, 24);
    const cv::Mat filled = rw::continueRidges(withJunkUnder(damaged, hole, 5), hole);
    const cv::Mat deepBackground = hole & rw::test::discMask(damaged.size(), {100, 60}, 6);
    const cv::Mat ridgeSide = hole & rw::test::discMask(damaged.size(), {62, 60}, 6);
    QVERIFY2(cv::mean(filled, deepBackground)[0] > 200.0,
             qPrintable(QString::number(cv::mean(filled, deepBackground)[0])));
    QVERIFY(stdInside(filled, ridgeSide) > 3.0 * stdInside(filled, deepBackground));
}

void TestRidgeContinuation::emptyAndFullMasksChangeNothing()
{
    const cv::Mat image = grating({40, 30}, 0.2, 6.0);
    for (const cv::Mat& mask : {cv::Mat(), cv::Mat(cv::Mat::zeros(image.size(), CV_8UC1)),
                                cv::Mat(image.size(), CV_8UC1, cv::Scalar(255))})
        QCOMPARE(cv::norm(rw::continueRidges(image, mask), image, cv::NORM_INF), 0.0);
}

void TestRidgeContinuation::growsAlongAGuideOrientation()
{
    // Ridges at 0° around the hole; a guide of 40° inside it (as ridge regrowth gives the
    // network's orientation). Deep in the hole the grown ridges run along the guide, where
    // without it they carry on at 0°; outside the hole nothing changes either way.
    const cv::Mat clean = grating({160, 150}, 0.0, 8.0);
    const cv::Mat hole = rw::test::discMask(clean.size(), {80, 75}, 30);
    const cv::Mat damaged = withJunkUnder(clean, hole, 4);
    const cv::Mat deep = rw::test::discMask(clean.size(), {80, 75}, 12);
    const double guideAngle = 40.0 * kPi / 180.0;
    rw::RidgeContinuationOptions guided;
    guided.guideOrientation = cv::Mat(clean.size(), CV_32FC1, cv::Scalar(guideAngle));
    const cv::Mat alongGuide = rw::continueRidges(damaged, hole, guided);
    const cv::Mat carriedOn = rw::continueRidges(damaged, hole);
    QCOMPARE(cv::norm(alongGuide, damaged, cv::NORM_INF, hole == 0), 0.0);

    const double toGuide = rw::meanOrientationErrorDeg(rw::estimateOrientation(alongGuide),
                                                       guided.guideOrientation, deep);
    const cv::Mat zero = cv::Mat::zeros(clean.size(), CV_32FC1);
    const double toRim =
        rw::meanOrientationErrorDeg(rw::estimateOrientation(carriedOn), zero, deep);
    QVERIFY2(toGuide < 6.0, qPrintable(QString::number(toGuide)));
    QVERIFY2(toRim < 4.0, qPrintable(QString::number(toRim)));
    // Still ridges, not a flat fill.
    QVERIFY(stdInside(alongGuide, deep) > 0.6 * stdInside(clean, deep));

    rw::RidgeContinuationOptions wrongSize;
    wrongSize.guideOrientation = cv::Mat::zeros(10, 10, CV_32FC1);
    QCOMPARE(errorKindOf([&] { rw::continueRidges(damaged, hole, wrongSize); }),
             std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument));
}

void TestRidgeContinuation::growsOneHoleAlongTwoOrientations()
{
    // The two-step form (what ridge regrowth uses) gives continueRidges' result exactly, with
    // and without a guide, from one measurement of the surroundings, however it was set up.
    const cv::Mat clean = grating({160, 150}, 0.3, 9.0);
    const cv::Mat hole = rw::test::discMask(clean.size(), {80, 75}, 28);
    const cv::Mat damaged = withJunkUnder(clean, hole, 6);
    const rw::RidgeContinuation continuation(damaged, hole);
    QVERIFY2(std::abs(continuation.period() - 9.0) < 0.5,
             qPrintable(QString::number(continuation.period())));
    QCOMPARE(cv::norm(continuation.grow(), rw::continueRidges(damaged, hole), cv::NORM_INF), 0.0);
    rw::RidgeContinuationOptions guided;
    guided.guideOrientation = cv::Mat(clean.size(), CV_32FC1, cv::Scalar(1.1));
    QCOMPARE(cv::norm(continuation.grow(guided.guideOrientation),
                      rw::continueRidges(damaged, hole, guided), cv::NORM_INF),
             0.0);
    // Set up for growing along its own field too (the orientation then worked out side by side
    // with the surroundings), it grows both ways exactly as before.
    const rw::RidgeContinuation ownField(damaged, hole, 0.0,
                                         rw::RidgeContinuation::Growth::AlongOwnField);
    QCOMPARE(cv::norm(ownField.grow(), continuation.grow(), cv::NORM_INF), 0.0);
    QCOMPARE(cv::norm(ownField.grow(guided.guideOrientation),
                      continuation.grow(guided.guideOrientation), cv::NORM_INF),
             0.0);
    // The guided growth differs from the unguided one: the guide is used, not ignored.
    QVERIFY(cv::countNonZero(continuation.grow(guided.guideOrientation) != continuation.grow()) >
            cv::countNonZero(hole) / 4);
    QCOMPARE(errorKindOf([&] { continuation.grow(cv::Mat::zeros(10, 10, CV_32FC1)); }),
             std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument));
    QCOMPARE(errorKindOf([&] { rw::RidgeContinuation(damaged, hole, -1.0); }),
             std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument));
}

namespace {

// A continuation of `damaged` that takes its brightness and contrast from `reduced`, checked
// against one that measures them on the print: known pixels untouched, the grown ridges close
// to the measured ones and to the clean grating. Returns the mean difference inside the hole.
double compareWithMeasured(const cv::Mat& clean, const cv::Mat& damaged, const cv::Mat& hole,
                           const rw::RidgeContinuation& reduced, cv::Mat* measuredOut = nullptr)
{
    const cv::Mat measured = rw::RidgeContinuation(damaged, hole, 9.0).grow();
    const cv::Mat shared = rw::RidgeContinuation(damaged, hole, 9.0, reduced).grow();
    [&] { QCOMPARE(cv::norm(shared, damaged, cv::NORM_INF, hole == 0), 0.0); }();
    cv::Mat difference;
    cv::absdiff(shared, measured, difference);
    const double meanDifference = cv::mean(difference, hole)[0];
    qInfo("mean difference inside the hole: %.2f gray levels", meanDifference);
    [&] {
        QVERIFY2(meanDifference < 8.0, qPrintable(QString::number(meanDifference)));
        QVERIFY(correlation(shared, clean, hole) > 0.8);
    }();
    if (measuredOut)
        *measuredOut = measured;
    return meanDifference;
}

}  // namespace

void TestRidgeContinuation::takesBrightnessAndContrastFromAReducedCopy()
{
    // Ridge regrowth on a print the network sees reduced: the brightness and contrast come
    // from the starting fill's continuation of the reduced print, enlarged. The grown ridges
    // are then nearly those of a continuation that measures them on the print itself.
    const cv::Mat clean = grating({200, 180}, 0.4, 9.0);
    const cv::Mat hole = rw::test::discMask(clean.size(), {100, 90}, 30);
    const cv::Mat damaged = withJunkUnder(clean, hole, 7);
    cv::Mat smallDamaged, smallHole;
    cv::resize(damaged, smallDamaged, {}, 0.6, 0.6, cv::INTER_AREA);
    cv::resize(hole, smallHole, smallDamaged.size(), 0, 0, cv::INTER_AREA);
    smallHole = smallHole > 0;
    cv::Mat measured;
    compareWithMeasured(clean, damaged, hole,
                        rw::RidgeContinuation(smallDamaged, smallHole, 9.0 * 0.6), &measured);
    if (QTest::currentTestFailed())
        return;
    // A reduced copy that does not cover the hole's surroundings is not used: measured.
    const cv::Mat otherHole = rw::test::discMask(smallDamaged.size(), {25, 25}, 8);
    const rw::RidgeContinuation elsewhere(smallDamaged, otherHole, 9.0 * 0.6);
    QCOMPARE(cv::norm(rw::RidgeContinuation(damaged, hole, 9.0, elsewhere).grow(), measured,
                      cv::NORM_INF),
             0.0);
}

void TestRidgeContinuation::usesAReducedCopyThatFallsAPixelShort()
{
    // Where the hole's depth sets the work margin, the reduced copy's region, enlarged, ends a
    // pixel or two short of the print's (its depth was rounded at the smaller size). The copy
    // is still used, on the region it covers; measuring again instead cost a 512×512 print
    // about 15 ms. With this hole (reduced without blurring its edge) the copy falls short.
    const cv::Mat clean = grating({300, 280}, 0.4, 9.0);
    const cv::Mat hole = rw::test::discMask(clean.size(), {150, 140}, 40);
    const cv::Mat damaged = withJunkUnder(clean, hole, 7);
    cv::Mat smallDamaged, smallHole;
    cv::resize(damaged, smallDamaged, {}, 0.64, 0.64, cv::INTER_AREA);
    cv::resize(hole, smallHole, smallDamaged.size(), 0, 0, cv::INTER_NEAREST);
    const double meanDifference = compareWithMeasured(
        clean, damaged, hole, rw::RidgeContinuation(smallDamaged, smallHole, 9.0 * 0.64));
    QVERIFY2(meanDifference > 0.0, "the reduced copy was not used");
}

void TestRidgeContinuation::rejectsBadInput()
{
    const cv::Mat image = grating({40, 30}, 0.2, 6.0);
    const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
    QCOMPARE(errorKindOf([&] { rw::continueRidges(cv::Mat(), {}); }), invalid);
    QCOMPARE(errorKindOf([&] { rw::continueRidges(image, cv::Mat::zeros(10, 10, CV_8UC1)); }),
             invalid);
    cv::Mat color;
    cv::cvtColor(image, color, cv::COLOR_GRAY2BGR);
    QCOMPARE(errorKindOf([&] { rw::continueRidges(color, {}); }), invalid);
    rw::RidgeContinuationOptions negative;
    negative.ridgePeriod = -1.0;
    QCOMPARE(errorKindOf([&] {
                 rw::continueRidges(image, rw::test::discMask(image.size(), {10, 10}, 4), negative);
             }),
             invalid);
}

void TestRidgeContinuation::holeInputForEachFill()
{
    const cv::Mat clean = grating({64, 72}, 1.1, 7.0);
    cv::Mat hole8 = rw::test::discMask(clean.size(), {30, 32}, 12);
    cv::Mat image, hole;
    withJunkUnder(clean, hole8, 6).convertTo(image, CV_32FC1, 1.0 / 255.0);
    hole8.convertTo(hole, CV_32FC1, 1.0 / 255.0);

    QCOMPARE(cv::norm(rw::prepareHoleInput(rw::HoleFill::Grey, image, hole), image, cv::NORM_INF),
             0.0);
    const cv::Mat prepared = rw::prepareHoleInput(rw::HoleFill::RidgeContinuation, image, hole);
    QCOMPARE(cv::norm(prepared, image, cv::NORM_INF, hole8 == 0), 0.0);  // outside: same floats
    cv::Mat gray, expected;
    image.convertTo(gray, CV_8UC1, 255.0);
    rw::continueRidges(gray, hole8).convertTo(expected, CV_32FC1, 1.0 / 255.0);
    QCOMPARE(cv::norm(prepared, expected, cv::NORM_INF, hole8), 0.0);

    QCOMPARE(rw::holeFillFromString("ridge-continuation"),
             std::optional<rw::HoleFill>(rw::HoleFill::RidgeContinuation));
    QCOMPARE(rw::holeFillFromString("grey"), std::optional<rw::HoleFill>(rw::HoleFill::Grey));
    QCOMPARE(rw::holeFillFromString("gray"), std::optional<rw::HoleFill>());
    QCOMPARE(errorKindOf([&] { rw::prepareHoleInput(rw::HoleFill::Grey, gray, hole); }),
             std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument));
}

QTEST_GUILESS_MAIN(TestRidgeContinuation)
#include "tst_ridgecontinuation.moc"
