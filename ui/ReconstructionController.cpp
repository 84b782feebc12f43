#include "ReconstructionController.h"

#include "ComparisonView.h"
#include "EvidenceModel.h"
#include "JobRunner.h"
#include "MainWindow.h"
#include "MaskDocument.h"
#include "MetricsPanel.h"
#include "MinutiaeMarker.h"
#include "ModelLibrary.h"
#include "ReconstructPanel.h"
#include "ReconstructionJob.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolBar>

namespace rw {

namespace {

constexpr int kStatusTimeoutMs = 8000;
const QString kReconstructTitle = QStringLiteral("Reconstructing");
const QString kMetricsTitle = QStringLiteral("Measuring the reconstruction");

QString pixelsText(int pixels, const cv::Mat& of)
{
    const double percent = of.empty() ? 0.0 : 100.0 * pixels / static_cast<double>(of.total());
    return QString::number(pixels) + QStringLiteral(" px (") + QString::number(percent, 'f', 1) +
           QStringLiteral(" % of the print)");
}

}  // namespace

ReconstructionController::ReconstructionController(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("reconstructionController"));
    createDocks();
    createActions();

    connect(m_window, &MainWindow::currentItemChanged, this,
            &ReconstructionController::onCurrentChanged);
    connect(m_window->jobRunner(), &JobRunner::jobFailed, this,
            [this](const QString& title, const QString& message) {
                if (title == kReconstructTitle) {
                    m_panel->setStatus(QStringLiteral("Failed: ") + message);
                    Q_EMIT reconstructionFailed(message);
                } else if (title == kMetricsTitle) {
                    m_metricsRunning.clear();
                    m_metrics->showMessage(QStringLiteral("The metrics could not be computed: ") +
                                           message);
                }
            });
    connect(m_window->jobRunner(), &JobRunner::jobCancelled, this, [this](const QString& title) {
        if (title == kReconstructTitle)
            m_panel->setStatus(QStringLiteral("Cancelled; nothing was added."));
        else if (title == kMetricsTitle) {
            m_metricsRunning.clear();
            m_metrics->showMessage(QStringLiteral("Cancelled."));
        }
    });
    new MinutiaeMarker(m_window->jobRunner(), m_window->comparisonView()->reconstructionView(),
                       this);
    connect(m_window->comparisonView()->reconstructionView(), &ReconstructionView::modeChanged,
            this, [this](ReconstructionView::Mode mode) {
                if (QAction* action = viewModeAction(mode))
                    action->setChecked(true);
            });
    onCurrentChanged();
}

void ReconstructionController::createDocks()
{
    m_panel = new ReconstructPanel(m_window->modelLibrary(), m_window);
    m_dock = new QDockWidget(QStringLiteral("Reconstruct"), m_window);
    m_dock->setObjectName(QStringLiteral("reconstructDock"));
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_dock->setWidget(m_panel);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    // Under the Damage dock: damage a copy, then reconstruct it, top to bottom.
    m_dock->hide();

    m_metrics = new MetricsPanel(m_window);
    m_metricsDock = new QDockWidget(QStringLiteral("Metrics"), m_window);
    m_metricsDock->setObjectName(QStringLiteral("metricsDock"));
    m_metricsDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    m_metricsDock->setWidget(m_metrics);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_metricsDock);
    m_metricsDock->hide();

    connect(m_panel, &ReconstructPanel::settingsChanged, this,
            &ReconstructionController::updateRunnable);
    connect(m_panel, &ReconstructPanel::runRequested, this,
            &ReconstructionController::runOnCurrent);
    connect(m_metricsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            requestMetrics();
    });
}

void ReconstructionController::createActions()
{
    m_reconstructAction = new QAction(QIcon::fromTheme(QStringLiteral("system-run")),
                                      QStringLiteral("Re&construct…"), this);
    m_reconstructAction->setObjectName(QStringLiteral("reconstructAction"));
    // Ctrl+R is Set Resolution.
    m_reconstructAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reconstructAction->setStatusTip(
        QStringLiteral("Reconstruct the selected print with a trained model or the classical "
                       "ridge continuation; the result is added under it, marked as an "
                       "estimate"));
    connect(m_reconstructAction, &QAction::triggered, this, [this] {
        if (!m_dock->isVisible()) {
            m_dock->show();
            // Room for the whole panel under the Damage dock.
            if (auto* damage = m_window->findChild<QDockWidget*>(QStringLiteral("damageDock"));
                damage && damage->isVisible() &&
                m_window->dockWidgetArea(damage) == m_window->dockWidgetArea(m_dock))
                m_window->resizeDocks({damage, m_dock}, {260, 420}, Qt::Vertical);
        }
        m_dock->raise();
        m_panel->runButton()->setFocus();
    });

    QMenu* evidence = nullptr;
    for (QAction* menuAction : m_window->menuBar()->actions()) {
        if (menuAction->menu() && menuAction->text() == QStringLiteral("&Evidence"))
            evidence = menuAction->menu();
    }
    if (evidence) {
        evidence->addSeparator();
        evidence->addAction(m_reconstructAction);
    }
    if (auto* mainBar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"))) {
        mainBar->addSeparator();
        mainBar->addAction(m_reconstructAction);
    }

    m_modeGroup = new QActionGroup(this);
    m_modeGroup->setExclusive(true);
    auto* view = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    auto* comparison = new QMenu(QStringLiteral("&Comparison"), m_window);
    comparison->setObjectName(QStringLiteral("comparisonMenu"));
    int key = Qt::Key_1;
    for (const ReconstructionView::Mode mode :
         {ReconstructionView::Mode::SideBySide, ReconstructionView::Mode::Swipe,
          ReconstructionView::Mode::Difference, ReconstructionView::Mode::Overlay,
          ReconstructionView::Mode::Minutiae}) {
        auto* action = new QAction(ReconstructionView::modeTitle(mode), m_modeGroup);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(key++)));
        action->setChecked(mode == ReconstructionView::Mode::SideBySide);
        connect(action, &QAction::triggered, this, [this, mode] { setViewMode(mode); });
        // Short words on the tool bar, the full title in the menu.
        if (mode == ReconstructionView::Mode::Difference)
            action->setIconText(QStringLiteral("Heat Map"));
        else if (mode == ReconstructionView::Mode::Overlay)
            action->setIconText(QStringLiteral("Overlay"));
        m_modeActions.insert(static_cast<int>(mode), action);
        comparison->addAction(action);
    }
    m_modeActions.value(static_cast<int>(ReconstructionView::Mode::SideBySide))
        ->setStatusTip(QStringLiteral("Original, damaged and reconstructed panes side by side"));
    m_modeActions.value(static_cast<int>(ReconstructionView::Mode::Swipe))
        ->setStatusTip(QStringLiteral("One pane: the estimate left of a draggable divider, the "
                                      "reference right of it"));
    m_modeActions.value(static_cast<int>(ReconstructionView::Mode::Difference))
        ->setStatusTip(QStringLiteral("|estimate − reference| as a colour map with a legend"));
    m_modeActions.value(static_cast<int>(ReconstructionView::Mode::Overlay))
        ->setStatusTip(QStringLiteral("The estimate with its changed region outlined and the "
                                      "model's confidence as a translucent colour"));
    m_modeActions.value(static_cast<int>(ReconstructionView::Mode::Minutiae))
        ->setStatusTip(QStringLiteral(
            "The reconstruction's ridge endings and bifurcations: those drawn from estimated "
            "pixels are not evidence; with a clean original, the invented ones in red"));

    m_cleanReference = new QAction(QStringLiteral("Compare with the Clean &Original"), this);
    m_cleanReference->setObjectName(QStringLiteral("cleanReferenceAction"));
    m_cleanReference->setIconText(QStringLiteral("vs Clean"));
    m_cleanReference->setCheckable(true);
    m_cleanReference->setChecked(true);
    m_cleanReference->setStatusTip(
        QStringLiteral("Swipe and heat map against the clean print the damaged copy was made "
                       "from, instead of the damaged copy"));
    connect(m_cleanReference, &QAction::toggled, this, [this](bool clean) {
        m_window->comparisonView()->reconstructionView()->setReference(
            clean ? ReconstructionView::Reference::Clean : ReconstructionView::Reference::Damaged);
    });
    m_fill = new QAction(QStringLiteral("Confidence &Fill"), this);
    m_fill->setObjectName(QStringLiteral("confidenceFillAction"));
    m_fill->setIconText(QStringLiteral("Fill"));
    m_fill->setCheckable(true);
    m_fill->setChecked(true);
    m_fill->setStatusTip(QStringLiteral(
        "Tint estimated pixels by confidence in the overlay; the outline always stays"));
    connect(m_fill, &QAction::toggled, m_window->comparisonView()->reconstructionView(),
            &ReconstructionView::setConfidenceFill);
    comparison->addSeparator();
    comparison->addAction(m_cleanReference);
    comparison->addAction(m_fill);
    if (view) {
        view->addSeparator();
        view->addMenu(comparison);
    }

    m_toolBar = new QToolBar(QStringLiteral("Comparison"), m_window);
    m_toolBar->setObjectName(QStringLiteral("comparisonToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction* action : m_modeGroup->actions())
        m_toolBar->addAction(action);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_cleanReference);
    m_toolBar->addAction(m_fill);
    m_window->addToolBar(Qt::TopToolBarArea, m_toolBar);

    if (view) {
        view->addAction(m_dock->toggleViewAction());
        QAction* metrics = m_metricsDock->toggleViewAction();
        metrics->setStatusTip(
            QStringLiteral("Metrics of the selected reconstruction against the baselines"));
        view->addAction(metrics);
        view->addAction(m_toolBar->toggleViewAction());
    }
}

QAction* ReconstructionController::viewModeAction(ReconstructionView::Mode mode) const
{
    return m_modeActions.value(static_cast<int>(mode));
}

void ReconstructionController::setViewMode(ReconstructionView::Mode mode)
{
    m_window->comparisonView()->reconstructionView()->setMode(mode);
    if (QAction* action = viewModeAction(mode))
        action->setChecked(true);
}

const EvidenceItem* ReconstructionController::parentOf(const EvidenceItem& item) const
{
    if (!item.derivation)
        return nullptr;
    const int row = m_window->evidenceModel()->rowOfKey(item.derivation->parentKey);
    return row < 0 ? nullptr : &m_window->evidenceModel()->item(row);
}

const EvidenceItem* ReconstructionController::cleanReferenceOf(const EvidenceItem& item) const
{
    const EvidenceItem* parent = parentOf(item);
    if (!parent || !parent->derivation || parent->derivation->operation != QStringLiteral("damage"))
        return nullptr;
    const EvidenceItem* clean = parentOf(*parent);
    if (!clean || clean->print.pixels.size() != item.print.pixels.size())
        return nullptr;
    return clean;
}

bool ReconstructionController::showItem(const EvidenceItem& item)
{
    if (!item.derivation || !item.derivation->isReconstruction())
        return false;
    const Derivation& how = *item.derivation;
    ReconstructionView::Images images;
    images.estimate = item.print.pixels;
    images.changedMask = how.changedMask;
    images.confidence = how.confidence;
    images.estimateName = how.label;
    images.summary = how.summary;
    images.itemKey = item.key;
    if (const EvidenceItem* parent = parentOf(item)) {
        images.damaged = parent->print.pixels;
        images.damagedName = parent->name;
    } else {
        return false;  // cannot happen: derived items go with their parent
    }
    if (const EvidenceItem* clean = cleanReferenceOf(item)) {
        images.clean = clean->print.pixels;
        images.cleanName = clean->name;
    }
    ComparisonView* comparison = m_window->comparisonView();
    comparison->showReconstruction(item, std::move(images));
    comparison->reconstructionView()->setReference(m_cleanReference->isChecked()
                                                       ? ReconstructionView::Reference::Clean
                                                       : ReconstructionView::Reference::Damaged);
    return true;
}

void ReconstructionController::onCurrentChanged()
{
    // Follow the selected print's mask as it is drawn.
    MaskDocument* mask = m_window->currentMask();
    if (mask != m_watchedMask) {
        if (m_watchedMask)
            disconnect(m_watchedMask, nullptr, this, nullptr);
        m_watchedMask = mask;
        if (mask)
            connect(mask, &MaskDocument::changed, this, &ReconstructionController::updateRunnable);
    }
    const int row = m_window->currentRow();
    const EvidenceItem* item = row < 0 ? nullptr : &m_window->evidenceModel()->item(row);
    m_reconstructAction->setEnabled(item != nullptr);
    const bool damaged = item && item->derivation &&
                         item->derivation->operation == QStringLiteral("damage") &&
                         !item->derivation->mask.empty();
    m_panel->setMaskSourceAvailable(MaskSource::Damage, damaged);
    updateRunnable();
    updateViewActions();
    requestMetrics();
}

void ReconstructionController::updateViewActions()
{
    ComparisonView* comparison = m_window->comparisonView();
    const bool showing = comparison->isShowingReconstruction() && m_window->currentRow() >= 0;
    for (QAction* action : m_modeGroup->actions())
        action->setEnabled(showing);
    m_cleanReference->setEnabled(showing && comparison->reconstructionView()->hasClean());
    m_fill->setEnabled(showing);
    m_toolBar->setEnabled(showing);
    m_toolBar->setToolTip(showing ? QString()
                                  : QStringLiteral("Select a reconstruction to compare it"));
}

std::optional<ReconstructionRequest>
ReconstructionController::currentRequest(QString* why, QString* maskInfo) const
{
    const int row = m_window->currentRow();
    if (row < 0) {
        *why = QStringLiteral("Open a print first.");
        return std::nullopt;
    }
    const EvidenceItem& item = m_window->evidenceModel()->item(row);
    if (item.derivation && item.derivation->isReconstruction()) {
        // Its mask editor is hidden behind the comparison panes, and an estimate of an
        // estimate is no evidence: reconstruct the print it came from instead.
        *why = QStringLiteral("The selected print is a reconstruction (an estimate): select the "
                              "print to reconstruct.");
        return std::nullopt;
    }
    ReconstructionRequest request;
    request.modelPath = m_panel->modelPath();
    request.mode = m_panel->mode();
    request.maskSource = m_panel->maskSource();
    request.regrowth = m_panel->regrowth();
    request.settling = m_panel->settling();
    request.turnBack = m_panel->turnBack();
    request.slideBack = m_panel->slideBack();
    request.swapBack = m_panel->swapBack();
    request.ridgeReach = m_panel->ridgeReach();
    // The classical entry is always listed, so an empty choice means nothing is selected,
    // not that the library is empty.
    if (request.modelPath.isEmpty()) {
        *why = QStringLiteral("Choose a model, or the ridge continuation, in the Model list.");
        return std::nullopt;
    }
    // Core refuses it too; saying so here keeps Run from starting a job bound to fail.
    if (isRidgeContinuation(request.modelPath) && request.mode == ReconstructionMode::Full) {
        *why = QStringLiteral("Ridge continuation fills the damage mask only: choose Selective.");
        return std::nullopt;
    }
    switch (request.maskSource) {
    case MaskSource::Drawn: {
        const MaskDocument* mask = m_window->currentMask();
        const int marked = mask ? mask->damagedPixelCount() : 0;
        if (marked == 0) {
            *why = QStringLiteral("Draw the mask on the Working pane first (Brush or Lasso), or "
                                  "choose another mask source.");
            return std::nullopt;
        }
        // A copy: the examiner may go on drawing while the job runs.
        request.mask = mask->mask().clone();
        *maskInfo = QStringLiteral("Drawn mask: ") + pixelsText(marked, request.mask) + u'.';
        break;
    }
    case MaskSource::Damage: {
        if (!item.derivation || item.derivation->operation != QStringLiteral("damage") ||
            item.derivation->mask.empty()) {
            *why = QStringLiteral("The selected print is not a damaged copy, so it has no damage "
                                  "mask: draw one or let the detector find it.");
            return std::nullopt;
        }
        request.mask = item.derivation->mask;
        *maskInfo = QStringLiteral("Damage mask of ") + item.derivation->label +
                    QStringLiteral(": ") +
                    pixelsText(cv::countNonZero(request.mask), request.mask) + u'.';
        break;
    }
    case MaskSource::Detect:
        request.detectorPath = m_panel->detectorPath();
        request.threshold = m_panel->threshold();
        if (request.detectorPath.isEmpty()) {
            *why = QStringLiteral("No damage-detector model is listed.");
            return std::nullopt;
        }
        *maskInfo = QStringLiteral("The detector marks pixels whose damage probability is at "
                                   "least ") +
                    QString::number(request.threshold, 'f', 2) + u'.';
        break;
    }
    return request;
}

void ReconstructionController::updateRunnable()
{
    QString why;
    QString maskInfo;
    const bool runnable = currentRequest(&why, &maskInfo).has_value();
    m_panel->setRunnable(runnable, why);
    m_panel->setMaskInfo(maskInfo);
}

void ReconstructionController::runOnCurrent()
{
    QString why;
    QString maskInfo;
    const std::optional<ReconstructionRequest> request = currentRequest(&why, &maskInfo);
    if (!request) {
        m_window->statusBar()->showMessage(why, kStatusTimeoutMs);
        m_panel->setStatus(why);
        return;
    }
    const EvidenceItem parent = m_window->evidenceModel()->item(m_window->currentRow());
    m_panel->setStatus(QStringLiteral("Reconstructing ") + parent.name + QStringLiteral("…"));
    m_window->jobRunner()->submitForResult(
        kReconstructTitle,
        [parent, request = *request](const ProgressSink& progress, const CancelToken& cancel) {
            return makeReconstructedItem(parent, request, progress, cancel);
        },
        [this](EvidenceItem item) {
            EvidenceModel* model = m_window->evidenceModel();
            // The parent was removed while the job ran: a result without it would be an orphan.
            if (model->rowOfKey(item.derivation->parentKey) < 0) {
                const QString message = item.derivation->parentName +
                                        QStringLiteral(" was removed; the reconstruction was not "
                                                       "added.");
                m_window->statusBar()->showMessage(message, kStatusTimeoutMs);
                m_panel->setStatus(message);
                return;
            }
            int at = model->rowOfKey(item.key);
            // Core's summary names the model, mode, mask and how much was estimated.
            const QString message = (at >= 0 ? QStringLiteral("Already in the list: ")
                                             : QStringLiteral("Added the reconstruction: ")) +
                                    item.derivation->summary;
            if (at < 0)
                at = model->insertDerived(std::move(item));
            m_window->statusBar()->showMessage(message, kStatusTimeoutMs);
            m_panel->setStatus(message);
            m_window->selectRow(at);
            if (cleanReferenceOf(model->item(at)) && !m_metricsDock->isVisible()) {
                m_metricsDock->show();
                m_window->resizeDocks({m_metricsDock}, {190}, Qt::Vertical);
            }
            Q_EMIT reconstructionAdded(at);
        });
}

void ReconstructionController::requestMetrics()
{
    if (!m_metricsDock->isVisible())
        return;
    const int row = m_window->currentRow();
    const EvidenceItem* item = row < 0 ? nullptr : &m_window->evidenceModel()->item(row);
    if (!item || !item->derivation || !item->derivation->isReconstruction()) {
        m_metrics->showMessage(QStringLiteral("Select a reconstruction to see its metrics."));
        return;
    }
    const EvidenceItem* clean = cleanReferenceOf(*item);
    const EvidenceItem* damaged = parentOf(*item);
    if (!clean || !damaged) {
        m_metrics->showMessage(
            QStringLiteral("No clean reference: the reconstructed print was not damaged from a "
                           "clean print in this list, so there is nothing to measure against."));
        return;
    }
    const QString key = item->key;
    const QString note =
        QStringLiteral("Against the clean original ") + clean->name +
        QStringLiteral(". “Mask”: the pixels the damage altered (") +
        QString::number(cv::countNonZero(damaged->derivation->mask)) +
        QStringLiteral(" px); “whole”: the print's foreground. The baselines fill the mask the "
                       "reconstruction used, blended in at its rim the same way. Best value of "
                       "each column in bold.");
    if (m_metricsCache.contains(key)) {
        if (m_metrics->shownKey() != key) {
            m_metrics->setTable(m_metricsCache.value(key), note);
            Q_EMIT metricsShown(key);
        }
        return;
    }
    m_metrics->showMessage(QStringLiteral("Computing the metrics of ") + item->derivation->label +
                           QStringLiteral(" and the baselines…"));
    if (m_metricsRunning.contains(key))
        return;
    m_metricsRunning.insert(key);
    const Derivation& how = *item->derivation;
    m_window->jobRunner()->submitForResult(
        kMetricsTitle,
        [key, model = how.modelName, cleanPixels = clean->print.pixels,
         damagedPixels = damaged->print.pixels, estimate = item->print.pixels,
         truth = damaged->derivation->mask, fill = how.damageMask,
         feather = how.featherPixels](const ProgressSink& progress, const CancelToken& cancel) {
            return measureReconstruction(key, model, cleanPixels, damagedPixels, estimate, truth,
                                         fill, feather, progress, cancel);
        },
        [this, note](MetricsTable table) {
            m_metricsRunning.remove(table.itemKey);
            const QString key = table.itemKey;
            m_metricsCache.insert(key, std::move(table));
            const int row = m_window->currentRow();
            if (row >= 0 && m_window->evidenceModel()->item(row).key == key) {
                m_metrics->setTable(m_metricsCache.value(key), note);
                Q_EMIT metricsShown(key);
            }
        });
}

}  // namespace rw
