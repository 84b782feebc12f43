#pragma once
// The workbench window: the evidence list at the side, the comparison panes in the middle
// (a welcome page while nothing is open), loading by menu, drag and drop or command line.
#include "ComparisonView.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QMessageBox;
class QStackedWidget;

namespace rw {

class EvidenceModel;
class JobRunner;
class RecentFiles;
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
    int currentRow() const;
    void selectRow(int row);

public Q_SLOTS:
    // Files and folders (recursively); runs on the job runner, reports bad files at the end.
    void loadPaths(const QStringList& paths);
    void loadDemoPrints();
    void openFiles();
    void openFolder();
    void setResolution(int row, double ppi);

Q_SIGNALS:
    // After every load (files or demo), also when cancelled: items added, files that failed.
    void loadFinished(int loaded, int failed);
    // The text of the one message that lists every file that could not be loaded.
    void loadProblemsReported(const QString& text);

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
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
};

}  // namespace rw
