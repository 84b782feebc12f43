// Ridge settling: oriented filtering along an estimate's own ridges joins a broken ridge, keeps
// the estimate's phase, and changes nothing outside the hole.
#include "DiscMask.h"
#include "inpaint/RidgeSettling.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace {

constexpr double kPeriod = 8.0;

// Vertical ridges kPeriod px apart, in [0.1, 0.9]; `phase` in periods shifts them sideways.
cv::Mat ridges(cv::Size size, double phase = 0.0)
{
    cv::Mat image(size, CV_32FC1);
    for (int x = 0; x < size.width; ++x)
        image.col(x).setTo(0.5 + 0.4 * std::cos(2.0 * CV_PI * (x / kPeriod - phase)));
    return image;
}

double meanAbsoluteError(const cv::Mat& a, const cv::Mat& b, const cv::Mat& where)
{
    return cv::mean(cv::abs(a - b), where)[0];
}

}  // namespace

class TstRidgeSettling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aBrokenRidgeIsJoined()
    {
        const cv::Mat truth = ridges({96, 96});
        const cv::Mat hole = rw::test::discMask(truth.size(), {48, 48}, 28);
        // The estimate: the true ridges with one dark ridge (x = 48) cut for 6 px, set to the
        // valley's brightness there, as a network leaves a break.
        cv::Mat estimate = truth.clone();
        const cv::Rect gap(46, 45, 5, 6);
        estimate(gap).setTo(0.9);
        cv::Mat gapMask = cv::Mat::zeros(truth.size(), CV_8UC1);
        gapMask(gap).setTo(255);

        const cv::Mat settled = rw::inpaint::settleRidges(estimate, hole, kPeriod, 2);
        const double before = meanAbsoluteError(estimate, truth, gapMask);
        const double after = meanAbsoluteError(settled, truth, gapMask);
        qInfo("error in the break: %.3f before, %.3f after", before, after);
        QVERIFY(after < 0.4 * before);
        // The unbroken ridges stay where they were.
        const cv::Mat elsewhere = hole & ~gapMask;
        QVERIFY(meanAbsoluteError(settled, truth, elsewhere) < 0.1);
    }

    void thePhaseStaysTheEstimates()
    {
        // Inside the hole the estimate's ridges lie half a period off the print's: settling
        // keeps them there (it filters what the estimate shows, it does not regrow from the rim).
        const cv::Mat print = ridges({96, 96});
        const cv::Mat hole = rw::test::discMask(print.size(), {48, 48}, 30);
        cv::Mat image = print.clone();
        ridges(print.size(), 0.5).copyTo(image, hole);

        const cv::Mat settled = rw::inpaint::settleRidges(image, hole, kPeriod, 2);
        const cv::Mat core = rw::test::discMask(print.size(), {48, 48}, 18);
        const double toEstimate = meanAbsoluteError(settled, image, core);
        const double toPrint = meanAbsoluteError(settled, print, core);
        qInfo("deep in the hole: %.3f from the estimate, %.3f from the print's phase", toEstimate,
              toPrint);
        QVERIFY(toEstimate < 0.1);
        QVERIFY(toPrint > 0.3);
    }

    void outsideTheHoleNothingChanges()
    {
        cv::Mat image = ridges({80, 72});
        cv::randu(image(cv::Rect(20, 20, 30, 30)), 0.0, 1.0);  // a noisy estimate
        const cv::Mat hole = rw::test::discMask(image.size(), {35, 35}, 15);
        const cv::Mat settled = rw::inpaint::settleRidges(image, hole, kPeriod, 2);
        QCOMPARE(settled.type(), CV_32FC1);
        QCOMPARE(settled.size(), image.size());
        QCOMPARE(cv::countNonZero((settled != image) & ~hole), 0);
        QVERIFY(cv::countNonZero((settled != image) & hole) > 0);
        double low = 0.0, high = 0.0;
        cv::minMaxLoc(settled, &low, &high);
        QVERIFY(low >= 0.0 && high <= 1.0);
    }

    void noPassesOrNoHoleChangeNothing()
    {
        const cv::Mat image = ridges({40, 40});
        const cv::Mat hole = rw::test::discMask(image.size(), {20, 20}, 8);
        QCOMPARE(cv::countNonZero(rw::inpaint::settleRidges(image, hole, kPeriod, 0) != image), 0);
        QCOMPARE(
            cv::countNonZero(rw::inpaint::settleRidges(image, cv::Mat::zeros(image.size(), CV_8UC1),
                                                       kPeriod, 2) != image),
            0);
    }
};

QTEST_APPLESS_MAIN(TstRidgeSettling)
#include "tst_ridgesettling.moc"
