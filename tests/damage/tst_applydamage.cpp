// applyDamage measured on synthetic prints, per kind and level: the damaged share of the
// foreground lies in the documented range, the mask is exactly where pixels changed, the
// background and the input are untouched, rotations are recoverable, seeds are reproducible.
#include "DamageTestPrints.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/damage/Damage.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <map>
#include <utility>

Q_DECLARE_METATYPE(rw::DamageKind)
Q_DECLARE_METATYPE(rw::DamageLevel)

namespace {

using rw::DamageKind;
using rw::DamageLevel;

// The documented damaged-area ranges (README "Damage", docs/damage.md): share of the
// foreground's pixels in the mask, over the test prints and seeds.
std::pair<double, double> documentedRange(DamageKind kind, DamageLevel level)
{
    const int l = level == DamageLevel::Easy ? 0 : level == DamageLevel::Medium ? 1 : 2;
    auto around = [](double target) { return std::pair{target - 0.02, target + 0.02}; };
    switch (kind) {
    case DamageKind::Obliteration: return around(std::array{0.10, 0.20, 0.35}[l]);
    case DamageKind::Rotation: return around(std::array{0.08, 0.15, 0.25}[l]);
    case DamageKind::ZCut:
    case DamageKind::ZPlasty: return around(std::array{0.08, 0.15, 0.25}[l]);
    case DamageKind::Occlusion: return around(std::array{0.05, 0.12, 0.25}[l]);
    case DamageKind::Blur:
    case DamageKind::Contrast:
    case DamageKind::Elastic: return {0.9, 1.0};  // global: nearly every foreground pixel
    case DamageKind::Scratch:
        return std::array{std::pair{0.003, 0.03}, std::pair{0.02, 0.08}, std::pair{0.06, 0.18}}[l];
    case DamageKind::Background:
        return std::array{std::pair{0.03, 0.12}, std::pair{0.09, 0.22}, std::pair{0.18, 0.38}}[l];
    case DamageKind::Mask: break;
    }
    return {0.0, 1.0};
}

rw::DamageSpec spec(DamageKind kind, DamageLevel level, std::uint64_t seed)
{
    rw::DamageSpec s;
    s.kind = kind;
    s.level = level;
    s.seed = seed;
    return s;
}

bool identical(const cv::Mat& a, const cv::Mat& b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::countNonZero(a != b) == 0;
}

// Brute-force rotation matching: the angle about `centre` that best maps the original onto
// the damaged image inside the rotated disc (coarse 1° steps, then 0.05° around the best).
double recoverAngle(const cv::Mat& original, const cv::Mat& damaged, cv::Point2f centre,
                    double radius, const cv::Mat& foreground)
{
    cv::Mat inside = cv::Mat::zeros(original.size(), CV_8UC1);
    cv::circle(inside, centre, cvRound(radius - 3), cv::Scalar(255), cv::FILLED);
    inside &= foreground;
    auto cost = [&](double angle) {
        cv::Mat rotated;
        cv::warpAffine(original, rotated, cv::getRotationMatrix2D(centre, angle, 1.0),
                       original.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        cv::Mat diff;
        cv::absdiff(rotated, damaged, diff);
        return cv::mean(diff, inside)[0];
    };
    double best = 0.0, bestCost = 1e300;
    for (double a = -90.0; a <= 90.0; a += 1.0)
        if (const double c = cost(a); c < bestCost)
            bestCost = c, best = a;
    const double coarse = best;
    for (double a = coarse - 1.0; a <= coarse + 1.0; a += 0.05)
        if (const double c = cost(a); c < bestCost)
            bestCost = c, best = a;
    return best;
}

}  // namespace

class TestApplyDamage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void contractHolds_data()
    {
        QTest::addColumn<DamageKind>("kind");
        QTest::addColumn<DamageLevel>("level");
        for (DamageKind kind : rw::allDamageKinds()) {
            if (kind == DamageKind::Mask)
                continue;  // needs a user mask: tst_damagemask
            for (DamageLevel level : rw::presetDamageLevels())
                QTest::newRow((std::string(rw::toString(kind)) + "-" + rw::toString(level)).c_str())
                    << kind << level;
        }
    }
    void contractHolds()
    {
        QFETCH(DamageKind, kind);
        QFETCH(DamageLevel, level);
        const auto [lo, hi] = documentedRange(kind, level);
        QString measured;
        for (std::uint64_t printSeed : {3u, 8u}) {
            const rw::SyntheticPrint& print = rw::test::damageTestPrint(printSeed);
            const cv::Mat before = print.image.clone();
            for (std::uint64_t seed : {1u, 2u}) {
                const rw::DamagedPrint d =
                    rw::applyDamage(print.image, print.foreground, spec(kind, level, seed));
                QVERIFY(identical(print.image, before));  // input untouched
                QCOMPARE(d.image.size(), print.image.size());
                QCOMPARE(d.image.type(), CV_8UC1);
                QCOMPARE(d.mask.type(), CV_8UC1);
                const cv::Mat changed = d.image != print.image;
                // Outside the mask bit-identical; the mask lies inside the foreground.
                QCOMPARE(cv::countNonZero(changed & ~d.mask), 0);
                QCOMPARE(cv::countNonZero(d.mask & ~print.foreground), 0);
                // Inside the mask most pixels did change.
                const int masked = cv::countNonZero(d.mask);
                QVERIFY(masked > 0);
                const double changedShare = cv::countNonZero(changed & d.mask) / double(masked);
                QVERIFY2(changedShare > 0.8, qPrintable(QString::number(changedShare)));
                // The damaged fraction, as reported and as measured, in the documented range.
                const double fraction = masked / double(cv::countNonZero(print.foreground));
                QCOMPARE(d.damagedFraction, fraction);
                QVERIFY2(
                    fraction >= lo && fraction <= hi,
                    qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(fraction).arg(lo).arg(hi)));
                measured += QStringLiteral(" %1 (%2 changed)")
                                .arg(fraction, 0, 'f', 3)
                                .arg(changedShare, 0, 'f', 3);
                QVERIFY(!d.summary.empty());
            }
        }
        qInfo("%s %s damaged fraction:%s", rw::toString(kind), rw::toString(level),
              qPrintable(measured));
    }

    void sameSeedSameBytesOtherSeedOtherDamage_data() { contractHolds_data(); }
    void sameSeedSameBytesOtherSeedOtherDamage()
    {
        QFETCH(DamageKind, kind);
        QFETCH(DamageLevel, level);
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        const rw::DamagedPrint a = rw::applyDamage(print.image, {}, spec(kind, level, 5));
        const rw::DamagedPrint b = rw::applyDamage(print.image, {}, spec(kind, level, 5));
        const rw::DamagedPrint c = rw::applyDamage(print.image, {}, spec(kind, level, 6));
        QVERIFY(identical(a.image, b.image));
        QVERIFY(identical(a.mask, b.mask));
        QVERIFY(!identical(a.image, c.image));
    }

    void rotationIsRecoverable_data()
    {
        QTest::addColumn<DamageLevel>("level");
        QTest::addColumn<quint64>("seed");
        for (DamageLevel level : rw::presetDamageLevels())
            for (quint64 seed : {1u, 2u, 3u})
                QTest::newRow(
                    (std::string(rw::toString(level)) + "-" + std::to_string(seed)).c_str())
                    << level << seed;
    }
    void rotationIsRecoverable()
    {
        QFETCH(DamageLevel, level);
        QFETCH(quint64, seed);
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(8);
        const rw::DamagedPrint d =
            rw::applyDamage(print.image, print.foreground, spec(DamageKind::Rotation, level, seed));
        const double truth = d.applied.get("angleDeg");
        QVERIFY(d.summary.rfind(std::string("rotation ") + rw::toString(level) + ": ", 0) == 0);
        const rw::DamageParameters preset = rw::damagePreset(DamageKind::Rotation, level);
        QVERIFY(std::abs(truth) >= preset.get("angleMinDeg"));
        QVERIFY(std::abs(truth) <= preset.get("angleMaxDeg"));
        const double found = recoverAngle(
            print.image, d.image,
            cv::Point2f(float(d.applied.get("centerX")), float(d.applied.get("centerY"))),
            d.applied.get("radiusPx"), print.foreground);
        qInfo("rotation %s seed %llu: true %.2f°, recovered %.2f°, error %.2f°",
              rw::toString(level), static_cast<unsigned long long>(seed), truth, found,
              std::abs(found - truth));
        QVERIFY2(std::abs(found - truth) < 0.5, qPrintable(QString::number(found - truth)));
    }

    // The surgical Z-cut swings each flap about its base, so the ridges inside the Z run in
    // other directions than the print's own there; the sliding Z-cut keeps their direction
    // (it moves them along the diagonal by a few pixels). Measured on the flaps away from the
    // seams (the mask eroded by a ridge period), against the undamaged print's field.
    void zPlastyTurnsTheFlapsRidgesZCutDoesNot()
    {
        QString measured;
        double plastySum = 0.0, slidSum = 0.0;
        int cases = 0;
        for (std::uint64_t printSeed : {3u, 8u}) {
            const rw::SyntheticPrint& print = rw::test::damageTestPrint(printSeed);
            const cv::Mat clean = rw::estimateOrientation(print.image, 4.0);
            for (std::uint64_t seed : {1u, 2u, 3u}) {
                auto turn = [&](DamageKind kind) {
                    const rw::DamagedPrint d = rw::applyDamage(print.image, print.foreground,
                                                               spec(kind, DamageLevel::Hard, seed));
                    cv::Mat inner;
                    cv::erode(d.mask, inner,
                              cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(19, 19)));
                    return rw::meanOrientationErrorDeg(rw::estimateOrientation(d.image, 4.0), clean,
                                                       inner);
                };
                const double plasty = turn(DamageKind::ZPlasty), slid = turn(DamageKind::ZCut);
                measured += QStringLiteral(" %1/%2: %3° / %4°;")
                                .arg(printSeed)
                                .arg(seed)
                                .arg(plasty, 0, 'f', 1)
                                .arg(slid, 0, 'f', 1);
                QVERIFY2(plasty > slid, qPrintable(measured));
                plastySum += plasty;
                slidSum += slid;
                ++cases;
            }
        }
        qInfo("print/seed: z-plasty / z-cut turn of the flaps' ridges:%s", qPrintable(measured));
        QVERIFY2(plastySum / cases > 25.0, qPrintable(measured));
        QVERIFY2(slidSum / cases < 12.0, qPrintable(measured));
    }

    // Same seed, same place: the surgical Z-cut draws its Z like the sliding one, so a study
    // can compare the two on the same region.
    void zPlastyAndZCutShareTheirPlacement()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        const rw::DamagedPrint cut = rw::applyDamage(
            print.image, print.foreground, spec(DamageKind::ZCut, DamageLevel::Medium, 5));
        const rw::DamagedPrint plasty = rw::applyDamage(
            print.image, print.foreground, spec(DamageKind::ZPlasty, DamageLevel::Medium, 5));
        for (const char* name : {"tiltDeg", "centerX", "centerY"})
            QCOMPARE(plasty.applied.get(name), cut.applied.get(name));
        const double overlap = cv::countNonZero(cut.mask & plasty.mask) /
                               double(cv::countNonZero(cut.mask | plasty.mask));
        QVERIFY2(overlap > 0.8, qPrintable(QString::number(overlap)));
    }

    // The cut's gap is skin taken away: light, whatever surrounds the print. On a scan whose
    // background is a dark frame (SOCOFing's black strips) the paper's median is black; up to
    // 0.12.0 the cut was drawn in it.
    void zCutGapIsLightOnAFramedScan()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        cv::Mat framed = print.image.clone();
        framed.setTo(0, print.foreground == 0);
        const rw::DamagedPrint onPaper = rw::applyDamage(
            print.image, print.foreground, spec(DamageKind::ZCut, DamageLevel::Medium, 5));
        const rw::DamagedPrint inFrame = rw::applyDamage(
            framed, print.foreground, spec(DamageKind::ZCut, DamageLevel::Medium, 5));
        QVERIFY(identical(inFrame.mask, onPaper.mask));
        // Nothing in the damage darker than the print's own darkest ridges.
        double darkestRidge = 0.0;
        cv::minMaxLoc(print.image, &darkestRidge, nullptr, nullptr, nullptr, print.foreground);
        const cv::Mat inside = inFrame.mask != 0;
        QCOMPARE(cv::countNonZero((inFrame.image < darkestRidge - 1.0) & inside), 0);
        // And the gap as light as on paper: as many light pixels in the damage.
        auto lightPixels = [&](const cv::Mat& image) {
            return cv::countNonZero((image > 200) & inside);
        };
        const int paper = lightPixels(onPaper.image), frame = lightPixels(inFrame.image);
        QVERIFY2(
            paper > 0 && std::abs(frame - paper) < 0.2 * paper,
            qPrintable(
                QStringLiteral("%1 light pixels on paper, %2 in a frame").arg(paper).arg(frame)));
    }

    void sizesScaleWithPpi()
    {
        // The same print declared at 1000 ppi: a blur of 2 px at 500 ppi becomes 4 px, and a
        // scratch covers clearly more pixels.
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        rw::DamageSpec blur = spec(DamageKind::Blur, DamageLevel::Custom, 4);
        blur.custom.set("sigmaMinPx", 2.0);
        blur.custom.set("sigmaMaxPx", 2.0);
        QCOMPARE(rw::applyDamage(print.image, print.foreground, blur).applied.get("sigmaPx"), 2.0);
        blur.ppi = 1000.0;
        QCOMPARE(rw::applyDamage(print.image, print.foreground, blur).applied.get("sigmaPx"), 4.0);

        rw::DamageSpec s = spec(DamageKind::Scratch, DamageLevel::Custom, 4);
        s.custom.set("count", 1);
        s.custom.set("widthPx", 4);
        const double at500 = rw::applyDamage(print.image, print.foreground, s).damagedFraction;
        s.ppi = 1000.0;
        const double at1000 = rw::applyDamage(print.image, print.foreground, s).damagedFraction;
        QVERIFY2(at1000 > 1.4 * at500,
                 qPrintable(QStringLiteral("%1 vs %2").arg(at500).arg(at1000)));
    }

    void foregroundIsComputedWhenNotGiven()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(3);
        const rw::DamagedPrint d = rw::applyDamage(
            print.image, {}, spec(DamageKind::Obliteration, DamageLevel::Medium, 1));
        QVERIFY(!d.foreground.empty());
        QCOMPARE(cv::countNonZero(d.mask & ~d.foreground), 0);
        QCOMPARE(cv::countNonZero((d.image != print.image) & ~d.mask), 0);
    }
};

QTEST_GUILESS_MAIN(TestApplyDamage)
#include "tst_applydamage.moc"
