#include "MaskOverlayItem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace rw {

namespace {

// Red for "damaged": distinct from the amber crop box and from any gray of the print.
constexpr QRgb kDamagedColour = qRgba(235, 40, 55, 255);

}  // namespace

MaskOverlayItem::MaskOverlayItem()
{
    // Item opacity carries the overlay's transparency, so the colour itself is opaque.
    setZValue(0.5);
    setAcceptedMouseButtons(Qt::NoButton);
    // paint() draws only the exposed part: a stroke repaints a few pixels, not the print.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
}

void MaskOverlayItem::setMask(const cv::Mat& mask)
{
    prepareGeometryChange();
    if (mask.empty()) {
        m_overlay = QImage();
        return;
    }
    m_overlay = QImage(mask.cols, mask.rows, QImage::Format_ARGB32_Premultiplied);
    updateRect(mask, m_overlay.rect());
}

void MaskOverlayItem::updateRect(const cv::Mat& mask, const QRect& rect)
{
    const QRect area = rect & m_overlay.rect();
    if (area.isEmpty() || mask.cols != m_overlay.width() || mask.rows != m_overlay.height())
        return;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const uchar* in = mask.ptr<uchar>(y);
        auto* out = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
        for (int x = area.left(); x <= area.right(); ++x)
            out[x] = in[x] != 0 ? kDamagedColour : 0;
    }
    update(QRectF(area));
}

QRectF MaskOverlayItem::boundingRect() const
{
    return QRectF(m_overlay.rect());
}

void MaskOverlayItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
                            QWidget* widget)
{
    Q_UNUSED(widget);
    if (m_overlay.isNull())
        return;
    // Sharp pixels at any zoom: the mask is exactly what will be damaged.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QRect exposed = option->exposedRect.toAlignedRect() & m_overlay.rect();
    painter->drawImage(QRectF(exposed), m_overlay, QRectF(exposed));
}

}  // namespace rw
