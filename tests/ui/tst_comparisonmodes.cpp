// The comparison modes and the Metrics dock on a real reconstruction (shipped U-Net) of a
// damaged copy of a clean print: side by side shows clean / damaged / estimate, the swipe
// splits at its divider, the heat map is the zero colour where estimate and reference agree,
// the overlay outlines the changed pixels; every mode marks the estimate; the panes stay in
// step; the Metrics dock fills with the model and the three baselines.
#include "ComparisonImages.h"
#include "ComparisonView.h"
#include "DamagePanel.h"
#include "EvidenceModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "MetricsPanel.h"
#include "MinutiaeMarks.h"
#include "ModelLibrary.h"
#include "ReconstructPanel.h"
#include "ReconstructionController.h"
#include "ReconstructionMetrics.h"
#include "ReconstructionView.h"

#include "CachedSyntheticPrint.h"

#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/metrics/PrintMetrics.h>
#include <ridgeworks/reconstruct/BlendedBaseline.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <memory>

namespace {

constexpr int kTimeoutMs = 120000;

// What the estimate pane shows, back as BGR.
cv::Mat shownBgr(const rw::ImageView* view)
{
    const QImage image = view->image().convertToFormat(QImage::Format_BGR888);
    cv::Mat mat(image.height(), image.width(), CV_8UC3);
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(mat.ptr(y), image.constScanLine(y),
                    static_cast<std::size_t>(image.width()) * 3);
    return mat;
}

int differingPixels(const cv::Mat& a, const cv::Mat& b)
{
    cv::Mat difference;
    cv::absdiff(a, b, difference);
    return cv::countNonZero(difference.reshape(1));
}

}  // namespace

class TestComparisonModes : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<rw::MainWindow> m_window;
    QTemporaryDir m_dir;

    rw::EvidenceModel* model() const { return m_window->evidenceModel(); }
    rw::ReconstructionController* controller() const { return m_window->reconstruction(); }
    rw::ReconstructionView* view() const
    {
        return m_window->comparisonView()->reconstructionView();
    }

    // Screenshot for the docs (RIDGEWORKS_RECONSTRUCTION_SCREENSHOT=file.png), then hold the
    // window for an outside grab (RIDGEWORKS_SCREENSHOT_HOLD_MS).
    void screenshotIfAsked()
    {
        const QString file = qEnvironmentVariable("RIDGEWORKS_RECONSTRUCTION_SCREENSHOT");
        if (file.isEmpty())
            return;
        const QString mode = qEnvironmentVariable("RIDGEWORKS_SCREENSHOT_MODE");
        controller()->setViewMode(
            mode == QStringLiteral("overlay")      ? rw::ReconstructionView::Mode::Overlay
            : mode == QStringLiteral("difference") ? rw::ReconstructionView::Mode::Difference
            : mode == QStringLiteral("swipe")      ? rw::ReconstructionView::Mode::Swipe
            : mode == QStringLiteral("minutiae")   ? rw::ReconstructionView::Mode::Minutiae
                                                   : rw::ReconstructionView::Mode::SideBySide);
        QTest::qWait(800);
        QTRY_VERIFY_WITH_TIMEOUT(view()->mode() != rw::ReconstructionView::Mode::Minutiae ||
                                     view()->minutiaeMarks().has_value(),
                                 kTimeoutMs);
        QVERIFY(m_window->grab().save(file));
        if (!qEnvironmentVariableIsEmpty("RIDGEWORKS_SCREENSHOT_HOLD_MS"))
            QTest::qWait(qEnvironmentVariableIntValue("RIDGEWORKS_SCREENSHOT_HOLD_MS"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RidgeworksTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_comparisonmodes"));
        QVERIFY(m_dir.isValid());
        qputenv("RIDGEWORKS_USER_MODELS_DIR",
                m_dir.filePath(QStringLiteral("models")).toLocal8Bit());
        const QString file = m_dir.filePath(QStringLiteral("clean-print.png"));
        rw::saveImage(file.toStdString(), rw::test::cachedSyntheticPrint(5, 256, 288).image, 500.0);

        QSettings().clear();
        m_window = std::make_unique<rw::MainWindow>();
        m_window->resize(1500, 950);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window.get(), &rw::MainWindow::loadFinished);
        m_window->loadPaths({file});
        QVERIFY(loaded.wait(kTimeoutMs));

        // A damaged copy of the clean print, then its selective reconstruction from the
        // damage mask: the order an examiner tests a model in.
        m_window->damagePanel()->setSpec(rw::DamageKind::Obliteration, rw::DamageLevel::Medium, 7);
        QSignalSpy damaged(m_window.get(), &rw::MainWindow::damageApplied);
        QTest::mouseClick(m_window->damagePanel()->applyButton(), Qt::LeftButton);
        QVERIFY(damaged.wait(kTimeoutMs));
        QCOMPARE(m_window->currentRow(), 1);

        // Before a reconstruction is selected the mode switch is off.
        QVERIFY(!controller()->viewModeAction(rw::ReconstructionView::Mode::Swipe)->isEnabled());

        controller()->reconstructAction()->trigger();
        rw::ReconstructPanel* panel = controller()->panel();
        QVERIFY(panel->setModelPath(m_window->modelLibrary()->shippedModelsDir() +
                                    QStringLiteral("/unet-inpaint.rwm")));
        panel->setMode(rw::ReconstructionMode::Selective);
        panel->setMaskSource(rw::MaskSource::Damage);
        QSignalSpy added(controller(), &rw::ReconstructionController::reconstructionAdded);
        QSignalSpy metrics(controller(), &rw::ReconstructionController::metricsShown);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(added.wait(kTimeoutMs));
        QCOMPARE(model()->count(), 3);
        QCOMPARE(m_window->currentRow(), 2);
        // With a clean reference the Metrics dock opens and fills in the background.
        QVERIFY(controller()->metricsDock()->isVisible());
        QVERIFY(metrics.size() == 1 || metrics.wait(kTimeoutMs));
        QCOMPARE(metrics.first().first().toString(), model()->item(2).key);
    }

    void cleanupTestCase() { m_window.reset(); }

    void sideBySideShowsCleanDamagedAndEstimate()
    {
        controller()->setViewMode(rw::ReconstructionView::Mode::SideBySide);
        QVERIFY(m_window->comparisonView()->isShowingReconstruction());
        QVERIFY(view()->hasClean());
        QVERIFY(view()->cleanView()->isVisible());
        QVERIFY(view()->damagedView()->isVisible());
        QVERIFY(view()->estimateView()->isVisible());
        const rw::EvidenceItem& estimate = model()->item(2);
        // An estimate is not reconstructed again.
        QVERIFY(!controller()->panel()->runButton()->isEnabled());
        QCOMPARE(cv::countNonZero(rw::grayMat(view()->cleanView()->image()) !=
                                  model()->item(0).print.pixels),
                 0);
        QCOMPARE(cv::countNonZero(rw::grayMat(view()->damagedView()->image()) !=
                                  model()->item(1).print.pixels),
                 0);
        // The estimate with its changed region outlined in amber: the marking.
        const cv::Mat expected =
            rw::drawOutline(estimate.print.pixels, estimate.derivation->changedMask);
        QCOMPARE(differingPixels(shownBgr(view()->estimateView()), expected), 0);
        const cv::Mat outline = rw::maskOutline(estimate.derivation->changedMask);
        QVERIFY(cv::countNonZero(outline) > 50);
        QVERIFY(view()->estimateView()->badge().contains(QStringLiteral("ESTIMATE")));
        QVERIFY(view()->estimateCaption()->text().contains(QStringLiteral("ESTIMATE")));
        QVERIFY(controller()->cleanReferenceAction()->isEnabled());
        QVERIFY(!view()->legend()->isVisible());
    }

    void panesZoomAndPanTogether()
    {
        controller()->setViewMode(rw::ReconstructionView::Mode::SideBySide);
        rw::ImageView* estimate = view()->estimateView();
        estimate->actualSize();
        estimate->zoomIn();
        estimate->zoomIn();
        estimate->setViewState(estimate->zoom(), QPointF(90.0, 120.0), false);
        for (rw::ImageView* other : {view()->cleanView(), view()->damagedView()}) {
            QVERIFY(std::abs(other->zoom() - estimate->zoom()) < 1e-9);
            QVERIFY((other->sceneCentre() - estimate->sceneCentre()).manhattanLength() < 1.0);
        }
        // Switching modes keeps the zoom of the estimate pane.
        const double zoom = estimate->zoom();
        controller()->setViewMode(rw::ReconstructionView::Mode::Difference);
        QVERIFY(std::abs(estimate->zoom() - zoom) < 1e-9);
        estimate->fitToWindow();
    }

    void differenceIsZeroColourWhereImagesAgree()
    {
        controller()->viewModeAction(rw::ReconstructionView::Mode::Difference)->trigger();
        QCOMPARE(view()->mode(), rw::ReconstructionView::Mode::Difference);
        QVERIFY(!view()->cleanView()->isVisible());
        QVERIFY(!view()->damagedView()->isVisible());
        QVERIFY(view()->legend()->isVisible());
        QVERIFY(view()->estimateView()->badge().contains(QStringLiteral("ESTIMATE")));

        const cv::Mat estimate = model()->item(2).print.pixels;
        const cv::Mat changed = model()->item(2).derivation->changedMask;
        const cv::Mat outline = rw::maskOutline(changed);
        for (const bool clean : {true, false}) {
            controller()->cleanReferenceAction()->setChecked(clean);
            const cv::Mat reference = model()->item(clean ? 0 : 1).print.pixels;
            const cv::Mat shown = shownBgr(view()->estimateView());
            const cv::Mat difference = rw::differenceImage(estimate, reference);
            int agreeing = 0;
            for (int y = 0; y < shown.rows; ++y)
                for (int x = 0; x < shown.cols; ++x) {
                    if (outline.at<std::uint8_t>(y, x))
                        continue;  // the estimate's outline is drawn over the map
                    QCOMPARE(shown.at<cv::Vec3b>(y, x),
                             rw::heatColour(difference.at<std::uint8_t>(y, x)));
                    agreeing += difference.at<std::uint8_t>(y, x) == 0;
                }
            QVERIFY(agreeing > 1000);
            if (!clean) {
                // Against the damaged parent, selective mode differs only where it estimated.
                cv::Mat outside;
                cv::bitwise_and(difference, changed == 0, outside);
                QCOMPARE(cv::countNonZero(outside), 0);
            }
        }
        controller()->cleanReferenceAction()->setChecked(true);
    }

    void swipeSplitsEstimateAndReference()
    {
        controller()->viewModeAction(rw::ReconstructionView::Mode::Swipe)->trigger();
        QCOMPARE(view()->mode(), rw::ReconstructionView::Mode::Swipe);
        QVERIFY(view()->swipeSlider()->isVisible());
        view()->swipeSlider()->setValue(100);
        QCOMPARE(view()->swipeColumn(), 100);
        QCOMPARE(*view()->estimateView()->divider(), 100.0);
        const rw::EvidenceItem& estimate = model()->item(2);
        cv::Mat reference;
        cv::cvtColor(model()->item(0).print.pixels, reference, cv::COLOR_GRAY2BGR);
        const cv::Mat marked =
            rw::drawOutline(estimate.print.pixels, estimate.derivation->changedMask);
        const cv::Mat shown = shownBgr(view()->estimateView());
        QCOMPARE(differingPixels(shown.colRange(0, 100), marked.colRange(0, 100)), 0);
        QCOMPARE(
            differingPixels(shown.colRange(100, shown.cols), reference.colRange(100, shown.cols)),
            0);
        QVERIFY(view()->estimateView()->badge().contains(QStringLiteral("ESTIMATE")));

        // Dragging the divider on the pane moves it.
        rw::ImageView* pane = view()->estimateView();
        const QPoint from = pane->mapFromScene(QPointF(100.0, 100.0));
        const QPoint to = pane->mapFromScene(QPointF(60.0, 100.0));
        QTest::mousePress(pane->viewport(), Qt::LeftButton, Qt::NoModifier, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), QPointF(pane->viewport()->mapToGlobal(to)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(pane->viewport(), &move);
        QTest::mouseRelease(pane->viewport(), Qt::LeftButton, Qt::NoModifier, to);
        QVERIFY2(std::abs(view()->swipeColumn() - 60) <= 1,
                 qPrintable(QString::number(view()->swipeColumn())));
        QCOMPARE(view()->swipeSlider()->value(), view()->swipeColumn());
    }

    void overlayOutlinesTheChangedPixels()
    {
        controller()->viewModeAction(rw::ReconstructionView::Mode::Overlay)->trigger();
        QCOMPARE(view()->mode(), rw::ReconstructionView::Mode::Overlay);
        const rw::EvidenceItem& estimate = model()->item(2);
        const cv::Mat changed = estimate.derivation->changedMask;
        const cv::Mat outline = rw::maskOutline(changed);
        cv::Mat gray;
        cv::cvtColor(estimate.print.pixels, gray, cv::COLOR_GRAY2BGR);
        for (const bool fill : {true, false}) {
            controller()->confidenceFillAction()->setChecked(fill);
            const cv::Mat shown = shownBgr(view()->estimateView());
            QCOMPARE(differingPixels(shown, rw::confidenceOverlay(estimate.print.pixels, changed,
                                                                  estimate.derivation->confidence,
                                                                  0.45, fill)),
                     0);
            int outlined = 0, insideTinted = 0;
            for (int y = 0; y < shown.rows; ++y)
                for (int x = 0; x < shown.cols; ++x) {
                    const cv::Vec3b pixel = shown.at<cv::Vec3b>(y, x);
                    if (outline.at<std::uint8_t>(y, x)) {
                        // On the boundary of the changed region, whether filled or not.
                        QCOMPARE(pixel, rw::kEstimateOutlineBgr);
                        ++outlined;
                    } else if (!changed.at<std::uint8_t>(y, x)) {
                        QCOMPARE(pixel, gray.at<cv::Vec3b>(y, x));
                    } else {
                        insideTinted += pixel != gray.at<cv::Vec3b>(y, x);
                    }
                }
            QCOMPARE(outlined, cv::countNonZero(outline));
            QCOMPARE(insideTinted > 0, fill);
            QVERIFY(view()->estimateView()->badge().contains(QStringLiteral("ESTIMATE")));
        }
        controller()->confidenceFillAction()->setChecked(true);
    }

    void minutiaeMarkWhatTheEstimateInvented()
    {
        controller()->viewModeAction(rw::ReconstructionView::Mode::Minutiae)->trigger();
        QCOMPARE(view()->mode(), rw::ReconstructionView::Mode::Minutiae);
        QVERIFY(!view()->cleanView()->isVisible());
        QVERIFY(view()->legend()->isVisible());
        // Found as a job, then shown.
        QTRY_VERIFY_WITH_TIMEOUT(view()->minutiaeMarks().has_value(), kTimeoutMs);
        const rw::EvidenceItem& estimate = model()->item(2);
        const rw::MinutiaeMarks& marks = *view()->minutiaeMarks();
        QCOMPARE(marks.itemKey, estimate.key);
        QVERIFY(marks.comparedWithClean);
        // The same marks as computed here, drawn as the pane shows them.
        const cv::Mat changed = estimate.derivation->changedMask;
        const rw::MinutiaeMarks expected = rw::findMinutiaeMarks(
            estimate.key, estimate.print.pixels, changed, model()->item(0).print.pixels);
        QCOMPARE(marks.marks.size(), expected.marks.size());
        for (const rw::MinutiaStanding s :
             {rw::MinutiaStanding::Evidence, rw::MinutiaStanding::Agrees,
              rw::MinutiaStanding::Invented, rw::MinutiaStanding::Lost})
            QCOMPARE(marks.count(s), expected.count(s));
        QVERIFY(marks.count(rw::MinutiaStanding::Evidence) > 0);
        QVERIFY(marks.count(rw::MinutiaStanding::Agrees) +
                    marks.count(rw::MinutiaStanding::Invented) >
                0);
        QCOMPARE(differingPixels(shownBgr(view()->estimateView()),
                                 rw::drawMinutiaeMarks(estimate.print.pixels, changed, marks)),
                 0);
        QVERIFY(view()->estimateView()->badge().contains(QStringLiteral("ESTIMATE")));
        const QString caption = view()->estimateCaption()->text();
        QVERIFY2(caption.contains(QString::number(marks.count(rw::MinutiaStanding::Invented)) +
                                  QStringLiteral(" invented")),
                 qPrintable(caption));
        const auto* legendTitle =
            view()->legend()->findChild<QLabel*>(QStringLiteral("comparisonLegendTitle"));
        QVERIFY(legendTitle->text().contains(QStringLiteral("invented")));

        // Away and back: the marks are kept, no second job.
        controller()->viewModeAction(rw::ReconstructionView::Mode::SideBySide)->trigger();
        m_window->selectRow(1);
        m_window->selectRow(2);
        QVERIFY(!view()->minutiaeMarks().has_value());  // other images were shown in between
        controller()->viewModeAction(rw::ReconstructionView::Mode::Minutiae)->trigger();
        QVERIFY(view()->minutiaeMarks().has_value());  // from the cache, at once
        QCOMPARE(view()->minutiaeMarks()->marks.size(), expected.marks.size());
        controller()->viewModeAction(rw::ReconstructionView::Mode::SideBySide)->trigger();
    }

    void metricsListModelAndBaselines()
    {
        rw::MetricsPanel* panel = controller()->metricsPanel();
        QCOMPARE(panel->shownKey(), model()->item(2).key);
        QTableWidget* table = panel->table();
        QCOMPARE(table->rowCount(), 5);
        QVERIFY(table->verticalHeaderItem(0)->text().endsWith(QStringLiteral("(reconstruction)")));
        QCOMPARE(table->verticalHeaderItem(1)->text(), QStringLiteral("identity (baseline)"));
        QCOMPARE(table->verticalHeaderItem(2)->text(), QStringLiteral("telea (baseline)"));
        QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("navier-stokes (baseline)"));
        QCOMPARE(table->verticalHeaderItem(4)->text(),
                 QStringLiteral("ridge-continuation (baseline)"));
        QCOMPARE(table->columnCount(), 13);
        QStringList headers;
        for (int c = 0; c < table->columnCount(); ++c)
            headers.append(table->horizontalHeaderItem(c)->text());
        for (const char* wanted : {"PSNR mask", "SSIM whole", "MAE mask", "Orientation error",
                                   "Minutiae F1", "Spurious minutiae"})
            QVERIFY2(headers.join(u'|').contains(QLatin1String(wanted)), wanted);
        // The invented minutiae lead, inside the mask: an examiner reads them first, and next to
        // them the share of the drawn minutiae that are right.
        QCOMPARE(headers.first(), QStringLiteral("Spurious minutiae mask"));
        QCOMPARE(headers.at(1), QStringLiteral("Minutiae precision mask"));
        QVERIFY(headers.indexOf(QStringLiteral("Orientation error mask (°)")) <
                headers.indexOf(QStringLiteral("PSNR mask (dB)")));
        const auto columnOf = [](const char* key) {
            const std::vector<rw::MetricsColumn>& columns = rw::metricsColumns();
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (columns[c].key == key)
                    return static_cast<int>(c);
            return -1;
        };
        // Numbers everywhere PSNR/SSIM/MAE are measured.
        for (int r = 0; r < table->rowCount(); ++r)
            for (const char* key :
                 {"psnr_inside", "psnr", "ssim_inside", "ssim", "mae_inside", "mae"}) {
                const QVariant value = table->item(r, columnOf(key))->data(Qt::UserRole);
                QVERIFY2(value.isValid() && std::isfinite(value.toDouble()),
                         qPrintable(table->item(r, columnOf(key))->text()));
            }
        // The rows are the real measurements: the model's of the estimate, identity's of the
        // damaged copy itself, against the clean print inside the damage mask.
        const cv::Mat clean = model()->item(0).print.pixels;
        const cv::Mat truth = model()->item(1).derivation->mask;
        const auto expected = [&](const cv::Mat& candidate) {
            return rw::flatten(rw::measurePrint(rw::prepareReference(clean), candidate, truth));
        };
        const auto forModel = expected(model()->item(2).print.pixels);
        const auto forIdentity = expected(model()->item(1).print.pixels);
        QCOMPARE(table->item(0, columnOf("psnr_inside"))->data(Qt::UserRole).toDouble(),
                 forModel.at("psnr_inside"));
        QCOMPARE(table->item(0, columnOf("ssim"))->data(Qt::UserRole).toDouble(),
                 forModel.at("ssim"));
        QCOMPARE(table->item(1, columnOf("psnr_inside"))->data(Qt::UserRole).toDouble(),
                 forIdentity.at("psnr_inside"));
        QCOMPARE(table->item(1, columnOf("spurious_minutiae"))->data(Qt::UserRole).toDouble(),
                 forIdentity.at("spurious_minutiae"));
        const int precisionColumn = columnOf("minutiae_precision_inside");
        QCOMPARE(table->item(0, precisionColumn)->data(Qt::UserRole).toDouble(),
                 forModel.at("minutiae_precision_inside"));
        // Telea fills the mask the reconstruction used and is blended in with its feather
        // (none: the damage mask is exact).
        const rw::Derivation& how = *model()->item(2).derivation;
        QCOMPARE(how.featherPixels, 0);
        const auto forTelea = expected(rw::blendedBaseline(
            rw::Baseline::Telea, model()->item(1).print.pixels, how.damageMask, how.featherPixels));
        QCOMPARE(table->item(2, columnOf("psnr_inside"))->data(Qt::UserRole).toDouble(),
                 forTelea.at("psnr_inside"));
        // With a feather (drawn and detected masks get 3 px), every baseline is blended too.
        const rw::MetricsTable feathered = rw::measureReconstruction(
            QStringLiteral("x"), how.modelName, clean, model()->item(1).print.pixels,
            model()->item(2).print.pixels, truth, how.damageMask, 3, {}, {});
        QCOMPARE(feathered.rows.at(2).candidate, QStringLiteral("telea"));
        const auto blendedTelea = expected(rw::blendedBaseline(
            rw::Baseline::Telea, model()->item(1).print.pixels, how.damageMask, 3));
        QCOMPARE(feathered.rows.at(2).values.at("psnr_inside"), blendedTelea.at("psnr_inside"));
        QVERIFY(blendedTelea.at("psnr_inside") != forTelea.at("psnr_inside"));
        // The reconstruction filled exactly the damage: nothing to say about its mask.
        QVERIFY(!feathered.fillAgainstDamage);
        QVERIFY(rw::fillAgainstDamageText(feathered).isEmpty());
        // A mask that is not the damage (as a detector's or a hand-drawn one is) is compared
        // with it, and the dock says how far apart they are.
        cv::Mat loose;
        cv::dilate(truth, loose, cv::Mat::ones(9, 9, CV_8UC1));
        const rw::MetricsTable looseTable = rw::measureReconstruction(
            QStringLiteral("loose"), how.modelName, clean, model()->item(1).print.pixels,
            model()->item(2).print.pixels, truth, loose, 3, {}, {});
        QVERIFY(looseTable.fillAgainstDamage.has_value());
        const rw::MaskAgreement expectedAgreement = rw::measureMaskAgreement(loose, truth);
        QCOMPARE(looseTable.fillAgainstDamage->iou, expectedAgreement.iou);
        QCOMPARE(looseTable.fillAgainstDamage->recall, 1.0);  // the grown mask holds it all
        QVERIFY(looseTable.fillAgainstDamage->precision < 1.0);
        panel->setTable(looseTable, QStringLiteral("Against the clean original."));
        const QString noteText = panel->findChild<QLabel*>(QStringLiteral("metricsNote"))->text();
        QVERIFY2(noteText.contains(QStringLiteral("IoU ") +
                                   QString::number(expectedAgreement.iou, 'f', 2)),
                 qPrintable(noteText));
        QVERIFY(noteText.contains(QStringLiteral("100 % of the damage is in it")));

        // A print without a clean reference says so.
        m_window->selectRow(1);
        QVERIFY(panel->shownKey().isEmpty());
        QVERIFY(!m_window->comparisonView()->isShowingReconstruction());
        QVERIFY(!controller()->viewModeAction(rw::ReconstructionView::Mode::Swipe)->isEnabled());
        m_window->selectRow(2);
        QCOMPARE(panel->shownKey(), model()->item(2).key);  // from the cache, at once
        screenshotIfAsked();
    }
};

QTEST_MAIN(TestComparisonModes)
#include "tst_comparisonmodes.moc"
