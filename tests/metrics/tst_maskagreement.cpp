// Mask agreement (IoU, precision, recall) on masks whose answer is known by hand.
#include "ErrorKindOf.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/metrics/MaskAgreement.h"

#include <QtTest>

#include <opencv2/core.hpp>

#include <optional>

namespace {

cv::Mat blank() { return cv::Mat(10, 20, CV_8UC1, cv::Scalar(0)); }

}  // namespace

class TestMaskAgreement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void identicalMasksAgree()
    {
        cv::Mat truth = blank();
        truth(cv::Rect(2, 2, 5, 4)).setTo(255);
        cv::Mat predicted = truth.clone();
        predicted.setTo(1, predicted);  // any nonzero value counts as damaged
        const rw::MaskAgreement a = rw::measureMaskAgreement(predicted, truth);
        QCOMPARE(a.iou, 1.0);
        QCOMPARE(a.precision, 1.0);
        QCOMPARE(a.recall, 1.0);
        QCOMPARE(a.predictedFraction, 20.0 / 200.0);
    }

    // Truth and prediction as column ranges of a 10×20 mask (200 px); the answers by hand.
    void columnMasksByHand_data()
    {
        QTest::addColumn<int>("truthEnd");
        QTest::addColumn<int>("predictedBegin");
        QTest::addColumn<int>("predictedEnd");
        QTest::addColumn<double>("iou");
        QTest::addColumn<double>("precision");
        QTest::addColumn<double>("recall");
        QTest::addColumn<double>("fraction");
        // Columns 0-9 against 5-14: overlap 50 px, union 150 px.
        QTest::newRow("half overlap") << 10 << 5 << 15 << 50.0 / 150.0 << 0.5 << 0.5 << 0.5;
        // Everything flagged: all damage found, but 3 of 4 flagged pixels are sound.
        QTest::newRow("over-flagging") << 5 << 0 << 20 << 0.25 << 0.25 << 1.0 << 1.0;
    }

    void columnMasksByHand()
    {
        QFETCH(int, truthEnd);
        QFETCH(int, predictedBegin);
        QFETCH(int, predictedEnd);
        cv::Mat truth = blank(), predicted = blank();
        truth.colRange(0, truthEnd).setTo(255);
        predicted.colRange(predictedBegin, predictedEnd).setTo(255);
        const rw::MaskAgreement a = rw::measureMaskAgreement(predicted, truth);
        QTEST(a.iou, "iou");
        QTEST(a.precision, "precision");
        QTEST(a.recall, "recall");
        QTEST(a.predictedFraction, "fraction");
    }

    void disjointAndEmptyMasks()
    {
        cv::Mat truth = blank(), predicted = blank();
        truth.colRange(0, 5).setTo(255);
        predicted.colRange(10, 15).setTo(255);
        const rw::MaskAgreement disjoint = rw::measureMaskAgreement(predicted, truth);
        QCOMPARE(disjoint.iou, 0.0);
        QCOMPARE(disjoint.precision, 0.0);
        QCOMPARE(disjoint.recall, 0.0);
        // Nothing flagged: nothing wrongly flagged (precision 1), all damage missed.
        const rw::MaskAgreement none = rw::measureMaskAgreement(blank(), truth);
        QCOMPARE(none.precision, 1.0);
        QCOMPARE(none.recall, 0.0);
        QCOMPARE(none.iou, 0.0);
        // No damage and nothing flagged: full agreement.
        const rw::MaskAgreement clean = rw::measureMaskAgreement(blank(), blank());
        QCOMPARE(clean.iou, 1.0);
        QCOMPARE(clean.predictedFraction, 0.0);
    }

    void rejectsBadInput()
    {
        using rw::test::errorKindOf;
        const cv::Mat mask = blank();
        const auto invalid = std::optional<rw::ErrorKind>(rw::ErrorKind::InvalidArgument);
        QCOMPARE(errorKindOf([&] { rw::measureMaskAgreement(cv::Mat(), mask); }), invalid);
        QCOMPARE(errorKindOf([&] { rw::measureMaskAgreement(mask, cv::Mat(5, 5, CV_8UC1)); }),
                 invalid);
        QCOMPARE(errorKindOf([&] { rw::measureMaskAgreement(cv::Mat(10, 20, CV_32FC1), mask); }),
                 invalid);
    }
};

QTEST_GUILESS_MAIN(TestMaskAgreement)
#include "tst_maskagreement.moc"
