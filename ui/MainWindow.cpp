#include "MainWindow.h"

#include "CaseController.h"
#include "CaseDock.h"

#include "AppIcon.h"
#include "DamagePanel.h"
#include "DamagedEvidence.h"
#include "EvidenceDelegate.h"
#include "EvidenceLoader.h"
#include "EvidenceModel.h"
#include "FilePaths.h"
#include "ImageView.h"
#include "JobProgressWidget.h"
#include "JobRunner.h"
#include "MaskDocument.h"
#include "MaskEditor.h"
#include "MaskToolBar.h"
#include "MatImage.h"
#include "ModelLibrary.h"
#include "RecentFiles.h"
#include "ReconstructionController.h"
#include "TrainingJob.h"
#include "TrainingPanel.h"
#include "TrainingQueue.h"
#include "WelcomePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUrl>

#include <ridgeworks/image/ImageLoader.h>
#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/model/ComputeSettings.h>

#include <opencv2/core/version.hpp>

#include <algorithm>
#include <exception>

namespace rw {

namespace {

constexpr int kStatusTimeoutMs = 8000;
// Past this many problems the message lists the first few and puts the rest under "Show Details…".
constexpr int kProblemsInline = 12;

QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

QString imageFileFilter()
{
    return QStringLiteral(
        "Fingerprint images (*.png *.bmp *.tif *.tiff *.jpg *.jpeg *.jp2 *.j2k *.jpf "
        "*.PNG *.BMP *.TIF *.TIFF *.JPG *.JPEG *.JP2 *.J2K *.JPF);;All files (*)");
}

QString plural(int count, const QString& one, const QString& many)
{
    return QString::number(count) + u' ' + (count == 1 ? one : many);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_model(new EvidenceModel(this))
    , m_jobs(new JobRunner(this))
    , m_recent(new RecentFiles(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_comparison(new ComparisonView(this))
    , m_maskEditor(new MaskEditor(m_comparison->workingView(), this))
    , m_undoGroup(new QUndoGroup(this))
    , m_previewJobs(new JobRunner(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Ridgeworks"));
    setWindowIcon(applicationIcon());
    setAcceptDrops(true);

    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_comparison);
    setCentralWidget(m_stack);

    createActions();
    createMenus();
    createToolBar();
    createMaskEditor();
    createEvidenceDock();
    createDamageDock();
    createCaseDock();
    createTrainingDock();
    m_reconstruction = new ReconstructionController(this);
    createStatusBar();

    connect(m_welcome, &WelcomePage::loadDemoRequested, this, &MainWindow::loadDemoPrints);
    connect(m_welcome, &WelcomePage::openFilesRequested, this, &MainWindow::openFiles);
    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolder);
    connect(m_comparison, &ComparisonView::pixelHovered, this, &MainWindow::showPixel);
    connect(m_comparison, &ComparisonView::pixelLeft, this, &MainWindow::clearPixelReadout);
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    connect(
        m_jobs, &JobRunner::jobFailed, this, [this](const QString& title, const QString& message) {
            auto* box = new QMessageBox(QMessageBox::Critical, QStringLiteral("Ridgeworks"),
                                        title + QStringLiteral(" failed."), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("jobFailedMessage"));
            box->setInformativeText(message);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    connect(m_jobs, &JobRunner::jobCancelled, this, [this](const QString& title) {
        statusBar()->showMessage(title + QStringLiteral(" cancelled."), kStatusTimeoutMs);
    });

    rebuildRecentMenu();
    showCurrent();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: two panes side by side need room. Small screens get all of it,
        // large ones a comfortable window in the middle.
        const QRect available = screen()->availableGeometry();
        if (available.width() < 1600 || available.height() < 1000)
            setGeometry(available);
        else
            setGeometry(
                QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, QSize(1440, 900), available));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    // Its docks and actions call back into this window: gone before the window is half gone.
    delete m_reconstruction;
    m_reconstruction = nullptr;
    // ~QWidget hides the docks, and the Damage dock's visibilityChanged would call back into
    // this half-destroyed window (undefined behaviour, caught by UBSan): cut it first.
    if (m_damageDock)
        disconnect(m_damageDock, nullptr, this, nullptr);
    // Likewise the training queue: it outlives this destructor's body (a child object).
    if (m_trainingQueue)
        disconnect(m_trainingQueue, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    m_openFilesAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-open"),
                                     style()->standardIcon(QStyle::SP_DialogOpenButton)),
                    QStringLiteral("&Open Files…"), this);
    m_openFilesAction->setShortcut(QKeySequence::Open);
    m_openFilesAction->setStatusTip(QStringLiteral("Open fingerprint images"));
    connect(m_openFilesAction, &QAction::triggered, this, &MainWindow::openFiles);

    m_openFolderAction =
        new QAction(QIcon::fromTheme(QStringLiteral("folder-open"),
                                     style()->standardIcon(QStyle::SP_DirOpenIcon)),
                    QStringLiteral("Open &Folder…"), this);
    m_openFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openFolderAction->setStatusTip(
        QStringLiteral("Open every image in a folder and its subfolders"));
    connect(m_openFolderAction, &QAction::triggered, this, &MainWindow::openFolder);

    m_demoAction = new QAction(QStringLiteral("Load &Demo Prints"), this);
    m_demoAction->setStatusTip(
        QStringLiteral("Five synthetic prints, one of each fingerprint class"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::loadDemoPrints);

    m_quitAction = new QAction(QStringLiteral("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_setResolutionAction = new QAction(QStringLiteral("Set &Resolution…"), this);
    m_setResolutionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_setResolutionAction->setStatusTip(
        QStringLiteral("Correct the pixels per inch of the selected print"));
    connect(m_setResolutionAction, &QAction::triggered, this, &MainWindow::setResolutionOfCurrent);

    m_removeAction = new QAction(QStringLiteral("Re&move from List"), this);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setStatusTip(
        QStringLiteral("Close the selected print (the file is not touched)"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeCurrent);

    m_zoomInAction =
        new QAction(QIcon::fromTheme(QStringLiteral("zoom-in")), QStringLiteral("Zoom &In"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_comparison, &ComparisonView::zoomIn);

    m_zoomOutAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-out")),
                                  QStringLiteral("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_comparison, &ComparisonView::zoomOut);

    m_fitAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")),
                              QStringLiteral("&Fit"), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_fitAction->setStatusTip(QStringLiteral("Fit the whole print into the panes"));
    connect(m_fitAction, &QAction::triggered, m_comparison, &ComparisonView::fitToWindow);

    m_actualSizeAction = new QAction(QIcon::fromTheme(QStringLiteral("zoom-original")),
                                     QStringLiteral("&100 %"), this);
    m_actualSizeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_actualSizeAction->setStatusTip(QStringLiteral("One image pixel per screen pixel"));
    connect(m_actualSizeAction, &QAction::triggered, m_comparison, &ComparisonView::actualSize);

    m_aboutAction = new QAction(QStringLiteral("&About Ridgeworks"), this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(QStringLiteral("About &Qt"), this);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(m_openFilesAction);
    file->addAction(m_openFolderAction);
    m_recentMenu = file->addMenu(QStringLiteral("Recent &Files"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));

    QMenu* evidence = menuBar()->addMenu(QStringLiteral("&Evidence"));
    evidence->addAction(m_setResolutionAction);
    evidence->addAction(m_removeAction);

    QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addAction(m_actualSizeAction);

    QMenu* help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(QStringLiteral("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openFilesAction);
    bar->addAction(m_openFolderAction);
    bar->addSeparator();
    bar->addAction(m_fitAction);
    bar->addAction(m_actualSizeAction);
    bar->addAction(m_zoomInAction);
    bar->addAction(m_zoomOutAction);
    bar->addSeparator();
    bar->addAction(m_setResolutionAction);

    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    view->addSeparator();
    view->addAction(bar->toggleViewAction());
}

void MainWindow::createCaseDock()
{
    auto* caseView = new CaseDock(this);
    caseView->setObjectName(QStringLiteral("caseView"));
    m_caseController = new CaseController(m_jobs, caseView, this);
    auto* dock = new QDockWidget(QStringLiteral("Case"), this);
    dock->setObjectName(QStringLiteral("caseDock"));
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    dock->setWidget(caseView);
    // Beside the Damage dock, as a tab: it takes no room until a case is open, and comes to
    // the front when one is.
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(m_damageDock, dock);
    m_damageDock->raise();

    auto* menu = new QMenu(QStringLiteral("&Case"), this);
    menu->setObjectName(QStringLiteral("caseMenu"));
    const QList<QAction*> actions = m_caseController->actions();
    for (int i = 0; i < actions.size(); ++i) {
        if (i == 2 || i == actions.size() - 1)
            menu->addSeparator();
        menu->addAction(actions[i]);
        if (i == 1)
            menu->addMenu(m_caseController->recentMenu());
    }
    QMenu* edit = menuBar()->findChild<QMenu*>(QStringLiteral("editMenu"));
    menuBar()->insertMenu(edit->menuAction(), menu);
    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    view->addAction(dock->toggleViewAction());

    connect(m_caseController, &CaseController::evidenceFilesAdded, this, &MainWindow::loadPaths);
    // Derived prints made in the window go into the open case when their parent is in it.
    connect(m_model, &EvidenceModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                for (int row = first; row <= last; ++row)
                    if (m_model->item(row).derivation)
                        m_caseController->recordDerived(m_model->item(row));
            });
    connect(m_caseController, &CaseController::derivedItemsLoaded, this,
            [this](const std::vector<EvidenceItem>& items) {
                for (const EvidenceItem& item : items)
                    if (m_model->rowOfKey(item.key) < 0)
                        m_model->insertDerived(item);
            });
    connect(m_caseController, &CaseController::recordNote, this,
            [this](const QString& text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
    connect(m_caseController, &CaseController::problem, this, [this](const QString& text) {
        auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Ridgeworks"), text,
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("caseProblemMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_caseController, &CaseController::reportWritten, this, [this](const QString& file) {
        statusBar()->showMessage(QStringLiteral("Case report written: ") + file, kStatusTimeoutMs);
    });
    connect(m_caseController, &CaseController::caseChanged, this, [this, dock] {
        const Case* c = m_caseController->currentCase();
        if (c)
            dock->raise();
        setWindowTitle(c ? QStringLiteral("Ridgeworks — case ") +
                               QString::fromStdString(c->manifest.title.empty() ? c->manifest.caseId
                                                                                : c->manifest.title)
                         : QStringLiteral("Ridgeworks"));
    });
}

void MainWindow::createEvidenceDock()
{
    m_evidenceList = new QListView(this);
    m_evidenceList->setObjectName(QStringLiteral("evidenceList"));
    m_evidenceList->setModel(m_model);
    m_evidenceList->setItemDelegate(new EvidenceDelegate(m_evidenceList));
    m_evidenceList->setIconSize(QSize(72, 72));
    m_evidenceList->setSpacing(3);
    m_evidenceList->setUniformItemSizes(true);
    m_evidenceList->setTextElideMode(Qt::ElideMiddle);
    m_evidenceList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_evidenceList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evidenceList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_evidenceList->addAction(m_setResolutionAction);
    m_evidenceList->addAction(m_removeAction);
    connect(m_evidenceList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showCurrent);
    connect(m_model, &EvidenceModel::rowsRemoved, this, &MainWindow::showCurrent);

    auto* dock = new QDockWidget(QStringLiteral("Evidence"), this);
    dock->setObjectName(QStringLiteral("evidenceDock"));
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    dock->setWidget(m_evidenceList);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {290}, Qt::Horizontal);

    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    view->addAction(dock->toggleViewAction());
}

void MainWindow::createMaskEditor()
{
    m_maskToolBar = new MaskToolBar(m_maskEditor, this);
    // Its own row: the tools stay readable next to the main tool bar on any window width.
    addToolBarBreak();
    addToolBar(m_maskToolBar);

    m_undoAction = m_undoGroup->createUndoAction(this, QStringLiteral("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, QStringLiteral("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    // Ctrl+Shift+Z everywhere; Ctrl+Y too, as Windows users expect.
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    QMenu* edit = menuBar()->findChild<QMenu*>(QStringLiteral("editMenu"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    m_loadMaskAction = new QAction(QStringLiteral("&Load Mask…"), this);
    m_loadMaskAction->setStatusTip(
        QStringLiteral("Replace the selected print's mask with an image of the same size "
                       "(nonzero = damaged)"));
    connect(m_loadMaskAction, &QAction::triggered, this, &MainWindow::loadMaskFromDialog);
    m_saveMaskAction = new QAction(QStringLiteral("&Save Mask As…"), this);
    m_saveMaskAction->setStatusTip(
        QStringLiteral("Save the selected print's mask as a PNG (255 = damaged)"));
    connect(m_saveMaskAction, &QAction::triggered, this, &MainWindow::saveMaskFromDialog);

    auto* mask = new QMenu(QStringLiteral("&Mask"), this);
    mask->setObjectName(QStringLiteral("maskMenu"));
    for (const MaskEditor::Tool tool : {MaskEditor::Tool::Pan, MaskEditor::Tool::Brush,
                                        MaskEditor::Tool::Eraser, MaskEditor::Tool::Lasso})
        mask->addAction(m_maskToolBar->toolAction(tool));
    mask->addSeparator();
    mask->addAction(m_maskToolBar->clearAction());
    mask->addAction(m_maskToolBar->invertAction());
    mask->addAction(m_maskToolBar->showAction());
    mask->addSeparator();
    mask->addAction(m_loadMaskAction);
    mask->addAction(m_saveMaskAction);
    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    menuBar()->insertMenu(view->menuAction(), mask);
    view->addAction(m_maskToolBar->toggleViewAction());

    connect(m_model, &EvidenceModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { forgetMasks(first, last); });
}

MaskDocument* MainWindow::currentMask() const
{
    return m_maskEditor->document();
}

void MainWindow::updateMaskDocument()
{
    const int row = currentRow();
    MaskDocument* document = nullptr;
    // Drawn on the Working pane, so only where there is one; same size as the print.
    if (row >= 0 && !m_comparison->workingView()->image().isNull()) {
        const EvidenceItem& item = m_model->item(row);
        document = m_masks.value(item.key);
        if (!document) {
            document = new MaskDocument(item.print.pixels.size(), this);
            // A derived print starts with the mask of what its damage altered: the region a
            // reconstruction has to fill in. Not an undo step: it is where editing starts.
            if (item.derivation && !item.derivation->mask.empty())
                document->setPatch(cv::Rect(cv::Point(0, 0), document->size()),
                                   item.derivation->mask);
            m_masks.insert(item.key, document);
            m_undoGroup->addStack(document->undoStack());
        }
    }
    if (document)
        connect(document, &MaskDocument::changed, this, &MainWindow::onMaskEdited,
                Qt::UniqueConnection);
    m_maskEditor->setDocument(document);
    m_undoGroup->setActiveStack(document ? document->undoStack() : nullptr);
    m_maskToolBar->setEditable(document != nullptr);
    m_loadMaskAction->setEnabled(document != nullptr);
    m_saveMaskAction->setEnabled(document != nullptr);
}

void MainWindow::forgetMasks(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        MaskDocument* document = m_masks.take(m_model->item(row).key);
        if (!document)
            continue;
        if (m_maskEditor->document() == document) {
            m_maskEditor->setDocument(nullptr);
            m_undoGroup->setActiveStack(nullptr);
        }
        delete document;  // its undo stack leaves the group with it
    }
}

bool MainWindow::loadMask(const QString& path)
{
    MaskDocument* document = currentMask();
    if (!document)
        return false;
    const QString name = QFileInfo(path).fileName();
    cv::Mat mask;
    try {
        mask = loadPrint(toFsPath(path)).pixels;
    } catch (const std::exception& error) {
        // rw::Error::what() names the file and says why.
        reportMaskProblem(QStringLiteral("The mask could not be loaded.\n") +
                          QString::fromStdString(error.what()));
        return false;
    }
    const cv::Size expected = document->size();
    if (mask.size() != expected) {
        reportMaskProblem(QStringLiteral("The mask could not be loaded.\n") +
                          QDir::toNativeSeparators(path) + QStringLiteral(": the mask is ") +
                          QString::number(mask.cols) + u'×' + QString::number(mask.rows) +
                          QStringLiteral(" px, the print is ") + QString::number(expected.width) +
                          u'×' + QString::number(expected.height) +
                          QStringLiteral(" px; a mask must have the size of its print."));
        return false;
    }
    document->replace(mask, QStringLiteral("Load mask ") + name);
    statusBar()->showMessage(QStringLiteral("Mask loaded from ") + name + QStringLiteral(": ") +
                                 QString::number(document->damagedPixelCount()) +
                                 QStringLiteral(" damaged pixels."),
                             kStatusTimeoutMs);
    return true;
}

bool MainWindow::saveMask(const QString& path)
{
    MaskDocument* document = currentMask();
    if (!document)
        return false;
    try {
        // The print's resolution goes with it, so the mask lines up in any other tool.
        saveImage(toFsPath(path), document->mask(), m_model->item(currentRow()).print.ppi);
    } catch (const std::exception& error) {
        reportMaskProblem(QStringLiteral("The mask could not be saved.\n") +
                          QString::fromStdString(error.what()));
        return false;
    }
    statusBar()->showMessage(QStringLiteral("Mask saved to ") + QFileInfo(path).fileName() + u'.',
                             kStatusTimeoutMs);
    return true;
}

void MainWindow::reportMaskProblem(const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Ridgeworks"), text,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("maskProblemMessage"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT maskProblemReported(text);
}

void MainWindow::loadMaskFromDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastMaskDirectory")).toString();
    const QString file =
        QFileDialog::getOpenFileName(this, QStringLiteral("Load Mask"), dir, imageFileFilter());
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastMaskDirectory"), QFileInfo(file).absolutePath());
    loadMask(file);
}

void MainWindow::saveMaskFromDialog()
{
    const int row = currentRow();
    if (row < 0)
        return;
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastMaskDirectory")).toString();
    const QString suggested = QDir(dir).filePath(
        QFileInfo(m_model->item(row).name).completeBaseName() + QStringLiteral("-mask.png"));
    QString file = QFileDialog::getSaveFileName(this, QStringLiteral("Save Mask As"), suggested,
                                                QStringLiteral("PNG image (*.png)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".png");
    settings.setValue(QStringLiteral("lastMaskDirectory"), QFileInfo(file).absolutePath());
    saveMask(file);
}

void MainWindow::createDamageDock()
{
    m_damagePanel = new DamagePanel(this);
    m_damageDock = new QDockWidget(QStringLiteral("Damage"), this);
    m_damageDock->setObjectName(QStringLiteral("damageDock"));
    m_damageDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_damageDock->setWidget(m_damagePanel);
    addDockWidget(Qt::RightDockWidgetArea, m_damageDock);
    resizeDocks({m_damageDock}, {260}, Qt::Horizontal);

    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    view->addAction(m_damageDock->toggleViewAction());

    connect(m_damagePanel, &DamagePanel::settingsChanged, this, [this] {
        updateDamageApplicable();
        requestDamagePreview();
    });
    connect(m_damagePanel, &DamagePanel::applyRequested, this, &MainWindow::applyDamageToCurrent);
    // A hidden panel previews nothing: the Working pane goes back to the model input.
    connect(m_damageDock, &QDockWidget::visibilityChanged, this, &MainWindow::requestDamagePreview);
    // Not on jobSucceeded: the runner counts as busy until its queue has drained.
    connect(m_previewJobs, &JobRunner::busyChanged, this, [this](bool busy) {
        if (!busy)
            onPreviewJobFinished();
    });
    connect(m_previewJobs, &JobRunner::jobFailed, this,
            [this](const QString&, const QString& message) {
                m_damagePanel->setStatus(QStringLiteral("Preview failed: ") + message);
            });
}

std::optional<DamageSpec> MainWindow::currentDamageSpec(QString* why) const
{
    const int row = currentRow();
    if (row < 0) {
        *why = QStringLiteral("Open a print first.");
        return std::nullopt;
    }
    DamageSpec spec = m_damagePanel->spec();
    // Damage sizes are physical: core scales them by the print's resolution.
    spec.ppi = m_model->item(row).print.ppi;
    if (spec.kind == DamageKind::Mask) {
        const MaskDocument* mask = currentMask();
        if (!mask || mask->damagedPixelCount() == 0) {
            *why = QStringLiteral("Draw the mask on the Working pane first (Brush or Lasso).");
            return std::nullopt;
        }
        // A copy: the examiner may go on drawing while the job runs.
        spec.userMask = mask->mask().clone();
    }
    return spec;
}

void MainWindow::updateDamageApplicable()
{
    QString why;
    const bool applicable = currentDamageSpec(&why).has_value();
    m_damagePanel->setApplicable(applicable, why);
}

void MainWindow::onMaskEdited()
{
    if (m_damagePanel->spec().kind != DamageKind::Mask)
        return;
    updateDamageApplicable();
    requestDamagePreview();
}

void MainWindow::requestDamagePreview()
{
    // Every request makes all earlier ones stale, whether or not it starts a job.
    ++m_previewGeneration;
    const int row = currentRow();
    QString why;
    const std::optional<DamageSpec> spec = currentDamageSpec(&why);
    if (row < 0 || !m_damagePanel->isPreviewEnabled() || !m_damageDock->isVisible() || !spec) {
        m_previewPending = false;
        if (row >= 0)
            m_comparison->showWorking(m_model->item(row));
        m_damagePanel->setStatus(
            m_damagePanel->isPreviewEnabled() && row >= 0 && !spec ? why : QString());
        return;
    }
    if (m_previewJobs->isBusy()) {
        // applyDamage cannot be interrupted; the running preview is dropped when it ends and
        // the latest settings run then.
        m_previewPending = true;
        return;
    }
    m_previewPending = false;
    const EvidenceItem& item = m_model->item(row);
    const cv::Mat gray = item.print.pixels;  // shared, read-only on the worker
    const QString key = item.key;
    const quint64 generation = m_previewGeneration;
    const QString label = damageLabel(spec->kind, spec->level, spec->seed);
    m_damagePanel->setStatus(QStringLiteral("Computing the preview…"));
    m_previewJobs->submitForResult(
        QStringLiteral("Damage preview"),
        [gray, spec = *spec](const ProgressSink&, const CancelToken&) {
            return previewDamage(gray, spec);
        },
        [this, generation, key, label](DamagePreview preview) {
            if (generation != m_previewGeneration || currentRow() < 0 ||
                m_model->item(currentRow()).key != key)
                return;  // superseded
            // The summary already says how much of the print was altered.
            const QString detail = preview.summary + QStringLiteral(" · not yet applied");
            m_comparison->showPreview(grayImage(preview.image), label, detail);
            m_damagePanel->setStatus(preview.summary);
            Q_EMIT damagePreviewShown(preview.summary);
        });
}

void MainWindow::onPreviewJobFinished()
{
    if (m_previewPending)
        requestDamagePreview();
}

void MainWindow::applyDamageToCurrent()
{
    const int row = currentRow();
    QString why;
    const std::optional<DamageSpec> spec = currentDamageSpec(&why);
    if (!spec) {
        statusBar()->showMessage(why, kStatusTimeoutMs);
        return;
    }
    const EvidenceItem parent = m_model->item(row);  // shares the pixels, read-only
    const QString key = damagedItemKey(parent.key, *spec);
    const int open = m_model->rowOfKey(key);
    if (open >= 0) {
        selectRow(open);
        statusBar()->showMessage(QStringLiteral("That damaged print is in the list already."),
                                 kStatusTimeoutMs);
        Q_EMIT damageApplied(open);
        return;
    }
    m_jobs->submitForResult(
        QStringLiteral("Applying damage"),
        [parent, spec = *spec](const ProgressSink&, const CancelToken&) {
            return makeDamagedItem(parent, spec);
        },
        [this](EvidenceItem item) {
            // The parent was removed while the job ran: a copy without it would be an orphan.
            if (m_model->rowOfKey(item.derivation->parentKey) < 0) {
                statusBar()->showMessage(item.derivation->parentName +
                                             QStringLiteral(" was removed; the damaged copy "
                                                            "was not added."),
                                         kStatusTimeoutMs);
                return;
            }
            int at = m_model->rowOfKey(item.key);
            if (at < 0) {
                const QString message = QStringLiteral("Added ") + item.name +
                                        QStringLiteral(": ") + item.derivation->summary;
                at = m_model->insertDerived(std::move(item));
                statusBar()->showMessage(message, kStatusTimeoutMs);
            }
            selectRow(at);
            Q_EMIT damageApplied(at);
        });
}

void MainWindow::createTrainingDock()
{
    m_modelLibrary = new ModelLibrary(this);
    m_trainingQueue = new TrainingQueue(this);
    m_trainingQueue->setModelsDir(m_modelLibrary->userModelsDir());
    m_trainingPanel = new TrainingPanel(m_trainingQueue, m_modelLibrary, this);
    m_trainingDock = new QDockWidget(QStringLiteral("Training"), this);
    m_trainingDock->setObjectName(QStringLiteral("trainingDock"));
    m_trainingDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    m_trainingDock->setWidget(m_trainingPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_trainingDock);
    // Out of the way until asked for (View ▸ Training); the window state remembers it.
    m_trainingDock->hide();

    QAction* toggle = m_trainingDock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    toggle->setStatusTip(
        QStringLiteral("Train models in the background and manage the model library"));
    QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    view->addAction(toggle);

    // A job leaves its model in the user's folder: list it at once.
    connect(m_trainingQueue, &TrainingQueue::modelWritten, m_modelLibrary, &ModelLibrary::refresh);
    connect(m_trainingQueue, &TrainingQueue::jobEnded, this, [this](int id, int state) {
        const TrainingJob* job = m_trainingQueue->job(id);
        if (!job)
            return;
        statusBar()->showMessage(QStringLiteral("Training “") + job->title + QStringLiteral("” ") +
                                     trainingStateName(static_cast<TrainingJob::State>(state)) +
                                     u'.',
                                 kStatusTimeoutMs);
    });
}

void MainWindow::createStatusBar()
{
    m_pixelLabel = new QLabel(this);
    m_pixelLabel->setObjectName(QStringLiteral("pixelReadout"));
    m_pixelLabel->setMinimumWidth(fontMetrics().horizontalAdvance(
        QStringLiteral("Original  x 9999, y 9999 (99.99, 99.99 mm)  gray 255")));
    m_resolutionLabel = new QLabel(this);
    m_resolutionLabel->setObjectName(QStringLiteral("resolutionReadout"));
    m_resolutionLabel->setToolTip(QStringLiteral("Resolution of the selected print; "
                                                 "Evidence ▸ Set Resolution… corrects it"));
    statusBar()->addPermanentWidget(new JobProgressWidget(m_jobs, this));
    statusBar()->addPermanentWidget(m_pixelLabel);
    statusBar()->addPermanentWidget(m_resolutionLabel);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_recent->paths();
    int number = 1;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        const QString name = info.fileName() + (info.isDir() ? QStringLiteral("/") : QString());
        QString label =
            name + QStringLiteral("  —  ") + QDir::toNativeSeparators(info.absolutePath());
        label.replace(u'&', QStringLiteral("&&"));
        if (number <= 9)
            label = u'&' + QString::number(number) + u' ' + label;
        ++number;
        QAction* action = m_recentMenu->addAction(label);
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { loadPaths({path}); });
    }
    if (!paths.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(QStringLiteral("&Clear Recent Files"), m_recent,
                                &RecentFiles::clear);
    }
    m_recentMenu->menuAction()->setEnabled(!paths.isEmpty());
}

int MainWindow::currentRow() const
{
    const QModelIndex current = m_evidenceList->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void MainWindow::selectRow(int row)
{
    if (row < 0 || row >= m_model->count())
        return;
    m_evidenceList->setCurrentIndex(m_model->index(row));
}

void MainWindow::openFiles()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, QStringLiteral("Open Fingerprint Images"), dir, imageFileFilter());
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(files.first()).absolutePath());
    loadPaths(files);
}

void MainWindow::openFolder()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDirectory")).toString();
    const QString folder = QFileDialog::getExistingDirectory(
        this, QStringLiteral("Open Folder of Fingerprint Images"), dir);
    if (folder.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDirectory"), folder);
    loadPaths({folder});
}

void MainWindow::loadPaths(const QStringList& givenPaths)
{
    // A case manifest or case folder (dropped, or opened from the desktop's file manager)
    // opens the case, which loads its own prints; everything else is loaded as prints.
    QStringList paths;
    for (const QString& path : givenPaths) {
        const QString caseFolder = CaseController::caseFolderOf(path);
        if (caseFolder.isEmpty())
            paths.append(path);
        else
            m_caseController->openCase(caseFolder);
    }
    if (paths.isEmpty())
        return;
    m_recent->add(paths);
    const QSet<QString> openKeys = m_model->keys();
    // The status message names the source when there is one: "Loaded 12 prints from scans."
    const QString what = paths.size() == 1 ? QFileInfo(paths.first()).fileName() : QString();
    m_jobs->submitForResult(
        QStringLiteral("Loading"),
        [paths, openKeys](const ProgressSink& progress, const CancelToken& cancel) {
            return loadEvidence(paths, openKeys, progress, cancel);
        },
        [this, what](LoadOutcome outcome) { onLoaded(std::move(outcome), what); });
}

void MainWindow::loadDemoPrints()
{
    const QSet<QString> openKeys = m_model->keys();
    m_jobs->submitForResult(
        QStringLiteral("Making demo prints"),
        [openKeys](const ProgressSink& progress, const CancelToken& cancel) {
            return synthesizeDemoEvidence(openKeys, progress, cancel);
        },
        [this](LoadOutcome outcome) {
            onLoaded(std::move(outcome), QStringLiteral("the demo set"));
        });
}

void MainWindow::onLoaded(LoadOutcome outcome, const QString& what)
{
    // Another load may have finished since this one started: never open a file twice.
    const QSet<QString> openKeys = m_model->keys();
    std::vector<EvidenceItem> fresh;
    int alreadyOpen = outcome.alreadyOpen;
    for (EvidenceItem& item : outcome.items) {
        if (openKeys.contains(item.key)) {
            ++alreadyOpen;
            continue;
        }
        fresh.push_back(std::move(item));
    }
    const int loaded = static_cast<int>(fresh.size());
    const int failed = static_cast<int>(outcome.problems.size());
    const int firstNew = m_model->append(std::move(fresh));
    if (firstNew >= 0)
        selectRow(firstNew);

    QString message;
    if (outcome.cancelled)
        message = QStringLiteral("Loading cancelled: ") +
                  plural(loaded, QStringLiteral("print"), QStringLiteral("prints")) +
                  QStringLiteral(" loaded before the stop.");
    else
        message = QStringLiteral("Loaded ") +
                  plural(loaded, QStringLiteral("print"), QStringLiteral("prints")) +
                  (what.isEmpty() ? QString() : QString(QStringLiteral(" from ") + what)) + u'.';
    if (alreadyOpen > 0)
        message += u' ' + plural(alreadyOpen, QStringLiteral("was"), QStringLiteral("were")) +
                   QStringLiteral(" already open.");
    statusBar()->showMessage(message, kStatusTimeoutMs);

    if (!outcome.problems.isEmpty())
        reportProblems(outcome.problems, loaded + failed);
    Q_EMIT loadFinished(loaded, failed);
}

void MainWindow::reportProblems(const QStringList& problems, int attempted)
{
    // One message for the whole load, however many files failed; a new load replaces it.
    if (m_problemBox)
        m_problemBox->close();

    const int count = static_cast<int>(problems.size());
    const QString text =
        (count == 1 ? QStringLiteral("1 item could not be loaded")
                    : QString::number(count) + QStringLiteral(" items could not be loaded")) +
        (attempted > count ? QStringLiteral("; the others are open.") : QStringLiteral("."));
    const QStringList shown = problems.mid(0, kProblemsInline);
    QString details = QStringLiteral("• ") + shown.join(QStringLiteral("\n• "));
    if (count > kProblemsInline)
        details += QStringLiteral("\n… and ") + QString::number(count - kProblemsInline) +
                   QStringLiteral(" more (Show Details…).");

    auto* box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Some files were not loaded"),
                                text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadProblemsMessage"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(details);
    // Wide enough that a path and its reason usually fit on one line.
    box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_informativelabel { min-width: 620px; }"));
    if (count > kProblemsInline)
        box->setDetailedText(problems.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_problemBox = box;
    // open(), not exec(): loading goes on, and tests can read the message.
    box->open();
    Q_EMIT loadProblemsReported(text + u'\n' + problems.join(u'\n'));
}

void MainWindow::showCurrent()
{
    const int row = currentRow();
    if (m_model->count() > 0 && row < 0) {
        // Keep something selected while anything is open, e.g. after a removal.
        selectRow(0);
        return;
    }
    if (row < 0) {
        m_stack->setCurrentWidget(m_welcome);
        setWindowTitle(QStringLiteral("Ridgeworks"));
    } else {
        const EvidenceItem& item = m_model->item(row);
        // A reconstruction goes to the comparison modes; anything else to Original/Working.
        if (!m_reconstruction || !m_reconstruction->showItem(item))
            m_comparison->showItem(item);
        m_stack->setCurrentWidget(m_comparison);
        setWindowTitle(item.name + QStringLiteral(" — Ridgeworks"));
    }
    updateMaskDocument();
    updateDamageApplicable();
    requestDamagePreview();
    clearPixelReadout();
    updateResolutionLabel();
    updateActions();
    Q_EMIT currentItemChanged(row);
}

void MainWindow::updateActions()
{
    const bool hasItem = currentRow() >= 0;
    m_setResolutionAction->setEnabled(hasItem);
    m_removeAction->setEnabled(hasItem);
    m_zoomInAction->setEnabled(hasItem);
    m_zoomOutAction->setEnabled(hasItem);
    m_fitAction->setEnabled(hasItem);
    m_actualSizeAction->setEnabled(hasItem);
}

void MainWindow::updateResolutionLabel()
{
    const int row = currentRow();
    m_resolutionLabel->setText(row < 0 ? QString() : resolutionText(m_model->item(row)));
}

void MainWindow::clearPixelReadout()
{
    m_pixelLabel->setText(currentRow() < 0 ? QString()
                                           : QStringLiteral("Point at a pane to read a pixel"));
}

void MainWindow::showPixel(ComparisonView::Pane pane, QPoint pixel, int gray)
{
    const int row = currentRow();
    if (row < 0)
        return;
    // Millimetres from the resolution, measured to the pixel's centre.
    const double mmPerPixel = 25.4 / m_model->item(row).print.ppi;
    const QString paneName = ComparisonView::paneName(pane);
    m_pixelLabel->setText(
        paneName + QStringLiteral("  x ") + QString::number(pixel.x()) + QStringLiteral(", y ") +
        QString::number(pixel.y()) + QStringLiteral(" (") +
        QString::number((pixel.x() + 0.5) * mmPerPixel, 'f', 2) + QStringLiteral(", ") +
        QString::number((pixel.y() + 0.5) * mmPerPixel, 'f', 2) + QStringLiteral(" mm)  gray ") +
        QString::number(gray));
}

void MainWindow::setResolution(int row, double ppi)
{
    if (row < 0 || row >= m_model->count() || !(ppi > 0.0))
        return;
    m_model->setPpi(row, ppi);
    if (row == currentRow()) {
        m_comparison->updateCaptions(m_model->item(row));
        updateResolutionLabel();
    }
    statusBar()->showMessage(m_model->item(row).name + QStringLiteral(": resolution set to ") +
                                 ppiText(ppi) + u'.',
                             kStatusTimeoutMs);
}

void MainWindow::setResolutionOfCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const EvidenceItem& item = m_model->item(row);
    QString origin;
    switch (item.ppiOrigin) {
    case PpiOrigin::File: origin = QStringLiteral("The file states this resolution."); break;
    case PpiOrigin::Default:
        origin = QStringLiteral("The file states no resolution; the 500 ppi standard is assumed.");
        break;
    case PpiOrigin::User:
        origin = item.statedPpi ? QString(QStringLiteral("Set by you; the file stated ") +
                                          ppiText(*item.statedPpi) + u'.')
                                : QStringLiteral("Set by you; the file stated none.");
        break;
    case PpiOrigin::Synthetic:
        origin = QStringLiteral("The print was synthesized at this resolution.");
        break;
    }
    bool ok = false;
    const double ppi = QInputDialog::getDouble(this, QStringLiteral("Set Resolution"),
                                               QStringLiteral("Pixels per inch of “") + item.name +
                                                   QStringLiteral("”.\n") + origin,
                                               item.print.ppi, 50.0, 20000.0, 1, &ok);
    if (ok)
        setResolution(row, ppi);
}

void MainWindow::removeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString name = m_model->item(row).name;
    // Prints derived from it go with it: under another print they would claim the wrong parent.
    // They follow their parent directly (EvidenceModel::insertDerived), so they are a block.
    QSet<QString> gone{m_model->item(row).key};
    int last = row;
    while (last + 1 < m_model->count()) {
        const EvidenceItem& next = m_model->item(last + 1);
        if (!next.derivation || !gone.contains(next.derivation->parentKey))
            break;
        gone.insert(next.key);
        ++last;
    }
    for (int r = last; r >= row; --r)
        m_model->remove(r);
    if (m_model->count() > 0)
        selectRow(std::min(row, m_model->count() - 1));
    const int derived = last - row;
    statusBar()->showMessage(name +
                                 (derived > 0 ? QString(QStringLiteral(" and ") +
                                                        plural(derived, QStringLiteral("print"),
                                                               QStringLiteral("prints")) +
                                                        QStringLiteral(" derived from it"))
                                              : QString()) +
                                 QStringLiteral(" removed from the list."),
                             kStatusTimeoutMs);
}

void MainWindow::showAbout()
{
    // What lab IT asks when checking an installation: which version, built on what, and
    // which model folders this copy reads.
    const auto folder = [](const QString& path) {
        return path.isEmpty() ? QStringLiteral("<i>none found</i>") : path.toHtmlEscaped();
    };
    QMessageBox::about(
        this, QStringLiteral("About Ridgeworks"),
        QStringLiteral("<h3>Ridgeworks ") + QStringLiteral(RIDGEWORKS_VERSION) +
            QStringLiteral(
                "</h3><p>A forensic workbench for fingerprint reconstruction: mark or detect the "
                "damage, reconstruct only that, and compare the estimate with the original. "
                "Estimated pixels are always marked; originals are never changed.</p>"
                "<p>Built with Qt ") +
            QString::fromLatin1(qVersion()) + QStringLiteral(", libtorch ") +
            QString::fromStdString(torchVersion()) + QStringLiteral(" and OpenCV ") +
            QStringLiteral(CV_VERSION) + QStringLiteral(".</p><p>Shipped models: ") +
            folder(m_modelLibrary->shippedModelsDir()) + QStringLiteral("<br>Your models: ") +
            folder(m_modelLibrary->userModelsDir()) + QStringLiteral("</p>"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    loadPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_jobs->cancelAll();
    m_previewJobs->cancelAll();
    m_trainingQueue->cancelAll();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

}  // namespace rw
