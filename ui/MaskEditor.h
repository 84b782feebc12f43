#pragma once
// Painting a damage mask on an image pane. The editor sits on one ImageView: it draws the
// mask of the current MaskDocument over the image and, unless the tool is Pan, turns the
// pane's mouse drags into brush, eraser or lasso edits instead of panning — painting never
// fights with pan. The wheel still zooms in every mode.
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QPolygonF>

class QGraphicsEllipseItem;
class QGraphicsPathItem;
class QMouseEvent;

namespace rw {

class ImageView;
class MaskDocument;
class MaskOverlayItem;

class MaskEditor : public QObject {
    Q_OBJECT

public:
    enum class Tool { Pan, Brush, Eraser, Lasso };
    Q_ENUM(Tool)

    static constexpr int kMinBrushSize = 1;
    static constexpr int kMaxBrushSize = 200;

    explicit MaskEditor(ImageView* view, QObject* parent = nullptr);
    ~MaskEditor() override;

    // The mask to show and edit (its size must be the pane's image size); nullptr = none.
    void setDocument(MaskDocument* document);
    MaskDocument* document() const { return m_document; }

    Tool tool() const { return m_tool; }
    int brushSize() const { return m_brushSize; }  // diameter in image pixels
    bool isOverlayVisible() const { return m_overlayVisible; }
    double overlayOpacity() const { return m_opacity; }

public Q_SLOTS:
    void setTool(rw::MaskEditor::Tool tool);
    void setBrushSize(int diameter);
    void setOverlayVisible(bool visible);
    void setOverlayOpacity(double opacity);  // 0 … 1

Q_SIGNALS:
    void toolChanged(rw::MaskEditor::Tool tool);
    void brushSizeChanged(int diameter);
    void overlayVisibleChanged(bool visible);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool canEdit() const;
    bool onPress(QMouseEvent* event);
    bool onMove(QMouseEvent* event);
    bool onRelease(QMouseEvent* event);
    QPointF imagePoint(const QMouseEvent* event) const;
    void updateBrushOutline(QPointF imagePoint, bool visible);
    void finishGesture();
    void applyToolToView();

    ImageView* m_view;
    // Kept apart from m_view: the viewport still sends events while ~QWidget is tearing the
    // view down, when calling m_view->viewport() is no longer valid.
    QPointer<QWidget> m_viewport;
    MaskOverlayItem* m_overlay;
    QGraphicsEllipseItem* m_brushOutline;
    QGraphicsPathItem* m_lassoPath;
    QPointer<MaskDocument> m_document;
    Tool m_tool = Tool::Pan;
    int m_brushSize = 12;
    bool m_overlayVisible = true;
    double m_opacity = 0.5;

    bool m_dragging = false;
    QPointF m_lastPoint;
    QPolygonF m_lasso;
};

}  // namespace rw
