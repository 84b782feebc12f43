// Where minutiae stand, on a synthetic print with strokes drawn across its valleys inside a
// hole (the "enhancement" that invents bifurcations): against the clean original the invented
// ones are exactly measurePrint's spurious minutiae and lie on the strokes; without one, every
// minutia near the hole is an estimate and none away from it.
#include "ridgeworks/metrics/MinutiaeStanding.h"

#include "ErrorKindOf.h"
#include "StrokedPrint.h"

#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/PrintMetrics.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace {

using rw::test::distanceToStrokes;
using rw::test::strokedPrint;       // the clean print with three strokes across its ridges
using rw::test::strokedPrintClean;  // the clean print
using rw::test::strokedPrintHole;   // the disc hole the strokes lie in

// In the hole grown by the match distance (8 px), with half a pixel for rounding.
bool inGrownHole(const rw::Minutia& m)
{
    return cv::norm(m.position - cv::Point2d(rw::test::kStrokedHoleCentre)) <=
           rw::test::kStrokedHoleRadius + 8.5;
}

using rw::test::errorKindOf;

}  // namespace

class TestMinutiaeStanding : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void againstTheCleanOriginalTheInventedAreTheSpuriousOnes()
    {
        const cv::Mat estimate = strokedPrint();
        const std::vector<rw::MinutiaMark> marks =
            rw::markMinutiae(estimate, strokedPrintHole(), strokedPrintClean().image);
        // measurePrint's numbers for the same estimate and hole (the hole lies inside the
        // print, so its part in the foreground is all of it).
        const rw::PrintMetrics m =
            rw::measurePrint(strokedPrintClean().image, estimate, strokedPrintHole());
        QCOMPARE(rw::countStanding(marks, rw::MinutiaStanding::Invented),
                 m.minutiaeInside.spurious);
        QCOMPARE(rw::countStanding(marks, rw::MinutiaStanding::Agrees), m.minutiaeInside.matched);
        QCOMPARE(rw::countStanding(marks, rw::MinutiaStanding::Lost), m.minutiaeInside.missed);
        QCOMPARE(rw::countStanding(marks, rw::MinutiaStanding::Estimated), std::size_t(0));
        QVERIFY(rw::countStanding(marks, rw::MinutiaStanding::Invented) >= 3);
        QVERIFY(rw::countStanding(marks, rw::MinutiaStanding::Evidence) >
                10);  // the rest of the print
        for (const rw::MinutiaMark& mark : marks) {
            if (mark.standing == rw::MinutiaStanding::Invented)
                QVERIFY2(distanceToStrokes(mark.minutia.position) < 14.0,
                         qPrintable(QString::number(distanceToStrokes(mark.minutia.position))));
            QCOMPARE(mark.standing == rw::MinutiaStanding::Evidence, !inGrownHole(mark.minutia));
        }
        // The clean print as its own "reconstruction": nothing invented, nothing lost.
        const std::vector<rw::MinutiaMark> own = rw::markMinutiae(
            strokedPrintClean().image, strokedPrintHole(), strokedPrintClean().image);
        QCOMPARE(rw::countStanding(own, rw::MinutiaStanding::Invented), std::size_t(0));
        QCOMPARE(rw::countStanding(own, rw::MinutiaStanding::Lost), std::size_t(0));
        QVERIFY(rw::countStanding(own, rw::MinutiaStanding::Agrees) > 0);
    }

    void withoutAnOriginalEveryMinutiaNearTheHoleIsAnEstimate()
    {
        const std::vector<rw::MinutiaMark> marks =
            rw::markMinutiae(strokedPrint(), strokedPrintHole());
        QVERIFY(rw::countStanding(marks, rw::MinutiaStanding::Estimated) >= 3);
        QVERIFY(rw::countStanding(marks, rw::MinutiaStanding::Evidence) > 10);
        for (const rw::MinutiaMark& mark : marks) {
            QVERIFY(mark.standing == rw::MinutiaStanding::Estimated ||
                    mark.standing == rw::MinutiaStanding::Evidence);
            QCOMPARE(mark.standing == rw::MinutiaStanding::Estimated, inGrownHole(mark.minutia));
        }
        // Nothing estimated: every minutia is the print's own.
        const std::vector<rw::MinutiaMark> none =
            rw::markMinutiae(strokedPrint(), cv::Mat::zeros(strokedPrintHole().size(), CV_8UC1));
        QCOMPARE(rw::countStanding(none, rw::MinutiaStanding::Estimated), std::size_t(0));
        QCOMPARE(rw::countStanding(none, rw::MinutiaStanding::Evidence), none.size());
    }

    void namesEveryStanding()
    {
        using S = rw::MinutiaStanding;
        QCOMPARE(QString::fromUtf8(rw::toString(S::Invented)), QStringLiteral("invented"));
        QCOMPARE(QString::fromUtf8(rw::toString(S::Lost)), QStringLiteral("lost"));
        QCOMPARE(QString::fromUtf8(rw::toString(S::Evidence)), QStringLiteral("evidence"));
    }

    void rejectsBadInput()
    {
        const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
        const cv::Mat image = strokedPrintClean().image;
        QCOMPARE(errorKindOf([&] { rw::markMinutiae(cv::Mat(), strokedPrintHole(), {}); }),
                 invalid);
        QCOMPARE(errorKindOf([&] { rw::markMinutiae(image, cv::Mat::zeros(10, 10, CV_8UC1), {}); }),
                 invalid);
        QCOMPARE(errorKindOf([&] {
                     rw::markMinutiae(image, strokedPrintHole(), cv::Mat::zeros(10, 10, CV_8UC1));
                 }),
                 invalid);
        cv::Mat colour;
        cv::cvtColor(image, colour, cv::COLOR_GRAY2BGR);
        QCOMPARE(errorKindOf([&] { rw::markMinutiae(colour, strokedPrintHole(), {}); }), invalid);
    }
};

QTEST_GUILESS_MAIN(TestMinutiaeStanding)
#include "tst_minutiaestanding.moc"
