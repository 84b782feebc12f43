#pragma once
// The workbench window: the evidence list at the side, the comparison panes in the middle
// (a welcome page while nothing is open), loading by menu, drag and drop or command line.
#include "ComparisonView.h"

#include <ridgeworks/damage/Damage.h>

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QMenu;
class QMessageBox;
class QStackedWidget;
class QUndoGroup;

namespace rw {

class EvidenceModel;
class DamagePanel;
class JobRunner;
class MaskDocument;
class MaskEditor;
class MaskToolBar;
class ModelLibrary;
class CaseController;
class ReconstructionController;
class RecentFiles;
class TrainingPanel;
class TrainingQueue;
class WelcomePage;
struct LoadOutcome;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    EvidenceModel* evidenceModel() const { return m_model; }
    ComparisonView* comparisonView() const { return m_comparison; }
    JobRunner* jobRunner() const { return m_jobs; }
    CaseController* caseController() const { return m_caseController; }
    MaskEditor* maskEditor() const { return m_maskEditor; }
    MaskToolBar* maskToolBar() const { return m_maskToolBar; }
    DamagePanel* damagePanel() const { return m_damagePanel; }
    TrainingQueue* trainingQueue() const { return m_trainingQueue; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    QDockWidget* trainingDock() const { return m_trainingDock; }
    // The shipped and user-trained models (the user's folder: ModelLibrary).
    ModelLibrary* modelLibrary() const { return m_modelLibrary; }
    // Reconstruct: its action, dock, comparison modes and Metrics dock.
    ReconstructionController* reconstruction() const { return m_reconstruction; }
    int currentRow() const;
    void selectRow(int row);
    // The damage mask drawn on the selected print (nullptr when none is selected or it has
    // no Working image to draw on).
    MaskDocument* currentMask() const;

public Q_SLOTS:
    // Files and folders (recursively); runs on the job runner, reports bad files at the end.
    // A case manifest or case folder among them opens that case (CaseController::caseFolderOf).
    void loadPaths(const QStringList& paths);
    void loadDemoPrints();
    void openFiles();
    void openFolder();
    void setResolution(int row, double ppi);
    // The selected print's mask from/to a PNG (or any image the loader reads). A file of the
    // wrong size or that cannot be read is reported by a message naming it; returns success.
    bool loadMask(const QString& path);
    bool saveMask(const QString& path);
    // Adds the selected print, damaged as the damage panel says, as a derived item under it
    // (in the background); the selected print itself is not changed.
    void applyDamageToCurrent();

Q_SIGNALS:
    // After every load (files or demo), also when cancelled: items added, files that failed.
    void loadFinished(int loaded, int failed);
    // The text of the one message that lists every file that could not be loaded.
    void loadProblemsReported(const QString& text);
    // A mask could not be loaded or saved: the message shown, naming the file.
    void maskProblemReported(const QString& text);
    // A derived item was added at `row` (or was open already and is now selected).
    void damageApplied(int row);
    // The Working pane now shows the preview described by `summary`.
    void damagePreviewShown(const QString& summary);
    // The selected print changed (-1: none) and is now shown.
    void currentItemChanged(int row);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createEvidenceDock();
    void createCaseDock();
    void createMaskEditor();
    void updateMaskDocument();
    void forgetMasks(int first, int last);
    void loadMaskFromDialog();
    void saveMaskFromDialog();
    void reportMaskProblem(const QString& text);
    void createDamageDock();
    // The spec of the damage panel for the selected print, with the drawn mask for kind
    // "mask"; empty with `why` set when it cannot be applied.
    std::optional<DamageSpec> currentDamageSpec(QString* why) const;
    void updateDamageApplicable();
    void requestDamagePreview();
    void onPreviewJobFinished();
    void onMaskEdited();
    void createTrainingDock();
    void createStatusBar();
    void rebuildRecentMenu();

    void onLoaded(LoadOutcome outcome, const QString& what);
    void reportProblems(const QStringList& problems, int attempted);
    void showCurrent();
    void updateActions();
    void updateResolutionLabel();
    void showPixel(ComparisonView::Pane pane, QPoint pixel, int gray);
    void clearPixelReadout();
    void setResolutionOfCurrent();
    void removeCurrent();
    void showAbout();

    EvidenceModel* m_model = nullptr;
    JobRunner* m_jobs = nullptr;
    RecentFiles* m_recent = nullptr;

    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    ComparisonView* m_comparison = nullptr;
    QListView* m_evidenceList = nullptr;
    QLabel* m_pixelLabel = nullptr;
    QLabel* m_resolutionLabel = nullptr;
    QPointer<QMessageBox> m_problemBox;
    MaskEditor* m_maskEditor = nullptr;
    MaskToolBar* m_maskToolBar = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    QHash<QString, MaskDocument*> m_masks;  // by item key: each print keeps its own mask
    DamagePanel* m_damagePanel = nullptr;
    QDockWidget* m_damageDock = nullptr;
    // Previews have their own runner: they never queue behind a load, never show in the
    // status bar, and a newer request supersedes the older (at most one runs, one waits).
    JobRunner* m_previewJobs = nullptr;
    quint64 m_previewGeneration = 0;
    ModelLibrary* m_modelLibrary = nullptr;
    TrainingQueue* m_trainingQueue = nullptr;
    TrainingPanel* m_trainingPanel = nullptr;
    QDockWidget* m_trainingDock = nullptr;
    ReconstructionController* m_reconstruction = nullptr;
    CaseController* m_caseController = nullptr;
    bool m_previewPending = false;

    QMenu* m_recentMenu = nullptr;
    QAction* m_openFilesAction = nullptr;
    QAction* m_openFolderAction = nullptr;
    QAction* m_demoAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_setResolutionAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_actualSizeAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_loadMaskAction = nullptr;
    QAction* m_saveMaskAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
};

}  // namespace rw
