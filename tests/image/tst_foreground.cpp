#include "TestFiles.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <QtTest>

class TestForeground : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsTheRidgedRegion_data()
    {
        QTest::addColumn<QRect>("region");
        QTest::newRow("centre") << QRect(60, 40, 100, 120);
        QTest::newRow("corner") << QRect(0, 0, 90, 70);
        QTest::newRow("wide") << QRect(20, 90, 200, 60);
    }
    void findsTheRidgedRegion()
    {
        QFETCH(QRect, region);
        const cv::Rect truth(region.x(), region.y(), region.width(), region.height());
        const cv::Mat image = rw::test::stripedRegion({240, 200}, truth);
        const cv::Mat mask = rw::segmentForeground(image);
        const cv::Rect box = rw::foregroundBox(mask);
        const double iou = double((box & truth).area()) / double((box | truth).area());
        QVERIFY2(iou > 0.85, qPrintable(QStringLiteral("IoU %1").arg(iou)));
        // Few false pixels far from the region.
        cv::Mat truthMask = cv::Mat::zeros(image.size(), CV_8UC1);
        truthMask(truth).setTo(255);
        cv::Mat outside = mask & ~truthMask;
        QVERIFY(cv::countNonZero(outside) < 0.1 * truth.area());
    }
    void paddingStripsAreNotPrint()
    {
        // SOCOFing pads its prints with 4-pixel black strips at the bottom and right; their
        // hard edge must not pull the box out to the image border.
        const cv::Rect truth(10, 10, 76, 80);
        cv::Mat image = rw::test::stripedRegion({96, 103}, truth);
        image.rowRange(99, 103).setTo(0);
        image.colRange(92, 96).setTo(0);
        const cv::Rect box = rw::foregroundBox(rw::segmentForeground(image));
        QVERIFY(box.x + box.width <= 92);
        QVERIFY(box.y + box.height <= 99);
        QVERIFY2(double((box & truth).area()) / double((box | truth).area()) > 0.8,
                 qPrintable(QStringLiteral("%1 %2 %3 %4")
                                .arg(box.x)
                                .arg(box.y)
                                .arg(box.width)
                                .arg(box.height)));
    }
    void matchesTheSyntheticFingerArea()
    {
        // The generator knows where the finger touched: its foreground is ground truth.
        // Faint, low-pressure borders must still count as print.
        double sumMaskIou = 0.0;
        const int prints = 10;
        for (int seed = 1; seed <= prints; ++seed) {
            rw::SynthOptions options;
            options.width = 320;
            options.height = 400;
            options.seed = static_cast<std::uint64_t>(seed);
            const rw::SyntheticPrint print = rw::generateSyntheticPrint(options);
            const cv::Mat found = rw::segmentForeground(print.image);
            const cv::Rect a = rw::foregroundBox(found), b = rw::foregroundBox(print.foreground);
            const double boxIou = double((a & b).area()) / double((a | b).area());
            QVERIFY2(boxIou > 0.9,
                     qPrintable(QStringLiteral("seed %1: box IoU %2").arg(seed).arg(boxIou)));
            sumMaskIou += double(cv::countNonZero(found & print.foreground)) /
                          double(cv::countNonZero(found | print.foreground));
        }
        QVERIFY2(sumMaskIou / prints > 0.9, qPrintable(QString::number(sumMaskIou / prints)));
    }
    void blankImageHasNoForeground()
    {
        const cv::Mat blank(120, 100, CV_8UC1, cv::Scalar(255));
        const cv::Mat mask = rw::segmentForeground(blank);
        QCOMPARE(cv::countNonZero(mask), 0);
        QCOMPARE(rw::foregroundBox(mask), cv::Rect(0, 0, 100, 120));
    }
    void contrastDoesNotMatter()
    {
        // A faint print (a tenth of the contrast) is found as well as a strong one.
        const cv::Rect truth(50, 50, 100, 80);
        cv::Mat strong = rw::test::stripedRegion({220, 200}, truth);
        cv::Mat faint;
        strong.convertTo(faint, CV_8U, 0.1, 200);
        const cv::Rect a = rw::foregroundBox(rw::segmentForeground(strong));
        const cv::Rect b = rw::foregroundBox(rw::segmentForeground(faint));
        QVERIFY(double((a & b).area()) / double((a | b).area()) > 0.9);
    }
};

QTEST_GUILESS_MAIN(TestForeground)
#include "tst_foreground.moc"
