// The examiner's mask: masked foreground pixels are smudged to the local background (ridges
// gone), nothing else changes; wrong-sized or missing masks are refused; mask files load.
#include "DamageTestPrints.h"
#include "ErrorKindOf.h"
#include "ridgeworks/analysis/RidgeAnalysis.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/image/ImageWriter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

using rw::DamageKind;
using rw::ErrorKind;
using rw::test::errorKindOf;

namespace {

rw::DamageSpec maskSpec(const cv::Mat& mask)
{
    rw::DamageSpec s;
    s.kind = DamageKind::Mask;
    s.level = rw::DamageLevel::Medium;
    s.userMask = mask;
    return s;
}

}  // namespace

class TestDamageMask : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void maskedRidgesAreGone()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(8);
        cv::Mat mask = cv::Mat::zeros(print.image.size(), CV_8UC1);
        cv::circle(mask, {128, 128}, 40, cv::Scalar(7), cv::FILLED);  // any nonzero counts
        cv::rectangle(mask, cv::Rect(0, 0, 30, 30), cv::Scalar(255), cv::FILLED);  // off-print
        const cv::Mat before = print.image.clone();
        const rw::DamagedPrint d = rw::applyDamage(print.image, print.foreground, maskSpec(mask));
        QVERIFY(cv::countNonZero(print.image != before) == 0);
        const cv::Mat expected = (mask != 0) & print.foreground;
        QCOMPARE(cv::countNonZero(d.mask != expected), 0);
        QCOMPARE(cv::countNonZero((d.image != print.image) & ~d.mask), 0);
        const int masked = cv::countNonZero(d.mask);
        QVERIFY(cv::countNonZero((d.image != print.image) & d.mask) > 0.9 * masked);
        // Ridge contrast inside the core of the mask is gone: the gray-level spread drops
        // to a small part of what it was.
        cv::Mat core = cv::Mat::zeros(mask.size(), CV_8UC1);
        cv::circle(core, {128, 128}, 32, cv::Scalar(255), cv::FILLED);
        core &= print.foreground;
        cv::Scalar m0, s0, m1, s1;
        cv::meanStdDev(print.image, m0, s0, core);
        cv::meanStdDev(d.image, m1, s1, core);
        qInfo("gray spread in the masked core: %.1f before, %.1f after", s0[0], s1[0]);
        QVERIFY(s1[0] < 0.25 * s0[0]);
        // Same mask, same seed, same bytes.
        const rw::DamagedPrint again =
            rw::applyDamage(print.image, print.foreground, maskSpec(mask));
        QCOMPARE(cv::countNonZero(again.image != d.image), 0);
    }

    void wrongOrMissingMaskIsRefused()
    {
        const rw::SyntheticPrint& print = rw::test::damageTestPrint(8);
        QCOMPARE(errorKindOf([&] { rw::applyDamage(print.image, {}, maskSpec(cv::Mat())); }),
                 ErrorKind::InvalidArgument);
        QCOMPARE(errorKindOf([&] {
                     rw::applyDamage(print.image, {}, maskSpec(cv::Mat::ones(100, 80, CV_8UC1)));
                 }),
                 ErrorKind::InvalidArgument);
    }

    void maskFilesLoad()
    {
        QTemporaryDir dir;
        const std::string good = dir.filePath(QStringLiteral("mask.png")).toStdString();
        cv::Mat mask = cv::Mat::zeros(64, 48, CV_8UC1);
        mask(cv::Rect(10, 10, 5, 5)).setTo(1);
        rw::saveImage(good, mask, 500.0);
        const cv::Mat loaded = rw::loadDamageMask(good, {48, 64});
        QCOMPARE(cv::countNonZero(loaded), 25);
        QCOMPARE(loaded.at<std::uint8_t>(12, 12), std::uint8_t(255));
        QCOMPARE(errorKindOf([&] {
                     rw::loadDamageMask(good, {64, 48});
                 }),
                 ErrorKind::InvalidArgument);
        try {
            rw::loadDamageMask(good, {64, 48});
        } catch (const rw::Error& e) {
            QVERIFY(std::string(e.what()).find("mask.png") != std::string::npos);
        }
        QCOMPARE(errorKindOf([&] {
                     rw::loadDamageMask(dir.filePath(QStringLiteral("none.png")).toStdString(),
                                        {48, 64});
                 }),
                 ErrorKind::Missing);
    }
};

QTEST_GUILESS_MAIN(TestDamageMask)
#include "tst_damagemask.moc"
