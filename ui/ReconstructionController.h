#pragma once
// Everything Reconstruct adds to the workbench window, kept out of MainWindow: the Reconstruct
// action and dock, the comparison-mode actions and tool bar, and the Metrics dock. It runs the
// reconstruction and the metrics on the window's JobRunner (progress and Cancel in the status
// bar), adds each result as a derived item under the selected print and shows reconstructions
// in the comparison view's reconstruction panes.
#include "ReconstructionMetrics.h"
#include "ReconstructionView.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QToolBar;

namespace rw {

class MainWindow;
class MaskDocument;
class MetricsPanel;
class ReconstructPanel;
struct EvidenceItem;
struct ReconstructionRequest;

class ReconstructionController : public QObject {
    Q_OBJECT

public:
    // Adds its actions to the window's Evidence and View menus and main tool bar, and its
    // docks to the window. Call once the window has its menus, tool bars and model library.
    explicit ReconstructionController(MainWindow* window);

    ReconstructPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    MetricsPanel* metricsPanel() const { return m_metrics; }
    QDockWidget* metricsDock() const { return m_metricsDock; }
    QAction* reconstructAction() const { return m_reconstructAction; }
    QAction* viewModeAction(ReconstructionView::Mode mode) const;
    QAction* cleanReferenceAction() const { return m_cleanReference; }
    QAction* confidenceFillAction() const { return m_fill; }
    QToolBar* comparisonToolBar() const { return m_toolBar; }

    // Shows `item` in the comparison view when it is a reconstruction (true); false leaves
    // it to the Original/Working panes.
    bool showItem(const EvidenceItem& item);

public Q_SLOTS:
    // Reconstructs the selected print with the panel's settings, in the background.
    void runOnCurrent();
    void setViewMode(rw::ReconstructionView::Mode mode);

Q_SIGNALS:
    // A reconstruction was added at `row` (or was in the list already and is now selected).
    void reconstructionAdded(int row);
    // A reconstruction failed: the message shown (it names the file when a model is bad).
    void reconstructionFailed(const QString& message);
    // The Metrics dock shows the table of the reconstruction with this key.
    void metricsShown(const QString& key);

private:
    void createActions();
    void createDocks();
    void onCurrentChanged();
    void updateRunnable();
    void updateViewActions();
    std::optional<ReconstructionRequest> currentRequest(QString* why, QString* maskInfo) const;
    // The clean print the reconstruction's damaged parent was made from; nullptr when none.
    const EvidenceItem* cleanReferenceOf(const EvidenceItem& reconstruction) const;
    const EvidenceItem* parentOf(const EvidenceItem& item) const;
    void requestMetrics();

    MainWindow* m_window;
    ReconstructPanel* m_panel = nullptr;
    QDockWidget* m_dock = nullptr;
    MetricsPanel* m_metrics = nullptr;
    QDockWidget* m_metricsDock = nullptr;
    QAction* m_reconstructAction = nullptr;
    QActionGroup* m_modeGroup = nullptr;
    QHash<int, QAction*> m_modeActions;
    QAction* m_cleanReference = nullptr;
    QAction* m_fill = nullptr;
    QToolBar* m_toolBar = nullptr;
    QPointer<MaskDocument> m_watchedMask;
    QHash<QString, MetricsTable> m_metricsCache;  // by reconstruction key
    QSet<QString> m_metricsRunning;
};

}  // namespace rw
