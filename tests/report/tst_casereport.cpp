// The case report: a PDF with the expected pages, every hash, the processing chain, the
// metrics against baselines and the statement, read back with pdftotext; and the HTML twin.
#include "SyntheticPrintFile.h"
#include "report/CaseReportRenderer.h"
#include "ridgeworks/casework/CaseDamage.h"
#include "ridgeworks/casework/CaseReconstruction.h"
#include "ridgeworks/casework/CaseReport.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace fs = std::filesystem;

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// pdftotext breaks lines where the layout does; hashes are set in a font small enough to
// stay on one line, and whitespace is dropped before searching.
QString withoutSpace(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

}  // namespace

class TestCaseReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    rw::Case m_case;

private Q_SLOTS:
    void initTestCase()
    {
        const fs::path print = m_dir.filePath(QStringLiteral("print.png")).toStdString();
        rw::test::writeSyntheticPrint(print, 120, 128, 4);
        m_case = rw::createCase(m_dir.filePath(QStringLiteral("case")).toStdString(), "A. Examiner",
                                "Report test");
        rw::importEvidence(m_case, print, {});
        rw::DamageSpec spec;
        spec.seed = 2;
        rw::damageInCase(m_case, "E1", spec, {});
        rw::CaseReconstructionRequest request;
        request.itemId = "D1";
        request.model = fs::path(RIDGEWORKS_TEST_MODELS_DIR) / "unet-inpaint.rwm";
        request.options.augmentations = 1;
        rw::reconstructInCase(m_case, request);
    }

    void dataHoldsChainMetricsAndVerdicts()
    {
        const rw::Case c = rw::openCase(m_case.folder);
        const rw::CaseReportData data = rw::buildCaseReport(c, rw::replayDerivedItems(c));
        QCOMPARE(data.items.size(), std::size_t(3));
        QCOMPARE(data.items[2].id, std::string("D2"));
        QCOMPARE(data.items[2].images.size(), std::size_t(2));
        QVERIFY(!data.items[2].images[1].estimatedPixels.empty());
        // The minutiae drawn from estimated pixels, marked against the clean original E1: the
        // reconstruction's own marks without the print's own ones, counted in the caption.
        const rw::ReportImage& shown = data.items[2].images[1];
        std::vector<rw::MinutiaMark> expected = rw::markMinutiae(
            rw::loadPrint(shown.file).pixels, rw::loadPrint(shown.estimatedPixels).pixels,
            rw::loadPrint(rw::itemImageFile(c, "E1")).pixels);
        std::erase_if(expected, [](const rw::MinutiaMark& m) {
            return m.standing == rw::MinutiaStanding::Evidence;
        });
        QVERIFY(!expected.empty());
        QCOMPARE(shown.minutiae.size(), expected.size());
        QCOMPARE(rw::countStanding(shown.minutiae, rw::MinutiaStanding::Estimated), std::size_t(0));
        const std::string invented =
            std::to_string(rw::countStanding(shown.minutiae, rw::MinutiaStanding::Invented)) +
            " invented";
        QVERIFY2(shown.caption.find(invented) != std::string::npos, shown.caption.c_str());
        // The damage's own image marks none.
        QVERIFY(data.items[1].images[0].minutiae.empty());
        // The model and the four baselines (as in the Metrics dock), measured against E1
        // inside D1's mask.
        QCOMPARE(data.items[2].metrics.size(), std::size_t(5));
        QCOMPARE(data.items[2].metrics[1].method, std::string("identity"));
        QCOMPARE(data.items[2].metrics[2].method, std::string("telea"));
        QCOMPARE(data.items[2].metrics[4].method, std::string("ridge-continuation"));
        QVERIFY(data.items[2].metrics[0].ssimInside > data.items[2].metrics[2].ssimInside);
        QVERIFY2(data.items[2].verification.find("reproduced bit for bit") != std::string::npos,
                 data.items[2].verification.c_str());
        QVERIFY(data.problems.empty());
        // The model card of the U-Net the reconstruction used.
        QCOMPARE(data.models.size(), std::size_t(1));
        QVERIFY2(data.models[0].heading.find("unet-inpaint") != std::string::npos,
                 data.models[0].heading.c_str());
        bool hasValidation = false;
        for (const auto& [label, value] : data.models[0].facts)
            hasValidation = hasValidation || (label.find("Validation") != std::string::npos &&
                                              value.find("PSNR") != std::string::npos);
        QVERIFY(hasValidation);
    }

    void pdfHasThePagesAndTheHashes()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing: install poppler-utils");
        const rw::Case c = rw::openCase(m_case.folder);
        const fs::path pdf = m_dir.filePath(QStringLiteral("report.pdf")).toStdString();
        rw::reporting::writeCaseReportPdf(rw::buildCaseReport(c, rw::replayDerivedItems(c)), pdf);

        const QString info = run(QStringLiteral("pdfinfo"), {QString::fromStdString(pdf)});
        const QRegularExpressionMatch pages =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pages.hasMatch(), qPrintable(info));
        QVERIFY(pages.captured(1).toInt() >= 2);  // three items with images do not fit on one

        const QString text = run(pdftotext, {QString::fromStdString(pdf), QStringLiteral("-")});
        const QString flat = withoutSpace(text);
        QVERIFY(flat.contains(QString::fromStdString(c.manifest.evidence[0].file.sha256)));
        for (const rw::DerivedItem& d : c.manifest.derived) {
            for (const rw::CaseFile& f : d.files)
                QVERIFY2(flat.contains(QString::fromStdString(f.sha256)), f.path.c_str());
            QVERIFY(text.contains(QString::fromStdString(d.id)));
        }
        QVERIFY(flat.contains(QString::fromStdString(c.manifest.derived[1].modelSha256)));
        QVERIFY(text.contains(QStringLiteral("A. Examiner")));
        QVERIFY(text.contains(QStringLiteral("reconstruction of D1")));
        QVERIFY(text.contains(QStringLiteral("telea")));
        QVERIFY(text.contains(QStringLiteral("Models used")));
        QVERIFY(flat.contains(QStringLiteral("isnotevidence")));
    }

    void htmlHasTheHashesAndItsImages()
    {
        const rw::Case c = rw::openCase(m_case.folder);
        const fs::path html = m_dir.filePath(QStringLiteral("report.html")).toStdString();
        rw::reporting::writeCaseReportHtml(rw::buildCaseReport(c, {}), html);
        QFile file(QString::fromStdString(html.string()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(file.readAll());
        QVERIFY(page.contains(QString::fromStdString(c.manifest.evidence[0].file.sha256)));
        // The metrics table leads with the invented minutiae, before any pixel score.
        const qsizetype spurious = page.indexOf(QStringLiteral("<th>spurious minutiae</th>"));
        QVERIFY(spurious > 0);
        QVERIFY(spurious < page.indexOf(QStringLiteral("<th>PSNR (dB)</th>")));
        QVERIFY(page.contains(QStringLiteral("report_files/D2-1.png")));
        QVERIFY(fs::file_size(
                    m_dir.filePath(QStringLiteral("report_files/D2-1.png")).toStdString()) > 0);
        // The 120 px wide print is enlarged five times (to 600 px) before its outline and marks
        // are drawn, pixel for pixel: each of the print's pixels is a 5×5 block there.
        const QImage evidence(m_dir.filePath(QStringLiteral("report_files/E1-0.png")));
        QCOMPARE(evidence.width(), 600);
        QCOMPARE(evidence.height(), 640);
        const cv::Mat print = rw::loadPrint(rw::itemImageFile(c, "E1")).pixels;
        for (const cv::Point p : {cv::Point(60, 64), cv::Point(30, 20), cv::Point(90, 100)})
            for (int dy = 0; dy < 5; ++dy)
                for (int dx = 0; dx < 5; ++dx)
                    QCOMPARE(qGray(evidence.pixel(5 * p.x + dx, 5 * p.y + dy)),
                             int(print.at<std::uint8_t>(p)));
    }

    void unwritablePdfIsNamed()
    {
        const rw::Case c = rw::openCase(m_case.folder);
        const fs::path pdf = m_dir.filePath(QStringLiteral("no/such/folder/r.pdf")).toStdString();
        try {
            rw::reporting::writeCaseReportPdf(rw::buildCaseReport(c, {}), pdf);
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::WriteFailed);
            QCOMPARE(e.path(), pdf);
        }
    }
};

QTEST_MAIN(TestCaseReport)
#include "tst_casereport.moc"
