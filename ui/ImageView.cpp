#include "ImageView.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {

constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 64.0;
constexpr double kStepFactor = 1.25;            // Zoom In / Zoom Out
constexpr double kWheelNotchesPerDoubling = 4;  // one wheel notch (120) zooms by 2^(1/4)

const QColor kPaneBackground(0x2a, 0x2d, 0x31);
const QColor kOutline(0xff, 0xae, 0x42);  // the amber of the app icon's reconstructed patch
constexpr int kDividerGrabPixels = 8;     // how near the divider a press grabs it

// A rounded label box at `anchor` (its top-left, or top-right when `alignRight`).
void drawLabelBox(QPainter* painter, QPointF anchor, const QString& text, const QColor& fill,
                  bool alignRight = false)
{
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const QSizeF size(metrics.horizontalAdvance(text) + 14, metrics.height() + 6);
    QRectF box(anchor, size);
    if (alignRight)
        box.moveRight(anchor.x());
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 4, 4);
    painter->setPen(Qt::white);
    painter->drawText(box, Qt::AlignCenter, text);
}

}  // namespace

ImageView::ImageView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    m_pixmapItem = m_scene->addPixmap(QPixmap());
    m_outlineItem = m_scene->addRect(QRectF());
    QPen outlinePen(kOutline, 2.0);
    outlinePen.setCosmetic(true);  // 2 screen pixels at any zoom
    m_outlineItem->setPen(outlinePen);
    m_outlineItem->setZValue(1.0);
    m_outlineItem->hide();

    setBackgroundBrush(kPaneBackground);
    setFrameShape(QFrame::NoFrame);
    setDragMode(QGraphicsView::ScrollHandDrag);
    // Zooming positions the view itself (zoomAround) so both panes agree on the anchor.
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    viewport()->setMouseTracking(true);
    // Drops go to the main window, which loads the files; a pane must not swallow them.
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);

    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &ImageView::viewChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ImageView::viewChanged);
}

void ImageView::setImage(const QImage& image)
{
    m_message.clear();
    m_image = image;
    m_pixmapItem->setPixmap(QPixmap::fromImage(image));
    m_outlineItem->hide();
    setSceneRect(QRectF(image.rect()));
    fitToWindow();
    viewport()->update();
}

void ImageView::replaceImage(const QImage& image)
{
    if (m_image.isNull() || image.size() != m_image.size()) {
        setImage(image);
        return;
    }
    m_image = image;
    m_pixmapItem->setPixmap(QPixmap::fromImage(image));
    viewport()->update();
}

void ImageView::setMessage(const QString& message)
{
    m_message = message;
    m_image = QImage();
    m_pixmapItem->setPixmap(QPixmap());
    m_outlineItem->hide();
    setSceneRect(QRectF(0, 0, 1, 1));
    viewport()->update();
}

void ImageView::setOutline(const QRect& rect)
{
    m_outlineItem->setRect(QRectF(rect));
    m_outlineItem->setVisible(!rect.isEmpty() && !m_image.isNull());
}

void ImageView::setBadge(const QString& text)
{
    m_badge = text;
    viewport()->update();
}

void ImageView::setDivider(std::optional<double> x, const QString& leftLabel,
                           const QString& rightLabel)
{
    m_divider = x;
    m_dividerLeft = leftLabel;
    m_dividerRight = rightLabel;
    if (!x) {
        m_draggingDivider = false;
        if (dragMode() == QGraphicsView::ScrollHandDrag)
            viewport()->setCursor(Qt::OpenHandCursor);
    }
    viewport()->update();
}

void ImageView::mousePressEvent(QMouseEvent* event)
{
    if (m_divider && event->button() == Qt::LeftButton && !m_image.isNull()) {
        const double dividerX = mapFromScene(QPointF(*m_divider, 0.0)).x();
        if (std::abs(event->position().x() - dividerX) <= kDividerGrabPixels) {
            m_draggingDivider = true;
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void ImageView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_draggingDivider && event->button() == Qt::LeftButton) {
        m_draggingDivider = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

double ImageView::zoom() const
{
    return transform().m11();
}

QPointF ImageView::sceneCentre() const
{
    // Exact (sub-pixel) centre; mapToScene(QPoint) would round to whole view pixels.
    return viewportTransform().inverted().map(QRectF(viewport()->rect()).center());
}

void ImageView::setViewState(double zoom, QPointF sceneCentre, bool fitMode)
{
    if (m_image.isNull())
        return;
    m_fitMode = fitMode;
    applyZoom(zoom);
    centerOn(sceneCentre);
    Q_EMIT viewChanged();
}

void ImageView::zoomIn()
{
    zoomAround(kStepFactor, QRectF(viewport()->rect()).center());
}

void ImageView::zoomOut()
{
    zoomAround(1.0 / kStepFactor, QRectF(viewport()->rect()).center());
}

void ImageView::fitToWindow()
{
    m_fitMode = true;
    if (m_image.isNull())
        return;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    updateSmoothing();
    Q_EMIT viewChanged();
}

void ImageView::actualSize()
{
    if (zoom() > 0.0)
        zoomAround(1.0 / zoom(), QRectF(viewport()->rect()).center());
}

void ImageView::wheelEvent(QWheelEvent* event)
{
    const int notches120 = event->angleDelta().y();
    if (notches120 == 0 || m_image.isNull()) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double factor = std::pow(2.0, notches120 / (120.0 * kWheelNotchesPerDoubling));
    zoomAround(factor, event->position());
    event->accept();
}

void ImageView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_draggingDivider) {
        const double x = viewportTransform().inverted().map(event->position()).x();
        Q_EMIT dividerDragged(std::clamp(x, 0.0, static_cast<double>(m_image.width())));
        reportPixelAt(event->position());
        event->accept();
        return;
    }
    if (m_divider && !m_image.isNull()) {
        const double dividerX = mapFromScene(QPointF(*m_divider, 0.0)).x();
        viewport()->setCursor(std::abs(event->position().x() - dividerX) <= kDividerGrabPixels
                                  ? Qt::SplitHCursor
                                  : Qt::OpenHandCursor);
    }
    QGraphicsView::mouseMoveEvent(event);  // drag-to-pan
    reportPixelAt(event->position());
}

bool ImageView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::Leave && m_pixelHovered) {
        m_pixelHovered = false;
        Q_EMIT pixelLeft();
    }
    return QGraphicsView::viewportEvent(event);
}

void ImageView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitMode)
        fitToWindow();
}

void ImageView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (m_divider && !m_image.isNull()) {
        painter->save();
        painter->resetTransform();
        const double x = mapFromScene(QPointF(*m_divider, 0.0)).x();
        const QRect area = viewport()->rect();
        painter->setPen(QPen(QColor(0, 0, 0, 160), 4));
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        painter->setPen(QPen(Qt::white, 2));
        painter->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        // A grip in the middle says it can be dragged.
        painter->setBrush(Qt::white);
        painter->setPen(QPen(QColor(0x2a, 0x2d, 0x31), 1));
        painter->drawRoundedRect(QRectF(x - 6, area.center().y() - 18, 12, 36), 4, 4);
        const double labelY = area.bottom() - 34;
        if (!m_dividerLeft.isEmpty())
            drawLabelBox(painter, QPointF(x - 6, labelY), m_dividerLeft, QColor(0xb0, 0x3a, 0x2e),
                         true);
        if (!m_dividerRight.isEmpty())
            drawLabelBox(painter, QPointF(x + 6, labelY), m_dividerRight, QColor(0x3d, 0x46, 0x52));
        painter->restore();
    }
    if (!m_badge.isEmpty()) {
        painter->save();
        painter->resetTransform();
        drawLabelBox(painter, QPointF(10, 10), m_badge, QColor(0xb0, 0x3a, 0x2e));
        painter->restore();
    }
    if (m_message.isEmpty())
        return;
    // In viewport coordinates, so the sentence stays readable at any zoom.
    painter->save();
    painter->resetTransform();
    painter->setPen(QColor(0xd0, 0xd4, 0xd9));
    const QRect box = viewport()->rect().adjusted(24, 24, -24, -24);
    painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_message);
    painter->restore();
}

void ImageView::zoomAround(double factor, QPointF viewportPos)
{
    if (m_image.isNull())
        return;
    const QPointF anchor = viewportTransform().inverted().map(viewportPos);
    m_fitMode = false;
    applyZoom(zoom() * factor);
    // Scroll so the image point that was under the cursor is under it again.
    const QPointF drift = viewportTransform().map(anchor) - viewportPos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
    Q_EMIT viewChanged();
}

void ImageView::applyZoom(double zoom)
{
    const double clamped = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(clamped, clamped));
    updateSmoothing();
}

void ImageView::updateSmoothing()
{
    // Shrunk images are smoothed; enlarged ones show their real pixels, which is what an
    // examiner zooms in to see.
    m_pixmapItem->setTransformationMode(zoom() < 1.0 ? Qt::SmoothTransformation
                                                     : Qt::FastTransformation);
}

void ImageView::reportPixelAt(QPointF viewportPos)
{
    const QPointF scenePos = viewportTransform().inverted().map(viewportPos);
    const QPoint pixel(static_cast<int>(std::floor(scenePos.x())),
                       static_cast<int>(std::floor(scenePos.y())));
    if (!m_image.isNull() && m_image.rect().contains(pixel)) {
        m_pixelHovered = true;
        Q_EMIT pixelHovered(pixel);
    } else if (m_pixelHovered) {
        m_pixelHovered = false;
        Q_EMIT pixelLeft();
    }
}

}  // namespace rw
