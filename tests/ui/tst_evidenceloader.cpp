// EvidenceLoader and MatImage: the worker-thread half of loading, tested without a window.
#include "EvidenceLoader.h"
#include "MatImage.h"

#include "TestFiles.h"

#include <ridgeworks/image/ImageWriter.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

namespace {

rw::Print testPrint()
{
    rw::Print print;
    print.pixels = rw::test::stripedRegion(cv::Size(200, 240), cv::Rect(40, 30, 120, 180));
    print.source = rw::SourceFormat{"png", 8, 1};
    return print;
}

}  // namespace

class TestEvidenceLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void grayImageSharesPixelsReadOnly()
    {
        cv::Mat mat(3, 4, CV_8UC1, cv::Scalar(7));
        const QImage image = rw::grayImage(mat);
        QCOMPARE(image.size(), QSize(4, 3));
        QCOMPARE(image.constBits(), static_cast<const uchar*>(mat.data));
        QImage copy = image;
        copy.setPixel(0, 0, qRgb(200, 200, 200));  // detaches: the Mat keeps its value
        QCOMPARE(mat.at<uchar>(0, 0), uchar(7));
        QCOMPARE(qGray(image.pixel(0, 0)), 7);
        QVERIFY(rw::grayImage(cv::Mat()).isNull());
        QVERIFY(rw::grayImage(cv::Mat(2, 2, CV_32FC1)).isNull());
    }

    void thumbnailFitsAndNeverUpscales()
    {
        const cv::Mat big(400, 200, CV_8UC1, cv::Scalar(9));
        QCOMPARE(rw::thumbnailImage(big, 96).size(), QSize(48, 96));
        const cv::Mat small(20, 10, CV_8UC1, cv::Scalar(9));
        QCOMPARE(rw::thumbnailImage(small, 96).size(), QSize(10, 20));
    }

    void itemShowsTheModelInputOnTheOriginalGeometry()
    {
        const rw::EvidenceItem item =
            rw::makeEvidenceItem(testPrint(), QStringLiteral("p.png"), QStringLiteral("/x/p.png"),
                                 rw::PpiOrigin::Default);
        QVERIFY2(item.preprocessed.has_value(), qPrintable(item.preprocessError));
        QCOMPARE(item.original.size(), QSize(200, 240));
        QCOMPARE(item.working.size(), QSize(200, 240));
        QCOMPARE(item.preprocessed->image.cols, 100);
        QCOMPARE(item.preprocessed->image.rows, 100);
        // The crop hugs the ridges drawn at (40, 30) 120×180, give or take a block.
        const cv::Rect crop = item.preprocessed->transform.crop;
        QVERIFY2(std::abs(crop.x - 40) <= 8 && std::abs(crop.width - 120) <= 16,
                 qPrintable(QStringLiteral("%1 %2").arg(crop.x).arg(crop.width)));
        // Outside the crop the original is faded towards white: paper 250 stays ≥ 0.7·255.
        QVERIFY(qGray(item.working.pixel(2, 2)) >= 178);
        QCOMPARE(rw::resolutionText(item), QStringLiteral("500 ppi (default)"));
    }

    void folderWithoutImagesIsReported()
    {
        QTemporaryDir dir;
        QFile notes(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("nothing to see");
        notes.close();
        const rw::LoadOutcome outcome = rw::loadEvidence({dir.path()}, {}, {}, {});
        QVERIFY(outcome.items.empty());
        QCOMPARE(outcome.problems.size(), 1);
        QVERIFY(outcome.problems.first().startsWith(dir.path()));
        QVERIFY(outcome.problems.first().contains(QStringLiteral("no image files")));
    }

    void skipsOpenFilesAndStopsWhenCancelled()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.png"));
        const QString b = dir.filePath(QStringLiteral("b.png"));
        rw::saveImage(a.toStdString(), testPrint().pixels, 500.0);
        rw::saveImage(b.toStdString(), testPrint().pixels, 500.0);

        // Given twice (once in its folder): loaded once. Already open: skipped.
        rw::LoadOutcome outcome =
            rw::loadEvidence({dir.path(), a}, {rw::evidenceKeyForPath(b)}, {}, {});
        QCOMPARE(outcome.items.size(), std::size_t(1));
        QCOMPARE(outcome.items.front().name, QStringLiteral("a.png"));
        QCOMPARE(outcome.items.front().ppiOrigin, rw::PpiOrigin::File);
        QCOMPARE(outcome.alreadyOpen, 1);
        QVERIFY(!outcome.cancelled);

        rw::CancelToken cancel;
        cancel.cancel();
        outcome = rw::loadEvidence({a, b}, {}, {}, cancel);
        QVERIFY(outcome.cancelled);
        QVERIFY(outcome.items.empty());
    }

    void demoNamesSayHowToMakeThemAgain()
    {
        QCOMPARE(rw::demoPrintName(rw::FingerprintClass::LeftLoop, 3),
                 QStringLiteral("demo-left-loop-seed-3"));
        QCOMPARE(rw::demoPrintName(rw::FingerprintClass::TentedArch, 2),
                 QStringLiteral("demo-tented-arch-seed-2"));
    }

    void ppiIsShownToATenth()
    {
        QCOMPARE(rw::ppiText(999.998), QStringLiteral("1000 ppi"));
        QCOMPARE(rw::ppiText(499.96), QStringLiteral("500 ppi"));
        QCOMPARE(rw::ppiText(762.04), QStringLiteral("762 ppi"));
        QCOMPARE(rw::ppiText(300.25), QStringLiteral("300.3 ppi"));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceLoader)
#include "tst_evidenceloader.moc"
