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
