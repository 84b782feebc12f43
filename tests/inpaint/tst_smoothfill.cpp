// The smooth fill: the print's local mean level carried into a hole, no ridges, nothing of what
// lay under the hole, the rest of the print untouched.
#include "DiscMask.h"
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/inpaint/SmoothFill.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace {

// Ridges 8 px apart across the image, about gray level 128.
cv::Mat ridges(cv::Size size)
{
    cv::Mat image(size, CV_8UC1);
    for (int x = 0; x < size.width; ++x)
        image.col(x).setTo(
            cv::saturate_cast<unsigned char>(128.0 + 90.0 * std::cos(2.0 * CV_PI * x / 8.0)));
    return image;
}

}  // namespace

class TstSmoothFill : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theHoleGetsThePlainMeanLevelAndNoRidges()
    {
        const cv::Mat print = ridges({96, 96});
        const cv::Mat hole = rw::test::discMask(print.size(), {48, 48}, 24);
        const cv::Mat filled = rw::smoothFill(print, hole, 8.0);
        QCOMPARE(filled.type(), CV_32FC1);
        cv::Mat unit;
        print.convertTo(unit, CV_32FC1, 1.0 / 255.0);
        QCOMPARE(cv::countNonZero((filled != unit) & (hole == 0)), 0);
        cv::Scalar mean, spread;
        cv::meanStdDev(filled * 255.0, mean, spread, hole);
        qInfo("in the hole: mean %.1f, spread %.1f gray levels (the ridges: 128, 64)", mean[0],
              spread[0]);
        QVERIFY(std::abs(mean[0] - 128.0) < 6.0);
        QVERIFY(spread[0] < 4.0);
    }

    void theLevelFollowsTheSurroundings()
    {
        // Darker ink on the left, lighter on the right: each side of the hole keeps its level.
        cv::Mat print = ridges({96, 96});
        print(cv::Rect(0, 0, 48, 96)) -= 60;
        const cv::Mat filled =
            rw::smoothFill(print, rw::test::discMask(print.size(), {48, 48}, 20), 8.0) * 255.0;
        const double left = filled.at<float>(48, 31), right = filled.at<float>(48, 65);
        qInfo("near the left rim %.1f, near the right rim %.1f", left, right);
        QVERIFY(left < 100.0);
        QVERIFY(right > 115.0);
    }

    void whatLayUnderTheHoleHasNoInfluence()
    {
        const cv::Mat print = ridges({80, 80});
        const cv::Mat hole = rw::test::discMask(print.size(), {40, 40}, 15);
        cv::Mat other = print.clone();
        other.setTo(255, hole);
        QCOMPARE(
            cv::countNonZero(rw::smoothFill(print, hole, 0.0) != rw::smoothFill(other, hole, 0.0)),
            0);
    }

    void noHoleGivesThePrintBack()
    {
        const cv::Mat print = ridges({40, 30});
        cv::Mat unit;
        print.convertTo(unit, CV_32FC1, 1.0 / 255.0);
        QCOMPARE(cv::countNonZero(
                     rw::smoothFill(print, cv::Mat::zeros(print.size(), CV_8UC1), 8.0) != unit),
                 0);
    }

    void badInputIsRefused()
    {
        const cv::Mat print = ridges({40, 40});
        using rw::test::errorKindOf;
        QCOMPARE(errorKindOf([&] { rw::smoothFill(cv::Mat(), print, 8.0); }),
                 std::optional(rw::ErrorKind::InvalidArgument));
        QCOMPARE(errorKindOf([&] { rw::smoothFill(print, cv::Mat::zeros(20, 20, CV_8UC1), 8.0); }),
                 std::optional(rw::ErrorKind::InvalidArgument));
        cv::Mat colour(40, 40, CV_8UC3, cv::Scalar::all(100));
        QCOMPARE(errorKindOf([&] { rw::smoothFill(colour, cv::Mat::zeros(40, 40, CV_8UC1), 8.0); }),
                 std::optional(rw::ErrorKind::InvalidArgument));
    }
};

QTEST_GUILESS_MAIN(TstSmoothFill)
#include "tst_smoothfill.moc"
