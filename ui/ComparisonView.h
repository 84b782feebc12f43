#pragma once
// The central comparison area: "Original" and "Working" panes side by side, pixel-aligned,
// zoomed and panned together. A reconstruction is shown by ReconstructionView instead: the
// clean original, the damaged parent and the estimate in one of its comparison modes.
#include "EvidenceItem.h"
#include "ReconstructionView.h"

#include <QPoint>
#include <QWidget>

class QLabel;
class QStackedLayout;

namespace rw {

class ImageView;

class ComparisonView : public QWidget {
    Q_OBJECT

public:
    enum class Pane { Original, Working, Clean, Damaged, Estimate };
    Q_ENUM(Pane)
    static QString paneName(Pane pane);  // "Original", "Working", "Clean", "Damaged", "Estimate"

    explicit ComparisonView(QWidget* parent = nullptr);

    void showItem(const EvidenceItem& item);
    // A reconstruction (`item`) with the images to compare it with: shown by the
    // reconstruction view in its current mode. The Original and Working panes get `item` too
    // (hidden), so the mask editor keeps working on them.
    void showReconstruction(const EvidenceItem& item, ReconstructionView::Images images);
    bool isShowingReconstruction() const;
    ReconstructionView* reconstructionView() const { return m_reconstructionView; }
    // The Working pane shows `preview` (same size as the item) instead of the model input,
    // keeping zoom and position; showWorking() puts the model input back.
    void showPreview(const QImage& preview, const QString& title, const QString& detail);
    void showWorking(const EvidenceItem& item);
    bool isShowingPreview() const { return m_showingPreview; }

    // Refreshes the captions after the item's resolution changed; keeps zoom and position.
    void updateCaptions(const EvidenceItem& item);

    ImageView* originalView() const { return m_originalView; }
    ImageView* workingView() const { return m_workingView; }
    QLabel* originalCaption() const { return m_originalCaption; }
    QLabel* workingCaption() const { return m_workingCaption; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();

Q_SIGNALS:
    // Gray value of `pixel` in the pane under the cursor.
    void pixelHovered(rw::ComparisonView::Pane pane, QPoint pixel, int gray);
    void pixelLeft();

private:
    // Gives `other` the zoom and scene centre of `source`. The guard stops the echo: moving
    // `other` makes it emit viewChanged() too.
    void syncFrom(ImageView* source, ImageView* other);
    void onPixelHovered(Pane pane, QPoint pixel);

    QStackedLayout* m_pages = nullptr;
    QWidget* m_pairPage = nullptr;
    ReconstructionView* m_reconstructionView = nullptr;
    ImageView* m_originalView = nullptr;
    ImageView* m_workingView = nullptr;
    QLabel* m_originalCaption = nullptr;
    QLabel* m_workingCaption = nullptr;
    bool m_syncing = false;
    bool m_showingPreview = false;
};

}  // namespace rw
