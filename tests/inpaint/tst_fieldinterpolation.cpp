// Membrane interpolation of a two-channel field (the orientation fill's doubled-angle vectors)
// runs pixel pairs in SIMD vectors; the channels do not interact, so it must give exactly what
// each channel gives on its own through the one-pixel path. Fields with a side of 8 px or less
// are solved on one level: larger ones start from a reduced copy, and OpenCV reduces one and
// two channels with different rounding, which would hide what is tested here.
#include "inpaint/FieldInterpolation.h"

#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

class TstFieldInterpolation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoChannelsEqualEachChannelAlone_data()
    {
        QTest::addColumn<cv::Size>("size");
        QTest::newRow("even width") << cv::Size(120, 8);
        QTest::newRow("odd width") << cv::Size(77, 7);
        QTest::newRow("narrow") << cv::Size(5, 8);
        QTest::newRow("one column") << cv::Size(1, 6);
    }

    void twoChannelsEqualEachChannelAlone()
    {
        QFETCH(cv::Size, size);
        cv::Mat values(size, CV_32SC2);
        cv::RNG rng(3);
        rng.fill(values, cv::RNG::UNIFORM, -256, 256);
        values.convertTo(values, CV_32FC2, 1.0 / 256.0);  // sums exact in any order: same start
        // Known around a hole in the middle, partly trusted at its edge.
        cv::Mat weight(size, CV_32FC1, cv::Scalar(1.0f));
        weight(cv::Rect(size.width / 3, 0, std::max(1, size.width / 3), size.height)).setTo(0.0f);
        weight.col(0).setTo(0.5f);

        const cv::Mat both = rw::inpaint::membraneInterpolation(values, weight);
        cv::Mat planes[2];
        cv::split(values, planes);
        for (int c = 0; c < 2; ++c) {
            const cv::Mat alone = rw::inpaint::membraneInterpolation(planes[c], weight);
            cv::Mat fromBoth;
            cv::extractChannel(both, fromBoth, c);
            QCOMPARE(cv::countNonZero(fromBoth != alone), 0);
            // The field moved from its start, and nothing is left unsolved (zeros).
            QVERIFY(cv::norm(alone, planes[c], cv::NORM_INF) > 0.0);
            QCOMPARE(cv::countNonZero(alone == 0.0f), 0);
        }
    }

    // distanceToKnown works on the unknown pixels' box only: it must give every pixel what a
    // distance transform of the whole image gives, for holes inside, on an edge, in a corner,
    // for a hole of one pixel, none, and one that covers everything (no known pixel at all).
    void distanceToKnownEqualsTheWholeImagesTransform_data()
    {
        QTest::addColumn<cv::Rect>("hole");
        QTest::addColumn<bool>("withIsland");
        QTest::newRow("inside") << cv::Rect(40, 30, 50, 35) << false;
        QTest::newRow("inside, with a known island") << cv::Rect(40, 30, 50, 35) << true;
        QTest::newRow("on the left edge") << cv::Rect(0, 20, 30, 40) << false;
        QTest::newRow("bottom right corner") << cv::Rect(100, 70, 60, 50) << false;
        QTest::newRow("one pixel") << cv::Rect(77, 11, 1, 1) << false;
        QTest::newRow("none") << cv::Rect() << false;
        QTest::newRow("everything") << cv::Rect(0, 0, 160, 120) << false;
    }

    void distanceToKnownEqualsTheWholeImagesTransform()
    {
        QFETCH(cv::Rect, hole);
        QFETCH(bool, withIsland);
        cv::Mat unknown = cv::Mat::zeros(120, 160, CV_8UC1);
        unknown(hole).setTo(255);
        cv::circle(unknown, {65, 47}, 9, cv::Scalar(255), cv::FILLED);  // not a rectangle
        if (hole.empty())
            unknown.setTo(0);
        if (withIsland)
            unknown(cv::Rect(60, 44, 4, 4)).setTo(0);
        cv::Mat expected;
        cv::distanceTransform(unknown, expected, cv::DIST_L2, cv::DIST_MASK_PRECISE);
        const cv::Mat distance = rw::inpaint::distanceToKnown(unknown);
        QCOMPARE(distance.type(), CV_32FC1);
        QCOMPARE(distance.size(), unknown.size());
        QCOMPARE(cv::norm(distance, expected, cv::NORM_INF), 0.0);
        // Known pixels are at distance 0, unknown ones (unless all are) at 1 or more.
        QCOMPARE(cv::countNonZero((distance != 0.0f) & (unknown == 0)), 0);
        QCOMPARE(cv::countNonZero((distance >= 1.0f) & (unknown != 0)), cv::countNonZero(unknown));
    }
};

QTEST_APPLESS_MAIN(TstFieldInterpolation)
#include "tst_fieldinterpolation.moc"
