#include "MaskEditor.h"

#include "ImageView.h"
#include "MaskDocument.h"
#include "MaskOverlayItem.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {

QPen cosmeticPen(const QColor& colour, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, 1.5, style);
    pen.setCosmetic(true);  // the same thickness on screen at any zoom
    return pen;
}

}  // namespace

MaskEditor::MaskEditor(ImageView* view, QObject* parent)
    : QObject(parent)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_overlay(new MaskOverlayItem)
    , m_brushOutline(new QGraphicsEllipseItem)
    , m_lassoPath(new QGraphicsPathItem)
{
    m_view->scene()->addItem(m_overlay);
    m_overlay->setOpacity(m_opacity);
    m_brushOutline->setPen(cosmeticPen(Qt::white));
    m_brushOutline->setZValue(2.0);
    m_brushOutline->hide();
    m_view->scene()->addItem(m_brushOutline);
    m_lassoPath->setPen(cosmeticPen(Qt::white, Qt::DashLine));
    m_lassoPath->setZValue(2.0);
    m_lassoPath->hide();
    m_view->scene()->addItem(m_lassoPath);
    // Installed after QGraphicsView's own filter, so it sees the viewport's events first.
    m_viewport->installEventFilter(this);
}

// The scene owns the items and the view outlives nothing here: the items go with the scene.
MaskEditor::~MaskEditor() = default;

void MaskEditor::setDocument(MaskDocument* document)
{
    finishGesture();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_overlay->setMask(document ? document->mask() : cv::Mat());
    m_overlay->setVisible(m_overlayVisible && document);
    if (document)
        connect(document, &MaskDocument::changed, this,
                [this](QRect rect) { m_overlay->updateRect(m_document->mask(), rect); });
}

void MaskEditor::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    finishGesture();
    m_tool = tool;
    applyToolToView();
    Q_EMIT toolChanged(tool);
}

void MaskEditor::setBrushSize(int diameter)
{
    diameter = std::clamp(diameter, kMinBrushSize, kMaxBrushSize);
    if (diameter == m_brushSize)
        return;
    m_brushSize = diameter;
    if (m_brushOutline->isVisible())
        updateBrushOutline(m_brushOutline->rect().center(), true);
    Q_EMIT brushSizeChanged(diameter);
}

void MaskEditor::setOverlayVisible(bool visible)
{
    if (visible == m_overlayVisible)
        return;
    m_overlayVisible = visible;
    m_overlay->setVisible(visible && m_document);
    Q_EMIT overlayVisibleChanged(visible);
}

void MaskEditor::setOverlayOpacity(double opacity)
{
    m_opacity = std::clamp(opacity, 0.0, 1.0);
    m_overlay->setOpacity(m_opacity);
}

bool MaskEditor::canEdit() const
{
    return m_tool != Tool::Pan && m_document && !m_view->image().isNull() &&
           m_view->image().width() == m_document->size().width &&
           m_view->image().height() == m_document->size().height;
}

void MaskEditor::applyToolToView()
{
    const bool painting = m_tool != Tool::Pan;
    m_view->setDragMode(painting ? QGraphicsView::NoDrag : QGraphicsView::ScrollHandDrag);
    if (painting)
        m_view->viewport()->setCursor(Qt::CrossCursor);
    else
        m_view->viewport()->unsetCursor();
    if (m_tool != Tool::Brush && m_tool != Tool::Eraser)
        m_brushOutline->hide();
}

bool MaskEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_viewport || watched != m_viewport)
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: return onPress(static_cast<QMouseEvent*>(event));
    case QEvent::MouseMove: return onMove(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonRelease: return onRelease(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonDblClick: return m_tool != Tool::Pan;
    case QEvent::Leave: m_brushOutline->hide(); return false;
    default: return false;
    }
}

QPointF MaskEditor::imagePoint(const QMouseEvent* event) const
{
    // Scene units are image pixels (ImageView's contract).
    return m_view->viewportTransform().inverted().map(event->position());
}

bool MaskEditor::onPress(QMouseEvent* event)
{
    if (!canEdit())
        return false;
    if (event->button() != Qt::LeftButton)
        return true;  // other buttons neither pan nor paint while a mask tool is active
    const QPointF point = imagePoint(event);
    m_dragging = true;
    m_lastPoint = point;
    if (m_tool == Tool::Lasso) {
        m_lasso = QPolygonF{point};
        m_lassoPath->setPath(QPainterPath());
        m_lassoPath->show();
    } else {
        m_document->beginStroke(m_tool == Tool::Eraser);
        m_document->strokeTo(point, point, m_brushSize);
    }
    return true;
}

bool MaskEditor::onMove(QMouseEvent* event)
{
    const bool brushLike = m_tool == Tool::Brush || m_tool == Tool::Eraser;
    const QPointF point = canEdit() ? imagePoint(event) : QPointF();
    updateBrushOutline(point, brushLike && canEdit());
    if (!m_dragging)
        return false;  // hovering: let the pane report the pixel under the cursor
    if (m_tool == Tool::Lasso) {
        m_lasso.append(point);
        QPainterPath path;
        path.addPolygon(m_lasso);
        path.closeSubpath();
        m_lassoPath->setPath(path);
    } else {
        m_document->strokeTo(m_lastPoint, point, m_brushSize);
    }
    m_lastPoint = point;
    return true;
}

bool MaskEditor::onRelease(QMouseEvent* event)
{
    if (!m_dragging)
        return m_tool != Tool::Pan && canEdit();
    if (event->button() != Qt::LeftButton)
        return true;
    if (m_tool == Tool::Lasso) {
        m_lasso.append(imagePoint(event));
        m_document->fillPolygon(m_lasso);
    } else {
        m_document->strokeTo(m_lastPoint, imagePoint(event), m_brushSize);
    }
    finishGesture();
    return true;
}

void MaskEditor::finishGesture()
{
    if (m_document && m_document->isStroking())
        m_document->endStroke();
    m_dragging = false;
    m_lasso.clear();
    m_lassoPath->hide();
}

void MaskEditor::updateBrushOutline(QPointF imagePoint, bool visible)
{
    if (!visible) {
        m_brushOutline->hide();
        return;
    }
    const double radius = m_brushSize / 2.0;
    // Centred on the pixel the brush will paint around.
    const QPointF centre(std::floor(imagePoint.x()) + 0.5, std::floor(imagePoint.y()) + 0.5);
    m_brushOutline->setRect(
        QRectF(centre - QPointF(radius, radius), QSizeF(m_brushSize, m_brushSize)));
    m_brushOutline->show();
}

}  // namespace rw
