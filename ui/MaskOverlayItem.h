#pragma once
// Draws a damage mask over the image in a pane: damaged pixels in a translucent red, the
// rest clear. Kept as an image of the mask's size and updated by rectangle, so a brush stroke
// on a large print repaints only what it touched.
#include <QGraphicsItem>
#include <QImage>

#include <opencv2/core.hpp>

namespace rw {

class MaskOverlayItem : public QGraphicsItem {
public:
    MaskOverlayItem();

    // Rebuilds from the whole mask (CV_8UC1, nonzero = damaged); an empty Mat shows nothing.
    void setMask(const cv::Mat& mask);
    // Refreshes `rect` (image coordinates) from `mask`, which must be the mask set before.
    void updateRect(const cv::Mat& mask, const QRect& rect);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QImage m_overlay;  // ARGB32 premultiplied, one pixel per mask pixel
};

}  // namespace rw
