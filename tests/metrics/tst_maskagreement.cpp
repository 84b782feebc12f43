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

    void partialOverlapByHand()
    {
        // Truth: columns 0-9 (100 px). Predicted: columns 5-14 (100 px). Overlap 50 px,
        // union 150 px.
        cv::Mat truth = blank(), predicted = blank();
        truth.colRange(0, 10).setTo(255);
        predicted.colRange(5, 15).setTo(255);
        const rw::MaskAgreement a = rw::measureMaskAgreement(predicted, truth);
        QCOMPARE(a.iou, 50.0 / 150.0);
        QCOMPARE(a.precision, 0.5);
        QCOMPARE(a.recall, 0.5);
        QCOMPARE(a.predictedFraction, 0.5);
    }

    void overFlaggingCostsPrecisionOnly()
    {
        // Everything flagged: every damaged pixel found, but 3 of 4 flagged pixels are sound.
        cv::Mat truth = blank(), predicted = blank();
        truth.colRange(0, 5).setTo(255);
        predicted.setTo(255);
        const rw::MaskAgreement a = rw::measureMaskAgreement(predicted, truth);
        QCOMPARE(a.recall, 1.0);
        QCOMPARE(a.precision, 0.25);
        QCOMPARE(a.iou, 0.25);
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
