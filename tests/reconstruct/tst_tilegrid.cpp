// Tiles cover every pixel, blending weights never vanish, and the selective blend leaves
// every pixel outside the mask untouched.
#include "reconstruct/SelectiveBlend.h"
#include "reconstruct/TileGrid.h"

#include <opencv2/imgproc.hpp>

#include <QtTest>

using namespace rw::reconstruction;

class TstTileGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallImagesGetOneTileRoundedUpTo8()
    {
        QCOMPARE(tileSizeFor({100, 103}, 128), cv::Size(104, 104));
        QCOMPARE(tileSizeFor({512, 90}, 128), cv::Size(128, 96));
    }

    void tilesCoverEveryPixelAndStayInside_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("overlap");
        QTest::newRow("exact") << 128 << 128 << 32;
        QTest::newRow("512") << 512 << 512 << 32;
        QTest::newRow("odd") << 301 << 217 << 24;
        QTest::newRow("no overlap") << 300 << 300 << 0;
    }
    void tilesCoverEveryPixelAndStayInside()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, overlap);
        const cv::Size tile(128, 128);
        cv::Mat count = cv::Mat::zeros(height, width, CV_32SC1);
        for (const cv::Rect& r : tileGrid({width, height}, tile, overlap)) {
            QCOMPARE(r.size(), tile);
            QVERIFY(r.x >= 0 && r.y >= 0 && r.br().x <= width && r.br().y <= height);
            count(r) += 1;
        }
        double least = 0;
        cv::minMaxLoc(count, &least);
        QVERIFY(least >= 1);
    }

    void weightsRampButNeverVanish()
    {
        const cv::Mat w = tileWeights({64, 64}, 16);
        double least = 0, most = 0;
        cv::minMaxLoc(w, &least, &most);
        QVERIFY(least > 0.0);
        QCOMPARE(most, 1.0);
        QCOMPARE(w.at<float>(32, 32), 1.0f);
        QVERIFY(w.at<float>(32, 0) < w.at<float>(32, 8));
    }

    void featherRisesInsideTheMaskOnly()
    {
        cv::Mat mask = cv::Mat::zeros(40, 40, CV_8UC1);
        mask(cv::Rect(10, 10, 20, 20)).setTo(255);
        const cv::Mat w = featherWeights(mask, 3);
        QCOMPARE(w.at<float>(5, 5), 0.0f);
        QCOMPARE(w.at<float>(20, 9), 0.0f);         // just outside
        QCOMPARE(w.at<float>(20, 10), 0.25f);       // edge pixel: 1 / (3 + 1)
        QCOMPARE(w.at<float>(20, 20), 1.0f);        // deep inside
        QCOMPARE(cv::countNonZero(w > 0.0f), 400);  // exactly the mask
        const cv::Mat hard = featherWeights(mask, 0);
        QCOMPARE(hard.at<float>(20, 10), 1.0f);
    }

    void blendKeepsOutsidePixelsBitIdentical()
    {
        cv::Mat input(50, 50, CV_8UC1);
        cv::randu(input, 0, 256);
        cv::Mat mask = cv::Mat::zeros(50, 50, CV_8UC1);
        cv::circle(mask, {25, 25}, 12, cv::Scalar(255), -1);
        const cv::Mat estimate(50, 50, CV_32FC1, cv::Scalar(0.5));
        const cv::Mat out = blend(input, estimate, featherWeights(mask, 2));
        QCOMPARE(cv::countNonZero((out != input) & (mask == 0)), 0);
        QCOMPARE(int(out.at<uchar>(25, 25)), 128);  // full weight at the centre: 0.5 → 128
    }
};

QTEST_GUILESS_MAIN(TstTileGrid)
#include "tst_tilegrid.moc"
