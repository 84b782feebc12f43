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
};

QTEST_APPLESS_MAIN(TstFieldInterpolation)
#include "tst_fieldinterpolation.moc"
