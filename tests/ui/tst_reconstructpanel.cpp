// Reconstruct end to end on the offscreen platform, with the shipped models: the action opens
// the panel, Run adds the result as a derived item under the selected print with the whole
// record (model, checkpoint SHA-256, mode, mask source and origin, threshold, changed mask,
// confidence); selective mode keeps every unmasked pixel of the parent; the parent is never
// touched; Cancel adds nothing; a missing or corrupt model file is reported by name. The
// classical ridge continuation is offered like a model, even with no model at all, fills the
// mask only, is recorded without a hash, and cannot be started in full mode.
#include "ComparisonView.h"
#include "DamagePanel.h"
#include "EvidenceModel.h"
#include "ImageView.h"
#include "JobProgressWidget.h"
#include "JobRunner.h"
#include "MainWindow.h"
#include "MaskDocument.h"
#include "ModelLibrary.h"
#include "ReconstructPanel.h"
#include "ReconstructionController.h"
#include "ReconstructionView.h"

#include "CachedSyntheticPrint.h"

#include <ridgeworks/common/Sha256.h>
#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/model/Checkpoint.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

namespace {

constexpr int kTimeoutMs = 120000;

}  // namespace

class TestReconstructPanel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<rw::MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_file;
    QString m_userModels;

    rw::EvidenceModel* model() const { return m_window->evidenceModel(); }
    rw::ReconstructionController* controller() const { return m_window->reconstruction(); }
    rw::ReconstructPanel* panel() const { return controller()->panel(); }
    QString shipped(const QString& name) const
    {
        return m_window->modelLibrary()->shippedModelsDir() + u'/' + name;
    }

    void drawMask()
    {
        rw::MaskDocument* mask = m_window->currentMask();
        QVERIFY(mask);
        mask->fillPolygon(QPolygonF{{70, 90}, {150, 90}, {150, 160}, {70, 160}});
        QVERIFY(mask->damagedPixelCount() > 60 * 60);
    }

    // Selective, on the drawn mask, with whatever model is chosen.
    bool runSelectiveOnDrawnMask()
    {
        panel()->setMode(rw::ReconstructionMode::Selective);
        panel()->setMaskSource(rw::MaskSource::Drawn);
        return runAndWait();
    }

    bool runAndWait()
    {
        QSignalSpy added(controller(), &rw::ReconstructionController::reconstructionAdded);
        if (!panel()->runButton()->isEnabled()) {
            qWarning() << "Run is off:"
                       << panel()->findChild<QLabel*>(QStringLiteral("reconstructRunHint"))->text();
            return false;
        }
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        return added.size() == 1 || added.wait(kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RidgeworksTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_reconstructpanel"));
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("print.png"));
        rw::saveImage(m_file.toStdString(), rw::test::cachedSyntheticPrint(3, 224, 256).image,
                      500.0);
        m_userModels = m_dir.filePath(QStringLiteral("models"));
        QVERIFY(QDir().mkpath(m_userModels));
        qputenv("RIDGEWORKS_USER_MODELS_DIR", m_userModels.toLocal8Bit());
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<rw::MainWindow>();
        m_window->resize(1300, 850);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        m_window->loadPaths({m_file});
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(model()->count(), 1);
        // The action opens the panel (a click on a hidden button would do nothing).
        if (QString::fromLatin1(QTest::currentTestFunction()) !=
            QStringLiteral("panelListsModelsWithTheirCards")) {
            controller()->reconstructAction()->trigger();
            QVERIFY(panel()->runButton()->isVisible());
        }
    }

    void cleanup() { m_window.reset(); }

    void panelListsModelsWithTheirCards()
    {
        // Reconstruction models in one list, detectors in the other; each with its card.
        QComboBox* models = panel()->modelBox();
        QVERIFY(models->count() >= 2);
        QStringList architectures;
        for (int row = 0; row < models->count(); ++row) {
            architectures.append(
                models->itemData(row, rw::ModelLibrary::ArchitectureRole).toString());
            QVERIFY(models->itemData(row, Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("Architecture:")));
        }
        QVERIFY(architectures.contains(QStringLiteral("unet-inpaint")));
        QVERIFY(architectures.contains(QStringLiteral("seed-autoencoder")));
        QVERIFY(!architectures.contains(QStringLiteral("damage-detector")));
        // The classical method once, after the networks; the shipped U-Net stays the default.
        QCOMPARE(architectures.count(QStringLiteral("classical")), 1);
        QCOMPARE(architectures.last(), QStringLiteral("classical"));
        const int classical = models->count() - 1;
        QCOMPARE(models->itemText(classical),
                 QStringLiteral("ridge-continuation (classical, no network)"));
        QCOMPARE(models->itemData(classical, rw::ModelLibrary::PathRole).toString(),
                 QString::fromLatin1(rw::kRidgeContinuationMethod));
        const QString card = models->itemData(classical, Qt::ToolTipRole).toString();
        for (const char* words : {"no network", "deterministic", "Selective only", "13.0", "14.4",
                                  "synthetic", "no model hash"})
            QVERIFY2(card.contains(QString::fromLatin1(words)), words);
        QCOMPARE(models->currentData(rw::ModelLibrary::ArchitectureRole).toString(),
                 QStringLiteral("unet-inpaint"));
        QVERIFY(models->toolTip().contains(QStringLiteral("unet-inpaint")));
        QCOMPARE(panel()->detectorBox()->count(), 1);
        QVERIFY(panel()->detectorBox()->toolTip().contains(QStringLiteral("damage-detector")));

        // The action opens the panel; with nothing drawn Run is off and says why.
        QDockWidget* dock = controller()->dock();
        QVERIFY(!dock->isVisible());
        QAction* action = controller()->reconstructAction();
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
        action->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(!panel()->runButton()->isEnabled());
        QVERIFY(panel()
                    ->findChild<QLabel*>(QStringLiteral("reconstructRunHint"))
                    ->text()
                    .contains(QStringLiteral("Draw")));
        // A loaded print has no damage mask; Detect shows the detector and its threshold.
        QVERIFY(!panel()->isMaskSourceAvailable(rw::MaskSource::Damage));
        QVERIFY(!panel()->detectorRow()->isVisible());
        panel()->setMaskSource(rw::MaskSource::Detect);
        QVERIFY(panel()->detectorRow()->isVisible());
        QVERIFY(panel()->runButton()->isEnabled());
        panel()->thresholdSlider()->setValue(30);
        QCOMPARE(panel()->thresholdBox()->value(), 0.30);
        panel()->thresholdBox()->setValue(0.65);
        QCOMPARE(panel()->thresholdSlider()->value(), 65);
        QCOMPARE(panel()->threshold(), 0.65);
    }

    void ridgeContinuationIsListedWithoutAnyModel()
    {
        // Empty shipped and user folders: no network at all, the classical entry remains and
        // is chosen; the tooltip says why nothing else is listed.
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        rw::ModelLibrary* library = m_window->modelLibrary();
        const QString shippedDir = library->shippedModelsDir();
        library->setShippedModelsDir(empty.path());
        QCOMPARE(library->rowCount(), 0);
        QComboBox* models = panel()->modelBox();
        QCOMPARE(models->count(), 1);
        QCOMPARE(panel()->modelPath(), QStringLiteral("ridge-continuation"));
        QVERIFY(models->toolTip().contains(QStringLiteral("no network")));
        QVERIFY(models->toolTip().contains(QStringLiteral("No reconstruction network is listed")));
        // Nothing drawn yet: Run is off for the mask, not for a missing model.
        const QString hint =
            panel()->findChild<QLabel*>(QStringLiteral("reconstructRunHint"))->text();
        QVERIFY2(hint.contains(QStringLiteral("Draw")), qPrintable(hint));
        drawMask();
        QVERIFY(panel()->runButton()->isEnabled());

        // Chosen with networks listed, it survives the library's refreshes, as a model does.
        library->setShippedModelsDir(shippedDir);
        QVERIFY(models->count() >= 3);
        QCOMPARE(panel()->modelPath(), QStringLiteral("ridge-continuation"));
        QVERIFY(!models->toolTip().contains(QStringLiteral("No reconstruction network")));
        const QString unet = shipped(QStringLiteral("unet-inpaint.rwm"));
        QVERIFY(panel()->setModelPath(unet));
        library->refresh();
        QCOMPARE(panel()->modelPath(), unet);
        QVERIFY(panel()->setModelPath(QStringLiteral("ridge-continuation")));
        QSignalSpy changed(panel(), &rw::ReconstructPanel::settingsChanged);
        library->refresh();
        QCOMPARE(panel()->modelPath(), QStringLiteral("ridge-continuation"));
        QVERIFY(changed.size() >= 1);
    }

    void ridgeContinuationFillsTheMaskOnly()
    {
        // Run from the panel with no network listed: nothing is loaded, nothing is hashed.
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        m_window->modelLibrary()->setShippedModelsDir(empty.path());
        QCOMPARE(panel()->modelPath(), QStringLiteral("ridge-continuation"));
        const cv::Mat parentPixels = model()->item(0).print.pixels.clone();
        const std::string parentHash = model()->item(0).print.sha256;
        drawMask();
        const cv::Mat drawn = m_window->currentMask()->mask().clone();
        QVERIFY(runSelectiveOnDrawnMask());

        QCOMPARE(model()->count(), 2);
        QCOMPARE(cv::countNonZero(model()->item(0).print.pixels != parentPixels), 0);
        QCOMPARE(model()->item(0).print.sha256, parentHash);
        const rw::EvidenceItem& result = model()->item(1);
        QVERIFY(result.derivation);
        const rw::Derivation& how = *result.derivation;
        QVERIFY(how.isReconstruction());
        QCOMPARE(how.modelName, QStringLiteral("ridge-continuation (classical, no network)"));
        QCOMPARE(how.modelArchitecture, QStringLiteral("classical"));
        QCOMPARE(how.modelPath, QStringLiteral("ridge-continuation"));
        QVERIFY(how.modelSha256.isEmpty());
        QCOMPARE(how.mode, QStringLiteral("selective"));
        QCOMPARE(how.maskSource, QStringLiteral("drawn"));
        QCOMPARE(how.maskOrigin, QStringLiteral("given"));
        QCOMPARE(how.label,
                 QStringLiteral("reconstruction (estimate) — ridge-continuation, selective"));
        QVERIFY(result.key.contains(QStringLiteral("#reconstruct:ridge-continuation:selective:")));
        QVERIFY(!how.summary.isEmpty());
        QCOMPARE(cv::countNonZero((how.damageMask != 0) != (drawn != 0)), 0);

        // Outside the mask the parent's pixels bit for bit; inside it, continued ridges.
        cv::Mat changedOutside;
        cv::bitwise_and(result.print.pixels != parentPixels, drawn == 0, changedOutside);
        QCOMPARE(cv::countNonZero(changedOutside), 0);
        cv::Mat changedInside;
        cv::bitwise_and(result.print.pixels != parentPixels, drawn != 0, changedInside);
        QVERIFY2(cv::countNonZero(changedInside) > cv::countNonZero(drawn) / 2,
                 qPrintable(QString::number(cv::countNonZero(changedInside))));
        cv::Mat estimatedOutside;
        cv::bitwise_and(how.changedMask, drawn == 0, estimatedOutside);
        QCOMPARE(cv::countNonZero(estimatedOutside), 0);
        double low = 0.0, high = 0.0;
        cv::minMaxLoc(how.confidence, &low, &high, nullptr, nullptr, how.changedMask == 0);
        QCOMPARE(low, 1.0);
        QVERIFY(m_window->comparisonView()->isShowingReconstruction());

        // Deterministic, and the recipe is the identity: the same request selects the item.
        m_window->selectRow(0);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 2);
        QCOMPARE(m_window->currentRow(), 1);
    }

    void ridgeContinuationCannotRunFull()
    {
        drawMask();
        auto* modes = qobject_cast<QStandardItemModel*>(panel()->modeBox()->model());
        QVERIFY(modes);
        const int full =
            panel()->modeBox()->findData(static_cast<int>(rw::ReconstructionMode::Full));
        QVERIFY(full >= 0);
        QVERIFY(modes->item(full)->isEnabled());
        QVERIFY(panel()->setModelPath(QStringLiteral("ridge-continuation")));
        // Full is greyed out, and says why.
        QVERIFY(!modes->item(full)->isEnabled());
        QVERIFY(modes->item(full)->toolTip().contains(QStringLiteral("choose Selective")));
        QVERIFY(panel()->runButton()->isEnabled());

        // Chosen anyway (it was chosen before, or set from code): Run is off and says why,
        // and a direct run starts nothing.
        panel()->setMode(rw::ReconstructionMode::Full);
        QCOMPARE(panel()->mode(), rw::ReconstructionMode::Full);
        QVERIFY(!panel()->runButton()->isEnabled());
        auto* hint = panel()->findChild<QLabel*>(QStringLiteral("reconstructRunHint"));
        QCOMPARE(
            hint->text(),
            QStringLiteral("Ridge continuation fills the damage mask only: choose Selective."));
        QSignalSpy failed(controller(), &rw::ReconstructionController::reconstructionFailed);
        controller()->runOnCurrent();
        QVERIFY(!m_window->jobRunner()->isBusy());
        QVERIFY(panel()->status().contains(QStringLiteral("choose Selective")));
        QTest::qWait(50);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(model()->count(), 1);

        // A network may run full; the classical method runs selective.
        QVERIFY(panel()->setModelPath(shipped(QStringLiteral("unet-inpaint.rwm"))));
        QVERIFY(modes->item(full)->isEnabled());
        QVERIFY(panel()->runButton()->isEnabled());
        QVERIFY(panel()->setModelPath(QStringLiteral("ridge-continuation")));
        QVERIFY(!panel()->runButton()->isEnabled());
        panel()->setMode(rw::ReconstructionMode::Selective);
        QVERIFY(panel()->runButton()->isEnabled());
    }

    void selectiveWithDrawnMaskAddsDerivedEstimate()
    {
        const rw::EvidenceItem& loaded = model()->item(0);
        const cv::Mat parentPixels = loaded.print.pixels.clone();
        const std::string parentHash = loaded.print.sha256;
        drawMask();
        const cv::Mat drawn = m_window->currentMask()->mask().clone();

        controller()->reconstructAction()->trigger();
        const QString unet = shipped(QStringLiteral("unet-inpaint.rwm"));
        QVERIFY(panel()->setModelPath(unet));
        QVERIFY(runSelectiveOnDrawnMask());

        QCOMPARE(model()->count(), 2);
        QCOMPARE(m_window->currentRow(), 1);
        // The parent: same pixels, same hash.
        QCOMPARE(cv::countNonZero(model()->item(0).print.pixels != parentPixels), 0);
        QCOMPARE(model()->item(0).print.sha256, parentHash);

        const rw::EvidenceItem& result = model()->item(1);
        QVERIFY(result.derivation);
        const rw::Derivation& how = *result.derivation;
        QCOMPARE(how.operation, QStringLiteral("reconstruct"));
        QVERIFY(how.isReconstruction());
        QCOMPARE(how.parentKey, model()->item(0).key);
        QCOMPARE(how.parentSha256, QString::fromStdString(parentHash));
        QCOMPARE(how.modelPath, unet);
        QCOMPARE(how.modelArchitecture, QStringLiteral("unet-inpaint"));
        QVERIFY(!how.modelName.isEmpty());
        QCOMPARE(how.modelSha256, QString::fromStdString(rw::checkpointSha256(unet.toStdString())));
        QCOMPARE(how.modelSha256.size(), 64);
        QCOMPARE(how.mode, QStringLiteral("selective"));
        QCOMPARE(how.maskSource, QStringLiteral("drawn"));
        QCOMPARE(how.maskOrigin, QStringLiteral("given"));
        QCOMPARE(how.detectorThreshold, 0.0);
        QVERIFY(how.detectorSha256.isEmpty());
        QVERIFY(!how.summary.isEmpty());
        QCOMPARE(how.label, QStringLiteral("reconstruction (estimate) — ") + how.modelName +
                                QStringLiteral(", selective"));
        QVERIFY(result.name.contains(QStringLiteral("reconstruction (estimate)")));
        QVERIFY(model()->index(1).data().toString().startsWith(
            QStringLiteral("↳ reconstruction (estimate)")));
        QCOMPARE(result.print.sha256,
                 rw::sha256Hex(rw::encodePng(result.print.pixels, result.print.ppi)));

        // Core's maps, kept with the item.
        QCOMPARE(how.changedMask.size(), parentPixels.size());
        QCOMPARE(how.changedMask.type(), CV_8UC1);
        QCOMPARE(how.confidence.size(), parentPixels.size());
        QCOMPARE(how.confidence.type(), CV_32FC1);
        QCOMPARE(cv::countNonZero((how.damageMask != 0) != (drawn != 0)), 0);
        QVERIFY(cv::countNonZero(how.changedMask) > 1000);

        // Selective: every pixel outside the drawn mask is the parent's, bit for bit; what
        // changed lies inside the mask.
        cv::Mat changedOutside;
        cv::bitwise_and(result.print.pixels != parentPixels, drawn == 0, changedOutside);
        QCOMPARE(cv::countNonZero(changedOutside), 0);
        cv::Mat estimatedOutside;
        cv::bitwise_and(how.changedMask, drawn == 0, estimatedOutside);
        QCOMPARE(cv::countNonZero(estimatedOutside), 0);
        QVERIFY(cv::countNonZero(result.print.pixels != parentPixels) > 500);
        // Confidence 1 for the parent's own pixels.
        double low = 0.0, high = 0.0;
        cv::minMaxLoc(how.confidence, &low, &high, nullptr, nullptr, how.changedMask == 0);
        QCOMPARE(low, 1.0);

        // Shown as an estimate, in the comparison panes.
        rw::ComparisonView* comparison = m_window->comparisonView();
        QVERIFY(comparison->isShowingReconstruction());
        rw::ReconstructionView* view = comparison->reconstructionView();
        QVERIFY(view->estimateView()->badge().contains(QStringLiteral("ESTIMATE")));
        QVERIFY(view->estimateCaption()->text().contains(QStringLiteral("ESTIMATE")));
        QVERIFY(!view->hasClean());
        QVERIFY(!view->cleanView()->isVisible());
        QVERIFY(view->damagedView()->isVisible());
        QVERIFY(!controller()->cleanReferenceAction()->isEnabled());

        // The same request again selects the existing item.
        m_window->selectRow(0);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 2);
        QCOMPARE(m_window->currentRow(), 1);
    }

    void regrowthAndSettlingAreOfferedToInpaintingNetworksAndRecorded()
    {
        // Offered for the inpainting U-Net, off for the seed autoencoder and the classical
        // continuation (neither regrows nor settles ridges).
        const QString unet = shipped(QStringLiteral("unet-inpaint.rwm"));
        QVERIFY(panel()->setModelPath(shipped(QStringLiteral("seed-autoencoder.rwm"))));
        QVERIFY(!panel()->regrowthBox()->isEnabled());
        QVERIFY(!panel()->settlingBox()->isEnabled());
        QVERIFY(!panel()->turnBackBox()->isEnabled());
        QVERIFY(panel()->setModelPath(QString::fromLatin1(rw::kRidgeContinuationMethod)));
        QVERIFY(!panel()->regrowthBox()->isEnabled());
        QVERIFY(!panel()->settlingBox()->isEnabled());
        QVERIFY(!panel()->turnBackBox()->isEnabled());
        QVERIFY(!panel()->slideBackBox()->isEnabled());
        QVERIFY(!panel()->swapBackBox()->isEnabled());
        QVERIFY(panel()->setModelPath(unet));
        QVERIFY(panel()->regrowthBox()->isEnabled());
        QVERIFY(panel()->settlingBox()->isEnabled());
        QVERIFY(panel()->turnBackBox()->isEnabled());
        QVERIFY(panel()->slideBackBox()->isEnabled());
        QVERIFY(panel()->swapBackBox()->isEnabled());
        QCOMPARE(panel()->turnBack(), rw::ReconstructionOptions{}.turnBackRotation);
        QCOMPARE(panel()->slideBack(), rw::ReconstructionOptions{}.slideBackFlaps);
        QCOMPARE(panel()->swapBack(), rw::ReconstructionOptions{}.swapBackFlaps);
        QCOMPARE(panel()->regrowth(), rw::ReconstructionOptions{}.regrowth);
        QCOMPARE(panel()->settling(), rw::ReconstructionOptions{}.settling);

        drawMask();
        const cv::Mat drawn = m_window->currentMask()->mask().clone();
        QVERIFY(runSelectiveOnDrawnMask());
        QCOMPARE(model()->count(), 2);
        // Another regrowth is another recipe: a second item, not the first one again.
        m_window->selectRow(0);
        panel()->setRegrowth(0.0);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 3);

        const rw::EvidenceItem& regrown = model()->item(1);
        const rw::EvidenceItem& networkOnly = model()->item(2);
        QCOMPARE(regrown.derivation->regrowth, rw::ReconstructionOptions{}.regrowth);
        QCOMPARE(networkOnly.derivation->regrowth, 0.0);
        QVERIFY(regrown.derivation->summary.contains(QStringLiteral("ridge regrowth 0.25")));
        QVERIFY(!networkOnly.derivation->summary.contains(QStringLiteral("ridge regrowth")));
        QCOMPARE(regrown.derivation->settling, rw::ReconstructionOptions{}.settling);
        // The two estimates differ inside the mask, and outside it both are the print's own.
        const cv::Mat& parent = model()->item(0).print.pixels;
        QVERIFY(cv::countNonZero((regrown.print.pixels != networkOnly.print.pixels) & drawn) > 500);
        for (const rw::EvidenceItem* item : {&regrown, &networkOnly})
            QCOMPARE(cv::countNonZero((item->print.pixels != parent) & (drawn == 0)), 0);

        // Settling off is another recipe too, recorded as such.
        m_window->selectRow(0);
        panel()->setSettling(0);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 4);
        const rw::EvidenceItem& unsettled = model()->item(3);
        QCOMPARE(unsettled.derivation->settling, 0);
        QVERIFY(!unsettled.derivation->summary.contains(QStringLiteral("settling")));
        QVERIFY(
            networkOnly.derivation->summary.contains(QStringLiteral("ridge settling 2 passes")));
        QVERIFY(cv::countNonZero((unsettled.print.pixels != networkOnly.print.pixels) & drawn) >
                500);
        QCOMPARE(cv::countNonZero((unsettled.print.pixels != parent) & (drawn == 0)), 0);
        QCOMPARE(unsettled.derivation->turnBack, rw::ReconstructionOptions{}.turnBackRotation);
        const cv::Mat unsettledPixels = unsettled.print.pixels.clone();  // the list grows below

        // Turning back off is another recipe as well; a drawn disc over unturned ridges has no
        // turn to find, so the pixels are the same.
        m_window->selectRow(0);
        panel()->setTurnBack(false);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 5);
        const rw::EvidenceItem& notTurned = model()->item(4);
        QCOMPARE(notTurned.derivation->turnBack, false);
        QVERIFY(!notTurned.derivation->summary.contains(QStringLiteral("turned back")));
        QCOMPARE(cv::countNonZero(notTurned.print.pixels != unsettledPixels), 0);

        // So is sliding back off; a drawn mask over unmoved ridges has no flaps to slide.
        m_window->selectRow(0);
        panel()->setSlideBack(false);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 6);
        const rw::EvidenceItem& notSlid = model()->item(5);
        QCOMPARE(notSlid.derivation->slideBack, false);
        QCOMPARE(notTurned.derivation->slideBack, rw::ReconstructionOptions{}.slideBackFlaps);
        QVERIFY(!notSlid.derivation->summary.contains(QStringLiteral("slid back")));
        QCOMPARE(cv::countNonZero(notSlid.print.pixels != unsettledPixels), 0);

        // And swapping back off; nor are there flaps to swap.
        m_window->selectRow(0);
        panel()->setSwapBack(false);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 7);
        const rw::EvidenceItem& notSwapped = model()->item(6);
        QCOMPARE(notSwapped.derivation->swapBack, false);
        QCOMPARE(notSlid.derivation->swapBack, rw::ReconstructionOptions{}.swapBackFlaps);
        QVERIFY(!notSwapped.derivation->summary.contains(QStringLiteral("swapped back")));
        QCOMPARE(cv::countNonZero(notSwapped.print.pixels != unsettledPixels), 0);
    }

    void ridgeReachIsOfferedInSelectiveModeAndRecorded()
    {
        QVERIFY(panel()->setModelPath(shipped(QStringLiteral("unet-inpaint.rwm"))));
        QCOMPARE(panel()->ridgeReach(), 0.0);  // no limit by default
        QCOMPARE(panel()->ridgeReachBox()->text(), QStringLiteral("no limit"));
        panel()->setMode(rw::ReconstructionMode::Full);
        QVERIFY(!panel()->ridgeReachBox()->isEnabled());
        panel()->setMode(rw::ReconstructionMode::Selective);
        QVERIFY(panel()->ridgeReachBox()->isEnabled());

        drawMask();
        const cv::Mat drawn = m_window->currentMask()->mask().clone();
        QVERIFY(runSelectiveOnDrawnMask());
        QCOMPARE(model()->count(), 2);
        // Another reach is another recipe: a second item.
        m_window->selectRow(0);
        panel()->setRidgeReach(0.5);
        QVERIFY(runAndWait());
        QCOMPARE(model()->count(), 3);

        const rw::EvidenceItem& everywhere = model()->item(1);
        const rw::EvidenceItem& limited = model()->item(2);
        QCOMPARE(everywhere.derivation->ridgeReach, 0.0);
        QCOMPARE(limited.derivation->ridgeReach, 0.5);
        QVERIFY(limited.derivation->summary.contains(QStringLiteral("ridges within 0.5")));
        QVERIFY(!everywhere.derivation->summary.contains(QStringLiteral("ridges within")));
        // Deep in the mask the limited estimate is a smooth fill: it differs from the other
        // there, and outside the mask both are the print's own.
        const cv::Mat& parent = model()->item(0).print.pixels;
        QVERIFY(cv::countNonZero((everywhere.print.pixels != limited.print.pixels) & drawn) > 100);
        for (const rw::EvidenceItem* item : {&everywhere, &limited})
            QCOMPARE(cv::countNonZero((item->print.pixels != parent) & (drawn == 0)), 0);
    }

    void damageMaskAndDetectorAreRecorded()
    {
        m_window->damagePanel()->setSpec(rw::DamageKind::Obliteration, rw::DamageLevel::Hard, 7);
        QSignalSpy damaged(m_window.get(), &rw::MainWindow::damageApplied);
        QTest::mouseClick(m_window->damagePanel()->applyButton(), Qt::LeftButton);
        QVERIFY(damaged.wait(kTimeoutMs));
        QCOMPARE(m_window->currentRow(), 1);
        const rw::EvidenceItem copy = model()->item(1);  // a copy: inserts move the items
        QVERIFY(panel()->isMaskSourceAvailable(rw::MaskSource::Damage));

        // The damage mask of the damaged copy, in full mode.
        panel()->setMaskSource(rw::MaskSource::Damage);
        panel()->setMode(rw::ReconstructionMode::Full);
        QVERIFY(runAndWait());
        const rw::Derivation& full = *model()->item(m_window->currentRow()).derivation;
        QCOMPARE(full.parentKey, copy.key);
        QCOMPARE(full.mode, QStringLiteral("full"));
        QCOMPARE(full.maskSource, QStringLiteral("damage"));
        QCOMPARE(full.maskOrigin, QStringLiteral("given"));
        QCOMPARE(cv::countNonZero((full.damageMask != 0) != (copy.derivation->mask != 0)), 0);
        QVERIFY(full.label.endsWith(QStringLiteral(", full")));

        // Detected at a chosen threshold: the detector and the threshold are recorded.
        m_window->selectRow(1);
        panel()->setMaskSource(rw::MaskSource::Detect);
        panel()->setMode(rw::ReconstructionMode::Selective);
        panel()->setThreshold(0.4);
        QVERIFY(runAndWait());
        const rw::EvidenceItem& detected = model()->item(m_window->currentRow());
        const rw::Derivation& how = *detected.derivation;
        QCOMPARE(how.maskSource, QStringLiteral("detect"));
        QCOMPARE(how.maskOrigin, QStringLiteral("detected"));
        QCOMPARE(how.detectorThreshold, 0.4);
        const QString detector = shipped(QStringLiteral("damage-detector.rwm"));
        QCOMPARE(how.detectorPath, detector);
        QCOMPARE(how.detectorSha256,
                 QString::fromStdString(rw::checkpointSha256(detector.toStdString())));
        QCOMPARE(how.damageProbability.type(), CV_32FC1);
        QCOMPARE(how.damageMask.size(), copy.print.pixels.size());
        // Selective with a detected mask: outside it the damaged copy's own pixels.
        cv::Mat changedOutside;
        cv::bitwise_and(detected.print.pixels != copy.print.pixels, how.damageMask == 0,
                        changedOutside);
        QCOMPARE(cv::countNonZero(changedOutside), 0);
        // Three derived items under the original, the reconstructions under the damaged copy.
        QCOMPARE(model()->count(), 4);
    }

    void cancelAddsNothing()
    {
        drawMask();
        QSignalSpy cancelled(m_window->jobRunner(), &rw::JobRunner::jobCancelled);
        QSignalSpy added(controller(), &rw::ReconstructionController::reconstructionAdded);
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        QVERIFY(m_window->jobRunner()->isBusy());
        // The status bar's Cancel, as the examiner would press it.
        auto* progress = m_window->findChild<rw::JobProgressWidget*>();
        QVERIFY(progress);
        QTRY_VERIFY(progress->cancelButton()->isVisible());
        QTest::mouseClick(progress->cancelButton(), Qt::LeftButton);
        QVERIFY(cancelled.size() == 1 || cancelled.wait(kTimeoutMs));
        QCOMPARE(cancelled.first().first().toString(), QStringLiteral("Reconstructing"));
        QTRY_VERIFY(!m_window->jobRunner()->isBusy());
        QCOMPARE(added.size(), 0);
        QCOMPARE(model()->count(), 1);
        QVERIFY(panel()->status().contains(QStringLiteral("Cancelled")));
    }

    void badModelFileIsNamed_data()
    {
        QTest::addColumn<bool>("remove");
        QTest::newRow("truncated") << false;
        QTest::newRow("missing") << true;
    }

    void badModelFileIsNamed()
    {
        QFETCH(bool, remove);
        // A good copy, listed; then spoiled behind the library's back.
        const QString copy = m_userModels + QStringLiteral("/my-unet.rwm");
        QFile::remove(copy);
        QVERIFY(QFile::copy(shipped(QStringLiteral("unet-inpaint.rwm")), copy));
        m_window->modelLibrary()->refresh();
        QVERIFY(panel()->setModelPath(copy));
        if (remove) {
            QVERIFY(QFile::remove(copy));
        } else {
            QFile file(copy);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.resize(file.size() / 3));
        }
        drawMask();
        QSignalSpy failed(controller(), &rw::ReconstructionController::reconstructionFailed);
        QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
        QVERIFY(failed.wait(kTimeoutMs));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("my-unet.rwm")), qPrintable(message));
        auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("jobFailedMessage"));
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QStringLiteral("my-unet.rwm")),
                 qPrintable(box->informativeText()));
        QVERIFY(panel()->status().contains(QStringLiteral("my-unet.rwm")));
        QCOMPARE(model()->count(), 1);
        box->close();
        QFile::remove(copy);
    }
};

QTEST_MAIN(TestReconstructPanel)
#include "tst_reconstructpanel.moc"
